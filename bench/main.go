// Command bench measures the explorer next to a minimal go-app site built
// and served in the same run, in the same Chromium: WebAssembly size, first
// contentful paint, time to ready (cold and warm) and re-render latency.
// It prints a table and writes bench.tsv. Figures, not pass/fail.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"obligations-explorer/build/site"
)

// row is one line of the report.
type row struct {
	metric, unit       string
	explorer, baseline float64
	// exSpread and blSpread are the middle half of the samples (25th to
	// 75th percentile), printed so that a ratio is read with its noise.
	exSpread, blSpread string
}

func main() {
	explorerDir := flag.String("explorer", ".build/e2e/root", "the explorer's built site")
	baselineDir := flag.String("baseline", ".build/baseline/dist", "the baseline's built site")
	out := flag.String("out", "bench.tsv", "where to write the figures")
	runs := flag.Int("runs", 7, "page loads per cold/warm figure")
	settle := flag.Duration("settle", 1500*time.Millisecond, "pause between page loads")
	iterations := flag.Int("iterations", 60, "re-renders per latency figure")
	quick := flag.Bool("quick", false, "only sizes, first paint and time to ready (while tuning)")
	flag.Parse()

	var rows []row
	for _, f := range []struct{ name, ext string }{{"raw", ""}, {"gzip", ".gz"}, {"brotli", ".br"}} {
		rows = append(rows, row{metric: "wasm size " + f.name, unit: "KiB",
			explorer: fileKiB(filepath.Join(*explorerDir, "web", "app.wasm"+f.ext)),
			baseline: fileKiB(filepath.Join(*baselineDir, "web", "app.wasm"+f.ext))})
	}

	exURL := serveDir(*explorerDir)
	baseURL := serveDir(*baselineDir)
	browser, cancel := startBrowser()
	defer cancel()

	type target struct {
		url      string
		rerender []string // links clicked in turn to re-render
	}
	ex := target{url: exURL + "/", rerender: []string{`.langs a[data-lang="en"]`, `.langs a[data-lang="zh"]`}}
	bl := target{url: baseURL + "/", rerender: []string{`a.toggle`}}

	docURL := exURL + "/docs/product-service-agreement"
	calcURL := exURL + "/?products=log-service&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00"
	pages := []string{ex.url, bl.url, docURL, exURL + pageAlonePath, baseURL + pageAlonePath}
	if !*quick {
		pages = append(pages, calcURL)
	}
	all := loads(browser, pages, *runs, *settle)
	exLoads, blLoads := all[0], all[1]
	col := func(ls [][3]float64, i int) []float64 {
		var v []float64
		for _, l := range ls {
			v = append(v, l[i])
		}
		return v
	}
	loadRow := func(metric string, ex [][3]float64, i int) row {
		return timed(metric, col(ex, i), col(blLoads, i))
	}
	rows = append(rows,
		loadRow("first contentful paint (cold)", exLoads, 0),
		timed("first contentful paint, page alone (no scripts)", col(all[3], 0), col(all[4], 0)),
		loadRow("time to ready (cold)", exLoads, 1),
		loadRow("time to ready (warm)", exLoads, 2),
	)
	docRows := []row{
		loadRow("largest document page: ready (cold)", all[2], 1),
		loadRow("largest document page: ready (warm)", all[2], 2),
	}
	if *quick {
		printTable(append(rows, docRows[0]))
		return
	}
	blRerender, blFirst := rerenderWithWarmUp(browser, bl.url, bl.rerender, *iterations)
	exRerender, exFirst := rerenderWithWarmUp(browser, ex.url, ex.rerender, *iterations)
	rows = append(rows,
		timed("re-render (input to DOM updated)", exRerender, blRerender),
		timed(fmt.Sprintf("re-render, first %d after ready (code still compiling)", rerenderWarmUp), exFirst, blFirst))
	calc := func(products string) []string {
		q := "/?products=" + products + "&billing=payg&event=first-overdue&now=2026-11-25T10:00:00%2B08:00&at=2026-11-23T09:1"
		return []string{"nav:" + q + "2:00%2B08:00", "nav:" + q + "3:00%2B08:00"}
	}
	for _, c := range []struct{ name, products string }{
		{"calculator recompute, 1 product", "log-service"},
		{"calculator recompute, 5 products", "log-service,opensearch,datahub,nat-gateway,apsaradb-rds"},
	} {
		links := calc(c.products)
		start := exURL + strings.TrimPrefix(links[0], "nav:")
		rows = append(rows, timed(c.name, rerender(browser, start, []string{links[1], links[0]}, *iterations), blRerender))
	}
	rows = append(rows, docRows...)
	rows = append(rows, row{metric: "search query, whole corpus (navigate to ready)", unit: "ms", explorer: median(searchLatency(browser, exURL, *iterations))})
	rows = append(rows, loadRow("calculator with a timeline: ready (cold)", all[5], 1))

	printTable(rows)
	if err := writeTSV(*out, rows); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nwritten to %s\n", *out)
}

