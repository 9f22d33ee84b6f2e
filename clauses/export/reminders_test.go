package export

import (
	"regexp"
	"strconv"
	"testing"
	"time"
)

// FuzzReminderItemAgreesWithItsPattern holds the hand-written reminderItem
// to the pattern it replaces, and to the duration that pattern's groups
// give.
func FuzzReminderItemAgreesWithItsPattern(f *testing.F) {
	pattern := regexp.MustCompile(`^([1-9][0-9]{0,2})([wdhm])$`)
	units := map[string]time.Duration{"w": 7 * 24 * time.Hour, "d": 24 * time.Hour, "h": time.Hour, "m": time.Minute}
	for _, s := range []string{"1d", "1h", "30m", "2w", "999m", "1000m", "0h", "01h", "1y", "", "d", "1", "1dd", "12x", "1D", "１d", "1d\n", " 1d", "9a9d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := reminderItem(s)
		m := pattern.FindStringSubmatch(s)
		if ok != (m != nil) {
			t.Fatalf("reminderItem(%q) ok=%v, the pattern matches: %v", s, ok, m != nil)
		}
		if m == nil {
			return
		}
		n, _ := strconv.Atoi(m[1])
		if want := time.Duration(n) * units[m[2]]; d != want {
			t.Fatalf("reminderItem(%q) = %v, want %v", s, d, want)
		}
	})
}
