package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/fetch/fetchtest"
)

const censoFile = "censo2020_poblacion_estatal.csv"

// testClient returns a client on a fresh cache with no waits: sleeps are
// recorded, not slept.
func testClient(t *testing.T, opts ...ClientOption) (*Client, *[]time.Duration, *bytes.Buffer) {
	t.Helper()
	var log bytes.Buffer
	base := []ClientOption{WithCacheDir(t.TempDir()), WithRateLimit(0), WithProgress(nil), WithLog(&log)}
	c := NewClient(append(base, opts...)...)
	var mu sync.Mutex
	var slept []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		slept = append(slept, d)
		mu.Unlock()
		return ctx.Err()
	}
	return c, &slept, &log
}

func fileSHA(t *testing.T, name string) (string, int64) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:]), int64(len(b))
}

// cacheFiles lists the data and temp files in a cache (not meta or lock).
func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			out = append(out, filepath.Base(p))
		}
		return nil
	})
	return out
}

func TestGetDownloadsThenRevalidates(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	c, _, _ := testClient(t)
	ctx := context.Background()
	u := srv.URL("/" + censoFile)
	wantSHA, wantSize := fileSHA(t, filepath.Join("testdata/net", censoFile))

	r1, err := c.Get(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if r1.FromCache || r1.SHA256 != wantSHA || r1.Size != wantSize || r1.Size != 1716 {
		t.Fatalf("first Get: %+v; want sha %s size %d", r1, wantSHA, wantSize)
	}
	if r1.ETag == "" || r1.LastModified == "" || !strings.HasPrefix(r1.ContentType, "text/csv") {
		t.Errorf("validators/content type not recorded: %+v", r1)
	}
	got, _ := fileSHA(t, r1.Path)
	if got != wantSHA {
		t.Errorf("cached file sha %s, want %s", got, wantSHA)
	}
	r2, err := c.Get(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if !r2.FromCache || r2.SHA256 != wantSHA || r2.Path != r1.Path || !r2.FetchedAt.Equal(r1.FetchedAt) {
		t.Errorf("second Get: %+v", r2)
	}
	if n := srv.Requests("/" + censoFile); n != 2 {
		t.Errorf("requests = %d, want 2 (download, then 304)", n)
	}
	h := srv.LastHeader("/" + censoFile)
	if h.Get("If-None-Match") != r1.ETag || h.Get("User-Agent") != DefaultUserAgent {
		t.Errorf("revalidation headers: %v", h)
	}
}

func TestMaxAgeWithoutValidators(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net", fetchtest.WithoutValidators())
	defer srv.Close()
	p := "/" + censoFile
	for _, tc := range []struct {
		name      string
		maxAge    time.Duration
		wantReqs  int
		fromCache bool
	}{
		{"within max age", time.Hour, 1, true},
		{"max age zero re-downloads", 0, 2, false},
		{"never expires", -1, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := srv.Requests(p)
			c, _, _ := testClient(t, WithMaxAge(tc.maxAge))
			if _, err := c.Get(context.Background(), srv.URL(p)); err != nil {
				t.Fatal(err)
			}
			r, err := c.Get(context.Background(), srv.URL(p))
			if err != nil {
				t.Fatal(err)
			}
			if got := srv.Requests(p) - before; got != tc.wantReqs || r.FromCache != tc.fromCache {
				t.Errorf("requests %d FromCache %v; want %d %v", got, r.FromCache, tc.wantReqs, tc.fromCache)
			}
		})
	}
}

func TestOffline(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	dir := t.TempDir()
	u := srv.URL("/" + censoFile)
	off := NewClient(WithCacheDir(dir), WithOffline(true), WithLog(nil), WithProgress(nil))
	_, err := off.Get(context.Background(), u)
	if !errors.Is(err, ErrOffline) || !strings.Contains(err.Error(), "run once online") || !strings.Contains(err.Error(), u) {
		t.Fatalf("offline miss: %v", err)
	}
	on := NewClient(WithCacheDir(dir), WithRateLimit(0), WithLog(nil), WithProgress(nil))
	first, err := on.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	n := srv.TotalRequests()
	r, err := off.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	if !r.FromCache || r.SHA256 != first.SHA256 || srv.TotalRequests() != n {
		t.Errorf("offline hit: %+v, requests %d→%d", r, n, srv.TotalRequests())
	}
}

func TestChangedBytesAreReported(t *testing.T) {
	srv := fetchtest.NewServer("")
	defer srv.Close()
	orig, err := os.ReadFile(filepath.Join("testdata/net", censoFile))
	if err != nil {
		t.Fatal(err)
	}
	srv.Set("/pob.csv", orig)
	c, _, log := testClient(t)
	u := srv.URL("/pob.csv")
	r1, err := c.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	// INEGI revises a figure: Aguascalientes 1425607 → 1425608.
	revised := bytes.Replace(orig, []byte("01,1425607"), []byte("01,1425608"), 1)
	srv.Set("/pob.csv", revised)
	r2, err := c.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	if !r2.Changed || r2.FromCache || r2.PreviousSHA256 != r1.SHA256 || r2.SHA256 == r1.SHA256 || r2.PreviousSize != 1716 {
		t.Fatalf("revision not reported: %+v", r2)
	}
	if !strings.Contains(log.String(), "CHANGED") || !strings.Contains(log.String(), r1.SHA256) || !strings.Contains(log.String(), r2.SHA256) {
		t.Errorf("log = %q", log.String())
	}
	var mf bytes.Buffer
	if err := c.WriteManifest(&mf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(mf.String(), `"previous_sha256": "`+r1.SHA256) {
		t.Errorf("manifest lacks the previous hash:\n%s", mf.String())
	}
	r3, err := c.Get(context.Background(), u)
	if err != nil || r3.Changed || !r3.FromCache || r3.SHA256 != r2.SHA256 {
		t.Errorf("third Get: %+v %v", r3, err)
	}
}

func TestRetries(t *testing.T) {
	p := "/" + censoFile
	for _, tc := range []struct {
		name     string
		setup    func(s *fetchtest.Server)
		opts     []ClientOption
		wantErr  error
		wantReqs int
		minSleep time.Duration // the longest recorded wait must be at least this
	}{
		{"two 500 then 200", func(s *fetchtest.Server) { s.Fail(p, 2, 500) }, nil, nil, 3, 0},
		{"503 every time", func(s *fetchtest.Server) { s.Fail(p, 10, 503) }, nil, ErrHTTP, 4, 0},
		{"no retries", func(s *fetchtest.Server) { s.Fail(p, 10, 502) }, []ClientOption{WithRetries(0)}, ErrHTTP, 1, 0},
		{"404 not retried", func(s *fetchtest.Server) { s.Fail(p, 10, 404) }, nil, ErrHTTP, 1, 0},
		{"403 not retried", func(s *fetchtest.Server) { s.Forbid(p) }, nil, ErrHTTP, 1, 0},
		{"429 Retry-After seconds", func(s *fetchtest.Server) { s.Throttle(p, 1, "7") }, nil, nil, 2, 7 * time.Second},
		{"429 Retry-After date", func(s *fetchtest.Server) {
			s.Throttle(p, 1, time.Now().Add(90*time.Second).UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT"))
		}, nil, nil, 2, 60 * time.Second},
		{"429 Retry-After too long", func(s *fetchtest.Server) { s.Throttle(p, 1, "3600") }, nil, ErrHTTP, 1, 0},
		{"truncated every time", func(s *fetchtest.Server) { s.Truncate(p) }, nil, ErrTruncated, 4, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := fetchtest.NewServer("testdata/net")
			defer srv.Close()
			tc.setup(srv)
			c, slept, _ := testClient(t, tc.opts...)
			r, err := c.Get(context.Background(), srv.URL(p))
			if tc.wantErr == nil && err != nil {
				t.Fatal(err)
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), srv.URL(p)) {
				t.Errorf("error does not name the URL: %v", err)
			}
			if err == nil && r.Size != 1716 {
				t.Errorf("size %d", r.Size)
			}
			if got := srv.Requests(p); got != tc.wantReqs {
				t.Errorf("requests = %d, want %d", got, tc.wantReqs)
			}
			var longest time.Duration
			for _, d := range *slept {
				longest = max(longest, d)
			}
			if longest < tc.minSleep {
				t.Errorf("longest wait %s, want ≥ %s", longest, tc.minSleep)
			}
			if err != nil {
				if files := cacheFiles(t, c.CacheDir()); len(files) != 0 {
					t.Errorf("failed download left files: %v", files)
				}
			}
		})
	}
}

func TestForbiddenMessageHelps(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	srv.Forbid("/x.csv")
	c, _, _ := testClient(t)
	_, err := c.Get(context.Background(), srv.URL("/x.csv"))
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 403 || !strings.Contains(err.Error(), "WithUserAgent") {
		t.Fatalf("err = %v", err)
	}
}

func TestHTMLErrorPageIsNotData(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	for _, tc := range []struct {
		name string
		get  func(c *Client, u string) (*Resource, error)
		path string
	}{
		{"csv extension", func(c *Client, u string) (*Resource, error) { return c.Get(context.Background(), u) }, "/" + censoFile},
		{"zip extension", func(c *Client, u string) (*Resource, error) { return c.Get(context.Background(), u) }, "/datos.zip"},
		{"api endpoint as json", func(c *Client, u string) (*Resource, error) { return c.GetAs(context.Background(), u, "json") }, "/api/datos"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv.HTMLError(tc.path)
			c, _, _ := testClient(t)
			_, err := tc.get(c, srv.URL(tc.path))
			if !errors.Is(err, ErrNotData) || !strings.Contains(err.Error(), "Access Denied") {
				t.Fatalf("err = %v", err)
			}
			if files := cacheFiles(t, c.CacheDir()); len(files) != 0 {
				t.Errorf("HTML page was cached: %v", files)
			}
			if srv.Requests(tc.path) != 1 {
				t.Errorf("an HTML page was retried: %d requests", srv.Requests(tc.path))
			}
		})
	}
	// A page asked for as a page is fine.
	srv.Set("/pagina.html", []byte("<!DOCTYPE html><html><body><table></table></body></html>"))
	c, _, _ := testClient(t)
	if _, err := c.Get(context.Background(), srv.URL("/pagina.html")); err != nil {
		t.Errorf("HTML page asked for: %v", err)
	}
}