func fileKiB(p string) float64 {
	st, err := os.Stat(p)
	if err != nil {
		log.Fatalf("%v (build the sites first: make bench)", err)
	}
	return float64(st.Size()) / 1024
}

func serveDir(dir string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", site.NewServer(dir, "/"))
	mux.HandleFunc(pageAlonePath, func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile(filepath.Join(dir, "index.html"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(withoutScripts(b))
	})
	go http.Serve(ln, mux)
	return "http://" + ln.Addr().String()
}

// pageAlonePath serves a site's prerendered index.html without its scripts
// and without any preload: the page's own first paint, with no
// app to start. Its row in the table says how much of each site's first
// paint is its page, which no change to the app can shorten.
const pageAlonePath = "/bench-page-alone"

var (
	scriptTag  = regexp.MustCompile(`<script\b[^>]*>[^<]*</script>`)
	preloadTag = regexp.MustCompile(`<link rel="preload"[^>]*>`)
)

func withoutScripts(page []byte) []byte {
	return preloadTag.ReplaceAll(scriptTag.ReplaceAll(page, nil), nil)
}

func startBrowser() (context.Context, context.CancelFunc) {
	profile, _ := os.MkdirTemp("", "bench-chromium-")
	exec := os.Getenv("CHROMIUM")
	if exec == "" {
		exec = "/usr/bin/chromium"
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exec), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true))
	alloc, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, c2 := chromedp.NewContext(alloc)
	if err := chromedp.Run(ctx); err != nil {
		log.Fatal(err)
	}
	return ctx, func() { c2(); c1(); os.RemoveAll(profile) }
}

// readyProbe records when <html data-state="ready"> first appears.
const readyProbe = `window.__bench = {};
new MutationObserver(() => {
  const h = document.documentElement;
  if (h && h.dataset.state === "ready" && !window.__bench.ready) { window.__bench.ready = performance.now(); }
}).observe(document, {attributes: true, subtree: true});`

// loads measures n cold loads and n warm ones of each url in one running
// browser, as a visitor whose browser is already open would see them. The
// urls take turns, load by load, so that a machine busier in one part of the
// run than in another weighs on explorer and baseline alike, and each load
// starts after a pause, so that the previous tab's background work (the
// WebAssembly's optimising compile, the service worker's precache) is not
// counted against the next. Before each cold load the origin's HTTP cache,
// service worker and caches are cleared; the warm load follows in the same
// tab once the service worker is active. One unmeasured round first warms
// what a running browser already has (fonts, the processes). It returns,
// per url, [fcp, cold ready, warm ready] per run.
func loads(browser context.Context, urls []string, n int, settle time.Duration) [][][3]float64 {
	out := make([][][3]float64, len(urls))
	for i := -1; i < n; i++ {
		for u, url := range urls {
			l := load(browser, url)
			if i >= 0 {
				out[u] = append(out[u], l)
			}
			time.Sleep(settle)
		}
	}
	return out
}

