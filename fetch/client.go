package fetch

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Version is cifra's version, sent in DefaultUserAgent and written in
// manifests.
const Version = "0.1.0"

// DefaultUserAgent is the User-Agent the client sends unless WithUserAgent
// sets another. It names cifra and its version, so portal operators can see
// who calls; it carries no URL, because the CDN in front of datos.gob.mx
// answers 403 to bot-like agents that contain one. If a portal still answers
// 403, pass WithUserAgent("Redacción Datos <datos@example.mx>") or a
// browser's agent string.
const DefaultUserAgent = "cifra/" + Version + " (Go; datos abiertos)"

// DefaultMaxSize is the default download size limit: 2 GiB.
const DefaultMaxSize int64 = 2 << 30

// Resource describes a downloaded file: where it came from, where it is
// kept, and what exactly it was (its hash). It is the provenance record the
// manifest lists. (A ckan.Resource is a portal's catalogue entry for a
// file; downloading it gives one of these.)
type Resource struct {
	URL          string    `json:"url"`                     // the URL asked for
	FinalURL     string    `json:"final_url,omitempty"`     // after redirects, when different
	Path         string    `json:"path"`                    // the cached file
	Size         int64     `json:"size"`                    // bytes
	SHA256       string    `json:"sha256"`                  // hex
	FetchedAt    time.Time `json:"fetched_at"`              // when these bytes were downloaded (UTC)
	ContentType  string    `json:"content_type,omitempty"`  // as the server said
	ETag         string    `json:"etag,omitempty"`          // HTTP validator
	LastModified string    `json:"last_modified,omitempty"` // HTTP validator, as sent
	FileName     string    `json:"file_name,omitempty"`     // from Content-Disposition, when sent

	// FromCache is true when the bytes were served from the cache (within
	// max age, after a 304 answer, or offline), false when just downloaded.
	FromCache bool `json:"-"`
	// Changed is true when a re-download brought different bytes than the
	// cached copy; Previous* describe that copy.
	Changed           bool      `json:"changed,omitempty"`
	PreviousSHA256    string    `json:"previous_sha256,omitempty"`
	PreviousSize      int64     `json:"previous_size,omitempty"`
	PreviousFetchedAt time.Time `json:"-"`
	// Stale is true when the server could not be reached and an older
	// cached copy was served; Warning says why.
	Stale   bool   `json:"stale,omitempty"`
	Warning string `json:"warning,omitempty"`
}

// String prints the resource as one readable line.
func (r Resource) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d bytes, sha256 %s", r.URL, r.Size, shortHash(r.SHA256))
	if !r.FetchedAt.IsZero() {
		fmt.Fprintf(&b, ", fetched %s", r.FetchedAt.UTC().Format(time.RFC3339))
	}
	if r.FromCache {
		b.WriteString(" (from cache)")
	}
	if r.Changed {
		fmt.Fprintf(&b, "; CHANGED: was sha256 %s, %d bytes, fetched %s", shortHash(r.PreviousSHA256), r.PreviousSize, r.PreviousFetchedAt.UTC().Format(time.RFC3339))
	}
	if r.Stale {
		fmt.Fprintf(&b, "; STALE: %s", r.Warning)
	}
	return b.String()
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}

// Client downloads files into an on-disk cache and records each one in a
// manifest. It is safe for concurrent use by several goroutines, and
// several processes may share one cache directory.
type Client struct {
	cacheDir  string
	offline   bool
	userAgent string
	timeout   time.Duration
	attempts  int
	backoff   time.Duration
	maxAge    time.Duration
	maxSize   int64
	rate      time.Duration
	hc        *http.Client
	progress  io.Writer
	log       io.Writer
	headers   http.Header

	// Replaceable in tests.
	now    func() time.Time
	sleep  func(ctx context.Context, d time.Duration) error
	jitter func() float64

	mu       sync.Mutex
	urlLocks map[string]*sync.Mutex
	hostNext map[string]time.Time
	seen     map[string]Resource
	verified map[string]string // data file → "size mtime sha256" checked in this process
	logMu    sync.Mutex
}

