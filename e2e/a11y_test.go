//go:build e2e

package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeSource is axe-core, installed by `make npm-tools`.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is not installed (make npm-tools): %v", err)
	}
	return string(b)
}

// TestAccessibility runs axe-core on every route in Chinese and English and
// fails on any violation. axe is injected through the DevTools protocol,
// which the page's CSP does not govern.
func TestAccessibility(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.allow("404 (Not Found)")
	paths := []string{"/", "/?products=log-service,opensearch&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-24T12:00:00%2B08:00",
		"/?products=cloud-database-dedicated-cluster&billing=subscription&event=subscription-expired&at=2026-03-01T10:00:00%2B08:00&if=non-renewal-notified",
		"/?products=log-service&event=first-overdue&at=2026-02-30T09:00",
		"/products", "/products/apsaradb-rds", "/docs", "/docs/mns-terms", "/docs/api-usage?lang=both",
		"/compare", "/search?q=%E6%AC%A0%E8%B4%B9", "/about", "/no-such-page"}
	axeEveryLanguage(t, tb, s, paths)
}

// axeEveryLanguage runs axe-core on each path in Chinese and English and
// fails the test on any violation.
func axeEveryLanguage(t *testing.T, tb *tab, s *server, paths []string) {
	t.Helper()
	axe := axeSource(t)
	for _, p := range paths {
		for _, lang := range []string{"zh", "en"} {
			url := s.Page(p)
			if strings.Contains(url, "?") {
				url += "&lang=" + lang
			} else {
				url += "?lang=" + lang
			}
			tb.open(url)
			var violations []string
			tb.eval(axe+`;
				axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v =>
					v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")))`, &violations)
			for _, v := range violations {
				t.Errorf("%s: %s", url, v)
			}
		}
	}
}

// TestKeyboardOnly: the calculator can be used with the keyboard alone, and
// focus is visible.
func TestKeyboardOnly(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/?lang=en"))
	// Tab to the product search box, type, and add the first match with Enter.
	for i := 0; i < 40; i++ {
		tb.run(chromedp.KeyEvent("\t"))
		var id string
		tb.eval(`document.activeElement.id`, &id)
		if id == "product-search" {
			break
		}
	}
	var id string
	tb.eval(`document.activeElement.id`, &id)
	if id != "product-search" {
		t.Fatal("the product search box cannot be reached with Tab")
	}
	var outline string
	tb.eval(`getComputedStyle(document.activeElement).outlineStyle`, &outline)
	if outline == "none" {
		t.Error("no visible focus on the search box")
	}
	tb.run(chromedp.KeyEvent("log"))
	tb.waitFor(`(document.querySelector("button.add") || {dataset: {}}).dataset.add === "log-service"`, 10e9)
	tb.run(chromedp.KeyEvent("\t"), chromedp.KeyEvent("\r"))
	tb.waitFor(`location.search.includes("products=log-service")`, 10e9)
	tb.waitReady()
	// Choose the event with the keyboard: focus the select and step with
	// the arrow keys (each step is a choice the page renders; type-ahead
	// would race the re-render between keystrokes).
	tb.run(chromedp.Focus("#event", chromedp.ByQuery))
	for i := 0; i < 40; i++ {
		var v string
		tb.eval(`document.getElementById("event").value`, &v)
		if v == "first-overdue" {
			break
		}
		tb.run(chromedp.KeyEvent(kb.ArrowDown))
		tb.waitReady()
		// The re-render for each step must leave the focus on the list
		// (its options are replaced, the select is not).
		var focused string
		tb.eval(`document.activeElement.id`, &focused)
		if focused != "event" {
			t.Fatalf("after choosing an event with the arrow keys the focus is on %q, not on the event list", focused)
		}
	}
	tb.waitFor(`location.search.includes("event=first-overdue")`, 10e9)
	tb.waitReady()
	if tb.count("[data-milestone]") == 0 {
		t.Error("no timeline after choosing by keyboard")
	}
}
