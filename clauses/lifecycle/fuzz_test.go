package lifecycle

import (
	"testing"
	"time"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/model"
)

// FuzzCompute: whatever the query, the calculator does not panic, every
// milestone cites a clause that exists, and every time it gives is real.
// With a condition chosen (one of the timeline's, or one it has not), the
// timeline follows only conditions it has, and keeps no rule under another.
func FuzzCompute(f *testing.F) {
	f.Add(uint8(1), uint8(0), uint8(3), uint8(1), int64(1795396320), uint8(255))
	f.Add(uint8(58), uint8(200), uint8(1), uint8(0), int64(0), uint8(0))
	f.Add(uint8(255), uint8(77), uint8(40), uint8(2), int64(-62135596800), uint8(1))
	f.Add(uint8(76), uint8(77), uint8(9), uint8(3), int64(1893456000), uint8(200))
	calc := newCalculator(f)
	cat := catalogue.Load()
	f.Fuzz(func(t *testing.T, p1, p2, ev, bill uint8, unix int64, cond uint8) {
		pick := func(i uint8) string {
			if int(i) < len(cat.Products) {
				return cat.Products[i].Slug
			}
			return "no-such-product"
		}
		q := Query{At: time.Unix(unix%(400*365*86400), 0)}
		if p1 != 255 {
			q.Products = append(q.Products, pick(p1))
		}
		if p2 != p1 && p2 != 255 {
			q.Products = append(q.Products, pick(p2))
		}
		if int(ev) < len(cat.Events) {
			q.Event = cat.Events[ev].Slug
		} else {
			q.Event = "no-such-event"
		}
		if int(bill) < len(cat.Billing) {
			q.Billing = cat.Billing[bill].Slug
		}
		if cond != 255 {
			if every := calc.Compute(q).Conditions; int(cond) < len(every) {
				q.If = []string{every[cond].Slug}
			} else {
				q.If = []string{"no-such-condition"}
			}
		}
		res := calc.Compute(q)
		for _, slug := range res.If {
			found := false
			for _, cd := range res.Conditions {
				found = found || cd.Slug == slug
			}
			if !found {
				t.Fatalf("follows condition %s, which none of its rules has", slug)
			}
		}
		for _, m := range res.Milestones {
			if cd := m.Rule.Condition; cd != nil && len(res.If) > 0 && !contains(res.If, cd.Slug) {
				t.Fatalf("%s is under condition %s, not chosen (%v)", m.Rule.ID, cd.Slug, res.If)
			}
		}
		for _, m := range res.Milestones {
			d, ok := calc.corpus.Doc(m.Rule.Doc)
			if !ok {
				t.Fatalf("milestone %s cites unknown document %s", m.Rule.ID, m.Rule.Doc)
			}
			if _, ok := d.Clause(m.Rule.Clause); !ok {
				t.Fatalf("milestone %s cites no clause", m.Rule.ID)
			}
			if m.Timed {
				if m.Bound == model.BoundWithinRange {
					if m.Start.IsZero() || m.End.Before(m.Start) {
						t.Fatalf("%s: bad range %s..%s", m.Rule.ID, m.Start, m.End)
					}
				} else if m.Instant.IsZero() {
					t.Fatalf("%s: timed without an instant", m.Rule.ID)
				}
			}
		}
	})
}