// load is one cold load of url and the warm load after it.
func load(browser context.Context, url string) [3]float64 {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	u, err := neturl.Parse(url)
	if err != nil {
		log.Fatal(err)
	}
	origin := u.Scheme + "://" + u.Host
	var fcp, cold, warm float64
	clearOrigin := chromedp.ActionFunc(func(ctx context.Context) error {
		if err := network.ClearBrowserCache().Do(ctx); err != nil {
			return err
		}
		return storage.ClearDataForOrigin(origin, "all").Do(ctx)
	})
	if strings.HasSuffix(u.Path, pageAlonePath) {
		// No app: wait for the first paint itself; nothing becomes ready.
		err = chromedp.Run(ctx, clearOrigin, chromedp.Navigate(url),
			chromedp.Poll(`(performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime`, &fcp, chromedp.WithPollingTimeout(time.Minute)))
		if err != nil {
			log.Fatalf("loading %s: %v", url, err)
		}
		return [3]float64{fcp, 0, 0}
	}
	err = chromedp.Run(ctx,
		clearOrigin,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(readyProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(url),
		chromedp.Poll(`window.__bench && window.__bench.ready`, &cold, chromedp.WithPollingTimeout(time.Minute)),
		chromedp.Evaluate(`(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: 0}).startTime`, &fcp),
		chromedp.Evaluate(`navigator.serviceWorker.ready.then(r => new Promise(res => {
			const w = r.active; if (w.state === "activated") return res(true);
			w.addEventListener("statechange", () => w.state === "activated" && res(true));
		}))`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
		chromedp.Navigate(url),
		chromedp.Poll(`window.__bench && window.__bench.ready`, &warm, chromedp.WithPollingTimeout(time.Minute)),
	)
	if err != nil {
		log.Fatalf("loading %s: %v", url, err)
	}
	return [3]float64{fcp, cold, warm}
}

// rerenderWarmUp is how many re-renders run before the measured ones,
// followed by a pause. Right after a page is ready its WebAssembly runs
// as baseline code and the browser compiles the functions it finds hot again,
// optimised, on background threads for the next seconds: on 2 cores a first
// series of re-renders measured that compile more than the page (a median
// of 22-30 ms against 15-18 ms for the same series repeated). The figure is
// the steady state a user sees once the page has been open a moment, taken
// the same way for explorer and baseline; the warm-up series is returned too
// and reported on a row of its own for the re-render.
const rerenderWarmUp = 60

// rerender clicks the given links in turn and times each click until the
// app has rendered the new URL (data-state ready with the new data-url).
func rerender(browser context.Context, url string, links []string, n int) []float64 {
	times, _ := rerenderWithWarmUp(browser, url, links, n)
	return times
}

// rerenderWithWarmUp is rerender, also returning the warm-up series.
func rerenderWithWarmUp(browser context.Context, url string, links []string, n int) (times, warmUp []float64) {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelT()
	sels := "[" + quoteAll(links) + "]"
	series := func(n int) string {
		return fmt.Sprintf(`(async () => {
		const sels = %s, times = [];
		for (let i = 0; i < %d; i++) {
			// An item is a link to click, or "nav:<url>" for an in-app
			// navigation (what a form control of the calculator does).
			const item = sels[i %% sels.length];
			const a = item.startsWith("nav:") ? null : document.querySelector(item);
			const u = new URL(a ? a.href : item.slice(4), location.href);
			const want = u.pathname + u.search;
			const h = document.documentElement;
			const t0 = performance.now();
			await new Promise((resolve) => {
				const obs = new MutationObserver(() => {
					if (h.dataset.state === "ready" && h.dataset.url === want) { obs.disconnect(); resolve(); }
				});
				obs.observe(h, {attributes: true});
				if (a) { a.click(); } else { goappNav(want); }
			});
			times.push(performance.now() - t0);
			await new Promise((r) => setTimeout(r, 10));
		}
		return times;
	})()`, sels, n)
	}
	await := func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }
	err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.Poll(`document.documentElement.dataset.state === "ready"`, nil, chromedp.WithPollingTimeout(time.Minute)),
		chromedp.Evaluate(series(rerenderWarmUp), &warmUp, await),
		chromedp.Sleep(1500*time.Millisecond),
		chromedp.Evaluate(series(n), &times, await),
	)
	if err != nil {
		log.Fatalf("re-render on %s: %v", url, err)
	}
	return times, warmUp
}

func quoteAll(ss []string) string {
	var q []string
	for _, s := range ss {
		q = append(q, fmt.Sprintf("%q", s))
	}
	return strings.Join(q, ",")
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ratio(r row) string {
	if r.baseline == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", r.explorer/r.baseline)
}

// timed is a row of times in ms: the medians of the explorer's and the
// baseline's samples, with their spreads.
func timed(metric string, e, b []float64) row {
	return row{metric: metric, unit: "ms", explorer: median(e), baseline: median(b), exSpread: spread(e), blSpread: spread(b)}
}

// spread is the middle half of the samples, "p25–p75".
func spread(v []float64) string {
	if len(v) < 4 {
		return ""
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	q := func(p float64) float64 { return s[int(p*float64(len(s)-1)+0.5)] }
	return fmt.Sprintf("%.1f–%.1f", q(0.25), q(0.75))
}

// printTable prints the figures, with the middle half of each set of
// samples beside its median (bench.tsv keeps the five agreed columns).
func printTable(rows []row) {
	w := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, "metric\tunit\texplorer\tbaseline\tratio\texplorer p25–p75\tbaseline p25–p75")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%.1f\t%.1f\t%s\t%s\t%s\n", r.metric, r.unit, r.explorer, r.baseline, ratio(r), r.exSpread, r.blSpread)
	}
	w.Flush()
}

func writeTSV(path string, rows []row) error {
	var b strings.Builder
	b.WriteString("metric\tunit\texplorer\tbaseline\tratio\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%.1f\t%.1f\t%s\n", r.metric, r.unit, r.explorer, r.baseline, ratio(r))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
