package lifecycle

import (
	"testing"
	"time"

	"obligations-explorer/clauses/model"
)

func ruleByID(t *testing.T, c *Calculator, doc, id string) *model.Rule {
	t.Helper()
	d, ok := c.corpus.Doc(doc)
	if !ok {
		t.Fatalf("no document %s", doc)
	}
	for _, r := range d.Rules {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s in %s", id, doc)
	return nil
}

func bj(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestLateFee: general term 5.2 reserves 0.05% of the overdue amount per
// day with no start stated (whole natural days from the first overdue); API
// Gateway 2.4 charges it from the day after the overdue, per calendar day.
func TestLateFee(t *testing.T) {
	c := newCalculator(t)
	psa := ruleByID(t, c, PSA, "late-fee")
	gw := ruleByID(t, c, "api-gateway-terms", "gw-late-fee")
	const overdue = "2026-11-23T09:12:00+08:00"
	cases := []struct {
		name      string
		rule      *model.Rule
		amount    Cents
		to        string
		days      int
		fee       Cents
		start     string
		count     string
		stated    bool
		wantRight bool
	}{
		{"5.2 at the overdue instant: nothing yet", psa, 100000, overdue, 0, 0, overdue, CountNaturalDays, false, true},
		{"5.2 one minute short of a day", psa, 100000, "2026-11-24T09:11:00+08:00", 0, 0, overdue, CountNaturalDays, false, true},
		{"5.2 one natural day, same clock time", psa, 100000, "2026-11-24T09:12:00+08:00", 1, 50, overdue, CountNaturalDays, false, true},
		{"5.2 three days on 1000.00 = 1.50", psa, 100000, "2026-11-26T09:12:00+08:00", 3, 150, overdue, CountNaturalDays, false, true},
		{"5.2 thirty days on 12345.67", psa, 1234567, "2026-12-23T09:12:00+08:00", 30, 18519, overdue, CountNaturalDays, false, true}, // 185.185… → 185.19
		{"5.2 before the overdue: nothing", psa, 100000, "2026-11-20T00:00:00+08:00", 0, 0, overdue, CountNaturalDays, false, true},
		{"2.4 the overdue day itself: nothing", gw, 100000, "2026-11-23T23:59:59+08:00", 0, 0, "2026-11-24T00:00:00+08:00", CountCalendarDays, true, true},
		{"2.4 the day after begins: one day", gw, 100000, "2026-11-24T00:00:00+08:00", 1, 50, "2026-11-24T00:00:00+08:00", CountCalendarDays, true, true},
		{"2.4 three calendar days (24, 25, 26 Nov)", gw, 100000, "2026-11-26T10:00:00+08:00", 3, 150, "2026-11-24T00:00:00+08:00", CountCalendarDays, true, true},
		{"2.4 days are Beijing days, whatever the offset of to", gw, 100000, "2026-11-25T16:30:00Z", 3, 150, "2026-11-24T00:00:00+08:00", CountCalendarDays, true, true},
		{"2.4 across a month end", gw, 100000, "2026-12-01T08:00:00+08:00", 8, 400, "2026-11-24T00:00:00+08:00", CountCalendarDays, true, true},
		{"half a cent rounds up", gw, 1000, "2026-11-24T12:00:00+08:00", 1, 1, "2026-11-24T00:00:00+08:00", CountCalendarDays, true, true},            // 0.005
		{"less than half a cent rounds down", gw, 999, "2026-11-24T12:00:00+08:00", 1, 0, "2026-11-24T00:00:00+08:00", CountCalendarDays, true, true}, // 0.004995
		{"largest amount over a century does not overflow", psa, MaxAmount, "2126-11-23T09:12:00+08:00", 36524, Cents(1826200000000000), overdue, CountNaturalDays, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := LateFee(tc.rule, tc.amount, bj(overdue), bj(tc.to))
			if err != nil {
				t.Fatal(err)
			}
			if f.Days != tc.days || f.Fee != tc.fee {
				t.Errorf("got %d days, fee %s; want %d days, fee %s", f.Days, f.Fee, tc.days, tc.fee)
			}
			if !f.Start.Equal(bj(tc.start)) {
				t.Errorf("accrual starts %s, want %s", f.Start, tc.start)
			}
			if f.Count != tc.count || f.StartStated != tc.stated || f.Right != tc.wantRight {
				t.Errorf("count %s stated %v right %v; want %s %v %v", f.Count, f.StartStated, f.Right, tc.count, tc.stated, tc.wantRight)
			}
			if f.RatePPM != 500 {
				t.Errorf("rate %d ppm, want 500 (0.05%%)", f.RatePPM)
			}
		})
	}
}

// TestLateFeeStartMatchesTimeline: the accrual start is the start of the
// milestone the calculator shows for the same rule.
func TestLateFeeStartMatchesTimeline(t *testing.T) {
	c := newCalculator(t)
	at := bj("2026-11-23T09:12:00+08:00")
	res := c.Compute(Query{Products: []string{"api-gateway", "log-service"}, Event: "first-overdue", At: at})
	found := 0
	for _, m := range res.Milestones {
		if !IsLateFee(m.Rule) {
			continue
		}
		found++
		f, err := LateFee(m.Rule, 100, at, at.Add(48*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if !f.Start.Equal(m.When()) {
			t.Errorf("%s: fee accrues from %s, timeline shows %s", m.Rule.ID, f.Start, m.When())
		}
	}
	if found != 2 {
		t.Errorf("found %d late-fee milestones, want 2 (5.2 and API Gateway 2.4)", found)
	}
}

func TestLateFeeRejects(t *testing.T) {
	c := newCalculator(t)
	psa := ruleByID(t, c, PSA, "late-fee")
	at := bj("2026-11-23T09:12:00+08:00")
	if _, err := LateFee(&model.Rule{ID: "x", Kind: "period"}, 100, at, at); err == nil {
		t.Error("a rule that is not a rate was accepted")
	}
	if _, err := LateFee(nil, 100, at, at); err == nil {
		t.Error("nil rule accepted")
	}
	for _, a := range []Cents{0, -1, MaxAmount + 1} {
		if _, err := LateFee(psa, a, at, at); err == nil {
			t.Errorf("amount %d accepted", a)
		}
	}
}

func TestParseAmount(t *testing.T) {
	good := map[string]Cents{
		"1234": 123400, "1234.5": 123450, "1234.56": 123456, "0.01": 1, ".5": 50,
		"1,234.56": 123456, " 12 345 ": 1234500, "1000000000000": MaxAmount,
	}
	for in, want := range good {
		got, err := ParseAmount(in)
		if err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", ".", "1.", "1.234", "-5", "+5", "1e3", "abc", "0", "0.00", "１２", "12.3.4", "10000000000000", "NaN"} {
		if got, err := ParseAmount(in); err == nil {
			t.Errorf("ParseAmount(%q) = %d, want an error", in, got)
		}
	}
	if s := Cents(123405).String(); s != "1234.05" {
		t.Errorf("String() = %s", s)
	}
	if s := PercentText(500); s != "0.05%" {
		t.Errorf("PercentText(500) = %s", s)
	}
	if s := PercentText(10000); s != "1%" {
		t.Errorf("PercentText(10000) = %s", s)
	}
}
