package fetch

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"
)

// hostileServer serves handlers by path on loopback and counts requests.
type hostileServer struct {
	*httptest.Server
	mu sync.Mutex
	n  map[string]int
}

func newHostileServer(t *testing.T, routes map[string]http.HandlerFunc) *hostileServer {
	t.Helper()
	s := &hostileServer{n: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.n[r.URL.Path]++
		s.mu.Unlock()
		if h, ok := routes[r.URL.Path]; ok {
			h(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *hostileServer) requests(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n[p]
}

// dataFiles lists the files of a cache that hold bytes (not meta, lock or
// temporary files).
func dataFiles(t *testing.T, dir string) []string {
	var out []string
	for _, f := range cacheFiles(t, dir) {
		if !strings.HasSuffix(f, ".meta.json") && !strings.HasSuffix(f, ".lock") {
			out = append(out, f)
		}
	}
	return out
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func serveHTML(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	}
}

func TestHostileHTMLErrorPageNeverCached(t *testing.T) {
	page := "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Servicio no disponible</h1></body></html>"
	var u16 []byte
	u16 = append(u16, 0xff, 0xfe)
	for _, u := range utf16.Encode([]rune(page)) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	plain := "<html><head><title>Portal</title></head><body><p>Bienvenido</p></body></html>"
	cases := []struct {
		name, path, query string
		body              []byte
	}{
		{"api endpoint", "/api/datos", "", []byte(page)},
		{"download script", "/descarga", "?id=5", []byte(page)},
		{"page without a table", "/recurso", "", []byte(plain)},
		{"csv after 3000 bytes of whitespace", "/datos.csv", "", []byte(strings.Repeat(" ", 3000) + page)},
		{"csv after 200 KB of whitespace", "/grande.csv", "", []byte(strings.Repeat("\n", 200<<10) + page)},
		{"csv after a long comment", "/comentario.csv", "", []byte("<!--" + strings.Repeat("relleno ", 20000) + "-->" + page)},
		{"csv in UTF-16", "/utf16.csv", "", u16},
		{"json", "/datos.json", "", []byte("\n\n" + page)},
		{"text before the markup, served as HTML", "/texto.csv", "", []byte("Error 503\n<html><body><h1>Servicio no disponible</h1></body></html>")},
		{"table on a not-found page", "/consulta", "", []byte("<html><head><title>404 - Página no encontrada</title></head><body><table><tr><td>x</td></tr></table></body></html>")},
		{"unusual first element", "/api/v1/registros", "", []byte("<font color=red>Error interno</font>")},
		{"uppercase doctype after a BOM", "/export", "?formato=csv", []byte("\xef\xbb\xbf\r\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><HTML><BODY>No hay datos</BODY></HTML>")},
	}
	routes := map[string]http.HandlerFunc{}
	for _, tc := range cases {
		routes[tc.path] = serveHTML(tc.body)
	}
	routes["/api/php"] = serveHTML([]byte(`{"success":true,"result":[{"notes":"<div><p>Datos de <b>INEGI</b></p></div>"}]}`))
	routes["/tabla"] = serveHTML([]byte("<html><head><title>Mantenimiento de carreteras: margen de error por estado</title></head><body><h1>Mantenimiento de carreteras</h1><table><tr><td>Colima</td><td>12</td></tr></table></body></html>"))
	srv := newHostileServer(t, routes)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, _, _ := testClient(t)
			_, err := c.Get(context.Background(), srv.URL+tc.path+tc.query)
			if !errors.Is(err, ErrNotData) {
				t.Fatalf("err = %v, want ErrNotData", err)
			}
			if files := dataFiles(t, c.CacheDir()); len(files) > 0 {
				t.Errorf("cached: %v", files)
			}
			if n := srv.requests(tc.path); n > 1 {
				// each subtest has its own client; a request per subtest
				t.Logf("%d requests so far", n)
			}
			// Asked again (a later run), it is still refused and not served.
			if _, err := c.Get(context.Background(), srv.URL+tc.path+tc.query); !errors.Is(err, ErrNotData) {
				t.Errorf("second Get: %v", err)
			}
		})
	}
	// A page with a table at a plain address is what HTMLTables reads.
	c, _, _ := testClient(t)
	if _, err := c.Get(context.Background(), srv.URL+"/tabla"); err != nil {
		t.Errorf("page with a table: %v", err)
	}
	// JSON served as text/html, with markup in its values, is data.
	if _, err := c.GetAs(context.Background(), srv.URL+"/api/php", "json"); err != nil {
		t.Errorf("JSON served as text/html: %v", err)
	}
}

