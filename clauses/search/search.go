// Package search is full-text search over every clause of the corpus in both
// languages: the original text and our translation, clause titles, section
// titles and clause ids. A Chinese query finds an English-original clause
// through its Chinese translation and the reverse; glossary synonyms widen a
// term to the other language (欠费 / overdue / arrears).
//
// Matching is by substring on a folded text (case, full/half width), since
// Chinese has no spaces between words. The index is the whole corpus folded
// once into one string, so a query is one fast scan per form of each term.
// It is pure Go with no go-app import, for the WebAssembly and the host.
package search

import (
	"sort"
	"strings"
	"sync"

	"obligations-explorer/clauses/model"
)

// Languages of the corpus, in field order.
var langs = [2]string{"zh", "en"}

// Kinds of indexed text.
const (
	kindText = iota
	kindTitle
)

// Index is the searchable corpus. Build it once with New; Search is safe for
// concurrent use.
type Index struct {
	all      string  // every field folded, each followed by "\x00"
	fields   []field // in the order of all, with a sentinel at the end
	entries  []entry // clauses, in corpus order
	sections []section
	ids      map[string][]int32 // folded clause id → entries
	syn      *synonyms
	grams    *grams
	scratch  sync.Pool // []acc
}

// field is one indexed text: a clause's text or title in one language.
type field struct {
	start  int // offset in Index.all
	entry  int32
	lang   uint8
	kind   uint8
	orig   string
	shifts []shift
}

// entry is a clause.
type entry struct {
	doc     *model.Document
	clause  *model.Clause
	section int32     // index in Index.sections
	fields  [2][2]int // field per language and kind, -1 when empty
}

// section is a section of a document, whose title counts for its clauses.
type section struct {
	title [2]string // folded
	first int32     // its entries are first..last-1
	last  int32
}

// New indexes a corpus.
func New(c *model.Corpus) *Index {
	ix := &Index{ids: map[string][]int32{}, syn: loadSynonyms(glossaryTSV), grams: newGrams(15, 300_000)}
	var b strings.Builder
	add := func(e int32, lang, kind int, text string) int {
		if strings.TrimSpace(text) == "" {
			return -1
		}
		norm, shifts := foldText(text)
		ix.fields = append(ix.fields, field{start: b.Len(), entry: e, lang: uint8(lang), kind: uint8(kind), orig: text, shifts: shifts})
		ix.grams.addText(norm, int32(len(ix.fields)-1))
		b.WriteString(norm)
		b.WriteByte(0)
		return len(ix.fields) - 1
	}
	for _, d := range c.Docs {
		secIdx := map[string]int32{}
		for _, s := range d.Sections {
			secIdx[s.Name] = int32(len(ix.sections))
			ix.sections = append(ix.sections, section{title: [2]string{Normalize(s.Title["zh"]), Normalize(s.Title["en"])}, first: -1})
		}
		for _, cl := range d.Clauses {
			e := int32(len(ix.entries))
			en := entry{doc: d, clause: cl, section: -1}
			if si, ok := secIdx[cl.Section]; ok {
				en.section = si
				s := &ix.sections[si]
				if s.first < 0 {
					s.first = e
				}
				s.last = e + 1
			}
			for li, l := range langs {
				en.fields[li][kindText] = add(e, li, kindText, cl.PlainText(l))
				en.fields[li][kindTitle] = add(e, li, kindTitle, cl.Title[l])
			}
			ix.entries = append(ix.entries, en)
			id := Normalize(cl.ID)
			ix.ids[id] = append(ix.ids[id], e)
		}
	}
	ix.all = b.String()
	ix.fields = append(ix.fields, field{start: len(ix.all) + 1, entry: -1})
	return ix
}

// Response is what a query found.
type Response struct {
	Query     string   // the query as searched: folded, perhaps shortened
	Terms     []Term   // what was looked for
	Total     int      // clauses found
	Results   []Result // the best of them, ranked, at most the limit asked for
	Partial   bool     // no clause has every term: these have some of them
	Truncated bool     // the query had more than MaxQueryRunes; only its start was searched
	Dropped   int      // terms beyond MaxTerms, not searched
}

// Result is one clause found.
type Result struct {
	Doc      string
	Clause   string // clause id, the anchor in /docs/<doc>#<clause>
	Label    string // the number as printed
	DocLang  string // the language of the document's original text
	Lang     string // the language the best match is in: "zh" or "en"
	Original bool   // whether Lang is the original's language (else: found through our translation)
	Synonym  bool   // found only through synonyms or related word forms
	Terms    int    // how many of the query's terms it has
	Score    float64
	// Title and Text hold, per language ("zh", "en"), the clause's title
	// and a window of its text around the matches, highlighted.
	Title map[string]Snippet
	Text  map[string]Snippet
}

