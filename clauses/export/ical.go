package export

import (
	"strings"
	"time"
	"unicode/utf8"

	"obligations-explorer/clauses/calendar"
)

// icalWriter writes the few iCalendar (RFC 5545) lines ICS needs: content
// lines ending in CRLF, folded at 75 octets without splitting a UTF-8
// character (§3.1), TEXT values escaped (§3.3.11), times in UTC (§3.3.5).
//
// It replaced github.com/arran4/golang-ical in the WebAssembly: that
// library compiles three regular expressions when the program starts, on
// every cold start of every page, and added some 50 KiB for the handful of
// properties written here. The library stays in the unit tests, as the
// parser that reads back what this writes; the end-to-end tests read it
// with ical.js as well.
type icalWriter struct{ b strings.Builder }

// prop writes "NAME[;params]:value" with value written as is.
func (w *icalWriter) prop(name, value string) {
	w.fold(name + ":" + value)
}

// text writes a TEXT property, escaped.
func (w *icalWriter) text(name, value string) { w.prop(name, icalText(value)) }

// utc writes a DATE-TIME property in UTC.
func (w *icalWriter) utc(name string, t time.Time) {
	w.prop(name, calendar.UTCStamp(t))
}

func (w *icalWriter) fold(line string) {
	const max = 75
	limit := max
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		w.b.WriteString(line[:cut])
		w.b.WriteString("\r\n ")
		line = line[cut:]
		limit = max - 1 // the continuation's leading space counts
	}
	w.b.WriteString(line)
	w.b.WriteString("\r\n")
}

// icalText escapes a TEXT value (RFC 5545 §3.3.11): a backslash, ";" and
// "," get a backslash, and a line break of any kind (CRLF, LF or CR) becomes
// "\n". By hand: a strings.Replacer is several KB of code for the browser to
// compile when the first calendar file is made, on the page's first render.
func icalText(s string) string {
	if !strings.ContainsAny(s, "\\;,\r\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
