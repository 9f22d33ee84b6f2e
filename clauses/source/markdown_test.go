package source

import (
	"regexp"
	"strings"
	"testing"
)

// TestMarkdownIsDataNotMarkup: raw HTML in a clause stays text; escapes and
// bold are read as the format says.
func TestMarkdownIsDataNotMarkup(t *testing.T) {
	src := "---\ndoc: x\nsection: all\ntitle: T\n---\n" +
		"## 1. 标题 {id=\"1\" kind=\"info\" parties=\"none\"}\n\n" +
		"<script>alert(1)</script>\n\n" +
		"文字 <img src=x onerror=alert(2)> \\*不是强调\\* **强调** [链接](https://example.com/a)\n\n" +
		"## ¶ {id=\"1-p1\" kind=\"info\" parties=\"none\"}\n\n1\\. 不是列表\n"
	f, err := parseSource("test.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.clauses) != 2 {
		t.Fatalf("%d clauses", len(f.clauses))
	}
	c := f.clauses[0]
	if c.label != "1." || c.title != "标题" {
		t.Errorf("label %q title %q", c.label, c.title)
	}
	if got := c.paras[0].Plain(); got != "<script>alert(1)</script>" {
		t.Errorf("script block became %q", got)
	}
	p := c.paras[1]
	if got := p.Plain(); got != "文字 <img src=x onerror=alert(2)> *不是强调* 强调 链接" {
		t.Errorf("inline text %q", got)
	}
	var bold, link bool
	for _, s := range p {
		bold = bold || s.B && s.T == "强调"
		link = link || s.H == "https://example.com/a" && s.T == "链接"
	}
	if !bold || !link {
		t.Errorf("bold %v, link %v in %+v", bold, link, p)
	}
	if f.clauses[1].label != "" || f.clauses[1].paras[0].Plain() != "1. 不是列表" {
		t.Errorf("unnumbered clause: %+v", f.clauses[1])
	}
}

func TestListsAreRejected(t *testing.T) {
	src := "---\ndoc: x\nsection: all\ntitle: T\n---\n## 1. {id=\"1\" kind=\"info\" parties=\"none\"}\n\n- item\n"
	if _, err := parseSource("test.md", []byte(src)); err == nil || !strings.Contains(err.Error(), "not allowed") {
		t.Fatalf("a Markdown list was accepted (%v)", err)
	}
}

// clauseID is the shape of a clause id (DESIGN §4): printed numbers with
// ASCII punctuation, no trailing dot, special-<n> for product-specific
// terms, (k) for sub-items, -p<N> for unnumbered paragraphs.
var clauseID = regexp.MustCompile(`^(special-)?(preamble|\d+(\.\d+)*)(\([0-9A-Za-z]+\))*(-p\d+)?$`)

func TestClauseIDsFollowTheContract(t *testing.T) {
	for _, d := range loadCorpus(t).Docs {
		for _, c := range d.Clauses {
			if !clauseID.MatchString(c.ID) {
				t.Errorf("%s: clause id %q does not follow DESIGN §4", d.ID, c.ID)
			}
			if strings.HasPrefix(c.ID, "special-") != (d.ID == "product-service-agreement" && strings.HasPrefix(c.Section, "special-")) {
				t.Errorf("%s#%s in section %s: special- prefix wrong", d.ID, c.ID, c.Section)
			}
		}
	}
}
