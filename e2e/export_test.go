//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// icalJS is ical.js (Mozilla's iCalendar parser, from npm: `make npm-tools`),
// an implementation independent of the Go library that writes the file.
const icalJS = "node_modules/ical.js/dist/ical.es5.min.cjs"

// downloads saves what a tab downloads into a directory of its own.
type downloads struct {
	dir  string
	mu   sync.Mutex
	name map[string]string // guid → suggested file name
	done chan string       // guids of completed downloads
}

func watchDownloads(tb *tab) *downloads {
	tb.t.Helper()
	d := &downloads{dir: tb.t.TempDir(), name: map[string]string{}, done: make(chan string, 8)}
	chromedp.ListenTarget(tb.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *browser.EventDownloadWillBegin:
			d.mu.Lock()
			d.name[ev.GUID] = ev.SuggestedFilename
			d.mu.Unlock()
		case *browser.EventDownloadProgress:
			if ev.State == browser.DownloadProgressStateCompleted {
				d.done <- ev.GUID
			}
		}
	})
	tb.run(browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).
		WithDownloadPath(d.dir).WithEventsEnabled(true))
	return d
}

// clickDownload clicks the calendar link as a person would and returns the
// file's suggested name and its content.
func (d *downloads) clickDownload(tb *tab) (string, string) {
	tb.t.Helper()
	tb.run(chromedp.Click(`a[download][data-export="ics"]`, chromedp.ByQuery))
	select {
	case guid := <-d.done:
		b, err := os.ReadFile(filepath.Join(d.dir, guid))
		if err != nil {
			tb.t.Fatal(err)
		}
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.name[guid], string(b)
	case <-time.After(20 * time.Second):
		tb.t.Fatal("the calendar file was not downloaded")
	}
	return "", ""
}

// icsEvent is one VEVENT as ical.js reads it.
type icsEvent struct {
	UID         string   `json:"uid"`
	Start       int64    `json:"start"` // ms since the epoch
	End         int64    `json:"end"`   // 0 without DTEND
	StartUTC    bool     `json:"startUTC"`
	Summary     string   `json:"summary"`
	Description string   `json:"description"`
	Alarms      []string `json:"alarms"`
}

// parseICS loads ical.js into the page (chromedp's Runtime.evaluate is not
// subject to the page's CSP, which rightly blocks inline scripts) and parses
// the file with it.
func parseICS(tb *tab, text string) []icsEvent {
	tb.t.Helper()
	src, err := os.ReadFile(icalJS)
	if err != nil {
		tb.t.Fatalf("%v: run `make npm-tools` first", err)
	}
	var kind string
	tb.eval(string(src)+"\n;typeof ICAL", &kind)
	if kind != "object" {
		tb.t.Fatalf("ical.js did not load: typeof ICAL = %q", kind)
	}
	quoted, _ := json.Marshal(text)
	var events []icsEvent
	tb.eval(fmt.Sprintf(`(() => {
		const cal = new ICAL.Component(ICAL.parse(%s));
		return cal.getAllSubcomponents("vevent").map(v => {
			const ev = new ICAL.Event(v);
			return {
				uid: ev.uid,
				start: ev.startDate.toJSDate().getTime(),
				end: v.hasProperty("dtend") ? ev.endDate.toJSDate().getTime() : 0,
				startUTC: ev.startDate.zone === ICAL.Timezone.utcTimezone,
				summary: ev.summary,
				description: ev.description,
				alarms: v.getAllSubcomponents("valarm").map(a => a.getFirstPropertyValue("trigger").toString()),
			};
		});
	})()`, quoted), &events)
	return events
}

// pageMilestone is a timed milestone as the page shows it.
type pageMilestone struct {
	Key   string `json:"key"` // rule.product[.reading], as the UID begins
	Start string `json:"start"`
	End   string `json:"end"`
}

func pageMilestones(tb *tab) []pageMilestone {
	tb.t.Helper()
	var ms []pageMilestone
	tb.eval(`[...document.querySelectorAll("[data-milestone]:not([data-bound=none])")].map(m => {
		const d = m.dataset;
		const key = d.milestone + "." + d.product + (d.reading ? "." + d.reading : "");
		const s = m.querySelector(".when time[data-start]");
		if (s) {
			return {key, start: s.getAttribute("datetime"), end: m.querySelector(".when time[data-end]").getAttribute("datetime")};
		}
		return {key, start: m.querySelector(".when time[datetime]").getAttribute("datetime"), end: ""};
	})`, &ms)
	return ms
}

