//go:build e2e

package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// searchResult is what a test reads of one result.
type searchResult struct {
	ID, Match, Href         string
	OrigLang, TransLang     string
	OrigMarks, TransMarks   []string
	OrigText, TransText     string
	HasTitleOrSnippetInBoth bool
}

// searchResults reads the results on the page.
func searchResults(tb *tab) []searchResult {
	tb.t.Helper()
	var out []searchResult
	tb.eval(`[...document.querySelectorAll("[data-result]")].map(li => {
		const o = li.querySelector("[data-original]"), t = li.querySelector("[data-translation]");
		const marks = (e) => e ? [...e.querySelectorAll("mark")].map(m => m.textContent) : [];
		return {ID: li.dataset.result, Match: li.dataset.match, Href: li.querySelector("a.result-clause").getAttribute("href"),
			OrigLang: o ? o.lang : "", TransLang: t ? t.lang : "",
			OrigMarks: marks(o), TransMarks: marks(t),
			OrigText: o ? o.textContent : "", TransText: t ? t.textContent : "",
			HasTitleOrSnippetInBoth: !!(o && t && o.textContent.trim() && t.textContent.trim())};
	})`, &out)
	return out
}

func findResult(rs []searchResult, id string) (searchResult, bool) {
	for _, r := range rs {
		if r.ID == id {
			return r, true
		}
	}
	return searchResult{}, false
}

func searchURL(s *server, q, lang string) string {
	v := url.Values{"q": {q}}
	if lang != "" && lang != "zh" {
		v.Set("lang", lang)
	}
	return s.Page("/search?" + v.Encode())
}

func TestSearchCrossLanguage(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)

	// A Chinese query finds clauses of the English-original MNS terms
	// through their Chinese translation.
	tb.open(searchURL(s, "30日", "zh"))
	rs := searchResults(tb)
	r, ok := findResult(rs, "mns-terms#7.2.5")
	if !ok {
		t.Fatalf("30日: mns-terms#7.2.5 not among %d results", len(rs))
	}
	if r.Match != "zh" || r.OrigLang != "en" || r.TransLang != "zh" || !containsFold(r.TransMarks, "30日") {
		t.Errorf("30日 on mns-terms#7.2.5: %+v", r)
	}
	if !strings.Contains(r.OrigText, "30 days") {
		t.Errorf("the English original's snippet does not show the same place: %q", r.OrigText)
	}
	if r.Href != "/docs/mns-terms#7.2.5" {
		t.Errorf("link %q", r.Href)
	}
	if got := tb.text(".search-count"); !strings.Contains(got, "30日") || !strings.Contains(got, "找到") {
		t.Errorf("count line %q", got)
	}
	tb.screenshot("search-zh-1280", 1280)
	tb.screenshot("search-zh-360", 360)

	// And the reverse: an English query finds a Chinese-original clause
	// through our English translation, and marks 欠费 in the original.
	tb.open(searchURL(s, "overdue", "en"))
	rs = searchResults(tb)
	r, ok = findResult(rs, "product-service-agreement#special-2.1")
	if !ok {
		t.Fatalf("overdue: special-2.1 not among %d results", len(rs))
	}
	if r.Match != "en" || r.OrigLang != "zh" || r.TransLang != "en" || !containsFold(r.TransMarks, "overdue") || !containsFold(r.OrigMarks, "欠费") {
		t.Errorf("overdue on special-2.1: %+v", r)
	}
	if r.Href != "/docs/product-service-agreement?lang=en#special-2.1" {
		t.Errorf("link %q", r.Href)
	}
	if n := len(rs); n != 50 {
		t.Errorf("%d results shown, want the cap of 50", n)
	}
	if got := tb.text(".search-more"); !strings.Contains(got, "more not shown") {
		t.Errorf("no note of the results not shown: %q", got)
	}
	for _, r := range rs {
		if !r.HasTitleOrSnippetInBoth {
			t.Errorf("%s: no text in one of the languages", r.ID)
		}
	}
	tb.screenshot("search-en-1280", 1280)
	tb.screenshot("search-en-360", 360)

	// The result's link opens the clause in the document.
	tb.run(chromedp.Click(`[data-result="product-service-agreement#special-2.1"] a.result-clause`, chromedp.ByQuery))
	tb.waitReady()
	tb.waitFor(`location.pathname === "/docs/product-service-agreement" && location.hash === "#special-2.1" &&
		document.getElementById("special-2.1") !== null`, 10*time.Second)
}

