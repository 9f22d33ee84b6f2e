package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/clauses/calendar"
)

// beijingTime formats an instant in Beijing time for reading.
func beijingTime(t time.Time, lang string) string {
	return calendar.Readable(t, lang) + tr(lang, " 北京时间", " Beijing time")
}

// machineTime is the value of <time datetime>: RFC 3339 with +08:00.
func machineTime(t time.Time) string {
	return t.In(calendar.Beijing).Format(time.RFC3339)
}

// relative says how far t is from now: "in 2 days 3 hours", "5 hours ago".
func relative(t, now time.Time, lang string) string {
	d := t.Sub(now)
	past := d < 0
	if past {
		d = -d
	}
	if d < time.Minute {
		return tr(lang, "就是现在", "now")
	}
	zh, en := span(d)
	if past {
		return tr(lang, zh+"前", en+" ago")
	}
	return tr(lang, zh+"后", "in "+en)
}

// rangeRelative says where now stands against a window from start to end:
// before it ("in 3 hours"), in it ("under way, ends in 42 minutes") or past
// it ("ended 2 days ago"). Counted from the start alone, a window that had
// begun read as something that had happened.
func rangeRelative(start, end, now time.Time, lang string) string {
	switch {
	case start.After(now):
		return relative(start, now, lang)
	case end.After(now):
		zh, en := span(end.Sub(now))
		return tr(lang, "进行中，"+zh+"后结束", "under way, ends in "+en)
	case now.Sub(end) < time.Minute:
		return tr(lang, "刚刚结束", "just ended")
	default:
		zh, en := span(now.Sub(end))
		return tr(lang, zh+"前结束", "ended "+en+" ago")
	}
}

// span says a duration in words, rounded to the minute: "2天3小时" and
// "2 days 3 hours", the two largest units only.
func span(d time.Duration) (zh, en string) {
	if d < 30*time.Second {
		return "不到1分钟", "less than a minute"
	}
	// Rounded first, so that 1 h 59 min 40 s reads "2 hours", not "1 hour
	// 60 minutes".
	d = d.Round(time.Minute)
	days := int(d / (24 * time.Hour))
	hours := int((d % (24 * time.Hour)) / time.Hour)
	mins := int((d % time.Hour) / time.Minute)
	switch {
	case days > 0:
		zh, en = strconv.Itoa(days)+"天", plural(days, "day")
		if hours > 0 {
			zh += strconv.Itoa(hours) + "小时"
			en += " " + plural(hours, "hour")
		}
	case hours > 0:
		zh, en = strconv.Itoa(hours)+"小时", plural(hours, "hour")
		if mins > 0 {
			zh += strconv.Itoa(mins) + "分钟"
			en += " " + plural(mins, "minute")
		}
	default:
		zh, en = strconv.Itoa(mins)+"分钟", plural(mins, "minute")
	}
	return zh, en
}

func plural(n int, unit string) string {
	return strconv.Itoa(n) + " " + pluralWord(n, unit, unit+"s")
}

// isZoneName reports whether s has the shape of an IANA zone name: up to
// three parts separated by "/", each of letters, digits, "_", "+" and "-",
// the first starting with a letter ("America/Argentina/Buenos_Aires",
// "Etc/GMT+8"). Anything else is not passed to the browser at all. Checked
// by hand: a regexp, compiled when the calculator first shows a zone, cost
// the first view about 4 ms.
func isZoneName(s string) bool {
	parts := strings.Split(s, "/")
	if len(parts) > 3 {
		return false
	}
	for i, p := range parts {
		if p == "" {
			return false
		}
		for j := 0; j < len(p); j++ {
			c := p[j]
			letter := 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
			if i == 0 && j == 0 && !letter {
				return false
			}
			if !letter && !('0' <= c && c <= '9') && c != '_' && c != '+' && c != '-' {
				return false
			}
		}
	}
	return true
}

// validZone reports whether the browser knows the zone. On the server
// (prerendering) no zone is shown.
func validZone(zone string) bool {
	if zone == "" || len(zone) > 64 || !isZoneName(zone) || !goapp.IsClient {
		return false
	}
	f := goapp.Window().Get("explorerZoneKnown")
	return f.Truthy() && goapp.Window().Call("explorerZoneKnown", zone).Bool()
}

// inZone formats an instant in another zone with the browser's Intl API.
func inZone(t time.Time, zone, lang string) string {
	if !goapp.IsClient || !goapp.Window().Get("explorerFormatInZone").Truthy() {
		return ""
	}
	return goapp.Window().Call("explorerFormatInZone", float64(t.UnixMilli()), zone, lang).String()
}

// parseAt reads the `at` parameter: RFC 3339, or a wall time without offset
// read in zone (Beijing time when zone is empty or Asia/Shanghai). It
// reports an impossible date (2026-02-30) as an error, never rounding it.
func parseAt(s, zone string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	} else if strings.ContainsAny(s[min(len(s), 19):], "Z+-") {
		return time.Time{}, err
	}
	var local time.Time
	var err error
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		if local, err = time.ParseInLocation(layout, s, calendar.Beijing); err == nil {
			break
		}
	}
	if err != nil {
		return time.Time{}, err
	}
	if zone == "" || zone == "Asia/Shanghai" || zone == "Asia/Chongqing" || zone == "PRC" {
		return local, nil
	}
	if !validZone(zone) {
		return time.Time{}, fmt.Errorf("unknown time zone %q", zone)
	}
	// The wall time in zone: find the instant whose local time in zone is
	// the given one (two rounds settle any offset change).
	wall := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, time.UTC)
	guess := wall
	for i := 0; i < 2; i++ {
		off := goapp.Window().Call("explorerZoneOffset", float64(guess.UnixMilli()), zone).Float()
		if math.IsNaN(off) {
			return time.Time{}, fmt.Errorf("unknown time zone %q", zone)
		}
		guess = wall.Add(-time.Duration(off) * time.Minute)
	}
	return guess, nil
}

// typedAt turns what was typed in a "when" field into the `at` parameter.
// A Beijing wall time becomes RFC 3339 at +08:00: "2026-11-23 09:12", also
// with "/" or "." between the parts, a "T", one-digit month, day or hour,
// seconds, 年月日, or the full-width digits and colon a Chinese input method
// gives. Anything else goes on as typed (trimmed), so that the page names
// it in its alert as it names a bad link's, and the field keeps it to be
// corrected. An impossible day (2026-02-30) is never rounded: it fails like
// any other. Empty stays empty, which means now.
func typedAt(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～': // full-width ASCII
			r -= 0xFEE0
		case r == '\u3000': // ideographic space
			r = ' '
		}
		switch r {
		case '/', '.', '年', '月':
			r = '-'
		case '日', 'T':
			r = ' '
		}
		b.WriteRune(r)
	}
	wall := strings.Join(strings.Fields(b.String()), " ")
	for _, layout := range []string{"2006-1-2 15:04:05", "2006-1-2 15:04", "2006-1-2"} {
		if t, err := time.ParseInLocation(layout, wall, calendar.Beijing); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return s
}
