package lifecycle

import (
	"strings"
	"testing"
	"time"
)

// TestStatusAt reads OpenSearch's timeline after a first overdue at 23 Nov
// 2026 09:12 Beijing time at moments before, inside and after the window of
// its 12th-hour reminder (20:12-21:12, counted by hand: the 12th hour after
// 09:12). Inside it, the reminder is under way: neither done nor next, where
// the status once skipped it and named the 23rd-hour reminder as next.
func TestStatusAt(t *testing.T) {
	beijing := func(s string) time.Time { return bj(s[:10] + "T" + s[11:] + ":00+08:00") }
	calc := newCalculator(t)
	res := calc.Compute(Query{Products: []string{"opensearch"}, Billing: "payg", Event: "first-overdue", At: beijing("2026-11-23 09:12")})
	const reminder12, reminder23 = "opensearch-overdue-reminder-12h", "opensearch-overdue-reminder-23h"
	// At 24 Nov 09:12 the grace period ends and the service is suspended
	// (both exact, grace listed first); data is deleted by 30 Nov.
	const grace, suspend, deleted = "opensearch-overdue-grace", "opensearch-overdue-suspend", "opensearch-overdue-delete"
	id := func(m *Milestone) string {
		if m == nil {
			return ""
		}
		return m.Rule.ID
	}
	for _, c := range []struct {
		now        string
		last, next string
		open       []string
		passed     []string // readings of the deletion deadline passed
	}{
		{now: "2026-11-23 20:11", next: reminder12},
		{now: "2026-11-23 20:12", next: reminder23, open: []string{reminder12}},
		{now: "2026-11-23 21:11", next: reminder23, open: []string{reminder12}},
		{now: "2026-11-23 21:12", next: reminder23},
		{now: "2026-11-24 07:30", next: grace, open: []string{reminder23}},
		{now: "2026-11-24 09:12", last: suspend, next: deleted},
		// Reading A of the deletion deadline (7 × 24 h, 30 Nov 09:12) has
		// passed, B (24:00 of 30 Nov) is next; then both have.
		{now: "2026-11-30 09:12", last: suspend, passed: []string{"A"}, next: deleted},
		{now: "2026-12-07 00:16", last: suspend, passed: []string{"A", "B"}},
	} {
		s := StatusAt(res.Milestones, beijing(c.now))
		var open []string
		for _, m := range s.Open {
			open = append(open, m.Rule.ID)
		}
		if id(s.Next) != c.next || len(open) != len(c.open) || len(open) > 0 && open[0] != c.open[0] {
			t.Errorf("at %s: next %q, open %q; want next %q, open %q", c.now, id(s.Next), open, c.next, c.open)
		}
		if c.last != "" && id(s.Last) != c.last {
			t.Errorf("at %s: last %q, want %q", c.now, id(s.Last), c.last)
		}
		var passed []string
		for _, m := range s.Passed {
			if m.Rule.ID != deleted {
				t.Errorf("at %s: passed deadline %s, want only %s", c.now, m.Rule.ID, deleted)
			}
			passed = append(passed, m.Reading)
		}
		if strings.Join(passed, ",") != strings.Join(c.passed, ",") {
			t.Errorf("at %s: readings of the passed deadline %q, want %q", c.now, passed, c.passed)
		}
	}
}

// EndsPeriod: a rule whose milestone ends what it grants (Cloud DNS's 6
// usable days, 29.3; IMM's 30 days of storage, 51.1) against one whose
// milestone begins a state (Log Service's suspension, 2.1).
func TestEndsPeriod(t *testing.T) {
	c := newCalculator(t)
	d, _ := c.corpus.Doc(PSA)
	byID := map[string]bool{}
	for _, r := range d.Rules {
		byID[r.ID] = EndsPeriod(r)
	}
	for id, want := range map[string]bool{"clouddns-expiry-usable": true, "imm-suspend-retention": true, "log-overdue-suspend": false} {
		got, ok := byID[id]
		if !ok {
			t.Fatalf("no rule %s", id)
		}
		if got != want {
			t.Errorf("EndsPeriod(%s) = %v, want %v", id, got, want)
		}
	}
}
