package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
)

// aboutPage is "/about": how deadlines are computed (DESIGN §3), the texts'
// versions, and the disclaimer, in Chinese and English.
type aboutPage struct{ page }

// OnInit reads the start-up link before the first render (see startURL).
func (v *aboutPage) OnInit() { v.startURL() }

func (v *aboutPage) OnNav(ctx goapp.Context) {
	if !v.alreadyRendered(ctx) {
		v.readURL(ctx)
	}
	v.ready(ctx, tr(v.St.Lang, "计算说明 · 阿里云协议义务查询", "How deadlines are computed · Alibaba Cloud obligations explorer"))
}

// convention is one rule of reading, in both languages.
type convention struct {
	zhTitle, enTitle string
	zh, en           string
}

var conventions = []convention{
	{"小时", "Hours",
		"“N小时”：自起算时刻起恰好 N×1 小时。",
		"“N hours” (N小时): exactly N × 1 hour after the anchor instant."},
	{"日、天", "Days",
		"“N日/天”“N日内”“N个自然日”：N×24 小时后的同一时刻。协议在专用说明第2.2条（日志服务）写明了这种计法：“自服务被暂停之日的暂停开始时刻至7日相同时刻为期限届满，下同”；通用条款第14.4.13条规定“日”“天”均为自然日，因此周末和节假日不顺延。“超过N日”在同一时刻发生状态变化。条文写“自…之日起”的，另见下文“一般法律规则”。",
		"“N days” (N日/天, N日内, N个自然日): the same clock time N × 24 hours later. The agreement writes this count out in product-specific terms §2.2 (Log Service): the period expires “at the same moment 7 days after the moment the suspension began”, “the same applies below”; general term 14.4.13 makes every 日/天 a natural day, so weekends and holidays do not move it. “More than N days” changes state at that same instant. Where a clause counts “from the day of” an event, see “The general-law default” below."},
	{"工作日", "Working days",
		"“工作日”：周一至周五，扣除中国法定节假日，加上官方调休上班日（可能是周六或周日）。起算日的次日为第1个工作日；N个工作日的期间在第N个工作日24:00届满，显示为次日00:00。节假日安排尚未公布的年份，页面会注明结果为暂定。",
		"Working days (工作日): Monday to Friday, minus PRC statutory holidays, plus the official make-up working days (调休, which can fall on a Saturday or Sunday). The day after the trigger day is working day 1; a window of N working days closes at 24:00 of the N-th, shown as 00:00 of the next day. For a year whose official holiday schedule is not yet published, the page says the result is provisional."},
	{"月", "Months",
		"“N个月”：N个月后的同日同一时刻；该月没有这一天的，取该月最后一天。",
		"Months (个月): the same day and clock time N months later, clamped to the last day of a shorter month."},
	{"第N个自然日", "Ordinal days",
		"“第N个自然日”：一个日历日区间 [00:00, 24:00)，起算日为第0日。",
		"Ordinal days (第N个自然日, “the fifth natural day”): a calendar-day range [00:00, 24:00), counting the anchor day as day 0."},
	{"提前", "Before",
		"“至少…前N日”“至少提前N个工作日”：起算时刻减去N。由谁行动决定界限的性质：客户的义务（如到期前至少7日续费）是“截止”期限；阿里云在变更前应给予的最短通知期，是对变更生效时间的“不早于”界限。倒数工作日时，起算日前一个工作日为第1日，期限为第N日24:00。",
		"Before (至少…前N日, 至少提前N个工作日): the anchor minus N. Who must act decides the kind of bound: a duty of the customer (pay the renewal at least 7 days before expiry) is a “by” deadline; a minimum notice Alibaba Cloud owes before a change is a “not before” bound on the change. Counting working days backwards, the working day before the anchor day is day 1 and the deadline is 24:00 of day N."},
	{"适用顺序", "Precedence",
		"依通用条款第14.4.1条：订单页面优先于专用说明，专用说明优先于通用条款。产品规则替代通用规则时，页面注明被替代的通用规则及理由；产品规则只写了某些计费方式的（例如只写了按量付费），通用规则对其他计费方式仍然适用。消息服务（MNS）和API网关的服务条款以及两份API使用规范是各自独立的协议，其产品只适用各自文件的规则。",
		"Under general term 14.4.1, order pages prevail over the product-specific terms, which prevail over the general terms. Where a product rule replaces a general rule, the page says which one and why; a product rule written for some billing modes only (pay-as-you-go, say) leaves the general rule in force for the others. The MNS and API Gateway terms and the two API usage specifications are agreements of their own: their products take their rules from their own document only."},
	{"歧义与条件", "Ambiguity and conditions",
		"文本确有两种读法时，页面同时列出两种读法（或其所涵盖的区间）并说明原因。只在特定条件下成立的规则（例如开启自动续费），会标注其条件，绝不悄悄略去；您可在时间线上方的“条件”中勾选对您成立的条件，此后只列出无条件的规则和所勾选条件下的规则。文本只给出界限（例如“通常不短于72个小时”）时，页面如实显示界限，不臆造精确时刻。",
		"Where a sentence honestly reads two ways, the page shows both readings (or the range they span) and says why. A rule that holds only under a condition (auto-renew on, for example) is labelled with its condition, never silently dropped; tick the conditions that hold for you in “Conditions” above the timeline, and only the rules with no condition and those under the ticked ones are listed. Where the text gives only a bound (“usually not less than 72 hours”), the page shows the bound and invents no precision."},
	{"时区", "Time zone",
		"协议文本以北京时间（UTC+8，自1991年起不实行夏令时）为准，计算一律使用固定的 +08:00。浏览者所在时区不同时，会另行显示对应时间。发生时间按“年-月-日 时:分”（24小时制，北京时间）填写，例如 2026-11-23 09:12；带秒的时间、用“/”分隔或以全角数字输入的时间也能读取，按回车或离开输入框即重新计算。",
		"The texts are in Beijing time (UTC+8, no daylight saving since 1991); everything is computed in a fixed +08:00 zone. When your own zone differs, the page shows that time beside it. Type the event's time as year-month-day hour:minute, 24-hour, in Beijing time (2026-11-23 09:12); a time with seconds, with “/” between the parts or in full-width digits is read too. Press Enter or leave the field to recompute."},
	{"生效文本", "Text in force",
		"《阿里云产品服务协议》自2024年5月15日起生效。事件发生在文件生效日之前的，页面会提示当时可能适用更早的文本。",
		"The Product Service Agreement applies from 15 May 2024. For an event dated before a document took effect, the page warns that an earlier text may govern."},
	{"一般法律规则", "The general-law default",
		"《民法典》第二百零一条规定按日计算期间的，开始的当日不计入，自下一日开始计算；第二百零三条规定期间最后一日的截止时间为24时。协议只在专用说明第2.2条（日志服务）写明“同一时刻届满”的计法，未说明它是否适用于其他产品。条文写“自…之日起”的期限，页面给出两种读法：A 同一时刻届满，B 按《民法典》至最后一日24时届满。其余期限只显示同一时刻：它不晚于按《民法典》计算的时刻，据此付款、续费或提出异议不会迟；阿里云的“不早于”权利按《民法典》可能晚于页面所示时刻。条文没有给出期限的，本站不推算期限。",
		"Under Article 201 of the PRC Civil Code, a period counted in days starts on the day after the event, and under Article 203 its last day ends at 24:00. The agreement writes out its “same moment” count only in product-specific terms §2.2 (Log Service) and does not say whether it governs other products. Where a clause counts a period “from the day of” an event (自…之日起), the page shows both readings: A, expiry at the same moment; B, under the Civil Code, at 24:00 of the last day. Elsewhere it shows the same-moment instant only: it is never later than the Civil Code's, so paying, renewing or objecting by it is never late, while a “not before” right of Alibaba Cloud may, under the Civil Code, start later than shown. Where a clause gives no period, this site computes none."},
}

