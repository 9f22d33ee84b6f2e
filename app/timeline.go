package app

import (
	"strconv"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

// results renders the timeline of the computed query.
func (c *calculatorPage) results() goapp.UI {
	lang := c.St.Lang
	if c.result == nil {
		if c.St.Event == "" {
			return el("p").Class("hint").Text(tr(lang, "请选择计费事件以查看时间线。", "Choose a billing event to see the timeline."))
		}
		return el("p").Class("hint").Text(tr(lang, "没有可计算的内容。", "Nothing can be computed."))
	}
	res := c.result
	parts := c.takeTimelineParts()
	ev, _ := catalogue.Find(cat.Events, c.St.Event)
	return el("section").Class("results").Attr("aria-label", tr(lang, "时间线", "Timeline")).Body(
		el("h2").Text(tr(lang, "时间线", "Timeline")),
		el("p").Class("anchor-line").Body(
			goapp.Text(ev.Name.In(htmlLang(lang))+tr(lang, "：", ": ")),
			el("time").Attr("datetime", machineTime(c.at)).Text(beijingTime(c.at, lang)),
			goapp.If(c.zone != "", func() goapp.UI { return el("span").Class("zone").Text(" · " + inZone(c.at, c.zone, lang)) }),
		),
		parts.status,
		c.exports(),
		goapp.If(len(res.BeforeEffective) > 0, func() goapp.UI {
			return el("p").Class("warning").Role("note").Text(tr(lang,
				"该事件早于《阿里云产品服务协议》（2024年5月15日生效）的生效日：当时可能适用更早的文本。",
				"This event is before the Product Service Agreement took effect (15 May 2024): an earlier text may govern."))
		}),
		c.conditions(),
		goapp.If(len(parts.timed) == 0 && len(parts.untimed) == 0, func() goapp.UI {
			return el("p").Class("empty").Text(tr(lang, "所选条款没有从该事件起算的规则。", "The chosen terms have no rule that starts from this event."))
		}),
		el("ol").Class("timeline").Body(parts.timed...),
		goapp.If(len(parts.untimed) > 0, func() goapp.UI {
			u := &untimedMilestones{Milestones: parts.untimed, Lang: lang, Embed: c.St.Embed, Traces: c.traces}
			for _, m := range parts.untimed {
				u.Gen = max(u.Gen, c.traces.genOf(m))
			}
			return u
		}),
		c.provenance(),
		goapp.If(len(res.Replaced) > 0, func() goapp.UI {
			return &replacedRules{Replaced: res.Replaced, Lang: lang, Embed: c.St.Embed}
		}),
	)
}

// untimedMilestones and replacedRules are the parts of a timeline that do
// not depend on the event's instant or on now: the milestones the text
// gives no period for, and the general rules that product rules replace.
// As components of their own, a recompute at another instant, which leaves
// their fields as they were, neither builds nor diffs them again (go-app
// skips a component whose fields are unchanged); with five products they
// are about a third of the timeline's elements. The milestones come without
// their traces, which name the event's instant; the disclosures read them
// from the book, and Gen, set while one of them is open, has the list drawn
// again with the new steps (see howComputed).
type untimedMilestones struct {
	goapp.Compo
	Milestones []lifecycle.Milestone
	Lang       string
	Embed      bool
	Traces     *traceBook
	Gen        uint64
}

func (u *untimedMilestones) Render() goapp.UI {
	lang := u.Lang
	c := &calculatorPage{page: page{St: state.State{Lang: lang, Embed: u.Embed}}, traces: u.Traces}
	items := make([]goapp.UI, len(u.Milestones))
	for i, m := range u.Milestones {
		items[i] = c.milestone(m)
	}
	return el("section").Class("untimed").Body(
		el("h3").Text(tr(lang, "文本未规定期限", "No period stated in the text")),
		el("p").Class("hint").Text(tr(lang,
			"以下条款承诺了通知或行动，但没有规定期限；本站不推算时刻。",
			"These clauses promise a notice or an action but state no period; no instant is computed for them.")),
		el("ul").Class("timeline").Body(items...),
	)
}

type replacedRules struct {
	goapp.Compo
	Replaced []lifecycle.Replacement
	Lang     string
	Embed    bool
}

func (r *replacedRules) Render() goapp.UI {
	lang := r.Lang
	p := &page{St: state.State{Lang: lang, Embed: r.Embed}}
	return el("section").Class("replaced").Body(
		el("h3").Text(tr(lang, "被产品条款替代的通用规则", "General rules replaced by product terms")),
		el("ul").Body(goapp.Range(r.Replaced).Slice(func(i int) goapp.UI {
			x := r.Replaced[i]
			name := x.Product
			if pr, ok := cat.Product(x.Product); ok {
				name = productName(pr, lang)
			}
			return el("li").Attr("data-replaced", x.General.ID).Body(
				goapp.Text(name+tr(lang, "：通用条款 ", ": general term ")),
				p.cite(x.General.Doc, x.General.Clause, x.General.Quote),
				goapp.Text(tr(lang, "（"+x.General.Says.Zh+"）由产品条款 ", " ("+x.General.Says.En+") is replaced by product term ")),
				p.cite(x.By.Doc, x.By.Clause, x.By.Quote),
				goapp.Text(tr(lang, "替代（通用条款第14.4.1条：专用说明优先于通用条款）。", " (general term 14.4.1: product-specific terms prevail).")),
				replacedFor(x.By, lang),
			)
		})),
	)
}

// timelineParts are the parts of a timeline that follow from the computed
// result, the language, embed, the second zone and now alone: the status
// line, the milestones with an instant (their texts, zone and relative times
// included), which are most of what a recompute builds, and the list of
// those without one (drawn by untimedMilestones).
// prepare builds them in OnNav, for the render that follows: go-app starts
// its wait for the next frame (1/120 s) when a navigation's dispatch begins
// and renders only after it, so what OnNav does within that wait costs the
// user nothing, while what Render does comes on top of it. A render that
// finds none made for its result builds them itself. A set is used once:
// go-app mounts what a render returns, so a tree must never be returned
// twice.
type timelineParts struct {
	// result is what the parts were built for. Each compute makes a new
	// result and sets the language, zone, embed and now with it, so the
	// same result means the same inputs.
	result *lifecycle.Result

	status  goapp.UI
	timed   []goapp.UI
	untimed []lifecycle.Milestone
}

// buildTimelineParts builds the timeline parts of the current result.
func (c *calculatorPage) buildTimelineParts() *timelineParts {
	t := &timelineParts{result: c.result}
	var timed []lifecycle.Milestone
	for _, m := range c.result.Milestones {
		if m.Timed {
			timed = append(timed, m)
			t.timed = append(t.timed, c.milestone(m))
		} else {
			m.Trace = nil
			t.untimed = append(t.untimed, m)
		}
	}
	t.status = c.statusLine(timed)
	return t
}

// takeTimelineParts returns the parts prepare made, when they were made for
// what is rendered now, or builds them; either way none are kept.
func (c *calculatorPage) takeTimelineParts() *timelineParts {
	t := c.preparedParts
	c.preparedParts = nil
	if t != nil && t.result == c.result {
		return t
	}
	return c.buildTimelineParts()
}

// statusLine says where things stand now. With several products it says it
// product by product (then for the general terms that apply to them all):
// one line for the whole timeline would name one product's state, "the
// service is suspended", and leave the reader to guess which service, and
// whether the others are.
func (c *calculatorPage) statusLine(timed []lifecycle.Milestone) goapp.UI {
	lang := c.St.Lang
	header := []goapp.UI{
		el("strong").Text(tr(lang, "当前状态（", "Status now (")),
		el("time").Attr("datetime", machineTime(c.now)).Text(beijingTime(c.now, lang)),
		el("strong").Text(tr(lang, "）：", "): ")),
	}
	sep := tr(lang, "；", "; ")
	if c.result == nil || len(c.result.Products) < 2 {
		parts := c.statusParts(timed)
		if len(parts) == 0 {
			return nil
		}
		return el("p").Class("status").Role("status").Body(append(header, goapp.Text(strings.Join(parts, sep)))...)
	}
	var items []goapp.UI
	for _, group := range append(append([]string(nil), c.result.Products...), "all") {
		var own []lifecycle.Milestone
		for _, m := range timed {
			if m.Product == group {
				own = append(own, m)
			}
		}
		parts := c.statusParts(own)
		name := tr(lang, "通用条款（所有所选产品）", "General terms (all chosen products)")
		p, isProduct := cat.Product(group)
		if isProduct {
			name = productName(p, lang)
		}
		if len(parts) == 0 {
			// A product whose milestones here have no instant: say so,
			// rather than leave it out as if nothing applied to it.
			if !isProduct || !c.hasMilestone(group) {
				continue
			}
			parts = []string{tr(lang, "条款对此事件未给出时刻，无法判断当前状态（见下方未规定期限的规则）",
				"the texts give no time for this event, so its current state cannot be told (see the rules without a period below)")}
		}
		items = append(items, el("li").Attr("data-status-product", group).Body(
			el("strong").Text(name+tr(lang, "：", ": ")),
			goapp.Text(strings.Join(parts, sep)),
		))
	}
	if len(items) == 0 {
		return nil
	}
	return el("div").Class("status").Role("status").Body(
		el("p").Body(header...),
		el("ul").Body(items...),
	)
}

// hasMilestone reports whether the timeline has a milestone, timed or not,
// of the product.
func (c *calculatorPage) hasMilestone(product string) bool {
	for _, m := range c.result.Milestones {
		if m.Product == product {
			return true
		}
	}
	return false
}

// statusParts are the parts of a status: what has happened last, a
// deadline passed since, the windows under way and what is due next.
func (c *calculatorPage) statusParts(timed []lifecycle.Milestone) []string {
	lang := c.St.Lang
	s := lifecycle.StatusAt(timed, c.now)
	// part is one status part: a heading (when, in both languages), the
	// reading and condition it follows, and what the rule says.
	part := func(zh, en string, m *lifecycle.Milestone) string {
		tag := statusTag(m, lang)
		return tr(lang, zh+tag+"："+m.Rule.Says.Zh, en+tag+": "+m.Rule.Says.En)
	}
	var parts []string
	if m := s.Last; m != nil {
		when := beijingTime(m.Instant, lang)
		if lifecycle.EndsPeriod(m.Rule) {
			parts = append(parts, part("已于"+when+"结束", "Ended "+when, m))
		} else {
			parts = append(parts, part("自"+when+"起", "Since "+when, m))
		}
	}
	if len(s.Passed) > 0 {
		// One part for every reading of the deadline that has passed:
		// "Deadline passed Mon 30 Nov 2026 09:12 Beijing time (reading A);
		// Tue 1 Dec 2026 00:00 Beijing time (reading B): …".
		var whens []string
		for _, p := range s.Passed {
			whens = append(whens, beijingTime(p.Instant, lang)+readingTag(p, lang))
		}
		m := s.Passed[0]
		parts = append(parts, tr(lang,
			"期限已过："+strings.Join(whens, "；")+conditionTag(m, lang)+"："+m.Rule.Says.Zh,
			"Deadline passed "+strings.Join(whens, "; ")+conditionTag(m, lang)+": "+m.Rule.Says.En))
	}
	for _, o := range s.Open {
		left := rangeRelative(o.Start, o.End, c.now, lang)
		parts = append(parts, part("至"+beijingTime(o.End, lang)+"（"+left+"）", "Until "+beijingTime(o.End, lang)+" ("+left+")", o))
	}
	if m := s.Next; m != nil {
		in := relative(m.When(), c.now, lang)
		if lifecycle.EndsPeriod(m.Rule) {
			parts = append(parts, part(in+"结束", "Ends "+in, m))
		} else {
			parts = append(parts, part("下一项（"+in+"）", "Next ("+in+")", m))
		}
	}
	return parts
}

// statusTag names the reading and the condition a status part follows:
// "since" may come from one reading and "next" from the other (PAI: deleted
// under A, renewal still open under B), or from one of two opposite
// conditions (CDDC: deleted at expiry if notice was given, 7 days after the
// suspension if not), and without the label the parts would read as facts
// that contradict each other.
func statusTag(m *lifecycle.Milestone, lang string) string {
	return readingTag(m, lang) + conditionTag(m, lang)
}

// readingTag names a milestone's reading: " (reading A)".
func readingTag(m *lifecycle.Milestone, lang string) string {
	if m.Reading == "" {
		return ""
	}
	return tr(lang, "（读法"+m.Reading+"）", " (reading "+m.Reading+")")
}

// conditionTag names the condition of a milestone's rule.
func conditionTag(m *lifecycle.Milestone, lang string) string {
	if cd := m.Rule.Condition; cd != nil {
		return tr(lang, "（"+cd.Zh+"）", " ("+cd.En+")")
	}
	return ""
}

func label(m map[string]model.Text, key, lang string) string {
	v, ok := m[key]
	if !ok {
		return key
	}
	return tr(lang, v.Zh, v.En)
}

// milestoneItem is the <li> of a milestone carrying the markers of DESIGN
// §4, for the timeline and the compare matrix alike. It returns the bound
// the markers say: "none" for a milestone without an instant.
func milestoneItem(class string, r *model.Rule, product string, timed bool, bound, reading string, provisional bool) (goapp.HTMLElem, string) {
	if !timed {
		bound = model.BoundNone
	}
	li := el("li").Class(class+" bound-"+bound).
		Attr("data-milestone", r.ID).
		Attr("data-product", product).
		Attr("data-bound", bound).
		Attr("data-effect", strings.Join(r.Effects, " "))
	if reading != "" {
		li = li.Attr("data-reading", reading)
	}
	if r.Condition != nil {
		li = li.Attr("data-condition", r.Condition.Slug)
	}
	if provisional {
		li = li.Attr("data-provisional", "true")
	}
	return li, bound
}

// milestone renders one milestone with the markers of DESIGN §4.
func (c *calculatorPage) milestone(m lifecycle.Milestone) goapp.UI {
	lang := c.St.Lang
	r := m.Rule
	li, bound := milestoneItem("milestone", r, m.Product, m.Timed, m.Bound, m.Reading, m.Provisional)
	productLabel := tr(lang, "通用条款（所有所选产品）", "General terms (all chosen products)")
	if p, ok := cat.Product(m.Product); ok {
		productLabel = productName(p, lang)
	}
	return li.Body(
		el("div").Class("when").Body(
			el("span").Class("bound").Text(label(model.BoundNames, bound, lang)),
			c.instant(m, bound),
		),
		el("div").Class("what").Body(
			&milestoneText{Rule: r, ProductLabel: productLabel, Reading: m.Reading, Why: m.Why,
				Provisional: m.Provisional, Lang: lang, Embed: c.St.Embed},
			c.trace(m),
			c.reportLink(r.ID),
		),
	)
}

// milestoneText is what a milestone says, who acts, under which condition
// and reading, and the clause it comes from: all of a milestone that does not
// depend on its instant. It is a component so that a recompute at another
// instant, which changes none of its fields, neither rebuilds nor diffs it
// (go-app skips a component whose fields are unchanged).
type milestoneText struct {
	goapp.Compo
	Rule         *model.Rule
	ProductLabel string
	Reading      string
	Why          *model.Text
	Provisional  bool
	Lang         string
	Embed        bool
}

func (t *milestoneText) Render() goapp.UI {
	lang, r := t.Lang, t.Rule
	p := &page{St: state.State{Lang: lang, Embed: t.Embed}}
	return el("div").Class("what-text").Body(
		el("p").Class("says").Text(r.Says.In(htmlLang(lang))),
		el("p").Class("meta").Body(
			el("span").Class("product").Text(t.ProductLabel),
			goapp.Text(" · "+tr(lang, "行动方：", "Who: ")+label(model.PartyNames, r.Party, lang)+"（"+label(model.ModalityNames, r.Modality, lang)+"）"),
			goapp.If(len(r.Effects) > 0, func() goapp.UI {
				return goapp.Text(" · " + strings.Join(effectNames(r.Effects, lang), tr(lang, "、", ", ")))
			}),
		),
		goapp.If(r.Condition != nil, func() goapp.UI {
			return el("p").Class("condition").Text(tr(lang, "条件：", "Condition: ") + condText(r.Condition, lang))
		}),
		goapp.If(t.Reading != "" && t.Why != nil, func() goapp.UI {
			return el("p").Class("reading").Text(tr(lang, "读法 "+t.Reading+"：", "Reading "+t.Reading+": ") + t.Why.In(htmlLang(lang)))
		}),
		goapp.If(t.Provisional, func() goapp.UI {
			return el("p").Class("provisional").Text(tr(lang,
				"暂定：所涉年份的法定节假日安排尚未公布，工作日按周一至周五计算。",
				"Provisional: the official holiday schedule of the year concerned is not published yet; working days are counted Monday to Friday."))
		}),
		goapp.If(r.Note != nil, func() goapp.UI {
			return el("p").Class("note").Text(tr(lang, "注：", "Note: ") + r.Note.In(htmlLang(lang)))
		}),
		el("div").Class("cites").Body(p.cite(r.Doc, r.Clause, r.Quote)),
	)
}

func condText(cd *model.Condition, lang string) string {
	if lang == "en" {
		return cd.En
	}
	return cd.Zh
}

// instant renders the milestone's time: one <time datetime>, or a range.
func (c *calculatorPage) instant(m lifecycle.Milestone, bound string) goapp.UI {
	lang := c.St.Lang
	if !m.Timed {
		return el("span").Class("no-time").Text(tr(lang, "文本未给出期限", "the text gives no period"))
	}
	one := func(t time.Time, attr string) goapp.UI {
		el := el("time").Attr("datetime", machineTime(t)).Text(beijingTime(t, lang))
		if attr != "" {
			el = el.Attr("data-"+attr, machineTime(t))
		}
		return el
	}
	to := tr(lang, " 至 ", " to ")
	// zone shows the instant, or both ends of a range, in the viewer's
	// zone: the start alone, under a range, read as the deadline.
	zone := func(ts ...time.Time) goapp.UI {
		if c.zone == "" {
			return nil
		}
		shown := make([]string, len(ts))
		for i, t := range ts {
			shown[i] = inZone(t, c.zone, lang)
		}
		return el("span").Class("zone").Text(strings.Join(shown, to))
	}
	if bound == model.BoundWithinRange {
		return el("span").Class("range").Body(
			one(m.Start, "start"), goapp.Text(to), one(m.End, "end"),
			zone(m.Start, m.End),
			el("span").Class("relative").Text(rangeRelative(m.Start, m.End, c.now, lang)),
		)
	}
	return el("span").Body(
		one(m.Instant, ""),
		zone(m.Instant),
		el("span").Class("relative").Text(relative(m.Instant, c.now, lang)),
	)
}

// trace renders "how computed".
func (c *calculatorPage) trace(m lifecycle.Milestone) goapp.UI {
	if c.traces == nil {
		return nil
	}
	key := traceKey(m)
	if len(c.traces.steps[key]) == 0 {
		return nil
	}
	return &howComputed{Book: c.traces, Key: key, RuleID: m.Rule.ID, Lang: c.St.Lang, Gen: c.traces.genOf(m)}
}

// traceBook holds the "how computed" steps of the milestones of the current
// result, by milestone, and which of their disclosures are open. The page
// keeps one book for its life and refills it at every compute, so that a
// disclosure's fields stay the same from one recompute to the next while it
// is closed, and go-app, which compares a component's fields to decide
// whether to render it again, skips it. Holding the steps themselves as a
// field cost every recompute about 0.1 ms per milestone: go-app compares
// such a field with reflect.DeepEqual, and then drew the disclosure again
// although, closed, it shows nothing of them.
type traceBook struct {
	gen   uint64 // counts the fills
	steps map[string][]lifecycle.Step
	open  map[string]bool // the keys whose disclosure is open
}

func traceKey(m lifecycle.Milestone) string {
	return m.Rule.Doc + "#" + m.Rule.ID + "|" + m.Product + "|" + m.Reading
}

// genOf is the book's generation while the disclosure of m is open, and 0
// while it is closed: what a component showing m's steps is given, so that
// go-app draws it again at a recompute only when it shows them.
func (b *traceBook) genOf(m lifecycle.Milestone) uint64 {
	if b == nil || !b.open[traceKey(m)] {
		return 0
	}
	return b.gen
}

// fill replaces the steps with those of ms.
func (b *traceBook) fill(ms []lifecycle.Milestone) {
	b.gen++
	b.steps = make(map[string][]lifecycle.Step, len(ms))
	for _, m := range ms {
		if len(m.Trace) > 0 {
			b.steps[traceKey(m)] = m.Trace
		}
	}
}

// howComputed is the "How computed" disclosure of a milestone. Its steps
// are written out only once it is opened: a timeline of five products has
// dozens of milestones, and drawing every trace made each recompute slower.
// Open, it is given the book's generation (Gen), so that a recompute draws
// it again with the new steps; closed, Gen stays 0 and nothing of it
// changes.
type howComputed struct {
	goapp.Compo
	Book   *traceBook
	Key    string
	RuleID string
	Lang   string
	Gen    uint64

	open    bool
	openKey string // the Key it was opened for
}

func (h *howComputed) Render() goapp.UI {
	lang := h.Lang
	steps := h.Book.steps[h.Key]
	return el("details").Class("how").Attr("open", h.open).
		On("toggle", func(ctx goapp.Context, e goapp.Event) {
			h.setOpen(ctx.JSSrc().Get("open").Bool())
		}).
		Body(
			el("summary").Text(tr(lang, "如何计算", "How computed")),
			goapp.If(h.open, func() goapp.UI {
				return el("ol").Body(goapp.Range(steps).Slice(func(i int) goapp.UI { return el("li").Text(stepText(steps[i], lang)) }))
			}),
			goapp.If(h.open, func() goapp.UI {
				return el("p").Class("rule-id").Text(tr(lang, "规则 ", "Rule ") + h.RuleID + tr(lang, "（规则版本 ", " (rules version ") + Version + tr(lang, "）", ")"))
			}),
		)
}

func (h *howComputed) setOpen(open bool) {
	if h.open {
		delete(h.Book.open, h.openKey)
	}
	h.open, h.openKey = open, ""
	if open {
		h.openKey = h.Key
		h.Book.open[h.Key] = true
	}
}

// OnUpdate closes the disclosure when it is reused for another milestone;
// open for the same one, it stays open and shows the new steps.
func (h *howComputed) OnUpdate(ctx goapp.Context) {
	if h.open && h.Key != h.openKey {
		h.setOpen(false)
	}
}

// OnDismount forgets the disclosure's open state.
func (h *howComputed) OnDismount() {
	h.setOpen(false)
}

var unitName = map[string]model.Text{
	model.UnitHour:        {Zh: "小时", En: "hours"},
	model.UnitDay:         {Zh: "日（自然日，同一时刻届满）", En: "days (natural days, same clock time)"},
	model.UnitWorkingDay:  {Zh: "个工作日", En: "working days"},
	model.UnitMonth:       {Zh: "个月（同日同一时刻，月末对齐）", En: "months (same day and time, clamped to month end)"},
	model.UnitYear:        {Zh: "年", En: "years"},
	model.UnitCalendarDay: {Zh: "个自然日（整日）", En: "calendar days (whole days)"},
}

func amount(a float64) string { return strconv.FormatFloat(a, 'f', -1, 64) }

// stepText explains one step of a computation.
func stepText(s lifecycle.Step, lang string) string {
	switch s.Kind {
	case "event":
		ev, _ := catalogue.Find(cat.Events, s.Event)
		return tr(lang, "起算：事件“"+ev.Name.Zh+"”于 "+beijingTime(s.To, lang),
			"Anchor: the event “"+ev.Name.En+"” at "+beijingTime(s.To, lang))
	case "after-rule":
		if s.To.IsZero() && s.From.IsZero() {
			return tr(lang, "接续规则 "+s.Rule+"，该规则没有时刻，因此本项也没有时刻", "Follows rule "+s.Rule+", which has no instant, so neither has this one")
		}
		if !s.From.IsZero() {
			return tr(lang, "起算：规则 "+s.Rule+" 的期间 "+beijingTime(s.From, lang)+" 至 "+beijingTime(s.To, lang),
				"Anchor: the range of rule "+s.Rule+", "+beijingTime(s.From, lang)+" to "+beijingTime(s.To, lang))
		}
		return tr(lang, "起算：规则 "+s.Rule+" 的时刻 "+beijingTime(s.To, lang), "Anchor: the milestone of rule "+s.Rule+" at "+beijingTime(s.To, lang))
	case "add", "subtract", "calendar-day":
		sign := "+"
		if s.Kind == "subtract" {
			sign = "−"
		}
		text := sign + " " + amount(s.Amount) + " " + label(unitName, s.Unit, lang) + " = " + beijingTime(s.To, lang)
		if s.Clamped {
			text += tr(lang, "（该月没有同一日，取月末）", " (the month has no such day: its last day)")
		}
		if s.Kind == "calendar-day" {
			text += tr(lang, "（起算日为第0日）", " (the anchor day is day 0)")
		}
		return text
	case "working-days":
		var counted, skipped []string
		for _, d := range s.Counted {
			counted = append(counted, dayText(d, lang))
		}
		for _, d := range s.Skipped {
			skipped = append(skipped, dayText(d, lang))
		}
		text := tr(lang,
			map[bool]string{true: "前推 ", false: "+ "}[s.Kind == "subtract"]+amount(s.Amount)+" 个工作日，于第"+amount(s.Amount)+"个工作日24:00届满 = "+beijingTime(s.To, lang)+"。计入："+strings.Join(counted, "、"),
			amount(s.Amount)+" working days, ending at 24:00 of the last = "+beijingTime(s.To, lang)+". Counted: "+strings.Join(counted, ", "))
		if len(skipped) > 0 {
			text += tr(lang, "；跳过："+strings.Join(skipped, "、"), "; skipped: "+strings.Join(skipped, ", "))
		}
		return text
	case "inherit":
		return tr(lang, "所接续的时刻是“不早于”，因此本项也只能是“不早于”", "The milestone it follows is “not before”, so this one is “not before” too")
	}
	return s.Kind
}

func dayText(d calendar.Day, lang string) string {
	s := calendar.MonthDay(d.Date)
	switch d.Kind {
	case calendar.Holiday:
		return s + tr(lang, "（"+d.Name+"假期）", " ("+d.Name+" holiday)")
	case calendar.MakeUp:
		return s + tr(lang, "（"+d.Name+"调休上班）", " (make-up working day, "+d.Name+")")
	case calendar.Weekend:
		return s + tr(lang, "（周末）", " (weekend)")
	}
	return s
}

// provenance is printed under the timeline: the link that reproduces it,
// when it was generated and the version of the rules.
func (c *calculatorPage) provenance() goapp.UI {
	lang := c.St.Lang
	link := ""
	if goapp.IsClient {
		link = goapp.Window().URL().String()
	}
	return el("p").Class("print-only").Text(tr(lang,
		"链接："+link+"　生成于："+beijingTime(time.Now(), lang)+"　规则版本："+Version+"　原文为准，译文为非官方译文。",
		"Link: "+link+"  Generated: "+beijingTime(time.Now(), lang)+"  Rules version: "+Version+"  The original text prevails; translations are unofficial."))
}
