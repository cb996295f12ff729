package fetch

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/datacon-mx/cifra/internal/errs"
)

// Sentinel errors of the HTTP client, the cache and the archive reader.
// Every error the client returns wraps one of these (or a context error), so
// callers can test with errors.Is; the message names the URL or the archive
// member.
var (
	// ErrOffline: the client is offline and the URL is not in the cache.
	ErrOffline = errors.New("not in the cache while offline")
	// ErrHTTP: the server answered with an error status (4xx, 5xx) or the
	// request failed after every retry. errors.As with *HTTPError gives the
	// status and the start of the body.
	ErrHTTP = errors.New("HTTP request failed")
	// ErrTooLarge: the download is larger than the client's size limit, or a
	// ZIP member expands beyond the archive limits.
	ErrTooLarge = errs.ErrTooLarge
	// ErrTruncated: the body ended before its Content-Length, or was longer.
	ErrTruncated = errors.New("truncated download")
	// ErrNotData: the server sent an HTML page (a login wall, a CDN error
	// page served with status 200) where a data file was expected, or a
	// body without the ZIP signature where a .zip or .xlsx was expected.
	ErrNotData = errors.New("HTML page where data was expected")
	// ErrZip: the archive is unreadable, the member does not exist or
	// several match, or a member name is unsafe.
	ErrZip = errors.New("zip archive")
	// ErrZipBomb: a ZIP member expands beyond the size or ratio limits.
	ErrZipBomb = errors.New("zip member expands too much")
	// ErrChanged: a file no longer has the SHA-256 a manifest recorded
	// (Manifest.Verify), or changed while ReadCSVFile was reading it (a
	// part read again did not hold what the first reading found).
	ErrChanged = errors.New("file changed since the manifest")
	// ErrCache: the cache directory cannot be used (permissions, disk full,
	// a lock that never frees).
	ErrCache = errors.New("cache")
	// ErrURL: the URL cannot be fetched (empty, unparsable, or a scheme
	// other than http and https).
	ErrURL = errors.New("bad URL")
	// ErrQuery: a SQL query failed or returned values that cannot be
	// turned into a table.
	ErrQuery = errors.New("query")
)

// HTTPError is the error for an HTTP answer with an error status. It wraps
// ErrHTTP; get it with errors.As to read the status or the body (a CKAN
// portal puts its message there).
type HTTPError struct {
	URL        string
	Status     int           // e.g. 404
	StatusText string        // e.g. "404 Not Found"
	Body       []byte        // the first bytes of the body (up to 64 KiB)
	RetryAfter time.Duration // from a Retry-After header, when given
	Attempts   int           // requests made, retries included
}

// Error names the URL and the status, with a hint for 403 and 429 and the
// page's title or the body's first words.
func (e *HTTPError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fetch: %s: %s", e.URL, e.StatusText)
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	switch {
	case e.Status == 403:
		b.WriteString(" (the server refused this client; some portals block bot-like User-Agents: try fetch.WithUserAgent)")
	case e.Status == 429:
		b.WriteString(" (too many requests: slow down with fetch.WithRateLimit)")
	}
	if snip := bodySnippet(e.Body); snip != "" {
		fmt.Fprintf(&b, ": %q", snip)
	}
	return b.String()
}

// Unwrap lets errors.Is(err, ErrHTTP) match.
func (e *HTTPError) Unwrap() error { return ErrHTTP }

// bodySnippet gives a one-line start of a body for an error message.
func bodySnippet(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if t := pageTitle(b); t != "" {
		return t
	}
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
