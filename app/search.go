package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// searchPage is "/search?q=".
type searchPage struct{ page }

func (v *searchPage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	v.ready(ctx, tr(v.St.Lang, "搜索 · 阿里云协议义务查询", "Search · Alibaba Cloud obligations explorer"))
}

func (v *searchPage) Render() goapp.UI {
	lang := v.St.Lang
	return v.shell(
		v.heading("搜索", "Search"),
		goapp.If(v.St.Query != "", func() goapp.UI {
			// The query is shown as text, never as markup.
			return goapp.P().Body(goapp.Text(tr(lang, "搜索词：", "Query: ")), goapp.Q().Class("query").Text(v.St.Query))
		}),
		v.coming("中英文条款全文搜索。", "full-text search over every clause in both languages."),
	)
}
