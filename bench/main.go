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
	"os"
	"path/filepath"
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
}

func main() {
	explorerDir := flag.String("explorer", ".build/e2e/root", "the explorer's built site")
	baselineDir := flag.String("baseline", ".build/baseline/dist", "the baseline's built site")
	out := flag.String("out", "bench.tsv", "where to write the figures")
	runs := flag.Int("runs", 5, "page loads per cold/warm figure")
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
		url       string
		rerender  []string // links clicked in turn to re-render
		rerenderQ string
	}
	ex := target{url: exURL + "/", rerender: []string{`.langs a[data-lang="en"]`, `.langs a[data-lang="zh"]`}}
	bl := target{url: baseURL + "/", rerender: []string{`a.toggle`}}

	measure := func(metric string, f func(t target) []float64) {
		e, b := f(ex), f(bl)
		rows = append(rows, row{metric: metric, unit: "ms", explorer: median(e), baseline: median(b)})
	}
	var exLoads, blLoads [][3]float64
	exLoads = loads(browser, ex.url, *runs)
	blLoads = loads(browser, bl.url, *runs)
	col := func(ls [][3]float64, i int) []float64 {
		var v []float64
		for _, l := range ls {
			v = append(v, l[i])
		}
		return v
	}
	rows = append(rows,
		row{metric: "first contentful paint (cold)", unit: "ms", explorer: median(col(exLoads, 0)), baseline: median(col(blLoads, 0))},
		row{metric: "time to ready (cold)", unit: "ms", explorer: median(col(exLoads, 1)), baseline: median(col(blLoads, 1))},
		row{metric: "time to ready (warm)", unit: "ms", explorer: median(col(exLoads, 2)), baseline: median(col(blLoads, 2))},
	)
	if *quick {
		docLoads := loads(browser, exURL+"/docs/product-service-agreement", *runs)
		rows = append(rows, row{metric: "largest document page: ready (cold)", unit: "ms", explorer: median(col(docLoads, 1)), baseline: median(col(blLoads, 1))})
		printTable(rows)
		return
	}
	measure("re-render (input to DOM updated)", func(t target) []float64 {
		return rerender(browser, t.url, t.rerender, *iterations)
	})
	blRerender := rerender(browser, bl.url, bl.rerender, *iterations)
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
		rows = append(rows, row{metric: c.name, unit: "ms", explorer: median(rerender(browser, start, []string{links[1], links[0]}, *iterations)), baseline: median(blRerender)})
	}
	docLoads := loads(browser, exURL+"/docs/product-service-agreement", *runs)
	rows = append(rows,
		row{metric: "largest document page: ready (cold)", unit: "ms", explorer: median(col(docLoads, 1)), baseline: median(col(blLoads, 1))},
		row{metric: "largest document page: ready (warm)", unit: "ms", explorer: median(col(docLoads, 2)), baseline: median(col(blLoads, 2))},
	)
	rows = append(rows, row{metric: "search query, whole corpus (navigate to ready)", unit: "ms", explorer: median(searchLatency(browser, exURL, *iterations))})
	calcLoads := loads(browser, exURL+"/?products=log-service&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00", *runs)
	rows = append(rows,
		row{metric: "calculator with a timeline: ready (cold)", unit: "ms", explorer: median(col(calcLoads, 1)), baseline: median(col(blLoads, 1))},
	)

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
	go http.Serve(ln, site.NewServer(dir, "/"))
	return "http://" + ln.Addr().String()
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

// loads measures n cold loads and n warm ones in one running browser, as a
// visitor whose browser is already open would see them. Before each cold load
// the origin's HTTP cache, service worker and caches are cleared; the warm load
// follows in the same tab once the service worker is active. One unmeasured
// load first warms what a running browser already has (fonts, the process).
// It returns [fcp, cold ready, warm ready] per run.
func loads(browser context.Context, url string, n int) [][3]float64 {
	var out [][3]float64
	origin := strings.TrimSuffix(url, "/")
	for i := -1; i < n; i++ {
		ctx, cancel := chromedp.NewContext(browser)
		ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
		var fcp, cold, warm float64
		err := chromedp.Run(ctx,
			chromedp.ActionFunc(func(ctx context.Context) error {
				if err := network.ClearBrowserCache().Do(ctx); err != nil {
					return err
				}
				if err := storage.ClearDataForOrigin(origin, "all").Do(ctx); err != nil {
					return err
				}
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
		cancelT()
		cancel()
		if err != nil {
			log.Fatalf("loading %s: %v", url, err)
		}
		if i >= 0 {
			out = append(out, [3]float64{fcp, cold, warm})
		}
	}
	return out
}

// rerender clicks the given links in turn and times each click until the
// app has rendered the new URL (data-state ready with the new data-url).
func rerender(browser context.Context, url string, links []string, n int) []float64 {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelT()
	var times []float64
	sels := "[" + quoteAll(links) + "]"
	js := fmt.Sprintf(`(async () => {
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
	err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.Poll(`document.documentElement.dataset.state === "ready"`, nil, chromedp.WithPollingTimeout(time.Minute)),
		chromedp.Evaluate(js, &times, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	if err != nil {
		log.Fatalf("re-render on %s: %v", url, err)
	}
	return times
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

func printTable(rows []row) {
	w := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, "metric\tunit\texplorer\tbaseline\tratio")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%.1f\t%.1f\t%s\n", r.metric, r.unit, r.explorer, r.baseline, ratio(r))
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
