// Package lifecycle is the calculator: from products, a billing mode and an
// event at an instant, it derives every milestone the rules give, each with
// its instant (or range, or no time at all), the clause it comes from, and
// how it was computed. It follows corpus/RULES.md ("How the calculator reads
// a rule") and DESIGN §3, and never invents a period the text does not give.
package lifecycle

import (
	"slices"
	"sort"
	"strings"
	"time"

	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/model"
)

// PSA is the Product Service Agreement: its general terms apply to its
// products unless a product rule replaces them (general term 14.4.1).
const PSA = "product-service-agreement"

// PSAEffective is when the 2024 Product Service Agreement took effect.
var PSAEffective = time.Date(2024, 5, 15, 0, 0, 0, 0, calendar.Beijing)

// Query is what the user asked.
type Query struct {
	Products []string  // product slugs in the user's order; none = general terms only
	Billing  string    // billing mode slug, "" for any
	Event    string    // event slug
	At       time.Time // when the event happened
	If       []string  // conditions the user says hold; empty = show every conditional rule, labelled
}

// Milestone is one consequence of the event.
type Milestone struct {
	Rule    *model.Rule
	Product string // product slug, or "all" for general terms covering every product asked
	Reading string // "A", "B"… for one reading of an ambiguous rule
	Why     *model.Text
	Bound   string
	Timed   bool      // false when the text gives no period (or it hangs on one that has none)
	Instant time.Time // exact, by, not-before
	Start   time.Time // within-range
	End     time.Time // within-range
	// Provisional is set when working days were counted through a year whose
	// official holiday schedule is not in the data yet.
	Provisional bool
	Chain       []string // rule ids from the event to this rule
	Trace       []Step
}

// When is the instant a milestone is sorted and compared by.
func (m Milestone) When() time.Time {
	if m.Bound == model.BoundWithinRange {
		return m.Start
	}
	return m.Instant
}

// Step is one line of "how computed".
type Step struct {
	Kind    string // "event", "after-rule", "add", "subtract", "working-days", "calendar-day", "range", "inherit"
	From    time.Time
	To      time.Time
	Amount  float64
	Unit    string
	Rule    string // for after-rule: the rule anchored on
	Event   string // for event: its slug
	Counted []calendar.Day
	Skipped []calendar.Day
	Clamped bool // a month end was clamped
}

// Replacement records a general rule left out for a product because one of
// the product's own rules replaces it.
type Replacement struct {
	Product string
	General *model.Rule
	By      *model.Rule
}

// Problem codes.
const (
	UnknownProduct       = "unknown-product"
	UnknownEvent         = "unknown-event"
	UnknownBilling       = "unknown-billing"
	EventNotApplicable   = "event-not-applicable"
	BillingNotApplicable = "billing-not-applicable"
	// ConditionNotApplicable: no rule of the timeline has the condition
	// (an if= slug); it is left out of the query.
	ConditionNotApplicable = "condition-not-applicable"
)

// Problem is a part of the query that could not be used.
type Problem struct {
	Code    string
	Subject string // the product, event or billing slug concerned
}

// Result is the timeline.
type Result struct {
	Products   []string // the valid products, in the user's order
	Milestones []Milestone
	Replaced   []Replacement
	Problems   []Problem
	// BeforeEffective lists documents whose text took effect after the event:
	// an earlier text may govern.
	BeforeEffective []string
	// Conditions are those of the rules the timeline has when no condition
	// is chosen, each once, in timeline order: what a reader can say holds.
	Conditions []*model.Condition
	// If is the part of the query's conditions the timeline follows: those
	// among Conditions (the others are named in Problems).
	If []string
}

// Calculator holds the rules.
type Calculator struct {
	corpus *model.Corpus
	cat    *catalogue.Catalogue
}

// New returns a calculator over a corpus.
func New(c *model.Corpus, cat *catalogue.Catalogue) *Calculator {
	return &Calculator{corpus: c, cat: cat}
}

// context is one product (or the general terms) and the rules that apply to it.
type context struct {
	product string // slug, or "all"
	doc     string
	rules   []*model.Rule
}

