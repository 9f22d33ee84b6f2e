package search

import (
	"sync"
	"testing"

	"obligations-explorer/clauses/compiled"
	"obligations-explorer/clauses/model"
)

var (
	ixOnce sync.Once
	ixAll  *Index
)

// testIndex indexes the whole compiled corpus once per test binary.
func testIndex(tb testing.TB) *Index {
	tb.Helper()
	ixOnce.Do(func() {
		c, err := compiled.Corpus([]string{"product-service-agreement", "api-usage", "dns-api-usage", "mns-terms", "api-gateway-terms"})
		if err != nil {
			tb.Fatal(err)
		}
		ixAll = New(c)
	})
	return ixAll
}

func corpusForBench(tb testing.TB) *model.Corpus {
	c, err := compiled.Corpus([]string{"product-service-agreement", "api-usage", "dns-api-usage", "mns-terms", "api-gateway-terms"})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
