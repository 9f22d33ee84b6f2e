//go:build !wasm

package compiled

import (
	"embed"
	"fmt"
	"strings"

	"obligations-explorer/clauses/reader"
)

// The host build (the site generator, tests) reads the JSON compiled into
// it and renders the reader's HTML itself; it writes both under data/.
//
//go:embed *.json
var files embed.FS

func init() {
	Source = hostSource
}

func hostSource(name string) ([]byte, error) {
	if strings.HasSuffix(name, ".html") {
		base := strings.TrimSuffix(name, ".html")
		i := strings.LastIndexByte(base, '.')
		if i < 0 {
			return nil, fmt.Errorf("no compiled file %q", name)
		}
		d, err := Document(base[:i])
		if err != nil {
			return nil, err
		}
		html, err := reader.HTML(d, base[i+1:])
		return []byte(html), err
	}
	return files.ReadFile(name)
}

// DataFiles returns every file the site publishes under data/, by name.
func DataFiles(ids []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, id := range ids {
		names := []string{DocumentFile(id)}
		for _, l := range ReaderLangs {
			names = append(names, ReaderFile(id, l))
		}
		for _, n := range names {
			b, err := hostSource(n)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", n, err)
			}
			out[n] = b
		}
	}
	return out, nil
}
