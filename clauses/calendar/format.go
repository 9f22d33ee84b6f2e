package calendar

import (
	"strconv"
	"time"
)

// The fixed layouts in which the explorer writes instants, by hand. The
// layout interpreter behind time.Time.Format, and fmt for the Chinese form,
// are some 90 KB of WebAssembly that the browser compiles the first time
// they run, which is on the way to a calculator link's first render; these
// few layouts need none of it. format_test.go checks each against
// time.Format (and fmt) for many instants.

var (
	weekdaysEn = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	weekdaysZh = [...]string{"日", "一", "二", "三", "四", "五", "六"}
	monthsEn   = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// Readable is an instant in Beijing time for reading, without the zone's
// name: "Tue 24 Nov 2026 09:12" in English, "2026年11月24日（周二）09:12" in
// Chinese.
func Readable(t time.Time, lang string) string {
	t = t.In(Beijing)
	if lang == "en" {
		return weekdaysEn[t.Weekday()] + " " + strconv.Itoa(t.Day()) + " " + monthsEn[t.Month()-1] + " " + year4(t.Year()) + " " + Clock(t)
	}
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日（周" + weekdaysZh[t.Weekday()] + "）" + Clock(t)
}

// DateText is the day of an instant in Beijing time: "2 Jan 2006" in
// English, "2006年1月2日" in Chinese.
func DateText(t time.Time, lang string) string {
	t = t.In(Beijing)
	if lang == "en" {
		return strconv.Itoa(t.Day()) + " " + monthsEn[t.Month()-1] + " " + year4(t.Year())
	}
	return year4(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

// Clock is t's clock time as it stands: "09:12".
func Clock(t time.Time) string { return two(t.Hour()) + ":" + two(t.Minute()) }

// MonthDay is t's day as it stands: "01-02".
func MonthDay(t time.Time) string { return two(int(t.Month())) + "-" + two(t.Day()) }

// ISODate is t's day as it stands: "2006-01-02".
func ISODate(t time.Time) string {
	return year4(t.Year()) + "-" + MonthDay(t)
}

// Typed is t as it stands in the form people type and read it in the
// explorer's "when" fields: "2006-01-02 15:04", with ":05" only when the
// instant has seconds, so that a time given to the second shows as given.
func Typed(t time.Time) string {
	s := ISODate(t) + " " + Clock(t)
	if t.Second() != 0 {
		s += ":" + two(t.Second())
	}
	return s
}

// Compact is t as it stands for a file name: "20060102-1504".
func Compact(t time.Time) string {
	return year4(t.Year()) + two(int(t.Month())) + two(t.Day()) + "-" + two(t.Hour()) + two(t.Minute())
}

// UTCStamp is t in UTC as an RFC 5545 DATE-TIME: "20060102T150405Z".
func UTCStamp(t time.Time) string {
	t = t.UTC()
	return year4(t.Year()) + two(int(t.Month())) + two(t.Day()) + "T" + two(t.Hour()) + two(t.Minute()) + two(t.Second()) + "Z"
}

// two writes 0-99 with two digits.
func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// year4 writes a year as time.Format's "2006" does: at least four digits,
// the sign before them.
func year4(y int) string {
	sign := ""
	if y < 0 {
		sign, y = "-", -y
	}
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return sign + s
}
