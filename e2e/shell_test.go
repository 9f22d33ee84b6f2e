//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"obligations-explorer/build/site"
)

// routes are the views every build must render, with a word of the <h1>
// each shows in Chinese and English.
var routes = []struct {
	path   string
	zh, en string
}{
	{"/", "期限计算", "Deadline calculator"},
	{"/products", "产品", "Products"},
	{"/products/log-service", "日志服务", "日志服务"},
	{"/products/mns", "消息服务", "消息服务"},
	{"/docs", "协议文本", "Documents"},
	{"/docs/product-service-agreement", "阿里云产品服务协议", "Alibaba Cloud Product Service Agreement"},
	{"/docs/mns-terms", "消息服务", "Message Service (MNS) Terms of Service"},
	{"/compare", "对比", "Compare"},
	{"/search", "搜索", "Search"},
	{"/about", "计算说明", "About"},
}

func TestEveryRouteReachesReadyInBothLanguages(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	for _, r := range routes {
		for _, lang := range []string{"zh", "en"} {
			url := s.Page(r.path)
			if lang == "en" {
				url += "?lang=en"
			}
			tb.open(url)
			if got := tb.htmlAttr("lang"); got != lang {
				t.Errorf("%s: <html lang=%q>, want %q", url, got, lang)
			}
			want := r.zh
			if lang == "en" {
				want = r.en
			}
			if h1 := tb.text("h1"); !strings.Contains(h1, want) {
				t.Errorf("%s: <h1> %q does not contain %q", url, h1, want)
			}
			if n := tb.count("[role=alert]"); n != 0 {
				t.Errorf("%s: a valid link shows %d alerts: %s", url, n, tb.text("[role=alert]"))
			}
			if n := tb.count("header.top nav a") + tb.count("footer.bottom"); n < 7 {
				t.Errorf("%s: page chrome missing (%d nav links + footer)", url, n)
			}
			name := strings.Trim(strings.ReplaceAll(r.path, "/", "_"), "_")
			if name == "" {
				name = "calculator"
			}
			for _, w := range []int64{360, 1280} {
				tb.screenshot(fmt.Sprintf("route-%s-%s-%d", name, lang, w), w)
				var overflow bool
				tb.eval(`document.documentElement.scrollWidth > window.innerWidth`, &overflow)
				if overflow {
					t.Errorf("%s at %dpx: horizontal scroll", url, w)
				}
			}
		}
	}
}