func TestSizeLimit(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	c, _, _ := testClient(t, WithMaxSize(1000))
	_, err := c.Get(context.Background(), srv.URL("/"+censoFile))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1716") {
		t.Fatalf("err = %v", err)
	}
	if files := cacheFiles(t, c.CacheDir()); len(files) != 0 {
		t.Errorf("left files: %v", files)
	}
}

func TestStallTimeout(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	srv.Slow("/"+censoFile, 5*time.Second)
	c, _, _ := testClient(t, WithTimeout(50*time.Millisecond), WithRetries(1))
	_, err := c.Get(context.Background(), srv.URL("/"+censoFile))
	if !errors.Is(err, ErrHTTP) || !strings.Contains(err.Error(), "no data for") {
		t.Fatalf("err = %v", err)
	}
	if n := srv.Requests("/" + censoFile); n != 2 {
		t.Errorf("requests %d, want 2", n)
	}
}

func TestStaleCopyWhenServerDown(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net", fetchtest.WithoutValidators())
	defer srv.Close()
	c, _, log := testClient(t, WithMaxAge(0))
	u := srv.URL("/" + censoFile)
	first, err := c.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	srv.Fail("/"+censoFile, 100, 503)
	r, err := c.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Stale || !r.FromCache || r.SHA256 != first.SHA256 || !strings.Contains(r.Warning, "503") {
		t.Errorf("stale copy: %+v", r)
	}
	if !strings.Contains(log.String(), "server unreachable") {
		t.Errorf("log = %q", log.String())
	}
	// A 404 is an answer, not an outage: no stale copy.
	srv.Fail("/"+censoFile, 100, 404)
	if _, err := c.Get(context.Background(), u); !errors.Is(err, ErrHTTP) {
		t.Errorf("404 with a cached copy: %v", err)
	}
}

