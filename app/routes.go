// Package app holds the explorer's go-app components: one file per view.
// Components read URL state, call the domain packages under clauses/, and
// render. They never compute a date themselves.
package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Register declares every route. The same table drives the browser and the
// prerendering of the static site.
//
// Every page the explorer has is an exact route: the fixed views, and one
// per product and per document of the catalogue. Patterns catch the rest:
// an unknown product or document (its view says so and lists the known
// ones) and any other path (the not-found view). Compiling the patterns is
// the browser's first use of package regexp, 6-40 ms of a cold start; so
// when the app starts at an exact route, they are added just after its
// first view is on screen (see registerPatternsLater).
func Register() {
	exact := map[string]func() goapp.Composer{
		"/":         func() goapp.Composer { return &calculatorPage{} },
		"/products": func() goapp.Composer { return &productsPage{} },
		"/docs":     func() goapp.Composer { return &docsPage{} },
		"/compare":  func() goapp.Composer { return &comparePage{} },
		"/search":   func() goapp.Composer { return &searchPage{} },
		"/about":    func() goapp.Composer { return &aboutPage{} },
	}
	for _, p := range cat.Products {
		exact["/products/"+p.Slug] = func() goapp.Composer { return &productPage{} }
	}
	for _, d := range cat.Documents {
		exact["/docs/"+d.ID] = func() goapp.Composer { return &docPage{} }
	}
	for path, newView := range exact {
		goapp.Route(path, newView)
	}
	if goapp.IsClient {
		if _, ok := exact[routePath(goapp.Window().URL().Path)]; ok {
			registerPatternsLater()
			return
		}
	}
	registerPatterns()
}

// registerPatternsLater registers the patterns in a browser task of their
// own: queued before the first view, which go-app renders within the
// current task, they run after it. As a goroutine they ran in the same task
// as soon as the first render waited, before the browser could paint that
// view or tell observers it was ready: from marks set in the page, the ready
// marker reached a MutationObserver 20-50 ms after it was set, 2-30 ms now.
// Until they run, a moment after the first view, nothing needs them: the
// explorer's own links name products and documents of the catalogue, which
// have exact routes, and an address typed or pasted loads the page anew.
func registerPatternsLater() {
	var f goapp.Func
	f = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		f.Release()
		registerPatterns()
		return nil
	})
	goapp.Window().Call("setTimeout", f, 0)
}

// registerPatterns adds the routes of the paths no exact route names, in the
// order they are tried.
func registerPatterns() {
	goapp.RouteWithRegexp(`^/products/[^/]+$`, func() goapp.Composer { return &productPage{} })
	goapp.RouteWithRegexp(`^/docs/[^/]+$`, func() goapp.Composer { return &docPage{} })
	goapp.RouteWithRegexp(`.*`, func() goapp.Composer { return &notFoundPage{} })
}

// StaticPages lists every path the static site prerenders: the fixed routes,
// one page per product and per document, and the not-found page.
func StaticPages() []string {
	pages := []string{"/", "/products", "/docs", "/compare", "/search", "/about", "/404"}
	for _, p := range cat.Products {
		pages = append(pages, "/products/"+p.Slug)
	}
	for _, d := range cat.Documents {
		pages = append(pages, "/docs/"+d.ID)
	}
	return pages
}
