package app

import (
	"regexp"
	"testing"
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
