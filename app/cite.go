package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
	"obligations-explorer/clauses/compiled"
)

// cite renders a citation chip: a disclosure whose summary names the clause
// (and carries data-clause) and whose body, once opened, shows the clause's
// original text with the quoted words highlighted, our translation, and a
// link to the clause in the reader. The body is rendered only when opened:
// a timeline cites dozens of clauses, and decoding and drawing their text
// up front made every recompute slow.
func (p *page) cite(docID, clauseID, quote string) goapp.UI {
	return &citation{Doc: docID, Clause: clauseID, Quote: quote, Lang: p.St.Lang, Embed: p.St.Embed}
}

// citation is one citation chip (see cite).
type citation struct {
	goapp.Compo
	Doc, Clause, Quote, Lang string
	Embed                    bool

	open    bool
	loadErr error // reading the document failed
}

func (c *citation) Render() goapp.UI {
	lang := c.Lang
	meta, _ := cat.Document(c.Doc)
	label := displayID(c.Clause, lang)
	summary := el("summary").Attr("data-clause", c.Doc+"#"+c.Clause).Body(
		el("span").Class("chip").Text(label),
		el("span").Class("doc").Text(" "+meta.Title.In(htmlLang(lang))),
		goapp.If(c.Quote != "", func() goapp.UI {
			return el("span").Class("print-only quote").Text("“" + c.Quote + "”")
		}),
	)
	return el("details").Class("cite").Attr("open", c.open).
		On("toggle", func(ctx goapp.Context, e goapp.Event) {
			c.open = ctx.JSSrc().Get("open").Bool()
			if _, ok := compiled.Cached(c.Doc); c.open && !ok {
				// The clause text is fetched the first time a chip of
				// its document opens; the chip says so meanwhile.
				id := c.Doc
				ctx.Async(func() {
					_, err := compiled.Document(id)
					ctx.Dispatch(func(goapp.Context) { c.loadErr = err })
				})
			}
		}).
		Body(summary, goapp.If(c.open, func() goapp.UI { return c.body() }))
}

func (c *citation) body() goapp.UI {
	lang := c.Lang
	doc, ok := compiled.Cached(c.Doc)
	if !ok {
		if c.loadErr != nil {
			return el("p").Class("cite-body").Text(tr(lang, "无法读取条文：", "The text could not be read: ") + c.loadErr.Error())
		}
		return el("p").Class("cite-body loading").Text(tr(lang, "正在载入条文……", "Loading the text…"))
	}
	clause, ok := doc.Clause(c.Clause)
	if !ok {
		return el("p").Text(tr(lang, "条款不在文档中。", "The clause is not in the document."))
	}
	orig, trans := doc.Lang, doc.TranslationLang()
	st := state.State{Lang: lang}
	a := el("a").Attr("href", Link("/docs/"+c.Doc+"#"+c.Clause, st))
	if c.Embed {
		a = a.Attr("target", "_top")
	}
	return el("div").Class("cite-body").Body(
		el("div").Class("cite-original").Lang(orig).Body(
			el("span").Class("badge original").Text(tr(lang, "原文", "Original")),
			highlighted(clause.PlainText(orig), c.Quote),
		),
		el("div").Class("cite-translation").Lang(trans).Body(
			el("span").Class("badge translation").Text(tr(lang, "非官方译文", "Unofficial translation")),
			el("p").Text(clause.PlainText(trans)),
		),
		a.Text(tr(lang, "在原文中阅读 ", "Read in the document ")+displayID(c.Clause, lang)),
	)
}

// displayID shows a clause id as people cite it: "4.2.1" → "§4.2.1",
// "special-2.1" → "专用说明 §2.1" / "product terms §2.1".
func displayID(id, lang string) string {
	if rest, ok := strings.CutPrefix(id, "special-"); ok {
		return tr(lang, "专用说明 §", "product terms §") + rest
	}
	return "§" + id
}

// highlighted renders text with every occurrence of quote in <mark>.
func highlighted(text, quote string) goapp.UI {
	if quote == "" || !strings.Contains(text, quote) {
		return el("p").Text(text)
	}
	var parts []goapp.UI
	for {
		i := strings.Index(text, quote)
		if i < 0 {
			break
		}
		if i > 0 {
			parts = append(parts, goapp.Text(text[:i]))
		}
		parts = append(parts, el("mark").Text(quote))
		text = text[i+len(quote):]
	}
	if text != "" {
		parts = append(parts, goapp.Text(text))
	}
	return el("p").Body(parts...)
}

// OnUpdate closes the chip when it is reused for another clause.
func (c *citation) OnUpdate(ctx goapp.Context) {
	c.open = false
}
