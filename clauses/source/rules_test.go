package source

import (
	"regexp"
	"strings"
	"testing"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/model"
)

// TestRulesAreWellFormed checks every rule against the catalogue and its
// clause: the quote is the clause's own words, the slugs exist, chains and
// replacements point at real rules, and the period fields fit the bound.
func TestRulesAreWellFormed(t *testing.T) {
	cat := catalogue.Load()
	known := func(table []catalogue.Entry) map[string]bool {
		m := map[string]bool{}
		for _, e := range table {
			m[e.Slug] = true
		}
		return m
	}
	events, effects, billing := known(cat.Events), known(cat.Effects), known(cat.Billing)
	units := map[string]bool{model.UnitHour: true, model.UnitDay: true, model.UnitWorkingDay: true, model.UnitMonth: true, model.UnitYear: true, model.UnitCalendarDay: true}
	bounds := map[string]bool{model.BoundExact: true, model.BoundBy: true, model.BoundNotBefore: true, model.BoundWithinRange: true, model.BoundNone: true}
	c := loadCorpus(t)
	general := map[string]bool{}
	if psa, ok := c.Doc("product-service-agreement"); ok {
		for _, r := range psa.Rules {
			if cl, ok := psa.Clause(r.Clause); ok && !strings.HasPrefix(cl.Section, "special-") {
				general[r.ID] = true
			}
		}
	}
	total := 0
	for _, d := range c.Docs {
		ids := map[string]bool{}
		for _, r := range d.Rules {
			ids[r.ID] = true
		}
		seen := map[string]bool{}
		for _, r := range d.Rules {
			total++
			fail := func(format string, args ...any) {
				t.Errorf("%s rule %s: "+format, append([]any{d.ID, r.ID}, args...)...)
			}
			if seen[r.ID] {
				fail("duplicate id")
			}
			seen[r.ID] = true
			cl, ok := d.Clause(r.Clause)
			if !ok {
				fail("clause %q is not in the document", r.Clause)
				continue
			}
			if r.Quote == "" || !strings.Contains(clauseWords(cl, d.Lang), r.Quote) {
				fail("quote %q is not in clause %s", r.Quote, r.Clause)
			}
			if len(r.Products) == 0 {
				fail("no products")
			}
			for _, p := range r.Products {
				if p == "all" {
					continue
				}
				if prod, ok := cat.Product(p); !ok || prod.Doc != d.ID {
					fail("product %q is not a product of %s", p, d.ID)
				}
			}
			for _, b := range r.Billing {
				if b != "all" && !billing[b] {
					fail("unknown billing mode %q", b)
				}
			}
			if len(r.Billing) == 0 {
				fail("no billing modes")
			}
			if !events[r.Event] {
				fail("unknown event %q", r.Event)
			}
			for _, e := range r.Effects {
				if !effects[e] {
					fail("unknown effect %q", e)
				}
			}
			if r.AfterRule != "" && !ids[r.AfterRule] {
				fail("after_rule %q is not a rule of %s", r.AfterRule, d.ID)
			}
			for _, x := range r.Replaces {
				if !general[x] {
					fail("replaces %q, which is not a general-terms rule", x)
				}
			}
			if !bounds[r.Bound] {
				fail("bound %q", r.Bound)
			}
			periods := 0
			for _, p := range []*model.Duration{r.After, r.Before} {
				if p != nil {
					periods++
					if !units[p.Unit] || p.Amount < 0 {
						fail("period %+v", *p)
					}
				}
			}
			if r.Range != nil {
				periods++
				if !units[r.Range.From.Unit] || !units[r.Range.To.Unit] {
					fail("range %+v", *r.Range)
				}
			}
			if r.Bound == model.BoundNone && periods > 0 {
				fail("bound none but a period is given")
			}
			if r.Bound != model.BoundNone && periods == 0 && len(r.Readings) == 0 {
				fail("bound %s but no period", r.Bound)
			}
			if r.Says.Zh == "" || r.Says.En == "" {
				fail("says needs both languages")
			}
			switch r.Party {
			case "customer", "provider", "both":
			default:
				fail("party %q", r.Party)
			}
			switch r.Modality {
			case "will", "must", "may", "deemed":
			default:
				fail("modality %q", r.Modality)
			}
			for _, rd := range r.Readings {
				if rd.Label == "" || rd.Why.Zh == "" || rd.Why.En == "" {
					fail("reading %+v needs a label and why in both languages", rd)
				}
				if rd.Event != "" && !events[rd.Event] {
					fail("reading %s: unknown event %q", rd.Label, rd.Event)
				}
				if rd.AfterRule != "" && !ids[rd.AfterRule] {
					fail("reading %s: after_rule %q unknown", rd.Label, rd.AfterRule)
				}
			}
			if r.Condition != nil && (r.Condition.Slug == "" || r.Condition.Zh == "" || r.Condition.En == "") {
				fail("condition needs slug, zh and en")
			}
		}
		for _, n := range d.NotDeadlines {
			cl, ok := d.Clause(n.Clause)
			if !ok || n.Why == "" || !strings.Contains(clauseWords(cl, d.Lang), n.Quote) {
				t.Errorf("%s not_deadline %+v: clause missing, quote not in it, or no why", d.ID, n)
			}
		}
	}
	if total < 250 {
		t.Errorf("only %d rules in the corpus", total)
	}
}

