// Package catalogue holds the stable identifiers that links rely on
// (documents, products, billing modes, events, effects, compare points).
//
// The TSV files here are copies of ../shared/catalogue, kept in the module so
// the WebAssembly can embed them; TestCopiesMatchShared fails when they drift.
// Rows are only ever added, never renamed: a slug in a link must keep working.
package catalogue

import (
	_ "embed"
	"strings"
)

var (
	//go:embed documents.tsv
	documentsTSV string
	//go:embed products.tsv
	productsTSV string
	//go:embed billing.tsv
	billingTSV string
	//go:embed events.tsv
	eventsTSV string
	//go:embed effects.tsv
	effectsTSV string
	//go:embed points.tsv
	pointsTSV string
)

// Names is a name in both languages.
type Names struct {
	Zh string
	En string
}

// In returns the name in lang ("zh" or "en"); anything else gives Chinese.
func (n Names) In(lang string) string {
	if lang == "en" && n.En != "" {
		return n.En
	}
	return n.Zh
}

// Document is one of the five source texts.
type Document struct {
	ID      string
	Seed    string // file name in shared/seeds
	Lang    string // language of the original text
	Title   Names
	Version string
}

// Product is an Alibaba Cloud product covered by a document.
type Product struct {
	Slug    string
	Doc     string // document id
	Section string // section of the document ("special-2"), "-" for the whole document
	Name    Names
}

// Entry is a row of the simpler tables (billing modes, events, effects).
type Entry struct {
	Slug string
	Name Names
	// Note is the table's extra column: aliases for billing modes, what the
	// instant means for events.
	Note string
}

// Point is a question the compare view asks across products.
type Point struct {
	Slug      string
	Name      Names
	FromEvent string
	ToEffects []string
}

// Catalogue is every table.
type Catalogue struct {
	Documents []Document
	Products  []Product
	Billing   []Entry
	Events    []Entry
	Effects   []Entry
	Points    []Point
}

// Load parses the embedded tables. It is cheap (a few hundred rows) and has
// no failure mode at run time: the tables are checked by tests.
func Load() *Catalogue {
	c := &Catalogue{}
	for _, r := range rows(documentsTSV) {
		c.Documents = append(c.Documents, Document{ID: r[0], Seed: r[1], Lang: r[2], Title: Names{r[3], r[4]}, Version: r[5]})
	}
	for _, r := range rows(productsTSV) {
		c.Products = append(c.Products, Product{Slug: r[0], Doc: r[1], Section: r[2], Name: Names{r[3], r[4]}})
	}
	c.Billing = entries(billingTSV)
	c.Events = entries(eventsTSV)
	c.Effects = entries(effectsTSV)
	for _, r := range rows(pointsTSV) {
		c.Points = append(c.Points, Point{Slug: r[0], Name: Names{r[1], r[2]}, FromEvent: r[3], ToEffects: strings.Fields(r[4])})
	}
	return c
}

// Document returns the document with id, if any.
func (c *Catalogue) Document(id string) (Document, bool) {
	for _, d := range c.Documents {
		if d.ID == id {
			return d, true
		}
	}
	return Document{}, false
}

// Product returns the product with slug, if any.
func (c *Catalogue) Product(slug string) (Product, bool) {
	for _, p := range c.Products {
		if p.Slug == slug {
			return p, true
		}
	}
	return Product{}, false
}

// Point returns the compare point with slug, if any.
func (c *Catalogue) Point(slug string) (Point, bool) {
	for _, p := range c.Points {
		if p.Slug == slug {
			return p, true
		}
	}
	return Point{}, false
}

// Find returns the entry with slug from one of the simple tables.
func Find(table []Entry, slug string) (Entry, bool) {
	for _, e := range table {
		if e.Slug == slug {
			return e, true
		}
	}
	return Entry{}, false
}

func entries(tsv string) []Entry {
	var out []Entry
	for _, r := range rows(tsv) {
		e := Entry{Slug: r[0], Name: Names{r[1], r[2]}}
		if len(r) > 3 {
			e.Note = r[3]
		}
		out = append(out, e)
	}
	return out
}

// rows splits a TSV table into its data rows (the header is dropped).
// Short rows are padded so callers can index every column of the header.
func rows(tsv string) [][]string {
	lines := strings.Split(strings.TrimRight(tsv, "\n"), "\n")
	if len(lines) == 0 {
		return nil
	}
	width := len(strings.Split(lines[0], "\t"))
	var out [][]string
	for _, line := range lines[1:] {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) < width {
			cols = append(cols, "")
		}
		out = append(out, cols)
	}
	return out
}

// VersionIn says a document's version (documents.tsv, written in English) in
// lang: "zh" rewrites the forms the catalogue uses into Chinese; anything
// else, or a form it does not know, is returned as written.
func (d Document) VersionIn(lang string) string {
	if lang != "zh" {
		return d.Version
	}
	v := d.Version
	switch {
	case v == "undated":
		return "未注明日期"
	case strings.HasPrefix(v, "updated ") && strings.Contains(v, ", effective "):
		updated, effective, _ := strings.Cut(strings.TrimPrefix(v, "updated "), ", effective ")
		return updated + " 更新，" + effective + " 生效"
	case strings.HasPrefix(v, "last updated "):
		return "最后更新于 " + strings.TrimPrefix(v, "last updated ")
	case strings.HasPrefix(v, "document version "):
		return "文档版本 " + strings.TrimPrefix(v, "document version ")
	}
	return v
}
