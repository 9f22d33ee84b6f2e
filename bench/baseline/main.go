// Command baseline is the smallest go-app site worth measuring against: one
// component, the same go-app version and build flags as the explorer, and the
// same readiness marker, so `make bench` compares like with like.
package main

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

type hello struct {
	goapp.Compo
	n string
}

func (h *hello) OnNav(ctx goapp.Context) {
	h.n = ctx.Page().URL().Query().Get("v")
	if goapp.IsClient {
		ctx.Defer(func(goapp.Context) {
			u := goapp.Window().URL()
			html := goapp.Window().Get("document").Get("documentElement")
			q := ""
			if u.RawQuery != "" {
				q = "?" + u.RawQuery
			}
			html.Call("setAttribute", "data-url", u.EscapedPath()+q)
			html.Call("setAttribute", "data-state", "ready")
		})
	}
}

func (h *hello) Render() goapp.UI {
	next := "1"
	if h.n == "1" {
		next = "2"
	}
	return goapp.Main().Body(
		goapp.H1().Text("Hello"),
		goapp.P().Text("Version "+h.n),
		goapp.A().Class("toggle").Href("/?v="+next).Text("toggle"),
	)
}

func main() {
	goapp.Route("/", func() goapp.Composer { return &hello{} })
	goapp.RunWhenOnBrowser()

	generate()
}