// NewClient returns a client with working defaults: cache in
// os.UserCacheDir()/cifra (or $CIFRA_CACHE_DIR), online unless
// CIFRA_OFFLINE=1, DefaultUserAgent, 60s timeout, 3 retries, 24h max age for
// files without validators, 2 GiB size limit, 250ms between requests to one
// host, progress bar on a terminal stderr.
func NewClient(opts ...ClientOption) *Client {
	c := &Client{
		userAgent: DefaultUserAgent,
		timeout:   60 * time.Second,
		attempts:  4,
		backoff:   time.Second,
		maxAge:    24 * time.Hour,
		maxSize:   DefaultMaxSize,
		rate:      250 * time.Millisecond,
		hc:        &http.Client{},
		progress:  os.Stderr,
		log:       os.Stderr,
		now:       time.Now,
		sleep:     sleepCtx,
		jitter:    rand.Float64,
		urlLocks:  map[string]*sync.Mutex{},
		hostNext:  map[string]time.Time{},
		seen:      map[string]Resource{},
		verified:  map[string]string{},
	}
	if d := os.Getenv("CIFRA_CACHE_DIR"); d != "" {
		c.cacheDir = d
	} else if d, err := os.UserCacheDir(); err == nil {
		c.cacheDir = filepath.Join(d, "cifra")
	} else {
		c.cacheDir = filepath.Join(os.TempDir(), "cifra-cache")
	}
	switch strings.ToLower(os.Getenv("CIFRA_OFFLINE")) {
	case "1", "true", "yes", "on":
		c.offline = true
	}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	c.hc = guardRedirects(c.hc)
	return c
}

// CacheDir returns the directory where the client keeps downloads.
func (c *Client) CacheDir() string { return c.cacheDir }

// Get returns the file at url, downloading it into the cache the first time
// and revalidating or re-using the cached copy later (see WithMaxAge); the
// Resource says where the file is and exactly what it is (SHA-256), and is
// added to the client's manifest.
//
// Errors name the URL and wrap a sentinel: ErrURL, ErrOffline (offline and
// not cached), ErrHTTP (an error status after retries; errors.As gives an
// *HTTPError), ErrTruncated (a body shorter than its Content-Length, a ZIP
// without its central directory, JSON cut mid-value), ErrTooLarge,
// ErrNotData (the URL's extension promises data — .csv, .json, .xlsx,
// .zip… — and the server sent an HTML page, or a body that is not a ZIP
// for .zip/.xlsx; or a URL with no such extension names an API or a
// download script, or sent an error page or a page with no table),
// ErrChanged (offline, the cached file's bytes no longer match its
// SHA-256), ErrCache, or the context's error. A failed download leaves
// nothing in the cache.
//
// When the server cannot be reached (network failure, stall, 5xx or 429
// after every retry) and an older copy is cached, that copy is served with
// Stale set and a Warning, and the client's log says so. When a
// re-download brings different bytes, Changed is set with the previous
// hash and size, and the log says so.
func (c *Client) Get(ctx context.Context, url string) (*Resource, error) {
	return c.get(ctx, url, expectedKind(url), "")
}

// GetAs is Get for a URL whose extension does not say what it holds (an
// API endpoint, a download script): format ("csv", "JSON", ".xlsx",
// "text/csv"…) names the data expected, so an HTML page in its place is an
// error wrapping ErrNotData.
func (c *Client) GetAs(ctx context.Context, url, format string) (*Resource, error) {
	want := normalKind(format)
	if want == "" {
		want = expectedKind(url)
	}
	accept := ""
	switch want {
	case "json":
		accept = "application/json"
	case "csv":
		accept = "text/csv, text/plain;q=0.9, */*;q=0.5"
	}
	return c.get(ctx, url, want, accept)
}

