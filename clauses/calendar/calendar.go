// Package calendar counts time the way the agreements do (DESIGN §3): in
// fixed Beijing time, natural days at the same clock time, months clamped to
// month end, whole calendar days, and PRC working days with statutory
// holidays and official make-up working days (调休).
//
// Beijing time is a fixed +08:00 zone: China has had no daylight saving
// since 1991, so no tzdata is needed in the WebAssembly.
package calendar

import (
	"sync"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// Beijing is China Standard Time.
var Beijing = time.FixedZone("CST", 8*60*60)

// Midnight is 00:00 Beijing time of t's day.
func Midnight(t time.Time) time.Time {
	t = t.In(Beijing)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, Beijing)
}

// AddMonths adds n months (negative to go back), keeping the day and clock
// time, clamped to the last day of a shorter month: 31 Jan + 1 month is
// 28 (or 29) Feb, not 3 March as time.AddDate would give.
func AddMonths(t time.Time, n int) time.Time {
	t = t.In(Beijing)
	y, m := t.Year(), int(t.Month())-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	month := time.Month(m + 1)
	day := t.Day()
	if last := daysIn(y, month); day > last {
		day = last
	}
	return time.Date(y, month, day, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), Beijing)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, Beijing).Day()
}

// DayKind says why a date is or is not a working day.
type DayKind int

const (
	Weekday DayKind = iota // Monday–Friday, no holiday
	Weekend                // Saturday or Sunday, no make-up day
	Holiday                // a statutory holiday
	MakeUp                 // a make-up working day (调休), usually a weekend day
)

// Day is one date as the working-day count sees it.
type Day struct {
	Date    time.Time // 00:00 Beijing time
	Kind    DayKind
	Name    string // holiday name (春节, 国庆节…) for Holiday and MakeUp
	Working bool
}

// Covered reports whether the holiday data has the official schedule of a
// year. For other years weekends are known but holidays are not: results
// are provisional.
func Covered(year int) bool {
	coveredOnce.Do(func() {
		covered = map[int]bool{}
		for y := 2002; y <= 2100; y++ {
			if HolidayUtil.GetHolidaysByYear(y).Len() > 0 {
				covered[y] = true
			}
		}
	})
	return covered[year]
}

var (
	coveredOnce sync.Once
	covered     map[int]bool
)

// Classify tells whether a date is a working day and why.
func Classify(date time.Time) Day {
	date = Midnight(date)
	d := Day{Date: date}
	if h := HolidayUtil.GetHolidayByYmd(date.Year(), int(date.Month()), date.Day()); h != nil {
		d.Name = h.GetName()
		if h.IsWork() {
			d.Kind, d.Working = MakeUp, true
		} else {
			d.Kind = Holiday
		}
		return d
	}
	switch date.Weekday() {
	case time.Saturday, time.Sunday:
		d.Kind = Weekend
	default:
		d.Kind, d.Working = Weekday, true
	}
	return d
}

// WorkingDays is the result of counting working days.
type WorkingDays struct {
	// End is 24:00 of the N-th working day (00:00 of the following day).
	End time.Time
	// Counted are the working days counted, in order.
	Counted []Day
	// Skipped are the non-working days passed over (weekends, holidays).
	Skipped []Day
	// Provisional is true when a year without published holiday data was crossed.
	Provisional bool
}

// AfterWorkingDays counts n working days after the anchor's day: the day
// after is candidate 1; the result closes at 24:00 of the n-th.
func AfterWorkingDays(anchor time.Time, n int) WorkingDays {
	return countWorkingDays(anchor, n, 1)
}

// BeforeWorkingDays counts n working days back from the anchor's day: the
// working day before it is day 1; the deadline is 24:00 of the n-th.
func BeforeWorkingDays(anchor time.Time, n int) WorkingDays {
	return countWorkingDays(anchor, n, -1)
}

func countWorkingDays(anchor time.Time, n, step int) WorkingDays {
	var r WorkingDays
	day := Midnight(anchor)
	if n <= 0 {
		// Zero working days: the anchor's own day ends the window.
		r.End = day.AddDate(0, 0, 1)
		return r
	}
	for guard := 0; len(r.Counted) < n && guard < 3660; guard++ {
		day = day.AddDate(0, 0, step)
		if !Covered(day.Year()) {
			r.Provisional = true
		}
		d := Classify(day)
		if d.Working {
			r.Counted = append(r.Counted, d)
		} else {
			r.Skipped = append(r.Skipped, d)
		}
	}
	last := r.Counted[len(r.Counted)-1].Date
	r.End = last.AddDate(0, 0, 1)
	return r
}

// String describes a day for a trace: "2026-02-14 Sat (make-up working day for 春节)".
func (d Day) String() string {
	s := ISODate(d.Date) + " " + weekdaysEn[d.Date.Weekday()]
	switch d.Kind {
	case Holiday:
		return s + " (" + d.Name + " holiday)"
	case MakeUp:
		return s + " (make-up working day for " + d.Name + ")"
	case Weekend:
		return s + " (weekend)"
	}
	return s
}