// rawClose answers with raw bytes and closes the connection: an identity
// body with no Content-Length, cut when the server goes away.
func rawClose(header string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hj, ok := w.(http.Hijacker)
		if !ok {
			http.Error(w, "no hijack", 500)
			return
		}
		conn, buf, err := hj.Hijack()
		if err != nil {
			return
		}
		buf.WriteString("HTTP/1.1 200 OK\r\nConnection: close\r\n" + header + "\r\n")
		buf.Write(body)
		buf.Flush()
		conn.Close()
	}
}

// rawReset answers with raw bytes and resets the connection (RST), as a
// server that dies mid-body does.
func rawReset(header string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		buf.WriteString("HTTP/1.1 200 OK\r\n" + header + "\r\n")
		buf.Write(body)
		buf.Flush()
		time.Sleep(50 * time.Millisecond)
		if tc, ok := conn.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
		conn.Close()
	}
}

func TestHostileConnectionReset(t *testing.T) {
	srv := newHostileServer(t, map[string]http.HandlerFunc{
		"/reset.csv": rawReset("Content-Type: text/csv\r\n", []byte("entidad,total\nColima,12\nJal")),
	})
	c, _, _ := testClient(t, WithRetries(1))
	_, err := c.Get(context.Background(), srv.URL+"/reset.csv")
	if !errors.Is(err, ErrTruncated) {
		t.Fatalf("reset mid-body: err = %v, want ErrTruncated", err)
	}
	if files := dataFiles(t, c.CacheDir()); len(files) > 0 {
		t.Errorf("cached: %v", files)
	}
}

func TestHostileCutBodyWithoutLength(t *testing.T) {
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	f, _ := zw.Create("datos.csv")
	f.Write(bytes.Repeat([]byte("entidad,total\nColima,12\n"), 2000))
	zw.Close()
	whole := zb.Bytes()
	var gb bytes.Buffer
	gw := gzip.NewWriter(&gb)
	gw.Write(bytes.Repeat([]byte("entidad,total\nColima,12\n"), 100))
	gw.Close()
	gzipped := gb.Bytes()
	srv := newHostileServer(t, map[string]http.HandlerFunc{
		"/corto.zip":    rawClose("Content-Type: application/zip\r\n", whole[:len(whole)/2]),
		"/entero.zip":   rawClose("Content-Type: application/zip\r\n", whole),
		"/api/corto":    rawClose("Content-Type: application/json\r\n", []byte(`{"success": true, "result": {"records": [{"a": 1}, {"a"`)),
		"/sin":          rawClose("Content-Type: application/octet-stream\r\n", whole[:len(whole)-10]),
		"/corte.csv":    rawClose("Content-Type: text/csv\r\n", []byte("entidad,municipio,total\nColima,Colima,12\nJalisco,Zapo")),
		"/comillas.csv": rawClose("Content-Type: text/csv\r\n", []byte("entidad,nota,total\nColima,\"dice \"\"hola\"\", y")),
		"/entero.csv":   rawClose("Content-Type: text/csv\r\n", []byte("entidad,nota,total\nColima,Tubo 3/4\",12\nJalisco,\"a, b\",30")),
		"/datos.gz":     rawClose("Content-Type: application/gzip\r\n", gzipped[:len(gzipped)-6]),
		"/trozos.csv":   rawClose("Transfer-Encoding: chunked\r\n", []byte("e\r\nentidad,total\n\r\n9\r\nColima,12\r\n")),
	})
	c, _, _ := testClient(t, WithRetries(1))
	for _, p := range []string{"/corto.zip", "/sin", "/corte.csv", "/comillas.csv", "/datos.gz", "/trozos.csv"} {
		if _, err := c.Get(context.Background(), srv.URL+p); !errors.Is(err, ErrTruncated) {
			t.Errorf("%s: err = %v, want ErrTruncated", p, err)
		}
	}
	if _, err := c.GetAs(context.Background(), srv.URL+"/api/corto", "json"); !errors.Is(err, ErrTruncated) {
		t.Errorf("cut JSON: err = %v, want ErrTruncated", err)
	}
	if files := dataFiles(t, c.CacheDir()); len(files) > 0 {
		t.Errorf("cut bodies cached: %v", files)
	}
	r, err := c.Get(context.Background(), srv.URL+"/entero.zip")
	if err != nil || r.SHA256 != sha(whole) {
		t.Errorf("whole zip: %v %v", r, err)
	}
	// A whole CSV with a stray quote and no final line end is data.
	if _, err := c.Get(context.Background(), srv.URL+"/entero.csv"); err != nil {
		t.Errorf("whole CSV: %v", err)
	}
}

