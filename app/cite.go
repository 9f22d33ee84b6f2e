package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/clauses/model"
)

// cite renders a citation chip: a disclosure whose summary names the clause
// (and carries data-clause) and whose body shows the clause's original text
// with the quoted words highlighted, our translation, and a link to the
// clause in the reader.
func (p *page) cite(docID, clauseID, quote string) goapp.UI {
	lang := p.St.Lang
	meta, _ := cat.Document(docID)
	docTitle := meta.Title.In(htmlLang(lang))
	var clause *model.Clause
	var doc *model.Document
	if _, corpus, err := calculator(); err == nil {
		if d, ok := corpus.Doc(docID); ok {
			doc = d
			clause, _ = d.Clause(clauseID)
		}
	}
	ref := docID + "#" + clauseID
	label := displayID(clauseID, lang)
	summary := goapp.Summary().DataSet("clause", ref).Body(
		goapp.Span().Class("chip").Text(label),
		goapp.Span().Class("doc").Text(" "+docTitle),
	)
	if clause == nil {
		return goapp.Details().Class("cite").Body(summary)
	}
	orig, trans := doc.Lang, doc.TranslationLang()
	return goapp.Details().Class("cite").Body(
		summary,
		goapp.Div().Class("cite-body").Body(
			goapp.Div().Class("cite-original").Lang(orig).Body(
				goapp.Span().Class("badge original").Text(tr(lang, "原文", "Original")),
				highlighted(clause.PlainText(orig), quote),
			),
			goapp.Div().Class("cite-translation").Lang(trans).Body(
				goapp.Span().Class("badge translation").Text(tr(lang, "非官方译文", "Unofficial translation")),
				goapp.P().Text(clause.PlainText(trans)),
			),
			p.link("/docs/"+docID+"#"+clauseID, carry(p.St)).Text(tr(lang, "在原文中阅读 ", "Read in the document ")+label),
		),
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
		return goapp.P().Text(text)
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
		parts = append(parts, goapp.Mark().Text(quote))
		text = text[i+len(quote):]
	}
	if text != "" {
		parts = append(parts, goapp.Text(text))
	}
	return goapp.P().Body(parts...)
}
