package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// comparePage is "/compare": products side by side on one point.
type comparePage struct{ page }

func (v *comparePage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	if v.St.Point != "" {
		if _, ok := cat.Point(v.St.Point); !ok {
			v.alert("没有名为“"+v.St.Point+"”的对比项。", "There is no compare point called “"+v.St.Point+"”.")
		}
	}
	v.ready(ctx, tr(v.St.Lang, "对比 · 阿里云协议义务查询", "Compare · Alibaba Cloud obligations explorer"))
}

func (v *comparePage) Render() goapp.UI {
	lang := v.St.Lang
	return v.shell(
		v.heading("对比", "Compare"),
		goapp.P().Text(tr(lang, "可对比的要点：", "Points to compare:")),
		goapp.Ul().Body(goapp.Range(cat.Points).Slice(func(i int) goapp.UI {
			return goapp.Li().Text(cat.Points[i].Name.In(htmlLang(lang)))
		})),
		v.coming("按上述要点对比各产品的矩阵。", "the matrix comparing products on these points."),
	)
}
