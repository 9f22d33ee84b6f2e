package search

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"obligations-explorer/clauses/model"
)

// find returns the result for doc#clause, if the search found it.
func find(r Response, doc, clause string) (Result, int, bool) {
	for i, x := range r.Results {
		if x.Doc == doc && x.Clause == clause {
			return x, i, true
		}
	}
	return Result{}, -1, false
}

func TestSearch(t *testing.T) {
	ix := testIndex(t)
	cases := []struct {
		name, q     string
		doc, clause string // a clause that must be found
		lang        string // the language it must be found in
		original    bool   // found in the original (else through the translation)
		synonym     bool   // found only through a synonym
		marks       map[string]string
	}{
		{name: "Chinese query finds an English original through its translation",
			q: "消息", doc: "mns-terms", clause: "4.3", lang: "zh", original: false,
			marks: map[string]string{"zh": "消息"}},
		{name: "Chinese number and unit in an English original",
			q: "30日", doc: "mns-terms", clause: "7.2.5", lang: "zh", original: false,
			marks: map[string]string{"zh": "30日", "en": "30 days"}},
		{name: "a duration in English finds the Chinese one",
			q: "24 hours", doc: "product-service-agreement", clause: "special-2.1", lang: "en", original: false,
			marks: map[string]string{"zh": "24小时", "en": "24 hours"}},
		{name: "English query finds a Chinese original through its translation",
			q: "overdue", doc: "product-service-agreement", clause: "special-2.1", lang: "en", original: false,
			marks: map[string]string{"en": "overdue", "zh": "欠费"}},
		{name: "English query in an English original",
			q: "overdue", doc: "mns-terms", clause: "7.2.3", lang: "en", original: true,
			marks: map[string]string{"en": "overdue", "zh": "欠费"}},
		{name: "synonym: arrears finds 欠费",
			q: "arrears", doc: "product-service-agreement", clause: "special-2.1", lang: "zh", original: true, synonym: true,
			marks: map[string]string{"zh": "欠费", "en": "overdue"}},
		{name: "synonym: 欠费 finds overdue in an English original",
			q: "欠费", doc: "mns-terms", clause: "7.2.3", lang: "zh",
			marks: map[string]string{"zh": "欠费", "en": "overdue"}},
		{name: "synonym: prepaid finds 预付费",
			q: "prepaid", doc: "product-service-agreement", clause: "special-6.1", lang: "en",
			marks: map[string]string{"zh": "预付费"}},
		{name: "glossary phrase: late fee finds 违约金",
			q: "late fee", doc: "api-gateway-terms", clause: "2.4", lang: "en",
			marks: map[string]string{"zh": "违约金", "en": "late fee"}},
		{name: "word forms: released finds release",
			q: "released", doc: "product-service-agreement", clause: "special-6.2", lang: "en", original: false,
			marks: map[string]string{"en": "released", "zh": "释放"}},
		{name: "full-width and upper case fold",
			q: "ＯＶＥＲＤＵＥ", doc: "mns-terms", clause: "7.2.3", lang: "en", original: true},
		{name: "several terms, both must match",
			q: "欠费 24小时 日志服务", doc: "product-service-agreement", clause: "special-2.1", lang: "zh", original: true,
			marks: map[string]string{"zh": "24小时"}},
		{name: "a phrase in quotes",
			q: `"deleted and cleared"`, doc: "mns-terms", clause: "7.2.3", lang: "en", original: true,
			marks: map[string]string{"en": "deleted and cleared"}},
		{name: "a clause id",
			q: "special-2.1", doc: "product-service-agreement", clause: "special-2.1", lang: "zh", original: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ix.Search(c.q, -1)
			got, rank, ok := find(r, c.doc, c.clause)
			if !ok {
				t.Fatalf("%q: %s#%s not found among %d results", c.q, c.doc, c.clause, r.Total)
			}
			if got.Lang != c.lang || (c.original && !got.Original) {
				t.Errorf("%q: %s#%s found in %s (original %v), want %s (original %v)", c.q, c.doc, c.clause, got.Lang, got.Original, c.lang, c.original)
			}
			if got.Synonym != c.synonym {
				t.Errorf("%q: %s#%s synonym-only = %v", c.q, c.doc, c.clause, got.Synonym)
			}
			for l, want := range c.marks {
				marked := strings.Join(got.Text[l].Marked(), "|")
				if !strings.Contains(strings.ToLower(marked), strings.ToLower(want)) {
					t.Errorf("%q: %s snippet of %s#%s marks %q, want %q in it: %s", c.q, l, c.doc, c.clause, marked, want, got.Text[l])
				}
			}
			for _, l := range []string{"zh", "en"} {
				if got.Text[l].String() == "" {
					t.Errorf("%q: no %s snippet for %s#%s", c.q, l, c.doc, c.clause)
				}
			}
			if r.Partial {
				t.Errorf("%q: partial results", c.q)
			}
			t.Logf("%q: %s#%s ranked %d of %d", c.q, c.doc, c.clause, rank+1, r.Total)
		})
	}
}

