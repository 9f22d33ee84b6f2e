package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// picker configures productPicker for one view.
type picker struct {
	inputID          string
	labelZh, labelEn string
	chosen           []string
	search           *string                                  // the view's search box text (not in the link)
	chipName         func(slug string) string                 // text of a chosen product's chip
	navigate         func(ctx goapp.Context, chosen []string) // go to the view with a new list
}

// productPicker renders the chosen products as removable chips and a search
// box over Chinese and English names whose matches add a product. The
// calculator and the compare view share it.
//
// Handlers carry an EventScope: go-app keeps an element's old handler when
// the new one has the same code pointer, so without the scope a button
// re-used for another product would still act on the first one.
func (p *page) productPicker(pk picker) goapp.UI {
	lang := p.St.Lang
	var matches []string
	if q := fold(*pk.search); q != "" {
		for _, pr := range matchProducts(q) {
			if !containsSlug(pk.chosen, pr.Slug) {
				matches = append(matches, pr.Slug)
			}
		}
	}
	if len(matches) > 12 {
		matches = matches[:12]
	}
	return el("div").Class("picker").Body(
		el("ul").Class("chips").Body(goapp.Range(pk.chosen).Slice(func(i int) goapp.UI {
			slug := pk.chosen[i]
			name := pk.chipName(slug)
			return el("li").Attr("data-product", slug).Body(
				el("span").Text(name),
				el("button").Attr("type", "button").Class("remove").
					Attr("aria-label", tr(lang, "移除 "+name, "Remove "+name)).Text("×").
					OnClick(func(ctx goapp.Context, e goapp.Event) {
						pk.navigate(ctx, removeSlug(pk.chosen, slug))
					}, goapp.EventScope(slug)),
			)
		})),
		el("label").Attr("for", pk.inputID).Class("label").Text(tr(lang, pk.labelZh, pk.labelEn)),
		voidEl("input").Attr("type", "search").ID(pk.inputID).Class("search").Attr("value", *pk.search).
			Attr("placeholder", tr(lang, "例如：日志服务、RDS、DNS", "e.g. Log Service, RDS, DNS")).
			Attr("autocomplete", "off").
			OnInput(func(ctx goapp.Context, e goapp.Event) {
				*pk.search = ctx.JSSrc().Get("value").String()
			}),
		goapp.If(len(matches) > 0, func() goapp.UI {
			return el("ul").Class("matches").Body(goapp.Range(matches).Slice(func(i int) goapp.UI {
				pr, _ := cat.Product(matches[i])
				return el("li").Body(el("button").Attr("type", "button").Class("add").Attr("data-add", pr.Slug).
					Body(el("span").Text("+ "+productName(pr, lang)), el("span").Class("alt").Text(" "+altName(pr, lang))).
					OnClick(func(ctx goapp.Context, e goapp.Event) {
						*pk.search = ""
						pk.navigate(ctx, append(append([]string{}, pk.chosen...), pr.Slug))
					}, goapp.EventScope(pr.Slug)))
			}))
		}).ElseIf(fold(*pk.search) != "", func() goapp.UI {
			return el("p").Class("hint").Text(tr(lang, "没有匹配的产品。", "No product matches."))
		}),
	)
}