func ms(t *testing.T, rfc3339 string) int64 {
	t.Helper()
	v, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		t.Fatal(err)
	}
	return v.UnixMilli()
}

// TestExportCalendar: the timeline downloads as an .ics that an independent
// parser reads back with one event per timed milestone at exactly the
// instants the page shows, stable UIDs, reminders when asked for, and the
// provenance in every description.
func TestExportCalendar(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	dl := watchDownloads(tb)
	const q = "/?products=log-service,api-gateway,opensearch&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-24T10:00:00%2B08:00&lang=en"
	tb.open(s.Page(q + "&remind=1d,1h"))

	// DESIGN §4: once ready, the link's href already holds the file.
	var href, download string
	tb.eval(`document.querySelector('a[download][data-export="ics"]').getAttribute("href") || ""`, &href)
	tb.eval(`document.querySelector('a[download][data-export="ics"]').getAttribute("download")`, &download)
	if !strings.HasPrefix(href, "data:text/calendar;") {
		t.Fatalf("calendar link href = %q, want a data:text/calendar URL", href)
	}
	if download != "obligations-log-service-api-gateway-opensearch-first-overdue-20261123-0912.ics" {
		t.Errorf("download name %q", download)
	}
	name, text := dl.clickDownload(tb)
	if name != download {
		t.Errorf("saved as %q, want %q", name, download)
	}
	if !strings.HasPrefix(text, "BEGIN:VCALENDAR\r\n") {
		t.Fatalf("not an iCalendar file: %.80q", text)
	}

	page := pageMilestones(tb)
	events := parseICS(tb, text)
	if len(page) == 0 || len(events) != len(page) {
		t.Fatalf("%d events in the file, %d timed milestones on the page", len(events), len(page))
	}
	byKey := map[string]icsEvent{}
	for _, ev := range events {
		key, _, _ := strings.Cut(ev.UID, "-")
		for _, p := range page {
			if strings.HasPrefix(ev.UID, p.Key+"-") {
				key = p.Key
			}
		}
		if _, dup := byKey[key]; dup {
			t.Errorf("two events for %s", key)
		}
		byKey[key] = ev
		if !strings.HasSuffix(ev.UID, "@obligations-explorer.invalid") {
			t.Errorf("UID %q", ev.UID)
		}
		if !ev.StartUTC {
			t.Errorf("%s: DTSTART is not in UTC", ev.UID)
		}
		if strings.Join(ev.Alarms, ",") != "-P1D,-PT1H" {
			t.Errorf("%s: alarms %v, want -P1D,-PT1H", ev.UID, ev.Alarms)
		}
		for _, want := range []string{"Source: ", "Link that reproduces this timeline: http://", "event=first-overdue", "remind=1d%2C1h",
			"Generated: Tue 24 Nov 2026 10:00 Beijing time (UTC+8)", "Rules version: "} {
			if !strings.Contains(ev.Description, want) {
				t.Errorf("%s: description lacks %q:\n%s", ev.UID, want, ev.Description)
			}
		}
	}
	ranges := 0
	for _, p := range page {
		ev, ok := byKey[p.Key]
		if !ok {
			t.Errorf("no event for the milestone %s", p.Key)
			continue
		}
		if ev.Start != ms(t, p.Start) {
			t.Errorf("%s: DTSTART %s, the page says %s", p.Key, time.UnixMilli(ev.Start).UTC(), p.Start)
		}
		if p.End != "" {
			ranges++
			if ev.End != ms(t, p.End) {
				t.Errorf("%s: DTEND %s, the page says %s", p.Key, time.UnixMilli(ev.End).UTC(), p.End)
			}
		} else if ev.End != 0 {
			t.Errorf("%s: an instant with a DTEND", p.Key)
		}
	}
	if ranges == 0 {
		t.Error("no range compared: OpenSearch's reminder in the 12th hour after the overdue (3.1.2) should be one")
	}

	// A second load, without remind= and with another "now": the same
	// UIDs, and no alarms.
	tb.open(s.Page(strings.Replace(q, "now=2026-11-24T10:00:00%2B08:00", "now=2026-11-25T08:00:00%2B08:00", 1)))
	_, text2 := dl.clickDownload(tb)
	again := parseICS(tb, text2)
	uids := func(evs []icsEvent) string {
		var out []string
		for _, e := range evs {
			out = append(out, e.UID)
		}
		sort.Strings(out)
		return strings.Join(out, "\n")
	}
	if uids(again) != uids(events) {
		t.Errorf("UIDs changed between loads:\n%s\n---\n%s", uids(events), uids(again))
	}
	for _, e := range again {
		if len(e.Alarms) != 0 {
			t.Errorf("%s: alarms %v without remind=", e.UID, e.Alarms)
		}
	}

	// The reminder choice is a link: it sets remind= and makes a new file.
	var before string
	tb.eval(`document.querySelector('a[data-export="ics"]').getAttribute("href")`, &before)
	tb.run(chromedp.Click(`.reminders a[data-remind="1d"]`, chromedp.ByQuery))
	tb.waitReady()
	var loc, after string
	tb.eval(`location.search`, &loc)
	tb.eval(`document.querySelector('a[data-export="ics"]').getAttribute("href")`, &after)
	if !strings.Contains(loc, "remind=1d") || after == before || !strings.HasPrefix(after, "data:text/calendar;") {
		t.Errorf("after choosing a reminder: search %q, href %q (was %q)", loc, after, before)
	}
	if n := tb.count(`.reminders a[aria-current="true"][data-remind="1d"]`); n != 1 {
		t.Errorf("the chosen reminder is not marked current")
	}
	_, text3 := dl.clickDownload(tb)
	for _, e := range parseICS(tb, text3) {
		if strings.Join(e.Alarms, ",") != "-P1D" {
			t.Errorf("%s: alarms %v, want -P1D", e.UID, e.Alarms)
		}
	}
}