func TestHostileLockHeldWhileServerStalls(t *testing.T) {
	oldStale, oldTouch := lockStale, lockTouch
	lockStale, lockTouch = 500*time.Millisecond, 50*time.Millisecond
	t.Cleanup(func() { lockStale, lockTouch = oldStale, oldTouch })

	body := []byte("entidad,total\nColima,12\n")
	var served atomic.Int32
	srv := newHostileServer(t, map[string]http.HandlerFunc{
		"/lento.csv": func(w http.ResponseWriter, r *http.Request) {
			n := served.Add(1)
			w.Header().Set("Content-Type", "text/csv")
			w.WriteHeader(200)
			w.(http.Flusher).Flush()
			time.Sleep(1200 * time.Millisecond) // no byte for more than two lockStale periods
			if n == 1 {
				w.Write(body)
			} else {
				w.Write([]byte("otra,version\n1,2\n"))
			}
		},
	})
	dir := t.TempDir()
	a := NewClient(WithCacheDir(dir), WithRateLimit(0), WithProgress(nil), WithLog(nil), WithMaxAge(time.Hour))
	b := NewClient(WithCacheDir(dir), WithRateLimit(0), WithProgress(nil), WithLog(nil), WithMaxAge(time.Hour))
	var ra, rb *Resource
	var ea, eb error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); ra, ea = a.Get(context.Background(), srv.URL+"/lento.csv") }()
	go func() {
		defer wg.Done()
		time.Sleep(100 * time.Millisecond)
		rb, eb = b.Get(context.Background(), srv.URL+"/lento.csv")
	}()
	wg.Wait()
	if ea != nil || eb != nil {
		t.Fatal(ea, eb)
	}
	if n := srv.requests("/lento.csv"); n != 1 {
		t.Errorf("the second process broke a live lock: %d requests", n)
	}
	for _, r := range []*Resource{ra, rb} {
		got, _ := os.ReadFile(r.Path)
		if sha(got) != r.SHA256 || r.SHA256 != sha(body) {
			t.Errorf("%s holds sha %s, Resource says %s", r.Path, sha(got), r.SHA256)
		}
	}
}

func TestHostileResourcePathKeepsItsBytes(t *testing.T) {
	var version atomic.Int32
	srv := newHostileServer(t, map[string]http.HandlerFunc{
		"/cambia.csv": func(w http.ResponseWriter, r *http.Request) {
			v := version.Add(1)
			w.Header().Set("Content-Type", "text/csv")
			w.Write([]byte("version\n" + strings.Repeat("x", int(v)) + "\n"))
		},
	})
	c, _, _ := testClient(t, WithMaxAge(0))
	u := srv.URL + "/cambia.csv"
	r1, err := c.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := c.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	if !r2.Changed || r1.Path == r2.Path {
		t.Errorf("a new version must get a file of its own: %s, %s", r1.Path, r2.Path)
	}
	for _, r := range []*Resource{r1, r2} {
		b, err := os.ReadFile(r.Path)
		if err != nil || sha(b) != r.SHA256 {
			t.Errorf("%s does not hold sha %s: %v", r.Path, r.SHA256, err)
		}
	}
	if err := c.Forget(u); err != nil {
		t.Fatal(err)
	}
	if files := dataFiles(t, c.CacheDir()); len(files) > 0 {
		t.Errorf("Forget left versions: %v", files)
	}
}

