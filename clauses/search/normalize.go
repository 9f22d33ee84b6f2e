package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps one rune to its search form, or to -1 when it is dropped:
// full-width ASCII becomes half-width (ＭＮＳ → mns, ３０ → 30, ， → ,), every
// kind of space becomes ' ', letters become lower case, curly quotes become
// straight ones, and control and zero-width characters disappear.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == '\u2018' || r == '\u2019':
		return '\''
	case r == '\u201C' || r == '\u201D':
		return '"'
	case r == utf8.RuneError:
		return -1
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
		return -1
	}
	return unicode.ToLower(r)
}

// shift is a checkpoint of the map from a folded text back to its original:
// from byte norm of the folded text on, byte n is byte orig+(n-norm) of the
// original, until the next checkpoint.
type shift struct{ norm, orig int32 }

// foldText folds s rune by rune and records where the folded text's byte
// offsets drift from the original's, so a match found in the folded text can
// be highlighted in the original.
func foldText(s string) (string, []shift) {
	var b strings.Builder
	b.Grow(len(s))
	var shifts []shift
	delta := 0
	for i, r := range s {
		if f := fold(r); f >= 0 {
			b.WriteRune(f)
		}
		next := i + utf8.RuneLen(r)
		if r == utf8.RuneError {
			next = i + 1
		}
		if d := next - b.Len(); d != delta {
			delta = d
			shifts = append(shifts, shift{int32(b.Len()), int32(next)})
		}
	}
	return b.String(), shifts
}

// origOffset maps a byte offset of the folded text (at a rune boundary) to
// the original text.
func origOffset(shifts []shift, n int) int {
	lo, hi := 0, len(shifts) // first checkpoint with norm > n
	for lo < hi {
		m := (lo + hi) / 2
		if int(shifts[m].norm) > n {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo == 0 {
		return n
	}
	s := shifts[lo-1]
	return int(s.orig) + n - int(s.norm)
}

// Normalize folds a query: valid UTF-8, folded rune by rune, runs of space
// collapsed, trimmed.
func Normalize(q string) string {
	q = strings.ToValidUTF8(q, "")
	var b strings.Builder
	space := false
	for _, r := range q {
		f := fold(r)
		switch {
		case f < 0:
		case f == ' ':
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(f)
		}
	}
	return b.String()
}

// isASCIIWord reports whether s is made of ASCII letters, digits, and the
// punctuation that stays inside English words.
func isASCIIWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// stem strips one common English suffix from a word of at least five
// letters, so "suspended" also finds "suspend" and "expired" "expiry". It
// is deliberately crude: the result is searched as a substring.
func stem(w string) string {
	if len(w) < 5 || !isASCIIWord(w) {
		return w
	}
	for _, suf := range []string{"ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ed", "es", "s", "e", "y"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
