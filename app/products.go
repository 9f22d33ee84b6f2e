package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/clauses/catalogue"
)

// productsPage is "/products": every product of the catalogue, by document.
type productsPage struct{ page }

func (v *productsPage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	v.ready(ctx, tr(v.St.Lang, "产品 · 阿里云协议义务查询", "Products · Alibaba Cloud obligations explorer"))
}

func (v *productsPage) Render() goapp.UI {
	return v.shell(v.heading("产品", "Products"), v.productList())
}

// productList lists every product, grouped by the document it comes from.
func (p *page) productList() goapp.UI {
	lang := p.St.Lang
	return goapp.Range(cat.Documents).Slice(func(i int) goapp.UI {
		d := cat.Documents[i]
		var prods []catalogue.Product
		for _, pr := range cat.Products {
			if pr.Doc == d.ID {
				prods = append(prods, pr)
			}
		}
		return goapp.Section().Body(
			goapp.H2().Text(d.Title.In(htmlLang(lang))),
			goapp.Ul().Class("products").Body(goapp.Range(prods).Slice(func(j int) goapp.UI {
				pr := prods[j]
				return goapp.Li().Body(p.link("/products/"+pr.Slug, carry(p.St)).Text(productName(pr, lang)))
			})),
		)
	})
}

// productPage is "/products/<slug>".
type productPage struct {
	page
	product catalogue.Product
	found   bool
}

func (v *productPage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	slug := strings.TrimPrefix(v.Route, "/products/")
	v.product, v.found = cat.Product(slug)
	title := tr(v.St.Lang, "未知产品", "Unknown product")
	if v.found {
		title = productName(v.product, v.St.Lang)
	} else {
		v.alert("没有名为“"+shortSlug(slug)+"”的产品。请从下面的列表中选择。", "There is no product called “"+shortSlug(slug)+"”. Pick one from the list below.")
	}
	v.ready(ctx, title+tr(v.St.Lang, " · 阿里云协议义务查询", " · Alibaba Cloud obligations explorer"))
}

func (v *productPage) Render() goapp.UI {
	lang := v.St.Lang
	if !v.found {
		return v.shell(v.heading("产品", "Products"), v.productList())
	}
	p := v.product
	d, _ := cat.Document(p.Doc)
	source := d.Title.In(htmlLang(lang))
	if p.Section != "-" {
		source += tr(lang, " 专用说明 第", " product-specific terms §") + strings.TrimPrefix(p.Section, "special-") + tr(lang, "条", "")
	}
	return v.shell(
		goapp.H1().Body(
			goapp.Span().Lang("zh").Text(p.Name.Zh),
			goapp.If(lang != "zh", func() goapp.UI {
				return goapp.Span().Class("alt-name").Lang("en").Text(p.Name.En)
			}),
		),
		goapp.P().Body(
			goapp.Text(tr(lang, "出处：", "Source: ")),
			v.link("/docs/"+p.Doc, carry(v.St)).Text(source),
		),
		v.coming("该产品的计费方式、事件和生命周期条款表。", "this product's billing modes, events and lifecycle clauses."),
	)
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