func TestClauseIDComesFirst(t *testing.T) {
	ix := testIndex(t)
	for _, q := range []string{"special-2.1", "special-59.2.1(2)", "14.4.13"} {
		r := ix.Search(q, 5)
		if len(r.Results) == 0 || r.Results[0].Clause != q {
			t.Errorf("%q: first result %+v", q, r.Results)
		}
	}
}

func TestOriginalRanksAboveTranslation(t *testing.T) {
	// "overdue" in the English original of the MNS terms beats the same word
	// in our translation of a clause whose original says 欠费 only once.
	ix := testIndex(t)
	r := ix.Search("overdue", -1)
	_, mns, _ := find(r, "mns-terms", "7.2.3")
	_, psa, _ := find(r, "product-service-agreement", "special-16.1")
	if mns < 0 || psa < 0 || mns > psa {
		t.Errorf("mns-terms#7.2.3 ranked %d, product-service-agreement#special-16.1 ranked %d", mns+1, psa+1)
	}
}

func TestPartialAndNothing(t *testing.T) {
	ix := testIndex(t)
	r := ix.Search("overdue xyzzyqq", 10)
	if !r.Partial || r.Total == 0 {
		t.Errorf("one term found nowhere: partial %v, %d results", r.Partial, r.Total)
	}
	r = ix.Search("xyzzyqq", 10)
	if r.Partial || r.Total != 0 || len(r.Terms) != 1 {
		t.Errorf("nothing: %+v", r)
	}
}

func TestHostileQueries(t *testing.T) {
	ix := testIndex(t)
	long := strings.Repeat("欠费overdue", 1024) // over 10 KB
	cases := []struct {
		name, q   string
		empty     bool
		truncated bool
	}{
		{"empty", "", true, false},
		{"blanks", " \t\u3000\n ", true, false},
		{"punctuation only", "，。！？!?<>", true, false},
		{"markup", `<script>alert("x")</script>`, false, false},
		{"attribute injection", `"><img src=x onerror=alert(1)>`, false, false},
		{"10 KB", long, false, true},
		{"invalid UTF-8", "\xff\xfe欠\xc3费", false, false},
		{"control characters", "\x00\x01欠费\x7f\u200b", false, false},
		{"only quotes", `""""`, true, false},
		{"many terms", "a b c d e f g h i j k l m n", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ix.Search(c.q, 50)
			if c.empty != (len(r.Terms) == 0) {
				t.Errorf("%q: terms %+v", c.q, r.Terms)
			}
			if r.Truncated != c.truncated {
				t.Errorf("%q: truncated %v", c.q, r.Truncated)
			}
			if !utf8.ValidString(r.Query) || utf8.RuneCountInString(r.Query) > MaxQueryRunes || len(r.Terms) > MaxTerms {
				t.Errorf("%q: query %q, %d terms", c.q, r.Query, len(r.Terms))
			}
			if len(r.Results) > 50 {
				t.Errorf("%d results for a limit of 50", len(r.Results))
			}
			for _, x := range r.Results {
				for _, l := range []string{"zh", "en"} {
					if !utf8.ValidString(x.Text[l].String()) {
						t.Errorf("%s#%s: invalid UTF-8 in the %s snippet", x.Doc, x.Clause, l)
					}
				}
			}
		})
	}
	if r := ix.Search("\xff\xfe欠\xc3费", 5); r.Query != "欠费" || r.Total == 0 {
		t.Errorf("invalid bytes are dropped: query %q, %d results", r.Query, r.Total)
	}
	if r := ix.Search("a b c d e f g h i j k l m n", 5); r.Dropped != 14-MaxTerms {
		t.Errorf("dropped %d terms", r.Dropped)
	}
}

