//go:build e2e

package e2e

import (
	"fmt"
	"net/url"
	"sort"
	"testing"
)

// TestCrawlEveryLinkedPage starts at / in Chinese and in English and visits
// every page (path and language) linked from the explorer's own pages
// (in-app navigation, as a click does), failing on any page that does not
// reach ready or logs an error.
func TestCrawlEveryLinkedPage(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.allow("404 (Not Found)")
	start := []string{"/", "/?lang=en"}
	seen := map[string]bool{}
	queue := append([]string{}, start...)
	for _, u := range start {
		seen[u] = true
	}
	tb.open(s.Page("/"))
	visited := 0
	for len(queue) > 0 && visited < 600 {
		u := queue[0]
		queue = queue[1:]
		tb.eval(fmt.Sprintf(`goappNav(%q), true`, u), new(bool))
		tb.waitReady()
		visited++
		var hrefs []string
		tb.eval(`[...document.querySelectorAll("a[href]")].filter(a => !a.hasAttribute("download") && a.target !== "_blank").map(a => a.href)`, &hrefs)
		for _, h := range hrefs {
			pu, err := url.Parse(h)
			if err != nil || pu.Host != "" && "http://"+pu.Host != s.URL {
				continue
			}
			// A page is a path in a language: the many states of the
			// calculator and compare views linked from product pages are
			// covered by their own tests, not crawled one by one.
			next := pu.EscapedPath()
			if l := pu.Query().Get("lang"); l != "" {
				next += "?lang=" + l
			}
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	if len(queue) > 0 {
		t.Errorf("crawl stopped after %d pages with %d left", visited, len(queue))
	}
	var pages []string
	for p := range seen {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	t.Logf("visited %d pages, e.g. %v", visited, pages[:min(8, len(pages))])
	if visited < 150 {
		t.Errorf("only %d pages reachable from /", visited)
	}
}
