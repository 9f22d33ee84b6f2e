package source

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/model"
)

// seedNoise is the extraction noise of each seed (FORMAT.md): whole lines
// that are PDF headers and footers, documentation front matter or site
// navigation. Nothing else may differ between a seed and the corpus, apart
// from whitespace.
var seedNoise = map[string]struct {
	// firstLine is where the document's own text begins (1-based).
	firstLine int
	drop      []*regexp.Regexp
}{
	"api-gateway-terms.zh.txt": {
		firstLine: 110, // after 法律声明, 通用约定 and 目录 of the PDF
		drop: []*regexp.Regexp{
			regexp.MustCompile(`相关协议·`),
			regexp.MustCompile(`文档版本：\d+`),
			regexp.MustCompile(`^\s*1\.API 网关 服务条款\s*$`), // running header
			regexp.MustCompile(`^\s*API 网关\s*$`),
			regexp.MustCompile(`^\s*\t`), // PDF bookmarks at the end
			regexp.MustCompile(`^https://`),
		},
	},
	"mns-terms.en.txt": {drop: []*regexp.Regexp{regexp.MustCompile(`^(All Products|Document Center)$`)}},
}

const seedsDir = "../../../shared/seeds"

// loadCorpus loads the real corpus once per test binary.
var corpusCache *model.Corpus

func loadCorpus(t *testing.T) *model.Corpus {
	t.Helper()
	if corpusCache == nil {
		c, err := Load("../corpus", catalogue.Load())
		if err != nil {
			t.Fatal(err)
		}
		corpusCache = c
	}
	return corpusCache
}

// seedText returns a seed without its noise lines.
func seedText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seedsDir, name))
	if err != nil {
		t.Skipf("seeds not beside the repository: %v", err)
	}
	noise := seedNoise[name]
	var keep []string
	for i, line := range strings.Split(string(b), "\n") {
		if i+1 < noise.firstLine {
			continue
		}
		dropped := false
		for _, re := range noise.drop {
			if re.MatchString(line) {
				dropped = true
				break
			}
		}
		if !dropped {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// squeeze removes all whitespace and the Markdown emphasis markers of the
// API usage seed, the only differences the corpus may have from a seed.
func squeeze(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var sentenceEnd = regexp.MustCompile(`[。；！？;!?]|\.\s`)

// sentences splits text into sentences (keeping the terminator).
func sentences(s string) []string {
	var out []string
	for len(s) > 0 {
		loc := sentenceEnd.FindStringIndex(s)
		if loc == nil {
			out = append(out, s)
			break
		}
		out = append(out, s[:loc[1]])
		s = s[loc[1]:]
	}
	return out
}

// TestOriginalTextIsVerbatim: every sentence of every original clause, and
// every printed title, occurs in the seed.
func TestOriginalTextIsVerbatim(t *testing.T) {
	c := loadCorpus(t)
	cat := catalogue.Load()
	for _, d := range c.Docs {
		meta, _ := cat.Document(d.ID)
		seed := squeeze(seedText(t, meta.Seed))
		bad := 0
		for _, cl := range d.Clauses {
			var parts []string
			if cl.Title != nil {
				parts = append(parts, cl.Title[d.Lang])
			}
			for _, p := range cl.Text[d.Lang] {
				var plain strings.Builder
				for _, s := range p {
					plain.WriteString(s.T)
				}
				parts = append(parts, sentences(plain.String())...)
			}
			for _, s := range parts {
				if q := squeeze(s); q != "" && !strings.Contains(seed, q) {
					bad++
					if bad <= 20 {
						t.Errorf("%s#%s: not in the seed: %q", d.ID, cl.ID, s)
					}
				}
			}
		}
		if bad > 20 {
			t.Errorf("%s: %d sentences not in the seed in all", d.ID, bad)
		}
	}
}

// TestCoverage: at least 98% of each seed's sentences (noise removed) are
// in some clause, title or document heading line. Prints what is missing.
func TestCoverage(t *testing.T) {
	c := loadCorpus(t)
	cat := catalogue.Load()
	for _, d := range c.Docs {
		meta, _ := cat.Document(d.ID)
		var all strings.Builder
		for _, s := range d.Sections {
			for _, l := range s.HeadingLines[d.Lang] {
				all.WriteString(l)
			}
			all.WriteString(s.Title[d.Lang])
		}
		for _, cl := range d.Clauses {
			all.WriteString(cl.Label)
			if cl.Title != nil {
				all.WriteString(cl.Title[d.Lang])
			}
			all.WriteString(cl.PlainText(d.Lang))
		}
		corpus := squeeze(all.String())
		total, missing := 0, 0
		for _, s := range seedUnits(seedText(t, meta.Seed)) {
			q := squeeze(s)
			if len([]rune(q)) < 2 {
				continue
			}
			total++
			if !strings.Contains(corpus, q) {
				missing++
				t.Logf("%s: not in the corpus: %q", d.ID, strings.TrimSpace(s))
			}
		}
		share := 100 * float64(total-missing) / float64(total)
		t.Logf("%s: %d of %d seed sentences in the corpus (%.1f%%)", d.ID, total-missing, total, share)
		if share < 98 {
			t.Errorf("%s: only %.1f%% of the seed's sentences are in the corpus", d.ID, share)
		}
	}
}

var (
	markdownLink    = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	markdownHeading = regexp.MustCompile(`(?m)^#+\s*`)
)

// seedUnits splits a seed into the pieces coverage is counted in: sentences,
// cut again at blank lines so a heading never glues onto the clause after
// it. Markdown syntax of the API usage seed (headings, links) is reduced to
// its text, as the corpus keeps it.
func seedUnits(seed string) []string {
	seed = markdownLink.ReplaceAllString(seed, "$1")
	seed = markdownHeading.ReplaceAllString(seed, "")
	var out []string
	for _, s := range sentences(seed) {
		out = append(out, strings.Split(s, "\n\n")...)
	}
	return out
}
