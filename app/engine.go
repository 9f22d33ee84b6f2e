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

// calculator returns the lifecycle calculator and the rules of every
// document (without clause text), built the first time a view needs them.
func calculator() (*lifecycle.Calculator, *model.Corpus, error) {
	calcOnce.Do(func() {
		// Rules only: clause text is decoded per document, when shown.
		corpusAll, corpusErr = compiled.Rules()
		if corpusErr == nil {
			calc = lifecycle.New(corpusAll, cat)
		}
	})
	return calc, corpusAll, corpusErr
}
