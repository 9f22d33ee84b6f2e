package app

import (
	"strconv"
	"strings"
	"sync"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

// productsPage is "/products": every product of the catalogue, searchable by
// its Chinese or English name. The search box is not part of the link, but
// a link with q= opens the page filtered.
type productsPage struct {
	page
	filter string
}

// OnInit reads the start-up link before the first render (see startURL).
func (v *productsPage) OnInit() {
	if v.startURL() != nil {
		v.filter = v.St.Query
	}
}

func (v *productsPage) OnNav(ctx goapp.Context) {
	if !v.alreadyRendered(ctx) {
		v.readURL(ctx)
		v.filter = v.St.Query
	}
	v.ready(ctx, tr(v.St.Lang, "产品 · 阿里云协议义务查询", "Products · Alibaba Cloud obligations explorer"))
}

func (v *productsPage) Render() goapp.UI {
	lang := v.St.Lang
	n := len(matchProducts(v.filter))
	return v.shell(
		v.heading("产品", "Products"),
		el("p").Class("lead").Text(tr(lang,
			"《阿里云产品服务协议》专用说明中的各产品，以及有单独协议的产品。点击产品查看其计费方式和生命周期期限。",
			"The products of the Product Service Agreement's product-specific terms, and the products with an agreement of their own. Pick one to see its billing modes and lifecycle periods.")),
		el("div").Class("product-filter").Attr("role", "search").Body(
			el("label").Attr("for", "product-filter").Text(tr(lang, "按中文或英文名称筛选", "Filter by Chinese or English name")),
			voidEl("input").Attr("type", "search").ID("product-filter").Attr("value", v.filter).
				Attr("placeholder", tr(lang, "例如：日志服务、RDS、DNS", "e.g. Log Service, RDS, DNS")).
				Attr("autocomplete", "off").
				OnInput(func(ctx goapp.Context, e goapp.Event) {
					v.filter = ctx.JSSrc().Get("value").String()
				}),
			el("p").Class("count").Attr("aria-live", "polite").Attr("data-count", n).Text(countText(n, lang)),
		),
		v.productGroups(v.filter),
	)
}

func countText(n int, lang string) string {
	switch {
	case n == 0:
		return tr(lang, "没有匹配的产品。", "No product matches.")
	case n == 1:
		return tr(lang, "1 个产品", "1 product")
	}
	return tr(lang, strconv.Itoa(n)+" 个产品", strconv.Itoa(n)+" products")
}

// productList lists every product, grouped (see productGroups).
func (p *page) productList() goapp.UI {
	return p.productGroups("")
}

// ownPeriods counts, per product, its own rules that state a period: what
// sorts the Product Service Agreement's products into those with deadlines
// of their own and those left to the general terms.
var (
	ownOnce    sync.Once
	ownPeriods map[string]int
)

func ownPeriodCount(slug string) int {
	ownOnce.Do(func() {
		ownPeriods = map[string]int{}
		calc, _, err := calculator()
		if err != nil {
			return
		}
		for _, pr := range cat.Products {
			lc, _ := calc.Lifecycle(pr.Slug)
			for _, r := range lc.Rules {
				if !r.Specific {
					continue
				}
				for _, pd := range r.Periods {
					if pd.Timed() {
						ownPeriods[pr.Slug]++
						break
					}
				}
			}
		}
	})
	return ownPeriods[slug]
}

// matchProducts returns the products whose Chinese or English name (or slug)
// contains the filter, ignoring case and spaces.
func matchProducts(filter string) []catalogue.Product {
	q := fold(filter)
	var out []catalogue.Product
	for _, pr := range cat.Products {
		if q == "" || strings.Contains(fold(pr.Name.Zh), q) || strings.Contains(fold(pr.Name.En), q) || strings.Contains(pr.Slug, q) {
			out = append(out, pr)
		}
	}
	return out
}

func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// productGroups lists the products matching filter in three groups: those
// of the Product Service Agreement whose own terms set periods, the others
// of that agreement (its general terms give their periods), and the products
// with an agreement of their own.
func (p *page) productGroups(filter string) goapp.UI {
	lang := p.St.Lang
	type group struct {
		id, zh, en, hintZh, hintEn string
		items                      []catalogue.Product
	}
	groups := []*group{
		{id: "own-periods", zh: "专用说明规定了期限的产品", en: "Products whose own terms set periods",
			hintZh: "《阿里云产品服务协议》专用说明中为这些产品规定了自己的期限（优先于通用条款）。",
			hintEn: "The Product Service Agreement's product-specific terms give these products periods of their own (they prevail over the general terms)."},
		{id: "general-periods", zh: "适用通用条款期限的产品", en: "Products that follow the general terms",
			hintZh: "这些产品的专用说明没有规定期限；期限来自《阿里云产品服务协议》通用条款。",
			hintEn: "These products' specific terms set no period; their periods come from the Product Service Agreement's general terms."},
		{id: "own-agreement", zh: "有单独协议的产品", en: "Products with an agreement of their own",
			hintZh: "这些产品适用各自的协议，而不是《阿里云产品服务协议》的通用条款。",
			hintEn: "These products follow their own agreement, not the Product Service Agreement's general terms."},
	}
	for _, pr := range matchProducts(filter) {
		switch {
		case pr.Doc != lifecycle.PSA:
			groups[2].items = append(groups[2].items, pr)
		case ownPeriodCount(pr.Slug) > 0:
			groups[0].items = append(groups[0].items, pr)
		default:
			groups[1].items = append(groups[1].items, pr)
		}
	}
	var shown []*group
	for _, g := range groups {
		if len(g.items) > 0 {
			shown = append(shown, g)
		}
	}
	return el("div").Class("product-groups").Body(goapp.Range(shown).Slice(func(i int) goapp.UI {
		g := shown[i]
		return el("section").Class("product-group").Attr("data-group", g.id).Body(
			el("h2").Text(tr(lang, g.zh+"（"+strconv.Itoa(len(g.items))+"）", g.en+" ("+strconv.Itoa(len(g.items))+")")),
			el("p").Class("hint").Text(tr(lang, g.hintZh, g.hintEn)),
			el("ul").Class("products").Body(goapp.Range(g.items).Slice(func(j int) goapp.UI {
				pr := g.items[j]
				return el("li").Attr("data-product", pr.Slug).Body(
					p.link("/products/"+pr.Slug, carry(p.St)).Lang(nameLang(lang)).Text(productName(pr, lang)),
					el("span").Class("alt").Lang(altLang(lang)).Text(" "+altName(pr, lang)),
					goapp.If(pr.Section != "-", func() goapp.UI {
						return el("span").Class("section").Text(" " + displayID(pr.Section, lang))
					}),
				)
			})),
		)
	}))
}

func nameLang(lang string) string {
	if lang == state.LangEn {
		return "en"
	}
	return "zh"
}

func altLang(lang string) string {
	if lang == state.LangEn {
		return "zh"
	}
	return "en"
}

// productPage is "/products/<slug>".
type productPage struct {
	page
	product catalogue.Product
	found   bool
	life    *lifecycle.Lifecycle
}

// OnInit reads the start-up link before the first render (see startURL).
func (v *productPage) OnInit() {
	if v.startURL() != nil {
		v.open()
	}
}

func (v *productPage) OnNav(ctx goapp.Context) {
	if !v.alreadyRendered(ctx) {
		v.readURL(ctx)
		v.open()
	}
	title := tr(v.St.Lang, "未知产品", "Unknown product")
	if v.found {
		title = productName(v.product, v.St.Lang)
	}
	v.ready(ctx, title+tr(v.St.Lang, " · 阿里云协议义务查询", " · Alibaba Cloud obligations explorer"))
}

// open reads which product the address names and its lifecycle.
func (v *productPage) open() {
	slug := strings.TrimPrefix(v.Route, "/products/")
	v.product, v.found = cat.Product(slug)
	v.life = nil
	if !v.found {
		v.alert("没有名为“"+shortSlug(slug)+"”的产品。请从下面的列表中选择。", "There is no product called “"+shortSlug(slug)+"”. Pick one from the list below.")
		return
	}
	if calc, _, err := calculator(); err != nil {
		v.alert("无法读取条款数据："+err.Error(), "The clause data could not be read: "+err.Error())
	} else if lc, ok := calc.Lifecycle(slug); ok {
		v.life = &lc
	}
}

func (v *productPage) Render() goapp.UI {
	lang := v.St.Lang
	if !v.found {
		return v.shell(v.heading("产品", "Products"), v.productList())
	}
	p := v.product
	primary, second := p.Name.Zh, p.Name.En
	pl, sl := "zh", "en"
	if lang == state.LangEn {
		primary, second, pl, sl = p.Name.En, p.Name.Zh, "en", "zh"
	}
	return v.shell(
		goapp.H1().Body(
			el("span").Lang(pl).Text(primary),
			el("span").Class("alt-name").Lang(sl).Text(second),
		),
		el("dl").Class("product-facts").Body(
			el("dt").Text(tr(lang, "出处", "Source")),
			el("dd").Body(v.sourceLink()),
			el("dt").Text(tr(lang, "计费方式", "Billing modes")),
			el("dd").Class("billing").Body(v.billingModes()),
			el("dt").Text(tr(lang, "对比", "Compare")),
			el("dd").Body(v.compareLinks()),
		),
		v.lifecycleTables(),
	)
}

// sourceLink points at the product's section (or its agreement).
func (v *productPage) sourceLink() goapp.UI {
	lang := v.St.Lang
	p := v.product
	d, _ := cat.Document(p.Doc)
	text := d.Title.In(htmlLang(lang))
	route := "/docs/" + p.Doc
	if p.Section != "-" {
		text += " · " + displayID(p.Section, lang)
		route += "#" + p.Section
	}
	return v.link(route, carry(v.St)).Attr("data-source", p.Doc+"#"+p.Section).Text(text)
}

// billingModes lists the billing modes the product's own rules name.
func (v *productPage) billingModes() goapp.UI {
	lang := v.St.Lang
	if v.life == nil || len(v.life.Billing) == 0 {
		return el("span").Class("hint").Text(tr(lang, "其条款未区分计费方式（适用通用条款）。", "Its terms name no billing mode (the general terms apply)."))
	}
	modes := v.life.Billing
	return el("ul").Class("modes").Body(goapp.Range(modes).Slice(func(i int) goapp.UI {
		b := modes[i]
		name := tr(lang, "任意计费方式（条款未区分）", "any billing mode (the terms do not distinguish)")
		if e, ok := catalogue.Find(cat.Billing, b); ok {
			name = e.Name.In(htmlLang(lang))
		}
		return el("li").Attr("data-billing", b).Text(name)
	}))
}

// compareLinks offers the compare points the product's own terms speak to.
func (v *productPage) compareLinks() goapp.UI {
	lang := v.St.Lang
	calc, _, err := calculator()
	if err != nil {
		return nil
	}
	var points []catalogue.Point
	for _, pt := range cat.Points {
		for _, s := range coveredBy(calc, pt) {
			if s == v.product.Slug {
				points = append(points, pt)
				break
			}
		}
	}
	if len(points) == 0 {
		return el("span").Class("hint").Text(tr(lang, "其专用条款未涉及任何对比项。", "Its own terms speak to none of the compare points."))
	}
	return el("ul").Class("modes").Body(goapp.Range(points).Slice(func(i int) goapp.UI {
		pt := points[i]
		return el("li").Body(v.link("/compare", state.State{Lang: v.St.Lang, Point: pt.Slug}).Text(pt.Name.In(htmlLang(lang))))
	}))
}

// eventGroup is the rows of one event.
type eventGroup struct {
	event    string
	rows     []lifecycle.Relative
	specific bool // some row is from the product's own terms
}

func groupByEvent(rules []lifecycle.Relative) []eventGroup {
	var out []eventGroup
	for _, r := range rules {
		if len(out) == 0 || out[len(out)-1].event != r.Root {
			out = append(out, eventGroup{event: r.Root})
		}
		g := &out[len(out)-1]
		g.rows = append(g.rows, r)
		g.specific = g.specific || r.Specific
	}
	return out
}

// lifecycleTables renders the product's rules, grouped by the event they
// count from: events its own terms speak to first, then (folded) the events
// only the general terms speak to, then the general rules it replaces.
func (v *productPage) lifecycleTables() goapp.UI {
	lang := v.St.Lang
	if v.life == nil {
		return nil
	}
	var own, general []eventGroup
	for _, g := range groupByEvent(v.life.Rules) {
		if g.specific {
			own = append(own, g)
		} else {
			general = append(general, g)
		}
	}
	return el("div").Class("lifecycle").Body(
		el("h2").Text(tr(lang, "生命周期", "Lifecycle")),
		el("p").Class("hint").Text(tr(lang,
			"每一行是一条规则：从事件（或其所接续的上一个时刻）起算的期限、届时发生什么、出处条款。具体时刻请在计算器中打开。",
			"Each row is one rule: its period counted from the event (or from the milestone it follows), what happens then, and the clause it comes from. Open the calculator for exact instants.")),
		goapp.If(len(own) == 0, func() goapp.UI {
			return el("p").Class("hint").Text(tr(lang,
				"该产品自己的条款没有从任何事件起算的规则；以下是适用于它的通用条款。",
				"This product's own terms have no rule counted from an event; the general terms below apply to it."))
		}),
		goapp.Range(own).Slice(func(i int) goapp.UI { return v.eventTable(own[i]) }),
		goapp.If(len(general) > 0 && len(own) > 0, func() goapp.UI {
			return el("details").Class("general-events").Body(
				el("summary").Text(tr(lang,
					"仅由通用条款规定的其他事件（"+strconv.Itoa(len(general))+"）",
					"Other events, covered by the general terms only ("+strconv.Itoa(len(general))+")")),
				goapp.Range(general).Slice(func(i int) goapp.UI { return v.eventTable(general[i]) }),
			)
		}).ElseIf(len(general) > 0, func() goapp.UI {
			return el("div").Body(goapp.Range(general).Slice(func(i int) goapp.UI { return v.eventTable(general[i]) }))
		}),
		goapp.If(len(v.life.Replaced) > 0, func() goapp.UI {
			return el("section").Class("replaced").Body(
				el("h3").Text(tr(lang, "被本产品条款替代的通用规则", "General rules replaced by this product's terms")),
				el("ul").Body(goapp.Range(v.life.Replaced).Slice(func(i int) goapp.UI {
					r := v.life.Replaced[i]
					return el("li").Attr("data-replaced", r.General.ID).Body(
						goapp.Text(tr(lang, "通用条款 ", "General term ")),
						v.cite(r.General.Doc, r.General.Clause, r.General.Quote),
						goapp.Text(tr(lang, "（"+r.General.Says.Zh+"）由 ", " ("+r.General.Says.En+") is replaced by ")),
						v.cite(r.By.Doc, r.By.Clause, r.By.Quote),
						goapp.Text(tr(lang, " 替代（通用条款第14.4.1条：专用说明优先）。", " (general term 14.4.1: product-specific terms prevail).")),
						replacedFor(r.By, lang),
					)
				})),
			)
		}),
	)
}

// eventTable renders one event's rows.
func (v *productPage) eventTable(g eventGroup) goapp.UI {
	lang := v.St.Lang
	ev, _ := catalogue.Find(cat.Events, g.event)
	evName := ev.Name.In(htmlLang(lang))
	if evName == "" {
		evName = g.event
	}
	calcState := state.State{Lang: v.St.Lang, Products: []string{v.product.Slug}, Event: g.event}
	return el("section").Class("event-group").ID("event-"+g.event).Attr("data-event", g.event).Body(
		el("div").Class("event-head").Body(
			el("h3").Text(tr(lang, "事件：", "Event: ")+evName),
			v.link("/", calcState).Class("open-calc").Attr("data-calc", g.event).Text(tr(lang, "在计算器中打开 →", "Open in the calculator →")),
		),
		el("table").Class("life").Body(
			el("thead").Body(el("tr").Body(
				el("th").Attr("scope", "col").Text(tr(lang, "期限", "Period")),
				el("th").Attr("scope", "col").Text(tr(lang, "届时", "Then")),
				el("th").Attr("scope", "col").Text(tr(lang, "出处", "Clause")),
			)),
			el("tbody").Body(goapp.Range(g.rows).Slice(func(i int) goapp.UI { return v.lifeRow(g.rows[i]) })),
		),
	)
}

// lifeRow is one rule: its period(s) relative to the anchor, what happens,
// and its clause.
func (v *productPage) lifeRow(r lifecycle.Relative) goapp.UI {
	lang := v.St.Lang
	rule := r.Rule
	tr_ := el("tr").Attr("data-rule", rule.ID).Attr("data-specific", boolAttr(r.Specific))
	if rule.Condition != nil {
		tr_ = tr_.Attr("data-condition", rule.Condition.Slug)
	}
	return tr_.Body(
		el("td").Class("period").Body(
			goapp.Range(r.Periods).Slice(func(i int) goapp.UI {
				pd := r.Periods[i]
				return v.periodLine(r, pd)
			}),
		),
		el("td").Class("then").Body(
			el("p").Class("says").Text(rule.Says.In(htmlLang(lang))),
			el("p").Class("meta").Body(
				termsBadge(r.Specific, lang),
				goapp.Text(" "+tr(lang, "行动方：", "Who: ")+label(model.PartyNames, rule.Party, lang)+tr(lang, "（", " (")+label(model.ModalityNames, rule.Modality, lang)+tr(lang, "）", ")")),
				goapp.If(len(rule.Effects) > 0, func() goapp.UI {
					return goapp.Text(" · " + strings.Join(effectNames(rule.Effects, lang), tr(lang, "、", ", ")))
				}),
			),
			billingLine("meta", rule.Billing, lang),
			goapp.If(rule.Condition != nil, func() goapp.UI {
				return el("p").Class("condition").Text(tr(lang, "条件：", "Condition: ") + condText(rule.Condition, lang))
			}),
			goapp.If(len(r.Replaces) > 0, func() goapp.UI {
				var ids []string
				for _, g := range r.Replaces {
					ids = append(ids, displayID(g.Clause, lang))
				}
				return el("p").Class("meta").Text(tr(lang, "替代通用条款 ", "Replaces general term ") + strings.Join(ids, tr(lang, "、", ", ")))
			}),
			goapp.If(rule.Note != nil, func() goapp.UI {
				return el("p").Class("note").Text(tr(lang, "注：", "Note: ") + rule.Note.In(htmlLang(lang)))
			}),
		),
		el("td").Class("cites").Body(v.cite(rule.Doc, rule.Clause, rule.Quote)),
	)
}

// periodLine shows one reading of a rule's period and what it counts from.
func (v *productPage) periodLine(r lifecycle.Relative, pd lifecycle.Period) goapp.UI {
	lang := v.St.Lang
	bound := pd.Bound
	if !pd.Timed() {
		bound = model.BoundNone
	}
	var from string
	switch {
	case pd.Anchor != nil:
		from = tr(lang, "自“", "after “") + anchorName(pd.Anchor, lang) + tr(lang, "”（", "” (") + displayID(pd.Anchor.Clause, lang) + tr(lang, "）起", ")")
	case pd.Event != "" && pd.Event != r.Root:
		ev, _ := catalogue.Find(cat.Events, pd.Event)
		from = tr(lang, "自事件“"+ev.Name.Zh+"”起", "from the event “"+ev.Name.En+"”")
	}
	line := el("div").Class("period-line bound-"+bound).Attr("data-bound", bound)
	if pd.Reading != "" {
		line = line.Attr("data-reading", pd.Reading)
	}
	return line.Body(
		goapp.If(pd.Reading != "", func() goapp.UI {
			return el("span").Class("reading-label").Text(tr(lang, "读法 ", "Reading ") + pd.Reading + " ")
		}),
		goapp.If(bound != model.BoundNone && bound != model.BoundExact, func() goapp.UI {
			return el("span").Class("bound").Text(label(model.BoundNames, bound, lang) + " ")
		}),
		el("strong").Class("rel").Text(pd.Text(lang)),
		goapp.If(from != "", func() goapp.UI { return el("span").Class("from").Text(from) }),
		goapp.If(pd.Why != nil, func() goapp.UI {
			return el("details").Class("why").Body(
				el("summary").Text(tr(lang, "为何有此读法", "Why this reading")),
				el("p").Text(pd.Why.In(htmlLang(lang))),
			)
		}),
	)
}

// anchorName names the milestone a chained rule counts from by its effects.
func anchorName(r *model.Rule, lang string) string {
	if len(r.Effects) == 0 {
		return r.Says.In(htmlLang(lang))
	}
	return strings.Join(effectNames(r.Effects[:min(2, len(r.Effects))], lang), tr(lang, "、", ", "))
}

// termsBadge marks a rule as the product's own terms or the general terms.
func termsBadge(specific bool, lang string) goapp.UI {
	if specific {
		return el("span").Class("badge terms-specific").Attr("data-terms", "specific").Text(tr(lang, "产品专用条款", "product-specific"))
	}
	return el("span").Class("badge terms-general").Attr("data-terms", "general").Text(tr(lang, "通用条款", "general terms"))
}

// replacedFor says, when the product rule that replaces a general one covers
// some billing modes only, that the replacement holds for those modes and
// the general rule for the others (lifecycle.contextFor); nil otherwise.
func replacedFor(by *model.Rule, lang string) goapp.UI {
	modes := restrictedBilling(by.Billing, lang)
	if modes == "" {
		return nil
	}
	return el("span").Attr("data-replaced-for", strings.Join(by.Billing, ",")).Text(tr(lang,
		"仅限"+modes+"；其他计费方式仍适用该通用规则。",
		" For "+modes+" only; the general rule still applies to other billing modes."))
}

// restrictedBilling names the billing modes a rule is limited to, joined
// for display; "" when it applies to any mode.
func restrictedBilling(slugs []string, lang string) string {
	if len(slugs) == 0 || containsSlug(slugs, "all") {
		return ""
	}
	return strings.Join(billingNames(slugs, lang), tr(lang, "、", ", "))
}

// billingLine is a rule's "Billing: …" line, nil when it applies to any mode.
func billingLine(class string, slugs []string, lang string) goapp.UI {
	modes := restrictedBilling(slugs, lang)
	if modes == "" {
		return nil
	}
	return el("p").Class(class).Text(tr(lang, "计费方式：", "Billing: ") + modes)
}

// billingNames are the names of billing modes in the interface language.
func billingNames(slugs []string, lang string) []string {
	return entryNames(cat.Billing, slugs, lang)
}

// productName is the product's name for the interface language.
func productName(p catalogue.Product, lang string) string {
	if lang == "en" {
		return p.Name.En
	}
	return p.Name.Zh
}

// shortSlug makes a path segment safe to quote in a message.
func shortSlug(s string) string {
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
