package calendar

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// Each hand-written layout gives what time.Format (and fmt, for the
// Chinese form the explorer wrote with it before) gives, for instants
// spread over four millennia, month ends, midnights and leap days.
func TestFormatsAgreeWithTimeFormat(t *testing.T) {
	zhWeekdays := []string{"日", "一", "二", "三", "四", "五", "六"}
	check := func(at time.Time) {
		t.Helper()
		b := at.In(Beijing)
		u := at.UTC()
		for _, c := range []struct{ name, got, want string }{
			{"Readable en", Readable(at, "en"), b.Format("Mon 2 Jan 2006 15:04")},
			{"Readable zh", Readable(at, "zh"), fmt.Sprintf("%d年%d月%d日（周%s）%s", b.Year(), b.Month(), b.Day(), zhWeekdays[b.Weekday()], b.Format("15:04"))},
			{"DateText en", DateText(at, "en"), b.Format("2 Jan 2006")},
			{"DateText zh", DateText(at, "zh"), b.Format("2006年1月2日")},
			{"Clock", Clock(b), b.Format("15:04")},
			{"MonthDay", MonthDay(b), b.Format("01-02")},
			{"ISODate", ISODate(b), b.Format("2006-01-02")},
			{"Typed", Typed(b), typedLayout(b)},
			{"Compact", Compact(b), b.Format("20060102-1504")},
			{"UTCStamp", UTCStamp(at), u.Format("20060102T150405Z")},
		} {
			if c.got != c.want {
				t.Errorf("%s of %s: got %q, want %q", c.name, at.Format(time.RFC3339), c.got, c.want)
			}
		}
	}
	fixed := []time.Time{
		time.Date(2024, 2, 29, 0, 0, 0, 0, Beijing),
		time.Date(2026, 11, 23, 9, 12, 0, 0, Beijing),
		time.Date(2026, 12, 31, 23, 59, 59, 0, Beijing),
		time.Date(2026, 12, 31, 16, 30, 0, 0, time.UTC), // the next day in Beijing
		time.Date(1, 1, 1, 0, 0, 0, 0, Beijing),
		time.Date(999, 7, 4, 8, 5, 3, 0, Beijing),
		time.Date(9999, 12, 31, 23, 59, 0, 0, Beijing),
	}
	for _, at := range fixed {
		check(at)
	}
	r := rand.New(rand.NewSource(1))
	lo, hi := time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for i := 0; i < 20000; i++ {
		check(time.Unix(lo+r.Int63n(hi-lo), 0))
	}
}

// typedLayout is Typed written with time.Format: seconds only when there
// are some.
func typedLayout(t time.Time) string {
	if t.Second() != 0 {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04")
}
