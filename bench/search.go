package main

import (
	"context"
	"fmt"
	"log"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// searchQueries are searched in turn: Chinese and English, a synonym, a
// phrase, several terms, a clause id, and a broad word with many results.
var searchQueries = []string{"欠费", "overdue", "arrears", "30日", "data deleted", "暂停 释放", `"7日届满"`, "special-2.1", "服务"}

// searchLatency opens /search on the site at base (e.g. http://127.0.0.1:8080
// or http://127.0.0.1:8080/explorer) and times n searches in the page: from
// asking the app for a new q= (window.goappNav, what the search box does) to
// <html data-state=ready> with that URL in data-url, i.e. the results are
// rendered. The queries alternate, so each is a new search. The first
// search, which builds the index, is not counted.
func searchLatency(browser context.Context, base string, n int) []float64 {
	u, err := url.Parse(strings.TrimSuffix(base, "/"))
	if err != nil {
		log.Fatalf("search latency: %v", err)
	}
	prefix := u.Path
	var paths []string
	for _, q := range searchQueries {
		paths = append(paths, prefix+"/search?q="+url.QueryEscape(q))
	}
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelT()
	js := fmt.Sprintf(`(async () => {
		const paths = [%s], times = [];
		for (let i = 0; i < %d; i++) {
			const u = new URL(paths[i %% paths.length], location.href);
			const want = u.pathname + u.search;
			const h = document.documentElement;
			const t0 = performance.now();
			await new Promise((resolve) => {
				const obs = new MutationObserver(() => {
					if (h.dataset.state === "ready" && h.dataset.url === want) { obs.disconnect(); resolve(); }
				});
				obs.observe(h, {attributes: true});
				goappNav(want);
			});
			times.push(performance.now() - t0);
			await new Promise((r) => setTimeout(r, 10));
		}
		return times;
	})()`, quoteAll(paths), n)
	var times []float64
	err = chromedp.Run(ctx,
		// The query of the first load builds the index; only later
		// searches are measured.
		chromedp.Navigate(u.String()+"/search?q="+url.QueryEscape("阿里云")),
		chromedp.Poll(`document.documentElement.dataset.state === "ready"`, nil, chromedp.WithPollingTimeout(time.Minute)),
		chromedp.Evaluate(js, &times, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	if err != nil {
		log.Fatalf("search latency on %s: %v", base, err)
	}
	return times
}