// Open is Get followed by opening the cached file. The caller closes the
// reader.
func (c *Client) Open(ctx context.Context, url string) (io.ReadCloser, *Resource, error) {
	r, err := c.Get(ctx, url)
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(r.Path)
	if err != nil {
		return nil, r, fmt.Errorf("fetch: %s: opening cached file: %w: %v", url, ErrCache, err)
	}
	return f, r, nil
}

func checkFetchURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("fetch: %q: %w: %v", raw, ErrURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("fetch: %q: %w: scheme must be http or https", raw, ErrURL)
	}
	if u.Host == "" {
		return fmt.Errorf("fetch: %q: %w: no host", raw, ErrURL)
	}
	return nil
}

// urlLock returns the in-process mutex for one URL.
func (c *Client) urlLock(u string) *sync.Mutex {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.urlLocks[u]
	if m == nil {
		m = &sync.Mutex{}
		c.urlLocks[u] = m
	}
	return m
}

func (c *Client) get(ctx context.Context, rawURL, want, accept string) (*Resource, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := checkFetchURL(rawURL); err != nil {
		return nil, err
	}
	l := c.urlLock(rawURL)
	l.Lock()
	defer l.Unlock()

	m, cached, bad := c.loadMeta(rawURL)
	if cached {
		if err := cachedPage(rawURL, want, m); err != nil {
			if c.offline {
				return nil, err
			}
			cached = false
		}
	}
	if bad != nil && !c.offline {
		c.logf("%v; downloading it again\n", bad)
	}
	if c.offline {
		if bad != nil {
			return nil, bad
		}
		if !cached {
			dataPath, _ := c.cachePaths(rawURL)
			return nil, fmt.Errorf("fetch: %s: %w (cache %s); run once online to download it", rawURL, ErrOffline, filepath.Dir(dataPath))
		}
		return c.serve(m, true), nil
	}
	start := c.now()
	if cached && m.ETag == "" && m.LastModified == "" && c.fresh(m, start) {
		return c.serve(m, true), nil
	}

	dataPath, _ := c.cachePaths(rawURL)
	fl, err := c.lockFile(ctx, dataPath)
	if err != nil {
		return nil, err
	}
	defer fl.unlock()
	// Another process may have fetched the URL while we waited for the lock.
	if m2, ok, _ := c.loadMeta(rawURL); ok && m2.CheckedAt.After(start.Add(-time.Second)) && (!cached || m2.CheckedAt.After(m.CheckedAt)) {
		return c.serve(m2, true), nil
	}

	res, err := c.download(ctx, rawURL, want, accept, m, cached, dataPath, fl)
	if err != nil {
		if cached && ctx.Err() == nil && unreachable(err) {
			m.Stale = true
			m.Warning = "server unreachable, served the copy fetched " + m.FetchedAt.UTC().Format(time.RFC3339) + ": " + err.Error()
			c.logf("fetch: %s: %s\n", rawURL, m.Warning)
			return c.serve(m, true), nil
		}
		return nil, err
	}
	return res, nil
}

// fresh reports whether a cached entry without validators may be served
// without asking the server.
func (c *Client) fresh(m cacheMeta, now time.Time) bool {
	if c.maxAge < 0 {
		return true
	}
	checked := m.CheckedAt
	if checked.IsZero() {
		checked = m.FetchedAt
	}
	return now.Sub(checked) < c.maxAge
}

// serve records a cached entry in the manifest and returns it.
func (c *Client) serve(m cacheMeta, fromCache bool) *Resource {
	r := m.Resource
	r.FromCache = fromCache
	if fromCache {
		// A change is reported once, by the Get that downloaded it.
		r.Changed, r.PreviousSHA256, r.PreviousSize, r.PreviousFetchedAt = false, "", 0, time.Time{}
	}
	c.record(r)
	return &r
}

func (c *Client) record(r Resource) {
	c.mu.Lock()
	c.seen[r.URL] = r
	c.mu.Unlock()
}

func (c *Client) logf(format string, args ...any) {
	if c.log == nil {
		return
	}
	c.logMu.Lock()
	fmt.Fprintf(c.log, format, args...)
	c.logMu.Unlock()
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