func TestPrerenderedTextIsThereBeforeTheWasm(t *testing.T) {
	s := serve(t, rootDist, "/")
	for _, r := range routes {
		resp, err := http.Get(s.Page(r.path))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		buf := make([]byte, 1<<16)
		for {
			n, err := resp.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		resp.Body.Close()
		html := b.String()
		if resp.StatusCode != 200 || !strings.Contains(html, "<h1>") || !strings.Contains(html, r.zh) {
			t.Errorf("%s: status %d, prerendered HTML lacks its heading %q", r.path, resp.StatusCode, r.zh)
		}
		if strings.Contains(html, "data-state") {
			t.Errorf("%s: prerendered HTML claims a state", r.path)
		}
		// HTML reads a boolean attribute as true whatever its value: before
		// the WebAssembly runs, open="false" would open every <details>.
		if m := regexp.MustCompile(` (open|selected|disabled|checked|hidden)="false"`).FindString(html); m != "" {
			t.Errorf("%s: prerendered HTML has%s, which HTML reads as true", r.path, m)
		}
		if m := regexp.MustCompile(`<meta [^>]*(og:url|og:image|twitter:image)[^>]*>`).FindString(html); m != "" {
			t.Errorf("%s: og: URL naming no configured host in prerendered HTML: %s", r.path, m)
		}
	}
}

func TestLanguageSwitchRoundTripsThroughTheURL(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/about"))
	if tb.htmlAttr("lang") != "zh" {
		t.Fatalf("default language is %q", tb.htmlAttr("lang"))
	}
	tb.run(chromedp.Click(`.langs a[data-lang="en"]`, chromedp.ByQuery))
	tb.waitFor(`location.search === "?lang=en"`, 10*time.Second)
	tb.waitReady()
	if tb.htmlAttr("lang") != "en" || !strings.Contains(tb.text("h1"), "About") {
		t.Fatalf("after switching to English: lang=%q h1=%q", tb.htmlAttr("lang"), tb.text("h1"))
	}
	// Navigation keeps the language.
	tb.run(chromedp.Click(`header.top nav a[href="/docs?lang=en"]`, chromedp.ByQuery))
	tb.waitFor(`location.pathname === "/docs" && location.search === "?lang=en"`, 10*time.Second)
	tb.waitReady()
	if !strings.Contains(tb.text("h1"), "Documents") {
		t.Fatalf("navigation lost the language: h1=%q", tb.text("h1"))
	}
	tb.run(chromedp.Click(`.langs a[data-lang="both"]`, chromedp.ByQuery))
	tb.waitFor(`location.search === "?lang=both"`, 10*time.Second)
	tb.waitReady()
	if tb.htmlAttr("lang") != "zh" {
		t.Fatalf("lang=both must keep a Chinese interface, got <html lang=%q>", tb.htmlAttr("lang"))
	}
	tb.run(chromedp.Click(`.langs a[data-lang="zh"]`, chromedp.ByQuery))
	tb.waitFor(`location.search === ""`, 10*time.Second)
	tb.waitReady()
	if tb.htmlAttr("lang") != "zh" || !strings.Contains(tb.text("h1"), "协议文本") {
		t.Fatalf("back to Chinese: lang=%q h1=%q", tb.htmlAttr("lang"), tb.text("h1"))
	}
	// The browser's back button restores the previous state.
	tb.run(chromedp.NavigateBack())
	tb.waitFor(`location.search === "?lang=both"`, 10*time.Second)
	tb.waitReady()
}

// TestUnknownPathsAfterAStartAtAKnownOne: the app adds the routes of
// unknown paths only once its first view is shown (see app.Register); a
// move inside the app to such a path must still reach its view.
func TestUnknownPathsAfterAStartAtAKnownOne(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/about?lang=en"))
	for _, c := range []struct{ path, want string }{
		{"/products/no-such-product?lang=en", "There is no product called “no-such-product”"},
		{"/docs/no-such-doc?lang=en", "There is no document called “no-such-doc”"},
		{"/no/such/page?lang=en", "Page not found"},
		{"/docs/mns-terms?lang=en", ""},
	} {
		tb.eval(fmt.Sprintf(`goappNav(%q)`, c.path), nil)
		tb.waitFor(fmt.Sprintf(`document.documentElement.dataset.state === "ready" && document.documentElement.dataset.url === %q`, c.path), 10*time.Second)
		got := tb.text("main")
		if c.want != "" && !strings.Contains(tb.text("[role=alert]"), c.want) {
			t.Errorf("%s: alert lacks %q; main shows %.200q", c.path, c.want, got)
		}
		if c.want == "" && tb.count("[data-clause]") == 0 {
			t.Errorf("%s: the document is not shown", c.path)
		}
	}
}

func TestNotFoundPageIsUsable(t *testing.T) {
	s := serve(t, rootDist, "/")
	resp, err := http.Get(s.Page("/no/such/page"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("unknown path answered %d, want 404", resp.StatusCode)
	}
	tb := newTab(t)
	tb.allow("404 (Not Found)")
	for _, c := range []struct{ path, lang, want string }{
		{"/no/such/page?lang=en", "en", "Page not found"},
		{"/no/such/page", "zh", "页面不存在"},
		{"/products/no-such-product?lang=en", "en", "There is no product called “no-such-product”"},
		{"/docs/no-such-doc", "zh", "没有名为“no-such-doc”的文档"},
	} {
		tb.open(s.Page(c.path))
		if got := tb.text("[role=alert]"); !strings.Contains(got, c.want) {
			t.Errorf("%s: alert %q lacks %q", c.path, got, c.want)
		}
		if tb.htmlAttr("lang") != c.lang {
			t.Errorf("%s: lang %q", c.path, tb.htmlAttr("lang"))
		}
		if n := tb.count("main a"); n < 3 {
			t.Errorf("%s: only %d links onward", c.path, n)
		}
	}
	tb.screenshot("notfound-en-360", 360)
}

func TestHostileQueryStringsRenderAsText(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.allow("404 (Not Found)") // an unknown product is a 404 page
	script := "<script>alert(1)</script>"
	img := `"><img src=x onerror=alert(2)>`
	big := strings.Repeat("A", 100<<10)
	cases := []struct {
		name, path, query string
		alert             string // text the alert must contain ("" for none)
		shown             string // text that must appear literally in the page
	}{
		{"script in search", "/search", "q=" + escape(script) + "&lang=en", "", script},
		{"attribute breakout in search", "/search", "q=" + escape(img) + "&lang=en", "", img},
		{"script as language", "/about", "lang=" + escape(script), "lang", ""},
		{"script as product", "/", "products=" + escape(script) + "&lang=en", "products", ""},
		{"100 KB value", "/search", "lang=en&q=" + big, "too long", ""},
		{"invalid UTF-8", "/search", "lang=en&q=%ff%fe%fd", "not validly encoded", ""},
		{"broken escape", "/docs", "lang=en&%zz=%", "not validly encoded", ""},
		{"markup as a product", "/products/" + escape(`<img src=x onerror=alert(3)>`), "lang=en", "There is no product", ""},
		{"script in a path", "/products/" + escape(script), "lang=en", "Page not found", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb.t = t
			tb.open(s.Page(c.path) + "?" + c.query)
			if n := tb.count("img[src=x], script:not([src])"); n != 0 {
				t.Fatalf("markup from the link was injected (%d elements)", n)
			}
			var body string
			tb.eval(`document.body.innerText`, &body)
			if c.alert != "" && !strings.Contains(tb.text("[role=alert]"), c.alert) {
				t.Errorf("alert %q lacks %q", tb.text("[role=alert]"), c.alert)
			}
			if c.shown != "" && !strings.Contains(body, c.shown) {
				t.Errorf("the query is not shown as text")
			}
			if tb.count("header.top nav a") < 6 {
				t.Errorf("page not usable: navigation missing")
			}
		})
	}
}

func escape(s string) string {
	r := strings.NewReplacer("<", "%3C", ">", "%3E", `"`, "%22", " ", "%20", "=", "%3D", "/", "%2F", "(", "%28", ")", "%29")
	return r.Replace(s)
}

// TestOfflineSecondVisit: after one online visit, every route and any query
// of it loads with the server stopped and the network emulated off, at the
// root and under a sub-path.
func TestOfflineSecondVisit(t *testing.T) {
	for _, c := range []struct{ dist, base string }{{rootDist, "/"}, {explorerDist, "/explorer/"}} {
		t.Run(c.base, func(t *testing.T) {
			bctx, cancel := newBrowser() // a fresh profile: no worker from other tests
			defer cancel()
			s := serve(t, c.dist, c.base)
			tb := newTab(t, bctx)
			tb.open(s.Page("/?lang=en"))
			// The worker has installed (precached everything) and controls the page.
			tb.waitFor(`navigator.serviceWorker.ready.then(r => r.active.state === "activated")`, 60*time.Second)
			var scope string
			tb.eval(`navigator.serviceWorker.getRegistration().then(r => r.scope)`, &scope)
			if want := s.URL + strings.TrimSuffix(s.Base, "/") + "/"; scope != want {
				t.Errorf("worker scope %q, want %q", scope, want)
			}
			var manifestScope string
			tb.eval(`fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(m => m.scope)`, &manifestScope)
			if manifestScope != s.Base+"/" {
				t.Errorf("manifest scope %q, want %q", manifestScope, s.Base+"/")
			}

			s.Stop()
			tb.run(network.Enable(), network.EmulateNetworkConditions(true, 0, -1, -1))
			for _, r := range []string{"/about?lang=both", "/docs/mns-terms?lang=en&unknown=1", "/products/log-service", "/compare?point=order-lapse", "/search?q=%E6%AC%A0%E8%B4%B9", "/?lang=en&products=log-service"} {
				tb.open(s.Page(r))
				if tb.count("header.top nav a") < 6 {
					t.Errorf("offline %s: shell not rendered", r)
				}
			}
			// The clause text comes from data/ beside the site: offline, the
			// reader in every language and a citation's text still load.
			for _, r := range []string{"/docs/product-service-agreement?lang=both#special-2.1", "/docs/api-gateway-terms?lang=zh"} {
				tb.open(s.Page(r))
				if tb.count("[data-clause] [data-original]") < 10 {
					t.Errorf("offline %s: the document's clauses are not shown", r)
				}
			}
			tb.open(s.Page("/?lang=en&products=log-service&event=first-overdue&at=2026-11-23T09:12:00%2B08:00"))
			tb.run(chromedp.Click(`[data-milestone="log-overdue-suspend"] summary[data-clause="product-service-agreement#special-2.1"]`, chromedp.ByQuery))
			tb.waitFor(`!!document.querySelector('[data-milestone="log-overdue-suspend"] .cite-body mark')`, 10*time.Second)
			// Links inside the app carry the base.
			var hrefs []string
			tb.eval(`[...document.querySelectorAll("header.top nav a")].map(a => a.getAttribute("href"))`, &hrefs)
			for _, h := range hrefs {
				if !strings.HasPrefix(h, s.Base+"/") {
					t.Errorf("link %q ignores the base %q", h, s.Base)
				}
			}
			tb.screenshot("offline"+strings.ReplaceAll(c.base, "/", "-")+"en-1280", 1280)
		})
	}
}

// TestUpdateNotice publishes a new version while a tab is open and expects a
// non-blocking "new version" notice with a reload button.
func TestUpdateNotice(t *testing.T) {
	v1 := t.TempDir()
	v2 := t.TempDir()
	copyTree(t, rootDist, v1)
	copyTree(t, rootDist, v2)
	// A new version is the same files with another Version: go-app writes it
	// into app.js and our worker, so the worker's bytes change.
	old := versionOf(t, rootDist)
	for _, f := range []string{"app-worker.js", "app.js"} {
		p := filepath.Join(v2, f)
		b, _ := os.ReadFile(p)
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s does not carry the version %q", f, old)
		}
		os.WriteFile(p, []byte(strings.ReplaceAll(string(b), old, old+"-next")), 0o644)
		os.Remove(p + ".br")
		os.Remove(p + ".gz")
	}
	bctx, cancel := newBrowser()
	defer cancel()
	s := serve(t, v1, "/")
	tb := newTab(t, bctx)
	tb.open(s.Page("/about?lang=en"))
	tb.waitFor(`navigator.serviceWorker.ready.then(r => r.active.state === "activated")`, 60*time.Second)
	// A second visit: now the worker controls the page.
	tb.open(s.Page("/about?lang=en&visit=2"))
	tb.waitFor(`!!navigator.serviceWorker.controller`, 10*time.Second)
	if tb.count(".update") != 0 {
		t.Fatal("update notice shown before any update")
	}
	s.SetDir(v2)
	tb.eval(`window.explorerCheckForUpdate().then(() => true)`, new(bool))
	tb.waitFor(`!!document.querySelector(".update[role=status] button")`, 60*time.Second)
	if got := tb.text(".update"); !strings.Contains(got, "A new version is ready") {
		t.Errorf("notice text %q", got)
	}
	// Non-blocking: the page stays usable under the notice.
	tb.run(chromedp.Click(`header.top nav a[href="/docs?lang=en"]`, chromedp.ByQuery))
	tb.waitFor(`location.pathname === "/docs"`, 10*time.Second)
	tb.waitReady()
	tb.screenshot("update-notice-en-1280", 1280)
	// Reload brings the new version.
	tb.eval(`window.beforeReload = true`, nil)
	tb.run(chromedp.Click(`.update button`, chromedp.ByQuery))
	tb.waitFor(`window.beforeReload === undefined`, 20*time.Second)
	tb.waitReady()
	var ver string
	tb.eval(`document.querySelector(".build").textContent`, &ver)
	if !strings.Contains(ver, old+"-next") {
		t.Errorf("after reload the footer shows %q, want version %s-next", ver, old)
	}
}

