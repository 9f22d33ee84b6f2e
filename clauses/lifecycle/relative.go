package lifecycle

// The calculator in relative terms: a product's lifecycle as "+24 h:
// suspended", "+7 days after the suspension: data deleted", each rule placed
// relative to its anchor (the event, or the milestone of the rule it
// follows), for the product pages; and products side by side on one compare
// point (catalogue/points.tsv), for the compare matrix. Nothing here computes
// an instant of its own: Compare runs Compute at a reference instant and
// describes the milestones Compute gives.

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/model"
)

// Period is a rule's period as one reading reads it: how its milestone is
// placed relative to its anchor.
type Period struct {
	Reading   string      // "A", "B"… for one reading of an ambiguous rule; "" otherwise
	Why       *model.Text // why the text reads that way (readings only)
	Event     string      // the event it counts from when that event is the one entered
	AfterRule string      // the rule whose milestone it counts from in a chain, "" for none
	After     *model.Duration
	Before    *model.Duration
	Range     *model.Range
	Bound     string
	// Anchor is the rule whose milestone this period counts from, in the
	// chain it is shown in; nil when it counts from the event itself.
	Anchor *model.Rule
}

// Timed reports whether the period places a milestone in time at all.
func (p Period) Timed() bool {
	return p.Bound != model.BoundNone && (p.After != nil || p.Before != nil || p.Range != nil)
}

func periodOf(v variant) Period {
	return Period{Reading: v.label, Why: v.why, Event: v.event, AfterRule: v.afterRule, After: v.after, Before: v.before, Range: v.rng, Bound: v.bound}
}

// Periods returns a rule's periods: one per reading, or one.
func Periods(r *model.Rule) []Period {
	var out []Period
	for _, v := range variants(r) {
		out = append(out, periodOf(v))
	}
	return out
}

// Relative is one rule of a product's lifecycle, placed relative to its
// anchor.
type Relative struct {
	Rule *model.Rule
	// Root is the event its chain starts from: the rule's own event, or, for
	// a rule that follows another's milestone, the event that one starts from.
	Root string
	// Anchor is the rule it follows from Root; nil when it counts from Root.
	Anchor *model.Rule
	// Periods: one per reading. A period whose Anchor is nil counts from
	// Root itself (a reading may count from the event where another follows
	// the anchor).
	Periods []Period
	// Specific is true for the product's own terms (its section of the
	// Product Service Agreement, or the whole of its own agreement); false
	// for the Product Service Agreement's general terms.
	Specific bool
	// Replaces are the general rules this rule replaces for the product
	// (general term 14.4.1: product-specific terms prevail).
	Replaces []*model.Rule

	order float64 // nominal hours from Root, for ordering rows
}

// Lifecycle is everything a product page shows about one product.
type Lifecycle struct {
	Product  string
	Rules    []Relative    // grouped by Root (events in catalogue order), then by nominal offset
	Replaced []Replacement // general rules left out because the product's own rules replace them
	// Billing lists the billing modes the product's own rules name, in
	// catalogue order; "all" first when some rule applies to any mode.
	Billing []string
	Events  []string // the Roots of Rules, in order
}

