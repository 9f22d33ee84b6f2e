//go:build e2e

package e2e

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

const compareAt = "2026-11-23T09:12:00+08:00"

// cellEntry is one milestone of a compare cell as the page shows it.
type cellEntry struct {
	Rule     string   `json:"rule"`
	Reading  string   `json:"reading"`
	Bound    string   `json:"bound"`
	Times    []string `json:"times"`
	Relative string   `json:"relative"`
	Clauses  []string `json:"clauses"`
}

type cell struct {
	Product string      `json:"product"`
	Point   string      `json:"point"`
	Status  string      `json:"status"`
	Offset  string      `json:"offset"`
	Calc    string      `json:"calc"` // href of the row's "open in the calculator"
	Entries []cellEntry `json:"entries"`
}

const readCells = `[...document.querySelectorAll("td.cell[data-point]")].map(td => ({
	product: td.dataset.product, point: td.dataset.point, status: td.dataset.status, offset: td.dataset.offset || "",
	calc: (td.closest("tr").querySelector("a.open-calc") || {}).getAttribute?.("href") || "",
	entries: [...td.querySelectorAll("[data-milestone]")].map(e => ({
		rule: e.dataset.milestone, reading: e.dataset.reading || "", bound: e.dataset.bound,
		times: [...e.querySelectorAll("time")].map(t => t.getAttribute("datetime")),
		relative: (e.querySelector(".rel") || {}).textContent || "",
		clauses: [...e.querySelectorAll("[data-clause]")].map(c => c.dataset.clause),
	})),
}))`

// TestCompareMatchesCalculator: for three products on one point, each
// cell's instants are exactly what the calculator shows for the same
// product, event and instant, rule by rule and reading by reading.
func TestCompareMatchesCalculator(t *testing.T) {
	for _, site := range []struct{ dir, base string }{{rootDist, "/"}, {explorerDist, "/explorer/"}} {
		t.Run(site.base, func(t *testing.T) {
			s := serve(t, site.dir, site.base)
			tb := newTab(t)
			for _, c := range []struct {
				point    string
				products []string
				event    string
				relative map[string]string // rule (/reading) → relative text it must show
			}{
				{"overdue-to-deletion", []string{"log-service", "datahub", "opensearch"}, "first-overdue",
					map[string]string{"log-suspend-delete": "+24 h then +7 days", "datahub-suspend-delete": "+24 h then +7 days", "opensearch-overdue-delete/A": "+7 days", "opensearch-overdue-delete/B": "end of calendar day 7"}},
				{"expiry-to-release", []string{"apsaradb-rds", "alibaba-cloud-dns", "microservices-engine"}, "subscription-expired",
					map[string]string{"rds-expiry-release": "+7 days", "clouddns-expiry-downgrade": "calendar day 7", "mse-expiry-release": "+15 days"}},
			} {
				q := url.Values{"point": {c.point}, "products": {strings.Join(c.products, ",")}, "at": {compareAt}, "lang": {"en"}}
				tb.open(s.Page("/compare?" + q.Encode()))
				if got := tb.count("[role=alert]"); got != 0 {
					t.Fatalf("%s: alert %s", c.point, tb.text("[role=alert]"))
				}
				var ref string
				tb.eval(`document.querySelector("table.matrix caption time").getAttribute("datetime")`, &ref)
				if ref != compareAt {
					t.Errorf("caption reference %q, want %q", ref, compareAt)
				}
				var cells []cell
				tb.eval(readCells, &cells)
				if len(cells) != len(c.products) {
					t.Fatalf("%s: %d cells, want %d", c.point, len(cells), len(c.products))
				}
				compared := 0
				for i, cl := range cells {
					if cl.Product != c.products[i] || cl.Point != c.point || cl.Status != "timed" {
						t.Errorf("cell %d: %+v", i, cl)
						continue
					}
					for _, e := range cl.Entries {
						key := e.Rule
						if e.Reading != "" {
							key += "/" + e.Reading
						}
						if want, ok := c.relative[key]; ok && e.Relative != want {
							t.Errorf("%s %s: relative %q, want %q", cl.Product, e.Rule, e.Relative, want)
						}
						if len(e.Clauses) == 0 {
							t.Errorf("%s %s: no citation", cl.Product, e.Rule)
						}
					}
					// The row's own link to the calculator: same product, event and instant.
					if !strings.Contains(cl.Calc, "products="+cl.Product) || !strings.Contains(cl.Calc, "event="+c.event) || !strings.HasPrefix(cl.Calc, s.Base+"/?") {
						t.Errorf("%s: calculator link %q", cl.Product, cl.Calc)
					}
					tb.eval(fmt.Sprintf(`goappNav(%q), true`, cl.Calc+"&now=2026-11-23T12:00:00%2B08:00"), new(bool))
					tb.waitReady()
					for _, e := range cl.Entries {
						if len(e.Times) == 0 {
							continue
						}
						sel := fmt.Sprintf(`[data-milestone=%q][data-product=%q][data-bound=%q]`, e.Rule, cl.Product, e.Bound)
						if e.Reading != "" {
							sel += fmt.Sprintf(`[data-reading=%q]`, e.Reading)
						} else {
							sel += `:not([data-reading])`
						}
						var got []string
						tb.eval(fmt.Sprintf(`[...document.querySelectorAll(%q)].map(m => [...m.querySelectorAll("time")].map(t => t.getAttribute("datetime")).join(" "))`, sel), &got)
						if len(got) != 1 || got[0] != strings.Join(e.Times, " ") {
							t.Errorf("%s %s/%s: compare shows %v, calculator %v", cl.Product, e.Rule, e.Reading, e.Times, got)
						}
						compared++
					}
					tb.eval(fmt.Sprintf(`goappNav(%q), true`, s.Base+"/compare?"+q.Encode()), new(bool))
					tb.waitReady()
				}
				if compared < len(c.products) {
					t.Errorf("%s: only %d instants compared", c.point, compared)
				}
			}
		})
	}
}

