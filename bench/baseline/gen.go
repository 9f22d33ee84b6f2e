//go:build !wasm

package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/build/site"
)

// generate writes the baseline's static site, compressed like the explorer's.
func generate() {
	out := flag.String("out", "dist", "output directory")
	wasm := flag.String("wasm", "", "compiled app.wasm")
	flag.Parse()
	os.RemoveAll(*out)
	if err := os.MkdirAll(filepath.Join(*out, "web"), 0o755); err != nil {
		log.Fatal(err)
	}
	b, err := os.ReadFile(*wasm)
	if err != nil {
		log.Fatal(err)
	}
	os.WriteFile(filepath.Join(*out, "web", "app.wasm"), b, 0o644)
	h := &goapp.Handler{Name: "Baseline", Title: "Baseline", Icon: goapp.Icon{Default: "/web/icon.png", SVG: "/web/icon.svg"}}
	if err := goapp.GenerateStaticWebsite(*out, h); err != nil {
		log.Fatal(err)
	}
	if err := site.CompressDir(*out); err != nil {
		log.Fatal(err)
	}
}
