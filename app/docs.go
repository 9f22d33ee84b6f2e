package app

import (
	htmlpkg "html"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/compiled"
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
			goapp.Span().Class("meta").Text(" — "+originalLabel(d, lang)+tr(lang, "；", "; ")+d.VersionIn(htmlLang(lang))),
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

// docPage is "/docs/<doc>": the reader, clause by clause. Its body is the
// HTML the build rendered for the document and language (package reader),
// fetched once and inserted whole; the page adds the highlight of the
// clause linked to and the copy-link buttons.
type docPage struct {
	page
	doc      catalogue.Document
	found    bool
	html     string // the reader's HTML, once read
	loadFail bool
	target   string // clause id in the fragment, if any
}

// readerHTML keeps the reader files already read, by document and language.
var readerHTML = map[string]string{}

func (v *docPage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	id := strings.TrimPrefix(v.Route, "/docs/")
	v.doc, v.found = cat.Document(id)
	v.html, v.target, v.loadFail = "", "", false
	if !v.found {
		v.alert("没有名为“"+shortSlug(id)+"”的文档。请从下面的列表中选择。", "There is no document called “"+shortSlug(id)+"”. Pick one from the list below.")
		v.ready(ctx, tr(v.St.Lang, "未知文档", "Unknown document")+v.titleSuffix())
		return
	}
	if goapp.IsClient {
		v.target = fragment()
	}
	lang, key := v.St.Lang, id+"."+v.St.Lang
	if html, ok := readerHTML[key]; ok || !goapp.IsClient {
		var err error
		if !ok {
			html, err = compiled.ReaderHTML(id, lang)
		}
		v.show(ctx, html, err)
		return
	}
	// Not read yet: fetch it, and render the page when it is here, unless
	// the user has gone elsewhere meanwhile.
	route := v.Route
	ctx.Async(func() {
		html, err := compiled.ReaderHTML(id, lang)
		ctx.Dispatch(func(ctx goapp.Context) {
			if err == nil {
				readerHTML[key] = html
			}
			if v.Route == route && v.St.Lang == lang {
				v.show(ctx, html, err)
			}
		})
	})
}

func (v *docPage) titleSuffix() string {
	return tr(v.St.Lang, " · 阿里云协议义务查询", " · Alibaba Cloud obligations explorer")
}

// show renders the document's HTML, checks the clause linked to, and marks
// the page ready.
func (v *docPage) show(ctx goapp.Context, html string, err error) {
	if err != nil {
		v.loadFail = true
		v.alert("无法读取此文档："+err.Error(), "This document could not be read: "+err.Error())
	} else {
		v.html = html
	}
	if v.html != "" && v.target != "" && !strings.Contains(v.html, ` data-clause="`+htmlpkg.EscapeString(v.doc.ID+"#"+v.target)+`"`) {
		v.alert("条款“"+shortSlug(v.target)+"”不在本文档中。以下显示整篇文档。",
			"Clause “"+shortSlug(v.target)+"” is not in this document. The whole document is shown below.")
		v.target = ""
	}
	if goapp.IsClient {
		target := v.target
		ctx.Defer(func(goapp.Context) { markTarget(target) })
	}
	v.ready(ctx, v.doc.Title.In(htmlLang(v.St.Lang))+v.titleSuffix())
}

// markTarget highlights the clause linked to, and only it, and scrolls to it.
func markTarget(id string) {
	doc := goapp.Window().Get("document")
	old := doc.Call("querySelectorAll", ".clause.targeted")
	for i := 0; i < old.Length(); i++ {
		old.Index(i).Get("classList").Call("remove", "targeted")
	}
	if id == "" {
		return
	}
	if el := goapp.Window().GetElementByID(id); el.Truthy() {
		el.Get("classList").Call("add", "targeted")
		el.Call("scrollIntoView", map[string]any{"block": "start"})
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
	var body goapp.UI
	switch {
	case v.html != "":
		body = goapp.Div().Class("doc-host").On("click", v.onClick).Body(goapp.Raw(v.html))
	case !v.loadFail:
		body = goapp.P().Class("loading").Text(tr(lang, "正在载入条文……", "Loading the text…"))
	}
	return v.shell(
		goapp.H1().Text(d.Title.In(htmlLang(lang))),
		goapp.Div().Class("doc-meta").Body(
			goapp.P().Body(
				goapp.Strong().Text(tr(lang, "原文为准：", "The original prevails: ")),
				goapp.Text(originalLabel(d, lang)+tr(lang, "；", "; ")+d.VersionIn(htmlLang(lang))+tr(lang, "。", ". ")),
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
		body,
	)
}

// onClick handles the copy-link buttons of the inserted HTML: one handler
// for all of them, on their container.
func (v *docPage) onClick(ctx goapp.Context, e goapp.Event) {
	t := e.Get("target")
	if !t.Truthy() || t.Get("closest").IsUndefined() {
		return
	}
	btn := t.Call("closest", "button.copy")
	if !btn.Truthy() {
		return
	}
	u := goapp.Window().URL()
	u.Fragment = btn.Call("getAttribute", "data-copy").String()
	clip := goapp.Window().Get("navigator").Get("clipboard")
	if clip.Truthy() {
		p := clip.Call("writeText", u.String())
		// A refused clipboard (no permission) is not an error worth a
		// console message; the anchor link beside it still works.
		p.Call("catch", goapp.FuncOf(func(goapp.Value, []goapp.Value) any { return nil }))
	}
	btn.Set("textContent", tr(v.St.Lang, "已复制", "Copied"))
}
