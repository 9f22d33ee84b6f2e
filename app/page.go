package app

import (
	"net/url"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
	"obligations-explorer/clauses/catalogue"
)

// Version is the build's version (the git commit), shown in the footer and
// printed on exports. The build program sets it.
var Version = "dev"

// ReportURL is where "report a problem with this rule" links go, with
// {rule} replaced by the rule id; empty means the about page's template.
var ReportURL string

// cat is the catalogue of identifiers, loaded once.
var cat = catalogue.Load()

// page is embedded by every route component. It reads the URL on each
// navigation, keeps what is valid, and collects what is not.
type page struct {
	goapp.Compo

	St       state.State
	Problems []string // messages for [role=alert], in the page's language
	Route    string   // path without the base, e.g. "/docs/mns-terms"

	updateReady bool
	prepared    string // the address OnInit rendered, until OnNav sees it
	shown       bool   // OnNav found the view rendered already (alreadyRendered)
}

// started is set once the first view has read the address the app started
// at (see startURL).
var started bool

// startURL returns the address the app started at to the first view that
// asks, when it is mounted, and nil to every later one. go-app renders a
// view once when it mounts it, before its OnNav: a view that reads the
// address in OnInit renders the link's state at once, instead of rendering
// its zero state and then the real one, which did the work twice at
// start-up. A later view is mounted before go-app updates the address, so it
// waits for OnNav.
func (p *page) startURL() *url.URL {
	if !goapp.IsClient || started {
		return nil
	}
	started = true
	u := goapp.Window().URL()
	p.prepared = u.String()
	p.parseURL(u)
	return u
}

// alreadyRendered says whether this navigation is the one OnInit prepared
// and rendered; the update OnNav would cause is then skipped.
func (p *page) alreadyRendered(ctx goapp.Context) bool {
	prepared := p.prepared
	p.prepared = ""
	if prepared == "" || prepared != ctx.Page().URL().String() {
		return false
	}
	ctx.PreventUpdate()
	p.shown = true
	return true
}

// readURL parses the URL of the navigation being rendered.
func (p *page) readURL(ctx goapp.Context) {
	p.parseURL(ctx.Page().URL())
}

// parseURL reads the view's state from an address.
func (p *page) parseURL(u *url.URL) {
	p.Route = routePath(u.Path)
	p.updateReady = updateInstalled
	var problems []state.Problem
	p.St, problems = state.Parse(u.RawQuery)
	p.Problems = p.Problems[:0]
	for _, pr := range problems {
		p.Problems = append(p.Problems, problemMessage(p.St.Lang, pr))
	}
	if goapp.IsClient {
		// A new navigation: whatever was ready is no longer what is shown.
		goapp.Window().Get("document").Get("documentElement").Call("setAttribute", "data-state", "loading")
	}
}

// alert adds a message about the link for [role=alert].
func (p *page) alert(zh, en string) {
	p.Problems = append(p.Problems, tr(p.St.Lang, zh, en))
}

// ready marks the page as rendered for the URL it was given (DESIGN §4),
// after the update that renders the new state, and sets its title at once
// (called from OnNav, that is before the update). It only ever runs in the
// browser: the prerendered HTML was rendered for no particular query and must
// not claim to be ready.
func (p *page) ready(ctx goapp.Context, title string) {
	if !goapp.IsClient {
		ctx.Page().SetTitle("%s", title)
		return
	}
	doc := goapp.Window().Get("document")
	// The title is known now, in OnNav: set it here, within go-app's wait
	// for its next frame, rather than after the render, where it would add
	// to the time until the page shows the new state (the browser takes
	// 1-2 ms to take a new title). Set directly and only when it changes:
	// go-app's SetTitle also rewrites og:title, which only crawlers of the
	// static HTML read.
	if shownMarks.title != title {
		doc.Set("title", title)
		shownMarks.title = title
	}
	mark := func() {
		html := doc.Get("documentElement")
		if lang := htmlLang(p.St.Lang); shownMarks.lang != lang {
			html.Call("setAttribute", "lang", lang)
			shownMarks.lang = lang
		}
		if embed := boolAttr(p.St.Embed); shownMarks.embed != embed {
			html.Call("setAttribute", "data-embed", embed)
			shownMarks.embed = embed
		}
		loc := goapp.Window().Get("location")
		html.Call("setAttribute", "data-url", loc.Get("pathname").String()+loc.Get("search").String())
		html.Call("setAttribute", "data-state", "ready")
	}
	p.afterRender(ctx, mark)
	p.shown = false
}

// shownMarks are the document's title and <html> attributes as ready last
// set them; only this code sets them once the app runs.
var shownMarks struct{ title, lang, embed string }

// afterRender runs f once what this navigation renders is on screen: at once
// when OnNav found the view rendered when it was mounted (alreadyRendered)
// and nothing is left to render, otherwise after the update.
func (p *page) afterRender(ctx goapp.Context, f func()) {
	if p.shown {
		f()
		return
	}
	ctx.Defer(func(goapp.Context) { f() })
}

// updateInstalled is set once go-app reports that a new version has been
// installed; it outlives the page component, so the notice stays on screen
// from view to view until the user reloads.
var updateInstalled bool

// OnAppUpdate is called by go-app once a new version has been installed by
// the service worker; the shell then offers a reload without blocking.
func (p *page) OnAppUpdate(ctx goapp.Context) {
	updateInstalled = true
	p.updateReady = true
}

func boolAttr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
