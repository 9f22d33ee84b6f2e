package search

import (
	_ "embed"
	"strings"
)

// glossaryTSV is a copy of ../glossary.tsv (the translators' glossary, which
// clauses/source tests the translations against) followed by rows used only
// by search, marked "search synonym" ("欠费 arrears", "预付费 prepaid").
// TestGlossaryCopy fails when the copy drifts from the original.
//
//go:embed glossary.tsv
var glossaryTSV string

// synonyms links each folded term to the terms of the other language on the
// same glossary rows.
type synonyms struct {
	of     map[string][]string // term → other-language terms
	byStem map[string][]string // stem of an English term → its terms
	maxLen int                 // most words in an English term
}

func loadSynonyms(tsv string) *synonyms {
	s := &synonyms{of: map[string][]string{}, byStem: map[string][]string{}}
	for i, line := range strings.Split(tsv, "\n") {
		cols := strings.Split(line, "\t")
		if i == 0 || len(cols) < 2 {
			continue
		}
		zh := Normalize(cols[0])
		for _, en := range englishVariants(cols[1]) {
			if zh == "" || en == "" {
				continue
			}
			s.add(zh, en)
			s.add(en, zh)
			if !strings.Contains(en, " ") {
				s.byStem[stem(en)] = appendNew(s.byStem[stem(en)], en)
			}
			if n := strings.Count(en, " ") + 1; n > s.maxLen {
				s.maxLen = n
			}
		}
	}
	return s
}

// englishVariants splits "service level agreement (SLA)" into the term and
// its abbreviation.
func englishVariants(en string) []string {
	en = Normalize(en)
	if i := strings.Index(en, " ("); i > 0 && strings.HasSuffix(en, ")") {
		return []string{en[:i], en[i+2 : len(en)-1]}
	}
	return []string{en}
}

func (s *synonyms) add(from, to string) {
	s.of[from] = appendNew(s.of[from], to)
}

func (s *synonyms) has(term string) bool {
	_, ok := s.of[term]
	return ok
}

// alternatives returns the other forms a term is searched as, best first:
// its synonyms on the same glossary rows, then their synonyms (so "arrears"
// finds 欠费 and, through it, "overdue"), then, for an English word, its stem
// and the synonyms of glossary terms with the same stem ("released" →
// "releas", 释放).
func (s *synonyms) alternatives(term string) []Alt {
	var out []Alt
	seen := map[string]bool{term: true}
	add := func(t string, w float64, syn bool) {
		if !seen[t] && len(out) < maxAlts {
			seen[t] = true
			out = append(out, Alt{Text: t, Weight: w, Synonym: syn})
		}
	}
	first := s.of[term]
	st := stem(term)
	if !strings.Contains(term, " ") && st != term {
		add(st, 0.85, false)
		for _, g := range s.byStem[st] {
			first = appendNew(first, s.of[g]...)
		}
	}
	for _, t := range first {
		add(t, 0.7, true)
	}
	for _, t := range first {
		for _, u := range s.of[t] {
			add(u, 0.6, true)
		}
	}
	return out
}

func appendNew(list []string, items ...string) []string {
outer:
	for _, it := range items {
		for _, l := range list {
			if l == it {
				continue outer
			}
		}
		list = append(list, it)
	}
	return list
}
