package app

import (
	"sync"

	"obligations-explorer/clauses/compiled"
	"obligations-explorer/clauses/lifecycle"
	"obligations-explorer/clauses/model"
)

var (
	calcOnce  sync.Once
	calc      *lifecycle.Calculator
	corpusAll *model.Corpus
	corpusErr error
)

// calculator returns the lifecycle calculator over the whole corpus, built
// the first time a view needs it.
func calculator() (*lifecycle.Calculator, *model.Corpus, error) {
	calcOnce.Do(func() {
		var ids []string
		for _, d := range cat.Documents {
			ids = append(ids, d.ID)
		}
		corpusAll, corpusErr = compiled.Corpus(ids)
		if corpusErr == nil {
			calc = lifecycle.New(corpusAll, cat)
		}
	})
	return calc, corpusAll, corpusErr
}
