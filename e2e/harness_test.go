//go:build e2e

// Package e2e drives the built static site in headless Chromium.
//
// `make e2e` builds two sites (at / and at /explorer/) and passes their
// directories in E2E_ROOT and E2E_EXPLORER. Each test serves what it needs on
// 127.0.0.1 (random ports) with the same server `make serve` uses, and fails
// when the page logs a console error, throws, or prints a Go panic.
package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"obligations-explorer/build/site"
)

var (
	rootDist     = os.Getenv("E2E_ROOT")
	explorerDist = os.Getenv("E2E_EXPLORER")
	shotsDir     = os.Getenv("E2E_SHOTS")
	browserCtx   context.Context
)

func TestMain(m *testing.M) {
	if rootDist == "" || explorerDist == "" {
		fmt.Println("E2E_ROOT and E2E_EXPLORER must name built sites: run `make e2e`")
		os.Exit(2)
	}
	ctx, cancel := newBrowser()
	browserCtx = ctx
	code := m.Run()
	cancel()
	os.Exit(code)
}

// newBrowser starts a headless Chromium with its own empty profile, with the
// flags this closed network needs (no background connections).
func newBrowser() (context.Context, context.CancelFunc) {
	profile, _ := os.MkdirTemp("", "e2e-chromium-")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	if err := chromedp.Run(ctx); err != nil {
		panic(fmt.Sprintf("starting chromium: %v", err))
	}
	return ctx, func() { cancelCtx(); cancelAlloc(); os.RemoveAll(profile) }
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// server serves a built site like `make serve` does, on a random port, and
// can be stopped mid-test (to go offline) or switched to another build.
type server struct {
	*site.Server
	URL  string // http://127.0.0.1:port (no base)
	Base string // "" or "/explorer"
	ln   net.Listener
	srv  *http.Server
}

func serve(t *testing.T, dir, base string) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &server{Server: site.NewServer(dir, base), URL: "http://" + ln.Addr().String(), Base: site.CleanBase(base), ln: ln}
	s.srv = &http.Server{Handler: s.Server}
	go s.srv.Serve(ln)
	t.Cleanup(func() { s.Stop() })
	return s
}

// Page returns the full URL of a path under the site's base.
func (s *server) Page(path string) string { return s.URL + s.Base + path }

// Stop closes the server and its connections: the network is gone.
func (s *server) Stop() { s.srv.Close() }

// tab is one browser tab whose console is watched.
type tab struct {
	ctx     context.Context
	t       *testing.T
	mu      sync.Mutex
	errors  []string
	allowed []string // substrings of console errors this test expects
	dialogs int
}

// newTab opens a tab in the shared browser (or in the browser of parent, when
// given) and fails the test at cleanup if the page logged an error.
func newTab(t *testing.T, parent ...context.Context) *tab {
	t.Helper()
	bctx := browserCtx
	if len(parent) > 0 {
		bctx = parent[0]
	}
	ctx, cancel := chromedp.NewContext(bctx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	tb := &tab{ctx: ctx, t: t}
	chromedp.ListenTarget(ctx, tb.listen)
	if err := chromedp.Run(ctx, cdplog.Enable(), runtime.Enable(), page.Enable()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tb.mu.Lock()
		errs := append([]string(nil), tb.errors...)
		dialogs := tb.dialogs
		tb.mu.Unlock()
		for _, e := range errs {
			t.Errorf("page error: %s", e)
		}
		if dialogs > 0 {
			t.Errorf("%d JavaScript dialogs opened (injected script ran)", dialogs)
		}
		cancelTimeout()
		cancel()
	})
	return tb
}

// allow lets console errors containing s pass (e.g. the 404 of a not-found page).
func (tb *tab) allow(s string) {
	tb.mu.Lock()
	tb.allowed = append(tb.allowed, s)
	tb.mu.Unlock()
}

func (tb *tab) listen(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			} else {
				parts = append(parts, a.Description)
			}
		}
		text := strings.Join(parts, " ")
		// A Go panic comes through console.log; errors through console.error.
		if ev.Type == runtime.APITypeError || strings.Contains(text, "panic:") {
			msg = "console." + string(ev.Type) + ": " + text
		}
	case *runtime.EventExceptionThrown:
		msg = "exception: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.LevelError {
			msg = "log: " + ev.Entry.Text + " " + ev.Entry.URL
		}
	case *page.EventJavascriptDialogOpening:
		tb.mu.Lock()
		tb.dialogs++
		tb.mu.Unlock()
		go chromedp.Run(tb.ctx, page.HandleJavaScriptDialog(false))
		return
	}
	if msg == "" {
		return
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, a := range tb.allowed {
		if strings.Contains(msg, a) {
			return
		}
	}
	tb.errors = append(tb.errors, msg)
}

