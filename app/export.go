package app

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
	"obligations-explorer/clauses/export"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

// exported is the export of the timeline on screen: its calendar file (and
// the data: URL that holds it), its text, and its late fees. It is built
// once per state and "now" and reused while the page re-renders (typing in
// the product search re-renders, and must not make a new file each time).
// One calculator page is shown at a time, so one is enough.
var exported struct {
	result   *lifecycle.Result // what it was built for last
	key      string
	href     string // the calendar file as a data: URL
	textOf   func() string
	text     string // made by exportText when first needed
	textDone bool
	textOpen bool // "show as text" is open
	filename string
	events   int
	fees     []lifecycle.Fee
	feeErr   string // amount= could not be read
	remind   []time.Duration
	badRem   []string
	link     string
	copied   string // "", "ok" or "failed": the last "copy as text"
	// reminders are the links of reminderChoices and whether each is
	// the one in effect.
	reminders []reminderLink
}

// origin is what makes an explorer link absolute: the page's origin in the
// browser, nothing while prerendering (links stay relative).
func origin() string {
	if !goapp.IsClient {
		return ""
	}
	return goapp.Window().Get("location").Get("origin").String()
}

// exportText is the timeline as text, made the first time it is needed:
// most recomputes never copy it.
func exportText() string {
	if !exported.textDone && exported.textOf != nil {
		exported.text, exported.textDone = exported.textOf(), true
	}
	return exported.text
}

// prepareExport builds what exports() shows, when the state changed.
func (c *calculatorPage) prepareExport() {
	if c.result != nil && exported.result == c.result {
		// Built for this very compute, whose inputs it follows from:
		// every render after a compute finds it so, without making the
		// link and key again. (exported holds the result, so no later
		// one can be given its address.)
		return
	}
	exported.result = c.result
	st := c.St
	st.Embed = false
	origin := origin()
	link := origin + Link("/", st)
	key := link + "|" + c.now.Format(time.RFC3339Nano) + "|" + Version
	if exported.key == key {
		return
	}
	exported.key, exported.link, exported.href, exported.copied = key, link, "", ""
	exported.remind, exported.badRem = export.ParseReminders(c.St.Remind)
	exported.reminders = make([]reminderLink, len(reminderChoices))
	for i, ch := range reminderChoices {
		st := c.St
		st.Remind = ch.value
		st.Embed = false // as page.link makes it; linkTo adds target=_top in an embed
		// Current is the choice whose reminders the file has, which is
		// what remind= asked for less the items it could not use (named
		// in the alert), in any order.
		chosen, _ := export.ParseReminders(ch.value)
		exported.reminders[i] = reminderLink{href: Link("/", st), current: sameDurations(chosen, exported.remind)}
	}
	exported.fees, exported.feeErr = nil, ""
	if c.St.Amount != "" {
		if amount, err := lifecycle.ParseAmount(c.St.Amount); err != nil {
			exported.feeErr = tr(c.St.Lang,
				"金额“"+state.Shorten(c.St.Amount)+"”无效：请输入正数，最多两位小数，例如 1234.56。",
				"The amount “"+state.Shorten(c.St.Amount)+"” is not valid: enter a positive number with at most two decimals, such as 1234.56.")
		} else {
			for _, r := range c.lateFeeRules() {
				if f, err := lifecycle.LateFee(r, amount, c.at, c.now); err == nil {
					exported.fees = append(exported.fees, f)
				}
			}
		}
	}
	carried := carry(c.St)
	carried.Embed = false
	o := export.Options{
		Lang: c.St.Lang, Event: c.St.Event, At: c.at, Link: link, Version: Version,
		Generated: c.now, Reminders: exported.remind, Fees: exported.fees, Catalogue: cat,
		ClauseURL: func(doc, clause string) string { return origin + Link("/docs/"+doc+"#"+clause, carried) },
	}
	exported.events = 0
	for _, m := range c.result.Milestones {
		if m.Timed {
			exported.events++
		}
	}
	ics := export.ICS(*c.result, o)
	res := *c.result
	exported.textOf, exported.text, exported.textDone = func() string { return export.Text(res, o) }, "", false
	exported.filename = export.Filename(c.result.Products, c.St.Event, c.at)
	// A data: URL, not a blob: one: registering a blob with the browser
	// cost every recompute milliseconds, and there is nothing to revoke
	// when the page changes.
	exported.href = "data:text/calendar;charset=utf-8;base64," + base64.StdEncoding.EncodeToString([]byte(ics))
}

// lateFeeRules are the timeline's rules that set a daily late fee counted
// from the event itself, each once.
func (c *calculatorPage) lateFeeRules() []*model.Rule {
	if c.result == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []*model.Rule
	for _, m := range c.result.Milestones {
		r := m.Rule
		if !lifecycle.IsLateFee(r) || r.AfterRule != "" || len(r.Readings) > 0 || seen[r.Doc+"#"+r.ID] {
			continue
		}
		seen[r.Doc+"#"+r.ID] = true
		out = append(out, r)
	}
	return out
}