// Compute derives the timeline for a query.
func (c *Calculator) Compute(q Query) Result {
	unfiltered := q
	unfiltered.If = nil
	every := c.compute(unfiltered)
	every.Conditions = conditionsOf(every.Milestones)
	if len(q.If) == 0 {
		return every
	}
	// Conditions the timeline has no rule under would hide every
	// conditional rule and select nothing: they are named and left out.
	var known []string
	var unknown []Problem
	for _, slug := range q.If {
		if hasCondition(every.Conditions, slug) {
			known = append(known, slug)
		} else {
			unknown = append(unknown, Problem{ConditionNotApplicable, slug})
		}
	}
	res := every
	if len(known) > 0 {
		q.If = known
		res = c.compute(q)
		res.Conditions = every.Conditions
	}
	res.If = known
	res.Problems = append(res.Problems, unknown...)
	return res
}

// conditionsOf lists the conditions of the milestones' rules, each once, in
// timeline order.
func conditionsOf(ms []Milestone) []*model.Condition {
	var out []*model.Condition
	for _, m := range ms {
		cd := m.Rule.Condition
		if cd != nil && !hasCondition(out, cd.Slug) {
			out = append(out, cd)
		}
	}
	return out
}

func hasCondition(list []*model.Condition, slug string) bool {
	return slices.ContainsFunc(list, func(cd *model.Condition) bool { return cd.Slug == slug })
}

func (c *Calculator) compute(q Query) Result {
	var res Result
	if _, ok := catalogue.Find(c.cat.Events, q.Event); !ok {
		res.Problems = append(res.Problems, Problem{UnknownEvent, q.Event})
		return res
	}
	if q.Billing != "" {
		if _, ok := catalogue.Find(c.cat.Billing, q.Billing); !ok {
			res.Problems = append(res.Problems, Problem{UnknownBilling, q.Billing})
			q.Billing = ""
		}
	}
	var contexts []context
	if len(q.Products) == 0 {
		contexts = append(contexts, context{product: "all", doc: PSA, rules: c.generalRules()})
	}
	for _, slug := range q.Products {
		p, ok := c.cat.Product(slug)
		if !ok {
			res.Problems = append(res.Problems, Problem{UnknownProduct, slug})
			continue
		}
		res.Products = append(res.Products, slug)
		ctx, replaced := c.contextFor(p, q.Billing)
		res.Replaced = append(res.Replaced, replaced...)
		contexts = append(contexts, ctx)
	}
	var all []Milestone
	for _, ctx := range contexts {
		rules := filter(ctx.rules, q)
		if !coversEvent(rules, q.Event) {
			code := EventNotApplicable
			if q.Billing != "" && coversEvent(filter(ctx.rules, Query{Event: q.Event, If: q.If}), q.Event) {
				code = BillingNotApplicable
			}
			if ctx.product != "all" {
				res.Problems = append(res.Problems, Problem{code, ctx.product})
			}
			continue
		}
		all = append(all, derive(rules, ctx.product, q)...)
	}
	res.Milestones = mergeGeneral(all, c.generalIDs(), psaProducts(c.cat, res.Products))
	sort.SliceStable(res.Milestones, func(i, j int) bool {
		a, b := res.Milestones[i], res.Milestones[j]
		if a.Timed != b.Timed {
			return a.Timed
		}
		if a.Timed && !a.When().Equal(b.When()) {
			return a.When().Before(b.When())
		}
		if len(a.Chain) != len(b.Chain) {
			return len(a.Chain) < len(b.Chain)
		}
		return false
	})
	for _, m := range res.Milestones {
		if m.Rule.Doc == PSA && q.At.Before(PSAEffective) {
			res.BeforeEffective = append(res.BeforeEffective, PSA)
			break
		}
	}
	return res
}

// generalRules are the Product Service Agreement's general-terms rules.
func (c *Calculator) generalRules() []*model.Rule {
	d, ok := c.corpus.Doc(PSA)
	if !ok {
		return nil
	}
	var out []*model.Rule
	for _, r := range d.Rules {
		if isGeneral(d, r) {
			out = append(out, r)
		}
	}
	return out
}

