package state

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseKeepsValidPartAndReportsTheRest(t *testing.T) {
	tests := []struct {
		name      string
		query     string
		wantLang  string
		wantProds []string
		wantCodes []string // problem codes, in order
	}{
		{"default", "", "zh", nil, nil},
		{"english", "lang=en", "en", nil, nil},
		{"both", "lang=both", "both", nil, nil},
		{"unknown lang", "lang=fr", "zh", nil, []string{CodeBadValue}},
		{"products keep order, drop duplicates", "products=b,a,b,c", "zh", []string{"b", "a", "c"}, nil},
		{"script in products", "products=log-service,%3Cscript%3E", "zh", []string{"log-service"}, []string{CodeBadSyntax}},
		{"invalid utf-8", "lang=en&q=%ff%fe", "en", nil, []string{CodeBadEncoding}},
		{"bad escape", "lang=en&q=%zz", "en", nil, []string{CodeBadEncoding}},
		{"overlong value", "lang=en&q=" + strings.Repeat("a", MaxValueBytes+1), "en", nil, []string{CodeTooLong}},
		{"overlong query", "lang=en&q=" + strings.Repeat("a", 100<<10), "en", nil, []string{CodeTooLong}},
		{"first value wins", "lang=en&lang=zh", "en", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, problems := Parse(tc.query)
			if s.Lang != tc.wantLang {
				t.Errorf("Lang = %q, want %q", s.Lang, tc.wantLang)
			}
			if strings.Join(s.Products, ",") != strings.Join(tc.wantProds, ",") {
				t.Errorf("Products = %v, want %v", s.Products, tc.wantProds)
			}
			var codes []string
			for _, p := range problems {
				codes = append(codes, p.Code)
			}
			if strings.Join(codes, ",") != strings.Join(tc.wantCodes, ",") {
				t.Errorf("problem codes = %v, want %v (%+v)", codes, tc.wantCodes, problems)
			}
		})
	}
}

func TestEncodeRoundTrips(t *testing.T) {
	q := "products=log-service,opensearch&billing=payg&event=first-overdue&at=2026-11-23T09%3A12%3A00%2B08%3A00&lang=en&embed=1&future=x"
	s, problems := Parse(q)
	if len(problems) > 0 {
		t.Fatalf("unexpected problems: %+v", problems)
	}
	again, _ := Parse(s.Encode())
	if again.Encode() != s.Encode() {
		t.Fatalf("round trip changed the link: %q then %q", s.Encode(), again.Encode())
	}
	if again.At != "2026-11-23T09:12:00+08:00" || !again.Embed || again.Extra.Get("future") != "x" {
		t.Fatalf("round trip lost values: %+v", again)
	}
	if strings.Contains(State{Lang: LangZh}.Encode(), "lang") {
		t.Fatal("the default language must not be written into links")
	}
}

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"", "lang=en", "lang=both&embed=1", "products=a,b,,a&billing=payg",
		"q=%3Cscript%3Ealert(1)%3C/script%3E", "q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
		"q=%ff", "%zz=1", "&&&=&=", "at=2026-02-30T09:00:00%2B08:00", "products=" + strings.Repeat("x,", 100),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s, problems := Parse(q)
		switch s.Lang {
		case LangZh, LangEn, LangBoth:
		default:
			t.Fatalf("Lang %q outside the allowed set", s.Lang)
		}
		for _, p := range s.Products {
			if !IsSlug(p) {
				t.Fatalf("product %q is not a slug", p)
			}
		}
		if len(s.Products) > MaxListItems {
			t.Fatalf("%d products", len(s.Products))
		}
		for _, p := range problems {
			if !utf8.ValidString(p.Value) || utf8.RuneCountInString(p.Value) > 61 {
				t.Fatalf("problem value not display-safe: %q", p.Value)
			}
		}
		// Encoding is stable: what we write, we read back unchanged.
		again, _ := Parse(s.Encode())
		if again.Encode() != s.Encode() {
			t.Fatalf("unstable encoding: %q vs %q", s.Encode(), again.Encode())
		}
	})
}

// TestParseKeepsItsOwnLinkWithinTheLimit: a query under MaxQueryBytes whose
// link, percent-encoded, would exceed it (found by FuzzParse: a parameter
// name of raw control characters) loses that parameter with a message, so
// the link the page writes reads back as the same state.
func TestParseKeepsItsOwnLinkWithinTheLimit(t *testing.T) {
	junk := strings.Repeat("\x0e", 3000)
	s, problems := Parse("products=log-service&" + junk + "=1&event=first-overdue")
	if enc := s.Encode(); len(enc) > MaxQueryBytes || enc != "event=first-overdue&products=log-service" {
		t.Fatalf("encoded state %.80q (%d bytes), want the products and the event only", enc, len(enc))
	}
	if len(problems) != 1 || problems[0].Code != CodeTooLong || utf8.RuneCountInString(problems[0].Param) > 61 {
		t.Fatalf("problems %+v, want one too-long parameter with its name shortened", problems)
	}
}
