package lifecycle

import (
	"strings"
	"testing"
	"time"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/model"
)

// The reference instant of the hand-checked cases: Monday 23 November 2026,
// 09:12 Beijing time.
const compareRef = "2026-11-23T09:12:00+08:00"

func point(t *testing.T, c *Calculator, slug string) catalogue.Point {
	t.Helper()
	p, ok := c.cat.Point(slug)
	if !ok {
		t.Fatalf("no point %s", slug)
	}
	return p
}

// wantEntry is one milestone a cell must hold, checked by hand.
type wantEntry struct {
	rule, reading string
	bound         string // effective bound; none for no period
	instant       string // When(), RFC 3339; "" for none
	relative      string // Entry.Relative("en")
	relativeZh    string // Entry.Relative("zh"), when checked
	specific      bool
}

func TestCompareHandChecked(t *testing.T) {
	c := newCalculator(t)
	ref, _ := time.Parse(time.RFC3339, compareRef)
	for _, tc := range []struct {
		name, point, product string
		status               string
		offset               time.Duration
		want                 []wantEntry
		absent               []string
	}{
		{
			// special-2.1: usable 24 h after the first overdue, then suspended;
			// special-2.2: deleted 7 days (same clock time) after the suspension.
			// 23 Nov 09:12 + 24 h = 24 Nov 09:12; + 7 × 24 h = 1 Dec 09:12.
			name: "log service: overdue to deletion is a chain", point: "overdue-to-deletion", product: "log-service",
			status: CellTimed, offset: 8 * 24 * time.Hour,
			want: []wantEntry{{"log-suspend-delete", "", "exact", "2026-12-01T09:12:00+08:00", "+24 h then +7 days", "+24 小时，然后 +7 日", true}},
			// the general term 5.5 is replaced by special-2.2
			absent: []string{"overdue-buffer-deletion"},
		},
		{
			// special-3.3 reads two ways: 7 × 24 h from the moment (30 Nov
			// 09:12), or to 24:00 of calendar day 7 (day 0 = 23 Nov → 30 Nov
			// 24:00 = 1 Dec 00:00). The earliest sorts the row.
			name: "opensearch: two readings", point: "overdue-to-deletion", product: "opensearch",
			status: CellTimed, offset: 7 * 24 * time.Hour,
			want: []wantEntry{
				{"opensearch-overdue-delete", "A", "by", "2026-11-30T09:12:00+08:00", "+7 days", "+7 日", true},
				{"opensearch-overdue-delete", "B", "by", "2026-12-01T00:00:00+08:00", "end of calendar day 7", "第7个自然日24:00", true},
			},
		},
		{
			// special-6.3: suspended 72 h after the overdue; messages then
			// released with no period stated.
			name: "message queue: no period stated after the suspension", point: "overdue-to-deletion", product: "message-queue",
			status: CellNoPeriod,
			want:   []wantEntry{{"mq-suspend-release-messages", "", "none", "", "+72 h then no period stated", "+72 小时，然后 未规定期限", true}},
		},
		{
			// the general terms delete data after a suspension (5.5), but no
			// rule counts that from the first overdue
			name: "general terms: overdue to deletion not covered", point: "overdue-to-deletion", product: "all",
			status: CellNotCovered,
		},
		{
			// 6.3 again, as "use after the first overdue": the suspension at
			// +72 h = 26 Nov 09:12; the general 5.4 termination (conditional,
			// no period) is listed after it.
			name: "message queue: use after the first overdue", point: "overdue-grace", product: "message-queue",
			status: CellTimed, offset: 72 * time.Hour,
			want: []wantEntry{
				{"mq-overdue-suspend", "", "exact", "2026-11-26T09:12:00+08:00", "+72 h", "", true},
				{"overdue-all-accounts-terminated", "", "none", "", "no period stated", "", false},
			},
			absent: []string{"overdue-withhold-service"},
		},
		{
			// special-6.1 keeps an unpaid order 3 days (replacing 4.2.1's 7
			// days, and with them 4.2.1's sell-out window over those 7
			// days): 26 Nov 09:12.
			name: "message queue: order lapse replaced", point: "order-lapse", product: "message-queue",
			status: CellTimed, offset: 72 * time.Hour,
			want: []wantEntry{
				{"mq-order-lapse", "", "by", "2026-11-26T09:12:00+08:00", "+3 days", "+3 日", true},
			},
			absent: []string{"order-lapse", "order-lapse-sold-out"},
		},
		{
			// 4.2.2: pay at least 7 days before expiry (reading A: by 16 Nov
			// 09:12) or within the last 7 days (reading B: by expiry).
			name: "general terms: renewal before expiry", point: "renewal-payment", product: "all",
			status: CellTimed, offset: -7 * 24 * time.Hour,
			want: []wantEntry{
				{"renewal-payment", "A", "by", "2026-11-16T09:12:00+08:00", "−7 days", "−7 日", false},
				{"renewal-payment", "B", "by", "2026-11-23T09:12:00+08:00", "+0 (at once)", "+0（即时）", false},
			},
		},
		{
			// 4.8: 5 working days from Monday 23 Nov: 24, 25, 26, 27, 30 Nov;
			// closes at 24:00 of 30 Nov.
			name: "general terms: bill dispute in working days", point: "bill-dispute", product: "all",
			status: CellTimed, offset: 7*24*time.Hour + 14*time.Hour + 48*time.Minute,
			want: []wantEntry{{"bill-dispute", "", "by", "2026-12-01T00:00:00+08:00", "+5 working days", "+5 个工作日", false}},
		},
		{
			name: "DNS API: terms change without a period", point: "terms-change-notice", product: "dns-api",
			status: CellNoPeriod,
			want:   []wantEntry{{"dnsapi-terms-change-without-notice", "", "none", "", "no period stated", "未规定期限", true}},
		},
		{
			// special-29.3, expiry 23 Nov 09:12: downgraded in the 24 hours
			// after 6 × 24 h (A: 29 Nov 09:12 to 30 Nov 09:12, release day
			// 29 or 30 Nov) or on calendar day 7 (B: 30 Nov); data deleted
			// within days 1–7 after the release day (…/B) or on day 7 (…/A).
			// Earliest: A/B from 30 Nov 00:00, 6 d 14 h 48 min after.
			name: "cloud DNS: calendar days chained", point: "expiry-to-deletion", product: "alibaba-cloud-dns",
			status: CellTimed, offset: 6*24*time.Hour + 14*time.Hour + 48*time.Minute,
			want: []wantEntry{
				{"clouddns-release-delete", "A/B", "within-range", "2026-11-30T00:00:00+08:00", "+6 days to +7 days then calendar day 1 to calendar day 7", "", true},
				{"clouddns-release-delete", "B/B", "within-range", "2026-12-01T00:00:00+08:00", "calendar day 7 then calendar day 1 to calendar day 7", "", true},
				{"clouddns-release-delete", "A/A", "within-range", "2026-12-06T00:00:00+08:00", "+6 days to +7 days then calendar day 7", "", true},
				{"clouddns-release-delete", "B/A", "within-range", "2026-12-07T00:00:00+08:00", "calendar day 7 then calendar day 7", "", true},
			},
		},
		{
			name: "unknown product", point: "overdue-grace", product: "no-such-product",
			status: CellUnknownProduct,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cells := c.Compare(point(t, c, tc.point), []string{tc.product}, ref)
			if len(cells) != 1 {
				t.Fatalf("%d cells", len(cells))
			}
			cell := cells[0]
			if cell.Status != tc.status || cell.Product != tc.product || cell.Point != tc.point {
				t.Fatalf("cell %s/%s status %s, want %s", cell.Product, cell.Point, cell.Status, tc.status)
			}
			if tc.status == CellTimed && cell.Offset != tc.offset {
				t.Errorf("offset %v, want %v", cell.Offset, tc.offset)
			}
			if len(cell.Entries) != len(tc.want) {
				t.Errorf("%d entries, want %d:\n%s", len(cell.Entries), len(tc.want), describeEntries(cell.Entries))
			}
			for i, w := range tc.want {
				if i >= len(cell.Entries) {
					break
				}
				e := cell.Entries[i]
				bound, when := e.Bound, ""
				if !e.Timed {
					bound = model.BoundNone
				} else {
					when = e.When().Format(time.RFC3339)
				}
				if e.Rule.ID != w.rule || e.Reading != w.reading || bound != w.bound || when != w.instant || e.Specific != w.specific {
					t.Errorf("entry %d: got %s/%s %s %s specific=%v, want %s/%s %s %s specific=%v", i, e.Rule.ID, e.Reading, bound, when, e.Specific, w.rule, w.reading, w.bound, w.instant, w.specific)
				}
				if got := e.Relative("en"); got != w.relative {
					t.Errorf("entry %d relative %q, want %q", i, got, w.relative)
				}
				if w.relativeZh != "" {
					if got := e.Relative("zh"); got != w.relativeZh {
						t.Errorf("entry %d relative (zh) %q, want %q", i, got, w.relativeZh)
					}
				}
			}
			for _, a := range tc.absent {
				for _, e := range cell.Entries {
					if e.Rule.ID == a {
						t.Errorf("rule %s must not appear", a)
					}
				}
			}
		})
	}
}

