// Command compile reads the Markdown corpus and writes its compact form into
// clauses/compiled: one JSON file per document, which the WebAssembly embeds
// and decodes on first use. `make` runs it before building; a test fails when
// the committed files are stale.
package main

import (
	"flag"
	"log"

	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/compiled"
	"obligations-explorer/clauses/source"
)

func main() {
	corpusDir := flag.String("corpus", "clauses/corpus", "the Markdown corpus")
	out := flag.String("out", "clauses/compiled", "where to write the compiled documents")
	flag.Parse()
	c, err := source.Load(*corpusDir, catalogue.Load())
	if err != nil {
		log.Fatal(err)
	}
	if err := compiled.Write(*out, c); err != nil {
		log.Fatal(err)
	}
}
