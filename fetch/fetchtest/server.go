package fetchtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Server serves the files of a folder over loopback HTTP. Its methods are
// safe for concurrent use.
type Server struct {
	srv        *httptest.Server
	dir        string
	validators bool
	latency    time.Duration

	mu      sync.Mutex
	files   map[string]file
	rules   map[string]*rule
	counts  map[string]int
	headers map[string]http.Header
	total   int
	portal  *CKAN
}

type file struct {
	body    []byte
	modTime time.Time
}

type rule struct {
	fail       int
	failStatus int
	retryAfter string
	slow       time.Duration
	truncate   bool
	forbid     bool
	htmlError  bool
	redirect   string
}

// Option configures a Server.
type Option func(*Server)

// WithoutValidators sends no ETag or Last-Modified header and ignores
// conditional requests, like many government servers.
func WithoutValidators() Option { return func(s *Server) { s.validators = false } }

// WithLatency delays every answer by d.
func WithLatency(d time.Duration) Option { return func(s *Server) { s.latency = d } }

// NewServer starts a server on a loopback port that serves the files under
// dir (dir may be "" to serve only Set files and portal answers). Close it
// when done.
func NewServer(dir string, opts ...Option) *Server {
	s := &Server{
		dir:        dir,
		validators: true,
		files:      map[string]file{},
		rules:      map[string]*rule{},
		counts:     map[string]int{},
		headers:    map[string]http.Header{},
	}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.handle))
	return s
}

// URL returns the absolute URL of a path on the server ("/a/b.csv" or
// "a/b.csv"; a query string is kept).
func (s *Server) URL(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return s.srv.URL + p
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Client returns an *http.Client that talks to the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Set serves body at path p instead of (or in addition to) the folder's
// file; calling it again with other bytes simulates a revised publication
// (new ETag and Last-Modified).
func (s *Server) Set(p string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	mod := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if old, ok := s.files[cleanPath(p)]; ok {
		mod = old.modTime.Add(time.Hour)
	}
	s.files[cleanPath(p)] = file{body: append([]byte(nil), body...), modTime: mod}
}

func (s *Server) ruleFor(p string) *rule {
	p = cleanPath(p)
	r := s.rules[p]
	if r == nil {
		r = &rule{}
		s.rules[p] = r
	}
	return r
}

func (s *Server) setRule(p string, f func(*rule)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s.ruleFor(p))
}

// Fail answers the next n requests for p with status (500 when 0), then
// serves normally. The path "*" applies to every path.
func (s *Server) Fail(p string, n, status int) {
	if status == 0 {
		status = http.StatusInternalServerError
	}
	s.setRule(p, func(r *rule) { r.fail, r.failStatus, r.retryAfter = n, status, "" })
}

// Throttle answers the next n requests for p with 429 Too Many Requests and
// the given Retry-After header value (seconds or an HTTP date; "" for
// none), then serves normally.
func (s *Server) Throttle(p string, n int, retryAfter string) {
	s.setRule(p, func(r *rule) { r.fail, r.failStatus, r.retryAfter = n, http.StatusTooManyRequests, retryAfter })
}

// Slow waits d before answering requests for p (or until the client gives
// up).
func (s *Server) Slow(p string, d time.Duration) { s.setRule(p, func(r *rule) { r.slow = d }) }

// Truncate makes p's answers announce the full Content-Length but send only
// half of the body, as a cut connection does.
func (s *Server) Truncate(p string) { s.setRule(p, func(r *rule) { r.truncate = true }) }

// Forbid answers 403 Forbidden for p, as a portal that blocks a User-Agent.
func (s *Server) Forbid(p string) { s.setRule(p, func(r *rule) { r.forbid = true }) }

// HTMLError answers p with an HTML error page and status 200, as a CDN
// does when it blocks a client.
func (s *Server) HTMLError(p string) { s.setRule(p, func(r *rule) { r.htmlError = true }) }

// Redirect answers requests for p with 302 Found to the path (or URL) to.
func (s *Server) Redirect(p, to string) { s.setRule(p, func(r *rule) { r.redirect = to }) }

