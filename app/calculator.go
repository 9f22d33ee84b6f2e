package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// calculatorPage is "/": pick products, billing mode and event, see deadlines.
type calculatorPage struct{ page }

func (c *calculatorPage) OnNav(ctx goapp.Context) {
	c.readURL(ctx)
	c.ready(ctx, tr(c.St.Lang, "期限计算 · 阿里云协议义务查询", "Calculator · Alibaba Cloud obligations explorer"))
}

func (c *calculatorPage) Render() goapp.UI {
	return c.shell(
		c.heading("期限计算", "Deadline calculator"),
		goapp.P().Class("lead").Text(tr(c.St.Lang,
			"选择产品、计费方式和计费事件及其发生时间，查看各方必须或可以做什么，以及每个期限的准确时刻和出处条款。",
			"Pick products, a billing mode and a billing event with the time it happened, and see what each party must or may do, with the exact instant of every deadline and the clause it comes from.")),
		c.coming("计算器与时间线（产品、计费方式、事件、时间）将在条款规则完成后提供。在此之前，请勿依据本站推算任何期限。",
			"the calculator and its timeline (products, billing mode, event, time) arrive with the clause rules. Until then, do not rely on this site for any deadline."),
	)
}
