package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/compiled"
	"obligations-explorer/clauses/model"
)

// docsPage is "/docs": the five documents.
type docsPage struct{ page }

func (v *docsPage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	v.ready(ctx, tr(v.St.Lang, "协议文本 · 阿里云协议义务查询", "Documents · Alibaba Cloud obligations explorer"))
}

func (v *docsPage) Render() goapp.UI {
	return v.shell(v.heading("协议文本", "Documents"), v.documentList())
}

// documentList lists the documents with their versions.
func (p *page) documentList() goapp.UI {
	lang := p.St.Lang
	return goapp.Ul().Class("documents").Body(goapp.Range(cat.Documents).Slice(func(i int) goapp.UI {
		d := cat.Documents[i]
		return goapp.Li().Body(
			p.link("/docs/"+d.ID, carry(p.St)).Text(d.Title.In(htmlLang(lang))),
			goapp.Span().Class("meta").Text(" — "+originalLabel(d, lang)+"; "+d.Version),
		)
	}))
}

// originalLabel says which language a document's authoritative text is in.
func originalLabel(d catalogue.Document, lang string) string {
	if d.Lang == "en" {
		return tr(lang, "原文为英文", "original in English")
	}
	return tr(lang, "原文为中文", "original in Chinese")
}

// docPage is "/docs/<doc>": the reader, clause by clause.
type docPage struct {
	page
	doc      catalogue.Document
	found    bool
	body     *model.Document
	target   string // clause id in the fragment, if any
	loadFail string
}

func (v *docPage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	id := strings.TrimPrefix(v.Route, "/docs/")
	v.doc, v.found = cat.Document(id)
	v.body, v.target = nil, ""
	title := tr(v.St.Lang, "未知文档", "Unknown document")
	if v.found {
		title = v.doc.Title.In(htmlLang(v.St.Lang))
		d, err := compiled.Document(id)
		if err != nil {
			v.alert("无法读取此文档："+err.Error(), "This document could not be read: "+err.Error())
		} else {
			v.body = d
		}
		if goapp.IsClient {
			v.target = fragment()
		}
		if v.body != nil && v.target != "" {
			if _, ok := v.body.Clause(v.target); !ok {
				v.alert("条款“"+shortSlug(v.target)+"”不在本文档中。以下显示整篇文档。",
					"Clause “"+shortSlug(v.target)+"” is not in this document. The whole document is shown below.")
				v.target = ""
			}
		}
	} else {
		v.alert("没有名为“"+shortSlug(id)+"”的文档。请从下面的列表中选择。", "There is no document called “"+shortSlug(id)+"”. Pick one from the list below.")
	}
	v.ready(ctx, title+tr(v.St.Lang, " · 阿里云协议义务查询", " · Alibaba Cloud obligations explorer"))
	if v.target != "" {
		target := v.target
		ctx.Defer(func(goapp.Context) {
			el := goapp.Window().GetElementByID(target)
			if el.Truthy() {
				el.Call("scrollIntoView", map[string]any{"block": "start"})
			}
		})
	}
}

// fragment is the clause id in the address bar's #fragment.
func fragment() string {
	f := goapp.Window().URL().Fragment
	if len(f) > 200 {
		f = f[:200]
	}
	return f
}

func (v *docPage) Render() goapp.UI {
	if !v.found {
		return v.shell(v.heading("协议文本", "Documents"), v.documentList())
	}
	d := v.doc
	lang := v.St.Lang
	if v.body == nil {
		return v.shell(goapp.H1().Text(d.Title.In(htmlLang(lang))))
	}
	orig, trans := v.body.Lang, v.body.TranslationLang()
	show := func(l string) bool {
		switch lang {
		case "both":
			return true
		case "en":
			return l == "en"
		}
		return l == "zh"
	}
	return v.shell(
		goapp.H1().Text(d.Title.In(htmlLang(lang))),
		goapp.Div().Class("doc-meta").Body(
			goapp.P().Body(
				goapp.Strong().Text(tr(lang, "原文为准：", "The original prevails: ")),
				goapp.Text(originalLabel(d, lang)+"; "+d.Version+". "),
				goapp.Text(tr(lang,
					"译文由本站提供，为非官方译文，仅供参考。",
					"The translation is ours, unofficial, for reference only.")),
			),
			// None of our copies records the address it was taken from; say
			// so rather than guess one.
			goapp.P().Text(tr(lang, "本站副本未记录官方网址。", "Our copy does not record the official address.")),
			goapp.If(d.ID == "product-service-agreement", func() goapp.UI {
				return goapp.P().Text(tr(lang,
					"第75条在本站所据文本中被截断，仅收录现存部分。",
					"Section 75 is cut off in the copy we work from; only what survives is shown."))
			}),
		),
		v.toc(),
		goapp.Div().Class("clauses "+lang).Body(
			goapp.Range(v.body.Clauses).Slice(func(i int) goapp.UI {
				return v.clause(v.body.Clauses[i], orig, trans, show)
			}),
		),
	)
}