// clauseWords is the original text of a clause, title included, as rules
// quote it.
func clauseWords(c *model.Clause, lang string) string {
	s := c.PlainText(lang)
	if c.Title != nil {
		s = c.Title[lang] + "\n" + s
	}
	return s
}

var (
	// A number and a unit ("7日", "30 days", "7×24"), or a unit with no
	// number that still states a period or a cycle ("按天", "每小时",
	// "以小时…为单位", "以月为服务周期", "a month", "per day", "monthly").
	durationZh = regexp.MustCompile(`(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)\s*(?:个)?\s*(?:小时|自然日|工作日|日|天|个月|月|年|周|分钟)|7\s*[×xX*]\s*24|[按每]\s*(?:小时|自然日|工作日|日|天|个?月|年|周)|(?:小时|天|月)为单位|以\s*(?:小时|自然日|日|天|个?月|年|周)为`)
	durationEn = regexp.MustCompile(`(?i)\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety)[\s-]*(?:\(\d+\)\s*)?(?:business |working |natural |calendar )?(?:hours?|days?|months?|years?|weeks?|minutes?)\b|7\s*[×xX*]\s*24|\b(?:a|per|each|every)\s+(?:business |working |natural |calendar )?(?:hour|day|month|year|week)\b|\b(?:hourly|daily|monthly|yearly|annually)\b`)
)

// TestEveryDurationIsAccounted is the duration lint: every duration phrase
// in a clause lies inside the quote of a rule of that clause or of a
// not_deadlines entry, so no period slips past unaccounted.
func TestEveryDurationIsAccounted(t *testing.T) {
	for _, d := range loadCorpus(t).Docs {
		quotes := map[string][]string{}
		for _, r := range d.Rules {
			quotes[r.Clause] = append(quotes[r.Clause], r.Quote)
		}
		for _, n := range d.NotDeadlines {
			quotes[n.Clause] = append(quotes[n.Clause], n.Quote)
		}
		pattern := durationZh
		if d.Lang == "en" {
			pattern = durationEn
		}
		for _, c := range d.Clauses {
			text := clauseWords(c, d.Lang)
			for _, m := range pattern.FindAllStringIndex(text, -1) {
				if !covered(text, m, quotes[c.ID]) {
					t.Errorf("%s#%s: %q is quoted by no rule and listed in no not_deadlines", d.ID, c.ID, text[m[0]:m[1]])
				}
			}
		}
	}
}

// covered reports whether span m of text lies inside an occurrence of one of
// the quotes.
func covered(text string, m []int, quotes []string) bool {
	for _, q := range quotes {
		if q == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], q)
			if i < 0 {
				break
			}
			start := from + i
			if start <= m[0] && m[1] <= start+len(q) {
				return true
			}
			from = start + 1
		}
	}
	return false
}
