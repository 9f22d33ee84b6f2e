package model

// Units of a Duration (RULES.md).
const (
	UnitHour        = "hour"         // N×1 h
	UnitDay         = "day"          // natural day: same clock time N×24 h later
	UnitWorkingDay  = "working-day"  // PRC working days, holidays and make-up days applied
	UnitMonth       = "month"        // same day and time N months later, clamped to month end
	UnitYear        = "year"         // 12 months
	UnitCalendarDay = "calendar-day" // the whole calendar day N (anchor day = day 0)
)

// Bounds: how exact a milestone's instant is.
const (
	BoundExact       = "exact"        // it happens at that instant
	BoundBy          = "by"           // a party must act at the latest by then
	BoundNotBefore   = "not-before"   // it may happen no earlier than then
	BoundWithinRange = "within-range" // somewhere in a range
	BoundNone        = "none"         // the text states no period
)

// Duration is an amount of a unit.
type Duration struct {
	Amount float64 `yaml:"amount" json:"amount"`
	Unit   string  `yaml:"unit" json:"unit"`
}

// Range is a period given by two durations from the anchor.
type Range struct {
	From Duration `yaml:"from" json:"from"`
	To   Duration `yaml:"to" json:"to"`
}

// Text is a short text in both languages.
type Text struct {
	Zh string `yaml:"zh" json:"zh"`
	En string `yaml:"en" json:"en"`
}

// In returns the text in lang ("en" or else Chinese).
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.En
	}
	return t.Zh
}

// Condition is a circumstance a rule depends on.
type Condition struct {
	Slug string `yaml:"slug" json:"slug"`
	Zh   string `yaml:"zh" json:"zh"`
	En   string `yaml:"en" json:"en"`
}

// Reading is one way an ambiguous sentence can be read; its fields replace
// the rule's period fields.
type Reading struct {
	Label     string    `yaml:"label" json:"label"`
	Event     string    `yaml:"event,omitempty" json:"event,omitempty"`
	AfterRule string    `yaml:"after_rule,omitempty" json:"afterRule,omitempty"`
	After     *Duration `yaml:"after,omitempty" json:"after,omitempty"`
	Before    *Duration `yaml:"before,omitempty" json:"before,omitempty"`
	Range     *Range    `yaml:"range,omitempty" json:"range,omitempty"`
	Bound     string    `yaml:"bound,omitempty" json:"bound,omitempty"`
	Why       Text      `yaml:"why" json:"why"`
}

// Rate is a charge that accrues over time (late fees).
type Rate struct {
	Percent float64 `yaml:"percent" json:"percent"`
	Per     string  `yaml:"per" json:"per"`
}

// Rule turns a clause into a milestone: when Event happens to Products on
// Billing modes, then After (or Before) the anchor, Effects happen or Party
// must act; Bound says how exact that instant is; Quote gives the words.
type Rule struct {
	ID        string     `yaml:"id" json:"id"`
	Doc       string     `yaml:"-" json:"doc"`
	Section   string     `yaml:"-" json:"section"` // the corpus section (file) it stands in
	Clause    string     `yaml:"clause" json:"clause"`
	Products  []string   `yaml:"products" json:"products"`
	Billing   []string   `yaml:"billing" json:"billing"`
	Event     string     `yaml:"event" json:"event"`
	AfterRule string     `yaml:"after_rule,omitempty" json:"afterRule,omitempty"`
	After     *Duration  `yaml:"after,omitempty" json:"after,omitempty"`
	Before    *Duration  `yaml:"before,omitempty" json:"before,omitempty"`
	Range     *Range     `yaml:"range,omitempty" json:"range,omitempty"`
	Bound     string     `yaml:"bound" json:"bound"`
	Effects   []string   `yaml:"effects" json:"effects"`
	Party     string     `yaml:"party" json:"party"`
	Modality  string     `yaml:"modality" json:"modality"`
	Says      Text       `yaml:"says" json:"says"`
	Quote     string     `yaml:"quote" json:"quote"`
	Condition *Condition `yaml:"condition,omitempty" json:"condition,omitempty"`
	Readings  []Reading  `yaml:"readings,omitempty" json:"readings,omitempty"`
	Replaces  []string   `yaml:"replaces,omitempty" json:"replaces,omitempty"`
	Kind      string     `yaml:"kind,omitempty" json:"kind,omitempty"`
	Note      *Text      `yaml:"note,omitempty" json:"note,omitempty"`
	Rate      *Rate      `yaml:"rate,omitempty" json:"rate,omitempty"`
	Lookback  *Duration  `yaml:"lookback,omitempty" json:"lookback,omitempty"`
}

// NotDeadline is a duration phrase that is not a deadline, with why.
type NotDeadline struct {
	Clause string `yaml:"clause" json:"clause"`
	Quote  string `yaml:"quote" json:"quote"`
	Why    string `yaml:"why" json:"why"`
}

// Names of the bounds, parties and modalities for people, shared by the
// page and the exports so they always say the same thing.
var (
	BoundNames = map[string]Text{
		BoundExact:       {"届时", "At"},
		BoundBy:          {"截止", "By"},
		BoundNotBefore:   {"不早于", "Not before"},
		BoundWithinRange: {"期间", "Between"},
		BoundNone:        {"未规定期限", "No period stated"},
	}
	PartyNames = map[string]Text{
		"customer": {"客户", "the customer"},
		"provider": {"阿里云", "Alibaba Cloud"},
		"both":     {"双方", "both parties"},
	}
	ModalityNames = map[string]Text{
		"will":   {"将发生", "happens"},
		"must":   {"必须", "must act"},
		"may":    {"可以（权利）", "may (a right)"},
		"deemed": {"视为", "deemed"},
	}
)