// Scoring weights. A term found in the original counts more than one found
// in our translation, a title more than the text, the term itself more than
// a related form or synonym (Alt.Weight); a clause id typed in full wins.
const (
	wOriginal    = 10.0
	wTranslation = 8.0
	wTitle       = 1.5 // × the text weight
	wSection     = 2.0 // a term found only in the section's title
	wIDTerm      = 30.0
	wIDQuery     = 100.0
	wPhrase      = 15.0
	wOtherLang   = 0.25 // × the term's best weight in the other language
	wWordStart   = 1.1
	wWholeWord   = 1.2
	wHit         = 0.3 // per further occurrence, up to maxHitBonus
	maxHitBonus  = 10
	maxFieldHits = 16 // occurrences counted per form and field
)

// acc gathers what one query found in one clause.
type acc struct {
	best    [MaxTerms][2]float32 // best weight per term and language
	exact   [MaxTerms][2]bool    // the term itself was found, not only a related form, per language
	hits    int
	touched bool
}

// Search runs a query and returns at most limit results, best first, with
// their snippets. An empty query finds nothing.
func (ix *Index) Search(q string, limit int) Response {
	p := parse(q, ix.syn)
	resp := Response{Query: p.norm, Terms: p.terms, Truncated: p.truncated, Dropped: p.dropped}
	if len(p.terms) == 0 {
		return resp
	}
	// Scratch space, one slot per clause, reused from search to search: a
	// search touches few clauses, and the garbage collector of the
	// WebAssembly is slow.
	accs, _ := ix.scratch.Get().([]acc)
	if len(accs) != len(ix.entries) {
		accs = make([]acc, len(ix.entries))
	}
	var touched []int32
	defer func() {
		for _, e := range touched {
			accs[e] = acc{}
		}
		ix.scratch.Put(accs)
	}()
	touch := func(e int32) *acc {
		a := &accs[e]
		if !a.touched {
			a.touched = true
			touched = append(touched, e)
		}
		return a
	}
	record := func(e int32, ti, li int, w float64, exact bool) {
		a := touch(e)
		a.best[ti][li] = max(a.best[ti][li], float32(w))
		a.exact[ti][li] = a.exact[ti][li] || exact
	}

	// The same form can serve several terms (欠费 and its synonym of
	// "overdue"): scan the corpus once per form.
	type hit struct{ field, off int32 }
	scanned := map[string][]hit{}
	for ti, t := range p.terms {
		for _, alt := range t.forms() {
			hits, ok := scanned[alt.Text]
			if !ok {
				ix.scan(alt.Text, func(fi, off int) { hits = append(hits, hit{int32(fi), int32(off)}) })
				scanned[alt.Text] = hits
			}
			for _, h := range hits {
				f, off := &ix.fields[h.field], int(h.off)
				en := &ix.entries[f.entry]
				w := wTranslation
				if langs[f.lang] == en.doc.Lang {
					w = wOriginal
				}
				if f.kind == kindTitle {
					w *= wTitle
				}
				w *= alt.Weight * ix.boundary(f.start+off, len(alt.Text))
				record(f.entry, ti, int(f.lang), w, alt.Weight == 1)
				accs[f.entry].hits++
			}
			for si := range ix.sections {
				s := &ix.sections[si]
				for li := range langs {
					if s.first >= 0 && s.title[li] != "" && strings.Contains(s.title[li], alt.Text) {
						for e := s.first; e < s.last; e++ {
							record(e, ti, li, wSection*alt.Weight, alt.Weight == 1)
						}
					}
				}
			}
		}
		for _, e := range ix.ids[t.Text] {
			record(e, ti, langIndex(ix.entries[e].doc.Lang), wIDTerm, true)
		}
	}
	idQuery := map[int32]bool{}
	for _, e := range ix.ids[strings.TrimSuffix(p.norm, ".")] {
		idQuery[e] = true
		touch(e)
	}

	type scored struct {
		e     int32
		terms int
		score float64
		lang  int
		syn   bool
	}
	var found []scored
	most := 0
	for _, e := range touched {
		a := &accs[e]
		s := scored{e: e, syn: true}
		var perLang [2]float64
		var exact [2]int
		for ti := range p.terms {
			b0, b1 := float64(a.best[ti][0]), float64(a.best[ti][1])
			if b0 == 0 && b1 == 0 {
				continue
			}
			s.terms++
			s.score += max(b0, b1) + wOtherLang*min(b0, b1)
			perLang[0] += b0
			perLang[1] += b1
			for li := range langs {
				if a.exact[ti][li] {
					exact[li]++
				}
			}
			s.syn = s.syn && !a.exact[ti][0] && !a.exact[ti][1]
		}
		if idQuery[e] {
			s.score += wIDQuery
			s.terms = max(s.terms, len(p.terms))
			s.syn = false
		}
		s.score += wHit * float64(min(a.hits, maxHitBonus))
		// The language matched: where more of the terms themselves were
		// found, else where the matches weigh more.
		if exact[1] > exact[0] || exact[1] == exact[0] && perLang[1] > perLang[0] {
			s.lang = 1
		}
		if p.phrase != "" && ix.hasPhrase(e, p.phrase) {
			s.score += wPhrase
		}
		most = max(most, s.terms)
		found = append(found, s)
	}
	// Every term, or else as many as any clause has.
	resp.Partial = len(found) > 0 && most < len(p.terms)
	kept := found[:0]
	for _, s := range found {
		if s.terms == most {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].score != kept[j].score {
			return kept[i].score > kept[j].score
		}
		return kept[i].e < kept[j].e
	})
	resp.Total = len(kept)
	if limit >= 0 && len(kept) > limit {
		kept = kept[:limit]
	}
	for _, s := range kept {
		en := &ix.entries[s.e]
		r := Result{
			Doc: en.doc.ID, Clause: en.clause.ID, Label: en.clause.Label, DocLang: en.doc.Lang,
			Lang: langs[s.lang], Synonym: s.syn, Terms: s.terms, Score: s.score,
			Title: map[string]Snippet{}, Text: map[string]Snippet{},
		}
		r.Original = r.Lang == en.doc.Lang
		ix.snippets(en, p.terms, &r)
		resp.Results = append(resp.Results, r)
	}
	return resp
}

