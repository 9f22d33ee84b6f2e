package export

import (
	"fmt"
	"strings"
	"time"

	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

// Text returns the timeline as plain text for a ticket or an email ("copy
// as text"): the event, each milestone with its time, what happens, who
// acts and the clause with its words, then the rules that state no period,
// any late fee, and the provenance.
func Text(res lifecycle.Result, o Options) string {
	var b strings.Builder
	b.WriteString(o.header(res))
	b.WriteString("\n")
	n := 0
	var untimed []lifecycle.Milestone
	for _, m := range res.Milestones {
		if !m.Timed {
			untimed = append(untimed, m)
			continue
		}
		n++
		fmt.Fprintf(&b, "\n%d. %s%s%s\n", n, o.label(model.BoundNames, m.Bound), o.tr("：", ": "), o.when(m))
		b.WriteString("   " + o.text(m.Rule.Says) + "\n")
		for _, l := range o.details(m) {
			b.WriteString("   " + l + "\n")
		}
	}
	if n == 0 && len(untimed) == 0 {
		b.WriteString("\n" + o.tr("所选条款没有从该事件起算的规则。", "The chosen terms have no rule that starts from this event.") + "\n")
	}
	if len(untimed) > 0 {
		b.WriteString("\n" + o.tr("文本未规定期限（不推算时刻）：", "No period stated in the text (no instant computed):") + "\n")
		for _, m := range untimed {
			b.WriteString("- " + o.text(m.Rule.Says) + "\n")
			for _, l := range o.details(m) {
				b.WriteString("  " + l + "\n")
			}
		}
	}
	if len(res.Replaced) > 0 {
		b.WriteString("\n" + o.tr("被产品条款替代的通用规则（通用条款第14.4.1条：专用说明优先）：",
			"General rules replaced by product terms (general term 14.4.1: product-specific terms prevail):") + "\n")
		for _, r := range res.Replaced {
			gen, by := o.Citation(r.General.Doc, r.General.Clause, ""), o.Citation(r.By.Doc, r.By.Clause, "")
			b.WriteString("- " + o.productName(r.Product) + o.tr("："+gen+" 由 "+by+" 替代", ": "+gen+" is replaced by "+by) + "\n")
		}
	}
	if len(o.Fees) > 0 {
		b.WriteString("\n" + o.tr("违约金：", "Late fee:") + "\n")
		for _, f := range o.Fees {
			b.WriteString("- " + FeeText(f, o.Lang) + "\n")
			b.WriteString("  " + o.tr("出处：", "Source: ") + o.Citation(f.Rule.Doc, f.Rule.Clause, f.Rule.Quote) + "\n")
		}
	}
	b.WriteString("\n—\n" + o.provenance(res) + "\n")
	return b.String()
}

// FeeText explains a computed late fee in one line: up to when, the sum,
// how the days were counted, and whether it is a right rather than an
// automatic charge.
func FeeText(f lifecycle.Fee, lang string) string {
	o := Options{Lang: lang}
	return o.tr("截至"+BeijingTime(f.To, lang)+"：", "Up to "+BeijingTime(f.To, lang)+": ") + FeeExplain(f, lang)
}

// FeeExplain is FeeText without "up to when", for a page that shows it
// next to the fee already.
func FeeExplain(f lifecycle.Fee, lang string) string {
	o := Options{Lang: lang}
	rate := lifecycle.PercentText(f.RatePPM)
	var s string
	if f.Days == 0 {
		s = o.tr("尚未产生（自"+BeijingTime(f.Start, lang)+"起计）", "none yet (counted from "+BeijingTime(f.Start, lang)+")")
	} else {
		s = o.tr(
			fmt.Sprintf("%s × %s × %d 天 = %s", f.Amount, rate, f.Days, f.Fee),
			fmt.Sprintf("%s × %s × %d %s = %s", f.Amount, rate, f.Days, plural(f.Days, "day"), f.Fee))
	}
	switch {
	case f.Count == lifecycle.CountCalendarDays:
		s += o.tr(
			fmt.Sprintf("。按北京时间日历日计：自%s（含当日）起，每日开始即计一日。", dateText(f.Start, lang)),
			fmt.Sprintf(". Counted in Beijing calendar days from %s, that day included; a day counts once it has begun.", dateText(f.Start, lang)))
	case !f.StartStated:
		s += o.tr(
			"。条款未规定起算时间：此处自事件时刻起，按满24小时的自然日计。",
			". The clause states no start: counted here in whole natural days (24 hours) from the event.")
	default:
		s += o.tr("。按满24小时的自然日计。", ". Counted in whole natural days (24 hours).")
	}
	s += o.tr("金额四舍五入到分，币种同欠费账单。", " Rounded to the cent, in the currency of the overdue bill.")
	if f.Right {
		s += o.tr(
			" 这是条款给予阿里云的权利（可以主张），并非自动收取的费用。",
			" This is a right the clause gives Alibaba Cloud (it may claim it), not an automatic charge.")
	}
	return s
}

func dateText(t time.Time, lang string) string {
	return calendar.DateText(t, lang)
}

func plural(n int, unit string) string {
	if n == 1 {
		return unit
	}
	return unit + "s"
}

// says is a rule's text in the export's language (for callers).
func (o Options) Says(r *model.Rule) string { return o.text(r.Says) }