// exports renders the export tools under the status line: the calendar
// file, reminders, copy as text, the late fee, and where it all comes from.
func (c *calculatorPage) exports() goapp.UI {
	if c.result == nil || !c.computed {
		return nil
	}
	lang := c.St.Lang
	c.prepareExport()
	ex := &exported
	return el("section").Class("exports").Attr("aria-label", tr(lang, "导出与分享", "Export and share")).Body(
		el("div").Class("export-tools").Body(
			c.calendarLink(),
			c.reminderChoice(),
			c.copyText(),
		),
		goapp.If(len(ex.badRem) > 0, func() goapp.UI {
			return el("p").Class("inline-alert").Role("alert").Text(tr(lang,
				"无法使用的提醒：“"+state.Shorten(strings.Join(ex.badRem, ","))+"”。可用：如 1d（提前1天）、1h、30m、1w，最多4项，最长4周。",
				"Reminders that could not be used: “"+state.Shorten(strings.Join(ex.badRem, ","))+"”. Use e.g. 1d (1 day before), 1h, 30m, 1w; at most 4, up to 4 weeks."))
		}),
		c.lateFee(),
		c.exportProvenance(),
	)
}

// calendarLink is the download of the calendar file (DESIGN §4: an
// <a download="….ics"> whose href holds the file once the page is ready).
func (c *calculatorPage) calendarLink() goapp.UI {
	lang := c.St.Lang
	ex := &exported
	a := el("a").Class("button ics").Attr("download", ex.filename).Attr("data-export", "ics").
		Text(tr(lang, "下载日历文件（.ics）", "Download calendar (.ics)"))
	if ex.href != "" {
		a = a.Attr("href", ex.href)
	}
	return el("div").Class("export-item").Body(
		a,
		el("span").Class("hint").Text(tr(lang,
			strconv.Itoa(ex.events)+" 个事件，每个里程碑一个；未规定期限的规则不在其中。",
			strconv.Itoa(ex.events)+" "+pluralWord(ex.events, "event", "events")+", one per milestone; rules that state no period are not in it.")),
	)
}

type reminderLink struct {
	href    string
	current bool
}

// reminderChoices are the reminders offered as links (remind=).
var reminderChoices = []struct {
	value  []string
	zh, en string
}{
	{nil, "不提醒", "No reminder"},
	{[]string{"1d"}, "提前1天", "1 day before"},
	{[]string{"1h"}, "提前1小时", "1 hour before"},
	{[]string{"1d", "1h"}, "提前1天和1小时", "1 day and 1 hour before"},
}

func (c *calculatorPage) reminderChoice() goapp.UI {
	lang := c.St.Lang
	return el("div").Class("export-item reminders").Body(
		el("span").ID("remind-label").Class("label").Text(tr(lang, "日历提醒：", "Calendar reminders: ")),
		el("ul").Class("choices").Attr("aria-labelledby", "remind-label").Body(goapp.Range(reminderChoices).Slice(func(i int) goapp.UI {
			ch, made := reminderChoices[i], exported.reminders[i]
			a := c.linkTo(made.href).Attr("data-remind", strings.Join(ch.value, ",")).Text(tr(lang, ch.zh, ch.en))
			if made.current {
				a = a.Attr("aria-current", "true")
			}
			return el("li").Body(a)
		})),
	)
}

// sameDurations says whether a and b hold the same durations, in any order
// (neither holds one twice: ParseReminders drops repeats).
func sameDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for _, d := range a {
		if !slices.Contains(b, d) {
			return false
		}
	}
	return true
}

// copyText is "copy as text": the clipboard when the browser allows it,
// otherwise the text shown selected in a box to copy by hand.
func (c *calculatorPage) copyText() goapp.UI {
	lang := c.St.Lang
	ex := &exported
	status := ""
	switch ex.copied {
	case "ok":
		status = tr(lang, "已复制到剪贴板。", "Copied to the clipboard.")
	case "failed":
		status = tr(lang, "浏览器不允许写入剪贴板：请从下面的文本框复制（已全选）。", "The browser does not allow writing to the clipboard: copy from the box below (it is selected).")
	}
	return el("div").Class("export-item copy").Body(
		el("button").Attr("type", "button").Class("secondary").Attr("data-export", "copy").
			Text(tr(lang, "复制为文本", "Copy as text")).
			OnClick(c.onCopy),
		el("span").Class("copy-status").Role("status").Text(status),
		el("details").Class("as-text").Attr("open", ex.copied == "failed").
			On("toggle", func(ctx goapp.Context, e goapp.Event) {
				exported.textOpen = ctx.JSSrc().Get("open").Bool()
			}).
			Body(
				el("summary").Text(tr(lang, "以文本显示（用于工单或邮件）", "Show as text (for a ticket or an email)")),
				// The text is made and drawn only when the box is open.
				goapp.If(ex.textOpen || ex.copied == "failed", func() goapp.UI {
					return el("textarea").ID("export-text").Attr("readonly", true).Attr("rows", 14).
						Attr("aria-label", tr(lang, "时间线文本", "Timeline as text")).Attr("value", exportText())
				}),
			),
	)
}