func TestRedirectRecordsFinalURL(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	srv.Redirect("/viejo.csv", "/"+censoFile)
	c, _, _ := testClient(t)
	r, err := c.Get(context.Background(), srv.URL("/viejo.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if r.URL != srv.URL("/viejo.csv") || r.FinalURL != srv.URL("/"+censoFile) || r.Size != 1716 {
		t.Errorf("%+v", r)
	}
}

func TestConcurrentGets(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	dir := t.TempDir()
	want, _ := fileSHA(t, filepath.Join("testdata/net", censoFile))
	// Two clients on one cache stand for two processes.
	clients := []*Client{
		NewClient(WithCacheDir(dir), WithRateLimit(0), WithLog(nil), WithProgress(nil)),
		NewClient(WithCacheDir(dir), WithRateLimit(0), WithLog(nil), WithProgress(nil)),
	}
	u := srv.URL("/" + censoFile)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(c *Client) {
			defer wg.Done()
			r, err := c.Get(context.Background(), u)
			if err == nil {
				got, _ := os.ReadFile(r.Path)
				s := sha256.Sum256(got)
				if hex.EncodeToString(s[:]) != want || r.SHA256 != want {
					err = errors.New("corrupt cache file")
				}
			}
			errs <- err
		}(clients[i%2])
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	files := cacheFiles(t, dir)
	if len(files) != 2 { // data + meta, no temp or lock file left
		t.Errorf("cache files: %v", files)
	}
}

func TestBadURL(t *testing.T) {
	c, _, _ := testClient(t)
	for _, u := range []string{"", "ftp://example.org/a.csv", "datos.csv", "http://"} {
		t.Run(u, func(t *testing.T) {
			if _, err := c.Get(context.Background(), u); !errors.Is(err, ErrURL) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestCanceledContext(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	srv.Fail("/"+censoFile, 10, 500)
	c := NewClient(WithCacheDir(t.TempDir()), WithRateLimit(0), WithBackoff(time.Hour), WithLog(nil), WithProgress(nil))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for srv.Requests("/"+censoFile) == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, err := c.Get(ctx, srv.URL("/"+censoFile))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

func TestOpen(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	c, _, _ := testClient(t)
	rc, r, err := c.Open(context.Background(), srv.URL("/"+censoFile))
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	head := make([]byte, 19)
	if _, err := rc.Read(head); err != nil || string(head) != "nombre_estado_inegi" || r.Size != 1716 {
		t.Errorf("%q %v %+v", head, err, r)
	}
}

func TestForget(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	c, _, _ := testClient(t)
	u := srv.URL("/" + censoFile)
	if _, err := c.Get(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	if err := c.Forget(u); err != nil {
		t.Fatal(err)
	}
	r, err := c.Get(context.Background(), u)
	if err != nil || r.FromCache || srv.Requests("/"+censoFile) != 2 {
		t.Errorf("after Forget: %+v %v", r, err)
	}
}

func TestNoProgressBarOffTerminal(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  ClientOption
	}{
		{"off", WithProgress(nil)},
		{"buffer", WithProgress(&bytes.Buffer{})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClient(tc.opt)
			if bar := c.newProgress(100<<20, "https://example.org/grande.csv"); bar != nil {
				t.Errorf("a bar was drawn")
			}
		})
	}
}

func TestSniffByKind(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	// Government ".xls" exports are often HTML tables: data, not an error.
	srv.Set("/sesnsp/incidencia.xls", []byte(`<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head>
<body><table><tr><td>Entidad</td><td>Homicidios</td></tr><tr><td>Colima</td><td>123</td></tr></table></body></html>`))
	srv.Set("/datos.zip", []byte(`{"error":"archivo no disponible"}`))
	srv.Set("/libro.xlsx", []byte("Not Found\n"))
	for _, tc := range []struct {
		path    string
		wantErr error
	}{
		{"/sesnsp/incidencia.xls", nil},
		{"/censo2020_estatal.zip", nil},
		{"/datos.zip", ErrNotData},
		{"/libro.xlsx", ErrNotData},
	} {
		t.Run(tc.path, func(t *testing.T) {
			c, _, _ := testClient(t)
			_, err := c.Get(context.Background(), srv.URL(tc.path))
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

func TestDispositionName(t *testing.T) {
	for in, want := range map[string]string{
		"": "",
		`attachment; filename="IDEFC_NM_dic25.csv"`:  "IDEFC_NM_dic25.csv",
		`attachment; filename="C:\\datos\\evil.csv"`: "evil.csv",
		`inline`: "",
		`attachment; filename*=UTF-8''poblaci%C3%B3n.csv`: "población.csv",
	} {
		if got := dispositionName(in); got != want {
			t.Errorf("dispositionName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeadersAndRateLimit(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	c, slept, _ := testClient(t, WithRateLimit(time.Second), WithUserAgent("Redacción Datos <datos@example.mx>"),
		WithHeader("Referer", "https://www.datos.gob.mx/"), WithMaxAge(0))
	for _, p := range []string{"/censo2020_poblacion_estatal.csv", "/censo2020_estatal.zip"} {
		if _, err := c.Get(context.Background(), srv.URL(p)); err != nil {
			t.Fatal(err)
		}
	}
	h := srv.LastHeader("/censo2020_estatal.zip")
	if h.Get("User-Agent") != "Redacción Datos <datos@example.mx>" || h.Get("Referer") != "https://www.datos.gob.mx/" {
		t.Errorf("headers %v", h)
	}
	// The second request to the same host waited for the rest of the second.
	if len(*slept) != 2 || (*slept)[0] != 0 || (*slept)[1] < 500*time.Millisecond || (*slept)[1] > time.Second {
		t.Errorf("rate-limit waits %v", *slept)
	}
}
