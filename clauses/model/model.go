// Package model is the clause corpus and its lifecycle rules as data: the
// five documents clause by clause, in the original language and our
// translation, and the rules that turn clauses into deadlines.
//
// It is plain data with no parsing of Markdown: clauses/source builds it
// from the Markdown files at build time, clauses/compiled carries the result
// into the WebAssembly. It compiles for the host and for GOOS=js.
package model

import "strings"

// Corpus is every document.
type Corpus struct {
	Docs []*Document `json:"docs"`
}

// Document is one of the five source texts.
type Document struct {
	ID       string     `json:"id"`
	Lang     string     `json:"lang"` // language of the original text: zh or en
	Sections []*Section `json:"sections"`
	Clauses  []*Clause  `json:"clauses"` // every clause, in document order
	Rules    []*Rule    `json:"rules,omitempty"`
	// NotDeadlines are duration phrases that state no deadline, each with why.
	NotDeadlines []NotDeadline `json:"notDeadlines,omitempty"`

	byID map[string]*Clause
}

// Section is one file of the corpus: a numbered section of a document.
type Section struct {
	Name         string              `json:"name"` // "general-04", "special-02", "all"
	Title        map[string]string   `json:"title"`
	HeadingLines map[string][]string `json:"headingLines,omitempty"` // document-level lines (title, version) per language
}

// Clause is one numbered (or unnumbered) paragraph group of a document.
type Clause struct {
	ID      string `json:"id"`      // normalised printed number (DESIGN §4): "4.2.1", "special-59.2.1(2)", "4.3-p1"
	Section string `json:"section"` // the Section.Name it stands in
	Label   string `json:"label"`   // the number as printed ("4.2.1.", "2.1、"), or "" when unnumbered
	// Title per language, when the clause is printed with a title.
	Title   map[string]string `json:"title,omitempty"`
	Kind    string            `json:"kind"`    // definition, obligation, deadline, …
	Parties string            `json:"parties"` // customer, provider, both, third-party, none
	// Note is the editor's note on the clause, in English (the corpus's
	// working language), and NoteZh our Chinese translation of it.
	Note   string `json:"note,omitempty"`
	NoteZh string `json:"noteZh,omitempty"`
	// Text per language: "zh" and "en"; one is the original (Document.Lang).
	Text map[string][]Para `json:"text"`
}

// Para is one paragraph: a run of spans.
type Para []Span

// Span is a piece of text, possibly bold (emphasis in the source) or a link.
type Span struct {
	T string `json:"t"`
	B bool   `json:"b,omitempty"`
	H string `json:"h,omitempty"` // link target, as printed in the source
}

// Plain returns a paragraph's text without formatting.
func (p Para) Plain() string {
	var b strings.Builder
	for _, s := range p {
		b.WriteString(s.T)
	}
	return b.String()
}

// PlainText returns the clause's text in lang, paragraphs joined by "\n".
func (c *Clause) PlainText(lang string) string {
	var parts []string
	for _, p := range c.Text[lang] {
		parts = append(parts, p.Plain())
	}
	return strings.Join(parts, "\n")
}

// Parent returns the id of the clause this one is nested in, or "" at the
// top: "4.2.1" → "4.2", "special-59.2.1(2)" → "special-59.2.1", "4.3-p1" →
// "4.3", "special-2" → "".
func Parent(id string) string {
	if i := strings.LastIndex(id, "-p"); i > 0 && isDigits(id[i+2:]) {
		return id[:i]
	}
	if strings.HasSuffix(id, ")") {
		if i := strings.LastIndexByte(id, '('); i > 0 {
			return id[:i]
		}
	}
	prefix := ""
	if strings.HasPrefix(id, "special-") {
		prefix, id = "special-", strings.TrimPrefix(id, "special-")
	}
	if i := strings.LastIndexByte(id, '.'); i > 0 {
		return prefix + id[:i]
	}
	return ""
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Clause returns the clause with id, if the document has it.
func (d *Document) Clause(id string) (*Clause, bool) {
	if d.byID == nil {
		d.byID = make(map[string]*Clause, len(d.Clauses))
		for _, c := range d.Clauses {
			d.byID[c.ID] = c
		}
	}
	c, ok := d.byID[id]
	return c, ok
}

// Doc returns the document with id, if any.
func (c *Corpus) Doc(id string) (*Document, bool) {
	for _, d := range c.Docs {
		if d.ID == id {
			return d, true
		}
	}
	return nil, false
}

// TranslationLang is the language of our translation of a document.
func (d *Document) TranslationLang() string {
	if d.Lang == "zh" {
		return "en"
	}
	return "zh"
}
