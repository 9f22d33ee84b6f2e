// Package app holds the explorer's go-app components: one file per view.
// Components read URL state, call the domain packages under clauses/, and
// render. They never compute a date themselves.
package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Register declares every route. The same table drives the browser and the
// prerendering of the static site.
func Register() {
	goapp.Route("/", func() goapp.Composer { return &calculatorPage{} })
	goapp.Route("/products", func() goapp.Composer { return &productsPage{} })
	goapp.RouteWithRegexp(`^/products/[^/]+$`, func() goapp.Composer { return &productPage{} })
	goapp.Route("/docs", func() goapp.Composer { return &docsPage{} })
	goapp.RouteWithRegexp(`^/docs/[^/]+$`, func() goapp.Composer { return &docPage{} })
	goapp.Route("/compare", func() goapp.Composer { return &comparePage{} })
	goapp.Route("/search", func() goapp.Composer { return &searchPage{} })
	goapp.Route("/about", func() goapp.Composer { return &aboutPage{} })
	// Anything else is a not-found page that still renders the shell and
	// reaches ready. Registered last: regexp routes are tried in order.
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