func TestHostileTamperedCacheNotServed(t *testing.T) {
	body := []byte("entidad,total\nColima,12\nJalisco,30\n")
	srv := newHostileServer(t, map[string]http.HandlerFunc{
		"/datos.csv": func(w http.ResponseWriter, r *http.Request) { w.Write(body) },
	})
	dir := t.TempDir()
	u := srv.URL + "/datos.csv"
	on := NewClient(WithCacheDir(dir), WithRateLimit(0), WithProgress(nil), WithLog(nil), WithMaxAge(-1))
	r, err := on.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(body, []byte("12"), []byte("99"), 1)
	if err := os.WriteFile(r.Path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(r.Path, later, later)
	off := NewClient(WithCacheDir(dir), WithOffline(true), WithLog(nil))
	if got, err := off.Get(context.Background(), u); !errors.Is(err, ErrChanged) {
		t.Errorf("offline tampered: %v %v, want ErrChanged", got, err)
	}
	// Online, the copy is downloaded again rather than served.
	on2 := NewClient(WithCacheDir(dir), WithRateLimit(0), WithProgress(nil), WithLog(nil), WithMaxAge(-1))
	r2, err := on2.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(r2.Path)
	if sha(got) != r2.SHA256 || r2.SHA256 != sha(body) || srv.requests("/datos.csv") != 2 {
		t.Errorf("online after tamper: %+v (%d requests)", r2, srv.requests("/datos.csv"))
	}
}

func TestHostileGzipBomb(t *testing.T) {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for i := 0; i < 64; i++ {
		zw.Write(zero)
	}
	zw.Close()
	bomb := gz.Bytes()
	var small bytes.Buffer
	sw := gzip.NewWriter(&small)
	csv := []byte("entidad,total\nColima,12\n")
	sw.Write(csv)
	sw.Close()
	srv := newHostileServer(t, map[string]http.HandlerFunc{
		"/bomba.csv": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		},
		"/ok.csv": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(small.Bytes())
		},
	})
	c, _, _ := testClient(t)
	_, err := c.Get(context.Background(), srv.URL+"/bomba.csv")
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("gzip bomb of %d bytes: err = %v, want ErrTooLarge", len(bomb), err)
	}
	if srv.requests("/bomba.csv") != 1 {
		t.Errorf("a bomb was retried: %d requests", srv.requests("/bomba.csv"))
	}
	if files := dataFiles(t, c.CacheDir()); len(files) > 0 {
		t.Errorf("bomb cached: %v", files)
	}
	r, err := c.Get(context.Background(), srv.URL+"/ok.csv")
	if err != nil || r.SHA256 != sha(csv) {
		t.Errorf("gzip-encoded CSV is stored expanded: %v %v", r, err)
	}
	// A size limit trips on the expanded bytes.
	lim, _, _ := testClient(t, WithMaxSize(10))
	if _, err := lim.Get(context.Background(), srv.URL+"/ok.csv"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("limit on expanded bytes: %v", err)
	}
}

func TestHostileRedirectsNotRetried(t *testing.T) {
	srv := newHostileServer(t, map[string]http.HandlerFunc{
		"/archivo.csv": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		},
		"/a.csv": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b.csv", http.StatusFound) },
		"/b.csv": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/a.csv", http.StatusFound) },
	})
	c, slept, _ := testClient(t)
	start := time.Now()
	_, err := c.Get(context.Background(), srv.URL+"/archivo.csv")
	if !errors.Is(err, ErrURL) || !strings.Contains(err.Error(), "file:") {
		t.Errorf("redirect to file://: %v", err)
	}
	if n := srv.requests("/archivo.csv"); n != 1 {
		t.Errorf("redirect to file:// retried: %d requests", n)
	}
	_, err = c.Get(context.Background(), srv.URL+"/a.csv")
	if !errors.Is(err, ErrHTTP) || !strings.Contains(err.Error(), "loop") {
		t.Errorf("redirect loop: %v", err)
	}
	if n := srv.requests("/a.csv") + srv.requests("/b.csv"); n > 3 {
		t.Errorf("redirect loop: %d requests", n)
	}
	if len(*slept) > 0 || time.Since(start) > 5*time.Second {
		t.Errorf("waited to retry: %v", *slept)
	}
}

// FuzzCheckBody feeds arbitrary bodies to the checks a download passes
// before it is cached: errors are fine, panics are not.
func FuzzCheckBody(f *testing.F) {
	f.Add([]byte("entidad,total\nColima,\"12"), "csv", "text/csv")
	f.Add([]byte("PK\x03\x04rest"), "zip", "application/zip")
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"), "", "text/html")
	f.Add([]byte("\x1f\x8b\x08\x00"), "gz", "")
	f.Add([]byte(`{"a":[1,2`), "json", "application/json")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body []byte, want, ct string) {
		fh, err := os.CreateTemp(dir, "body-*")
		if err != nil {
			t.Skip(err)
		}
		defer os.Remove(fh.Name())
		defer fh.Close()
		fh.Write(body)
		checkBody("http://example.org/api/datos", want, ct, fh, int64(len(body)), true)
	})
}
