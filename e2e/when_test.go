//go:build e2e

package e2e

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTypingWhenItHappened: the event's time is typed, in the forms people
// copy or type it, and committed with Enter; the link then carries it as a
// Beijing instant and the timeline follows. Log Service suspends 24 h
// after the first overdue (special-2.1), so each typed time T shows the
// suspension at T + 24 h, counted by hand below. An impossible day stays
// in the field, marked, and is named in the alert; nothing is computed.
func TestTypingWhenItHappened(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/?products=log-service&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-23T12:00:00%2B08:00&lang=en"))
	const field, suspend = "#at", `[data-milestone="log-overdue-suspend"] time[datetime]`
	value := func() string {
		var v string
		tb.eval(`document.querySelector("#at").value`, &v)
		return v
	}
	if v := value(); v != "2026-11-23 09:12" {
		t.Fatalf("the field shows %q for the link's 23 Nov 09:12 +08:00", v)
	}
	if got := tb.text("#at-format"); !strings.Contains(got, "24-hour") {
		t.Errorf("format hint %q", got)
	}
	// typeIn types text as keys; what is not ASCII is committed in one
	// piece, as an input method does (key events would drop U+3000).
	typeIn := func(text string) {
		t.Helper()
		tb.eval(`document.querySelector("#at").value = "", true`, new(bool))
		if strings.IndexFunc(text, func(r rune) bool { return r > 0x7e }) < 0 {
			tb.run(chromedp.SendKeys(field, text+kb.Enter, chromedp.ByQuery))
			return
		}
		tb.run(chromedp.Focus(field, chromedp.ByQuery), input.InsertText(text), chromedp.SendKeys(field, kb.Enter, chromedp.ByQuery))
	}
	for _, c := range []struct{ typed, at, suspended string }{
		{"2026/11/24 8:05", "2026-11-24T08:05:00+08:00", "2026-11-25T08:05:00+08:00"},
		{"２０２６－１１－２３　２３：５９", "2026-11-23T23:59:00+08:00", "2026-11-24T23:59:00+08:00"},
		{"2026-12-31 09:12:45", "2026-12-31T09:12:45+08:00", "2027-01-01T09:12:45+08:00"},
		{"2024年2月28日 10:30", "2024-02-28T10:30:00+08:00", "2024-02-29T10:30:00+08:00"},
	} {
		typeIn(c.typed)
		tb.waitFor(`new URLSearchParams(location.search).get("at") === "`+c.at+`"`, 20e9)
		tb.waitReady()
		var anchor, got string
		tb.eval(`document.querySelector(".anchor-line time[datetime]").getAttribute("datetime")`, &anchor)
		tb.eval(`document.querySelector('`+suspend+`').getAttribute("datetime")`, &got)
		if anchor != c.at || got != c.suspended {
			t.Errorf("typed %q: event at %q, suspension at %q; want %q, %q", c.typed, anchor, got, c.at, c.suspended)
		}
		if c.at < "2024-05-15" && tb.count(".warning") == 0 {
			t.Errorf("typed %q, before the agreement took effect: no warning", c.typed)
		}
	}
	if v := value(); v != "2024-02-28 10:30" {
		t.Errorf("after typing 2024年2月28日 10:30 the field shows %q", v)
	}

	typeIn("2026-02-30 09:00")
	tb.waitFor(`new URLSearchParams(location.search).get("at") === "2026-02-30 09:00"`, 20e9)
	tb.waitReady()
	if got := tb.text("[role=alert]"); !strings.Contains(got, "“2026-02-30 09:00” is invalid or does not exist") {
		t.Errorf("alert %q", got)
	}
	if n := tb.count("[data-milestone]"); n != 0 {
		t.Errorf("%d milestones for an impossible day", n)
	}
	var invalid string
	tb.eval(`document.querySelector("#at").getAttribute("aria-invalid") || ""`, &invalid)
	if v := value(); v != "2026-02-30 09:00" || invalid != "true" {
		t.Errorf("the impossible day: field %q, aria-invalid %q; want it kept and marked", v, invalid)
	}
	if got := tb.text("#at-format"); !strings.HasPrefix(got, "This time could not be read.") {
		t.Errorf("hint under an unreadable time %q", got)
	}

	// The comparison's reference time is typed the same way.
	tb.open(s.Page("/compare?point=overdue-grace&lang=en"))
	tb.eval(`document.querySelector("#compare-at").value = "", true`, new(bool))
	tb.run(chromedp.SendKeys("#compare-at", "2027-01-02 03:04"+kb.Enter, chromedp.ByQuery))
	tb.waitFor(`new URLSearchParams(location.search).get("at") === "2027-01-02T03:04:00+08:00"`, 20e9)
	tb.waitReady()
	var search string
	tb.eval(`location.search`, &search)
	if q, _ := url.ParseQuery(strings.TrimPrefix(search, "?")); q.Get("point") != "overdue-grace" {
		t.Errorf("the comparison lost its point: %q", search)
	}
	var v string
	tb.eval(`document.querySelector("#compare-at").value`, &v)
	if v != "2027-01-02 03:04" {
		t.Errorf("compare field shows %q", v)
	}
}
