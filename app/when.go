package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The "when" fields (the calculator's event time, the comparison's
// reference time) are text fields holding a Beijing wall time in the form
// the page itself writes, "2026-11-23 09:12", 24-hour, not
// <input type="datetime-local">:
//   - the native field shows the browser's locale, not the page's: month
//     and day swapped and AM/PM for an en-US browser, next to a timeline in
//     24-hour Beijing time; for deadlines that is a source of error;
//   - a time copied from a bill or a console ("2026-11-23 09:12:45",
//     full-width digits from a Chinese input method) can be pasted whole;
//   - a time to the second shows as given (the native field with step=60
//     marks one invalid);
//   - the first date field of a page costs Chromium some 50 ms on the main
//     thread while the page is parsed and again when the app mounts it
//     (measured: parse 145 → 68 ms, cold ready 16–28 ms sooner).
// typedAt (timefmt.go) reads what is typed.

// whenField is a "when" text field; set gets the at= parameter for what
// was typed, when it is committed (Enter, or leaving the field).
func whenField(id, value string, bad bool, set func(ctx goapp.Context, at string)) goapp.UI {
	invalid := ""
	if bad {
		invalid = "true"
	}
	return voidEl("input").Attr("type", "text").ID(id).Class("when-input").Attr("value", value).
		Attr("placeholder", "2026-11-23 09:12").Attr("autocomplete", "off").Attr("spellcheck", "false").
		Attr("aria-describedby", id+"-format").Attr("aria-invalid", invalid).
		OnChange(func(ctx goapp.Context, e goapp.Event) {
			set(ctx, typedAt(ctx.JSSrc().Get("value").String()))
		})
}

// whenHint says how to write a time under its field, and that the time
// there could not be read when it could not.
func whenHint(id string, bad bool, lang string) goapp.UI {
	text := tr(lang, "年-月-日 时:分，24小时制，例如 2026-11-23 09:12", "Year-month-day hour:minute, 24-hour, such as 2026-11-23 09:12")
	class := "hint"
	if bad {
		text = tr(lang, "无法读取这个时间。", "This time could not be read. ") + text
		class = "hint invalid"
	}
	return el("p").ID(id + "-format").Class(class).Text(text)
}
