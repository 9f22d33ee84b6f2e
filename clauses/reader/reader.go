// Package reader renders a document for the reader page (/docs/<doc>) as
// HTML, at build time. The browser inserts it whole: building the
// thousands of elements of the Product Service Agreement one by one from
// WebAssembly took seconds; parsing ready HTML takes the browser
// milliseconds. Clause text is always escaped: the corpus is data, never
// markup.
package reader

import (
	"fmt"
	"html"
	"strings"

	"obligations-explorer/clauses/model"
)

// HTML returns the table of contents and every clause of d, for the page
// language lang: "zh", "en" or "both" (original and translation side by
// side, interface in Chinese). The markup is the contract of DESIGN §4:
// each clause a <section id=<clause> data-clause="<doc>#<clause>"> holding
// [data-original] and [data-translation], each with its own lang; the
// one not in the page's language is hidden unless lang is both.
func HTML(d *model.Document, lang string) (string, error) {
	switch lang {
	case "zh", "en", "both":
	default:
		return "", fmt.Errorf("reader: no language %q", lang)
	}
	var b strings.Builder
	b.WriteString(`<div class="doc-body">`)
	toc(&b, d, lang)
	fmt.Fprintf(&b, `<div class="clauses %s">`, lang)
	orig, trans := d.Lang, d.TranslationLang()
	for _, c := range d.Clauses {
		clause(&b, d.ID, c, lang, orig, trans)
	}
	b.WriteString(`</div></div>`)
	return b.String(), nil
}

// tr picks the page language's text; "both" has a Chinese interface.
func tr(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func interfaceLang(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "zh"
}

var esc = html.EscapeString

func toc(b *strings.Builder, d *model.Document, lang string) {
	first := map[string]string{}
	for _, c := range d.Clauses {
		if _, ok := first[c.Section]; !ok {
			first[c.Section] = c.ID
		}
	}
	open := ""
	if len(d.Sections) > 1 && len(d.Sections) < 20 {
		open = " open"
	}
	fmt.Fprintf(b, `<details class="toc"%s><summary>%s</summary><ol>`, open, tr(lang, "目录", "Contents"))
	il := interfaceLang(lang)
	for _, s := range d.Sections {
		fmt.Fprintf(b, `<li><a href="#%s">%s</a></li>`, esc(first[s.Name]), esc(s.Title[il]))
	}
	b.WriteString(`</ol></details>`)
}

func clause(b *strings.Builder, docID string, c *model.Clause, lang, orig, trans string) {
	cls := "clause kind-" + c.Kind
	if len(c.Text[orig]) == 0 {
		cls += " title-only"
	}
	fmt.Fprintf(b, `<section id="%s" class="%s" data-clause="%s">`, esc(c.ID), esc(cls), esc(docID+"#"+c.ID))
	side(b, c, lang, orig, true)
	side(b, c, lang, trans, false)
	note(b, c, lang)
	fmt.Fprintf(b, `<a class="anchor" href="#%s" aria-label="%s">#</a>`, esc(c.ID),
		esc(tr(lang, "条款 "+c.ID+" 的链接", "Link to clause "+c.ID)))
	fmt.Fprintf(b, `<button type="button" class="copy" data-copy="%s" aria-label="%s">%s</button>`, esc(c.ID),
		esc(tr(lang, "复制链接：条款 "+c.ID, "Copy link: clause "+c.ID)), tr(lang, "复制链接", "Copy link"))
	b.WriteString(`</section>`)
}

// note writes the corpus's editorial note on a clause, when it has one: why
// its number differs from its id, a typo kept verbatim, a cross-reference
// that looks stale, a word translated literally. A reader of the original
// must see these, not only the corpus's editors. The notes are written in
// English, with our Chinese translation: a Chinese page shows the
// translation, a bilingual page both, and a note not yet translated shows
// in English, labelled as such.
func note(b *strings.Builder, c *model.Clause, lang string) {
	if c.Note == "" {
		return
	}
	switch {
	case lang == "en":
		fmt.Fprintf(b, `<p class="clause-note"><span class="label">Editor's note:</span> <span lang="en">%s</span></p>`, esc(c.Note))
	case c.NoteZh == "":
		fmt.Fprintf(b, `<p class="clause-note"><span class="label">编者注（英文）：</span> <span lang="en">%s</span></p>`, esc(c.Note))
	case lang == "both":
		fmt.Fprintf(b, `<p class="clause-note"><span class="label">编者注：</span> <span lang="zh">%s</span><br><span class="label" lang="en">Editor's note:</span> <span lang="en">%s</span></p>`, esc(c.NoteZh), esc(c.Note))
	default:
		fmt.Fprintf(b, `<p class="clause-note"><span class="label">编者注：</span> <span lang="zh">%s</span></p>`, esc(c.NoteZh))
	}
}

// shown says whether text in l is visible on a page in lang.
func shown(lang, l string) bool {
	return lang == "both" || lang == l
}

func side(b *strings.Builder, c *model.Clause, lang, l string, original bool) {
	role := "translation"
	if original {
		role = "original"
	}
	hidden := ""
	if !shown(lang, l) {
		hidden = " hidden"
	}
	fmt.Fprintf(b, `<div lang="%s" class="text"%s data-%s="%s">`, l, hidden, role, l)
	paras := c.Text[l]
	if lang == "both" && len(paras) > 0 {
		if original {
			fmt.Fprintf(b, `<span class="badge original">%s</span>`, tr(lang, "原文", "Original"))
		} else {
			fmt.Fprintf(b, `<span class="badge translation">%s</span>`, tr(lang, "非官方译文", "Unofficial translation"))
		}
	}
	switch {
	case c.Title != nil && c.Title[l] != "":
		fmt.Fprintf(b, `<h2 class="clause-title"><span class="num">%s </span>%s</h2>`, esc(c.Label), esc(c.Title[l]))
	case len(paras) > 0 && c.Label != "":
		fmt.Fprintf(b, `<span class="num">%s </span>`, esc(c.Label))
	}
	for _, p := range paras {
		paragraph(b, p)
	}
	b.WriteString(`</div>`)
}

// paragraph writes one paragraph: spans as text, bold as <strong>, links
// to the address printed in the source. An address that is not http(s)
// or mailto stays text.
func paragraph(b *strings.Builder, p model.Para) {
	b.WriteString(`<p>`)
	for _, s := range p {
		text := esc(s.T)
		if s.B {
			text = `<strong>` + text + `</strong>`
		}
		if s.H != "" && safeHref(s.H) {
			fmt.Fprintf(b, `<a href="%s" target="_blank" rel="noopener noreferrer">%s</a>`, esc(s.H), text)
			continue
		}
		b.WriteString(text)
	}
	b.WriteString(`</p>`)
}

func safeHref(h string) bool {
	l := strings.ToLower(h)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:")
}
