package lifecycle

import (
	"math"
	"time"

	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/model"
)

// variant is a rule as one reading reads it.
type variant struct {
	rule      *model.Rule
	label     string
	why       *model.Text
	event     string
	afterRule string
	after     *model.Duration
	before    *model.Duration
	rng       *model.Range
	bound     string
}

func variants(r *model.Rule) []variant {
	base := variant{rule: r, event: r.Event, afterRule: r.AfterRule, after: r.After, before: r.Before, rng: r.Range, bound: r.Bound}
	if len(r.Readings) == 0 {
		return []variant{base}
	}
	var out []variant
	for i := range r.Readings {
		rd := r.Readings[i]
		v := base
		v.label, v.why = rd.Label, &rd.Why
		if rd.Event != "" {
			v.event = rd.Event
		}
		if rd.AfterRule != "" {
			v.afterRule = rd.AfterRule
		}
		if rd.After != nil || rd.Before != nil || rd.Range != nil {
			v.after, v.before, v.rng = rd.After, rd.Before, rd.Range
		}
		if rd.Bound != "" {
			v.bound = rd.Bound
		}
		out = append(out, v)
	}
	return out
}

// derive computes the milestones of one context: rules anchored on the
// event directly, then rules chained after those, until nothing new appears.
func derive(rules []*model.Rule, product string, q Query) []Milestone {
	byRule := map[string][]Milestone{}
	var order []string
	done := map[string]bool{}
	for pass := 0; pass <= len(rules); pass++ {
		progress := false
		for _, r := range rules {
			if done[r.ID] {
				continue
			}
			var ms []Milestone
			ready := true
			for _, v := range variants(r) {
				switch {
				case v.event == q.Event:
					ms = append(ms, fromEvent(v, product, q))
				case v.afterRule != "":
					anchors, ok := byRule[v.afterRule]
					if !ok {
						if inRules(rules, v.afterRule) && !done[v.afterRule] {
							ready = false
						}
						continue
					}
					for _, a := range anchors {
						ms = append(ms, fromMilestone(v, product, a))
					}
				}
			}
			if !ready {
				continue
			}
			done[r.ID] = true
			progress = true
			if len(ms) > 0 {
				byRule[r.ID] = ms
				order = append(order, r.ID)
			}
		}
		if !progress {
			break
		}
	}
	var out []Milestone
	for _, id := range order {
		out = append(out, byRule[id]...)
	}
	return out
}

