//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/lifecycle/casefile"
)

// TestCalculatorHandComputedCases drives the page through the URL for every
// hand-computed case and checks each milestone's <time datetime>, bound and
// cited clause in the DOM, and that absent rules are absent.
func TestCalculatorHandComputedCases(t *testing.T) {
	cases, err := casefile.Load("../clauses/lifecycle/testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/?lang=en"))
	for _, c := range cases {
		t.Run(fmt.Sprint(c.Number), func(t *testing.T) {
			tb.t = t
			// In-app navigation (as a click on a link would do), then wait
			// for the page to say it rendered exactly this URL.
			url := "/?" + c.Query() + "&now=2026-11-23T12:00:00%2B08:00&lang=en"
			tb.eval(fmt.Sprintf(`goappNav(%q), true`, url), new(bool))
			tb.waitReady()
			for _, e := range c.Expect {
				sel := fmt.Sprintf(`[data-milestone=%q][data-bound=%q]`, e.Rule, e.Bound)
				if e.Reading != "" {
					sel += fmt.Sprintf(`[data-reading=%q]`, e.Reading)
				} else {
					sel += `:not([data-reading])`
				}
				if e.Product != "" {
					sel += fmt.Sprintf(`[data-product=%q]`, e.Product)
				}
				var inner string
				switch {
				case e.Instant != "":
					inner = fmt.Sprintf(`time[datetime=%q]:not([data-start])`, e.Instant)
				case e.Start != "":
					inner = fmt.Sprintf(`time[data-start=%q] ~ time[data-end=%q]`, e.Start, e.End)
				}
				js := fmt.Sprintf(`[...document.querySelectorAll(%q)].some(m =>
					m.querySelector('[data-clause=%q]') && (%q === "" ? !m.querySelector("time") : !!m.querySelector(%q)))`,
					sel, e.Clause, inner, orAny(inner))
				var ok bool
				tb.eval(js, &ok)
				if !ok {
					var got []string
					tb.eval(fmt.Sprintf(`[...document.querySelectorAll('[data-milestone=%q]')].map(m =>
						[m.dataset.milestone, m.dataset.reading||"", m.dataset.bound, m.dataset.product,
						 [...m.querySelectorAll("time")].map(t => t.getAttribute("datetime")).join(".."),
						 [...m.querySelectorAll("[data-clause]")].map(x => x.dataset.clause).join(" ")].join(" "))`, e.Rule), &got)
					t.Errorf("case %d (%s): not on the page: %s\n  page has: %s", c.Number, c.Title, e.Line, strings.Join(got, " | "))
				}
			}
			for _, a := range c.Absent {
				if n := tb.count(fmt.Sprintf(`[data-milestone=%q]`, a)); n != 0 {
					t.Errorf("case %d: rule %s must not appear, found %d", c.Number, a, n)
				}
			}
		})
	}
}

func orAny(sel string) string {
	if sel == "" {
		return "*"
	}
	return sel
}

// TestCalculatorBadInput: an impossible date, an unknown product, an event
// that does not apply: a clear message, the valid part still computed.
func TestCalculatorBadInput(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	for _, c := range []struct {
		query, alert string
		milestones   bool
	}{
		{"products=log-service&event=first-overdue&at=2026-02-30T09:00:00%2B08:00&lang=en", "does not exist", false},
		{"products=no-such-thing,log-service&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&lang=en", "There is no product called “no-such-thing”", true},
		{"products=log-service,mns&event=order-placed-unpaid&at=2026-11-23T09:12:00%2B08:00&lang=en", "does not apply to Message Service (MNS)", true},
		{"products=log-service&event=no-such-event&at=2026-11-23T09:12:00%2B08:00&lang=en", "There is no event called", false},
		{"products=log-service&billing=bogus&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&lang=en", "There is no billing mode called “bogus”", true},
		{"products=alibaba-cloud-api&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&lang=en", "does not apply to Alibaba Cloud API", false},
		{"event=first-overdue&at=2026-11-23T09:12:00%2B08:00&tz=Mars/Olympus&lang=en", "Unknown time zone", true},
	} {
		tb.open(s.Page("/?" + c.query))
		if got := tb.text("[role=alert]"); !strings.Contains(got, c.alert) {
			t.Errorf("%s: alert %q lacks %q", c.query, got, c.alert)
		}
		if n := tb.count("[data-milestone]"); (n > 0) != c.milestones {
			t.Errorf("%s: %d milestones", c.query, n)
		}
	}
	tb.screenshot("calc-bad-date-en-360", 360)
}

