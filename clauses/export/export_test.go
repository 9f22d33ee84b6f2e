package export

import (
	"fmt"
	"hash/fnv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/compiled"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

var cat = catalogue.Load()

// calculator is the lifecycle calculator over every document.
func calculator(t *testing.T) *lifecycle.Calculator {
	t.Helper()
	var ids []string
	for _, d := range cat.Documents {
		ids = append(ids, d.ID)
	}
	c, err := compiled.Corpus(ids)
	if err != nil {
		t.Fatal(err)
	}
	return lifecycle.New(c, cat)
}

func compute(t *testing.T, products []string, event, at string) (lifecycle.Result, time.Time) {
	t.Helper()
	when, err := time.Parse(time.RFC3339, at)
	if err != nil {
		t.Fatal(err)
	}
	res := calculator(t).Compute(lifecycle.Query{Products: products, Event: event, At: when})
	if len(res.Milestones) == 0 {
		t.Fatalf("no milestones for %v %s", products, event)
	}
	return res, when
}

const link = "https://explorer.example/?products=log-service%2Capi-gateway&event=first-overdue&at=2026-11-23T09%3A12%3A00%2B08%3A00"

func options(at time.Time, lang string) Options {
	return Options{
		Lang: lang, Event: "first-overdue", At: at, Link: link, Version: "abc123def456",
		Generated: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC),
		Catalogue: cat,
		ClauseURL: func(doc, clause string) string { return "https://explorer.example/docs/" + doc + "#" + clause },
	}
}

// unfold undoes RFC 5545 line folding.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestICS(t *testing.T) {
	res, at := compute(t, []string{"log-service", "api-gateway", "opensearch"}, "first-overdue", "2026-11-23T09:12:00+08:00")
	o := options(at, "zh")
	o.Reminders = []time.Duration{24 * time.Hour, time.Hour}
	out := ICS(res, o)
	// RFC 5545 §3.1: CRLF line ends, lines at most 75 octets.
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("a line ends in a bare LF")
	}
	for _, l := range strings.Split(out, "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
	}
	if !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Errorf("not a calendar:\n%s", out[:min(200, len(out))])
	}

	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var timed []lifecycle.Milestone
	untimed := 0
	for _, m := range res.Milestones {
		if m.Timed {
			timed = append(timed, m)
		} else {
			untimed++
		}
	}
	events := cal.Events()
	if len(events) != len(timed) {
		t.Fatalf("%d events for %d timed milestones", len(events), len(timed))
	}
	ranges := 0
	for i, ev := range events {
		m := timed[i]
		if ev.Id() != UID(m) || !strings.HasSuffix(ev.Id(), "@"+UIDDomain) {
			t.Errorf("event %d: UID %q, want %q", i, ev.Id(), UID(m))
		}
		start := ev.GetProperty(ics.ComponentPropertyDtStart)
		if !strings.HasSuffix(start.Value, "Z") || len(start.ICalParameters) != 0 {
			t.Errorf("%s: DTSTART %q %v is not in UTC form", m.Rule.ID, start.Value, start.ICalParameters)
		}
		got, err := ev.GetStartAt()
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(m.When()) {
			t.Errorf("%s: DTSTART %s, milestone %s", m.Rule.ID, got, m.When())
		}
		if m.Bound == model.BoundWithinRange {
			ranges++
			end, err := ev.GetEndAt()
			if err != nil || !end.Equal(m.End) {
				t.Errorf("%s: DTEND %s (%v), want %s", m.Rule.ID, end, err, m.End)
			}
		} else if ev.GetProperty(ics.ComponentPropertyDtEnd) != nil {
			t.Errorf("%s: an instant has a DTEND", m.Rule.ID)
		}
		desc := ev.GetProperty(ics.ComponentPropertyDescription).Value
		for _, want := range []string{m.Rule.Says.Zh, "§" + strings.TrimPrefix(m.Rule.Clause, "special-"), "“" + m.Rule.Quote + "”", link, "abc123def456", "生成时间"} {
			if !strings.Contains(desc, want) {
				t.Errorf("%s: description lacks %q:\n%s", m.Rule.ID, want, desc)
			}
		}
		summary := ev.GetProperty(ics.ComponentPropertySummary).Value
		if !strings.Contains(summary, m.Rule.Says.Zh) {
			t.Errorf("%s: summary %q", m.Rule.ID, summary)
		}
		alarms := ev.Alarms()
		if len(alarms) != 2 {
			t.Fatalf("%s: %d alarms, want 2", m.Rule.ID, len(alarms))
		}
		for j, want := range []string{"-P1D", "-PT1H"} {
			if tr := alarms[j].GetProperty(ics.ComponentPropertyTrigger); tr == nil || tr.Value != want {
				t.Errorf("%s: alarm %d trigger %v, want %s", m.Rule.ID, j, tr, want)
			}
			if a := alarms[j].GetProperty(ics.ComponentPropertyAction); a == nil || a.Value != "DISPLAY" {
				t.Errorf("%s: alarm action %v", m.Rule.ID, a)
			}
		}
	}
	if ranges == 0 {
		t.Error("no range in this timeline: OpenSearch's reminder in the 12th hour after the overdue (3.1.2) should be one")
	}
	if untimed == 0 || !strings.Contains(unfold(out), "未列入日历") {
		t.Errorf("%d untimed milestones; the calendar description should say they are left out", untimed)
	}
	if !strings.Contains(unfold(out), "\r\nURL;VALUE=URI:"+link+"\r\n") {
		t.Error("the calendar does not carry the link")
	}
}