// TestCompareDefaultsAndSort: without products the matrix shows the
// products whose own terms speak to the point and the general terms; sort=
// orders the rows by the earliest instant, and the sort links write it.
func TestCompareDefaultsAndSort(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/compare?point=overdue-to-deletion&lang=en"))
	var cells []cell
	tb.eval(readCells, &cells)
	if len(cells) < 8 {
		t.Fatalf("default set: only %d rows", len(cells))
	}
	has := map[string]string{}
	for _, c := range cells {
		has[c.Product] = c.Status
	}
	if has["log-service"] != "timed" || has["all"] != "not-covered" || has["mns"] != "timed" {
		t.Errorf("default rows: %v", has)
	}
	if has["message-queue"] != "no-period" {
		t.Errorf("message queue: %q, want no-period", has["message-queue"])
	}
	if !strings.Contains(tb.text(`td[data-product="message-queue"]`), "no period stated") {
		t.Errorf("message queue cell: %q", tb.text(`td[data-product="message-queue"]`))
	}
	if tb.count(`td[data-product="log-service"] [data-terms="specific"]`) == 0 {
		t.Error("log service: no product-specific badge")
	}

	// The sort link writes sort= into the URL.
	tb.run(chromedp.Click(`nav.sort a[data-sort="offset"]`, chromedp.ByQuery))
	tb.waitFor(`location.search.includes("sort=offset")`, 30e9)
	tb.waitReady()
	checkOrder(t, tb, false)
	tb.screenshot("compare-sorted-en-1280", 1280)

	tb.open(s.Page("/compare?point=overdue-to-deletion&sort=offset-desc&lang=en"))
	checkOrder(t, tb, true)
	if got := tb.htmlAttr("data-url"); !strings.Contains(got, "sort=offset-desc") {
		t.Errorf("data-url %q", got)
	}
}

// checkOrder: timed rows come first, ordered by their offset.
func checkOrder(t *testing.T, tb *tab, desc bool) {
	t.Helper()
	var cells []cell
	tb.eval(readCells, &cells)
	var offsets []int
	seenUntimed := false
	for _, c := range cells {
		if c.Status != "timed" {
			seenUntimed = true
			continue
		}
		if seenUntimed {
			t.Errorf("timed row %s after an untimed one", c.Product)
		}
		var n int
		fmt.Sscan(c.Offset, &n)
		offsets = append(offsets, n)
	}
	ok := sort.SliceIsSorted(offsets, func(i, j int) bool {
		if desc {
			return offsets[i] > offsets[j]
		}
		return offsets[i] < offsets[j]
	})
	if !ok || len(offsets) < 5 {
		t.Errorf("offsets not in order (desc=%v): %v", desc, offsets)
	}
}