// TestCalculatorWithoutAtUsesNowAndWritesIt: a link without `at` is
// computed for now, and the instant used is written into the address.
func TestCalculatorWithoutAtUsesNowAndWritesIt(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/?products=log-service&event=first-overdue&lang=en"))
	var search string
	tb.eval(`location.search`, &search)
	if !strings.Contains(search, "at=") {
		t.Fatalf("the instant used is not in the URL: %s", search)
	}
	if tb.count(`[data-milestone="log-overdue-suspend"] time[datetime]`) != 1 {
		t.Error("no suspension milestone")
	}
	// Tapping the citation shows the clause with the quoted words marked,
	// and the translation.
	tb.run(chromedp.Click(`[data-milestone="log-overdue-suspend"] summary[data-clause="product-service-agreement#special-2.1"]`, chromedp.ByQuery))
	tb.waitFor(`!!document.querySelector('[data-milestone="log-overdue-suspend"] .cite-body mark')`, 10*time.Second)
	if got := tb.text(`[data-milestone="log-overdue-suspend"] .cite-body mark`); !strings.Contains(got, "24小时") {
		t.Errorf("highlighted quote %q", got)
	}
	if got := tb.text(`[data-milestone="log-overdue-suspend"] .cite-translation`); !strings.Contains(got, "24 hours") {
		t.Errorf("translation %q", got)
	}
}

// TestCalculatorScreenshots: a five-product timeline and an ambiguous case,
// in both languages and widths, for people to look at.
func TestCalculatorScreenshots(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	five := "/?products=log-service,opensearch,datahub,nat-gateway,apsaradb-rds&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-25T10:00:00%2B08:00&tz=Europe/London"
	ambiguous := "/?products=opensearch&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-23T12:00:00%2B08:00"
	for _, lang := range []string{"zh", "en"} {
		tb.open(s.Page(five + "&lang=" + lang))
		if n := tb.count("[data-milestone]"); n < 10 {
			t.Errorf("five products: only %d milestones", n)
		}
		tb.screenshot("calc-five-"+lang+"-1280", 1280)
		tb.screenshot("calc-five-"+lang+"-360", 360)
		tb.open(s.Page(ambiguous + "&lang=" + lang))
		if tb.count("[data-reading]") < 2 {
			t.Error("the ambiguous case shows fewer than two readings")
		}
		tb.screenshot("calc-ambiguous-"+lang+"-1280", 1280)
		tb.screenshot("calc-ambiguous-"+lang+"-360", 360)
	}
}

// TestCalculatorHowComputed: "How computed" is drawn when opened, and for a
// working-day window it lists the days counted with the holidays and the
// make-up working day of the 2026 Spring Festival (hand-computed case 10).
// Left open, it stays open when the event's time changes and shows the
// steps of the new time.
func TestCalculatorHowComputed(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/?products=key-management-service&billing=payg&event=bill-received&at=2026-02-12T10:00:00%2B08:00&lang=en"))
	const li = `[data-milestone="bill-dispute"]`
	if tb.count(li+` time[datetime="2026-02-27T00:00:00+08:00"]`) != 1 {
		t.Fatal("no dispute deadline at 27 Feb 00:00")
	}
	if tb.count(li+` details.how li`) != 0 {
		t.Error("the trace is drawn before it is opened")
	}
	tb.run(chromedp.Click(li+` details.how summary`, chromedp.ByQuery))
	tb.waitFor(`document.querySelectorAll('`+li+` details.how li').length > 0`, 10*time.Second)
	how := tb.text(li + ` details.how`)
	for _, want := range []string{"5 working days", "make-up working day", "holiday", "Rule bill-dispute", "at Thu 12 Feb 2026 10:00 Beijing time"} {
		if !strings.Contains(how, want) {
			t.Errorf("How computed lacks %q: %q", want, how)
		}
	}

	// The bill a day later, as the form's time field would navigate.
	tb.eval(`goappNav("/?products=key-management-service&billing=payg&event=bill-received&at=2026-02-13T10:00:00%2B08:00&lang=en"), true`, new(bool))
	tb.waitReady()
	if tb.count(li+` details.how[open]`) != 1 || tb.count(li+` details.how li`) == 0 {
		t.Fatal("the open trace closed when the event's time changed")
	}
	how = tb.text(li + ` details.how`)
	if !strings.Contains(how, "at Fri 13 Feb 2026 10:00 Beijing time") || strings.Contains(how, "12 Feb 2026 10:00") {
		t.Errorf("the open trace does not show the new event time: %q", how)
	}

	// The same for a rule that states no period (its list is drawn apart).
	const overdue = "/?products=log-service,datahub&billing=payg&event=first-overdue&lang=en&at=2026-11-23T09:1"
	tb.eval(`goappNav("`+overdue+`2:00%2B08:00"), true`, new(bool))
	tb.waitReady()
	const untimed = `section.untimed [data-milestone="overdue-reminder"] details.how`
	tb.run(chromedp.Click(untimed+` summary`, chromedp.ByQuery))
	tb.waitFor(`document.querySelectorAll('`+untimed+` li').length > 0`, 10*time.Second)
	tb.eval(`goappNav("`+overdue+`3:00%2B08:00"), true`, new(bool))
	tb.waitReady()
	if how := tb.text(untimed); tb.count(untimed+`[open]`) != 1 || !strings.Contains(how, "at Mon 23 Nov 2026 09:13 Beijing time") {
		t.Errorf("the open trace of a rule without a period does not follow the new event time: %q", how)
	}
}