// Lifecycle describes a product's rules relative to their anchors. It
// returns false for an unknown product.
func (c *Calculator) Lifecycle(product string) (Lifecycle, bool) {
	p, ok := c.cat.Product(product)
	if !ok {
		return Lifecycle{}, false
	}
	ctx, replaced := c.contextFor(p, "")
	lc := Lifecycle{Product: product, Replaced: replaced}
	byID := map[string]*model.Rule{}
	for _, r := range ctx.rules {
		byID[r.ID] = r
	}
	general := c.generalIDs()
	generalByID := map[string]*model.Rule{}
	for _, g := range c.generalRules() {
		generalByID[g.ID] = g
	}
	specific := func(r *model.Rule) bool { return !(r.Doc == PSA && general[r.ID]) }

	// root follows a rule's chain back to the event it starts from. A chain
	// counts only when the anchor starts from another event: with the
	// rule's own event entered, the calculator counts from it directly.
	type placed struct {
		root   string
		anchor *model.Rule
		order  float64
	}
	memo := map[string]placed{}
	var place func(r *model.Rule, depth int) placed
	place = func(r *model.Rule, depth int) placed {
		if pl, ok := memo[r.ID]; ok {
			return pl
		}
		pl := placed{root: r.Event, order: nominal(Periods(r))}
		if a, ok := byID[r.AfterRule]; ok && depth < len(ctx.rules) && a != r {
			ap := place(a, depth+1)
			if ap.root != r.Event {
				pl = placed{root: ap.root, anchor: a, order: ap.order + nominal(Periods(r))}
			}
		}
		memo[r.ID] = pl
		return pl
	}

	billing := map[string]bool{}
	for _, r := range ctx.rules {
		pl := place(r, 0)
		rel := Relative{Rule: r, Root: pl.root, Anchor: pl.anchor, Specific: specific(r), order: pl.order}
		for _, pd := range Periods(r) {
			// A reading that counts from the root event itself has no
			// anchor; the others follow their rule's milestone.
			if pl.anchor != nil && pd.Event != pl.root {
				if a, ok := byID[pd.AfterRule]; ok {
					pd.Anchor = a
				}
			}
			rel.Periods = append(rel.Periods, pd)
		}
		if p.Doc == PSA {
			for _, g := range r.Replaces {
				if gr, ok := generalByID[g]; ok {
					rel.Replaces = append(rel.Replaces, gr)
				}
			}
		}
		if rel.Specific {
			for _, b := range r.Billing {
				billing[b] = true
			}
		}
		lc.Rules = append(lc.Rules, rel)
	}

	eventOrder := map[string]int{}
	for i, e := range c.cat.Events {
		eventOrder[e.Slug] = i
	}
	rank := func(ev string) int {
		if i, ok := eventOrder[ev]; ok {
			return i
		}
		return len(eventOrder)
	}
	sort.SliceStable(lc.Rules, func(i, j int) bool {
		a, b := lc.Rules[i], lc.Rules[j]
		if a.Root != b.Root {
			return rank(a.Root) < rank(b.Root)
		}
		if a.order != b.order {
			return a.order < b.order
		}
		return a.Specific && !b.Specific
	})
	for _, r := range lc.Rules {
		if len(lc.Events) == 0 || lc.Events[len(lc.Events)-1] != r.Root {
			lc.Events = append(lc.Events, r.Root)
		}
	}
	if billing["all"] {
		lc.Billing = append(lc.Billing, "all")
	}
	for _, b := range c.cat.Billing {
		if billing[b.Slug] {
			lc.Billing = append(lc.Billing, b.Slug)
		}
	}
	return lc, true
}

// nominal is a period's rough length in hours, only to order rows: the
// smallest over the readings; a period that states none sorts last.
func nominal(ps []Period) float64 {
	best := math.Inf(1)
	for _, p := range ps {
		if !p.Timed() {
			continue
		}
		var h float64
		switch {
		case p.Range != nil:
			h = hours(p.Range.From)
		case p.After != nil:
			h = hours(*p.After)
		case p.Before != nil:
			h = -hours(*p.Before)
		}
		best = math.Min(best, h)
	}
	return best
}

func hours(d model.Duration) float64 {
	per := map[string]float64{
		model.UnitHour: 1, model.UnitDay: 24, model.UnitCalendarDay: 24,
		model.UnitWorkingDay: 24 * 7 / 5, model.UnitMonth: 730, model.UnitYear: 8766,
	}[d.Unit]
	return d.Amount * per
}

// Cell statuses.
const (
	CellTimed          = "timed"           // some milestone has an instant (or range)
	CellNoPeriod       = "no-period"       // the matching rules state no period
	CellNotCovered     = "not-covered"     // no rule from the point's event reaches its effects
	CellUnknownProduct = "unknown-product" // not in the catalogue
)

// Link is one rule of a chain from the event, as one reading reads it.
type Link struct {
	Rule   *model.Rule
	Period Period
}

