//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"obligations-explorer/clauses/compiled"
)

// TestDocumentReader opens every document in zh, en and both and checks the
// clause markers of DESIGN §4 against the compiled corpus.
func TestDocumentReader(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	for _, id := range []string{"product-service-agreement", "api-usage", "dns-api-usage", "mns-terms", "api-gateway-terms"} {
		doc, err := compiled.Document(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"zh", "en", "both"} {
			url := s.Page("/docs/" + id + "?lang=" + lang)
			tb.open(url)
			var got struct {
				Clauses, Originals, Translations, Visible int
				FirstID, OrigLang, TransLang              string
			}
			tb.eval(`(() => {
				const cs = [...document.querySelectorAll("[data-clause]")];
				const o = document.querySelectorAll("[data-clause] > [data-original]");
				const tr = document.querySelectorAll("[data-clause] > [data-translation]");
				const vis = [...document.querySelectorAll("[data-clause] > .text")].filter(e => !e.hidden).length;
				return {Clauses: cs.length, Originals: o.length, Translations: tr.length, Visible: vis,
					FirstID: cs.length ? cs[0].id : "", OrigLang: o.length ? o[0].lang : "", TransLang: tr.length ? tr[0].lang : ""};
			})()`, &got)
			want := len(doc.Clauses)
			if got.Clauses != want || got.Originals != want || got.Translations != want {
				t.Errorf("%s: %d clauses, %d originals, %d translations; the corpus has %d", url, got.Clauses, got.Originals, got.Translations, want)
			}
			if got.OrigLang != doc.Lang || got.TransLang != doc.TranslationLang() {
				t.Errorf("%s: original lang %q, translation lang %q", url, got.OrigLang, got.TransLang)
			}
			wantVisible := want
			if lang == "both" {
				wantVisible = 2 * want
			}
			if got.Visible != wantVisible {
				t.Errorf("%s: %d texts visible, want %d", url, got.Visible, wantVisible)
			}
			first := doc.Clauses[0]
			if got.FirstID != first.ID || tb.count(fmt.Sprintf(`[data-clause=%q]`, id+"#"+first.ID)) != 1 {
				t.Errorf("%s: first clause id %q, want %q with data-clause %s#%s", url, got.FirstID, first.ID, id, first.ID)
			}
			if !strings.Contains(tb.text(".doc-meta"), map[string]string{"zh": "原文为准", "both": "原文为准", "en": "original prevails"}[lang]) {
				t.Errorf("%s: the original is not marked as authoritative", url)
			}
		}
	}
}

func TestClauseAnchorScrollsAndHighlights(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	// landsOn waits for the clause to be highlighted in the upper half of
	// the screen, the only one highlighted.
	landsOn := func(id string) {
		t.Helper()
		tb.waitFor(fmt.Sprintf(`(() => { const e = document.getElementById(%q);
			if (!e || !e.classList.contains("targeted")) return false;
			const r = e.getBoundingClientRect(); return r.top >= -5 && r.top < innerHeight / 2; })()`, id), 10*time.Second)
		if n := tb.count(".targeted"); n != 1 {
			t.Errorf("%s: %d clauses highlighted", id, n)
		}
	}
	tb.open(s.Page("/docs/product-service-agreement?lang=both#special-2.2"))
	landsOn("special-2.2")
	if got := tb.text(`[id="special-2.2"] [data-original]`); !strings.Contains(got, "自阿里云暂停服务之时起7日届满") {
		t.Errorf("clause special-2.2 shows %q", got)
	}
	tb.screenshot("docs-psa-anchor-both-1280", 1280)
	tb.screenshot("docs-psa-anchor-both-360", 360)

	// The same in Chinese, whose text the prerendered page already holds and
	// the reader takes over from it.
	tb.open(s.Page("/docs/product-service-agreement#special-2.2"))
	landsOn("special-2.2")
	tb.open(s.Page("/docs/api-usage#99.9"))
	tb.waitFor(alertSays("条款“99.9”不在本文档中"), 10*time.Second)

	// An anchor that is not a clause of the document: say so, show the document.
	tb.open(s.Page("/docs/mns-terms?lang=en#99.9"))
	tb.waitFor(alertSays("Clause “99.9” is not in this document"), 10*time.Second)
	if tb.count("[data-clause]") < 50 {
		t.Error("the document is not shown under the alert")
	}
	// Clicking a clause's anchor link changes the fragment and highlights it.
	// Clicked from script, as the footer link in TestReaderFollowsInAppNavigation:
	// clauses off screen are laid out only as they come near it, so under a
	// full test run's load a click at the link's coordinates once landed
	// before the layout settled, on whatever had moved there. The click
	// still goes through the page's own handling of links, which is what is
	// tested here.
	tb.open(s.Page("/docs/mns-terms?lang=en"))
	tb.eval(`document.querySelector('[id="7.2.3"] a.anchor').click()`, nil)
	tb.waitFor(`location.hash === "#7.2.3" && document.getElementById("7.2.3").classList.contains("targeted")`, 5*time.Second)
	tb.screenshot("docs-mns-en-360", 360)
}