func inRules(rules []*model.Rule, id string) bool {
	for _, r := range rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

func newMilestone(v variant, product string) Milestone {
	return Milestone{Rule: v.rule, Product: product, Reading: v.label, Why: v.why, Bound: v.bound}
}

// fromEvent anchors a rule on the event's instant.
func fromEvent(v variant, product string, q Query) Milestone {
	m := newMilestone(v, product)
	m.Chain = []string{v.rule.ID}
	at := q.At.In(calendar.Beijing)
	m.Trace = []Step{{Kind: "event", Event: q.Event, To: at}}
	apply(&m, v, at, at)
	return m
}

// fromMilestone anchors a chained rule on the milestone it hangs on,
// inheriting that milestone's inexactness (RULES.md).
func fromMilestone(v variant, product string, a Milestone) Milestone {
	m := newMilestone(v, product)
	m.Chain = append(append([]string{}, a.Chain...), v.rule.ID)
	if a.Reading != "" {
		if m.Reading != "" {
			m.Reading = a.Reading + "/" + m.Reading
		} else {
			m.Reading, m.Why = a.Reading, a.Why
		}
	}
	m.Provisional = a.Provisional
	if !a.Timed {
		m.Timed = false
		m.Trace = []Step{{Kind: "after-rule", Rule: a.Rule.ID}}
		return m
	}
	switch a.Bound {
	case model.BoundWithinRange:
		m.Trace = []Step{{Kind: "after-rule", Rule: a.Rule.ID, From: a.Start, To: a.End}}
		apply(&m, v, a.Start, a.End)
	default:
		m.Trace = []Step{{Kind: "after-rule", Rule: a.Rule.ID, To: a.Instant}}
		apply(&m, v, a.Instant, a.Instant)
		if a.Bound == model.BoundNotBefore && m.Timed && m.Bound != model.BoundWithinRange {
			m.Bound = model.BoundNotBefore
			m.Trace = append(m.Trace, Step{Kind: "inherit"})
		}
	}
	return m
}

// apply computes the milestone's time from an anchor, which is a single
// instant (lo == hi) or a range [lo, hi].
func apply(m *Milestone, v variant, lo, hi time.Time) {
	if v.bound == model.BoundNone || v.after == nil && v.before == nil && v.rng == nil {
		m.Timed = false
		return
	}
	m.Timed = true
	if v.rng != nil {
		start, _ := shift(m, lo, v.rng.From, +1, model.BoundNotBefore)
		end, _ := shift(m, lastDayOf(lo, hi, v.rng.To), v.rng.To, +1, model.BoundBy)
		m.Bound, m.Start, m.End = model.BoundWithinRange, start, end
		return
	}
	d, sign := v.after, +1
	if d == nil {
		d, sign = v.before, -1
	}
	start, end := shift(m, lo, *d, sign, m.Bound)
	if !lo.Equal(hi) {
		_, end = shift(m, lastDayOf(lo, hi, *d), *d, sign, m.Bound)
		m.Bound, m.Start, m.End = model.BoundWithinRange, start, end
		return
	}
	if m.Bound == model.BoundWithinRange {
		if start.Equal(end) {
			// "within" a period counted from the anchor: [anchor, end].
			start = lo
		}
		m.Start, m.End = start, end
		return
	}
	m.Instant = start
}

// lastDayOf is where a period in whole days counts from, for the end of an
// anchor range [lo, hi]. A range that ends at 00:00 ends at 24:00 of the day
// before (a whole-day window, "calendar day 7", is [00:00, next 00:00]), so
// that day, not the next, is the last day the anchor can fall on. Counted
// from the next day, "calendar day 7 after the release day" ended a day late.
// Periods in hours, days of 24 h and months count from the instant itself.
func lastDayOf(lo, hi time.Time, d model.Duration) time.Time {
	if lo.Equal(hi) || d.Unit != model.UnitCalendarDay && d.Unit != model.UnitWorkingDay {
		return hi
	}
	if hi.Equal(calendar.Midnight(hi)) {
		return hi.Add(-time.Nanosecond)
	}
	return hi
}

// shift moves t by d in direction sign. It returns the instant for the
// bound, and for units that yield a whole day or a window, the window's end.
func shift(m *Milestone, t time.Time, d model.Duration, sign int, bound string) (time.Time, time.Time) {
	n := int(math.Round(d.Amount))
	kind := "add"
	if sign < 0 {
		kind = "subtract"
	}
	step := Step{Kind: kind, From: t, Amount: d.Amount, Unit: d.Unit}
	var out, end time.Time
	switch d.Unit {
	case model.UnitHour:
		out = t.Add(time.Duration(float64(sign) * d.Amount * float64(time.Hour)))
		end = out
	case model.UnitDay:
		out = t.Add(time.Duration(sign*n) * 24 * time.Hour)
		end = out
	case model.UnitMonth, model.UnitYear:
		months := n
		if d.Unit == model.UnitYear {
			months = 12 * n
		}
		out = calendar.AddMonths(t, sign*months)
		step.Clamped = out.Day() != t.In(calendar.Beijing).Day()
		end = out
	case model.UnitCalendarDay:
		day := calendar.Midnight(t).AddDate(0, 0, sign*n)
		step.Kind = "calendar-day"
		out, end = day, day.AddDate(0, 0, 1)
		if bound == model.BoundBy {
			out = end
		}
	case model.UnitWorkingDay:
		var w calendar.WorkingDays
		if sign > 0 {
			w = calendar.AfterWorkingDays(t, n)
		} else {
			w = calendar.BeforeWorkingDays(t, n)
		}
		step.Kind, step.Counted, step.Skipped = "working-days", w.Counted, w.Skipped
		if w.Provisional {
			m.Provisional = true
		}
		out, end = w.End, w.End
	default:
		m.Timed = false
		return t, t
	}
	step.To = out
	if d.Unit == model.UnitCalendarDay && bound == model.BoundWithinRange {
		step.To = end
	}
	m.Trace = append(m.Trace, step)
	return out, end
}
