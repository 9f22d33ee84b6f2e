package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/clauses/catalogue"
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

// docPage is "/docs/<doc>".
type docPage struct {
	page
	doc   catalogue.Document
	found bool
}

func (v *docPage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	id := strings.TrimPrefix(v.Route, "/docs/")
	v.doc, v.found = cat.Document(id)
	title := tr(v.St.Lang, "未知文档", "Unknown document")
	if v.found {
		title = v.doc.Title.In(htmlLang(v.St.Lang))
	} else {
		v.alert("没有名为“"+shortSlug(id)+"”的文档。请从下面的列表中选择。", "There is no document called “"+shortSlug(id)+"”. Pick one from the list below.")
	}
	v.ready(ctx, title+tr(v.St.Lang, " · 阿里云协议义务查询", " · Alibaba Cloud obligations explorer"))
}

func (v *docPage) Render() goapp.UI {
	if !v.found {
		return v.shell(v.heading("协议文本", "Documents"), v.documentList())
	}
	d := v.doc
	return v.shell(
		goapp.H1().Text(d.Title.In(htmlLang(v.St.Lang))),
		goapp.P().Class("meta").Text(originalLabel(d, v.St.Lang)+"; "+d.Version),
		v.coming("逐条阅读（原文与译文对照、条款锚点）。", "the clause-by-clause reader (original and translation, clause anchors)."),
	)
}
