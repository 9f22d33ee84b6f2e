package lifecycle

import (
	"slices"
	"testing"
	"time"

	"obligations-explorer/clauses/calendar"
)

// CDDC's subscription expiry (special-40.4.1, 40.4.2) has rules under two
// conditions, no non-renewal notice and a notice given, and general rules
// under others. Result.Conditions lists them whatever if= says; choosing
// one keeps its rules and drops the other condition's; a condition no rule
// of the timeline has is named as a problem and changes nothing.
func TestConditionsAreListedAndChosen(t *testing.T) {
	c := newCalculator(t)
	q := Query{Products: []string{"cloud-database-dedicated-cluster"}, Billing: "subscription", Event: "subscription-expired",
		At: time.Date(2026, 3, 1, 10, 0, 0, 0, calendar.Beijing)}
	rules := func(r Result) []string {
		var ids []string
		for _, m := range r.Milestones {
			ids = append(ids, m.Rule.ID)
		}
		return ids
	}
	slugs := func(r Result) []string {
		var out []string
		for _, cd := range r.Conditions {
			out = append(out, cd.Slug)
		}
		return out
	}
	every := c.Compute(q)
	for _, want := range []string{"no-non-renewal-notice", "non-renewal-notified"} {
		if !slices.Contains(slugs(every), want) {
			t.Errorf("conditions %v lack %s", slugs(every), want)
		}
	}
	if !slices.Contains(rules(every), "cddc-expiry-suspend") || !slices.Contains(rules(every), "cddc-non-renewal-delete") {
		t.Fatalf("with no condition chosen both outcomes show: %v", rules(every))
	}

	q.If = []string{"non-renewal-notified"}
	chosen := c.Compute(q)
	if slices.Contains(rules(chosen), "cddc-expiry-suspend") || !slices.Contains(rules(chosen), "cddc-non-renewal-delete") {
		t.Errorf("notice given: %v, want the deletion and not the suspension", rules(chosen))
	}
	if !slices.Equal(slugs(chosen), slugs(every)) || !slices.Equal(chosen.If, []string{"non-renewal-notified"}) {
		t.Errorf("conditions %v (if %v), want %v (if [non-renewal-notified])", slugs(chosen), chosen.If, slugs(every))
	}
	if len(chosen.Problems) != 0 {
		t.Errorf("problems %v", chosen.Problems)
	}

	q.If = []string{"no-such-condition", "non-renewal-notified"}
	mixed := c.Compute(q)
	if !slices.Equal(rules(mixed), rules(chosen)) || !slices.Equal(mixed.If, []string{"non-renewal-notified"}) {
		t.Errorf("an unknown condition beside a known one: %v (if %v), want %v", rules(mixed), mixed.If, rules(chosen))
	}
	if want := (Problem{ConditionNotApplicable, "no-such-condition"}); !slices.Contains(mixed.Problems, want) {
		t.Errorf("problems %v, want %v", mixed.Problems, want)
	}

	q.If = []string{"no-such-condition"}
	unknown := c.Compute(q)
	if !slices.Equal(rules(unknown), rules(every)) || len(unknown.If) != 0 {
		t.Errorf("an unknown condition alone hid rules: %v (if %v), want %v", rules(unknown), unknown.If, rules(every))
	}
}
