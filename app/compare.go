package app

import (
	"sort"
	"strings"
	"sync"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

// comparePage is "/compare?point=…&products=…&sort=…&at=…": products side by
// side on one point of catalogue/points.tsv. Each cell is what the
// calculator gives for that product from the point's event, described
// relatively ("+24 h then +7 days") and as the instant it falls on for an
// event at the reference instant.
type comparePage struct {
	page

	point     catalogue.Point
	hasPoint  bool
	ref       time.Time
	rows      []string // product slugs ("all" = general terms), in the user's order
	defaulted bool     // rows are the default set (no products= in the link)
	cells     []lifecycle.Cell
	search    string // product search box (not part of the link)
}

// defaultCompareRef is the reference instant when the link gives none: a
// fixed instant, so that a link always shows the same matrix.
var defaultCompareRef = time.Date(2026, 11, 23, 9, 12, 0, 0, calendar.Beijing)

// Sort orders of the matrix (sort=).
const (
	sortOffset     = "offset"      // shortest first
	sortOffsetDesc = "offset-desc" // longest first
)

// generalRow is the pseudo-product of the general terms alone.
const generalRow = "all"

// OnInit computes the start-up link before the first render (see startURL).
func (v *comparePage) OnInit() {
	if v.startURL() != nil {
		v.compute()
	}
}

func (v *comparePage) OnNav(ctx goapp.Context) {
	if !v.alreadyRendered(ctx) {
		v.readURL(ctx)
		v.compute()
	}
	v.ready(ctx, tr(v.St.Lang, "对比 · 阿里云协议义务查询", "Compare · Alibaba Cloud obligations explorer"))
}

func (v *comparePage) compute() {
	v.hasPoint, v.cells, v.rows, v.defaulted = false, nil, nil, false
	calc, _, err := calculator()
	if err != nil {
		v.alert("无法读取条款数据："+err.Error(), "The clause data could not be read: "+err.Error())
		return
	}
	if v.St.Point != "" {
		v.point, v.hasPoint = cat.Point(v.St.Point)
		if !v.hasPoint {
			v.alert("没有名为“"+v.St.Point+"”的对比项。请从下面的列表中选择。", "There is no compare point called “"+v.St.Point+"”. Pick one from the list below.")
		}
	}
	switch v.St.Sort {
	case "", sortOffset, sortOffsetDesc:
	default:
		v.alert("排序方式“"+v.St.Sort+"”无效，已按所列顺序显示。", "The sort order “"+v.St.Sort+"” is not known; the rows are in the order given.")
		v.St.Sort = ""
	}
	v.ref = defaultCompareRef
	if v.St.At != "" {
		if t, err := parseAt(v.St.At, v.St.TZ); err == nil {
			v.ref = t
		} else {
			v.alert("参考时间“"+state.Shorten(v.St.At)+"”无效或不存在，已改用 "+beijingTime(defaultCompareRef, "zh")+"。",
				"The reference time “"+state.Shorten(v.St.At)+"” is invalid or does not exist; "+beijingTime(defaultCompareRef, "en")+" is used instead.")
			v.St.At = ""
		}
	}
	for _, s := range v.St.Products {
		if _, ok := cat.Product(s); ok || s == generalRow {
			v.rows = append(v.rows, s)
		} else {
			v.alert("没有名为“"+s+"”的产品，已忽略。", "There is no product called “"+s+"”; it was ignored.")
		}
	}
	if !v.hasPoint {
		return
	}
	if len(v.St.Products) == 0 {
		v.rows = append(append([]string{}, coveredBy(calc, v.point)...), generalRow)
		v.defaulted = true
	}
	v.cells = calc.Compare(v.point, v.rows, v.ref)
	sortCells(v.cells, v.St.Sort)
}

// coveredBy caches Calculator.Covered: the products whose own terms speak
// to a point.
var (
	coveredMu    sync.Mutex
	coveredCache = map[string][]string{}
)

func coveredBy(calc *lifecycle.Calculator, pt catalogue.Point) []string {
	coveredMu.Lock()
	defer coveredMu.Unlock()
	if c, ok := coveredCache[pt.Slug]; ok {
		return c
	}
	c := calc.Covered(pt)
	coveredCache[pt.Slug] = c
	return c
}

// sortCells orders the rows: by the earliest instant's offset from the
// reference (shortest or longest first), rows with no period stated next,
// rows not covered last; otherwise as given.
func sortCells(cells []lifecycle.Cell, by string) {
	if by != sortOffset && by != sortOffsetDesc {
		return
	}
	rank := func(c lifecycle.Cell) int {
		switch c.Status {
		case lifecycle.CellTimed:
			return 0
		case lifecycle.CellNoPeriod:
			return 1
		}
		return 2
	}
	sort.SliceStable(cells, func(i, j int) bool {
		a, b := cells[i], cells[j]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		if rank(a) == 0 && a.Offset != b.Offset {
			if by == sortOffsetDesc {
				return a.Offset > b.Offset
			}
			return a.Offset < b.Offset
		}
		return false
	})
}

func (v *comparePage) Render() goapp.UI {
	lang := v.St.Lang
	return v.shell(
		v.heading("对比", "Compare"),
		el("p").Class("lead").Text(tr(lang,
			"选择一个要点（例如“欠费至删除数据”），比较各产品从同一事件起算的期限：相对期限、出处条款，以及在参考时间发生该事件时的具体时刻。",
			"Pick a point (such as “first overdue to data deletion”) and compare products on it: the period counted from the same event, the clauses it comes from, and the instant it falls on for an event at the reference time.")),
		v.form(),
		goapp.If(v.hasPoint, func() goapp.UI { return v.matrix() }).
			Else(func() goapp.UI { return v.pointList() }),
	)
}

// navigate moves to the compare view with a new state.
func (v *comparePage) navigate(ctx goapp.Context, st state.State) {
	ctx.Navigate(Link("/compare", st))
}

func (v *comparePage) form() goapp.UI {
	lang := v.St.Lang
	// An unreadable time in the link was replaced by the default (the alert
	// says so), which the field shows.
	typed := calendar.Typed(v.ref.In(calendar.Beijing))
	return el("form").Class("query compare-query").Attr("role", "search").Attr("aria-label", tr(lang, "对比条件", "What to compare")).
		OnSubmit(func(ctx goapp.Context, e goapp.Event) { e.PreventDefault() }).Body(
		el("div").Class("row").Body(
			el("div").Class("field").Body(
				el("label").Attr("for", "point").Text(tr(lang, "对比项", "Point")),
				el("select").ID("point").OnChange(func(ctx goapp.Context, e goapp.Event) {
					st := v.St
					st.Point = ctx.JSSrc().Get("value").String()
					v.navigate(ctx, st)
				}).Body(
					noChoice(tr(lang, "请选择对比项", "Choose a point"), !v.hasPoint),
					goapp.Range(cat.Points).Slice(func(i int) goapp.UI {
						pt := cat.Points[i]
						return el("option").Attr("value", pt.Slug).Attr("selected", v.hasPoint && v.point.Slug == pt.Slug).Text(pt.Name.In(htmlLang(lang)))
					}),
				),
			),
			el("div").Class("field").Body(
				el("label").Attr("for", "compare-at").Text(tr(lang, "参考时间（北京时间）", "Reference time (Beijing time)")),
				whenField("compare-at", typed, false, func(ctx goapp.Context, at string) {
					st := v.St
					st.At = at
					v.navigate(ctx, st)
				}),
				whenHint("compare-at", false, lang),
			),
		),
		goapp.If(v.hasPoint, func() goapp.UI { return v.picker() }),
	)
}

// rowName names a row: a product, or the general terms.
func rowName(slug, lang string) string {
	if slug == generalRow {
		return tr(lang, "通用条款", "General terms")
	}
	if p, ok := cat.Product(slug); ok {
		return productName(p, lang)
	}
	return slug
}

// picker: the rows as removable chips, a search box to add products, and a
// way back to the default set.
func (v *comparePage) picker() goapp.UI {
	lang := v.St.Lang
	withRows := func(rows []string) state.State {
		st := v.St
		st.Products = rows
		return st
	}
	return el("fieldset").Class("products-pick").Body(
		el("legend").Text(tr(lang, "产品（矩阵的行）", "Products (the rows)")),
		goapp.If(v.defaulted, func() goapp.UI {
			return el("p").Class("hint").Text(tr(lang,
				"默认显示专用条款涉及此要点的产品，以及通用条款。",
				"By default: the products whose own terms speak to this point, and the general terms."))
		}),
		v.page.productPicker(picker{
			inputID: "compare-product-search",
			labelZh: "按中文或英文名称添加产品", labelEn: "Add a product by Chinese or English name",
			chosen:   v.rows,
			search:   &v.search,
			chipName: func(slug string) string { return rowName(slug, lang) },
			navigate: func(ctx goapp.Context, rows []string) { v.navigate(ctx, withRows(rows)) },
		}),
		el("p").Class("pick-actions").Body(
			goapp.If(!containsSlug(v.rows, generalRow), func() goapp.UI {
				return el("button").Attr("type", "button").Class("secondary").Attr("data-add", generalRow).Text(tr(lang, "+ 通用条款", "+ General terms")).
					OnClick(func(ctx goapp.Context, e goapp.Event) {
						v.navigate(ctx, withRows(append(append([]string{}, v.rows...), generalRow)))
					})
			}),
			goapp.If(!v.defaulted, func() goapp.UI {
				return v.link("/compare", withRows(nil)).Class("reset").Text(tr(lang, "恢复默认产品", "Back to the default products"))
			}),
		),
	)
}

// pointList offers every point as a link, with what it measures.
func (v *comparePage) pointList() goapp.UI {
	lang := v.St.Lang
	return el("section").Class("points").Body(
		el("h2").Text(tr(lang, "可对比的要点", "Points to compare")),
		el("ul").Class("point-list").Body(goapp.Range(cat.Points).Slice(func(i int) goapp.UI {
			pt := cat.Points[i]
			st := carry(v.St)
			st.Point = pt.Slug
			return el("li").Attr("data-point", pt.Slug).Body(
				v.link("/compare", st).Text(pt.Name.In(htmlLang(lang))),
				el("span").Class("meta").Text(" — "+pointMeaning(pt, lang)),
			)
		})),
	)
}

// pointMeaning says what a point measures: from which event to which effects.
func pointMeaning(pt catalogue.Point, lang string) string {
	ev, _ := catalogue.Find(cat.Events, pt.FromEvent)
	effects := strings.Join(effectNames(pt.ToEffects, lang), tr(lang, "或", " or "))
	return tr(lang, "自“"+ev.Name.Zh+"”至“"+effects+"”", "from “"+ev.Name.En+"” to “"+effects+"”")
}

func (v *comparePage) matrix() goapp.UI {
	lang := v.St.Lang
	pt := v.point
	sortState := func(s string) state.State {
		st := v.St
		st.Sort = s
		return st
	}
	sortLink := func(s, zh, en string) goapp.UI {
		a := v.link("/compare", sortState(s)).Attr("data-sort", s).Text(tr(lang, zh, en))
		if v.St.Sort == s {
			a = a.Attr("aria-current", "true")
		}
		return a
	}
	ariaSort := "none"
	switch v.St.Sort {
	case sortOffset:
		ariaSort = "ascending"
	case sortOffsetDesc:
		ariaSort = "descending"
	}
	return el("section").Class("compare-matrix").Body(
		el("h2").Text(pt.Name.In(htmlLang(lang))),
		el("nav").Class("sort").Attr("aria-label", tr(lang, "排序", "Sort")).Body(
			el("span").Text(tr(lang, "排序：", "Sort: ")),
			sortLink("", "按所列顺序", "as listed"),
			sortLink(sortOffset, "时长由短到长", "shortest first"),
			sortLink(sortOffsetDesc, "时长由长到短", "longest first"),
		),
		el("div").Class("matrix-wrap").Body(
			el("table").Class("matrix").Attr("data-point", pt.Slug).Body(
				el("caption").Body(
					goapp.Text(tr(lang, "各产品"+pointMeaning(pt, lang)+"的期限。时刻按事件发生于 ", "Each product's period "+pointMeaning(pt, lang)+". Instants for an event at ")),
					el("time").Class("ref").Attr("datetime", machineTime(v.ref)).Text(beijingTime(v.ref, lang)),
					goapp.Text(tr(lang, " 计算。", ".")),
				),
				el("thead").Body(el("tr").Body(
					el("th").Attr("scope", "col").Text(tr(lang, "产品", "Product")),
					el("th").Attr("scope", "col").Attr("aria-sort", ariaSort).Text(pt.Name.In(htmlLang(lang))),
				)),
				el("tbody").Body(goapp.Range(v.cells).Slice(func(i int) goapp.UI { return v.row(v.cells[i]) })),
			),
		),
		goapp.If(len(v.cells) == 0, func() goapp.UI {
			return el("p").Class("hint").Text(tr(lang, "没有要对比的产品：请在上方添加。", "No products to compare: add some above."))
		}),
		el("p").Class("hint legend").Text(tr(lang,
			"“产品专用条款”指该产品的专用说明（或其单独协议）；“通用条款”指《阿里云产品服务协议》通用条款，在产品没有自己的规定时适用。“未规定期限”表示条文提到此事但未给出期限，本站不推算时刻。",
			"“Product-specific” means the product's own terms (its section, or its own agreement); “general terms” means the Product Service Agreement's general terms, which apply where the product has no rule of its own. “No period stated” means the text speaks of it but gives no period; no instant is computed.")),
	)
}

// row is one product: its name, a link to the calculator for the same
// event and instant, and its cell.
func (v *comparePage) row(c lifecycle.Cell) goapp.UI {
	lang := v.St.Lang
	calcState := state.State{Lang: v.St.Lang, Event: v.point.FromEvent, At: machineTime(v.ref)}
	if c.Product != generalRow {
		calcState.Products = []string{c.Product}
	}
	var alt string
	if p, ok := cat.Product(c.Product); ok {
		alt = altName(p, lang)
	} else {
		alt = tr(lang, "（无自身规定的协议产品）", "(products without a rule of their own)")
	}
	td := el("td").Class("cell status-"+c.Status).
		Attr("data-product", c.Product).
		Attr("data-point", c.Point).
		Attr("data-status", c.Status)
	if c.Status == lifecycle.CellTimed {
		td = td.Attr("data-offset", int64(c.Offset/time.Minute)).Attr("data-first", machineTime(c.First))
	}
	return el("tr").Attr("data-product", c.Product).Body(
		el("th").Attr("scope", "row").Body(
			el("span").Class("name").Text(rowName(c.Product, lang)),
			el("span").Class("alt").Text(alt),
			goapp.If(c.Product != generalRow, func() goapp.UI {
				return v.link("/products/"+c.Product, carry(v.St)).Class("product-link").Text(tr(lang, "产品页", "product page"))
			}),
			v.link("/", calcState).Class("open-calc").Attr("data-calc", c.Product).Text(tr(lang, "在计算器中打开", "open in the calculator")),
		),
		td.Body(
			goapp.If(c.Status == lifecycle.CellNotCovered, func() goapp.UI {
				return el("p").Class("not-covered").Text(tr(lang, "没有从该事件起算、涉及此项的规则", "No rule from this event reaches this point"))
			}),
			goapp.If(len(c.Entries) > 0, func() goapp.UI {
				return el("ol").Class("entries").Body(goapp.Range(c.Entries).Slice(func(i int) goapp.UI {
					return v.entry(c, c.Entries[i])
				}))
			}),
		),
	)
}

// entry is one milestone in a cell, with the markers of DESIGN §4.
func (v *comparePage) entry(c lifecycle.Cell, e lifecycle.Entry) goapp.UI {
	lang := v.St.Lang
	r := e.Rule
	li, bound := milestoneItem("entry", r, c.Product, e.Timed, e.Bound, e.Reading, e.Provisional)
	var matched []string
	for _, ef := range r.Effects {
		if containsSlug(v.point.ToEffects, ef) {
			matched = append(matched, ef)
		}
	}
	// each rule of the chain is cited once
	var cited []*model.Rule
	seen := map[string]bool{}
	for _, l := range e.Links {
		if !seen[l.Rule.ID] {
			seen[l.Rule.ID] = true
			cited = append(cited, l.Rule)
		}
	}
	return li.Body(
		el("div").Class("rel-line").Body(
			goapp.If(e.Reading != "", func() goapp.UI {
				return el("span").Class("reading-label").Text(tr(lang, "读法 ", "Reading ") + e.Reading)
			}),
			goapp.If(bound != model.BoundExact && bound != model.BoundNone, func() goapp.UI {
				return el("span").Class("bound").Text(label(model.BoundNames, bound, lang))
			}),
			el("strong").Class("rel").Text(e.Relative(lang)),
			el("span").Class("what").Text(" "+strings.Join(effectNames(matched, lang), tr(lang, "、", ", "))),
		),
		v.entryTime(e, bound),
		goapp.If(r.Condition != nil, func() goapp.UI {
			return el("p").Class("condition").Text(tr(lang, "条件：", "Condition: ") + condText(r.Condition, lang))
		}),
		billingLine("billing", r.Billing, lang),
		goapp.If(e.Reading != "" && e.Why != nil, func() goapp.UI {
			return el("details").Class("why").Body(
				el("summary").Text(tr(lang, "为何有此读法", "Why this reading")),
				el("p").Text(e.Why.In(htmlLang(lang))),
			)
		}),
		el("div").Class("cites").Body(
			termsBadge(e.Specific, lang),
			goapp.Range(cited).Slice(func(i int) goapp.UI {
				return v.cite(cited[i].Doc, cited[i].Clause, cited[i].Quote)
			}),
		),
	)
}

// entryTime renders the entry's instant at the reference: one <time
// datetime>, or a range, or nothing when the text states no period.
func (v *comparePage) entryTime(e lifecycle.Entry, bound string) goapp.UI {
	lang := v.St.Lang
	if !e.Timed {
		return nil
	}
	one := func(t time.Time, attr string) goapp.UI {
		el := el("time").Attr("datetime", machineTime(t)).Text(beijingTime(t, lang))
		if attr != "" {
			el = el.Attr("data-"+attr, machineTime(t))
		}
		return el
	}
	if bound == model.BoundWithinRange {
		return el("p").Class("at").Body(one(e.Start, "start"), goapp.Text(tr(lang, " 至 ", " to ")), one(e.End, "end"))
	}
	return el("p").Class("at").Body(one(e.Instant, ""))
}
