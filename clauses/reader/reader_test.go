package reader

import (
	"strings"
	"testing"

	"obligations-explorer/clauses/model"
)

func doc() *model.Document {
	return &model.Document{
		ID: "mns-terms", Lang: "en",
		Sections: []*model.Section{{Name: "all", Title: map[string]string{"zh": "条款", "en": "Terms"}}},
		Clauses: []*model.Clause{{
			ID: "2.1", Section: "all", Label: "2.1", Kind: "obligation",
			Text: map[string][]model.Para{
				"en": {{{T: `<script>alert(1)</script> see `}, {T: "here", H: "javascript:alert(1)"}, {T: " and "}, {T: "docs", H: "https://example.com/?a=1&b=2", B: true}}},
				"zh": {{{T: "见“文档”"}}},
			},
		}},
	}
}

// The corpus is data: text never becomes markup, and only web addresses
// become links.
func TestTextIsEscapedAndOnlyWebLinksAreLinks(t *testing.T) {
	html, err := HTML(doc(), "en")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, "<script>") || !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("clause text not escaped: %s", html)
	}
	if strings.Contains(html, "javascript:") {
		t.Errorf("a javascript: address became a link: %s", html)
	}
	if !strings.Contains(html, `<a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer"><strong>docs</strong></a>`) {
		t.Errorf("web link or bold lost: %s", html)
	}
}

// A clause's editorial note is shown escaped, in the page's language (both
// on a bilingual page) with its lang marked; an untranslated note shows in
// English, labelled as such; a clause without one shows none.
func TestEditorialNoteIsShownAsText(t *testing.T) {
	const en = `printed as "1." <b>`
	const enHTML = `printed as &#34;1.&#34; &lt;b&gt;`
	const zh = `印作“1.” <i>`
	const zhHTML = `印作“1.” &lt;i&gt;`
	for _, c := range []struct {
		lang, noteZh  string
		want, notWant []string
	}{
		{"en", zh, []string{`<span class="label">Editor's note:</span> <span lang="en">` + enHTML + `</span>`}, []string{zhHTML}},
		{"zh", zh, []string{`<span class="label">编者注：</span> <span lang="zh">` + zhHTML + `</span>`}, []string{enHTML}},
		{"both", zh, []string{`<span lang="zh">` + zhHTML + `</span>`, `<span lang="en">` + enHTML + `</span>`}, nil},
		// Not translated yet: the English note, said to be English.
		{"zh", "", []string{`<span class="label">编者注（英文）：</span> <span lang="en">` + enHTML + `</span>`}, nil},
		{"both", "", []string{`<span class="label">编者注（英文）：</span> <span lang="en">` + enHTML + `</span>`}, nil},
	} {
		d := doc()
		d.Clauses[0].Note, d.Clauses[0].NoteZh = en, c.noteZh
		html, err := HTML(d, c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(html, `<p class="clause-note">`) {
			t.Errorf("%s: no note in %s", c.lang, html)
		}
		for _, w := range c.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s (zh note %q): want %s in %s", c.lang, c.noteZh, w, html)
			}
		}
		for _, w := range c.notWant {
			if strings.Contains(html, w) {
				t.Errorf("%s: %s should not be shown: %s", c.lang, w, html)
			}
		}
	}
	html, err := HTML(doc(), "en")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, "clause-note") {
		t.Errorf("a clause without a note shows one: %s", html)
	}
}

// DESIGN §4: each clause carries its id and data-clause, with original and
// translation in their own lang; the one not in the page language is hidden
// unless lang is both.
func TestClauseMarkupPerLanguage(t *testing.T) {
	for _, c := range []struct {
		lang               string
		hiddenEn, hiddenZh bool
		badges             bool
	}{
		{"en", false, true, false},
		{"zh", true, false, false},
		{"both", false, false, true},
	} {
		html, err := HTML(doc(), c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(html, `<section id="2.1" class="clause kind-obligation" data-clause="mns-terms#2.1">`) {
			t.Errorf("%s: clause element missing: %s", c.lang, html)
		}
		en := `<div lang="en" class="text" data-original="en">`
		if c.hiddenEn {
			en = `<div lang="en" class="text" hidden data-original="en">`
		}
		zh := `<div lang="zh" class="text" data-translation="zh">`
		if c.hiddenZh {
			zh = `<div lang="zh" class="text" hidden data-translation="zh">`
		}
		if !strings.Contains(html, en) || !strings.Contains(html, zh) {
			t.Errorf("%s: want %s and %s in %s", c.lang, en, zh, html)
		}
		if got := strings.Contains(html, `class="badge translation"`); got != c.badges {
			t.Errorf("%s: translation badge shown = %v", c.lang, got)
		}
	}
	if _, err := HTML(doc(), "fr"); err == nil {
		t.Error("an unknown language was accepted")
	}
}
