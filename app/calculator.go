package app

import (
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

// calculatorPage is "/": pick products, billing mode and event, see deadlines.
type calculatorPage struct {
	page

	result    *lifecycle.Result
	at, now   time.Time
	zone      string // viewer's second column, "" for none
	search    string // product search box (not part of the link)
	corpus    *model.Corpus
	computed  bool
	atFromNow bool // the link has no instant: compute used now
	atBad     bool // the link's time could not be read (at is zero)
	// preparedParts are made by prepare for the render that follows (see
	// timelineParts).
	preparedParts *timelineParts
	// traces are the "how computed" steps of the result's milestones.
	traces *traceBook
	// coverage is what applicable found last, and for which query.
	coverage struct {
		key             string
		billing, events map[string]bool
	}
}

// prepare makes, before the render, the timeline's calendar file and the
// parts of the timeline that follow from the result: in OnNav this work
// overlaps go-app's wait for its next frame (see timelineParts), in the
// render it would come on top of it.
func (c *calculatorPage) prepare() {
	c.preparedParts = nil
	if c.result == nil || !c.computed {
		return
	}
	c.prepareExport()
	c.preparedParts = c.buildTimelineParts()
	c.applicable()
}

// OnInit computes the link the app started at before the first render (see
// startURL).
func (c *calculatorPage) OnInit() {
	if c.startURL() != nil {
		c.compute()
		c.prepare()
	}
}

func (c *calculatorPage) OnNav(ctx goapp.Context) {
	if !c.alreadyRendered(ctx) {
		c.readURL(ctx)
		c.compute()
		c.prepare()
	}
	if c.atFromNow && goapp.IsClient {
		// No instant in the link: compute used now; write it into the
		// address so a copied link reproduces this timeline.
		c.atFromNow = false
		u := goapp.Window().URL()
		u.RawQuery = c.St.Encode()
		ctx.Page().ReplaceURL(u)
	}
	c.ready(ctx, tr(c.St.Lang, "期限计算 · 阿里云协议义务查询", "Calculator · Alibaba Cloud obligations explorer"))
}

// compute turns the URL state into a query and runs the calculator. What is
// invalid is reported and left out; nothing is guessed.
func (c *calculatorPage) compute() {
	c.result, c.computed, c.atFromNow, c.at, c.atBad = nil, false, false, time.Time{}, false
	calc, corpus, err := calculator()
	if err != nil {
		c.alert("无法读取条款数据："+err.Error(), "The clause data could not be read: "+err.Error())
		return
	}
	c.corpus = corpus
	c.now = time.Now()
	if c.St.Now != "" {
		if t, err := time.Parse(time.RFC3339, c.St.Now); err == nil {
			c.now = t
		} else {
			c.alert("参数 now 不是有效的时间（RFC 3339），已改用当前时间。", "The now parameter is not a valid RFC 3339 time; the current time is used.")
		}
	}
	c.zone = ""
	if c.St.TZ == "" && c.St.Event != "" && goapp.IsClient && goapp.Window().Get("explorerLocalZone").Truthy() {
		// No zone in the link: show the viewer's own beside Beijing time
		// when it differs (DESIGN §3); the link itself stays zone-free.
		// Asked only when there is a timeline: the first Intl call loads
		// the browser's zone data, tens of milliseconds at start-up.
		if z := goapp.Window().Call("explorerLocalZone").String(); z != "Asia/Shanghai" && z != "Asia/Chongqing" && validZone(z) {
			c.zone = z
		}
	}
	if c.St.TZ != "" && c.St.TZ != "Asia/Shanghai" {
		if validZone(c.St.TZ) {
			c.zone = c.St.TZ
		} else if goapp.IsClient {
			c.alert("未知时区“"+state.Shorten(c.St.TZ)+"”，只显示北京时间。", "Unknown time zone “"+state.Shorten(c.St.TZ)+"”; only Beijing time is shown.")
		}
	}
	if c.St.Billing != "" {
		if _, ok := catalogue.Find(cat.Billing, c.St.Billing); !ok {
			c.alert("没有名为“"+c.St.Billing+"”的计费方式，已忽略。", "There is no billing mode called “"+c.St.Billing+"”; it was ignored.")
			c.St.Billing = ""
		}
	}
	// The link's time is read before the event: its field shows it, or
	// the text that could not be read, with or without a timeline.
	if c.St.At != "" {
		if t, err := parseAt(c.St.At, c.St.TZ); err == nil {
			c.at = t
		} else {
			c.atBad = true
		}
	}
	if c.St.Event == "" {
		return
	}
	if _, ok := catalogue.Find(cat.Events, c.St.Event); !ok {
		c.alert("没有名为“"+c.St.Event+"”的事件。请从列表中选择。", "There is no event called “"+c.St.Event+"”. Pick one from the list.")
		return
	}
	if c.St.At == "" {
		// No instant in the link: use now, and write it into the address so
		// a copied link reproduces this timeline.
		c.at = c.now.In(calendar.Beijing).Truncate(time.Minute)
		c.St.At = c.at.Format(time.RFC3339)
		c.atFromNow = true
	}
	if c.atBad {
		c.alert("时间“"+state.Shorten(c.St.At)+"”无效或不存在（例如2月30日），因此不计算任何期限。",
			"The time “"+state.Shorten(c.St.At)+"” is invalid or does not exist (such as 30 February), so no deadline is computed.")
		return
	}
	res := calc.Compute(lifecycle.Query{Products: c.St.Products, Billing: c.St.Billing, Event: c.St.Event, At: c.at, If: c.St.If})
	for _, p := range res.Problems {
		c.alert(problemText(p, c.St, "zh"), problemText(p, c.St, "en"))
	}
	c.result, c.computed = &res, true
	if c.traces == nil {
		c.traces = &traceBook{open: map[string]bool{}}
	}
	c.traces.fill(res.Milestones)
}

// problemText explains a calculator problem in one language.
func problemText(p lifecycle.Problem, st state.State, lang string) string {
	name := func(slug string) string {
		if pr, ok := cat.Product(slug); ok {
			return productName(pr, lang)
		}
		return slug
	}
	ev, _ := catalogue.Find(cat.Events, st.Event)
	bl, _ := catalogue.Find(cat.Billing, st.Billing)
	switch p.Code {
	case lifecycle.UnknownProduct:
		return pick(lang, "没有名为“"+p.Subject+"”的产品，已忽略。", "There is no product called “"+p.Subject+"”; it was ignored.")
	case lifecycle.EventNotApplicable:
		return pick(lang, "“"+ev.Name.Zh+"”不适用于"+name(p.Subject)+"：其条款没有从该事件起算的规则。",
			"“"+ev.Name.En+"” does not apply to "+name(p.Subject)+": its terms have no rule that starts from this event.")
	case lifecycle.ConditionNotApplicable:
		return pick(lang, "本时间线中没有以“"+p.Subject+"”为条件的规则，该条件已忽略。",
			"No rule in this timeline has the condition “"+p.Subject+"”; it was ignored.")
	case lifecycle.BillingNotApplicable:
		return pick(lang, name(p.Subject)+"在“"+bl.Name.Zh+"”计费方式下没有从“"+ev.Name.Zh+"”起算的规则。",
			name(p.Subject)+" has no rule starting from “"+ev.Name.En+"” under the billing mode “"+bl.Name.En+"”.")
	}
	return pick(lang, "查询的一部分无法使用。", "Part of the query could not be used.")
}

func (c *calculatorPage) Render() goapp.UI {
	lang := c.St.Lang
	return c.shell(
		c.heading("期限计算", "Deadline calculator"),
		el("p").Class("lead").Text(tr(lang,
			"选择产品、计费方式和计费事件及其发生时间（北京时间），查看各方必须或可以做什么，以及每个期限的准确时刻和出处条款。",
			"Pick products, a billing mode and a billing event with the time it happened (Beijing time), and see what each party must or may do, with the exact instant of every deadline and the clause it comes from.")),
		c.form(),
		c.results(),
	)
}

// navigate moves to the calculator with a new state (a new history entry).
func (c *calculatorPage) navigate(ctx goapp.Context, st state.State) {
	ctx.Navigate(Link("/", st))
}

// form renders the query controls. Every change is a new link.
func (c *calculatorPage) form() goapp.UI {
	lang := c.St.Lang
	return el("form").Class("query").Attr("role", "search").Attr("aria-label", tr(lang, "查询条件", "Query")).
		OnSubmit(func(ctx goapp.Context, e goapp.Event) { e.PreventDefault() }).Body(
		c.productPicker(),
		c.selects(),
		c.timeInputs(),
	)
}

// productPicker: the chosen products as removable chips, and a search box
// over Chinese and English names.
func (c *calculatorPage) productPicker() goapp.UI {
	lang := c.St.Lang
	return el("fieldset").Class("products-pick").Body(
		el("legend").Text(tr(lang, "产品", "Products")),
		goapp.If(len(c.St.Products) == 0, func() goapp.UI {
			return el("p").Class("hint").Text(tr(lang, "未选择产品：只适用《阿里云产品服务协议》通用条款。", "No product chosen: only the general terms of the Product Service Agreement apply."))
		}),
		c.page.productPicker(picker{
			inputID: "product-search",
			labelZh: "按中文或英文名称搜索产品", labelEn: "Search products by Chinese or English name",
			chosen: c.St.Products,
			search: &c.search,
			chipName: func(slug string) string {
				if p, ok := cat.Product(slug); ok {
					return productName(p, lang)
				}
				return slug
			},
			navigate: func(ctx goapp.Context, chosen []string) {
				st := c.St
				st.Products = chosen
				c.navigate(ctx, st)
			},
		}),
	)
}

func altName(p catalogue.Product, lang string) string {
	if lang == "en" {
		return p.Name.Zh
	}
	return p.Name.En
}

func containsSlug(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func removeSlug(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// applicable lists the billing modes and events some rule of the chosen
// products (or the general terms) covers. It reads every rule of their
// documents, so it keeps its answer for the render of the same products and
// billing mode: prepare asks first, within go-app's wait for the next frame,
// and the render that follows finds it.
func (c *calculatorPage) applicable() (billing, events map[string]bool) {
	if c.corpus == nil {
		return map[string]bool{}, map[string]bool{}
	}
	key := strings.Join(c.St.Products, ",") + "|" + c.St.Billing
	if c.coverage.key == key && c.coverage.billing != nil {
		return c.coverage.billing, c.coverage.events
	}
	billing, events = c.coverageOf()
	c.coverage.key, c.coverage.billing, c.coverage.events = key, billing, events
	return billing, events
}

func (c *calculatorPage) coverageOf() (billing, events map[string]bool) {
	billing, events = map[string]bool{}, map[string]bool{}
	docs := map[string]bool{}
	products := map[string]bool{}
	if len(c.St.Products) == 0 {
		docs[lifecycle.PSA] = true
	}
	for _, s := range c.St.Products {
		if p, ok := cat.Product(s); ok {
			docs[p.Doc] = true
			products[s] = true
		}
	}
	for _, d := range c.corpus.Docs {
		if !docs[d.ID] {
			continue
		}
		for _, r := range d.Rules {
			applies := false
			for _, p := range r.Products {
				if p == "all" || products[p] {
					applies = true
				}
			}
			if !applies {
				continue
			}
			if c.St.Billing == "" || containsSlug(r.Billing, c.St.Billing) || containsSlug(r.Billing, "all") {
				events[r.Event] = true
				for _, rd := range r.Readings {
					if rd.Event != "" {
						events[rd.Event] = true
					}
				}
			}
			for _, b := range r.Billing {
				billing[b] = true
			}
		}
	}
	return
}

// billingSelect and eventSelect are components of their own, fed only what
// they show, so that a recompute at another instant, which changes neither,
// does not rebuild and diff their options (go-app skips a component whose
// fields are unchanged). Their handlers read the view's state through St at
// the moment of the change.
func (c *calculatorPage) selects() goapp.UI {
	billing, events := c.applicable()
	return el("div").Class("row").Body(c.billingSelect(billing), c.eventSelect(events))
}

func (c *calculatorPage) billingSelect(billing map[string]bool) goapp.UI {
	var covered []string
	for _, b := range cat.Billing {
		if billing[b.Slug] || billing["all"] {
			covered = append(covered, b.Slug)
		}
	}
	return &billingSelect{Lang: c.St.Lang, Billing: c.St.Billing, Covered: covered, St: &c.St}
}

type billingSelect struct {
	goapp.Compo
	Lang, Billing string
	Covered       []string // the modes some rule of the chosen products covers
	St            *state.State
}

func (b *billingSelect) Render() goapp.UI {
	lang := b.Lang
	var others []string
	for _, m := range cat.Billing {
		if !containsSlug(b.Covered, m.Slug) {
			others = append(others, m.Name.In(htmlLang(lang)))
		}
	}
	return el("div").Class("field").Body(
		el("label").Attr("for", "billing").Text(tr(lang, "计费方式", "Billing mode")),
		el("select").ID("billing").OnChange(func(ctx goapp.Context, e goapp.Event) {
			st := *b.St
			st.Billing = ctx.JSSrc().Get("value").String()
			ctx.Navigate(Link("/", st))
		}).Body(
			noChoice(tr(lang, "任意计费方式", "Any billing mode"), b.Billing == ""),
			goapp.Range(cat.Billing).Slice(func(i int) goapp.UI {
				m := cat.Billing[i]
				return el("option").Attr("value", m.Slug).Attr("selected", b.Billing == m.Slug).
					Attr("disabled", !containsSlug(b.Covered, m.Slug) && b.Billing != m.Slug).
					Text(m.Name.In(htmlLang(lang)))
			}),
		),
		goapp.If(len(others) > 0, func() goapp.UI {
			return el("p").Class("hint").Text(tr(lang,
				"所选产品的条款未涉及："+strings.Join(others, "、"),
				"Not covered by the chosen products' terms: "+strings.Join(others, ", ")))
		}),
	)
}

func (c *calculatorPage) eventSelect(events map[string]bool) goapp.UI {
	var applies []string
	for _, e := range cat.Events {
		if events[e.Slug] {
			applies = append(applies, e.Slug)
		}
	}
	return &eventSelect{Lang: c.St.Lang, Event: c.St.Event, Applies: applies, St: &c.St}
}

type eventSelect struct {
	goapp.Compo
	Lang, Event string
	Applies     []string // the events some rule of the chosen products starts from
	St          *state.State
}

func (v *eventSelect) Render() goapp.UI {
	lang := v.Lang
	var applies, rest []catalogue.Entry
	for _, e := range cat.Events {
		if containsSlug(v.Applies, e.Slug) {
			applies = append(applies, e)
		} else {
			rest = append(rest, e)
		}
	}
	// The prerendered page lists only the chosen event: the list does
	// nothing until the WebAssembly runs, and its fifty options were
	// almost half of the page's elements, which the browser parses, styles
	// and lays out before its first paint. The running app renders them all.
	// The options are go-app elements, which a language switch or another
	// choice updates in place. As one static part per group, inserted with
	// innerHTML, each switch replaced the groups whole, and the browser
	// rebuilt the list: about a millisecond of every language switch.
	group := func(label string, es []catalogue.Entry) goapp.UI {
		shown := make([]catalogue.Entry, 0, len(es))
		for _, e := range es {
			if goapp.IsServer && v.Event != e.Slug {
				continue
			}
			shown = append(shown, e)
		}
		return el("optgroup").Attr("label", label).Body(goapp.Range(shown).Slice(func(i int) goapp.UI {
			e := shown[i]
			return el("option").Attr("value", e.Slug).Attr("selected", v.Event == e.Slug).Text(e.Name.In(htmlLang(lang)))
		}))
	}
	ev, hasEvent := catalogue.Find(cat.Events, v.Event)
	return el("div").Class("field").Body(
		el("label").Attr("for", "event").Text(tr(lang, "计费事件", "Billing event")),
		el("select").ID("event").OnChange(func(ctx goapp.Context, e goapp.Event) {
			st := *v.St
			st.Event = ctx.JSSrc().Get("value").String()
			ctx.Navigate(Link("/", st))
		}).Body(
			noChoice(tr(lang, "请选择事件", "Choose an event"), v.Event == ""),
			group(tr(lang, "适用于所选产品", "Apply to the chosen products"), applies),
			group(tr(lang, "其他事件（所选产品的条款未涉及）", "Other events (not in the chosen products' terms)"), rest),
		),
		goapp.If(hasEvent, func() goapp.UI {
			return el("p").Class("hint").Text(tr(lang, "时间指：", "The time is ") + eventMeaning(ev, lang))
		}),
	)
}

// eventMeaning says what the entered instant means for an event.
func eventMeaning(e catalogue.Entry, lang string) string {
	if lang == "en" {
		return e.Note + "."
	}
	return "“" + e.Name.Zh + "”发生的时刻。"
}

var commonZones = []string{"Asia/Shanghai", "UTC", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles"}

func (c *calculatorPage) timeInputs() goapp.UI {
	lang := c.St.Lang
	// A time the link gave but the page could not read stays as it was
	// given, to be corrected; compute read it once.
	typed := c.St.At
	if !c.atBad && !c.at.IsZero() {
		typed = calendar.Typed(c.at.In(calendar.Beijing))
	}
	zones := append([]string{}, commonZones...)
	if c.zone != "" && !containsSlug(zones, c.zone) {
		zones = append(zones, c.zone)
	}
	return el("div").Class("row").Body(
		el("div").Class("field").Body(
			el("label").Attr("for", "at").Text(tr(lang, "发生时间（北京时间）", "When it happened (Beijing time)")),
			whenField("at", typed, c.atBad, func(ctx goapp.Context, at string) {
				st := c.St
				st.At = at
				c.navigate(ctx, st)
			}),
			el("button").Attr("type", "button").Class("secondary").Text(tr(lang, "现在", "Now")).
				OnClick(func(ctx goapp.Context, e goapp.Event) {
					st := c.St
					st.At = time.Now().In(calendar.Beijing).Truncate(time.Minute).Format(time.RFC3339)
					st.Now = ""
					c.navigate(ctx, st)
				}),
			whenHint("at", c.atBad, lang),
		),
		el("div").Class("field").Body(
			el("label").Attr("for", "tz").Text(tr(lang, "另显示时区", "Also show time in")),
			el("select").ID("tz").OnChange(func(ctx goapp.Context, e goapp.Event) {
				st := c.St
				st.TZ = ctx.JSSrc().Get("value").String()
				if st.TZ == "Asia/Shanghai" {
					st.TZ = ""
				}
				c.navigate(ctx, st)
			}).Body(goapp.Range(zones).Slice(func(i int) goapp.UI {
				z := zones[i]
				label := z
				if z == "Asia/Shanghai" {
					label = tr(lang, "仅北京时间", "Beijing time only")
				}
				return el("option").Attr("value", z).Attr("selected", c.zone == z || c.zone == "" && z == "Asia/Shanghai").Text(label)
			})),
		),
	)
}

// effectNames are the names of effects in the interface language.
func effectNames(slugs []string, lang string) []string {
	return entryNames(cat.Effects, slugs, lang)
}

// entryNames are the names of catalogue entries in the interface language;
// a slug the table does not have stays as it is.
func entryNames(table []catalogue.Entry, slugs []string, lang string) []string {
	var out []string
	for _, s := range slugs {
		if e, ok := catalogue.Find(table, s); ok {
			out = append(out, e.Name.In(htmlLang(lang)))
		} else {
			out = append(out, s)
		}
	}
	return out
}
