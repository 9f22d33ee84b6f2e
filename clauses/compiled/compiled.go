// Package compiled carries the corpus into the WebAssembly: one JSON file per
// document, embedded, decoded the first time a view needs that document.
// Views that need no clause text pay nothing at start-up.
package compiled

import (
	"embed"
	"encoding/json"
	"fmt"
	"sync"

	"obligations-explorer/clauses/model"
)

//go:embed *.json
var files embed.FS

var (
	mu   sync.Mutex
	docs = map[string]*model.Document{}
)

// Document returns the compiled document with id, decoding it once.
func Document(id string) (*model.Document, error) {
	mu.Lock()
	defer mu.Unlock()
	if d, ok := docs[id]; ok {
		return d, nil
	}
	b, err := files.ReadFile(id + ".json")
	if err != nil {
		return nil, fmt.Errorf("no compiled document %q", id)
	}
	d := &model.Document{}
	if err := json.Unmarshal(b, d); err != nil {
		return nil, fmt.Errorf("decoding %s: %w", id, err)
	}
	docs[id] = d
	return d, nil
}

var (
	rulesOnce   sync.Once
	rulesCorpus *model.Corpus
	rulesErr    error
)

// Rules returns every document's rules without its clause text: what the
// calculator needs, a small fraction of the corpus to decode.
func Rules() (*model.Corpus, error) {
	rulesOnce.Do(func() {
		b, err := files.ReadFile(RulesFile)
		if err != nil {
			rulesErr = err
			return
		}
		rulesCorpus = &model.Corpus{}
		rulesErr = json.Unmarshal(b, rulesCorpus)
	})
	return rulesCorpus, rulesErr
}

// RulesFile holds the rules of every document.
const RulesFile = "rules.json"

// Corpus returns every document, in the order of ids.
func Corpus(ids []string) (*model.Corpus, error) {
	c := &model.Corpus{}
	for _, id := range ids {
		d, err := Document(id)
		if err != nil {
			return nil, err
		}
		c.Docs = append(c.Docs, d)
	}
	return c, nil
}
