package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/clauses/model"
)

// paragraphs renders clause text. Text is always text: spans become text
// nodes, bold becomes <strong>, links become <a> to the address printed in
// the source. Nothing from the corpus is ever parsed as HTML.
func paragraphs(paras []model.Para) goapp.UI {
	return goapp.Range(paras).Slice(func(i int) goapp.UI {
		p := paras[i]
		return goapp.P().Body(goapp.Range(p).Slice(func(j int) goapp.UI {
			s := p[j]
			var node goapp.UI = goapp.Text(s.T)
			if s.B {
				node = goapp.Strong().Text(s.T)
			}
			if s.H != "" {
				return goapp.A().Href(s.H).Target("_blank").Rel("noopener noreferrer").Body(node)
			}
			return node
		}))
	})
}
