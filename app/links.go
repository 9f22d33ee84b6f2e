package app

import (
	"net/url"
	"strings"
	"sync"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
)

// The site may live under a sub-path (make dist BASE=/explorer/). go-app
// prefixes links only while prerendering and resolves only /web/ paths in the
// browser, so every link in the explorer goes through Link, which knows the
// base in both places.
var (
	basePath string
	baseOnce sync.Once
)

// SetBase sets the sub-path the site is published under ("" or "/explorer").
// The build program calls it before prerendering; in the browser the base
// comes from go-app's GOAPP_ROOT_PREFIX, which the build sets to the same.
func SetBase(b string) {
	baseOnce.Do(func() {})
	basePath = strings.TrimRight(b, "/")
}

// Base returns the sub-path without a trailing slash ("" at the root).
func Base() string {
	baseOnce.Do(func() {
		if goapp.IsClient {
			basePath = strings.TrimRight(goapp.Getenv("GOAPP_ROOT_PREFIX"), "/")
		}
	})
	return basePath
}

// Link builds the href of an explorer view: base + path + the state's query.
func Link(path string, st state.State) string {
	if path == "" || path[0] != '/' {
		path = "/" + path
	}
	frag := ""
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path, frag = path[:i], path[i:]
	}
	href := Base() + path
	if q := st.Encode(); q != "" {
		href += "?" + q
	}
	return href + frag
}

// routePath strips the base from a browser path, giving the route ("/docs/x").
func routePath(p string) string {
	b := Base()
	if b != "" && strings.HasPrefix(p, b) {
		p = strings.TrimPrefix(p, b)
	}
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	return p
}

// carry is the part of a state that follows the user from view to view.
func carry(st state.State) state.State {
	return state.State{Lang: st.Lang, Embed: st.Embed}
}

// reportLink is the "report a problem with this rule" link of a rule.
func (p *page) reportLink(ruleID string) goapp.UI {
	lang := p.St.Lang
	text := tr(lang, "报告此规则的问题", "Report a problem with this rule")
	if ReportURL != "" {
		href := strings.ReplaceAll(ReportURL, "{rule}", url.QueryEscape(ruleID))
		return el("a").Class("report").Attr("href", href).Attr("target", "_blank").Attr("rel", "noopener noreferrer").Text(text)
	}
	st := carry(p.St)
	st.Extra = url.Values{"rule": {ruleID}}
	return p.link("/about#report", st).Class("report").Text(text)
}