// toc lists the document's sections.
func (v *docPage) toc() goapp.UI {
	lang := htmlLang(v.St.Lang)
	first := map[string]string{}
	for _, c := range v.body.Clauses {
		if _, ok := first[c.Section]; !ok {
			first[c.Section] = c.ID
		}
	}
	return goapp.Details().Class("toc").Open(len(v.body.Sections) > 1 && len(v.body.Sections) < 20).Body(
		goapp.Summary().Text(tr(v.St.Lang, "目录", "Contents")),
		goapp.Ol().Body(goapp.Range(v.body.Sections).Slice(func(i int) goapp.UI {
			s := v.body.Sections[i]
			return goapp.Li().Body(goapp.A().Href("#" + first[s.Name]).Text(s.Title[lang]))
		})),
	)
}

// clause renders one clause with its original and translation, each marked
// with its language (DESIGN §4); the one not in the page's language is
// hidden unless lang=both.
func (v *docPage) clause(c *model.Clause, orig, trans string, show func(string) bool) goapp.UI {
	lang := v.St.Lang
	cls := "clause kind-" + c.Kind
	if c.ID == v.target {
		cls += " targeted"
	}
	if len(c.Text[orig]) == 0 {
		cls += " title-only"
	}
	side := func(l string, original bool) goapp.UI {
		div := goapp.Div().Lang(l).Class("text").Hidden(!show(l))
		if original {
			div = div.DataSet("original", l)
		} else {
			div = div.DataSet("translation", l)
		}
		return div.Body(
			goapp.If(lang == "both" && len(c.Text[l]) > 0, func() goapp.UI {
				if original {
					return goapp.Span().Class("badge original").Text(tr(lang, "原文", "Original"))
				}
				return goapp.Span().Class("badge translation").Text(tr(lang, "非官方译文", "Unofficial translation"))
			}),
			goapp.If(c.Title != nil && c.Title[l] != "", func() goapp.UI {
				return goapp.H2().Class("clause-title").Body(goapp.Span().Class("num").Text(c.Label+" "), goapp.Text(c.Title[l]))
			}).ElseIf(len(c.Text[l]) > 0 && c.Label != "", func() goapp.UI {
				return goapp.Span().Class("num").Text(c.Label + " ")
			}),
			paragraphs(c.Text[l]),
		)
	}
	return goapp.Section().ID(c.ID).Class(cls).DataSet("clause", v.doc.ID+"#"+c.ID).Body(
		side(orig, true),
		side(trans, false),
		goapp.A().Class("anchor").Href("#"+c.ID).Aria("label", tr(lang, "条款 "+c.ID+" 的链接", "Link to clause "+c.ID)).Text("#"),
		goapp.Button().Type("button").Class("copy").DataSet("copy", c.ID).
			Aria("label", tr(lang, "复制链接：条款 "+c.ID, "Copy link: clause "+c.ID)).
			Text(tr(lang, "复制链接", "Copy link")).
			// go-app keeps a handler whose code pointer is unchanged; the
			// scope makes it replace the closure when the clause changes.
			OnClick(v.copyLink(c.ID), goapp.EventScope(v.doc.ID, c.ID)),
	)
}

// copyLink puts the clause's link on the clipboard.
func (v *docPage) copyLink(id string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		u := goapp.Window().URL()
		u.Fragment = id
		clip := goapp.Window().Get("navigator").Get("clipboard")
		if clip.Truthy() {
			p := clip.Call("writeText", u.String())
			// A refused clipboard (no permission) is not an error worth a
			// console message; the anchor link beside it still works.
			p.Call("catch", goapp.FuncOf(func(goapp.Value, []goapp.Value) any { return nil }))
		}
		e.Get("target").Set("textContent", tr(v.St.Lang, "已复制", "Copied"))
	}
}
