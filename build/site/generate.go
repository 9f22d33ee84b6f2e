//go:build !wasm

// Package site turns the go-app routes into a static site and serves it.
//
// go-app's own generator gets us prerendered pages; this package fixes what a
// static, offline, sub-path, iframe-embedded site needs beyond it (DESIGN §5):
// a base-aware resource resolver, our own manifest and service worker, a CSP
// meta tag early in <head>, no remote og: URLs, and precompressed files.
package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	explorer "obligations-explorer/app"
	"obligations-explorer/clauses/catalogue"
	"obligations-explorer/clauses/compiled"
)

// Options configure one build of the static site.
type Options struct {
	Out     string // output directory
	Base    string // URL path prefix, "/" or "/explorer/"
	Version string // build version (git commit)
	Wasm    string // path of the compiled app.wasm
	WebDir  string // static assets to copy to <out>/web
	Domain  string // public host for og: tags, "" to leave them out
	// ReportURL is where "report a problem with this rule" links go, with
	// {rule} replaced by the rule id; "" uses the about page's template.
	ReportURL string
}

// AppName is the installable app's one bilingual name.
const (
	AppName      = "阿里云协议义务查询 · Alibaba Cloud obligations explorer"
	AppShortName = "义务查询 Obligations"
	themeColor   = "#0b4f71"
)

// CSP allows only same-origin scripts, plus compiling our WebAssembly.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
	"manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// CleanBase normalises a base path to "" (root) or "/sub/path" without a
// trailing slash.
func CleanBase(b string) string {
	b = "/" + strings.Trim(b, "/")
	if b == "/" {
		return ""
	}
	return b
}

// Generate writes the whole static site into opts.Out, replacing it.
func Generate(opts Options, pages []string) error {
	base := CleanBase(opts.Base)
	explorer.SetBase(base)
	if err := os.RemoveAll(opts.Out); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(opts.Out, "web"), 0o755); err != nil {
		return err
	}
	if err := copyDir(opts.WebDir, filepath.Join(opts.Out, "web")); err != nil {
		return fmt.Errorf("copying %s: %w", opts.WebDir, err)
	}
	wasmSize := int64(0)
	if opts.Wasm != "" {
		st, err := os.Stat(opts.Wasm)
		if err != nil {
			return err
		}
		wasmSize = st.Size()
		if err := copyFile(opts.Wasm, filepath.Join(opts.Out, "web", "app.wasm")); err != nil {
			return err
		}
	}

	h := &goapp.Handler{
		Name:            AppName,
		ShortName:       AppShortName,
		Title:           "阿里云协议义务查询",
		Description:     "阿里云协议义务与期限查询：每个期限都注明出处条款。Alibaba Cloud obligations and deadlines, each citing its clause.",
		Lang:            "zh",
		Domain:          opts.Domain,
		Version:         opts.Version,
		ThemeColor:      themeColor,
		BackgroundColor: "#ffffff",
		LoadingLabel:    "正在加载交互功能 Loading…",
		Icon: goapp.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			// go-app puts Icon.SVG in <link rel="icon">. A PNG: an SVG
			// image is a document of its own, built on the page's thread
			// while the WebAssembly starts (README, "SVG images"); go-app
			// would put a GitHub URL there if this were empty.
			SVG: "/web/logo.png",
		},
		Styles:            []string{"/web/" + StyleBundle},
		Scripts:           []string{"/web/shell.js defer"},
		Resources:         baseResolver{base: base},
		WasmContentLength: strconv.FormatInt(wasmSize, 10),
		Env:               map[string]string{"EXPLORER_REPORT_URL": opts.ReportURL},
	}
	if err := goapp.GenerateStaticWebsite(opts.Out, h, pages...); err != nil {
		return err
	}
	if err := patchAppJS(filepath.Join(opts.Out, "app.js")); err != nil {
		return err
	}
	if err := bundleStyles(opts.Out); err != nil {
		return err
	}
	htmlFiles, err := postProcessHTML(opts.Out, base, opts.Domain != "")
	if err != nil {
		return err
	}
	dataFiles, err := writeData(opts.Out)
	if err != nil {
		return err
	}
	if err := writeManifest(opts.Out, base); err != nil {
		return err
	}
	if err := writeWorker(opts, base, append(htmlFiles, dataFiles...)); err != nil {
		return err
	}
	return CompressDir(opts.Out)
}

// baseResolver publishes go-app's own files and /web/ under the base path and
// leaves every other link alone: explorer links already carry the base
// (app.Link), and go-app's PrefixedLocation would prefix them a second time.
type baseResolver struct{ base string }

var rootAssets = map[string]bool{
	"/app.js": true, "/app.css": true, "/wasm_exec.js": true,
	"/app-worker.js": true, "/manifest.webmanifest": true,
}

func (r baseResolver) Resolve(loc string) string {
	switch {
	case loc == "" || loc == "/":
		if r.base == "" {
			return "/"
		}
		return r.base
	case strings.HasPrefix(loc, "http://") || strings.HasPrefix(loc, "https://"):
		return loc
	case strings.HasPrefix(loc, "/web/") || loc == "/web" || rootAssets[loc]:
		return r.base + loc
	case strings.HasPrefix(loc, "web/"):
		return r.base + "/" + loc
	}
	return loc
}

