//go:build !wasm

package site

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
)

func init() {
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
}

// Server serves a generated site the way a well-configured static host
// would: extension-less routes, 404.html for unknown paths, precompressed
// siblings with the right Content-Encoding.
type Server struct {
	dir  atomic.Value // string: the directory served, switchable (tests publish a new version)
	base string
}

// NewServer serves dir under base ("/" or "/explorer/").
func NewServer(dir, base string) *Server {
	s := &Server{base: CleanBase(base)}
	s.dir.Store(dir)
	return s
}

// SetDir switches the served directory, as a deploy of a new version would.
func (s *Server) SetDir(dir string) { s.dir.Store(dir) }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	dir := s.dir.Load().(string)
	p := r.URL.Path
	if s.base != "" {
		if p == "/" || p == s.base {
			http.Redirect(w, r, s.base+"/", http.StatusFound)
			return
		}
		if !strings.HasPrefix(p, s.base+"/") {
			s.notFound(w, r, dir)
			return
		}
		p = strings.TrimPrefix(p, s.base)
	}
	p = path.Clean("/" + p)
	file := s.resolve(dir, p)
	if file == "" {
		s.notFound(w, r, dir)
		return
	}
	// Every response is revalidated: the service worker, not the HTTP cache,
	// is what makes the site work offline, and a new version must show.
	w.Header().Set("Cache-Control", "no-cache")
	s.serveFile(w, r, file, http.StatusOK)
}

// resolve maps a clean path to a file: the file itself, a directory's
// index.html, or the route's .html page.
func (s *Server) resolve(dir, p string) string {
	full := filepath.Join(dir, filepath.FromSlash(p))
	if st, err := os.Stat(full); err == nil {
		if !st.IsDir() {
			return full
		}
		if idx := filepath.Join(full, "index.html"); exists(idx) {
			return idx
		}
	}
	if strings.HasSuffix(p, "/") {
		p = strings.TrimSuffix(p, "/")
	}
	if html := filepath.Join(dir, filepath.FromSlash(p)+".html"); exists(html) {
		return html
	}
	return ""
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, dir string) {
	page := filepath.Join(dir, "404.html")
	if !exists(page) {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	s.serveFile(w, r, page, http.StatusNotFound)
}

// serveFile sends file, or its .br/.gz sibling when the client accepts it.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, file string, status int) {
	ctype := mime.TypeByExtension(filepath.Ext(file))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	send := file
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if acceptsEncoding(accept, enc.token) && exists(file+enc.ext) {
			send = file + enc.ext
			w.Header().Set("Content-Encoding", enc.token)
			break
		}
	}
	w.Header().Add("Vary", "Accept-Encoding")
	b, err := os.ReadFile(send)
	if err != nil {
		http.Error(w, "read error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		q := strings.TrimPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		if q == "" || q == params {
			return true
		}
		if v, err := strconv.ParseFloat(q, 64); err == nil && v > 0 {
			return true
		}
	}
	return false
}

func exists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