func versionOf(t *testing.T, dist string) string {
	b, err := os.ReadFile(filepath.Join(dist, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), `const version = "`)
	v, _, ok2 := strings.Cut(rest, `"`)
	if !ok || !ok2 || v == "" {
		t.Fatal("no version in app-worker.js")
	}
	return v
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestEmbedPostsHeightAndOpensLinksInTheTopWindow puts the explorer in an
// iframe of a page served from another port, as a wiki would.
func TestEmbedPostsHeightAndOpensLinksInTheTopWindow(t *testing.T) {
	s := serve(t, rootDist, "/")
	parent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Wiki</title></head><body>
<h1>Team wiki</h1>
<iframe id="x" src="%s" title="Obligations explorer" style="width:800px;height:200px;border:0"></iframe>
<script>
window.heights = [];
addEventListener("message", (e) => {
  if (e.data && e.data.type === "obligations-explorer:height") {
    window.heights.push(e.data.height);
    document.getElementById("x").style.height = e.data.height + "px";
  }
});
</script></body></html>`, s.Page("/about?embed=1&lang=en"))
	}))
	defer parent.Close()

	tb := newTab(t)
	tb.run(chromedp.Navigate(parent.URL))
	tb.waitFor(`window.heights.length > 0 && window.heights[window.heights.length-1] > 400`, 60*time.Second)
	var first []int
	tb.eval(`window.heights`, &first)

	frames := tb.nodes("iframe#x")
	if len(frames) != 1 {
		t.Fatal("no iframe")
	}
	in := chromedp.FromNode(frames[0])
	tb.run(chromedp.WaitVisible(`html[data-state="ready"]`, chromedp.ByQuery, in))
	headers := len(tb.nodesIn(in, `header.top`))
	footers := len(tb.nodesIn(in, `footer.bottom`))
	links := tb.nodesIn(in, `main a[href]`)
	allLinks, topLinks := len(links), 0
	for _, n := range links {
		if n.AttributeValue("target") == "_top" {
			topLinks++
		}
	}
	if headers != 0 || footers != 0 {
		t.Errorf("embed shows chrome: %d headers, %d footers", headers, footers)
	}
	if allLinks == 0 || topLinks != allLinks {
		t.Errorf("%d of %d links in the embed open in the top window", topLinks, allLinks)
	}

	// A narrower frame makes the text taller: a new height is posted.
	tb.run(chromedp.Evaluate(`document.getElementById("x").style.width = "360px"`, nil))
	tb.waitFor(fmt.Sprintf(`window.heights[window.heights.length-1] > %d`, first[len(first)-1]), 20*time.Second)
	tb.screenshot("embed-en-1280", 1280)

	// Clicking a link leaves the wiki for the full explorer.
	tb.run(chromedp.Click(`main a[href^="/docs/"]`, chromedp.ByQuery, in))
	tb.waitFor(fmt.Sprintf(`location.href.startsWith(%q)`, s.URL+"/docs/"), 20*time.Second)
	var loc string
	tb.eval(`location.href`, &loc)
	if strings.Contains(loc, "embed=1") {
		t.Errorf("top window opened the embed view %s", loc)
	}
	tb.waitReady()
}

// TestEmbeddedTimelineLinksOpenInTheTopWindow: in an embedded calculator
// with a timeline, every link to another explorer view (reminder choices,
// "report a problem", the reproducing link…) opens in the top window, as
// the full explorer, without embed=1.
func TestEmbeddedTimelineLinksOpenInTheTopWindow(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/?products=log-service&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&embed=1&lang=en"))
	var links []string
	tb.eval(`[...document.querySelectorAll('main a[href^="/"]')].map(a => a.target + " " + a.getAttribute("href"))`, &links)
	reminders := 0
	for _, l := range links {
		if !strings.HasPrefix(l, "_top ") || strings.Contains(l, "embed=1") {
			t.Errorf("link %q should open in the top window without embed=1", l)
		}
		if strings.Contains(l, "remind=") {
			reminders++
		}
	}
	if len(links) == 0 || reminders != 3 {
		t.Errorf("%d explorer links, %d of them reminder choices (want 3)", len(links), reminders)
	}
}

// TestLoadingBadgeLetsClicksThrough: while the WebAssembly loads, go-app's
// badge sits fixed in the bottom corner, over whatever the page has there
// (on a phone, the date field's calendar button or the "now" button). The
// browser's own controls already work then, so the badge must not take
// their clicks: a click at its centre reaches the page under it.
func TestLoadingBadgeLetsClicksThrough(t *testing.T) {
	files := site.NewServer(rootDist, "/")
	stalled := make(chan struct{})
	// The module's request is held until the test ends: the page stays
	// in its loading state.
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			<-stalled
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	t.Cleanup(func() { close(stalled) }) // runs first: lets ts.Close finish
	tb := newTab(t)
	tb.run(chromedp.EmulateViewport(360, 640), chromedp.Navigate(ts.URL+"/"))
	tb.waitFor(`(() => { const b = document.querySelector(".goapp-app-info"); return !!b && b.getBoundingClientRect().width > 0; })()`, 30*time.Second)
	var under string
	tb.eval(`(() => {
		const b = document.querySelector(".goapp-app-info").getBoundingClientRect();
		const el = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
		return !el ? "nothing" : el.closest(".goapp-app-info") ? "the badge" : el.tagName;
	})()`, &under)
	if under == "the badge" || under == "nothing" {
		t.Errorf("a click at the loading badge's centre reaches %s, not the page under it", under)
	}
	if state := tb.htmlAttr("data-state"); state != "" {
		t.Errorf("the page says data-state=%q while its WebAssembly has not loaded", state)
	}
}

// TestWebAssemblyCompiledInAWorker: the page starts a worker that fetches
// and compiles the module, and does not fetch the module itself (which it
// would if the worker failed and it fell back to compiling on its own
// thread), at the root and under a sub-path; and again offline, from the
// service worker's cache.
func TestWebAssemblyCompiledInAWorker(t *testing.T) {
	for _, c := range []struct{ dist, base string }{{rootDist, "/"}, {explorerDist, "/explorer/"}} {
		t.Run(c.base, func(t *testing.T) {
			bctx, cancel := newBrowser()
			defer cancel()
			s := serve(t, c.dist, c.base)
			tb := newTab(t, bctx)
			check := func(when string) {
				t.Helper()
				var fetched []string
				tb.eval(`performance.getEntriesByType("resource").map(e => new URL(e.name).pathname)`, &fetched)
				worker, module := false, false
				for _, p := range fetched {
					worker = worker || p == s.Base+"/web/compile-worker.js"
					module = module || strings.HasSuffix(p, "/app.wasm")
				}
				if !worker || module {
					t.Errorf("%s: the page loaded the compile worker: %v; fetched the module itself: %v (%v)", when, worker, module, fetched)
				}
			}
			tb.open(s.Page("/?lang=en"))
			check("online")
			tb.waitFor(`navigator.serviceWorker.ready.then(r => r.active.state === "activated")`, 60*time.Second)
			s.Stop()
			tb.run(network.Enable(), network.EmulateNetworkConditions(true, 0, -1, -1))
			tb.open(s.Page("/products/log-service?lang=en"))
			check("offline")
		})
	}
}
