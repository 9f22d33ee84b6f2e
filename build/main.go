// Command build is the explorer's one program. Compiled to WebAssembly it is
// the app running in the browser; on the host it generates the static site
// into dist/ (prerendering every route) and, with -serve, serves it.
package main

import (
	"runtime/debug"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	explorer "obligations-explorer/app"
)

func main() {
	explorer.Register()
	if goapp.IsClient {
		// Rendering allocates freely (go-app rebuilds the tree on every
		// update) and the collector runs on the page's only thread: at the
		// default GOGC it took about half of a recompute. Collect when the
		// heap has grown fivefold instead, within a limit that keeps the
		// page's memory modest on a phone.
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(192 << 20)
		// The same wasm serves every version of the static files; the
		// version it reports is the one app.js was generated with.
		explorer.Version = goapp.Getenv("GOAPP_VERSION")
		explorer.ReportURL = goapp.Getenv("EXPLORER_REPORT_URL")
		goapp.RunWhenOnBrowser() // never returns
		return
	}
	hostMain()
}