// TestCompareBadInput: an unknown point or product, or a junk sort: a clear
// message, and the page stays usable.
func TestCompareBadInput(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	for _, c := range []struct {
		query, alert string
		rows         int // -1: no matrix
	}{
		{"point=no-such-point&lang=en", "There is no compare point called “no-such-point”", -1},
		{"point=no-such-point", "没有名为“no-such-point”的对比项", -1},
		{"point=overdue-to-deletion&products=no-such-product,log-service&lang=en", "There is no product called “no-such-product”", 1},
		{"point=overdue-grace&products=log-service&sort=sideways&lang=en", "sort order “sideways”", 1},
		{"point=overdue-grace&products=log-service&at=2026-02-30T09:00:00%2B08:00&lang=en", "invalid or does not exist", 1},
	} {
		tb.open(s.Page("/compare?" + c.query))
		if got := tb.text("[role=alert]"); !strings.Contains(got, c.alert) {
			t.Errorf("%s: alert %q lacks %q", c.query, got, c.alert)
		}
		if tb.count("select#point option") != 14 {
			t.Errorf("%s: the point selector is missing", c.query)
		}
		if c.rows < 0 {
			if n := tb.count("ul.point-list a"); n != 13 {
				t.Errorf("%s: %d point links", c.query, n)
			}
			if tb.count("table.matrix") != 0 {
				t.Errorf("%s: a matrix for an unknown point", c.query)
			}
		} else if n := tb.count("td.cell[data-point]"); n != c.rows {
			t.Errorf("%s: %d rows, want %d", c.query, n, c.rows)
		}
	}
	tb.screenshot("compare-bad-point-en-360", 360)

	// Choosing a point from the selector shows its matrix.
	tb.open(s.Page("/compare?point=no-such-point&lang=en"))
	tb.run(chromedp.SetValue("select#point", "refund-window", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("select#point").dispatchEvent(new Event("change", {bubbles: true}))`, nil))
	tb.waitFor(`location.search.includes("point=refund-window")`, 30e9)
	tb.waitReady()
	if n := tb.count(`td.cell[data-point="refund-window"]`); n < 3 {
		t.Errorf("refund window: %d rows", n)
	}
	if tb.count("[role=alert]") != 0 {
		t.Error("the alert outlived the bad link")
	}
}

// TestProductsSearch: the list filters by Chinese or English name as one
// types, and q= opens it filtered.
func TestProductsSearch(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/products?lang=en"))
	all := tb.count("li[data-product]")
	if all < 79 {
		t.Fatalf("only %d products listed", all)
	}
	if tb.count(`[data-group="own-agreement"] li[data-product="mns"]`) != 1 || tb.count(`[data-group="own-periods"] li[data-product="log-service"]`) != 1 {
		t.Error("groups: mns or log-service misplaced")
	}
	tb.run(chromedp.SendKeys("#product-filter", "log service", chromedp.ByQuery))
	tb.waitFor(`document.querySelectorAll("li[data-product]").length < 5`, 10e9)
	if tb.count(`li[data-product="log-service"]`) != 1 {
		t.Errorf("“log service” does not find Log Service")
	}
	tb.screenshot("products-search-en-360", 360)

	for _, c := range []struct {
		q    string
		want string
	}{{"日志", "log-service"}, {"rds", "apsaradb-rds"}, {"消息服务", "mns"}} {
		tb.open(s.Page("/products?q=" + url.QueryEscape(c.q)))
		if n := tb.count("li[data-product]"); n == 0 || n >= all {
			t.Errorf("q=%s: %d products", c.q, n)
		}
		if tb.count(fmt.Sprintf(`li[data-product=%q]`, c.want)) != 1 {
			t.Errorf("q=%s: %s not listed", c.q, c.want)
		}
	}
	tb.open(s.Page("/products?q=zzzz-nothing&lang=en"))
	if got := tb.text(".product-filter .count"); got != "No product matches." {
		t.Errorf("no match: %q", got)
	}
}

// TestProductPage: names, billing modes, the source section, the lifecycle
// in relative terms with citations, and a link into the calculator.
// TestProductPageReplacementByBillingMode: OpenSearch's own suspension
// rule is written for pay-as-you-go, so the product page says the general
// rule it replaces still applies to the other billing modes, and the
// calculator, for a subscription, shows that general rule.
func TestProductPageReplacementByBillingMode(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/products/opensearch?lang=en"))
	li := `[data-replaced="overdue-withhold-service"]`
	if tb.count(li) != 1 {
		t.Fatal("the replaced general rule 5.2 is not named")
	}
	if got := tb.text(li + ` [data-replaced-for="payg"]`); !strings.Contains(got, "For Pay-as-you-go") || !strings.Contains(got, "still applies to other billing modes") {
		t.Errorf("replacement scope %q", got)
	}
	tb.open(s.Page("/?products=opensearch&billing=subscription&event=first-overdue&at=2026-04-10T08:00:00%2B08:00&lang=en"))
	if tb.count(`[data-milestone="overdue-withhold-service"] [data-clause="product-service-agreement#5.2"]`) != 1 {
		t.Error("subscription: the general right to withhold service (5.2) is not on the timeline")
	}
	if tb.count(`[data-milestone="opensearch-overdue-suspend"]`) != 0 {
		t.Error("subscription: OpenSearch's pay-as-you-go suspension is on the timeline")
	}
	// No billing mode chosen: the product rule replaces, and the timeline's
	// list of replaced rules says for which mode.
	tb.open(s.Page("/?products=opensearch&event=first-overdue&at=2026-04-10T08:00:00%2B08:00&lang=en"))
	if got := tb.text(`.replaced [data-replaced="overdue-withhold-service"] [data-replaced-for="payg"]`); !strings.Contains(got, "still applies to other billing modes") {
		t.Errorf("timeline, no billing mode: replacement scope %q", got)
	}
}

func TestProductPage(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/products/log-service?lang=en"))
	if h1 := tb.text("h1"); !strings.Contains(h1, "Simple Log Service") || !strings.Contains(h1, "日志服务") {
		t.Errorf("h1 %q", h1)
	}
	var href string
	tb.eval(`document.querySelector("[data-source]").getAttribute("href")`, &href)
	if !strings.HasSuffix(href, "/docs/product-service-agreement?lang=en#special-2") {
		t.Errorf("source link %q", href)
	}
	group := `section[data-event="first-overdue"]`
	if got := tb.text(group + ` tr[data-rule="log-overdue-suspend"] .rel`); got != "+24 h" {
		t.Errorf("suspension period %q", got)
	}
	if got := tb.text(group + ` tr[data-rule="log-suspend-delete"] .period`); !strings.Contains(got, "+7 days") || !strings.Contains(got, "after “service suspended") {
		t.Errorf("deletion period %q", got)
	}
	if tb.count(group+` tr[data-rule="log-suspend-delete"] [data-clause="product-service-agreement#special-2.2"]`) != 1 {
		t.Error("deletion: no citation of special-2.2")
	}
	if tb.count(`[data-replaced="overdue-buffer-deletion"]`) != 1 {
		t.Error("the replaced general rule is not named")
	}
	tb.eval(`document.querySelector('section[data-event="first-overdue"] a.open-calc').getAttribute("href")`, &href)
	if href != "/?event=first-overdue&lang=en&products=log-service" {
		t.Errorf("calculator link %q", href)
	}
	tb.run(chromedp.Click(group+` a.open-calc`, chromedp.ByQuery))
	tb.waitFor(`location.pathname === "/"`, 30e9)
	tb.waitReady()
	if tb.count(`[data-milestone="log-overdue-suspend"] time[datetime]`) != 1 {
		t.Error("the calculator did not open on the product's event")
	}

	// Billing modes come from the product's own rules.
	tb.open(s.Page("/products/message-queue?lang=en"))
	var modes []string
	tb.eval(`[...document.querySelectorAll("[data-billing]")].map(li => li.dataset.billing)`, &modes)
	if strings.Join(modes, " ") != "subscription payg" {
		t.Errorf("message queue billing %v", modes)
	}
}

// TestCompareAndProductsScreenshots: both languages, both widths.
func TestCompareAndProductsScreenshots(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	for _, lang := range []string{"zh", "en"} {
		tb.open(s.Page("/compare?point=overdue-to-deletion&sort=offset&lang=" + lang))
		tb.screenshot("compare-"+lang+"-1280", 1280)
		tb.screenshot("compare-"+lang+"-360", 360)
		tb.open(s.Page("/products?lang=" + lang))
		tb.screenshot("products-"+lang+"-1280", 1280)
		tb.screenshot("products-"+lang+"-360", 360)
		tb.open(s.Page("/products/log-service?lang=" + lang))
		tb.screenshot("product-log-service-"+lang+"-1280", 1280)
		tb.screenshot("product-log-service-"+lang+"-360", 360)
	}
}

// TestCompareAndProductAccessibility runs axe-core on a full matrix and a
// product page, in both languages.
func TestCompareAndProductAccessibility(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	axeEveryLanguage(t, tb, s, []string{"/compare?point=overdue-to-deletion&sort=offset", "/compare?point=no-such-point", "/products/log-service", "/products/mns", "/products?q=rds"})
}
