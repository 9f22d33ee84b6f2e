package app

import (
	"slices"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// conditions lets the reader say which conditions hold (if=, DESIGN §4):
// one checkbox per condition the timeline's rules have, ticked for those
// if= names. Until one is ticked every conditional rule is listed with its
// condition; once some are, the rules under the others are left out, as the
// calculator reads if=. Each change is a new link, like the other controls.
func (c *calculatorPage) conditions() goapp.UI {
	res := c.result
	if res == nil || len(res.Conditions) == 0 {
		return nil
	}
	lang := c.St.Lang
	hint := tr(lang,
		"以下条件下的规则目前全部列出，并各自标明条件。勾选对您成立的条件：未勾选条件下的规则随即不再列出。",
		"The rules under these conditions are all listed now, each with its condition. Tick those that hold for you: the rules under the conditions left unticked are then left out.")
	if len(res.If) > 0 {
		hint = tr(lang,
			"时间线只列出无条件的规则和所勾选条件下的规则；取消全部勾选即可再次列出所有规则。",
			"The timeline lists the rules with no condition and those under the ticked conditions; untick them all to list every rule again.")
	}
	items := make([]goapp.UI, len(res.Conditions))
	for i, cd := range res.Conditions {
		slug, on := cd.Slug, slices.Contains(res.If, cd.Slug)
		id := "if-" + slug
		items[i] = el("li").Body(
			voidEl("input").Attr("type", "checkbox").ID(id).Attr("data-if", slug).Attr("checked", on).
				OnChange(c.toggleCondition),
			el("label").Attr("for", id).Text(condText(cd, lang)),
		)
	}
	return el("fieldset").Class("conditions").Body(
		el("legend").Text(tr(lang, "条件", "Conditions")),
		el("p").Class("hint").Text(hint),
		el("ul").Body(items...),
	)
}

// toggleCondition follows a condition's checkbox. It reads the box's slug
// and the page's state when the event comes: go-app keeps the handler of the
// first render, so values captured then would be stale after a recompute.
func (c *calculatorPage) toggleCondition(ctx goapp.Context, e goapp.Event) {
	if c.result == nil {
		return
	}
	st := c.St
	st.If = toggled(c.result.If, ctx.JSSrc().Get("dataset").Get("if").String())
	ctx.Navigate(Link("/", st))
}

// toggled is the condition list with slug added, or taken out if there.
func toggled(list []string, slug string) []string {
	if i := slices.Index(list, slug); i >= 0 {
		return slices.Delete(slices.Clone(list), i, i+1)
	}
	return append(slices.Clone(list), slug)
}
