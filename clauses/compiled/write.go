//go:build !wasm

package compiled

import (
	"encoding/json"
	"os"
	"path/filepath"

	"obligations-explorer/clauses/model"
)

// Encode returns the compiled form of one document.
func Encode(d *model.Document) ([]byte, error) {
	return json.Marshal(d)
}

// Write writes every document of c into dir as <id>.json, and their rules
// as rules_gen.go.
func Write(dir string, c *model.Corpus) error {
	rules, err := EncodeRulesGo(c)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, RulesGoFile), rules, 0o644); err != nil {
		return err
	}
	for _, d := range c.Docs {
		b, err := Encode(d)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, d.ID+".json"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
