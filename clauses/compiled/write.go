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

// EncodeRules returns the rules of every document without clause text.
func EncodeRules(c *model.Corpus) ([]byte, error) {
	out := &model.Corpus{}
	for _, d := range c.Docs {
		out.Docs = append(out.Docs, &model.Document{ID: d.ID, Lang: d.Lang, Rules: d.Rules})
	}
	return json.Marshal(out)
}

// Write writes every document of c into dir as <id>.json, and their rules
// as rules.json.
func Write(dir string, c *model.Corpus) error {
	rules, err := EncodeRules(c)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, RulesFile), rules, 0o644); err != nil {
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
