// Package source reads the clause corpus from its Markdown files
// (clauses/corpus/<doc>/<section>.<lang>.md, format in corpus/FORMAT.md and
// corpus/RULES.md) into the model. It runs at build time only: the
// WebAssembly carries the compiled result (clauses/compiled), not goldmark.
//
// Markdown here is data, not markup: raw HTML in a clause is kept as text,
// never interpreted.
package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v2"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/model"
)

// markdown parses front matter and heading attributes; nothing else is
// enabled (no raw HTML rendering, no extensions that reinterpret text).
var markdown = goldmark.New(
	goldmark.WithExtensions(meta.Meta),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

// frontMatter is the YAML at the top of a corpus file.
type frontMatter struct {
	Doc          string              `yaml:"doc"`
	Section      string              `yaml:"section"`
	Title        string              `yaml:"title"`
	HeadingLines []string            `yaml:"heading_lines"`
	Rules        []*model.Rule       `yaml:"rules"`
	NotDeadlines []model.NotDeadline `yaml:"not_deadlines"`
}

// file is one parsed corpus file.
type file struct {
	path    string
	fm      frontMatter
	clauses []*parsedClause
}

type parsedClause struct {
	id, label, title string
	kind, parties    string
	note, noteZh     string // the editor's note, in English and in Chinese
	paras            []model.Para
}

// Load reads every document of the catalogue from dir.
func Load(dir string, cat *catalogue.Catalogue) (*model.Corpus, error) {
	c := &model.Corpus{}
	for _, d := range cat.Documents {
		doc, err := loadDocument(filepath.Join(dir, d.ID), d)
		if err != nil {
			return nil, err
		}
		c.Docs = append(c.Docs, doc)
	}
	return c, nil
}

func loadDocument(dir string, d catalogue.Document) (*model.Document, error) {
	orig := d.Lang
	trans := "en"
	if orig == "en" {
		trans = "zh"
	}
	sections, err := sectionNames(dir, orig)
	if err != nil {
		return nil, err
	}
	doc := &model.Document{ID: d.ID, Lang: orig}
	seen := map[string]string{}
	for _, name := range sections {
		o, err := parseFile(filepath.Join(dir, name+"."+orig+".md"))
		if err != nil {
			return nil, err
		}
		t, err := parseFile(filepath.Join(dir, name+"."+trans+".md"))
		if err != nil {
			return nil, err
		}
		if o.fm.Doc != d.ID || o.fm.Section != name {
			return nil, fmt.Errorf("%s: front matter names doc %q section %q", o.path, o.fm.Doc, o.fm.Section)
		}
		if len(o.clauses) != len(t.clauses) {
			return nil, fmt.Errorf("%s has %d clauses, its translation %d", o.path, len(o.clauses), len(t.clauses))
		}
		doc.Sections = append(doc.Sections, &model.Section{
			Name:         name,
			Title:        map[string]string{orig: o.fm.Title, trans: t.fm.Title},
			HeadingLines: map[string][]string{orig: o.fm.HeadingLines, trans: t.fm.HeadingLines},
		})
		for i, oc := range o.clauses {
			tc := t.clauses[i]
			if oc.id != tc.id {
				return nil, fmt.Errorf("%s: clause %d is %q, in the translation %q", o.path, i+1, oc.id, tc.id)
			}
			if prev, dup := seen[oc.id]; dup {
				return nil, fmt.Errorf("%s: clause id %q already in section %s", o.path, oc.id, prev)
			}
			seen[oc.id] = name
			cl := &model.Clause{
				ID: oc.id, Section: name, Label: oc.label,
				Kind: oc.kind, Parties: oc.parties, Note: oc.note, NoteZh: oc.noteZh,
				Text: map[string][]model.Para{orig: oc.paras, trans: tc.paras},
			}
			if oc.title != "" || tc.title != "" {
				cl.Title = map[string]string{orig: oc.title, trans: tc.title}
			}
			doc.Clauses = append(doc.Clauses, cl)
		}
		for _, r := range o.fm.Rules {
			r.Doc, r.Section = d.ID, name
			doc.Rules = append(doc.Rules, r)
		}
		doc.NotDeadlines = append(doc.NotDeadlines, o.fm.NotDeadlines...)
		if len(t.fm.Rules) > 0 || len(t.fm.NotDeadlines) > 0 {
			return nil, fmt.Errorf("%s: rules belong in the original-language file", t.path)
		}
	}
	return doc, nil
}

// sectionNames lists the sections of a document folder in reading order:
// preamble, general-NN, special-NN, then anything else (all).
func sectionNames(dir, lang string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*."+lang+".md"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no %s files in %s", lang, dir)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), "."+lang+".md"))
	}
	rank := func(n string) int {
		switch {
		case n == "preamble":
			return 0
		case strings.HasPrefix(n, "general-"):
			return 1
		case strings.HasPrefix(n, "special-"):
			return 2
		}
		return 3
	}
	sort.Slice(names, func(i, j int) bool {
		if ri, rj := rank(names[i]), rank(names[j]); ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	return names, nil
}

func parseFile(path string) (*file, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseSource(path, src)
}

// parseSource parses one corpus file (exposed to tests through ParseFile).
func parseSource(path string, src []byte) (*file, error) {
	ctx := parser.NewContext()
	root := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	f := &file{path: path}
	if _, err := meta.TryGet(ctx); err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", path, err)
	}
	// goldmark-meta gives generic maps; round-trip them through YAML into
	// the typed front matter, which also rejects fields of the wrong type.
	raw, err := yaml.Marshal(meta.GetItems(ctx))
	if err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", path, err)
	}
	if err := yaml.UnmarshalStrict(raw, &f.fm); err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", path, err)
	}
	var cur *parsedClause
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			pc, err := headingClause(n, src)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			f.clauses = append(f.clauses, pc)
			cur = pc
		case *ast.Paragraph, *ast.HTMLBlock:
			if cur == nil {
				return nil, fmt.Errorf("%s: text before the first clause heading", path)
			}
			cur.paras = append(cur.paras, paragraph(n, src))
		default:
			return nil, fmt.Errorf("%s: %s blocks are not allowed in the corpus (line %d)", path, n.Kind(), lineOf(n, src))
		}
	}
	return f, nil
}