func TestSnippetsCutAtRunes(t *testing.T) {
	// Every snippet of every result of a few broad queries is valid UTF-8,
	// is a piece of the clause's text, and marks only what matched.
	ix := testIndex(t)
	for _, q := range []string{"服务", "the", "日", "data", "欠费 暂停", "Alibaba Cloud"} {
		r := ix.Search(q, -1)
		for _, x := range r.Results {
			for _, l := range []string{"zh", "en"} {
				s := x.Text[l].String()
				if !utf8.ValidString(s) {
					t.Fatalf("%q %s#%s %s: invalid UTF-8 %q", q, x.Doc, x.Clause, l, s)
				}
				if len([]rune(s)) > window[l][0]+2 {
					t.Errorf("%q %s#%s %s: snippet of %d runes", q, x.Doc, x.Clause, l, len([]rune(s)))
				}
			}
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"  ＭＮＳ　欠费  ":      "mns 欠费",
		"Alibaba Cloud’s": "alibaba cloud's",
		"３０日":             "30日",
		"a\x00b\u200bc":   "abc",
		"\xffok":          "ok",
		"OVERDUE\n\tfee":  "overdue fee",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldKeepsOffsets(t *testing.T) {
	for _, s := range []string{"ＭＮＳ（消息服务），３０日", "plain ascii", "a\u200bb，c\x00d", "İstanbul ＡＢ"} {
		norm, shifts := foldText(s)
		// Each rune of the folded text maps back to the original rune it
		// came from.
		orig := []rune{}
		for _, r := range s {
			if fold(r) >= 0 {
				orig = append(orig, r)
			}
		}
		i := 0
		for n, r := range norm {
			o := origOffset(shifts, n)
			or, _ := utf8.DecodeRuneInString(s[o:])
			if fold(or) != r {
				t.Errorf("%q: folded byte %d (%q) maps to %d (%q)", s, n, r, o, or)
			}
			i++
		}
		if origOffset(shifts, len(norm)) != len(s) && !strings.HasSuffix(s, "\x00d") {
			t.Errorf("%q: end maps to %d, want %d", s, origOffset(shifts, len(norm)), len(s))
		}
	}
}

// TestGlossaryCopy: the embedded glossary is ../glossary.tsv (the one the
// translation tests use) followed by rows used only by search.
func TestGlossaryCopy(t *testing.T) {
	orig, err := os.ReadFile("../glossary.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(glossaryTSV, string(orig)) {
		t.Fatal("clauses/search/glossary.tsv must start with a copy of clauses/glossary.tsv: cp clauses/glossary.tsv clauses/search/glossary.tsv and re-add the search rows")
	}
	for _, line := range strings.Split(strings.TrimSpace(glossaryTSV[len(orig):]), "\n") {
		if cols := strings.Split(line, "\t"); len(cols) != 3 || cols[2] != "search synonym" {
			t.Errorf("added row %q: want zh, en and the note \"search synonym\"", line)
		}
	}
}

func TestSynonymsBothWays(t *testing.T) {
	syn := loadSynonyms(glossaryTSV)
	has := func(term, want string) bool {
		for _, a := range syn.alternatives(term) {
			if a.Text == want {
				return true
			}
		}
		return false
	}
	for _, c := range [][2]string{
		{"欠费", "overdue"}, {"欠费", "arrears"}, {"overdue", "欠费"}, {"arrears", "欠费"}, {"arrears", "overdue"},
		{"prepaid", "预付费"}, {"预付费", "subscription"}, {"late fee", "违约金"}, {"sla", "服务等级协议"},
		{"suspended", "暂停"}, {"pay-as-you-go", "按量付费"},
	} {
		if !has(c[0], c[1]) {
			t.Errorf("%s does not find %s: %+v", c[0], c[1], syn.alternatives(c[0]))
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	ix := testIndex(b)
	queries := []string{"欠费", "overdue", "消息", "30日", "arrears", "data deleted", "暂停 释放", "the", "服务", "special-2.1"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Search(queries[i%len(queries)], 50)
	}
}

func BenchmarkNew(b *testing.B) {
	ix := testIndex(b)
	_ = ix
	c := corpusForBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		New(c)
	}
}

// BenchmarkQuery times single queries, broad ones included.
func BenchmarkQuery(b *testing.B) {
	ix := testIndex(b)
	for _, q := range []string{"e", "的", "the service", "欠费 overdue arrears 暂停 释放 删除 到期 续费", strings.Repeat("欠费", 60)} {
		b.Run(q[:min(len(q), 12)], func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ix.Search(q, 50)
			}
		})
	}
}

// tiny builds a corpus of one Chinese-original document from zh/en pairs.
func tiny(pairs ...[2]string) *model.Corpus {
	d := &model.Document{ID: "t", Lang: "zh", Sections: []*model.Section{{Name: "all", Title: map[string]string{"zh": "测试", "en": "Test"}}}}
	for i, p := range pairs {
		d.Clauses = append(d.Clauses, &model.Clause{ID: strconv.Itoa(i + 1), Section: "all",
			Text: map[string][]model.Para{"zh": {{{T: p[0]}}}, "en": {{{T: p[1]}}}}})
	}
	return &model.Corpus{Docs: []*model.Document{d}}
}

func TestEnglishMatchesAtWordStarts(t *testing.T) {
	ix := New(tiny(
		[2]string{"咖啡", "Coffee is served."},
		[2]string{"费用", "Fees are due."},
		[2]string{"一百三十日", "Within 130 days."},
		[2]string{"三十日", "Within 30 days."},
	))
	for q, want := range map[string]string{"fee": "2", "30 days": "4", "serv": "1", "咖啡": "1", "啡": "1"} {
		r := ix.Search(q, -1)
		var got []string
		for _, x := range r.Results {
			got = append(got, x.Clause)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%q found %v, want %s", q, got, want)
		}
	}
	r := ix.Search("fee", 1)
	if m := r.Results[0].Text["en"].Marked(); len(m) != 1 || m[0] != "Fees" {
		t.Errorf("fee marks %q, want the whole word", m)
	}
}

func TestConcurrentSearches(t *testing.T) {
	ix := testIndex(t)
	queries := []string{"欠费", "overdue", "30日", "data deleted", "arrears"}
	want := map[string]int{}
	for _, q := range queries {
		want[q] = ix.Search(q, -1).Total
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				q := queries[(g+i)%len(queries)]
				if got := ix.Search(q, 5).Total; got != want[q] {
					t.Errorf("%q: %d results, want %d", q, got, want[q])
				}
			}
		}(g)
	}
	wg.Wait()
}