// TestReminderChoiceShowsTheRemindersInEffect: a link whose remind= mixes
// usable items, in another order, with unusable ones names the unusable ones
// in an alert, puts the usable ones in the file, and marks as current the
// choice that file matches.
func TestReminderChoiceShowsTheRemindersInEffect(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/?products=log-service&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-24T10:00:00%2B08:00&remind=1h,05h,1d,9y"))
	var current []string
	tb.eval(`[...document.querySelectorAll('.reminders a[aria-current="true"]')].map(a => a.dataset.remind)`, &current)
	if strings.Join(current, "|") != "1d,1h" {
		t.Errorf("reminder choices marked current: %q, want only the one of 1 day and 1 hour", current)
	}
	alert := tb.text(`.exports [role=alert]`)
	if !strings.Contains(alert, "“05h,9y”") {
		t.Errorf("the alert should name “05h,9y” as the reminders it could not use: %q", alert)
	}
	var text string
	tb.eval(`(() => {
		const href = document.querySelector('a[data-export="ics"]').getAttribute("href");
		const bytes = Uint8Array.from(atob(href.slice(href.indexOf(",") + 1)), (c) => c.charCodeAt(0));
		return new TextDecoder().decode(bytes);
	})()`, &text)
	events := parseICS(tb, text)
	if len(events) == 0 {
		t.Fatal("no events in the calendar file")
	}
	for _, e := range events {
		alarms := append([]string(nil), e.Alarms...)
		sort.Strings(alarms)
		if strings.Join(alarms, ",") != "-P1D,-PT1H" {
			t.Errorf("%s: alarms %v, want one a day and one an hour before", e.UID, e.Alarms)
		}
	}
}

// TestExportCopyText: "copy as text" puts the timeline with its provenance
// on the clipboard, or shows it selected in a box when the browser refuses.
func TestExportCopyText(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	tb.open(s.Page("/?products=log-service&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-24T10:00:00%2B08:00"))
	text := openAsText(tb)
	for _, want := range []string{"首次欠费", "日志服务", "《阿里云产品服务协议》", "重现此时间线的链接：http://", "生成时间：2026年11月24日（周二）10:00 北京时间（UTC+8）", "规则版本："} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	tb.run(chromedp.Click(`button[data-export="copy"]`, chromedp.ByQuery))
	tb.waitFor(`document.querySelector(".copy-status").textContent !== ""`, 10*time.Second)
	status := tb.text(".copy-status")
	switch {
	case strings.Contains(status, "已复制"):
	case strings.Contains(status, "文本框"):
		var ok bool
		tb.eval(`document.querySelector("details.as-text").open && document.activeElement.id === "export-text"`, &ok)
		if !ok {
			t.Error("the clipboard was refused but the text box is not open and selected")
		}
	default:
		t.Errorf("status %q", status)
	}
	// When the browser refuses the clipboard, the text shows selected in
	// its box to copy by hand.
	tb.eval(`navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError")), true`, new(bool))
	tb.run(chromedp.Click(`button[data-export="copy"]`, chromedp.ByQuery))
	tb.waitFor(`document.querySelector(".copy-status").textContent.includes("文本框")`, 10*time.Second)
	var selected bool
	tb.eval(`(() => { const ta = document.getElementById("export-text");
		return document.querySelector("details.as-text").open && document.activeElement === ta &&
			ta.selectionStart === 0 && ta.selectionEnd === ta.value.length && ta.value.length > 0; })()`, &selected)
	if !selected {
		t.Error("the clipboard was refused but the text box is not open with the text selected")
	}
	tb.screenshot("export-zh-1280", 1280)
	tb.screenshot("export-zh-360", 360)
}

