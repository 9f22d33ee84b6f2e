//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestConditionsChooseTheRules: CDDC's subscription expiry (special-40.4.1,
// 40.4.2) has two outcomes under opposite conditions, no non-renewal notice
// (suspended, data kept 7 days) and a notice given (data deleted at
// expiry). Both show, labelled, until the reader ticks the one that holds;
// then the other's rules go, the box stays ticked and if= carries it.
// Unticking lists both again. A condition no rule has is named in an alert
// and changes nothing.
func TestConditionsChooseTheRules(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	const q = "/?products=cloud-database-dedicated-cluster&billing=subscription&event=subscription-expired&at=2026-03-01T10:00:00%2B08:00&lang=en"
	tb.open(s.Page(q))
	suspend, deleted := `[data-milestone="cddc-expiry-suspend"]`, `[data-milestone="cddc-non-renewal-delete"]`
	notified := `fieldset.conditions input[data-if="non-renewal-notified"]`
	if tb.count(suspend) == 0 || tb.count(deleted) == 0 {
		t.Fatalf("with no condition ticked both outcomes should show: %d, %d", tb.count(suspend), tb.count(deleted))
	}
	if got := tb.text(`fieldset.conditions label[for="if-non-renewal-notified"]`); got != "if you notified in writing before expiry that you will not continue" {
		t.Errorf("label %q", got)
	}
	var checked bool
	tb.eval(`document.querySelector('`+notified+`').checked`, &checked)
	if checked {
		t.Error("a condition is ticked before any was chosen")
	}

	tb.run(chromedp.Click(notified, chromedp.ByQuery))
	tb.waitReady()
	var search string
	tb.eval(`location.search`, &search)
	tb.eval(`document.querySelector('`+notified+`').checked`, &checked)
	if !strings.Contains(search, "if=non-renewal-notified") || !checked {
		t.Errorf("after ticking: search %q, checked %v", search, checked)
	}
	if tb.count(suspend) != 0 || tb.count(deleted) == 0 {
		t.Errorf("notice given: suspension shown %d times, deletion %d times; want 0 and more", tb.count(suspend), tb.count(deleted))
	}
	if n := tb.count(`fieldset.conditions input[data-if="no-non-renewal-notice"]`); n != 1 {
		t.Errorf("the other condition is no longer offered (%d)", n)
	}

	tb.run(chromedp.Click(notified, chromedp.ByQuery))
	tb.waitReady()
	tb.eval(`location.search`, &search)
	if strings.Contains(search, "if=") || tb.count(suspend) == 0 || tb.count(deleted) == 0 {
		t.Errorf("after unticking: search %q, suspension %d, deletion %d", search, tb.count(suspend), tb.count(deleted))
	}

	tb.open(s.Page(q + "&if=no-such-condition"))
	if got := tb.text("[role=alert]"); !strings.Contains(got, "No rule in this timeline has the condition “no-such-condition”; it was ignored.") {
		t.Errorf("alert %q", got)
	}
	if tb.count(suspend) == 0 || tb.count(deleted) == 0 {
		t.Error("an unknown condition hid rules")
	}
	// With no condition chosen the status line names the condition of the
	// outcome it reports: on 9 Mar the deletion 7 days after the suspension
	// (40.4.1) holds only if no notice was given.
	tb.open(s.Page(q + "&now=2026-03-09T12:00:00%2B08:00"))
	if got := tb.text(".status"); !strings.Contains(got, "Since Sun 8 Mar 2026 10:00 Beijing time (if you did not notify in writing before expiry that you will not continue): ") {
		t.Errorf("status %q does not name the condition of what it reports", got)
	}
	tb.screenshot("calc-conditions-en-360", 360)
}
