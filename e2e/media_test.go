//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestPrintAndDarkMode: printed, the timeline keeps its citations and drops
// the controls and navigation, and names the link that reproduces it; in a
// dark colour scheme the page follows prefers-color-scheme.
func TestPrintAndDarkMode(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	url := s.Page("/?products=log-service&billing=payg&event=first-overdue&at=2026-11-23T09:12:00%2B08:00&now=2026-11-25T10:00:00%2B08:00&lang=en")
	tb.open(url)

	tb.run(emulation.SetEmulatedMedia().WithMedia("print"))
	var form, nav, prov, cite string
	tb.eval(`getComputedStyle(document.querySelector("form.query")).display`, &form)
	tb.eval(`getComputedStyle(document.querySelector("header.top")).display`, &nav)
	tb.eval(`getComputedStyle(document.querySelector("p.print-only")).display`, &prov)
	tb.eval(`document.querySelector("p.print-only").textContent`, &cite)
	if form != "none" || nav != "none" || prov == "none" {
		t.Errorf("print: form %s, header %s, provenance %s", form, nav, prov)
	}
	if !strings.Contains(cite, "products=log-service") || !strings.Contains(cite, "Rules version") {
		t.Errorf("print provenance %q lacks the link or the rules version", cite)
	}
	var pdf []byte
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPaperWidth(8.27).WithPaperHeight(11.69).Do(ctx)
		return err
	}))
	if shotsDir != "" {
		os.WriteFile(filepath.Join(shotsDir, "print-calculator-en.pdf"), pdf, 0o644)
	}
	if len(pdf) < 10000 {
		t.Errorf("print to PDF gave %d bytes", len(pdf))
	}
	tb.run(emulation.SetEmulatedMedia().WithMedia(""))

	tb.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}))
	var bg string
	tb.eval(`getComputedStyle(document.body).backgroundColor`, &bg)
	if bg != "rgb(18, 23, 29)" {
		t.Errorf("dark mode background %s", bg)
	}
	tb.screenshot("dark-calculator-en-1280", 1280)
	tb.screenshot("dark-calculator-en-360", 360)
	tb.open(s.Page("/docs/product-service-agreement?lang=both"))
	tb.screenshot("dark-docs-both-1280", 1280)
}