func headingClause(h *ast.Heading, src []byte) (*parsedClause, error) {
	pc := &parsedClause{}
	for _, a := range h.Attributes() {
		v, _ := a.Value.([]byte)
		switch string(a.Name) {
		case "id":
			pc.id = string(v)
		case "kind":
			pc.kind = string(v)
		case "parties":
			pc.parties = string(v)
		case "note":
			pc.note = string(v)
		case "note-zh":
			pc.noteZh = string(v)
		}
	}
	if pc.id == "" {
		return nil, fmt.Errorf("heading without id at line %d", lineOf(h, src))
	}
	heading := strings.TrimSpace(paragraph(h, src).Plain())
	label, title, _ := strings.Cut(heading, " ")
	if label == "¶" {
		label = ""
	}
	pc.label, pc.title = label, strings.TrimSpace(title)
	return pc, nil
}

// paragraph turns a block's inline content into spans. Raw HTML is kept as
// the text it is; bold (**…**) and links keep their meaning.
func paragraph(n ast.Node, src []byte) model.Para {
	var p model.Para
	add := func(s string, bold bool, href string) {
		if s == "" {
			return
		}
		if k := len(p) - 1; k >= 0 && p[k].B == bold && p[k].H == href {
			p[k].T += s
			return
		}
		p = append(p, model.Span{T: s, B: bold, H: href})
	}
	if hb, ok := n.(*ast.HTMLBlock); ok {
		var b bytes.Buffer
		for i := 0; i < hb.Lines().Len(); i++ {
			seg := hb.Lines().At(i)
			b.Write(seg.Value(src))
		}
		if hb.HasClosure() {
			b.Write(hb.ClosureLine.Value(src))
		}
		add(strings.TrimSpace(b.String()), false, "")
		return p
	}
	var walk func(n ast.Node, bold bool, href string)
	walk = func(n ast.Node, bold bool, href string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				add(unescape(c.Segment.Value(src)), bold, href)
				if c.SoftLineBreak() || c.HardLineBreak() {
					add(" ", bold, href)
				}
			case *ast.String:
				add(string(c.Value), bold, href)
			case *ast.Emphasis:
				walk(c, bold || c.Level >= 2, href)
			case *ast.Link:
				walk(c, bold, string(c.Destination))
			case *ast.AutoLink:
				u := string(c.URL(src))
				add(u, bold, u)
			case *ast.RawHTML:
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					add(string(seg.Value(src)), bold, href)
				}
			default:
				walk(c, bold, href)
			}
		}
	}
	walk(n, false, "")
	return p
}

// unescape resolves Markdown backslash escapes and character references,
// as a CommonMark renderer would.
func unescape(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}

func lineOf(n ast.Node, src []byte) int {
	if n.Lines().Len() == 0 {
		return 0
	}
	return bytes.Count(src[:n.Lines().At(0).Start], []byte("\n")) + 1
}