// TestExportLateFee: where the timeline has a late-fee rule, amount= gives
// the fee up to now with its clause, and says it is a right, not an
// automatic charge.
func TestExportLateFee(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	const q = "/?products=log-service,api-gateway&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-26T10:00:00%2B08:00&lang=en"
	tb.open(s.Page(q))
	if tb.count(`[data-latefee] input#amount`) != 1 {
		t.Fatal("no amount field for a timeline with a late fee")
	}
	// Typing an amount puts it into the link.
	tb.run(chromedp.SendKeys(`#amount`, "1000"+kb.Enter, chromedp.ByQuery))
	tb.waitFor(`location.search.includes("amount=1000")`, 10*time.Second)
	tb.waitReady()
	for rule, clause := range map[string]string{
		"late-fee":    "product-service-agreement#5.2", // 3 whole days since 23 Nov 09:12
		"gw-late-fee": "api-gateway-terms#2.4",         // 24, 25 and 26 Nov
	} {
		li := fmt.Sprintf(`[data-fee-rule=%q]`, rule)
		var fee string
		tb.eval(fmt.Sprintf(`(document.querySelector('%s [data-fee]') || {dataset: {}}).dataset.fee || ""`, li), &fee)
		if fee != "1.50" {
			t.Errorf("%s: fee %q, want 1.50", rule, fee)
		}
		if tb.count(fmt.Sprintf(`%s [data-clause=%q]`, li, clause)) != 1 {
			t.Errorf("%s: no citation of %s", rule, clause)
		}
		if how := tb.text(li + " .how"); !strings.Contains(how, "not an automatic charge") || !strings.Contains(how, "× 3 days") {
			t.Errorf("%s: %q", rule, how)
		}
	}
	tb.screenshot("export-latefee-en-1280", 1280)
	tb.screenshot("export-latefee-en-360", 360)

	// A bad amount: a message in [role=alert], the rest of the page intact.
	tb.open(s.Page(q + "&amount=12.345"))
	if a := tb.text(`[data-latefee] [role=alert]`); !strings.Contains(a, "12.345") {
		t.Errorf("alert %q", a)
	}
	if tb.count(`[data-milestone]`) == 0 || tb.count(`[data-fee]`) != 0 {
		t.Error("a bad amount should show no fee and keep the timeline")
	}
	// No late-fee rule, no field.
	tb.open(s.Page("/?products=log-service&event=renewal-due&at=2026-11-23T09:12:00%2B08:00&lang=en"))
	if tb.count(`[data-latefee]`) != 0 {
		t.Error("an amount field for a timeline without a late fee")
	}
}

// TestExportUnderBase: under a sub-path the file is there too and its link
// reproduces the page under that path.
func TestExportUnderBase(t *testing.T) {
	s := serve(t, explorerDist, "/explorer/")
	tb := newTab(t)
	tb.open(s.Page("/?event=first-overdue&at=2026-11-23T09:12:00%2B08:00&lang=en"))
	var href string
	tb.eval(`document.querySelector('a[download][data-export="ics"]').getAttribute("href") || ""`, &href)
	text := openAsText(tb)
	if !strings.HasPrefix(href, "data:text/calendar;") {
		t.Errorf("href %q", href)
	}
	if !strings.Contains(text, "Link that reproduces this timeline: "+s.URL+"/explorer/?") {
		t.Errorf("the text's link is not under /explorer/:\n%s", text)
	}
}

// openAsText opens "Show as text" and returns the text in its box, which is
// drawn only once it is opened.
func openAsText(tb *tab) string {
	tb.t.Helper()
	if tb.count("#export-text") != 0 {
		tb.t.Error("the text box is drawn before it is opened")
	}
	tb.run(chromedp.Click(`details.as-text summary`, chromedp.ByQuery))
	tb.waitFor(`!!document.getElementById("export-text") && document.getElementById("export-text").value !== ""`, 10*time.Second)
	var text string
	tb.eval(`document.getElementById("export-text").value`, &text)
	return text
}