func TestSearchSynonymsAndForm(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(searchURL(s, "arrears", "en"))
	rs := searchResults(tb)
	if len(rs) == 0 {
		t.Fatal("arrears: no results")
	}
	r, ok := findResult(rs, "product-service-agreement#special-2.1")
	if !ok || !containsFold(r.OrigMarks, "欠费") {
		t.Errorf("arrears does not find 欠费 in special-2.1: %+v", r)
	}
	if got := tb.text(`[data-result="product-service-agreement#special-2.1"] .result-meta`); !strings.Contains(got, "synonym") {
		t.Errorf("a synonym match is not said to be one: %q", got)
	}

	// The box writes the query into the URL, keeping the language.
	tb.open(s.Page("/search?lang=en"))
	if got := tb.text(".search-help"); !strings.Contains(got, "Chinese") {
		t.Errorf("help %q", got)
	}
	if got := tb.text(`label[for="search-q"]`); got == "" {
		t.Error("the search box has no label")
	}
	tb.run(
		chromedp.SetValue("#search-q", "预付费 7日", chromedp.ByQuery),
		chromedp.Click(`form.search-form button[type="submit"]`, chromedp.ByQuery),
	)
	tb.waitFor(`location.search.includes("q=") && location.search.includes("lang=en")`, 10*time.Second)
	tb.waitReady()
	var q string
	tb.eval(`new URLSearchParams(location.search).get("q")`, &q)
	if q != "预付费 7日" {
		t.Errorf("q in the URL: %q", q)
	}
	if _, ok := findResult(searchResults(tb), "product-service-agreement#special-6.2"); !ok {
		t.Error("预付费 7日: special-6.2 not found")
	}
	var value string
	tb.eval(`document.getElementById("search-q").value`, &value)
	if value != "预付费 7日" {
		t.Errorf("the box shows %q", value)
	}
	// Back goes to the empty search.
	tb.run(chromedp.NavigateBack())
	tb.waitReady()
	if tb.count("[data-result]") != 0 || tb.count(".search-help") != 1 {
		t.Error("back did not return to the empty search")
	}
}

func TestSearchHostileQueries(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	// Markup is searched, and shown, as text.
	for _, q := range []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(2)>`} {
		tb.open(searchURL(s, q, "en"))
		if got := tb.text(".search-count q"); got != strings.Trim(q, `"`) && got != q {
			t.Errorf("%q is shown as %q", q, got)
		}
		if n := tb.count("main script, main img"); n != 0 {
			t.Errorf("%q: %d elements injected", q, n)
		}
		if got := tb.text(".search-count"); !strings.Contains(got, "No clause contains") {
			t.Errorf("%q: %q", q, got)
		}
	}
	tb.screenshot("search-hostile-en-360", 360)

	cases := []struct{ raw, alert string }{
		{"q=" + strings.Repeat("%E6%AC%A0", 600), "过长"},          // 1.8 KB: dropped by the URL parser
		{"lang=en&q=" + strings.Repeat("x", 10<<10), "too long"}, // 10 KB
		{"q=%FF%FE&lang=en", "not validly encoded"},
		{"q=%E0%A4%A&lang=en", "not validly encoded"},
		{"q=" + url.QueryEscape("!!! ？？ ...") + "&lang=en", "no letters or numbers"},
		{"q=" + strings.Repeat("%E6%AC%A0", 150) + "&lang=en", "only its first 100"},
		{"q=a+b+c+d+e+f+g+h+i+j&lang=en", "Too many words"},
	}
	for _, c := range cases {
		tb.open(s.Page("/search?" + c.raw))
		if got := tb.text("[role=alert]"); !strings.Contains(got, c.alert) {
			t.Errorf("%.60s: alert %q, want %q", c.raw, got, c.alert)
		}
		if tb.count("#search-q") != 1 {
			t.Errorf("%.60s: no search box", c.raw)
		}
	}
	tb.screenshot("search-alert-en-1280", 1280)
}

func TestSearchUnderSubPath(t *testing.T) {
	s := serve(t, explorerDist, "/explorer/")
	tb := newTab(t)
	tb.open(s.Page("/search?q=" + url.QueryEscape("special-2.1")))
	rs := searchResults(tb)
	if len(rs) == 0 || rs[0].ID != "product-service-agreement#special-2.1" {
		t.Fatalf("special-2.1: %+v", rs)
	}
	if rs[0].Href != "/explorer/docs/product-service-agreement#special-2.1" {
		t.Errorf("link %q", rs[0].Href)
	}
	var action string
	tb.eval(`document.querySelector("form.search-form").getAttribute("action")`, &action)
	if action != "/explorer/search" {
		t.Errorf("form action %q", action)
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
