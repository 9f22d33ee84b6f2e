package search

import "unicode/utf8"

// grams is an inverted index from every rune and every pair of adjacent
// runes of the folded corpus to the fields that hold it. A query form is
// looked for only in the fields that hold its rarest pair, so a search reads
// a small part of the corpus instead of all of it.
//
// It is flat arrays (an open-addressing table and linked lists of entries)
// with no pointers, cheap to build in the browser and invisible to the
// garbage collector.
type grams struct {
	bits  uint
	keys  []uint64 // key+1 per slot; 0 is an empty slot
	head  []int32  // per slot: its newest entry
	count []int32  // per slot: how many fields hold the key
	field []int32  // per entry: a field
	next  []int32  // per entry: the key's previous entry, or -1
	used  int
}

// newGrams makes an index with 1<<bits slots (it grows when three quarters
// are used) and room for entries.
func newGrams(bits uint, entries int) *grams {
	n := 1 << bits
	return &grams{bits: bits, keys: make([]uint64, n), head: make([]int32, n), count: make([]int32, n),
		field: make([]int32, 0, entries), next: make([]int32, 0, entries)}
}

// gramKey is the key of a pair of runes; a single rune is the pair (0, r),
// which no text holds since folding drops NUL.
func gramKey(a, b rune) uint64 { return uint64(a)<<21 | uint64(b) }

// slot finds the key's slot, or the empty slot where it belongs.
func (g *grams) slot(k uint64) int {
	mask := uint64(len(g.keys) - 1)
	i := (k * 0x9E3779B97F4A7C15) >> (64 - g.bits)
	for {
		if g.keys[i] == 0 || g.keys[i] == k+1 {
			return int(i)
		}
		i = (i + 1) & mask
	}
}

// add records that field fi holds key k. Fields are added in increasing
// order, so a repeat within a field is the list's newest entry.
func (g *grams) add(k uint64, fi int32) {
	s := g.slot(k)
	if g.keys[s] == 0 {
		if (g.used+1)*4 > len(g.keys)*3 {
			g.grow()
			s = g.slot(k)
		}
		g.keys[s] = k + 1
		g.head[s] = -1
		g.used++
	} else if g.field[g.head[s]] == fi {
		return
	}
	g.field = append(g.field, fi)
	g.next = append(g.next, g.head[s])
	g.head[s] = int32(len(g.field) - 1)
	g.count[s]++
}

func (g *grams) grow() {
	old := *g
	*g = *newGrams(old.bits+1, 0)
	g.field, g.next, g.used = old.field, old.next, old.used
	for i, k := range old.keys {
		if k != 0 {
			s := g.slot(k - 1)
			g.keys[s], g.head[s], g.count[s] = k, old.head[i], old.count[i]
		}
	}
}

// addText indexes the folded text of field fi.
func (g *grams) addText(text string, fi int32) {
	prev := rune(0)
	for _, r := range text {
		g.add(gramKey(0, r), fi)
		if prev != 0 {
			g.add(gramKey(prev, r), fi)
		}
		prev = r
	}
}

// candidates returns, in increasing order, the fields that may hold s: those
// holding its rarest pair of runes (or its rune, when it has one).
func (g *grams) candidates(s string) []int32 {
	best, bestCount := -1, int32(-1)
	consider := func(k uint64) bool {
		sl := g.slot(k)
		if g.keys[sl] == 0 {
			best, bestCount = -1, 0
			return false
		}
		if bestCount < 0 || g.count[sl] < bestCount {
			best, bestCount = sl, g.count[sl]
		}
		return true
	}
	prev := rune(0)
	if utf8.RuneCountInString(s) == 1 {
		r, _ := utf8.DecodeRuneInString(s)
		consider(gramKey(0, r))
	} else {
		for _, r := range s {
			if prev != 0 && !consider(gramKey(prev, r)) {
				return nil
			}
			prev = r
		}
	}
	if best < 0 {
		return nil
	}
	out := make([]int32, bestCount)
	i := len(out)
	for e := g.head[best]; e >= 0; e = g.next[e] {
		i--
		out[i] = g.field[e]
	}
	return out
}
