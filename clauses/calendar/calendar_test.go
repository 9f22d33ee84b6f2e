package calendar

import (
	"testing"
	"time"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.In(Beijing)
}

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-31T09:12:00+08:00", 1, "2026-02-28T09:12:00+08:00"},
		{"2028-01-31T09:12:00+08:00", 1, "2028-02-29T09:12:00+08:00"},
		{"2028-02-29T00:00:00+08:00", 12, "2029-02-28T00:00:00+08:00"},
		{"2026-03-31T23:59:00+08:00", -1, "2026-02-28T23:59:00+08:00"},
		{"2026-11-23T09:12:00+08:00", 14, "2028-01-23T09:12:00+08:00"},
		{"2026-05-31T10:00:00+08:00", -13, "2025-04-30T10:00:00+08:00"},
	} {
		if got := AddMonths(at(c.from), c.n); !got.Equal(at(c.want)) {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", c.from, c.n, got.Format(time.RFC3339), c.want)
		}
	}
}

// The 2026 Spring Festival: 15–23 Feb off, Saturdays 14 and 28 Feb worked
// (State Council notice on the 2026 holidays).
func TestWorkingDaysAcrossSpringFestival2026(t *testing.T) {
	r := AfterWorkingDays(at("2026-02-12T10:00:00+08:00"), 5)
	// 13 Fri (1), 14 Sat make-up (2), 15–23 holiday, 24 Tue (3), 25 Wed (4), 26 Thu (5).
	if want := at("2026-02-27T00:00:00+08:00"); !r.End.Equal(want) {
		t.Fatalf("end %s, want %s (counted %v)", r.End, want, r.Counted)
	}
	if r.Provisional || len(r.Counted) != 5 || r.Counted[1].Kind != MakeUp || len(r.Skipped) != 9 {
		t.Fatalf("counted %v skipped %v provisional %v", r.Counted, r.Skipped, r.Provisional)
	}
}

func TestWorkingDaysBackwardsAndProvisional(t *testing.T) {
	// 3 working days before Mon 2026-10-12 (the 2026 National Day break is
	// 1–7 Oct, Sat 10 Oct is worked): Sun 11 skipped, Sat 10 (1), Fri 9 (2),
	// Thu 8 (3); the deadline is 24:00 of 8 Oct.
	r := BeforeWorkingDays(at("2026-10-12T09:00:00+08:00"), 3)
	if want := at("2026-10-09T00:00:00+08:00"); !r.End.Equal(want) {
		t.Errorf("3 working days back from 12 Oct: %s, want 24:00 of 8 Oct", r.End)
	}
	if !Covered(2026) || Covered(2031) {
		t.Errorf("coverage: 2026 %v, 2031 %v", Covered(2026), Covered(2031))
	}
	p := AfterWorkingDays(at("2031-03-06T12:00:00+08:00"), 2) // Thu → Fri, Mon
	if !p.Provisional || !p.End.Equal(at("2031-03-11T00:00:00+08:00")) {
		t.Errorf("2031: provisional %v end %s", p.Provisional, p.End)
	}
}