// Entry is one milestone of a compare cell: as Compute gives it at the
// reference instant, with the chain of periods from the event that led to it.
type Entry struct {
	Milestone
	Links    []Link
	Specific bool // from the product's own terms, not the general terms
}

// Cell is one product on one compare point.
type Cell struct {
	Product string // slug; "all" for the general terms alone
	Point   string
	Status  string
	Entries []Entry // timed first, by instant; then those with no period
	// Offset is how long after the reference instant the earliest timed
	// entry falls (negative for a deadline before the event, such as a
	// renewal payment before expiry); it is what the matrix sorts by.
	Offset time.Duration
	First  time.Time // the earliest timed entry's instant (range start)
}

// Compare puts products side by side on a point: for each product, the
// milestones reached from point.FromEvent whose effects include one of
// point.ToEffects, computed by Compute at the reference instant ref, each
// with the chain of periods that led to it. The slug "all" stands for the
// general terms alone.
func (c *Calculator) Compare(point catalogue.Point, products []string, ref time.Time) []Cell {
	var out []Cell
	want := map[string]bool{}
	for _, e := range point.ToEffects {
		want[e] = true
	}
	general := c.generalIDs()
	for _, slug := range products {
		cell := Cell{Product: slug, Point: point.Slug, Status: CellNotCovered}
		var rules []*model.Rule
		q := Query{Event: point.FromEvent, At: ref}
		if slug == "all" {
			rules = c.generalRules()
		} else {
			p, ok := c.cat.Product(slug)
			if !ok {
				cell.Status = CellUnknownProduct
				out = append(out, cell)
				continue
			}
			ctx, _ := c.contextFor(p, "")
			rules = ctx.rules
			q.Products = []string{slug}
		}
		byID := map[string]*model.Rule{}
		for _, r := range rules {
			byID[r.ID] = r
		}
		res := c.Compute(q)
		for _, m := range res.Milestones {
			if !intersects(m.Rule.Effects, want) {
				continue
			}
			e := Entry{Milestone: m, Links: links(m, byID), Specific: !(m.Rule.Doc == PSA && general[m.Rule.ID])}
			cell.Entries = append(cell.Entries, e)
		}
		for _, e := range cell.Entries {
			if e.Timed {
				if cell.Status != CellTimed || e.When().Before(cell.First) {
					cell.First = e.When()
				}
				cell.Status = CellTimed
			} else if cell.Status == CellNotCovered {
				cell.Status = CellNoPeriod
			}
		}
		if cell.Status == CellTimed {
			cell.Offset = cell.First.Sub(ref)
		}
		out = append(out, cell)
	}
	return out
}

// Covered lists the products (in catalogue order) whose own terms say
// something on the point: the sensible default rows of the matrix.
func (c *Calculator) Covered(point catalogue.Point) []string {
	var slugs []string
	for _, p := range c.cat.Products {
		slugs = append(slugs, p.Slug)
	}
	ref := time.Date(2026, 1, 5, 9, 0, 0, 0, calendar.Beijing)
	var out []string
	for _, cell := range c.Compare(point, slugs, ref) {
		for _, e := range cell.Entries {
			if e.Specific {
				out = append(out, cell.Product)
				break
			}
		}
	}
	return out
}

func intersects(effects []string, want map[string]bool) bool {
	for _, e := range effects {
		if want[e] {
			return true
		}
	}
	return false
}

// links rebuilds the chain of periods behind a milestone: one link per rule
// of m.Chain, each read the way the milestone's reading label says (the
// label joins the labels of the rules with readings, in chain order, as
// fromMilestone builds it).
func links(m Milestone, byID map[string]*model.Rule) []Link {
	labels := []string{}
	if m.Reading != "" {
		labels = strings.Split(m.Reading, "/")
	}
	var out []Link
	var prev *model.Rule
	for i, id := range m.Chain {
		r, ok := byID[id]
		if !ok {
			if i == len(m.Chain)-1 {
				r = m.Rule
			} else {
				continue
			}
		}
		ps := Periods(r)
		pd := ps[0]
		if len(r.Readings) > 0 && len(labels) > 0 {
			label := labels[0]
			labels = labels[1:]
			for _, x := range ps {
				if x.Reading == label {
					pd = x
				}
			}
		}
		if i > 0 {
			pd.Anchor = prev
		}
		out = append(out, Link{Rule: r, Period: pd})
		prev = r
	}
	return out
}

