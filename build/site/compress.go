//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressedTypes are the files worth sending compressed; each gets .br and
// .gz siblings that the server (or any static host configured for it) sends
// with the matching Content-Encoding.
var compressedTypes = []string{".wasm", ".js", ".css", ".html", ".json", ".webmanifest", ".svg"}

// CompressDir writes .br and .gz siblings for every compressible file in out.
func CompressDir(out string) error {
	return filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !worthCompressing(path) {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var br bytes.Buffer
		w := brotli.NewWriterLevel(&br, brotli.BestCompression)
		w.Write(raw)
		if err := w.Close(); err != nil {
			return err
		}
		var gz bytes.Buffer
		g, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		g.Write(raw)
		if err := g.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(path+".br", br.Bytes(), 0o644); err != nil {
			return err
		}
		return os.WriteFile(path+".gz", gz.Bytes(), 0o644)
	})
}

func worthCompressing(path string) bool {
	for _, ext := range compressedTypes {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}
