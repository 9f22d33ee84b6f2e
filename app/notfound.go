package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage renders any path that is not a route: a clear message and the
// ways on, in the chosen language.
type notFoundPage struct{ page }

// OnInit reads the start-up link before the first render (see startURL).
func (v *notFoundPage) OnInit() { v.startURL() }

func (v *notFoundPage) OnNav(ctx goapp.Context) {
	if !v.alreadyRendered(ctx) {
		v.readURL(ctx)
	}
	v.ready(ctx, tr(v.St.Lang, "页面不存在 · 阿里云协议义务查询", "Page not found · Alibaba Cloud obligations explorer"))
}

func (v *notFoundPage) Render() goapp.UI {
	lang := v.St.Lang
	return v.shell(
		el("div").Role("alert").Class("alert").Body(
			goapp.H1().Text(tr(lang, "页面不存在", "Page not found")),
			el("p").Text(tr(lang, "此地址没有对应的页面。可以从这里继续：", "There is no page at this address. You can continue from here:")),
		),
		el("ul").Body(goapp.Range(navItems).Slice(func(i int) goapp.UI {
			it := navItems[i]
			return el("li").Body(v.link(it.route, carry(v.St)).Text(tr(lang, it.zh, it.en)))
		})),
	)
}
