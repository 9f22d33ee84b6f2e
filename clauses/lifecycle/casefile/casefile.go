// Package casefile reads the calculator's hand-computed cases
// (clauses/lifecycle/testdata/cases-*.txt): numbered cases, each a title, the
// query, and the milestones a lawyer expects, in the fixture style of
// goldmark's _test/extra.txt. Unit tests run them against the calculator and
// the end-to-end tests against the page.
package casefile

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Separator ends a case.
const Separator = "//= = = = = = = = = = = = = = = = = = = = = = = =//"

// Case is one hand-computed case.
type Case struct {
	File     string
	Number   int
	Title    string
	Products []string
	Billing  string
	Event    string
	At       string
	If       []string
	Expect   []Expected
	Absent   []string
}

// Expected is one milestone the case requires.
type Expected struct {
	Rule    string // rule id
	Reading string // "", "A", "B"…
	Bound   string
	Instant string // RFC 3339, for exact, by, not-before
	Start   string // within-range
	End     string
	Clause  string // "<doc>#<clause>"
	Product string // "" when the case does not say
	Line    string // the line as written, for messages
}

// Load reads every cases-*.txt file in dir, ordered by case number.
func Load(dir string) ([]Case, error) {
	files, err := filepath.Glob(filepath.Join(dir, "cases-*.txt"))
	if err != nil {
		return nil, err
	}
	var all []Case
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		cs, err := Parse(filepath.Base(f), string(b))
		if err != nil {
			return nil, err
		}
		all = append(all, cs...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Number < all[j].Number })
	return all, nil
}

// Parse reads the cases of one file.
func Parse(name, text string) ([]Case, error) {
	var out []Case
	for _, block := range strings.Split(text, Separator) {
		block = strings.TrimSpace(block)
		if block == "" {
			continue
		}
		c, err := parseCase(block)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		c.File = name
		out = append(out, c)
	}
	return out, nil
}

func parseCase(block string) (Case, error) {
	var c Case
	head, body, ok := strings.Cut(block, "\n----\n")
	if !ok {
		return c, fmt.Errorf("case without ---- line: %.60q", block)
	}
	lines := strings.Split(head, "\n")
	num, title, ok := strings.Cut(lines[0], ":")
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if !ok || err != nil {
		return c, fmt.Errorf("bad case header %q", lines[0])
	}
	c.Number, c.Title = n, strings.TrimSpace(title)
	for _, l := range lines[1:] {
		k, v, _ := strings.Cut(l, ":")
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "products":
			c.Products = list(v)
		case "billing":
			c.Billing = v
		case "event":
			c.Event = v
		case "at":
			c.At = v
		case "if":
			c.If = list(v)
		default:
			return c, fmt.Errorf("case %d: unknown line %q", n, l)
		}
	}
	for _, l := range strings.Split(body, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(l, "absent:"); ok {
			c.Absent = append(c.Absent, list(rest)...)
			continue
		}
		f := strings.Fields(l)
		if len(f) < 4 {
			return c, fmt.Errorf("case %d: bad milestone line %q", n, l)
		}
		e := Expected{Bound: f[1], Clause: f[3], Line: l}
		e.Rule, e.Reading, _ = strings.Cut(f[0], "/")
		switch {
		case f[2] == "-":
		case strings.Contains(f[2], ".."):
			e.Start, e.End, _ = strings.Cut(f[2], "..")
		default:
			e.Instant = f[2]
		}
		if len(f) > 4 && strings.HasPrefix(f[4], "@") {
			e.Product = strings.TrimPrefix(f[4], "@")
		}
		c.Expect = append(c.Expect, e)
	}
	return c, nil
}

func list(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Query returns the case as the calculator page's query string.
func (c Case) Query() string {
	q := []string{}
	if len(c.Products) > 0 {
		q = append(q, "products="+strings.Join(c.Products, ","))
	}
	if c.Billing != "" {
		q = append(q, "billing="+c.Billing)
	}
	q = append(q, "event="+c.Event, "at="+strings.ReplaceAll(c.At, "+", "%2B"))
	if len(c.If) > 0 {
		q = append(q, "if="+strings.Join(c.If, ","))
	}
	return strings.Join(q, "&")
}