// TestEventListBeforeAndAfterStart: the prerendered page lists no events
// (the list does nothing before the WebAssembly runs); the
// running app lists every event of the catalogue once, the chosen one
// selected, in the group for the chosen products when their terms cover it.
func TestEventListBeforeAndAfterStart(t *testing.T) {
	events := catalogue.Load().Events
	s := serve(t, rootDist, "/")
	query := "/?products=log-service&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&lang=en"

	// Before the app starts: the page as the server sends it.
	tb := newTab(t)
	tb.run(chromedp.Navigate(s.Page(query + "&wasm=false")))
	tb.waitFor(`document.readyState === "complete"`, 10e9)
	// The static host sends the same prerendered page for every query:
	// the default view, with no event chosen.
	var n int
	tb.eval(`[...document.querySelectorAll("select#event option")].filter(o => o.value !== "").length`, &n)
	if all := tb.count("select#event option"); n != 0 || all != 1 {
		t.Errorf("prerendered event list: %d options, %d of them events; want the placeholder alone", all, n)
	}

	tb.open(s.Page(query))
	tb.waitReady()
	tb.eval(`[...document.querySelectorAll("select#event option")].filter(o => o.value !== "").length`, &n)
	if n != len(events) {
		t.Errorf("event list: %d events, the catalogue has %d", n, len(events))
	}
	var got struct {
		Value   string
		InGroup string
	}
	tb.eval(`(() => { const s = document.getElementById("event");
		const o = s.options[s.selectedIndex];
		return {value: s.value, inGroup: o.parentElement.tagName === "OPTGROUP" ? String([...s.querySelectorAll("optgroup")].indexOf(o.parentElement)) : "none"}; })()`, &got)
	if got.Value != "first-overdue" || got.InGroup != "0" {
		t.Errorf("selected %q in group %s, want first-overdue in the first group (events of the chosen products)", got.Value, got.InGroup)
	}
	// Choosing another event from the list navigates to it.
	tb.run(chromedp.SetValue("select#event", "subscription-expired", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("select#event").dispatchEvent(new Event("change", {bubbles: true}))`, nil))
	tb.waitFor(`location.search.includes("event=subscription-expired")`, 10e9)
	tb.waitReady()
	var v string
	tb.eval(`document.getElementById("event").value`, &v)
	if v != "subscription-expired" {
		t.Errorf("after choosing, the list shows %q", v)
	}
}

// TestChoosingNothing: the first option of each list ("Any billing mode",
// "Choose an event", "Choose a point") takes the choice out of the link,
// with no complaint about it.
func TestChoosingNothing(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	choose := func(sel string) {
		t.Helper()
		tb.eval(fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.selectedIndex = 0;
			s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`, sel), new(string))
	}
	for _, c := range []struct{ page, sel, param string }{
		{"/?products=log-service&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&lang=en", "select#billing", "billing="},
		{"/?products=log-service&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00", "select#event", "event="},
		{"/compare?point=refund-window&lang=en", "select#point", "point="},
	} {
		tb.open(s.Page(c.page))
		var first string
		tb.eval(fmt.Sprintf(`document.querySelector(%q).options[0].value`, c.sel), &first)
		if first != "" {
			t.Errorf("%s: the first option's value is %q, want empty", c.sel, first)
		}
		choose(c.sel)
		tb.waitFor(fmt.Sprintf(`!location.search.includes(%q)`, c.param), 30e9)
		tb.waitReady()
		if n := tb.count("[role=alert]"); n != 0 {
			t.Errorf("%s: choosing nothing gave an alert: %s", c.sel, tb.text("[role=alert]"))
		}
	}
}