func langIndex(l string) int {
	if l == "en" {
		return 1
	}
	return 0
}

// scan calls found for each occurrence of s in the folded corpus, at most
// maxFieldHits times per field, reading only the fields the gram index says
// may hold it. A form that starts with a letter or digit matches only at the
// start of a word ("fee" is not in "coffee"); Chinese matches anywhere.
func (ix *Index) scan(s string, found func(field, off int)) {
	if s == "" {
		return
	}
	wordStart := isWordByte(s[0])
	cands := ix.grams.candidates(s)
	if len(cands) > len(ix.fields)/3 {
		// Nearly everywhere ("the", 服务): one pass over the whole corpus
		// is faster than one per field.
		ix.scanAll(s, wordStart, found)
		return
	}
	for _, fi := range cands {
		text := ix.text(int(fi))
		for from, n := 0, 0; n < maxFieldHits; {
			i := strings.Index(text[from:], s)
			if i < 0 {
				break
			}
			pos := from + i
			if wordStart && pos > 0 && isWordByte(text[pos-1]) {
				from = pos + 1
				continue
			}
			found(int(fi), pos)
			n++
			from = pos + len(s)
		}
	}
}

// scanAll is scan over the whole folded corpus in one pass.
func (ix *Index) scanAll(s string, wordStart bool, found func(field, off int)) {
	fi, n, from := 0, 0, 0
	for from < len(ix.all) {
		i := strings.Index(ix.all[from:], s)
		if i < 0 {
			return
		}
		pos := from + i
		if wordStart && pos > 0 && isWordByte(ix.all[pos-1]) {
			from = pos + 1
			continue
		}
		if ix.fields[fi+1].start <= pos {
			n = 0
			for ix.fields[fi+1].start <= pos {
				fi++
			}
		}
		found(fi, pos-ix.fields[fi].start)
		n++
		from = pos + len(s)
		if n >= maxFieldHits {
			from = ix.fields[fi+1].start
		}
	}
}

// text is a field's folded text.
func (ix *Index) text(fi int) string {
	return ix.all[ix.fields[fi].start : ix.fields[fi+1].start-1]
}

// boundary weighs a match by where it ends: an English form (which starts
// a word, see scan) counts more as a whole word than as the start of a
// longer one. Chinese, with no word boundaries, counts as whole.
func (ix *Index) boundary(pos, n int) float64 {
	if isWordByte(ix.all[pos]) && isWordByte(ix.all[pos+n-1]) && isWordByte(ix.all[pos+n]) {
		return wWordStart
	}
	return wWholeWord
}

// hasPhrase reports whether the clause's text or title holds the query as
// typed, words in order.
func (ix *Index) hasPhrase(e int32, phrase string) bool {
	for _, byKind := range ix.entries[e].fields {
		for _, fi := range byKind {
			if fi >= 0 && strings.Contains(ix.text(fi), phrase) {
				return true
			}
		}
	}
	return false
}
