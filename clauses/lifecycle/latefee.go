package lifecycle

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"

	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/model"
)

// Cents is an amount of money in hundredths of the bill's currency unit
// (fen for yuan). The texts name no currency; the fee is in the currency
// of the overdue bill.
type Cents int64

// MaxAmount is the largest overdue amount the late-fee field accepts
// (one trillion units): beyond it a link is junk, not a bill.
const MaxAmount Cents = 1e12 * 100

// String writes the amount with two decimals and no grouping: "1234.50".
func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}

// Errors of ParseAmount.
var (
	ErrAmountSyntax = errors.New("not an amount: digits with at most two decimals, such as 1234.56")
	ErrAmountRange  = errors.New("amount out of range")
)

// ParseAmount reads the amount= parameter: digits with an optional dot and
// at most two decimals ("1234", "1234.5", "1234.56"); a comma or space as
// thousands separator is accepted and ignored. It never rounds: more than
// two decimals is an error, as is zero or a negative amount.
func ParseAmount(s string) (Cents, error) {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer(",", "", " ", "", "_", "").Replace(s)
	if s == "" {
		return 0, ErrAmountSyntax
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > 2 || hasDot && frac == "" {
		return 0, ErrAmountSyntax
	}
	if whole == "" {
		whole = "0"
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, ErrAmountSyntax
			}
		}
	}
	if len(whole) > 13 {
		return 0, ErrAmountRange
	}
	var units, cents int64
	for i := 0; i < len(whole); i++ {
		units = units*10 + int64(whole[i]-'0')
	}
	for i := 0; i < 2; i++ {
		cents *= 10
		if i < len(frac) {
			cents += int64(frac[i] - '0')
		}
	}
	c := Cents(units*100 + cents)
	if c <= 0 || c > MaxAmount {
		return 0, ErrAmountRange
	}
	return c, nil
}

// How the days of a late fee are counted.
const (
	// CountCalendarDays: every Beijing calendar day from the first day of
	// accrual up to and including the day of the end date (a day's fee is
	// due once that day has begun). API Gateway 2.4: 自欠费次日起…按天.
	CountCalendarDays = "calendar-days"
	// CountNaturalDays: whole natural days (24 hours, same clock time)
	// elapsed since accrual began, as the agreement counts days (general
	// term 14.4.13 and 专用说明 §2.2). Used where the clause states no start,
	// counting from the anchor (general term 5.2).
	CountNaturalDays = "natural-days"
)

// Fee is a late fee computed up to a date.
type Fee struct {
	Rule   *model.Rule
	Amount Cents     // the overdue amount
	Start  time.Time // accrual begins (the first day, or the anchor)
	To     time.Time // computed up to
	Days   int       // days counted
	Count  string    // CountCalendarDays or CountNaturalDays
	// RatePPM is the daily rate in millionths of the amount (0.05% = 500).
	RatePPM int64
	// Fee is Amount × rate × Days, rounded half up to the cent.
	Fee Cents
	// Right is true when the text gives Alibaba Cloud a right to claim the
	// fee (modality may: "有权收取", "保留…的权利") rather than a charge that
	// applies by itself.
	Right bool
	// StartStated is false when the clause states no start of accrual and
	// the count runs from the anchor event.
	StartStated bool
}

// IsLateFee reports whether a rule sets a late fee LateFee can compute.
func IsLateFee(r *model.Rule) bool {
	return r != nil && r.Kind == "rate" && r.Rate != nil && r.Rate.Per == model.UnitDay && r.Rate.Percent > 0
}

// LateFee computes the late fee a rule sets on amount, accruing from the
// rule's anchor event at from, up to to. The accrual start is the rule's
// own offset from the anchor, counted as the calculator counts it (a
// calendar-day offset gives "from the day after"). Before the start no day
// is counted and the fee is zero.
func LateFee(r *model.Rule, amount Cents, from, to time.Time) (Fee, error) {
	if !IsLateFee(r) {
		return Fee{}, fmt.Errorf("rule %q sets no daily late fee", ruleID(r))
	}
	if amount <= 0 || amount > MaxAmount {
		return Fee{}, ErrAmountRange
	}
	ppm := r.Rate.Percent * 10000
	if ppm != math.Round(ppm) {
		return Fee{}, fmt.Errorf("rule %q: rate %v%% is finer than a millionth", r.ID, r.Rate.Percent)
	}
	f := Fee{Rule: r, Amount: amount, To: to, RatePPM: int64(ppm), Right: r.Modality == "may", Count: CountNaturalDays}
	start := from
	if r.After != nil {
		var m Milestone
		start, _ = shift(&m, from, *r.After, +1, model.BoundNotBefore)
		f.StartStated = r.After.Amount != 0 || r.After.Unit == model.UnitCalendarDay
		if r.After.Unit == model.UnitCalendarDay {
			f.Count = CountCalendarDays
		}
	}
	f.Start = start
	if !to.Before(start) {
		switch f.Count {
		case CountCalendarDays:
			f.Days = daysBetween(calendar.Midnight(start), calendar.Midnight(to)) + 1
		default:
			f.Days = int(to.Sub(start) / (24 * time.Hour))
		}
	}
	// amount × ppm × days / 1e6, rounded half up, without overflow.
	n := new(big.Int).Mul(big.NewInt(int64(amount)), big.NewInt(f.RatePPM))
	n.Mul(n, big.NewInt(int64(f.Days)))
	q, rem := new(big.Int).QuoRem(n, big.NewInt(1_000_000), new(big.Int))
	if rem.Cmp(big.NewInt(500_000)) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	f.Fee = Cents(q.Int64())
	return f, nil
}

// daysBetween counts calendar days from a to b, both Beijing midnights.
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.In(calendar.Beijing).Date()
	by, bm, bd := b.In(calendar.Beijing).Date()
	ua := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	ub := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua) / (24 * time.Hour))
}

func ruleID(r *model.Rule) string {
	if r == nil {
		return ""
	}
	return r.ID
}

// PercentText writes a rate in millionths as a percentage: 500 → "0.05%".
func PercentText(ppm int64) string {
	s := fmt.Sprintf("%d.%04d", ppm/10000, ppm%10000)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + "%"
}