var (
	charsetMeta = []byte(`<meta charset="UTF-8">`)
	// go-app writes og:/twitter: URLs as https://<Domain>/…: with no domain
	// configured they would name no real host, so they are dropped.
	// go-app writes the attributes in no fixed order.
	remoteOG = regexp.MustCompile(`<meta (?:[a-z]+="[^"]*" )*(?:property="og:(?:url|image)"|name="twitter:image")(?: [a-z]+="[^"]*")*>`)
	// go-app prerenders a false boolean attribute as name="false", which
	// HTML reads as present: every <details> open, every <option>
	// selected, controls disabled, until the WebAssembly fixes them. Text
	// never matches: go-app and the reader escape quotes in text.
	falseBoolAttr = regexp.MustCompile(` (?:allowfullscreen|async|autofocus|autoplay|checked|controls|default|defer|disabled|formnovalidate|hidden|inert|ismap|loop|multiple|muted|nomodule|novalidate|open|playsinline|readonly|required|reversed|selected)="false"`)
)

// postProcessHTML adds the CSP meta tag right after the charset (go-app puts
// RawHeaders after its scripts, too late) and drops og: URLs without a
// domain. It returns the HTML files, relative to out, for the precache list.
func postProcessHTML(out, base string, keepOG bool) ([]string, error) {
	goappCSS := regexp.MustCompile(`<link (?:[a-z]+="[^"]*" )*href="` + regexp.QuoteMeta(base) + `/app\.css"(?: [a-z]+="[^"]*")*>\s*`)
	var files []string
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Contains(b, charsetMeta) {
			return fmt.Errorf("%s: no charset meta to anchor the CSP", path)
		}
		// No <link rel="preload"> for the WebAssembly: a worker fetches
		// and compiles it (patchAppJS), and a document's preload cannot
		// serve a worker's fetch.
		csp := []byte(`<meta http-equiv="Content-Security-Policy" content="` + CSP + `">`)
		b = bytes.Replace(b, charsetMeta, append(append([]byte{}, charsetMeta...), csp...), 1)
		if !keepOG {
			b = remoteOG.ReplaceAll(b, nil)
		}
		b = falseBoolAttr.ReplaceAll(b, nil)
		// go-app's own stylesheet is the first part of the bundle.
		b = goappCSS.ReplaceAll(b, nil)
		rel, _ := filepath.Rel(out, path)
		files = append(files, filepath.ToSlash(rel))
		return os.WriteFile(path, b, 0o644)
	})
	sort.Strings(files)
	return files, err
}

// writeData publishes the corpus's text under data/ (package compiled):
// each document as JSON, for citations and search, and the reader's HTML
// per language. It returns the files, relative to out, for the precache
// list: after one visit every document reads offline.
func writeData(out string) ([]string, error) {
	var ids []string
	for _, d := range catalogue.Load().Documents {
		ids = append(ids, d.ID)
	}
	files, err := compiled.DataFiles(ids)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(out, "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var rel []string
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, err
		}
		rel = append(rel, "data/"+name)
	}
	sort.Strings(rel)
	return rel, nil
}

// writeManifest replaces go-app's manifest, whose scope is always "/".
func writeManifest(out, base string) error {
	type icon struct {
		Src     string `json:"src"`
		Type    string `json:"type"`
		Sizes   string `json:"sizes"`
		Purpose string `json:"purpose,omitempty"`
	}
	m := map[string]any{
		"name":             AppName,
		"short_name":       AppShortName,
		"description":      "阿里云协议义务与期限查询 · Alibaba Cloud obligations and deadlines",
		"lang":             "zh",
		"scope":            base + "/",
		"start_url":        base + "/",
		"id":               base + "/",
		"display":          "standalone",
		"background_color": "#ffffff",
		"theme_color":      themeColor,
		"icons": []icon{
			{Src: base + "/web/icon-192.png", Type: "image/png", Sizes: "192x192"},
			{Src: base + "/web/icon-512.png", Type: "image/png", Sizes: "512x512"},
			{Src: base + "/web/icon-512.png", Type: "image/png", Sizes: "512x512", Purpose: "maskable"},
		},
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "manifest.webmanifest"), b, 0o644)
}