// TestReaderFollowsInAppNavigation moves between languages and documents
// without reloading: the reader's text is put into the page by the browser
// glue, so each move must replace it with the text of the new link, never
// leave the previous one on screen.
func TestReaderFollowsInAppNavigation(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	mns, err := compiled.Document("mns-terms")
	if err != nil {
		t.Fatal(err)
	}
	psa, err := compiled.Document("product-service-agreement")
	if err != nil {
		t.Fatal(err)
	}
	// shown reports what the reader shows: its clauses, the language of the
	// first visible text, and whether "loading" is still on screen.
	shown := func() (clauses int, firstLang string, loading bool) {
		var got struct {
			Clauses int
			Lang    string
			Loading bool
		}
		tb.eval(`(() => {
			const host = document.querySelector(".doc-host");
			const first = host && !host.hidden ? [...host.querySelectorAll("[data-clause] > .text")].find(e => !e.hidden) : null;
			const l = document.querySelector("p.loading");
			return {Clauses: host && !host.hidden ? host.querySelectorAll("[data-clause]").length : 0,
				Lang: first ? first.lang : "", Loading: !!l && !l.hidden};
		})()`, &got)
		return got.Clauses, got.Lang, got.Loading
	}
	tb.open(s.Page("/docs/mns-terms?lang=zh"))
	if n, l, loading := shown(); n != len(mns.Clauses) || l != "zh" || loading {
		t.Fatalf("mns-terms in zh: %d clauses, first text in %q, loading %v; want %d, zh (our translation)", n, l, loading, len(mns.Clauses))
	}
	// Switch to English in the page: the original (English) text replaces
	// the translation.
	tb.run(chromedp.Click(`.langs a[data-lang="en"]`, chromedp.ByQuery))
	tb.waitFor(`location.search === "?lang=en"`, 10*time.Second)
	tb.waitReady()
	if n, l, loading := shown(); n != len(mns.Clauses) || l != "en" || loading {
		t.Fatalf("mns-terms after switching to en: %d clauses, first text in %q, loading %v", n, l, loading)
	}
	// Another document through its link in the footer's list of versions.
	// Clicked from script: below a long document the footer moves while the
	// clauses scrolled past take their real height, so a click at its
	// coordinates can land elsewhere.
	tb.eval(`document.querySelector("footer details").open = true;
		document.querySelector('footer a[href="/docs/product-service-agreement?lang=en"]').click()`, nil)
	tb.waitFor(`location.pathname === "/docs/product-service-agreement"`, 10*time.Second)
	tb.waitReady()
	if n, l, loading := shown(); n != len(psa.Clauses) || l != "en" || loading {
		t.Fatalf("product-service-agreement in en: %d clauses, first text in %q, loading %v; want %d", n, l, loading, len(psa.Clauses))
	}
	if tb.count(`[data-clause^="mns-terms#"]`) != 0 {
		t.Error("clauses of the previous document are still in the page")
	}
	// Back to the first document: the browser's back button.
	tb.run(chromedp.NavigateBack())
	tb.waitFor(`location.pathname === "/docs/mns-terms"`, 10*time.Second)
	tb.waitReady()
	if n, l, _ := shown(); n != len(mns.Clauses) || l != "en" {
		t.Fatalf("back to mns-terms: %d clauses, first text in %q", n, l)
	}
}

// TestEditorialNotesInThePageLanguage: an editor's note on a clause (here a
// typo of the original kept verbatim) reads in the page's language, and in
// both on a bilingual page.
func TestEditorialNotesInThePageLanguage(t *testing.T) {
	s := serve(t, rootDist, "/")
	tb := newTab(t)
	const note = `[data-clause="product-service-agreement#special-54.1"] .clause-note`
	const zh, en = "编者注： 原文笔误“保留留”照录保留。", "Editor's note: source typo 保留留 kept verbatim"
	for _, c := range []struct {
		lang      string
		want, not []string
	}{
		{"zh", []string{zh}, []string{"source typo"}},
		{"en", []string{en}, []string{"笔误"}},
		{"both", []string{zh, en}, nil},
	} {
		tb.open(s.Page("/docs/product-service-agreement?lang=" + c.lang + "#special-54.1"))
		tb.waitFor(fmt.Sprintf(`!!document.querySelector(%q)`, note), 10*time.Second)
		got := tb.text(note)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("lang=%s: note reads %q, want %q in it", c.lang, got, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("lang=%s: note reads %q, should not hold %q", c.lang, got, w)
			}
		}
	}
}

// alertSays is a script true once some [role=alert] on the page says want.
// Polled rather than read once: in a full run under load the one check
// right after ready once found the alert empty (it was there when the test
// ran alone); what the user must see is the message, wherever it sits.
func alertSays(want string) string {
	return fmt.Sprintf(`[...document.querySelectorAll("[role=alert]")].some((e) => e.textContent.includes(%q))`, want)
}
