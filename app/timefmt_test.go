package app

import (
	"regexp"
	"testing"
	"time"
)

// zonePattern is the definition isZoneName must agree with: the regexp it
// replaced at start-up.
var zonePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$`)

func FuzzIsZoneNameAgreesWithItsPattern(f *testing.F) {
	for _, s := range []string{
		"UTC", "Asia/Shanghai", "America/Argentina/Buenos_Aires", "Etc/GMT+8", "Etc/GMT-14",
		"America/Port-au-Prince", "EST5EDT", "a/b/c", "", "/", "Asia/", "/Asia", "Asia//Tokyo",
		"a/b/c/d", "1Asia/Tokyo", "_UTC", "Asia/Tokyo ", "Asia/Tōkyō", "<script>", "Asia/../x",
		"Asia/Tokyo\x00", "Europe/London\n", "+08:00", "Z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isZoneName(s), zonePattern.MatchString(s); got != want {
			t.Errorf("isZoneName(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}

// TestRelativeTexts: how far a moment or a window is from now, in both
// languages, counted by hand. A window that has begun is under way until
// its end; one that is over says when it ended.
func TestRelativeTexts(t *testing.T) {
	now := time.Date(2026, 11, 23, 20, 30, 0, 0, time.UTC)
	at := func(d time.Duration) time.Time { return now.Add(d) }
	for _, c := range []struct {
		got    func(lang string) string
		en, zh string
	}{
		{func(l string) string { return relative(at(10*time.Hour+42*time.Minute), now, l) }, "in 10 hours 42 minutes", "10小时42分钟后"},
		{func(l string) string { return relative(at(-(13*24*time.Hour + 5*time.Hour)), now, l) }, "13 days 5 hours ago", "13天5小时前"},
		{func(l string) string { return relative(at(20*time.Second), now, l) }, "now", "就是现在"},
		// 1 h 59 min 40 s rounds to 2 hours, not "1 hour 60 minutes".
		{func(l string) string { return relative(at(time.Hour+59*time.Minute+40*time.Second), now, l) }, "in 2 hours", "2小时后"},
		{func(l string) string { return rangeRelative(at(time.Hour), at(2*time.Hour), now, l) }, "in 1 hour", "1小时后"},
		{func(l string) string { return rangeRelative(at(-18*time.Minute), at(42*time.Minute), now, l) }, "under way, ends in 42 minutes", "进行中，42分钟后结束"},
		{func(l string) string { return rangeRelative(at(-time.Hour), at(10*time.Second), now, l) }, "under way, ends in less than a minute", "进行中，不到1分钟后结束"},
		{func(l string) string { return rangeRelative(at(-time.Hour), at(-20*time.Second), now, l) }, "just ended", "刚刚结束"},
		{func(l string) string {
			return rangeRelative(at(-26*time.Hour), at(-(24*time.Hour + 48*time.Minute)), now, l)
		}, "ended 1 day ago", "1天前结束"},
	} {
		if got := c.got("en"); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
		if got := c.got("zh"); got != c.zh {
			t.Errorf("zh: %q, want %q", got, c.zh)
		}
	}
}

// TestTypedTimes: what people type in a "when" field, and the at= it
// becomes. Wall times are Beijing time; what is not one is passed on as
// typed for the page to name, impossible days included.
func TestTypedTimes(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{"2026-11-23 09:12", "2026-11-23T09:12:00+08:00"},
		{"  2026-11-23T09:12 ", "2026-11-23T09:12:00+08:00"},
		{"2026/11/23 9:12", "2026-11-23T09:12:00+08:00"},
		{"2026.1.5 23:59:30", "2026-01-05T23:59:30+08:00"},
		{"2026-11-23", "2026-11-23T00:00:00+08:00"},
		{"2026年11月23日 09:12", "2026-11-23T09:12:00+08:00"},
		{"２０２６－１１－２３　０９：１２", "2026-11-23T09:12:00+08:00"},
		{"2024-02-29 12:00", "2024-02-29T12:00:00+08:00"},
		{"2026-02-29 12:00", "2026-02-29 12:00"},
		{"2026-02-30 09:00", "2026-02-30 09:00"},
		{"2026-11-23 24:00", "2026-11-23 24:00"},
		{"2026-11-23 9:5", "2026-11-23 9:5"},
		{"2026-11-23T09:12:00+09:00", "2026-11-23T09:12:00+09:00"},
		{"tomorrow", "tomorrow"},
		{"", ""},
		{"   ", ""},
	} {
		if got := typedAt(c.typed); got != c.want {
			t.Errorf("typedAt(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
}