// Reset clears every switch set for p.
func (s *Server) Reset(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.rules, cleanPath(p))
}

// Requests returns how many requests for path p (without query) reached the
// server.
func (s *Server) Requests(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[cleanPath(p)]
}

// TotalRequests returns how many requests reached the server.
func (s *Server) TotalRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// LastHeader returns the headers of the last request for p.
func (s *Server) LastHeader(p string) http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.headers[cleanPath(p)].Clone()
}

func cleanPath(p string) string {
	if p == "*" {
		return p
	}
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	return path.Clean("/" + p)
}

// plan is what to do for one request, decided under the lock.
type plan struct {
	status     int
	retryAfter string
	slow       time.Duration
	truncate   bool
	htmlError  bool
	redirect   string
}

func (s *Server) planFor(r *http.Request) plan {
	p := cleanPath(r.URL.Path)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[p]++
	s.total++
	s.headers[p] = r.Header.Clone()
	var pl plan
	for _, key := range []string{"*", p} {
		ru := s.rules[key]
		if ru == nil {
			continue
		}
		if ru.fail > 0 {
			ru.fail--
			pl.status, pl.retryAfter = ru.failStatus, ru.retryAfter
		}
		if ru.forbid {
			pl.status = http.StatusForbidden
		}
		pl.slow = max(pl.slow, ru.slow)
		pl.truncate = pl.truncate || ru.truncate
		pl.htmlError = pl.htmlError || ru.htmlError
		if ru.redirect != "" {
			pl.redirect = ru.redirect
		}
	}
	return pl
}

func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-r.Context().Done():
		return false
	case <-t.C:
		return true
	}
}

const errorPage = `<!DOCTYPE html>
<html><head><title>Access Denied</title></head>
<body><h1>Access Denied</h1><p>You don't have permission to access this resource.</p>
<p>Reference #18.5c3e1002.1700000000.1a2b3c4d</p></body></html>
`

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	pl := s.planFor(r)
	if !wait(r, s.latency) || !wait(r, pl.slow) {
		return
	}
	if pl.status != 0 {
		if pl.retryAfter != "" {
			w.Header().Set("Retry-After", pl.retryAfter)
		}
		http.Error(w, http.StatusText(pl.status), pl.status)
		return
	}
	if pl.redirect != "" {
		http.Redirect(w, r, pl.redirect, http.StatusFound)
		return
	}
	if pl.htmlError {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, errorPage)
		return
	}
	if s.servePortal(w, r, pl) {
		return
	}
	f, ok := s.lookup(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(r.URL.Path))
	if ctype == "" {
		ctype = http.DetectContentType(f.body)
	}
	w.Header().Set("Content-Type", ctype)
	s.write(w, r, f, pl)
}

// write sends a body with validators, 304 handling and truncation.
func (s *Server) write(w http.ResponseWriter, r *http.Request, f file, pl plan) {
	if s.validators {
		sum := sha256.Sum256(f.body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", f.modTime.UTC().Format(http.TimeFormat))
		if inm := r.Header.Get("If-None-Match"); inm != "" {
			if inm == etag || inm == "*" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		} else if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !f.modTime.Truncate(time.Second).After(ims) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(f.body)))
	w.WriteHeader(http.StatusOK)
	if pl.truncate {
		w.Write(f.body[:len(f.body)/2])
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		if h, ok := w.(http.Hijacker); ok {
			if conn, _, err := h.Hijack(); err == nil {
				conn.Close()
			}
		}
		return
	}
	w.Write(f.body)
}

func (s *Server) lookup(p string) (file, bool) {
	p = cleanPath(p)
	s.mu.Lock()
	f, ok := s.files[p]
	s.mu.Unlock()
	if ok {
		return f, true
	}
	if s.dir == "" {
		return file{}, false
	}
	name := filepath.Join(s.dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		return file{}, false
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return file{}, false
	}
	return file{body: b, modTime: st.ModTime()}, true
}
