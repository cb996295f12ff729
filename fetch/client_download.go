package fetch

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// attempt makes one request and, on a 2xx answer, stores the body in the
// cache. It returns the served resource or what went wrong.
func (c *Client) attempt(ctx context.Context, rawURL, want, accept string, m cacheMeta, cached bool, dataPath string, fl *fileLock) (*Resource, *attemptError) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w: %v", rawURL, ErrURL, err)}
	}
	if err := c.waitHost(ctx, req.URL.Host); err != nil {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w", rawURL, err)}
	}
	actx, cancel := context.WithCancel(ctx)
	defer cancel()
	st := &stallTimer{d: c.timeout, cancel: cancel}
	st.arm()
	defer st.stop()
	req = req.WithContext(actx)
	for k, vs := range c.headers {
		req.Header[k] = append([]string(nil), vs...)
	}
	req.Header.Set("User-Agent", c.userAgent)
	if accept == "" {
		accept = "*/*"
	}
	req.Header.Set("Accept", accept)
	// Ask for gzip ourselves, so the expansion is measured against the
	// bytes received (a gzip bomb stops at once, not at the size limit).
	if req.Header.Get("Accept-Encoding") == "" {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	if cached {
		if m.ETag != "" {
			req.Header.Set("If-None-Match", m.ETag)
		}
		if m.LastModified != "" {
			req.Header.Set("If-Modified-Since", m.LastModified)
		}
	}

	resp, err := c.hc.Do(req)
	if err != nil {
		var re *redirectError
		if errors.As(err, &re) {
			return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w", rawURL, re)}
		}
		return nil, c.netError(ctx, rawURL, st, err, "request")
	}
	defer resp.Body.Close()
	now := c.now().UTC()

	switch {
	case resp.StatusCode == http.StatusNotModified && cached:
		m.CheckedAt = now
		if err := c.saveMeta(m); err != nil {
			return nil, &attemptError{err: err}
		}
		return c.serve(m, true), nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		he := &HTTPError{URL: rawURL, Status: resp.StatusCode, StatusText: resp.Status, Body: body,
			RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), c.now())}
		if he.StatusText == "" {
			he.StatusText = fmt.Sprint(resp.StatusCode)
		}
		return nil, &attemptError{err: he, retry: retryStatus(resp.StatusCode), retryAfter: he.RetryAfter}
	}
	if resp.ContentLength > c.maxSize {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w: %d bytes, over the limit of %d (see fetch.WithMaxSize)", rawURL, ErrTooLarge, resp.ContentLength, c.maxSize)}
	}

	body, cr, err := c.decodedBody(resp, st)
	if err != nil {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w", rawURL, err)}
	}
	br := bufio.NewReaderSize(body, 64<<10)
	head, _ := br.Peek(64 << 10)
	ct := resp.Header.Get("Content-Type")
	if pageRefused(rawURL, want, ct, head) {
		what := pageTitle(head)
		if what == "" {
			what = bodySnippet(sniffHead(head))
		}
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w (status %s, Content-Type %q, expected %s): %q; not cached",
			rawURL, ErrNotData, resp.Status, ct, kindName(want), what)}
	}

	dir := filepath.Dir(dataPath)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w: %v", rawURL, ErrCache, err)}
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w: %v", rawURL, ErrCache, err)}
	}
	tmpName := tmp.Name()
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()

	h := sha256.New()
	cw := &countWriter{h: h, max: c.maxSize, lock: fl}
	bar := c.newProgress(resp.ContentLength, rawURL)
	var w io.Writer = io.MultiWriter(tmp, cw)
	if bar != nil {
		w = io.MultiWriter(w, bar)
	}
	n, err := io.Copy(w, br)
	if bar != nil {
		bar.Finish()
	}
	if errors.Is(err, errTooLarge) {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w: more than %d bytes (see fetch.WithMaxSize); not cached", rawURL, ErrTooLarge, c.maxSize)}
	}
	var bomb *bombError
	if errors.As(err, &bomb) {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w; not cached", rawURL, bomb)}
	}
	if err != nil {
		return nil, c.netError(ctx, rawURL, st, err, fmt.Sprintf("after %d bytes", n))
	}
	if got := cr.n; resp.ContentLength >= 0 && got != resp.ContentLength {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w: got %d bytes, Content-Length said %d; not cached", rawURL, ErrTruncated, got, resp.ContentLength), retry: true}
	}
	closeDelimited := resp.ContentLength < 0 && len(resp.TransferEncoding) == 0 && !resp.Uncompressed
	if err := checkBody(rawURL, want, ct, tmp, n, closeDelimited); err != nil {
		return nil, &attemptError{err: err, retry: errors.Is(err, ErrTruncated)}
	}
	if err := tmp.Close(); err != nil {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w: %v", rawURL, ErrCache, err)}
	}

	sum := hex.EncodeToString(h.Sum(nil))
	verPath := versionPath(dataPath, sum)
	nm := cacheMeta{Resource: Resource{
		URL:          rawURL,
		Path:         verPath,
		Size:         n,
		SHA256:       sum,
		FetchedAt:    now,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		FileName:     dispositionName(resp.Header.Get("Content-Disposition")),
	}, CheckedAt: now}
	if fu := resp.Request.URL.String(); fu != rawURL {
		nm.FinalURL = fu
	}
	if cached && m.SHA256 != nm.SHA256 {
		nm.Changed = true
		nm.PreviousSHA256, nm.PreviousSize, nm.PreviousFetchedAt = m.SHA256, m.Size, m.FetchedAt
	}
	// Each version of a URL's bytes has a file of its own, named by its
	// hash: a later download never changes the file behind an earlier
	// Resource. The same bytes downloaded again keep their file.
	if st, err := os.Stat(verPath); err == nil && st.Mode().IsRegular() && st.Size() == n && fileHash(verPath) == sum {
		os.Remove(tmpName)
	} else if err := os.Rename(tmpName, verPath); err != nil {
		return nil, &attemptError{err: fmt.Errorf("fetch: %s: %w: %v", rawURL, ErrCache, err)}
	}
	keep = true
	c.markVerified(verPath, sum)
	if err := c.saveMeta(nm); err != nil {
		return nil, &attemptError{err: err}
	}
	if nm.Changed {
		c.logf("fetch: %s CHANGED since %s: sha256 %s (%d bytes) -> %s (%d bytes)\n",
			rawURL, m.FetchedAt.UTC().Format(time.RFC3339), m.SHA256, m.Size, nm.SHA256, nm.Size)
	}
	return c.serve(nm, false), nil
}

