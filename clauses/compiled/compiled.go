// Package compiled is the corpus in the form the explorer reads at run time.
//
// The rules of every document are Go data (rules_gen.go), in the
// WebAssembly from the start: the calculator needs them on its first page.
// The clause text is not: each document is a JSON file, and the reader's
// HTML a file per document and language, published under data/ beside the
// site and fetched the first time a view needs them (the service worker
// keeps them for offline use). Keeping 1.2 MB of text out of the
// WebAssembly is most of what makes the first visit start fast.
package compiled

import (
	"encoding/json"
	"fmt"
	"sync"

	"obligations-explorer/clauses/model"
)

// Rules returns every document's rules without clause text.
func Rules() (*model.Corpus, error) {
	return rules, nil
}

// Source reads a compiled file by name: "<doc>.json" or "<doc>.<lang>.html"
// (see DataFiles). The host build reads them from the corpus compiled into
// it; the WebAssembly is given a function that fetches them.
var Source func(name string) ([]byte, error)

// DocumentFile and ReaderFile name the files of a document.
func DocumentFile(id string) string     { return id + ".json" }
func ReaderFile(id, lang string) string { return id + "." + lang + ".html" }

// ReaderLangs are the reader's views of a document, one file each.
var ReaderLangs = []string{"zh", "en", "both"}

type loaded struct {
	once sync.Once
	done bool // guarded by mu
	doc  *model.Document
	err  error
}

var (
	mu   sync.Mutex
	docs = map[string]*loaded{}
)

func entry(id string) *loaded {
	mu.Lock()
	defer mu.Unlock()
	e, ok := docs[id]
	if !ok {
		e = &loaded{}
		docs[id] = e
	}
	return e
}

// Document returns the compiled document with id, reading and decoding it
// once. In the browser it waits for the network (or the service worker):
// call it from ctx.Async, not from a render.
func Document(id string) (*model.Document, error) {
	e := entry(id)
	e.once.Do(func() {
		if Source == nil {
			e.err = fmt.Errorf("no source for the compiled corpus")
			return
		}
		b, err := Source(DocumentFile(id))
		if err != nil {
			e.err = fmt.Errorf("reading %s: %w", id, err)
			return
		}
		d := &model.Document{}
		if err := json.Unmarshal(b, d); err != nil {
			e.err = fmt.Errorf("decoding %s: %w", id, err)
			return
		}
		e.doc = d
	})
	mu.Lock()
	e.done = true
	mu.Unlock()
	return e.doc, e.err
}

// Cached returns the document with id if it has been read already.
func Cached(id string) (*model.Document, bool) {
	mu.Lock()
	defer mu.Unlock()
	e, ok := docs[id]
	if !ok || !e.done {
		return nil, false
	}
	return e.doc, e.doc != nil
}

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

// ReaderHTML returns the reader's HTML for a document in lang (zh, en or
// both): the table of contents and every clause, as the build rendered it.
func ReaderHTML(id, lang string) (string, error) {
	if Source == nil {
		return "", fmt.Errorf("no source for the compiled corpus")
	}
	b, err := Source(ReaderFile(id, lang))
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", id, err)
	}
	return string(b), nil
}
