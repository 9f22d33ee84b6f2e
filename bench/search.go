package main

import (
	"log"
	"net/url"
	"strings"

	"context"
)

// searchQueries are searched in turn: Chinese and English, a synonym, a
// phrase, several terms, a clause id, and a broad word with many results.
var searchQueries = []string{"欠费", "overdue", "arrears", "30日", "data deleted", "暂停 释放", `"7日届满"`, "special-2.1", "服务"}

// searchLatency opens /search on the site at base (e.g. http://127.0.0.1:8080
// or http://127.0.0.1:8080/explorer) and times n searches in the page: from
// asking the app for a new q= (window.goappNav, what the search box does) to
// <html data-state=ready> with that URL in data-url, i.e. the results are
// rendered. The queries alternate, so each is a new search. The first
// search, which fetches the corpus and builds the index, is not counted.
func searchLatency(browser context.Context, base string, n int) []float64 {
	u, err := url.Parse(strings.TrimSuffix(base, "/"))
	if err != nil {
		log.Fatalf("search latency: %v", err)
	}
	var navs []string
	for _, q := range searchQueries {
		navs = append(navs, "nav:"+u.Path+"/search?q="+url.QueryEscape(q))
	}
	return rerender(browser, u.String()+"/search?q="+url.QueryEscape("阿里云"), navs, n)
}