func (tb *tab) run(actions ...chromedp.Action) {
	tb.t.Helper()
	if err := chromedp.Run(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// open navigates to url and waits until the app says it rendered it.
func (tb *tab) open(url string) {
	tb.t.Helper()
	tb.run(chromedp.Navigate(url))
	tb.waitReady()
}

// waitReady waits for <html data-state="ready"> with data-url equal to the
// address bar's path and query: the app rendered exactly this state.
func (tb *tab) waitReady() {
	tb.t.Helper()
	const js = `(() => {
		const h = document.documentElement;
		return h.dataset.state === "ready" && h.dataset.url === location.pathname + location.search;
	})()`
	tb.waitFor(js, 60*time.Second)
}

// waitFor polls a JavaScript expression until it is true.
func (tb *tab) waitFor(expr string, timeout time.Duration) {
	tb.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		// Each poll has its own short deadline: an evaluation can hang while
		// the page it ran in is being replaced by a navigation.
		pollCtx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
		err := chromedp.Run(pollCtx, chromedp.Evaluate(expr, &ok, awaitPromise))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			var state, url, loc string
			chromedp.Run(tb.ctx,
				chromedp.Evaluate(`document.documentElement.dataset.state || ""`, &state),
				chromedp.Evaluate(`document.documentElement.dataset.url || ""`, &url),
				chromedp.Evaluate(`location.href`, &loc))
			tb.t.Fatalf("timed out waiting for %s (err %v; location %s, data-state %q, data-url %q)", strings.Join(strings.Fields(expr), " "), err, loc, state, url)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

// eval evaluates a JavaScript expression into out.
func (tb *tab) eval(expr string, out any) {
	tb.t.Helper()
	tb.run(chromedp.Evaluate(expr, out, awaitPromise))
}

// text returns the text of the first element matching a CSS selector, or "".
func (tb *tab) text(selector string) string {
	tb.t.Helper()
	var s string
	tb.eval(fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, selector), &s)
	return strings.TrimSpace(s)
}

// count returns how many elements match a CSS selector.
func (tb *tab) count(selector string) int {
	tb.t.Helper()
	var n int
	tb.eval(fmt.Sprintf(`document.querySelectorAll(%q).length`, selector), &n)
	return n
}

// attr returns an attribute of <html>.
func (tb *tab) htmlAttr(name string) string {
	tb.t.Helper()
	var s string
	tb.eval(fmt.Sprintf(`document.documentElement.getAttribute(%q) || ""`, name), &s)
	return s
}

// screenshot saves a full-page PNG at the given viewport width into
// E2E_SHOTS (when set), for people to look at.
func (tb *tab) screenshot(name string, width int64) {
	tb.t.Helper()
	if shotsDir == "" {
		return
	}
	os.MkdirAll(shotsDir, 0o755)
	var png []byte
	var height int64
	tb.run(
		chromedp.EmulateViewport(width, 900),
		chromedp.Sleep(150*time.Millisecond),
		chromedp.Evaluate(`document.documentElement.scrollHeight`, &height),
	)
	if height > 8000 {
		// A whole agreement is too tall for one image: take its first screens.
		tb.run(chromedp.EmulateViewport(width, 2400), chromedp.CaptureScreenshot(&png))
	} else {
		tb.run(chromedp.FullScreenshot(&png, 100))
	}
	if err := os.WriteFile(filepath.Join(shotsDir, name+".png"), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// nodes returns the DOM nodes matching a selector (for iframe queries).
func (tb *tab) nodes(selector string) []*cdp.Node {
	tb.t.Helper()
	var ns []*cdp.Node
	tb.run(chromedp.Nodes(selector, &ns, chromedp.ByQueryAll))
	return ns
}

// nodesIn returns the nodes matching selector inside a frame (or any node).
func (tb *tab) nodesIn(in chromedp.QueryOption, selector string) []*cdp.Node {
	tb.t.Helper()
	var ns []*cdp.Node
	tb.run(chromedp.Nodes(selector, &ns, chromedp.ByQueryAll, in, chromedp.AtLeast(0)))
	return ns
}