// writeWorker replaces go-app's service worker (which answers only exact
// URLs, precaches only "/" and does not wait for caching on install) with
// web/app-worker.js, filled in with the version and every file of the site.
func writeWorker(opts Options, base string, htmlFiles []string) error {
	tmpl, err := os.ReadFile(filepath.Join(opts.WebDir, "app-worker.js"))
	if err != nil {
		return err
	}
	var assets []string
	for _, f := range []string{"app.js", "app.css", "wasm_exec.js", "manifest.webmanifest"} {
		assets = append(assets, base+"/"+f)
	}
	err = filepath.WalkDir(filepath.Join(opts.Out, "web"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(path) == "app-worker.js" {
			return err
		}
		rel, _ := filepath.Rel(opts.Out, path)
		assets = append(assets, base+"/"+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return err
	}
	var pages []string
	for _, f := range htmlFiles {
		pages = append(pages, base+"/"+f)
	}
	list, _ := json.Marshal(append(pages, assets...))
	s := string(tmpl)
	s = strings.ReplaceAll(s, "{{.Version}}", opts.Version)
	s = strings.ReplaceAll(s, "{{.Base}}", base)
	s = strings.ReplaceAll(s, "{{.ResourcesToCache}}", string(list))
	if err := os.Remove(filepath.Join(opts.Out, "web", "app-worker.js")); err != nil && !os.IsNotExist(err) {
		return err
	}
	return os.WriteFile(filepath.Join(opts.Out, "app-worker.js"), []byte(s), 0o644)
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return copyFile(path, target)
	})
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// StyleBundle is the one stylesheet every page links: go-app's app.css and
// ours, in order. One render-blocking request instead of five is what first
// paint waits for.
const StyleBundle = "explorer.css"

// styleParts are the stylesheets of web/ that go into the bundle, in order.
var styleParts = []string{"app.css", "compare.css", "export.css", "search.css"}

// bundleStyles writes web/explorer.css and removes the parts it replaces.
func bundleStyles(out string) error {
	parts := []string{"app.css"} // go-app's own, at the root
	for _, f := range styleParts {
		parts = append(parts, filepath.Join("web", f))
	}
	var b bytes.Buffer
	for _, f := range parts {
		css, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "/* %s */\n", filepath.ToSlash(f))
		b.Write(css)
		b.WriteString("\n")
	}
	for _, f := range parts[1:] {
		if err := os.Remove(filepath.Join(out, f)); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(out, "web", StyleBundle), b.Bytes(), 0o644)
}

// patchAppJS changes three things in go-app's app.js:
//
//   - It fetches the WebAssembly with a plain fetch, so the browser compiles
//     it while it streams in. go-app pipes the download through a JavaScript
//     stream, chunk by chunk, only to print a percentage; that costs the
//     first visit hundreds of milliseconds on a 10 MB module.
//   - It compiles the module in a worker (web/compile-worker.js) and
//     instantiates it on the page: streamed in on the page's thread, the
//     module is decoded there, beside the page's parsing and layout. Should
//     the worker fail (a host's headers forbidding it, say), the page
//     compiles the module itself as before.
//   - It registers the service worker only once the page has rendered
//     (<html data-state="ready">), or after 10 s at the latest. Registered at
//     once, the worker's precaching of every page and of the WebAssembly
//     competes with the first visit's own download and start.
func patchAppJS(appJS string) error {
	b, err := os.ReadFile(appJS)
	if err != nil {
		return err
	}
	progress := regexp.MustCompile(`fetchWithProgress\(("[^"]+"), showProgress\)`)
	if !progress.Match(b) {
		return fmt.Errorf("%s: go-app's WebAssembly fetch not found", appJS)
	}
	b = progress.ReplaceAll(b, []byte("fetch($1)"))
	instantiate := regexp.MustCompile(`instantiateStreaming\(\s*fetch\(("[^"]+")\),\s*go\.importObject\s*\)`)
	if !instantiate.Match(b) {
		return fmt.Errorf("%s: go-app's WebAssembly instantiation not found", appJS)
	}
	b = instantiate.ReplaceAll(b, []byte("explorerInstantiate($1, go.importObject)"))
	b = append(b, explorerInstantiate...)
	const call = "\ngoappInitServiceWorker();\n"
	if !bytes.Contains(b, []byte(call)) {
		return fmt.Errorf("%s: go-app's service worker registration not found", appJS)
	}
	deferred := `
(function () {
  let done = false;
  const register = () => { if (!done) { done = true; goappInitServiceWorker(); } };
  const html = document.documentElement;
  if (html.dataset.state === "ready") { register(); return; }
  new MutationObserver((_, obs) => {
    if (html.dataset.state === "ready") { obs.disconnect(); setTimeout(register, 0); }
  }).observe(html, { attributes: true, attributeFilter: ["data-state"] });
  setTimeout(register, 10000);
})();
`
	return os.WriteFile(appJS, bytes.Replace(b, []byte(call), []byte(deferred), 1), 0o644)
}

// explorerInstantiate compiles the module in web/compile-worker.js, beside
// app.wasm, and instantiates it on the page; see patchAppJS.
const explorerInstantiate = `
async function explorerInstantiate(url, importObject) {
  const abs = new URL(url, location.href).href;
  let module;
  try {
    module = await new Promise((resolve, reject) => {
      const worker = new Worker(new URL("compile-worker.js", abs));
      worker.onmessage = (e) => {
        worker.terminate();
        e.data.module ? resolve(e.data.module) : reject(new Error(e.data.error));
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message || "the compile worker failed"));
      };
      worker.postMessage(abs);
    });
  } catch (err) {
    console.warn("compiling the WebAssembly in a worker failed; compiling it here:", err);
    return WebAssembly.instantiateStreaming(fetch(url), importObject);
  }
  return { instance: await WebAssembly.instantiate(module, importObject) };
}
`
