package lifecycle

import (
	"time"

	"obligations-explorer/clauses/model"
)

// Status is where things stand at a given moment: the last milestone that
// has happened (a state change at an exact instant), a deadline that has
// passed since, the windows under way and the next milestone due.
type Status struct {
	Last *Milestone // nil when nothing has happened yet
	// Passed is the latest deadline ("by") that has passed after Last,
	// with every reading of its rule that has passed too, earliest first.
	// A deadline is a duty, not a state: OpenSearch's "pay all overdue
	// bills within 7 days, or the terms end and the data is deleted"
	// (special-3.3) has no instant of its own at which the data is gone, so
	// without it, a week later, the status still read "since 24 Nov:
	// suspended".
	Passed []*Milestone
	Open   []*Milestone // ranges under way at the moment: begun, not yet over
	Next   *Milestone   // nil when nothing is due any more
}

// StatusAt reads the timeline at now. Only milestones with a definite
// instant count as having happened: a "not before" or a range cannot say
// that something has occurred.
func StatusAt(ms []Milestone, now time.Time) Status {
	var s Status
	var deadline *Milestone // the latest deadline passed
	for i := range ms {
		m := &ms[i]
		if !m.Timed {
			continue
		}
		switch m.Bound {
		case model.BoundWithinRange:
			// A window that has begun and not ended is neither done nor
			// next: what it announces may happen at any moment until its
			// end.
			if m.Start.After(now) {
				if s.Next == nil {
					s.Next = m
				}
			} else if m.End.After(now) {
				s.Open = append(s.Open, m)
			}
		case model.BoundExact:
			if !m.Instant.After(now) {
				s.Last = m
			} else if s.Next == nil {
				s.Next = m
			}
		default:
			if m.When().After(now) {
				if s.Next == nil {
					s.Next = m
				}
			} else if m.Bound == model.BoundBy && (deadline == nil || !m.Instant.Before(deadline.Instant)) {
				deadline = m
			}
		}
	}
	if deadline != nil && (s.Last == nil || deadline.Instant.After(s.Last.Instant)) {
		for i := range ms {
			m := &ms[i]
			if m.Timed && m.Bound == model.BoundBy && m.Rule == deadline.Rule && m.Product == deadline.Product && !m.Instant.After(now) {
				s.Passed = append(s.Passed, m)
			}
		}
	}
	return s
}

// EndsPeriod reports whether a rule's milestone is the end of what the rule
// grants ("still usable until", "kept at least until"): its text says what
// holds up to the instant, so once the instant has passed the period has
// ended rather than begun. Read as a state change, "since 09:30: you can
// still use the service for 6 natural days" said the days had just begun.
func EndsPeriod(r *model.Rule) bool {
	for _, e := range r.Effects {
		if e == "still-usable-until" || e == "data-retained-at-least-until" {
			return true
		}
	}
	return false
}
