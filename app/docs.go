package app

import (
	"errors"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/compiled"
)

// docsPage is "/docs": the five documents.
type docsPage struct{ page }

// OnInit reads the start-up link before the first render (see startURL).
func (v *docsPage) OnInit() { v.startURL() }

func (v *docsPage) OnNav(ctx goapp.Context) {
	if !v.alreadyRendered(ctx) {
		v.readURL(ctx)
	}
	v.ready(ctx, tr(v.St.Lang, "协议文本 · 阿里云协议义务查询", "Documents · Alibaba Cloud obligations explorer"))
}

func (v *docsPage) Render() goapp.UI {
	return v.shell(v.heading("协议文本", "Documents"), v.documentList())
}

// documentList lists the documents with their versions.
func (p *page) documentList() goapp.UI {
	lang := p.St.Lang
	return el("ul").Class("documents").Body(goapp.Range(cat.Documents).Slice(func(i int) goapp.UI {
		d := cat.Documents[i]
		return el("li").Body(
			p.link("/docs/"+d.ID, carry(p.St)).Text(d.Title.In(htmlLang(lang))),
			el("span").Class("meta").Text(" — "+originalLabel(d, lang)+tr(lang, "；", "; ")+d.VersionIn(htmlLang(lang))),
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
// HTML the build rendered for the document and language (package reader).
// The prerender writes it into the page; in the browser web/shell.js puts it
// into the host element (reusing the prerendered node, or the file it began
// fetching while the WebAssembly loaded), so the text never passes through
// Go. The page adds the highlight of the clause linked to and the copy-link
// buttons.
type docPage struct {
	page
	doc      catalogue.Document
	found    bool
	filled   bool   // the host holds the text of the current language
	loadFail bool   // the text could not be read
	html     string // prerender only: the reader's HTML
	target   string // clause id in the fragment, if any
}

// OnInit reads the link the app started at before the first render (see
// startURL).
func (v *docPage) OnInit() {
	if v.startURL() != nil {
		v.open()
		// The prerendered page holds the text of this link (the default
		// language): render it as shown; OnNav moves it in before anything
		// is painted.
		v.filled = v.found && goapp.Window().Call("explorerHasReader", v.readerURL()).Bool()
	}
}

// open reads which document, and which clause of it, the address names.
func (v *docPage) open() {
	id := strings.TrimPrefix(v.Route, "/docs/")
	v.doc, v.found = cat.Document(id)
	v.html, v.target, v.loadFail, v.filled = "", "", false, false
	if !v.found {
		v.alert("没有名为“"+shortSlug(id)+"”的文档。请从下面的列表中选择。", "There is no document called “"+shortSlug(id)+"”. Pick one from the list below.")
		return
	}
	if goapp.IsClient {
		v.target = fragment()
	}
}

func (v *docPage) OnNav(ctx goapp.Context) {
	rendered := v.alreadyRendered(ctx)
	if !rendered {
		v.readURL(ctx)
		v.open()
	}
	if !v.found {
		v.ready(ctx, tr(v.St.Lang, "未知文档", "Unknown document")+v.titleSuffix())
		return
	}
	if rendered && v.filled {
		// Rendered at mount as shown (OnInit): move the prerendered text in
		// now. Only a clause linked to that is not there needs a render (its
		// alert).
		if r := goapp.Window().Call("explorerFillReaderNow", v.readerURL(), v.target); r.Type() == goapp.TypeBoolean {
			hasTarget := v.target == "" || r.Bool()
			if !hasTarget {
				v.shown = false
				ctx.Update()
			}
			v.finish(ctx, true, hasTarget, nil)
			return
		}
		// Not at hand after all: fill it as a later navigation does.
		v.filled = false
		ctx.Update()
	}
	// The text is filled in after this navigation (below): that update,
	// not this one, makes the page ready.
	v.shown = false
	if !goapp.IsClient {
		html, err := compiled.ReaderHTML(v.doc.ID, v.St.Lang)
		v.html = html
		v.finish(ctx, err == nil, err == nil, err)
		return
	}
	// Once the host element carries the new file's URL (after this
	// navigation's render, or now when the view was rendered at mount), ask
	// the browser glue to fill it, then render what it found.
	url, target, route, lang := v.readerURL(), v.target, v.Route, v.St.Lang
	fill := func(ctx goapp.Context) {
		var onOK, onFail goapp.Func
		release := func() { onOK.Release(); onFail.Release() }
		onOK = goapp.FuncOf(func(_ goapp.Value, args []goapp.Value) any {
			defer release()
			if args[0].IsNull() {
				return nil // the page has moved on to another file
			}
			ctx.Dispatch(func(ctx goapp.Context) {
				if v.Route == route && v.St.Lang == lang {
					v.finish(ctx, true, target == "" || args[0].Bool(), nil)
				}
			})
			return nil
		})
		onFail = goapp.FuncOf(func(_ goapp.Value, args []goapp.Value) any {
			defer release()
			msg := "network error"
			if len(args) > 0 {
				msg = args[0].Call("toString").String()
			}
			ctx.Dispatch(func(ctx goapp.Context) {
				if v.Route == route && v.St.Lang == lang {
					v.finish(ctx, false, true, errors.New(msg))
				}
			})
			return nil
		})
		goapp.Window().Call("explorerFillReader", url, target).Call("then", onOK, onFail)
	}
	if rendered {
		fill(ctx)
		return
	}
	ctx.Defer(fill)
}

// readerURL is the data file with the document's text in the page's language.
func (v *docPage) readerURL() string {
	return v.readerStem() + v.St.Lang + ".html"
}

// readerStem is the data file's URL up to its language.
func (v *docPage) readerStem() string {
	return Base() + "/data/" + strings.TrimSuffix(compiled.ReaderFile(v.doc.ID, ""), ".html")
}

func (v *docPage) titleSuffix() string {
	return tr(v.St.Lang, " · 阿里云协议义务查询", " · Alibaba Cloud obligations explorer")
}

// finish records whether the text is shown and whether the clause linked to
// is in it, highlights that clause, and marks the page ready.
func (v *docPage) finish(ctx goapp.Context, filled, hasTarget bool, err error) {
	v.filled = filled
	if err != nil {
		v.loadFail = true
		v.alert("无法读取此文档："+err.Error(), "This document could not be read: "+err.Error())
	}
	if filled && v.target != "" && !hasTarget {
		v.alert("条款“"+shortSlug(v.target)+"”不在本文档中。以下显示整篇文档。",
			"Clause “"+shortSlug(v.target)+"” is not in this document. The whole document is shown below.")
		v.target = ""
	}
	if goapp.IsClient {
		target := v.target
		v.afterRender(ctx, func() { markTarget(target) })
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
		goapp.Window().Call("explorerScrollToClause", el)
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
	// The host element stays in place (the same position among its
	// siblings) while its text loads, so that the browser glue can fill it
	// and go-app never replaces it; go-app has no children of its own in it.
	host := el("div").Class("doc-host").Attr("data-reader", v.readerURL()).Attr("data-reader-stem", v.readerStem()).
		Hidden(!v.filled).On("click", v.onClick)
	if v.html != "" {
		host = host.Body(goapp.Raw(v.html))
	}
	loading := el("p").Class("loading").Hidden(v.filled || v.loadFail).Text(tr(lang, "正在载入条文……", "Loading the text…"))
	return v.shell(
		goapp.H1().Text(d.Title.In(htmlLang(lang))),
		el("div").Class("doc-meta").Body(
			el("p").Body(
				el("strong").Text(tr(lang, "原文为准：", "The original prevails: ")),
				goapp.Text(originalLabel(d, lang)+tr(lang, "；", "; ")+d.VersionIn(htmlLang(lang))+tr(lang, "。", ". ")),
				goapp.Text(tr(lang,
					"译文由本站提供，为非官方译文，仅供参考。",
					"The translation is ours, unofficial, for reference only.")),
			),
			// None of our copies records the address it was taken from; say
			// so rather than guess one.
			el("p").Text(tr(lang, "本站副本未记录官方网址。", "Our copy does not record the official address.")),
			goapp.If(d.ID == "product-service-agreement", func() goapp.UI {
				return el("p").Text(tr(lang,
					"第75条在本站所据文本中被截断，仅收录现存部分。",
					"Section 75 is cut off in the copy we work from; only what survives is shown."))
			}),
		),
		loading,
		host,
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