// Relative describes the entry's chain from the event: "+24 h then +7 days".
func (e Entry) Relative(lang string) string {
	var parts []string
	for _, l := range e.Links {
		parts = append(parts, l.Period.Text(lang))
	}
	sep := " then "
	if lang != "en" {
		sep = "，然后 "
	}
	return strings.Join(parts, sep)
}

// Text describes a period relative to its anchor, in lang ("en" or
// Chinese): "+24 h", "−7 days", "+5 working days", "calendar day 5" (the
// whole day; "start of"/"end of" it for an instant), "+11 h to +12 h",
// "within 7 days", "no period stated". The bound (by, not before…) is said
// separately.
func (p Period) Text(lang string) string {
	en := lang == "en"
	if !p.Timed() {
		if en {
			return "no period stated"
		}
		return "未规定期限"
	}
	if p.Range != nil {
		if p.Range.From.Amount == 0 && p.Range.To.Unit != model.UnitCalendarDay {
			// [anchor, anchor + N]
			return Period{After: &p.Range.To, Bound: model.BoundWithinRange}.Text(lang)
		}
		if en {
			return duration(p.Range.From, +1, true) + " to " + duration(p.Range.To, +1, true)
		}
		return duration(p.Range.From, +1, false) + " 至 " + duration(p.Range.To, +1, false)
	}
	d, sign := p.After, +1
	if d == nil {
		d, sign = p.Before, -1
	}
	if d.Unit == model.UnitCalendarDay && d.Amount != 0 {
		// the whole calendar day, or its start or end, as the bound reads it
		day := duration(*d, sign, en)
		switch p.Bound {
		case model.BoundBy:
			if en {
				return "end of " + day
			}
			return day + "24:00"
		case model.BoundExact, model.BoundNotBefore:
			if en {
				return "start of " + day
			}
			return day + "0:00"
		}
		return day
	}
	if p.Bound == model.BoundWithinRange && d.Unit != model.UnitCalendarDay {
		within := *d
		if en {
			return "within " + strings.TrimPrefix(duration(within, sign, true), "+")
		}
		return strings.TrimPrefix(duration(within, sign, false), "+") + "内"
	}
	return duration(*d, sign, en)
}

// unitWords name the units of a relative duration: Chinese, and English
// for one and for more.
var unitWords = map[string]struct{ zh, one, many string }{
	model.UnitHour:       {"小时", "h", "h"},
	model.UnitDay:        {"日", "day", "days"},
	model.UnitWorkingDay: {"个工作日", "working day", "working days"},
	model.UnitMonth:      {"个月", "month", "months"},
	model.UnitYear:       {"年", "year", "years"},
}

// duration writes a signed duration: "+24 h", "−7 days", "+0 (same instant)".
func duration(d model.Duration, sign int, en bool) string {
	n := strconv.FormatFloat(d.Amount, 'f', -1, 64)
	s := "+"
	if sign < 0 {
		s = "−"
	}
	if d.Amount == 0 {
		if en {
			return "+0 (at once)"
		}
		return "+0（即时）"
	}
	if name, ok := unitWords[d.Unit]; ok {
		switch {
		case !en:
			return s + n + " " + name.zh
		case d.Amount == 1:
			return s + "1 " + name.one
		}
		return s + n + " " + name.many
	}
	if d.Unit == model.UnitCalendarDay {
		if sign < 0 {
			if en {
				return "calendar day −" + n
			}
			return "前第" + n + "个自然日"
		}
		if en {
			return "calendar day " + n
		}
		return "第" + n + "个自然日"
	}
	return s + n + " " + d.Unit
}