// TestRangeInTheSecondZone: a milestone that falls within a range shows
// both of its ends in the viewer's zone too, not its start alone (which,
// under a range, read as the deadline). Counted by hand: OpenSearch's
// reminder in the 12th hour after a first overdue at 23 Nov 09:12 Beijing
// time falls between 20:12 and 21:12 Beijing time, that is between 12:12
// and 13:12 UTC, and between 21:12 and 22:12 in Tokyo (UTC+9).
func TestRangeInTheSecondZone(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	const q = "/?products=opensearch&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-23T10:00:00%2B08:00"
	const m = `[data-milestone="opensearch-overdue-reminder-12h"][data-bound="within-range"]`
	for _, c := range []struct {
		query            string
		start, join, end string
	}{
		{"&tz=UTC&lang=en", "12:12", " to ", "13:12"},
		{"&tz=Asia/Tokyo&lang=zh", "21:12", " 至 ", "22:12"},
	} {
		tb.open(s.Page(q + c.query))
		got := tb.text(m + " .zone")
		i, j, k := strings.Index(got, c.start), strings.Index(got, c.join), strings.Index(got, c.end)
		if i < 0 || j < i || k < j {
			t.Errorf("%s: the range in the second zone reads %q, want %s%s%s in that order", c.query, got, c.start, c.join, c.end)
		}
	}
}

// TestRangeUnderWay: while the window of a milestone is open, its time says
// it is under way and when it ends, and the status line names it, where it
// once said "18 minutes ago" and named only the next reminder. Counted by
// hand: OpenSearch's 12th-hour reminder after a first overdue at 23 Nov
// 09:12 falls between 20:12 and 21:12; at 20:30 it ends in 42 minutes and
// the 23rd-hour reminder (24 Nov 07:12) comes in 10 hours 42 minutes; at
// 22:00 the window ended 48 minutes before.
func TestRangeUnderWay(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	const q = "/?products=opensearch&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00"
	const m = `[data-milestone="opensearch-overdue-reminder-12h"] .relative`
	for _, c := range []struct {
		query    string
		relative string
		status   []string
	}{
		{"&now=2026-11-23T20:30:00%2B08:00&lang=en", "under way, ends in 42 minutes", []string{
			"Until Mon 23 Nov 2026 21:12 Beijing time (under way, ends in 42 minutes): In the 12th hour after going overdue",
			"Next (in 10 hours 42 minutes): In the 23rd hour"}},
		{"&now=2026-11-23T20:30:00%2B08:00&lang=zh", "进行中，42分钟后结束", []string{
			"至2026年11月23日（周一）21:12 北京时间（进行中，42分钟后结束）：欠费后的第12小时发送通知",
			"下一项（10小时42分钟后）：欠费后的第23小时"}},
		{"&now=2026-11-23T22:00:00%2B08:00&lang=en", "ended 48 minutes ago", []string{"Next (in 9 hours 12 minutes): In the 23rd hour"}},
	} {
		tb.open(s.Page(q + c.query))
		if got := tb.text(m); got != c.relative {
			t.Errorf("%s: the window's time says %q, want %q", c.query, got, c.relative)
		}
		status := tb.text(".status")
		for _, want := range c.status {
			if !strings.Contains(status, want) {
				t.Errorf("%s: status line %q, want it to contain %q", c.query, status, want)
			}
		}
		if strings.Contains(c.query, "22:00") && strings.Contains(status, "Until") {
			t.Errorf("%s: status line %q names a window that is over", c.query, status)
		}
	}
}

