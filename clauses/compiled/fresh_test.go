package compiled

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/source"
)

// TestCompiledFilesAreFresh fails when the Markdown corpus changed and the
// compiled JSON was not regenerated (`make compile`).
func TestCompiledFilesAreFresh(t *testing.T) {
	c, err := source.Load("../corpus", catalogue.Load())
	if err != nil {
		t.Fatal(err)
	}
	wantRules, err := EncodeRulesGo(c)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(RulesGoFile); err != nil || !bytes.Equal(got, wantRules) {
		t.Errorf("%s is stale: run `make compile`", RulesGoFile)
	}
	got, _ := Rules()
	if len(got.Docs) != len(c.Docs) {
		t.Fatalf("rules_gen.go has %d documents, the corpus %d", len(got.Docs), len(c.Docs))
	}
	for i, d := range c.Docs {
		if !reflect.DeepEqual(got.Docs[i].Rules, d.Rules) {
			t.Errorf("%s: the rules compiled into Go differ from the corpus's", d.ID)
		}
	}
	for _, d := range c.Docs {
		want, err := Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(d.ID + ".json")
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s.json is stale: run `make compile`", d.ID)
			continue
		}
		back, err := Document(d.ID)
		if err != nil || len(back.Clauses) != len(d.Clauses) || len(back.Rules) != len(d.Rules) {
			t.Errorf("%s: decoding the compiled file lost clauses or rules (%v)", d.ID, err)
		}
	}
}
