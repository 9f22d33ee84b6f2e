// Package export writes a computed timeline out of the page: as an
// iCalendar file (RFC 5545) with one event per milestone, and as plain text
// for a ticket or an email. Both carry their provenance: the link that
// reproduces them, when they were generated, and the version of the rules.
//
// It is pure Go (no go-app import) and compiles for the host and GOOS=js.
// The iCalendar lines are written by icalWriter (see there why not a
// library); the unit tests read them back with github.com/arran4/golang-ical.
package export

import (
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"obligations-explorer/clauses/calendar"
	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

// UIDDomain is the fixed right-hand side of every UID. A UID must not
// depend on where the explorer is hosted, or the same milestone exported
// from two mirrors would become two events; ".invalid" (RFC 2606) is
// reserved never to name a real host.
const UIDDomain = "obligations-explorer.invalid"

// Options are what the export needs besides the timeline.
type Options struct {
	Lang  string    // zh (default), en or both (Chinese interface, both texts)
	Event string    // the query's event slug
	At    time.Time // when the event happened
	// Link is the absolute URL that reproduces the timeline.
	Link string
	// ClauseURL, when set, gives the absolute URL of a clause in the reader.
	ClauseURL func(doc, clause string) string
	// Version is the explorer's build version: the version of the rules.
	Version   string
	Generated time.Time
	// Reminders are how long before each event a reminder goes off.
	Reminders []time.Duration
	// Fees are late fees computed for the timeline (amount=), if any.
	Fees      []lifecycle.Fee
	Catalogue *catalogue.Catalogue
}

func (o Options) tr(zh, en string) string {
	if o.Lang == "en" {
		return en
	}
	return zh
}

// text picks a bilingual text: one language, or both for lang=both.
func (o Options) text(t model.Text) string {
	switch o.Lang {
	case "en":
		return t.En
	case "both":
		if t.En == "" || t.En == t.Zh {
			return t.Zh
		}
		return t.Zh + " / " + t.En
	}
	return t.Zh
}

// names picks a catalogue name (the interface language; Chinese for both).
func (o Options) names(n catalogue.Names) string {
	if o.Lang == "en" {
		return n.En
	}
	return n.Zh
}

// ICS returns the timeline as an iCalendar file: one VEVENT per milestone
// that has an instant or a range (milestones whose text states no period
// have no time to put in a calendar, and the calendar's description says how
// many were left out). Instants are written in UTC ("…Z"), so no calendar
// needs a time zone definition and none can misread them; a range is
// DTSTART–DTEND in UTC rather than an all-day VALUE=DATE event, because a
// date floats in the reader's own zone and would shift a Beijing day for
// anyone elsewhere. Events are TRANSPARENT: a deadline does not make anyone
// busy. Lines end in CRLF and are folded at 75 octets.
func ICS(res lifecycle.Result, o Options) string {
	w := &icalWriter{}
	w.prop("BEGIN", "VCALENDAR")
	w.prop("VERSION", "2.0")
	w.text("PRODID", "-//Obligations explorer//Alibaba Cloud terms "+o.version()+"//"+strings.ToUpper(o.names(catalogue.Names{Zh: "zh", En: "en"})))
	w.prop("CALSCALE", "GREGORIAN")
	w.prop("METHOD", "PUBLISH")
	name := o.title()
	w.text("NAME", name)
	w.text("X-WR-CALNAME", name)
	untimed := 0
	for _, m := range res.Milestones {
		if !m.Timed {
			untimed++
		}
	}
	desc := o.header(res)
	if untimed > 0 {
		desc += "\n" + o.tr(
			"另有 "+strconv.Itoa(untimed)+" 项规则未规定期限，没有时刻，未列入日历；见链接。",
			strconv.Itoa(untimed)+" more rules state no period; having no instant, they are not in this calendar (see the link).")
	}
	// Every event repeats the provenance, so that one imported alone can
	// still be checked; it is the same for all of them.
	prov := o.provenance(res)
	desc += "\n\n" + prov
	w.text("DESCRIPTION", desc)
	w.text("X-WR-CALDESC", desc)
	if o.Link != "" {
		w.prop("URL;VALUE=URI", o.Link)
	}

	stamp := o.Generated.UTC()
	for _, m := range res.Milestones {
		if !m.Timed {
			continue
		}
		w.prop("BEGIN", "VEVENT")
		w.text("UID", UID(m))
		w.utc("DTSTAMP", stamp)
		if m.Bound == model.BoundWithinRange {
			w.utc("DTSTART", m.Start)
			w.utc("DTEND", m.End)
		} else {
			w.utc("DTSTART", m.Instant)
		}
		summary := o.summary(m)
		w.text("SUMMARY", summary)
		w.text("DESCRIPTION", o.eventDescription(m, prov))
		if o.Link != "" {
			w.prop("URL", o.Link)
		}
		w.prop("TRANSP", "TRANSPARENT")
		for _, r := range m.Rule.Effects {
			if e, ok := find(o.Catalogue, r); ok {
				w.text("CATEGORIES", o.names(e.Name))
			}
		}
		for _, before := range o.Reminders {
			w.prop("BEGIN", "VALARM")
			w.prop("ACTION", "DISPLAY")
			w.prop("TRIGGER", "-"+Duration(before))
			w.text("DESCRIPTION", summary)
			w.prop("END", "VALARM")
		}
		w.prop("END", "VEVENT")
	}
	w.prop("END", "VCALENDAR")
	return w.b.String()
}

func find(c *catalogue.Catalogue, effect string) (catalogue.Entry, bool) {
	if c == nil {
		return catalogue.Entry{}, false
	}
	return catalogue.Find(c.Effects, effect)
}

// UID is a milestone's stable identifier: the same query gives the same UID
// on every export, so a calendar that imports the file again updates the
// event instead of adding a second one. It names the rule, the product and
// the reading, and hashes them with the document, the bound and the
// instants, so a different event time gives a different UID.
func UID(m lifecycle.Milestone) string {
	h := fnv.New64a()
	io.WriteString(h, m.Rule.Doc+"|"+m.Rule.ID+"|"+m.Product+"|"+m.Reading+"|"+m.Bound+"|"+
		strconv.FormatInt(unix(m.Instant), 10)+"|"+strconv.FormatInt(unix(m.Start), 10)+"|"+strconv.FormatInt(unix(m.End), 10))
	id := m.Rule.ID + "." + m.Product
	if m.Reading != "" {
		id += "." + m.Reading
	}
	sum := strconv.FormatUint(h.Sum64(), 16)
	return id + "-" + "0000000000000000"[len(sum):] + sum + "@" + UIDDomain
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// Duration writes a positive duration as an RFC 5545 dur-value: "P1D",
// "PT1H", "P1W", "P1DT2H30M". Seconds are dropped.
func Duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	const day = 24 * time.Hour
	if d >= 7*day && d%(7*day) == 0 {
		return "P" + strconv.FormatInt(int64(d/(7*day)), 10) + "W"
	}
	s := "P"
	if d >= day {
		s += strconv.FormatInt(int64(d/day), 10) + "D"
		d %= day
	}
	if d >= time.Minute {
		s += "T"
		if h := d / time.Hour; h > 0 {
			s += strconv.FormatInt(int64(h), 10) + "H"
		}
		if m := (d % time.Hour) / time.Minute; m > 0 {
			s += strconv.FormatInt(int64(m), 10) + "M"
		}
	}
	if s == "P" {
		return "PT0M"
	}
	return s
}

// MaxReminders is how many reminders remind= may ask for.
const MaxReminders = 4

// reminderUnits are the units a reminder item may end with.
var reminderUnits = map[byte]time.Duration{'w': 7 * 24 * time.Hour, 'd': 24 * time.Hour, 'h': time.Hour, 'm': time.Minute}

// reminderItem reads one item of remind=: one to three digits without a
// leading zero, then a unit letter (w, d, h, m). It is written by hand, not
// as a regexp, because compiling one cost the calculator's first view with a
// timeline about 4 ms of a cold start; FuzzReminderItemAgreesWithItsPattern
// holds it to the pattern ^([1-9][0-9]{0,2})([wdhm])$.
func reminderItem(it string) (time.Duration, bool) {
	if len(it) < 2 || len(it) > 4 || it[0] < '1' || it[0] > '9' {
		return 0, false
	}
	unit, ok := reminderUnits[it[len(it)-1]]
	if !ok {
		return 0, false
	}
	n := 0
	for _, c := range []byte(it[:len(it)-1]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return time.Duration(n) * unit, true
}

// ParseReminders reads the items of remind= ("1d", "1h", "30m", "1w"), up
// to four weeks before. It returns the valid ones in the given order and
// the items it could not use.
func ParseReminders(items []string) (ds []time.Duration, bad []string) {
	seen := map[time.Duration]bool{}
	for _, it := range items {
		d, ok := reminderItem(it)
		if !ok || d > 28*24*time.Hour || len(ds) == MaxReminders {
			bad = append(bad, it)
			continue
		}
		if !seen[d] {
			seen[d] = true
			ds = append(ds, d)
		}
	}
	return ds, bad
}

// ReminderText says a reminder in words: "1 天前" / "1 day before".
func ReminderText(d time.Duration, lang string) string {
	type u struct {
		d      time.Duration
		zh, en string
	}
	for _, x := range []u{{7 * 24 * time.Hour, "周", "week"}, {24 * time.Hour, "天", "day"}, {time.Hour, "小时", "hour"}, {time.Minute, "分钟", "minute"}} {
		if d >= x.d && d%x.d == 0 {
			n := int(d / x.d)
			if lang == "en" {
				if n == 1 {
					return "1 " + x.en + " before"
				}
				return strconv.Itoa(n) + " " + x.en + "s before"
			}
			return "提前" + strconv.Itoa(n) + x.zh
		}
	}
	return Duration(d)
}

// Filename is the download name of a timeline's calendar file:
// "obligations-log-service-first-overdue-20261123-0912.ics".
func Filename(products []string, event string, at time.Time) string {
	parts := []string{"obligations"}
	if len(products) > 0 && len(products) <= 3 {
		parts = append(parts, products...)
	} else if len(products) > 3 {
		parts = append(parts, strconv.Itoa(len(products))+"-products")
	}
	if event != "" {
		parts = append(parts, event)
	}
	if !at.IsZero() {
		parts = append(parts, calendar.Compact(at.In(calendar.Beijing)))
	}
	return strings.Join(parts, "-") + ".ics"
}

func (o Options) version() string {
	if o.Version == "" {
		return "dev"
	}
	return o.Version
}

// title names the calendar: "首次欠费 · 日志服务" / "Account first overdue · Log Service".
func (o Options) title() string {
	t := o.tr("阿里云协议义务", "Alibaba Cloud obligations")
	if o.Catalogue != nil {
		if e, ok := catalogue.Find(o.Catalogue.Events, o.Event); ok {
			t += " · " + o.names(e.Name)
		}
	}
	return t
}

// header is the first lines of both exports: the event, when, the products.
func (o Options) header(res lifecycle.Result) string {
	var b strings.Builder
	b.WriteString(o.title())
	if !o.At.IsZero() {
		b.WriteString("\n" + o.tr("事件发生：", "Event at: ") + BeijingTime(o.At, o.Lang))
	}
	b.WriteString("\n" + o.tr("产品：", "Products: ") + o.productList(res.Products))
	// Rules under conditions the reader did not choose are left out of the
	// timeline (if=): an export that did not say so would read as complete.
	var chosen []string
	for _, cd := range res.Conditions {
		if slices.Contains(res.If, cd.Slug) {
			chosen = append(chosen, o.tr(cd.Zh, cd.En))
		}
	}
	if len(chosen) > 0 {
		b.WriteString("\n" + o.tr("条件：只列出无条件的规则和以下条件下的规则（其他条件下的规则未列出）：",
			"Conditions: only the rules with no condition and those under these are listed (rules under other conditions are left out): ") +
			strings.Join(chosen, o.tr("；", "; ")))
	}
	return b.String()
}

func (o Options) productList(slugs []string) string {
	if len(slugs) == 0 {
		return o.tr("未选择（只适用《阿里云产品服务协议》通用条款）", "none chosen (general terms of the Product Service Agreement only)")
	}
	var names []string
	for _, s := range slugs {
		names = append(names, o.productName(s))
	}
	return strings.Join(names, o.tr("、", ", "))
}

func (o Options) productName(slug string) string {
	if slug == "all" {
		return o.tr("通用条款（所有所选产品）", "General terms (all chosen products)")
	}
	if o.Catalogue != nil {
		if p, ok := o.Catalogue.Product(slug); ok {
			return o.names(p.Name)
		}
	}
	return slug
}

func (o Options) label(m map[string]model.Text, key string) string {
	v, ok := m[key]
	if !ok {
		return key
	}
	return o.tr(v.Zh, v.En)
}

func bound(m lifecycle.Milestone) string {
	if !m.Timed {
		return model.BoundNone
	}
	return m.Bound
}

// summary is an event's one line: "截止：续费… · 日志服务".
func (o Options) summary(m lifecycle.Milestone) string {
	s := o.label(model.BoundNames, bound(m)) + o.tr("：", ": ") + o.text(m.Rule.Says)
	if m.Product != "all" {
		s += " · " + o.productName(m.Product)
	}
	if m.Reading != "" {
		s += o.tr(" （读法 ", " (reading ") + m.Reading + o.tr("）", ")")
	}
	return s
}

// when writes a milestone's time: "2026年11月24日（周二）09:12 北京时间", or a range.
func (o Options) when(m lifecycle.Milestone) string {
	if !m.Timed {
		return o.tr("文本未给出期限", "the text gives no period")
	}
	if m.Bound == model.BoundWithinRange {
		return BeijingTime(m.Start, o.Lang) + o.tr(" 至 ", " to ") + BeijingTime(m.End, o.Lang)
	}
	return BeijingTime(m.Instant, o.Lang)
}

// details are the lines about a milestone after its summary: who, under
// what condition, which reading, notes, and the clause with its words.
func (o Options) details(m lifecycle.Milestone) []string {
	r := m.Rule
	lines := []string{
		o.tr("产品：", "Product: ") + o.productName(m.Product) + o.tr("；行动方：", "; who: ") +
			o.label(model.PartyNames, r.Party) + o.tr("（", " (") + o.label(model.ModalityNames, r.Modality) + o.tr("）", ")"),
	}
	if r.Condition != nil {
		lines = append(lines, o.tr("条件：", "Condition: ")+o.text(model.Text{Zh: r.Condition.Zh, En: r.Condition.En}))
	}
	if m.Reading != "" && m.Why != nil {
		lines = append(lines, o.tr("读法 ", "Reading ")+m.Reading+o.tr("：", ": ")+o.text(*m.Why))
	}
	if m.Provisional {
		lines = append(lines, o.tr("暂定：所涉年份的法定节假日安排尚未公布，工作日按周一至周五计算。",
			"Provisional: the official holiday schedule of the year concerned is not published yet; working days are counted Monday to Friday."))
	}
	if r.Note != nil {
		lines = append(lines, o.tr("注：", "Note: ")+o.text(*r.Note))
	}
	lines = append(lines, o.tr("出处：", "Source: ")+o.Citation(r.Doc, r.Clause, r.Quote))
	if o.ClauseURL != nil {
		lines = append(lines, o.ClauseURL(r.Doc, r.Clause))
	}
	return lines
}

// Citation names a clause with its words: 《阿里云产品服务协议》§5.2：“…”.
// The quoted words are the original text, never our translation.
func (o Options) Citation(doc, clause, quote string) string {
	title := doc
	if o.Catalogue != nil {
		if d, ok := o.Catalogue.Document(doc); ok {
			title = o.names(d.Title)
		}
	}
	s := o.tr("《"+title+"》", title+" ") + DisplayID(clause, o.Lang)
	if quote != "" {
		s += o.tr("：“", `: “`) + quote + "”"
		if o.Lang == "en" {
			s += " (original words)"
		}
	}
	return s
}

// DisplayID shows a clause id as people cite it: "§4.2.1", "专用说明 §2.1".
func DisplayID(id, lang string) string {
	if rest, ok := strings.CutPrefix(id, "special-"); ok {
		if lang == "en" {
			return "product terms §" + rest
		}
		return "专用说明 §" + rest
	}
	return "§" + id
}

func (o Options) eventDescription(m lifecycle.Milestone, provenance string) string {
	lines := []string{
		o.text(m.Rule.Says),
		o.label(model.BoundNames, bound(m)) + o.tr("：", ": ") + o.when(m),
	}
	lines = append(lines, o.details(m)...)
	return strings.Join(lines, "\n") + "\n\n" + provenance
}

// provenance is what lets a reader check an export: the link that
// reproduces it, when it was generated, and the version of the rules and
// of the texts they come from.
func (o Options) provenance(res lifecycle.Result) string {
	var lines []string
	if o.Link != "" {
		lines = append(lines, o.tr("重现此时间线的链接：", "Link that reproduces this timeline: ")+o.Link)
	}
	if !o.Generated.IsZero() {
		lines = append(lines, o.tr("生成时间：", "Generated: ")+BeijingTime(o.Generated, o.Lang))
	}
	lines = append(lines, o.tr("规则版本：", "Rules version: ")+o.version())
	if texts := o.textVersions(res); texts != "" {
		lines = append(lines, o.tr("所依据文本：", "Texts: ")+texts)
	}
	lines = append(lines, o.tr(
		"非官方工具：译文非官方，不构成法律意见；以阿里云发布的原文为准。",
		"Unofficial tool: the translation is unofficial and this is not legal advice; the text Alibaba Cloud publishes prevails."))
	return strings.Join(lines, "\n")
}

// textVersions lists the documents the timeline cites with their versions.
func (o Options) textVersions(res lifecycle.Result) string {
	if o.Catalogue == nil {
		return ""
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range res.Milestones {
		if seen[m.Rule.Doc] {
			continue
		}
		seen[m.Rule.Doc] = true
		if d, ok := o.Catalogue.Document(m.Rule.Doc); ok {
			out = append(out, o.names(d.Title)+o.tr("（", " (")+d.VersionIn(o.tr("zh", "en"))+o.tr("）", ")"))
		}
	}
	return strings.Join(out, o.tr("；", "; "))
}

// BeijingTime formats an instant in Beijing time for reading, with the
// offset so it can be read anywhere: "2026年11月24日（周二）09:12 北京时间（UTC+8）".
func BeijingTime(t time.Time, lang string) string {
	if lang == "en" {
		return calendar.Readable(t, lang) + " Beijing time (UTC+8)"
	}
	return calendar.Readable(t, lang) + " 北京时间（UTC+8）"
}
