package lifecycle

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/compiled"
	"obligations-explorer/clauses/lifecycle/casefile"
	"obligations-explorer/clauses/model"
)

func newCalculator(t testing.TB) *Calculator {
	t.Helper()
	cat := catalogue.Load()
	var ids []string
	for _, d := range cat.Documents {
		ids = append(ids, d.ID)
	}
	c, err := compiled.Corpus(ids)
	if err != nil {
		t.Fatal(err)
	}
	return New(c, cat)
}

// TestHandComputedCases runs every case of testdata/cases-*.txt: each
// expected milestone must be there with exactly its bound, instant and
// clause, and each absent rule must not be.
func TestHandComputedCases(t *testing.T) {
	cases, err := casefile.Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	products := map[string]bool{}
	calc := newCalculator(t)
	for _, c := range cases {
		for _, p := range c.Products {
			products[p] = true
		}
		t.Run(fmt.Sprintf("%d", c.Number), func(t *testing.T) {
			at, err := time.Parse(time.RFC3339, c.At)
			if err != nil {
				t.Fatal(err)
			}
			res := calc.Compute(Query{Products: c.Products, Billing: c.Billing, Event: c.Event, At: at, If: c.If})
			for _, e := range c.Expect {
				if err := find(res.Milestones, e); err != "" {
					t.Errorf("%s: %s\n  expected: %s\n  got:\n%s", c.Title, err, e.Line, describe(res.Milestones))
				}
			}
			for _, a := range c.Absent {
				for _, m := range res.Milestones {
					if m.Rule.ID == a {
						t.Errorf("%s: rule %s must not appear", c.Title, a)
					}
				}
			}
		})
	}
	if len(products) < 25 {
		t.Errorf("the cases cover only %d products", len(products))
	}
}

// find reports why no milestone matches e ("" when one does).
func find(ms []Milestone, e casefile.Expected) string {
	var near []string
	for _, m := range ms {
		if m.Rule.ID != e.Rule || m.Reading != e.Reading || e.Product != "" && m.Product != e.Product {
			continue
		}
		got := describeOne(m)
		if m.Rule.Doc+"#"+m.Rule.Clause != e.Clause {
			near = append(near, "clause differs: "+got)
			continue
		}
		bound := m.Bound
		if !m.Timed {
			bound = model.BoundNone
		}
		if bound != e.Bound {
			near = append(near, "bound differs: "+got)
			continue
		}
		switch {
		case e.Instant != "":
			if !same(m.Instant, e.Instant) {
				near = append(near, "instant differs: "+got)
				continue
			}
		case e.Start != "":
			if !same(m.Start, e.Start) || !same(m.End, e.End) {
				near = append(near, "range differs: "+got)
				continue
			}
		}
		return ""
	}
	if len(near) == 0 {
		return "no milestone of rule " + e.Rule + " (reading " + e.Reading + ")"
	}
	return strings.Join(near, "; ")
}

func same(t time.Time, want string) bool {
	w, err := time.Parse(time.RFC3339, want)
	return err == nil && t.Equal(w)
}

func describeOne(m Milestone) string {
	when := "-"
	if m.Timed {
		if m.Bound == model.BoundWithinRange {
			when = m.Start.Format(time.RFC3339) + ".." + m.End.Format(time.RFC3339)
		} else {
			when = m.Instant.Format(time.RFC3339)
		}
	}
	id := m.Rule.ID
	if m.Reading != "" {
		id += "/" + m.Reading
	}
	return fmt.Sprintf("%s %s %s %s#%s @%s", id, m.Bound, when, m.Rule.Doc, m.Rule.Clause, m.Product)
}

func describe(ms []Milestone) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("    " + describeOne(m) + "\n")
	}
	return b.String()
}