// TestUIDStable: the same timeline gives the same UIDs whenever it is
// exported; another instant gives other UIDs.
func TestUIDStable(t *testing.T) {
	res, at := compute(t, []string{"log-service"}, "first-overdue", "2026-11-23T09:12:00+08:00")
	a := ICS(res, options(at, "zh"))
	o := options(at, "en")
	o.Generated = o.Generated.Add(36 * time.Hour)
	b := ICS(res, o)
	uids := func(s string) []string {
		var out []string
		for _, l := range strings.Split(unfold(s), "\r\n") {
			if strings.HasPrefix(l, "UID:") {
				out = append(out, l)
			}
		}
		return out
	}
	ua, ub := uids(a), uids(b)
	if len(ua) == 0 || strings.Join(ua, ",") != strings.Join(ub, ",") {
		t.Errorf("UIDs differ between exports:\n%v\n%v", ua, ub)
	}
	seen := map[string]bool{}
	for _, u := range ua {
		if seen[u] {
			t.Errorf("duplicate %s", u)
		}
		seen[u] = true
	}
	res2, at2 := compute(t, []string{"log-service"}, "first-overdue", "2026-11-23T09:13:00+08:00")
	c := ICS(res2, options(at2, "zh"))
	for _, u := range uids(c) {
		if seen[u] {
			t.Errorf("%s is the same for another event time", u)
		}
	}
}

func TestICSWithoutReminders(t *testing.T) {
	res, at := compute(t, nil, "first-overdue", "2026-11-23T09:12:00+08:00")
	out := ICS(res, options(at, "en"))
	if strings.Contains(out, "VALARM") {
		t.Error("an alarm without remind=")
	}
	if !strings.Contains(unfold(out), "Rules version: abc123def456") {
		t.Error("no rules version in English")
	}
}