func describeEntries(es []Entry) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString("    " + describeOne(e.Milestone) + " " + e.Relative("en") + "\n")
	}
	return b.String()
}

// TestCompareChainsAddUp: for every point and product, each entry's chain
// has one link per rule of the milestone's chain, ends at the milestone's
// rule, and, where every link is a whole number of hours or days counted
// forward to an exact or "by" instant, adding the links up from the
// reference instant gives Compute's instant. This pins how reading labels
// are assigned to the links.
func TestCompareChainsAddUp(t *testing.T) {
	c := newCalculator(t)
	ref, _ := time.Parse(time.RFC3339, compareRef)
	slugs := []string{"all"}
	for _, p := range c.cat.Products {
		slugs = append(slugs, p.Slug)
	}
	checked := 0
	for _, pt := range c.cat.Points {
		for _, cell := range c.Compare(pt, slugs, ref) {
			for _, e := range cell.Entries {
				if len(e.Links) != len(e.Chain) || e.Links[len(e.Links)-1].Rule != e.Rule {
					t.Errorf("%s %s: %d links for chain %v", pt.Slug, describeOne(e.Milestone), len(e.Links), e.Chain)
					continue
				}
				if !e.Timed || e.Bound == model.BoundWithinRange {
					continue
				}
				at, simple := ref, true
				for i, l := range e.Links {
					if l.Rule.ID != e.Chain[i] || (i > 0) != (l.Period.Anchor != nil) {
						t.Errorf("%s: link %d is %s (anchor %v)", describeOne(e.Milestone), i, l.Rule.ID, l.Period.Anchor)
					}
					d := l.Period.After
					if d == nil || l.Period.Range != nil || d.Unit != model.UnitHour && d.Unit != model.UnitDay {
						simple = false
						break
					}
					at = at.Add(time.Duration(d.Amount * float64(time.Hour) * map[string]float64{model.UnitHour: 1, model.UnitDay: 24}[d.Unit]))
				}
				if simple {
					checked++
					if !at.Equal(e.Instant) {
						t.Errorf("%s: the links add up to %s", describeOne(e.Milestone), at.Format(time.RFC3339))
					}
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d chains checked", checked)
	}
}

func TestCovered(t *testing.T) {
	c := newCalculator(t)
	for _, tc := range []struct {
		point      string
		has, lacks []string
	}{
		// products whose own terms give a deletion after the first overdue
		{"overdue-to-deletion", []string{"log-service", "opensearch", "datahub", "mns", "api-gateway"}, []string{"all", "cloudmonitor", "apsaradb-rds"}},
		{"refund-window", []string{"opensearch", "certificate-management-service", "datav"}, []string{"log-service"}},
		// only the general terms speak of bill disputes
		{"bill-dispute", nil, []string{"log-service", "mns"}},
	} {
		got := c.Covered(point(t, c, tc.point))
		in := map[string]bool{}
		for _, s := range got {
			in[s] = true
		}
		for _, s := range tc.has {
			if !in[s] {
				t.Errorf("%s: %s not covered (%v)", tc.point, s, got)
			}
		}
		for _, s := range tc.lacks {
			if in[s] {
				t.Errorf("%s: %s covered", tc.point, s)
			}
		}
	}
}

func TestLifecycle(t *testing.T) {
	c := newCalculator(t)
	find := func(lc Lifecycle, id string) *Relative {
		for i := range lc.Rules {
			if lc.Rules[i].Rule.ID == id {
				return &lc.Rules[i]
			}
		}
		return nil
	}

	if _, ok := c.Lifecycle("no-such-product"); ok {
		t.Error("an unknown product has a lifecycle")
	}

	// Log Service: +24 h suspended (special-2.1), +7 days after the
	// suspension deleted (special-2.2), both replacing general terms.
	lc, ok := c.Lifecycle("log-service")
	if !ok {
		t.Fatal("no log-service")
	}
	if strings.Join(lc.Billing, " ") != "all" {
		t.Errorf("log-service billing %v", lc.Billing)
	}
	suspend, del := find(lc, "log-overdue-suspend"), find(lc, "log-suspend-delete")
	if suspend == nil || del == nil {
		t.Fatal("log-service rules missing")
	}
	if suspend.Root != "first-overdue" || suspend.Anchor != nil || !suspend.Specific || suspend.Periods[0].Text("en") != "+24 h" {
		t.Errorf("suspension: root %s anchor %v specific %v %q", suspend.Root, suspend.Anchor, suspend.Specific, suspend.Periods[0].Text("en"))
	}
	if del.Root != "first-overdue" || del.Anchor == nil || del.Anchor.ID != "log-overdue-suspend" ||
		del.Periods[0].Anchor != del.Anchor || del.Periods[0].Text("en") != "+7 days" || del.Periods[0].Text("zh") != "+7 日" {
		t.Errorf("deletion: root %s anchor %v %q", del.Root, del.Anchor, del.Periods[0].Text("en"))
	}
	if len(del.Replaces) != 1 || del.Replaces[0].ID != "overdue-buffer-deletion" {
		t.Errorf("deletion replaces %v", del.Replaces)
	}
	if find(lc, "overdue-withhold-service") != nil || find(lc, "overdue-buffer-deletion") != nil {
		t.Error("replaced general rules are listed")
	}
	if len(lc.Replaced) != 2 {
		t.Errorf("%d replaced", len(lc.Replaced))
	}
	if g := find(lc, "late-fee"); g == nil || g.Specific {
		t.Error("the general late fee is missing or marked product-specific")
	}
	// rows are grouped by event, in catalogue order, suspension before deletion
	idx := map[string]int{}
	for i, r := range lc.Rules {
		idx[r.Rule.ID] = i
	}
	if !(idx["order-lapse"] < idx["log-overdue-suspend"] && idx["log-overdue-suspend"] < idx["log-suspend-delete"]) {
		t.Errorf("order: %v", idx)
	}
	seen := map[string]bool{}
	for i, ev := range lc.Events {
		if seen[ev] {
			t.Errorf("event %s is split into two groups (%d)", ev, i)
		}
		seen[ev] = true
	}

	// MaxCompute special-17.1.4: reading A counts 15 days from the
	// suspension (which follows the overdue at once), reading B from the
	// first overdue itself.
	lc, _ = c.Lifecycle("maxcompute")
	md := find(lc, "maxcompute-suspend-delete")
	if md == nil || md.Root != "first-overdue" || len(md.Periods) != 2 {
		t.Fatalf("maxcompute deletion: %+v", md)
	}
	if a := md.Periods[0]; a.Reading != "A" || a.Anchor == nil || a.Anchor.ID != "maxcompute-overdue-suspend-now" || a.Text("en") != "+15 days" {
		t.Errorf("reading A: %+v", a)
	}
	if b := md.Periods[1]; b.Reading != "B" || b.Anchor != nil || b.Event != "first-overdue" {
		t.Errorf("reading B: %+v", b)
	}

	// Message Queue names subscription and pay-as-you-go in its own rules.
	lc, _ = c.Lifecycle("message-queue")
	if strings.Join(lc.Billing, " ") != "subscription payg" {
		t.Errorf("message-queue billing %v", lc.Billing)
	}

	// MNS has its own agreement: every rule is its own, nothing replaced.
	lc, _ = c.Lifecycle("mns")
	if len(lc.Replaced) != 0 || len(lc.Rules) == 0 {
		t.Errorf("mns: %d rules, %d replaced", len(lc.Rules), len(lc.Replaced))
	}
	for _, r := range lc.Rules {
		if !r.Specific || r.Rule.Doc != "mns-terms" {
			t.Errorf("mns rule %s specific=%v doc %s", r.Rule.ID, r.Specific, r.Rule.Doc)
		}
	}
	if st := find(lc, "mns-suspend-terminate"); st == nil || st.Root != "first-overdue" || st.Anchor == nil || st.Anchor.ID != "mns-overdue-suspend" {
		t.Errorf("mns termination: %+v", st)
	}
}

func TestPeriodText(t *testing.T) {
	d := func(a float64, u string) *model.Duration { return &model.Duration{Amount: a, Unit: u} }
	for _, tc := range []struct {
		p      Period
		en, zh string
	}{
		{Period{After: d(24, model.UnitHour), Bound: model.BoundExact}, "+24 h", "+24 小时"},
		{Period{After: d(1, model.UnitDay), Bound: model.BoundExact}, "+1 day", "+1 日"},
		{Period{After: d(7, model.UnitDay), Bound: model.BoundBy}, "+7 days", "+7 日"},
		{Period{Before: d(7, model.UnitDay), Bound: model.BoundBy}, "−7 days", "−7 日"},
		{Period{After: d(5, model.UnitWorkingDay), Bound: model.BoundBy}, "+5 working days", "+5 个工作日"},
		{Period{Before: d(10, model.UnitWorkingDay), Bound: model.BoundBy}, "−10 working days", "−10 个工作日"},
		{Period{After: d(6, model.UnitMonth), Bound: model.BoundExact}, "+6 months", "+6 个月"},
		{Period{Before: d(12, model.UnitMonth), Bound: model.BoundExact}, "−12 months", "−12 个月"},
		{Period{After: d(1, model.UnitYear), Bound: model.BoundExact}, "+1 year", "+1 年"},
		{Period{After: d(5, model.UnitCalendarDay), Bound: model.BoundWithinRange}, "calendar day 5", "第5个自然日"},
		{Period{Before: d(3, model.UnitCalendarDay), Bound: model.BoundWithinRange}, "calendar day −3", "前第3个自然日"},
		{Period{After: d(7, model.UnitCalendarDay), Bound: model.BoundBy}, "end of calendar day 7", "第7个自然日24:00"},
		{Period{After: d(8, model.UnitCalendarDay), Bound: model.BoundExact}, "start of calendar day 8", "第8个自然日0:00"},
		{Period{After: d(1, model.UnitCalendarDay), Bound: model.BoundNotBefore}, "start of calendar day 1", "第1个自然日0:00"},
		{Period{After: d(0, model.UnitHour), Bound: model.BoundExact}, "+0 (at once)", "+0（即时）"},
		{Period{After: d(7, model.UnitDay), Bound: model.BoundWithinRange}, "within 7 days", "7 日内"},
		{Period{Range: &model.Range{From: model.Duration{Amount: 11, Unit: model.UnitHour}, To: model.Duration{Amount: 12, Unit: model.UnitHour}}, Bound: model.BoundWithinRange}, "+11 h to +12 h", "+11 小时 至 +12 小时"},
		{Period{Range: &model.Range{From: model.Duration{Amount: 0, Unit: model.UnitHour}, To: model.Duration{Amount: 24, Unit: model.UnitHour}}, Bound: model.BoundWithinRange}, "within 24 h", "24 小时内"},
		{Period{Range: &model.Range{From: model.Duration{Amount: 1, Unit: model.UnitCalendarDay}, To: model.Duration{Amount: 7, Unit: model.UnitCalendarDay}}, Bound: model.BoundWithinRange}, "calendar day 1 to calendar day 7", "第1个自然日 至 第7个自然日"},
		{Period{Bound: model.BoundNone}, "no period stated", "未规定期限"},
		{Period{After: d(7, model.UnitDay), Bound: model.BoundNone}, "no period stated", "未规定期限"},
	} {
		if got := tc.p.Text("en"); got != tc.en {
			t.Errorf("en: %q, want %q", got, tc.en)
		}
		if got := tc.p.Text("zh"); got != tc.zh {
			t.Errorf("zh: %q, want %q", got, tc.zh)
		}
	}
}
