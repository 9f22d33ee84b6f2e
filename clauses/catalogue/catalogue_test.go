package catalogue

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// slugPattern is the shape URL identifiers take (the app's state package
// accepts exactly these).
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestCopiesExtendShared: the module's tables are the shared catalogue with
// rows only ever added at the end (links rely on every shared row).
func TestCopiesExtendShared(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "catalogue")
	if _, err := os.Stat(shared); err != nil {
		t.Skip("../shared/catalogue not beside the repository")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "*.tsv"))
	if len(files) == 0 {
		t.Fatal("no tables in shared/catalogue")
	}
	for _, f := range files {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Base(f))
		if err != nil || !strings.HasPrefix(string(got), string(want)) {
			t.Errorf("%s does not start with every row of %s: rows may only be added", filepath.Base(f), f)
		}
	}
}

func TestSlugsAreUniqueAndLinkable(t *testing.T) {
	c := Load()
	if len(c.Documents) != 5 || len(c.Products) < 79 || len(c.Billing) != 4 {
		t.Fatalf("unexpected table sizes: %d documents, %d products, %d billing modes", len(c.Documents), len(c.Products), len(c.Billing))
	}
	seen := map[string]bool{}
	check := func(kind, slug string) {
		if !slugPattern.MatchString(slug) {
			t.Errorf("%s %q is not a URL slug", kind, slug)
		}
		if seen[kind+slug] {
			t.Errorf("duplicate %s %q", kind, slug)
		}
		seen[kind+slug] = true
	}
	for _, d := range c.Documents {
		check("document", d.ID)
	}
	for _, p := range c.Products {
		check("product", p.Slug)
		if _, ok := c.Document(p.Doc); !ok {
			t.Errorf("product %s names unknown document %s", p.Slug, p.Doc)
		}
		if p.Name.Zh == "" || p.Name.En == "" {
			t.Errorf("product %s lacks a name", p.Slug)
		}
	}
	for _, e := range c.Events {
		check("event", e.Slug)
	}
	for _, p := range c.Points {
		check("point", p.Slug)
		if _, ok := Find(c.Events, p.FromEvent); !ok {
			t.Errorf("point %s starts from unknown event %s", p.Slug, p.FromEvent)
		}
		for _, eff := range p.ToEffects {
			if _, ok := Find(c.Effects, eff); !ok {
				t.Errorf("point %s names unknown effect %s", p.Slug, eff)
			}
		}
	}
}

// Every version in documents.tsv reads in Chinese on a Chinese page, with
// its dates and numbers kept.
func TestVersionInChinese(t *testing.T) {
	for _, d := range Load().Documents {
		zh := d.VersionIn("zh")
		if zh == d.Version {
			t.Errorf("%s: version %q has no Chinese form", d.ID, d.Version)
		}
		for _, f := range strings.FieldsFunc(d.Version, func(r rune) bool { return r == ' ' || r == ',' }) {
			if f[0] >= '0' && f[0] <= '9' && !strings.Contains(zh, f) {
				t.Errorf("%s: %q lost %q in %q", d.ID, d.Version, f, zh)
			}
		}
		if d.VersionIn("en") != d.Version {
			t.Errorf("%s: English version changed", d.ID)
		}
	}
	if got := (Document{Version: "updated 2024-05-13, effective 2024-05-15"}).VersionIn("zh"); got != "2024-05-13 更新，2024-05-15 生效" {
		t.Errorf("got %q", got)
	}
}
