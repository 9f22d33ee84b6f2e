package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
)

// navItem is one entry of the main navigation.
type navItem struct {
	route  string
	zh, en string
}

var navItems = []navItem{
	{"/", "期限计算", "Calculator"},
	{"/products", "产品", "Products"},
	{"/docs", "协议文本", "Documents"},
	{"/compare", "对比", "Compare"},
	{"/search", "搜索", "Search"},
	{"/about", "计算说明", "About"},
}

// link renders an <a> to another explorer view. In an embed, links open in
// the top window, as the full explorer (without embed=1): web/shell.js keeps
// go-app's click handler from swallowing them.
func (p *page) link(route string, st state.State) goapp.HTMLElem {
	st.Embed = false
	return p.linkTo(Link(route, st))
}

// linkTo renders an <a> to href, a link made as link makes it (without
// embed=1), for a view that made its links ahead of the render.
func (p *page) linkTo(href string) goapp.HTMLElem {
	a := el("a")
	if p.St.Embed {
		a = a.Attr("target", "_top")
	}
	return a.Attr("href", href)
}

// shell wraps a view's content in the header, navigation, alerts and footer.
// With embed=1 the header and footer are left out.
func (p *page) shell(content ...goapp.UI) goapp.UI {
	lang := p.St.Lang
	return el("div").Class("shell").Body(
		goapp.If(!p.St.Embed, func() goapp.UI {
			return &siteHeader{Lang: p.St.Lang, Section: p.section(), LangHrefs: p.langHrefs()}
		}),
		// The notice and the alerts sit in slots that are always there, so
		// that their coming and going never shifts the elements after them:
		// go-app diffs children by position, and the reader's text, which
		// the browser glue puts into its host element, must not be replaced.
		el("div").Class("update-slot").Body(goapp.If(p.updateReady, func() goapp.UI {
			return el("div").Class("update").Role("status").Body(
				el("span").Text(tr(lang, "新版本已就绪。", "A new version is ready.")),
				el("button").Attr("type", "button").Class("reload").
					Text(tr(lang, "重新加载", "Reload")).
					OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.Reload() }),
			)
		})),
		el("main").ID("main").Body(
			el("div").Class("alert-slot").Body(goapp.If(len(p.Problems) > 0, func() goapp.UI {
				return el("div").Class("alert").Role("alert").Body(
					el("p").Text(tr(lang, "链接中有无法使用的部分：", "Some of this link could not be used:")),
					el("ul").Body(goapp.Range(p.Problems).Slice(func(i int) goapp.UI {
						return el("li").Text(p.Problems[i])
					})),
				)
			})),
			el("div").Class("content").Body(content...),
		),
		goapp.If(!p.St.Embed, func() goapp.UI { return &siteFooter{Lang: p.St.Lang} }),
	)
}

// section is the navigation entry the current route belongs to.
func (p *page) section() string {
	for _, it := range navItems[1:] {
		if p.Route == it.route || len(p.Route) > len(it.route) && p.Route[:len(it.route)+1] == it.route+"/" {
			return it.route
		}
	}
	if p.Route == "/" {
		return "/"
	}
	return ""
}

// langOptions are the choices of the language switch; the choice lives in
// the URL.
var langOptions = [3]struct{ lang, label, name string }{
	{state.LangZh, "中文", "zh"},
	{state.LangEn, "English", "en"},
	{state.LangBoth, "中英对照", "zh"},
}

// langHrefs are the links to the current view in each of langOptions.
func (p *page) langHrefs() [3]string {
	var hrefs [3]string
	for i, o := range langOptions {
		st := p.St
		st.Lang = o.lang
		hrefs[i] = Link(p.Route, st)
	}
	return hrefs
}

// siteHeader is the header: brand, navigation and language switch. It is a
// component of its own, like siteFooter, so that an update which changes
// none of its fields (a recompute of the timeline) neither rebuilds nor
// diffs it: go-app skips a component whose fields are unchanged. Both are
// left out of embeds, so their links never carry embed=1.
type siteHeader struct {
	goapp.Compo
	Lang      string
	Section   string    // the navigation entry of the current view
	LangHrefs [3]string // the current view in each of langOptions
}