func TestText(t *testing.T) {
	res, at := compute(t, []string{"api-gateway"}, "first-overdue", "2026-11-23T09:12:00+08:00")
	o := options(at, "en")
	var gw *model.Rule
	for _, m := range res.Milestones {
		if lifecycle.IsLateFee(m.Rule) {
			gw = m.Rule
		}
	}
	if gw == nil {
		t.Fatal("no late-fee rule for API Gateway")
	}
	f, err := lifecycle.LateFee(gw, 100000, at, at.Add(72*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	o.Fees = []lifecycle.Fee{f}
	out := Text(res, o)
	for _, want := range []string{
		"Event at: Mon 23 Nov 2026 09:12 Beijing time (UTC+8)",
		"Products: API Gateway",
		"API Gateway Terms of Service §2.4: “" + gw.Quote + "” (original words)",
		"1000.00 × 0.05% × 3 days = 1.50",
		"Counted in Beijing calendar days from 24 Nov 2026, that day included",
		"not an automatic charge",
		"Link that reproduces this timeline: " + link,
		"Generated: Mon 23 Nov 2026 10:00 Beijing time (UTC+8)",
		"Rules version: abc123def456",
		"API Gateway Terms of Service (document version 20210701)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	for _, m := range res.Milestones {
		if !strings.Contains(out, m.Rule.Says.En) {
			t.Errorf("text lacks milestone %s", m.Rule.ID)
		}
	}
	zh := Text(res, options(at, "zh"))
	if !strings.Contains(zh, "《API 网关服务条款》§2.4：“"+gw.Quote+"”") || !strings.Contains(zh, "规则版本：abc123def456") {
		t.Errorf("Chinese text:\n%s", zh)
	}
	both := Text(res, options(at, "both"))
	if !strings.Contains(both, gw.Says.Zh+" / "+gw.Says.En) {
		t.Errorf("lang=both should give both texts:\n%s", both)
	}
}

func TestFeeTextPSA(t *testing.T) {
	res, at := compute(t, nil, "first-overdue", "2026-11-23T09:12:00+08:00")
	for _, m := range res.Milestones {
		if !lifecycle.IsLateFee(m.Rule) {
			continue
		}
		f, err := lifecycle.LateFee(m.Rule, 100000, at, at.Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		s := FeeText(f, "zh")
		if !strings.Contains(s, "尚未产生") || !strings.Contains(s, "条款未规定起算时间") || !strings.Contains(s, "并非自动收取") {
			t.Errorf("5.2 before the overdue: %s", s)
		}
		return
	}
	t.Fatal("no 5.2 late fee in the general terms")
}

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		24 * time.Hour: "P1D", time.Hour: "PT1H", 30 * time.Minute: "PT30M", 7 * 24 * time.Hour: "P1W",
		26*time.Hour + 30*time.Minute: "P1DT2H30M", 14 * 24 * time.Hour: "P2W", 8 * 24 * time.Hour: "P8D", 0: "PT0M",
	} {
		if got := Duration(d); got != want {
			t.Errorf("Duration(%s) = %s, want %s", d, got, want)
		}
	}
}

func TestParseReminders(t *testing.T) {
	ds, bad := ParseReminders([]string{"1d", "1h", "1d", "30m", "2w", "5w", "0h", "1y", "x"})
	want := []time.Duration{24 * time.Hour, time.Hour, 30 * time.Minute, 14 * 24 * time.Hour}
	if len(ds) != len(want) {
		t.Fatalf("got %v", ds)
	}
	for i := range want {
		if ds[i] != want[i] {
			t.Errorf("reminder %d = %s, want %s", i, ds[i], want[i])
		}
	}
	if strings.Join(bad, ",") != "5w,0h,1y,x" {
		t.Errorf("bad = %v", bad)
	}
	if _, bad := ParseReminders([]string{"1m", "2m", "3m", "4m", "5m"}); len(bad) != 1 {
		t.Errorf("more than %d reminders accepted", MaxReminders)
	}
	if s := ReminderText(24*time.Hour, "en"); s != "1 day before" {
		t.Error(s)
	}
	if s := ReminderText(2*time.Hour, "zh"); s != "提前2小时" {
		t.Error(s)
	}
}

func TestFilename(t *testing.T) {
	at := time.Date(2026, 11, 23, 1, 12, 0, 0, time.UTC)
	if f := Filename([]string{"log-service"}, "first-overdue", at); f != "obligations-log-service-first-overdue-20261123-0912.ics" {
		t.Error(f)
	}
	if f := Filename([]string{"a", "b", "c", "d"}, "x", at); f != "obligations-4-products-x-20261123-0912.ics" {
		t.Error(f)
	}
	if f := Filename(nil, "first-overdue", time.Time{}); f != "obligations-first-overdue.ics" {
		t.Error(f)
	}
}

// TestUIDsKeepTheirFormula: a calendar imported from an earlier version is
// updated, not doubled, when the same timeline is imported again, so a UID
// must stay what the first release's formula gave: the rule, product and
// reading, then the FNV-1a hash of "doc|rule|product|reading|bound|instant|
// start|end" (Unix seconds, 0 for none) in 16 hex digits. That formula is
// written out here with fmt, as it was then.
func TestUIDsKeepTheirFormula(t *testing.T) {
	unix := func(t time.Time) int64 {
		if t.IsZero() {
			return 0
		}
		return t.Unix()
	}
	n := 0
	for _, q := range []struct {
		products  []string
		event, at string
	}{
		{[]string{"log-service", "apsaradb-rds"}, "first-overdue", "2026-11-23T09:12:00+08:00"},
		{[]string{"platform-for-ai"}, "first-overdue", "2026-06-23T10:00:00+08:00"},
		{nil, "bill-received", "2026-02-10T23:59:00+08:00"},
	} {
		res, _ := compute(t, q.products, q.event, q.at)
		for _, m := range res.Milestones {
			h := fnv.New64a()
			fmt.Fprintf(h, "%s|%s|%s|%s|%s|%d|%d|%d", m.Rule.Doc, m.Rule.ID, m.Product, m.Reading, m.Bound,
				unix(m.Instant), unix(m.Start), unix(m.End))
			id := m.Rule.ID + "." + m.Product
			if m.Reading != "" {
				id += "." + m.Reading
			}
			if want := fmt.Sprintf("%s-%016x@%s", id, h.Sum64(), UIDDomain); UID(m) != want {
				t.Errorf("UID %q, want %q", UID(m), want)
			}
			n++
		}
	}
	if n < 10 {
		t.Fatalf("only %d milestones checked", n)
	}
}

// TestExportsNameTheChosenConditions: with a condition chosen (if=), the
// timeline leaves out the rules under the others, and the calendar file and
// the text say so and name the condition; with none chosen they say nothing
// of conditions.
func TestExportsNameTheChosenConditions(t *testing.T) {
	c := calculator(t)
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	q := lifecycle.Query{Products: []string{"cloud-database-dedicated-cluster"}, Billing: "subscription", Event: "subscription-expired", At: at}
	for _, lang := range []string{"en", "zh"} {
		o := options(at, lang)
		want := o.tr("条件：只列出无条件的规则和以下条件下的规则（其他条件下的规则未列出）：若您已在到期前书面通知不再使用服务",
			"Conditions: only the rules with no condition and those under these are listed (rules under other conditions are left out): if you notified in writing before expiry that you will not continue")
		none := c.Compute(q)
		q.If = []string{"non-renewal-notified"}
		chosen := c.Compute(q)
		q.If = nil
		for name, out := range map[string]string{"ics": unfold(ICS(chosen, o)), "text": Text(chosen, o)} {
			if !strings.Contains(strings.ReplaceAll(out, `\`, ""), want) {
				t.Errorf("%s %s with a condition chosen lacks %q", lang, name, want)
			}
		}
		for name, out := range map[string]string{"ics": unfold(ICS(none, o)), "text": Text(none, o)} {
			if strings.Contains(out, o.tr("只列出无条件的规则", "only the rules with no condition")) {
				t.Errorf("%s %s names conditions though none was chosen", lang, name)
			}
		}
	}
}