func (c *Calculator) generalIDs() map[string]bool {
	ids := map[string]bool{}
	for _, r := range c.generalRules() {
		ids[r.ID] = true
	}
	return ids
}

func isGeneral(d *model.Document, r *model.Rule) bool {
	section := r.Section
	if section == "" {
		if cl, ok := d.Clause(r.Clause); ok {
			section = cl.Section
		}
	}
	return section != "" && !strings.HasPrefix(section, "special-") && contains(r.Products, "all")
}

// contextFor gathers the rules of one product: its document's rules for it,
// plus, for the Product Service Agreement, the general rules it does not
// replace. A product rule replaces a general one only where it speaks
// (general term 14.4.1): with a billing mode given, a product rule that does
// not cover that mode leaves the general rule in force (OpenSearch's own
// suspension rules are for pay-as-you-go; a subscription keeps the general
// ones). With no billing mode, any product rule replaces.
func (c *Calculator) contextFor(p catalogue.Product, billing string) (context, []Replacement) {
	ctx := context{product: p.Slug, doc: p.Doc}
	d, ok := c.corpus.Doc(p.Doc)
	if !ok {
		return ctx, nil
	}
	var own []*model.Rule
	for _, r := range d.Rules {
		if contains(r.Products, p.Slug) || p.Doc != PSA && contains(r.Products, "all") {
			own = append(own, r)
		}
	}
	var replaced []Replacement
	if p.Doc == PSA {
		by := map[string]*model.Rule{}
		for _, r := range own {
			if !coversBilling(r, billing) {
				continue
			}
			for _, g := range r.Replaces {
				if _, seen := by[g]; !seen {
					by[g] = r
				}
			}
		}
		for _, g := range c.generalRules() {
			if r, ok := by[g.ID]; ok {
				replaced = append(replaced, Replacement{Product: p.Slug, General: g, By: r})
				continue
			}
			ctx.rules = append(ctx.rules, g)
		}
	}
	ctx.rules = append(ctx.rules, own...)
	return ctx, replaced
}

// coversBilling reports whether r applies to the billing mode; any mode
// when billing is empty.
func coversBilling(r *model.Rule, billing string) bool {
	return billing == "" || contains(r.Billing, billing) || contains(r.Billing, "all")
}

// filter keeps the rules for the query's billing mode and conditions.
func filter(rules []*model.Rule, q Query) []*model.Rule {
	var out []*model.Rule
	for _, r := range rules {
		if !coversBilling(r, q.Billing) {
			continue
		}
		if len(q.If) > 0 && r.Condition != nil && !contains(q.If, r.Condition.Slug) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// coversEvent reports whether some rule starts from the event.
func coversEvent(rules []*model.Rule, event string) bool {
	for _, r := range rules {
		if r.Event == event {
			return true
		}
		for _, rd := range r.Readings {
			if rd.Event == event {
				return true
			}
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func psaProducts(cat *catalogue.Catalogue, products []string) map[string]bool {
	out := map[string]bool{}
	for _, s := range products {
		if p, ok := cat.Product(s); ok && p.Doc == PSA {
			out[s] = true
		}
	}
	return out
}

// mergeGeneral shows a general rule once, as "all", when it gives the same
// milestone for every Product Service Agreement product asked about.
func mergeGeneral(ms []Milestone, general map[string]bool, psa map[string]bool) []Milestone {
	if len(psa) < 2 {
		return ms // one product: its general rules are shown under it
	}
	type key struct {
		rule, reading string
		when          int64
		timed         bool
	}
	groups := map[key][]int{}
	var order []key
	for i, m := range ms {
		if !general[m.Rule.ID] || m.Rule.Doc != PSA {
			continue
		}
		k := key{m.Rule.ID, m.Reading, m.When().UnixNano(), m.Timed}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	drop := map[int]bool{}
	for _, k := range order {
		idx := groups[k]
		if len(idx) != len(psa) {
			continue
		}
		for _, i := range idx[1:] {
			drop[i] = true
		}
		ms[idx[0]].Product = "all"
	}
	var out []Milestone
	for i, m := range ms {
		if !drop[i] {
			out = append(out, m)
		}
	}
	return out
}
