//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"

	explorer "obligations-explorer/app"
	"obligations-explorer/build/site"
)

func hostMain() {
	var opts site.Options
	serve := flag.String("serve", "", "after generating, serve the site on this address (e.g. 127.0.0.1:8080)")
	serveOnly := flag.Bool("serve-only", false, "serve an already generated -out without generating it")
	flag.StringVar(&opts.Out, "out", "dist", "directory to write the static site to")
	flag.StringVar(&opts.Base, "base", "/", "URL path the site is published under, e.g. /explorer/")
	flag.StringVar(&opts.Version, "version", "dev", "version of this build (the git commit)")
	flag.StringVar(&opts.Wasm, "wasm", "", "the compiled app.wasm to publish")
	flag.StringVar(&opts.WebDir, "web", "web", "directory of static assets (icons, styles, scripts)")
	flag.StringVar(&opts.Domain, "domain", "", "public host name, for og: tags; empty leaves them out")
	flag.StringVar(&opts.ReportURL, "report-url", "", "where \"report a problem with this rule\" links go; {rule} is replaced by the rule id (default: the about page's issue template)")
	flag.Parse()

	if !*serveOnly {
		explorer.Version = opts.Version
		explorer.ReportURL = opts.ReportURL
		if err := site.Generate(opts, explorer.StaticPages()); err != nil {
			log.Fatalf("generating the site: %v", err)
		}
		fmt.Printf("static site written to %s (base %s, version %s)\n", opts.Out, site.CleanBase(opts.Base), opts.Version)
	}
	if *serve == "" {
		return
	}
	ln, err := net.Listen("tcp", *serve)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("serving %s at http://%s%s/\n", opts.Out, ln.Addr(), site.CleanBase(opts.Base))
	log.Fatal(http.Serve(ln, site.NewServer(opts.Out, opts.Base)))
	os.Exit(0)
}
