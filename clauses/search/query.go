package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on a query. The URL parser already drops values over 512 bytes; a
// query within that but with more runes or terms than these is searched in
// part, and the response says so.
const (
	MaxQueryRunes = 100
	MaxTerms      = 8
	maxAlts       = 8
)

// Term is one part of a query: a word, a run of Chinese characters, a
// "quoted phrase", or several words that together are a glossary term
// ("late fee"). A clause matches the term when it contains the term or one of
// its alternatives, in either language.
type Term struct {
	Text   string // folded
	Phrase bool   // quoted, or several words
	Alts   []Alt  // other forms, best first
}

// Alt is another form a term is searched as.
type Alt struct {
	Text    string
	Weight  float64 // 1 for the term itself
	Synonym bool    // from the glossary (rather than the term or its stem)
}

// forms returns the term itself and its alternatives.
func (t Term) forms() []Alt {
	return append([]Alt{{Text: t.Text, Weight: 1}}, t.Alts...)
}

// parsed is a query taken apart.
type parsed struct {
	norm      string // folded query, as searched
	terms     []Term
	phrase    string // the whole query, when it has several words (ranking bonus)
	truncated bool
	dropped   int
}

// parse folds a query and splits it into terms: quoted phrases stay whole;
// elsewhere, spaces and list punctuation separate terms, and runs of words
// that form a glossary term are joined back into one.
func parse(q string, syn *synonyms) parsed {
	var p parsed
	norm := Normalize(q)
	if utf8.RuneCountInString(norm) > MaxQueryRunes {
		r := []rune(norm)
		norm = strings.TrimSpace(string(r[:MaxQueryRunes]))
		p.truncated = true
	}
	p.norm = norm

	type chunk struct {
		text   string
		quoted bool
	}
	var chunks []chunk
	for i, part := range strings.Split(norm, `"`) {
		if i%2 == 1 {
			if part = trimPunct(part); part != "" {
				chunks = append(chunks, chunk{part, true})
			}
			continue
		}
		words := strings.FieldsFunc(part, func(r rune) bool {
			return r == ' ' || r == ',' || r == ';' || r == '、' || r == '。' || r == '|'
		})
		var ws []string
		for _, w := range words {
			if w = trimPunct(w); w != "" {
				ws = append(ws, w)
			}
		}
		// Longest glossary terms first: "first overdue", "late fee"; a
		// number stays with its unit: "30 days".
		for j := 0; j < len(ws); {
			n := 1
			if isDigits(ws[j]) {
				for k := min(3, len(ws)-j); k > 1; k-- {
					if unitOf(strings.Join(ws[j+1:j+k], " ")) != "" {
						n = k
						break
					}
				}
			}
			for k := min(syn.maxLen, len(ws)-j); n == 1 && k > 1; k-- {
				if syn.has(strings.Join(ws[j:j+k], " ")) {
					n = k
					break
				}
			}
			chunks = append(chunks, chunk{strings.Join(ws[j:j+n], " "), false})
			j += n
		}
	}

	seen := map[string]bool{}
	for _, c := range chunks {
		if seen[c.text] {
			continue
		}
		seen[c.text] = true
		if len(p.terms) == MaxTerms {
			p.dropped++
			continue
		}
		t := Term{Text: c.text, Phrase: c.quoted || strings.Contains(c.text, " ")}
		if !c.quoted || syn.has(c.text) {
			t.Alts = syn.alternatives(c.text)
		}
		t.Alts = append(t.Alts, durationAlts(c.text)...)
		p.terms = append(p.terms, t)
	}
	if len(p.terms) > 1 && !strings.Contains(norm, `"`) {
		p.phrase = norm
	}
	return p
}

// trimPunct strips punctuation and symbols from both ends of a word, keeping
// what is inside ("pay-as-you-go", "4.2.1", "30日").
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
}

// Units of a duration, in the forms the two languages print them: 30日,
// 30天, 30个自然日 / 30 days. The key is the English unit.
var units = []struct {
	en string
	zh []string
}{
	{"day", []string{"日", "天", "个自然日", "自然日"}},
	{"working day", []string{"个工作日", "工作日"}},
	{"hour", []string{"小时", "个小时"}},
	{"month", []string{"个月"}},
	{"year", []string{"年"}},
	{"minute", []string{"分钟"}},
}

// unitOf returns the English unit of an English unit word ("days" → "day").
func unitOf(w string) string {
	w = strings.TrimSuffix(w, "s")
	for _, u := range units {
		if w == u.en {
			return u.en
		}
	}
	return ""
}

// durationAlts gives a number with its unit in the other language: "30日"
// → "30 days", "24 hours" → 24小时, so a duration is found, and marked, in
// both texts.
func durationAlts(t string) []Alt {
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i > 6 {
		return nil
	}
	num, rest := t[:i], strings.TrimSpace(t[i:])
	var out []Alt
	add := func(s string) {
		if len(out) < maxAlts {
			out = append(out, Alt{Text: s, Weight: 0.7, Synonym: true})
		}
	}
	for _, u := range units {
		for _, zh := range u.zh {
			if rest == zh {
				// "30 day" also finds "30 days"; "30-day" is printed too.
				add(num + " " + u.en)
				add(num + "-" + u.en)
				return out
			}
		}
		if unitOf(rest) == u.en && rest != "" {
			for _, zh := range u.zh {
				add(num + zh)
			}
			return out
		}
	}
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
