package search

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Piece is a run of a snippet's text; Mark is set on the words that matched.
type Piece struct {
	Text string
	Mark bool
}

// Snippet is a piece of clause text cut for display, with its matches
// marked. It is text, never markup.
type Snippet []Piece

// String returns the snippet's text.
func (s Snippet) String() string {
	var b strings.Builder
	for _, p := range s {
		b.WriteString(p.Text)
	}
	return b.String()
}

// Marked returns the marked pieces' texts.
func (s Snippet) Marked() []string {
	var out []string
	for _, p := range s {
		if p.Mark {
			out = append(out, p.Text)
		}
	}
	return out
}

// Snippet windows, in runes: how much text is shown, and how much of it
// comes before the first match. Chinese is about twice as dense.
var window = map[string][2]int{"zh": {90, 24}, "en": {220, 60}}

const ellipsis = "…"

// rng is a byte range of an original text.
type rng struct{ start, end int }

// snippets fills in a result's titles and text windows in both languages.
func (ix *Index) snippets(en *entry, terms []Term, r *Result) {
	var forms []Alt
	for _, t := range terms {
		forms = append(forms, t.forms()...)
	}
	sort.SliceStable(forms, func(i, j int) bool { return forms[i].Weight > forms[j].Weight })

	var marks [2][]rng
	var focus [2]int
	for li, l := range langs {
		if fi := en.fields[li][kindTitle]; fi >= 0 {
			m, _ := ix.marks(fi, forms)
			r.Title[l] = cut(ix.fields[fi].orig, m, 0, len(ix.fields[fi].orig))
		}
		focus[li] = -1
		if fi := en.fields[li][kindText]; fi >= 0 {
			marks[li], focus[li] = ix.marks(fi, forms)
		}
	}
	// Where one language has no match, show the same place in it as in the
	// other: the same paragraph, at the same relative position.
	for li, l := range langs {
		fi := en.fields[li][kindText]
		if fi < 0 {
			continue
		}
		text := ix.fields[fi].orig
		paras := paragraphs(text)
		w := window[l]
		if focus[li] >= 0 {
			pi := paraOf(paras, focus[li])
			ps, pe := paras[pi].start, paras[pi].end
			start := back(text, focus[li], w[1], ps)
			r.Text[l] = window1(text, marks[li], start, ps, pe, w[0], l)
			continue
		}
		pi, rel := 0, 0.0
		if oi := en.fields[1-li][kindText]; oi >= 0 && focus[1-li] >= 0 {
			other := paragraphs(ix.fields[oi].orig)
			opi := paraOf(other, focus[1-li])
			if len(other) == len(paras) {
				pi = opi
				if n := other[opi].end - other[opi].start; n > 0 {
					rel = float64(focus[1-li]-other[opi].start) / float64(n)
				}
			}
		}
		ps, pe := paras[pi].start, paras[pi].end
		at := ps + int(rel*float64(pe-ps))
		for at < pe && !utf8.RuneStart(text[at]) {
			at++
		}
		start := back(text, at, w[1], ps)
		r.Text[l] = window1(text, nil, start, ps, pe, w[0], l)
	}
}

// marks finds every form in a field and returns the matched ranges of the
// original text, merged, with the start of the first match of the best form
// found (or -1).
func (ix *Index) marks(fi int, forms []Alt) ([]rng, int) {
	f := &ix.fields[fi]
	norm := ix.text(fi)
	var out []rng
	focus := -1
	for _, form := range forms {
		if form.Text == "" {
			continue
		}
		for from, n := 0, 0; n < 64; n++ {
			i := strings.Index(norm[from:], form.Text)
			if i < 0 {
				break
			}
			s := from + i
			e := s + len(form.Text)
			from = e
			if isWordByte(form.Text[0]) && s > 0 && isWordByte(norm[s-1]) {
				from = s + 1
				continue
			}
			os, oe := origOffset(f.shifts, s), origOffset(f.shifts, e)
			// A match of an English form covers the rest of its word
			// ("overdu" in "overdue").
			if isWordByte(f.orig[oe-1]) {
				for oe < len(f.orig) && isWordByte(f.orig[oe]) {
					oe++
				}
			}
			if focus < 0 {
				focus = os
			}
			out = append(out, rng{os, oe})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	merged := out[:0]
	for _, r := range out {
		if n := len(merged); n > 0 && r.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, r.end)
			continue
		}
		merged = append(merged, r)
	}
	return merged, focus
}

// paragraphs returns the byte ranges of the lines of a clause's plain text.
func paragraphs(text string) []rng {
	var out []rng
	start := 0
	for {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			return append(out, rng{start, len(text)})
		}
		out = append(out, rng{start, start + i})
		start += i + 1
	}
}

func paraOf(paras []rng, at int) int {
	for i, p := range paras {
		if at <= p.end {
			return i
		}
	}
	return len(paras) - 1
}

// back moves n runes back from at, not before floor.
func back(text string, at, n, floor int) int {
	for ; n > 0 && at > floor; n-- {
		_, size := utf8.DecodeLastRuneInString(text[floor:at])
		at -= size
	}
	return at
}

// window1 cuts up to n runes of a paragraph [ps, pe) from start, at word
// boundaries for English, with ellipses where text is left out.
func window1(text string, marks []rng, start, ps, pe, n int, lang string) Snippet {
	if lang == "en" && start > ps {
		if i := strings.IndexByte(text[start:pe], ' '); i >= 0 && i < 20 {
			start += i + 1
		}
	}
	end := start
	for ; n > 0 && end < pe; n-- {
		_, size := utf8.DecodeRuneInString(text[end:pe])
		end += size
	}
	if lang == "en" && end < pe {
		if i := strings.LastIndexByte(text[start:end], ' '); i > 0 && end-(start+i) < 30 {
			end = start + i
		}
	}
	s := cut(text, marks, start, end)
	if start > ps {
		s = append(Snippet{{Text: ellipsis}}, s...)
	}
	if end < pe {
		s = append(s, Piece{Text: ellipsis})
	}
	return s
}

// cut returns text[start:end] as pieces, marked where marks cover it.
func cut(text string, marks []rng, start, end int) Snippet {
	var s Snippet
	at := start
	for _, m := range marks {
		ms, me := max(m.start, start), min(m.end, end)
		if ms >= me {
			continue
		}
		if ms > at {
			s = append(s, Piece{Text: text[at:ms]})
		}
		s = append(s, Piece{Text: text[ms:me], Mark: true})
		at = me
	}
	if at < end {
		s = append(s, Piece{Text: text[at:end]})
	}
	return s
}