func (v *aboutPage) Render() goapp.UI {
	lang := v.St.Lang
	column := func(l string) goapp.UI {
		return el("div").Class("about-col").Lang(l).Body(
			el("h2").Text(pick(l, "期限如何计算", "How deadlines are computed")),
			goapp.Range(conventions).Slice(func(i int) goapp.UI {
				c := conventions[i]
				return el("section").Body(
					el("h3").Text(pick(l, c.zhTitle, c.enTitle)),
					el("p").Text(pick(l, c.zh, c.en)),
				)
			}),
			el("h2").Text(pick(l, "免责声明", "Disclaimer")),
			el("p").Text(pick(l,
				"本站帮助阅读协议，不构成法律意见。原文为准，译文为非官方译文。错误的日期比没有日期更糟：本站只显示能从原文推出的期限，并注明出处条款。",
				"This site helps you read the agreements; it is not legal advice. The original text prevails and the translations are unofficial. A wrong date is worse than none: the site shows only deadlines that follow from the text, each with the clause it comes from.")),
		)
	}
	return v.shell(
		v.heading("计算说明", "About"),
		goapp.If(lang == state.LangBoth, func() goapp.UI {
			return el("div").Class("side-by-side").Body(column("zh"), column("en"))
		}).Else(func() goapp.UI {
			return column(htmlLang(lang))
		}),
		el("h2").Text(tr(lang, "文本版本", "Versions of the texts")),
		v.documentList(),
		v.reportTemplate(),
	)
}

// reportTemplate is where "report a problem with this rule" links lead by
// default: an issue template to copy, filled in with the rule id.
func (v *aboutPage) reportTemplate() goapp.UI {
	lang := v.St.Lang
	rule := v.St.Extra.Get("rule")
	if !state.IsSlug(rule) {
		rule = tr(lang, "（规则编号）", "(rule id)")
	}
	template := tr(lang,
		"标题：规则 "+rule+" 有误\n规则："+rule+"\n规则版本："+Version+"\n链接：（出现问题的页面链接）\n问题：（哪个时刻或条款不对，依据原文哪句话）\n应为：（你认为正确的结果）",
		"Title: rule "+rule+" is wrong\nRule: "+rule+"\nRules version: "+Version+"\nLink: (the link of the page showing the problem)\nProblem: (which instant or clause is wrong, and which words of the original say so)\nShould be: (what you believe is right)")
	return el("section").ID("report").Body(
		el("h2").Text(tr(lang, "报告规则问题", "Report a problem with a rule")),
		el("p").Text(tr(lang, "请将以下模板复制到项目的问题跟踪系统中并补全：", "Copy this template into the project's issue tracker and fill it in:")),
		el("pre").Class("template").Text(template),
	)
}

// pick chooses between a Chinese and an English text by a content language
// ("zh" or "en"), as opposed to tr, which follows the interface language.
func pick(l, zh, en string) string {
	if l == "en" {
		return en
	}
	return zh
}