// netError classifies a transport error: a stall or timeout is retried, a
// cut body is ErrTruncated (retried), the caller's cancellation is not.
func (c *Client) netError(ctx context.Context, rawURL string, st *stallTimer, err error, when string) *attemptError {
	if ctx.Err() != nil {
		return &attemptError{err: fmt.Errorf("fetch: %s: %w", rawURL, ctx.Err())}
	}
	if st.fired() {
		return &attemptError{err: fmt.Errorf("fetch: %s: %w: no data for %s (%s; see fetch.WithTimeout)", rawURL, ErrHTTP, st.d, when), retry: true}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || (when != "request" && (errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, io.EOF))) {
		return &attemptError{err: fmt.Errorf("fetch: %s: %w: connection closed %s; not cached", rawURL, ErrTruncated, when), retry: true}
	}
	return &attemptError{err: fmt.Errorf("fetch: %s: %w: %s: %v", rawURL, ErrHTTP, when, err), retry: true}
}

var errTooLarge = errors.New("too large")

// countWriter hashes and counts bytes, stops past max, and keeps the cache
// lock alive.
type countWriter struct {
	h    hash.Hash
	n    int64
	max  int64
	lock *fileLock
}

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	if w.max > 0 && w.n > w.max {
		return 0, errTooLarge
	}
	w.lock.touch()
	return w.h.Write(p)
}

// stallTimer cancels a request when no byte arrives for d.
type stallTimer struct {
	d      time.Duration
	cancel func()
	mu     sync.Mutex
	t      *time.Timer
	hit    atomic.Bool
}

func (s *stallTimer) arm() {
	if s.d <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.t == nil {
		s.t = time.AfterFunc(s.d, func() { s.hit.Store(true); s.cancel() })
		return
	}
	s.t.Reset(s.d)
}

func (s *stallTimer) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.t != nil {
		s.t.Stop()
	}
}

func (s *stallTimer) fired() bool { return s.hit.Load() }

// stallReader re-arms the stall timer on every read that brings bytes.
type stallReader struct {
	r  io.Reader
	st *stallTimer
}

func (r *stallReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.st.arm()
	}
	return n, err
}