func (c *calculatorPage) onCopy(ctx goapp.Context, e goapp.Event) {
	text := exportText()
	key := exported.key
	fail := func(ctx goapp.Context) {
		if exported.key != key {
			return
		}
		exported.copied = "failed"
		ctx.Defer(func(goapp.Context) {
			if ta := goapp.Window().GetElementByID("export-text"); ta.Truthy() {
				ta.Call("focus")
				ta.Call("select")
			}
		})
	}
	clip := goapp.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		fail(ctx)
		return
	}
	var ok, bad goapp.Func
	release := func() { ok.Release(); bad.Release() }
	ok = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		ctx.Dispatch(func(ctx goapp.Context) {
			if exported.key == key {
				exported.copied = "ok"
			}
		})
		release()
		return nil
	})
	bad = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		ctx.Dispatch(fail)
		release()
		return nil
	})
	clip.Call("writeText", text).Call("then", ok, bad)
}

// lateFee: where the timeline has a rule that sets a late fee, an amount
// field (amount=) and the fee it gives up to now, with its clause and
// whether it is a right rather than an automatic charge.
func (c *calculatorPage) lateFee() goapp.UI {
	rules := c.lateFeeRules()
	if len(rules) == 0 {
		return nil
	}
	lang := c.St.Lang
	ex := &exported
	submit := func(ctx goapp.Context) {
		v := strings.TrimSpace(goapp.Window().GetElementByID("amount").Get("value").String())
		if v == c.St.Amount {
			return
		}
		st := c.St
		st.Amount = v
		c.navigate(ctx, st)
	}
	return el("div").Class("latefee").Attr("data-latefee", "true").Body(
		el("h3").Text(tr(lang, "逾期违约金", "Late fee")),
		el("form").Class("amount").OnSubmit(func(ctx goapp.Context, e goapp.Event) {
			e.PreventDefault()
			submit(ctx)
		}).Body(
			el("label").Attr("for", "amount").Text(tr(lang, "欠费金额（与账单同一币种）", "Overdue amount (in the currency of the bill)")),
			voidEl("input").Attr("type", "text").ID("amount").Attr("inputmode", "decimal").Attr("autocomplete", "off").
				Attr("placeholder", tr(lang, "例如 1234.56", "e.g. 1234.56")).Attr("value", c.St.Amount).
				OnChange(func(ctx goapp.Context, e goapp.Event) { submit(ctx) }),
			el("button").Attr("type", "submit").Text(tr(lang, "计算", "Compute")),
		),
		goapp.If(ex.feeErr != "", func() goapp.UI {
			return el("p").Class("inline-alert").Role("alert").Text(ex.feeErr)
		}),
		goapp.If(c.St.Amount == "", func() goapp.UI {
			return el("p").Class("hint").Text(tr(lang,
				"输入欠费金额，计算截至当前时间的违约金；金额会写入链接（amount=）。",
				"Enter the overdue amount to compute the late fee up to now; it is written into the link (amount=)."))
		}),
		el("ul").Class("fees").Body(goapp.Range(rules).Slice(func(i int) goapp.UI {
			r := rules[i]
			li := el("li").Attr("data-fee-rule", r.ID)
			var fee *lifecycle.Fee
			for j := range ex.fees {
				if ex.fees[j].Rule == r {
					fee = &ex.fees[j]
				}
			}
			return li.Body(
				el("p").Class("says").Text(r.Says.In(htmlLang(lang))),
				goapp.If(fee != nil, func() goapp.UI {
					return el("p").Class("fee").Body(
						el("strong").Attr("data-fee", fee.Fee.String()).Text(tr(lang, "违约金：", "Late fee: ")+fee.Fee.String()),
						goapp.Text(tr(lang, "（截至 ", " (up to ")),
						el("time").Attr("datetime", machineTime(fee.To)).Text(beijingTime(fee.To, lang)),
						goapp.Text(tr(lang, "）", ")")),
					)
				}),
				goapp.If(fee != nil, func() goapp.UI {
					return el("p").Class("how").Text(export.FeeExplain(*fee, htmlLang(lang)))
				}).ElseIf(r.Modality == "may", func() goapp.UI {
					return el("p").Class("right").Text(tr(lang,
						"这是条款给予阿里云的权利（可以主张），并非自动收取的费用。",
						"This is a right the clause gives Alibaba Cloud (it may claim it), not an automatic charge."))
				}),
				el("div").Class("cites").Body(c.cite(r.Doc, r.Clause, r.Quote)),
			)
		})),
	)
}

// exportProvenance says where the exports come from: the link
// that reproduces the page, when it was generated, the rules version.
func (c *calculatorPage) exportProvenance() goapp.UI {
	lang := c.St.Lang
	ex := &exported
	return el("p").Class("provenance").Body(
		el("span").Text(tr(lang, "重现此时间线的链接：", "Link that reproduces this timeline: ")),
		el("a").Class("repro").Attr("href", ex.link).Text(ex.link),
		el("span").Text(tr(lang, " · 生成时间：", " · Generated: ")),
		el("time").Attr("datetime", machineTime(c.now)).Text(beijingTime(c.now, lang)),
		el("span").Text(tr(lang, " · 规则版本：", " · Rules version: ")+Version),
	)
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