// TestStatusNamesTheReading: Platform for AI expired at 10:00 on 10 Jun
// 2026; at noon on 25 Jun the data is deleted under reading A (15 x 24 h,
// 10:00 that day) while renewal is still open under reading B (to 24:00).
// The status line says which reading each of its parts follows.
func TestStatusNamesTheReading(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	const q = "/?products=platform-for-ai&billing=subscription&event=subscription-expired&at=2026-06-10T10:00:00%2B08:00&now=2026-06-25T12:00:00%2B08:00"
	for _, c := range []struct{ lang, since, next string }{
		{"en", "Since Thu 25 Jun 2026 10:00 Beijing time (reading A): If not renewed when 15 natural days after expiry have passed",
			"Next (in 12 hours) (reading B): If you renew successfully within 15 natural days"},
		{"zh", "自2026年6月25日（周四）10:00 北京时间起（读法A）：到期满15个自然日仍未续费成功的",
			"下一项（12小时后）（读法B）：自到期之日起15个自然日内续费成功的"},
	} {
		tb.open(s.Page(q + "&lang=" + c.lang))
		status := tb.text(".status")
		for _, want := range []string{c.since, c.next} {
			if !strings.Contains(status, want) {
				t.Errorf("%s: status line %q, want it to contain %q", c.lang, status, want)
			}
		}
	}
	// With several products, the status says where each stands: Log
	// Service and NAT Gateway are suspended 24 h after the overdue of 23 Nov
	// 09:12 (special-2.1, special-34.3.1); Log Service's data is deleted 7
	// days after that (special-2.2), NAT Gateway's instance released 7 days
	// after the overdue (special-34.3.2). ApsaraDB RDS states no period for
	// an overdue pay-as-you-go account: its state cannot be told.
	tb.open(s.Page("/?products=log-service,nat-gateway,apsaradb-rds&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-25T10:00:00%2B08:00&lang=en"))
	for product, want := range map[string]string{
		"log-service": "Simple Log Service (SLS): Since Tue 24 Nov 2026 09:12 Beijing time: ",
		"nat-gateway": "NAT Gateway: Since Tue 24 Nov 2026 09:12 Beijing time: ",
	} {
		if got := tb.text(fmt.Sprintf(`.status [data-status-product=%q]`, product)); !strings.HasPrefix(got, want) {
			t.Errorf("several products: %s's status %q, want it to start with %q", product, got, want)
		}
	}
	if got := tb.text(`.status [data-status-product="log-service"]`); !strings.Contains(got, "Next (in 5 days 23 hours): ") {
		t.Errorf("several products: Log Service's status %q lacks its deletion as next", got)
	}
	if got := tb.text(`.status [data-status-product="apsaradb-rds"]`); !strings.Contains(got, "the texts give no time for this event, so its current state cannot be told") {
		t.Errorf("several products: RDS's status %q", got)
	}
	// A period that has run out is said to have ended, not to hold "since"
	// its end: Cloud DNS expired 10 Jun 09:30, usable for 6 natural days,
	// under reading A until 16 Jun 09:30 (special-29.3); at 12:00 that
	// day it has ended, and under B it runs to 24:00 (17 Jun 00:00).
	for _, c := range []struct{ lang, ended, ends, not string }{
		{"en", "Ended Tue 16 Jun 2026 09:30 Beijing time (reading A): For 6 natural days after expiry you can still use the service normally",
			"Ends in 12 hours (reading B): For 6 natural days after expiry", "Since Tue 16 Jun 2026 09:30"},
		{"zh", "已于2026年6月16日（周二）09:30 北京时间结束（读法A）：服务到期后6个自然日内仍可正常使用",
			"12小时后结束（读法B）：服务到期后6个自然日内", "自2026年6月16日（周二）09:30 北京时间起"},
	} {
		tb.open(s.Page("/?products=alibaba-cloud-dns&billing=subscription&event=subscription-expired&at=2026-06-10T09:30:00%2B08:00&now=2026-06-16T12:00:00%2B08:00&lang=" + c.lang))
		status := tb.text(".status")
		if !strings.Contains(status, c.ended) || !strings.Contains(status, c.ends) || strings.Contains(status, c.not) {
			t.Errorf("%s: status %q, want %q and %q, and not %q", c.lang, status, c.ended, c.ends, c.not)
		}
	}
	// A deadline that has passed is said to have passed. OpenSearch
	// overdue at 09:12 on Mon 23 Nov 2026: suspended 24 h later (3.2);
	// all overdue bills to be paid within 7 days, or the terms end and the
	// data is deleted (3.3): by 30 Nov 09:12 under reading A (7 × 24 h), by
	// 24:00 on 30 Nov under B. That deadline has no state change of its
	// own, and a week on the status read only "since 24 Nov: suspended".
	for _, c := range []struct{ lang, now, passed, next string }{
		{"en", "2026-11-30T12:00:00%2B08:00", "Deadline passed Mon 30 Nov 2026 09:12 Beijing time (reading A): All overdue bills must be paid by then; otherwise",
			"Next (in 12 hours) (reading B): All overdue bills must be paid by then"},
		{"en", "2026-12-07T00:16:00%2B08:00", "Deadline passed Mon 30 Nov 2026 09:12 Beijing time (reading A); Tue 1 Dec 2026 00:00 Beijing time (reading B): All overdue bills must be paid by then; otherwise Alibaba Cloud terminates these terms",
			""},
		{"zh", "2026-12-07T00:16:00%2B08:00", "期限已过：2026年11月30日（周一）09:12 北京时间（读法A）；2026年12月1日（周二）00:00 北京时间（读法B）：须在此前补缴所有欠费账单",
			""},
	} {
		tb.open(s.Page("/?products=opensearch&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=" + c.now + "&lang=" + c.lang))
		status := tb.text(".status")
		since := map[string]string{"en": "Since Tue 24 Nov 2026 09:12 Beijing time: ", "zh": "自2026年11月24日（周二）09:12 北京时间起："}[c.lang]
		if !strings.Contains(status, since) || !strings.Contains(status, c.passed) || !strings.Contains(status, c.next) {
			t.Errorf("%s at %s: status %q, want %q, %q and %q", c.lang, c.now, status, since, c.passed, c.next)
		}
	}
}