func (h *siteHeader) Render() goapp.UI {
	lang := h.Lang
	var items []hnode
	for _, it := range navItems {
		a := headerLink(Link(it.route, state.State{Lang: lang}), h.Section == it.route)
		items = append(items, hn("li").body(a.txt(tr(lang, it.zh, it.en))))
	}
	// The language links carry the whole state of the view, so they change
	// with every recompute: they stay go-app elements, whose hrefs it
	// updates in place. So do the skip link and the brand, whose text and
	// link a language switch updates in place: as one static part, the
	// brand was replaced whole at every switch, and the browser loaded its
	// logo again. The navigation, six links that change only
	// with the language and the view, stays one static part: made of
	// elements, it measured no faster to switch and added calls to the
	// first view.
	return el("header").Class("top").Body(
		el("a").Class("skip").Attr("href", "#main").Text(tr(lang, "跳到正文", "Skip to content")),
		el("div").Class("brand").Body(
			el("a").Attr("href", Link("/", state.State{Lang: lang})).Body(
				// Static, and the same in every language, so never
				// replaced (go-app would also drop alt=""). A PNG, not
				// the SVG it is drawn from: the browser builds a whole
				// document for each SVG image, on the page's thread while
				// the WebAssembly starts (README, "SVG images").
				static(hn("img", "src", Base()+"/web/logo.png", "alt", "", "aria-hidden", "true", "class", "logo", "width", "28", "height", "28")),
				el("span").Text(tr(lang, "阿里云协议义务查询", "Alibaba Cloud obligations explorer")),
			),
		),
		static(hn("nav", "aria-label", tr(lang, "主导航", "Main")).body(hn("ul").body(items...))),
		el("nav").Class("langs").Attr("aria-label", tr(lang, "语言", "Language")).Body(
			goapp.Range(langOptions[:]).Slice(func(i int) goapp.UI {
				o := langOptions[i]
				a := el("a").Attr("href", h.LangHrefs[i]).Lang(o.name).Attr("hreflang", o.name).Attr("data-lang", o.lang).Text(o.label)
				if lang == o.lang {
					a = a.Attr("aria-current", "page")
				}
				return a
			}),
		),
	)
}

// headerLink is a link of the header, marked as the current page when it is.
func headerLink(href string, current bool) hnode {
	if current {
		return hn("a", "href", href, "aria-current", "page")
	}
	return hn("a", "href", href)
}

// siteFooter is the footer (see siteHeader).
type siteFooter struct {
	goapp.Compo
	Lang string
}

func (f *siteFooter) Render() goapp.UI {
	return (&page{St: state.State{Lang: f.Lang}}).footer()
}

// footer names the versions of the texts and says which text is authoritative.
func (p *page) footer() goapp.UI {
	lang := p.St.Lang
	var versions []goapp.UI
	for _, d := range cat.Documents {
		versions = append(versions, el("li").Body(
			el("a").Attr("href", Link("/docs/"+d.ID, carry(p.St))).Text(d.Title.In(htmlLang(lang))),
			goapp.Text(" — "+d.VersionIn(htmlLang(lang))),
		))
	}
	// go-app elements, whose text a language switch updates in place: as
	// one static part, the footer was replaced whole, its <details> with it,
	// the costliest step of a switch after the history entry.
	return el("footer").Class("bottom").Body(
		el("p").Class("disclaimer").Text(tr(lang,
			"原文（中文协议的中文原文、英文协议的英文原文）为准；本站的英文译文和中文译文均为非官方译文，仅供参考。本站不构成法律意见。",
			"The original texts prevail (Chinese for the Chinese documents, English for the English ones). Our English and Chinese translations are unofficial and for reference only. Nothing here is legal advice.")),
		el("details").Body(
			el("summary").Text(tr(lang, "文本版本", "Versions of the texts")),
			el("ul").Class("versions").Body(versions...),
		),
		el("p").Class("build").Text(tr(lang, "规则版本 ", "Rules version ")+Version),
	)
}
