package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// coming says plainly that a view is not built yet; nothing fake is shown.
func (p *page) coming(zh, en string) goapp.UI {
	return el("p").Class("coming").Text(tr(p.St.Lang, "尚在建设中："+zh, "Coming: "+en))
}

// heading renders a view's <h1>.
func (p *page) heading(zh, en string) goapp.UI {
	return goapp.H1().Text(tr(p.St.Lang, zh, en))
}