// TestRecomputeWritesTimesForTheNewState: the timeline's milestone items and
// status line are made in OnNav, ahead of the render. A recompute that
// changes "now", the language or the second zone, in the same tab, must
// show texts for the new state: how far away a deadline is, in which
// language, in which zone. Expected texts are
// counted by hand from the rule (Log Service, special-2.1: suspended 24 h
// after the first overdue at 23 Nov 09:12, that is 24 Nov 09:12 Beijing
// time, 01:12 UTC, 10:12 in Tokyo).
func TestRecomputeWritesTimesForTheNewState(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	const q = "/?products=log-service&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00"
	const m = `[data-milestone="log-overdue-suspend"]`
	tb.open(s.Page(q + "&now=2026-11-23T12:00:00%2B08:00&tz=UTC&lang=en"))
	steps := []struct {
		url              string
		relative, status string
		zone             []string // what the second zone's text holds, in any order (Intl words it)
	}{
		{"", "in 21 hours 12 minutes", "Next (in 21 hours 12 minutes)", []string{"01:12", "UTC", "Nov"}},
		{q + "&now=2026-11-25T10:00:00%2B08:00&tz=UTC&lang=en", "1 day ago", "Since Tue 24 Nov 2026 09:12 Beijing time", []string{"01:12", "UTC", "Nov"}},
		{q + "&now=2026-11-25T10:00:00%2B08:00&tz=UTC&lang=zh", "1天前", "自2026年11月24日（周二）09:12 北京时间起", []string{"01:12", "UTC", "11月"}},
		{q + "&now=2026-11-25T10:00:00%2B08:00&tz=Asia/Tokyo&lang=zh", "1天前", "自2026年11月24日（周二）09:12 北京时间起", []string{"10:12", "11月"}},
		{q + "&now=2026-11-23T12:00:00%2B08:00&tz=Asia/Tokyo&lang=en", "in 21 hours 12 minutes", "Next (in 21 hours 12 minutes)", []string{"10:12", "Nov"}},
	}
	for i, st := range steps {
		if st.url != "" {
			tb.eval(fmt.Sprintf(`goappNav(%q), true`, st.url), new(bool))
			tb.waitReady()
		}
		if got := tb.text(m + " time[datetime]"); tb.htmlAttr("lang") == "en" && got != "Tue 24 Nov 2026 09:12 Beijing time" || tb.htmlAttr("lang") == "zh" && got != "2026年11月24日（周二）09:12 北京时间" {
			t.Errorf("step %d: the instant reads %q", i, got)
		}
		if got := tb.text(m + " .relative"); got != st.relative {
			t.Errorf("step %d: relative time %q, want %q", i, got, st.relative)
		}
		got := tb.text(m + " .zone")
		for _, want := range st.zone {
			if !strings.Contains(got, want) {
				t.Errorf("step %d: second zone %q, want it to contain %q", i, got, want)
			}
		}
		if got := tb.text(".status"); !strings.Contains(got, st.status) {
			t.Errorf("step %d: status line %q, want it to contain %q", i, got, st.status)
		}
	}
}
