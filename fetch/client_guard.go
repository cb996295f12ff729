package fetch

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// gzipRatioFloor is the expanded size under which a gzip-encoded body's
// ratio is not checked, as for ZIP members (zipRatioFloor).
const gzipRatioFloor = zipRatioFloor

// maxRedirects is how many redirects one request may follow.
const maxRedirects = 10

// wireCounter counts the bytes read from the connection.
type wireCounter struct {
	r io.Reader
	n int64
}

func (w *wireCounter) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	w.n += int64(n)
	return n, err
}

// bombError is a gzip-encoded body that expands beyond DefaultZipMaxRatio
// times the bytes received.
type bombError struct {
	wire, out int64
}

func (e *bombError) Error() string {
	return fmt.Sprintf("%s: the gzip-encoded body expanded to %d bytes from %d received (more than %d times)", ErrTooLarge, e.out, e.wire, DefaultZipMaxRatio)
}

func (e *bombError) Unwrap() error { return ErrTooLarge }

// gunzipGuard expands a gzip-encoded body and stops, with a *bombError, as
// soon as the expansion passes DefaultZipMaxRatio times the bytes received
// (beyond gzipRatioFloor).
type gunzipGuard struct {
	z    *gzip.Reader
	wire *wireCounter
	out  int64
}

func (g *gunzipGuard) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	g.out += int64(n)
	if g.out > gzipRatioFloor && float64(g.out) > DefaultZipMaxRatio*float64(g.wire.n) {
		return n, &bombError{wire: g.wire.n, out: g.out}
	}
	return n, err
}

// decodedBody returns the body of resp to store: expanded when the server
// sent it gzip-encoded (the client asks for gzip itself, so that the
// expansion is measured), and re-arming the stall timer on every read. cr
// counts the bytes received, to compare with Content-Length.
func (c *Client) decodedBody(resp *http.Response, st *stallTimer) (io.Reader, *wireCounter, error) {
	cr := &wireCounter{r: &stallReader{r: resp.Body, st: st}}
	if !strings.EqualFold(strings.TrimSpace(resp.Header.Get("Content-Encoding")), "gzip") || resp.Uncompressed {
		return cr, cr, nil
	}
	z, err := gzip.NewReader(cr)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: the body says it is gzip-encoded but is not: %v; not cached", ErrTruncated, err)
	}
	return &gunzipGuard{z: z, wire: cr}, cr, nil
}

// redirectError is a redirect that cannot succeed however often it is
// retried: to a scheme other than http and https, or in a loop.
type redirectError struct {
	msg  string
	kind error
}

func (e *redirectError) Error() string { return e.kind.Error() + ": " + e.msg }
func (e *redirectError) Unwrap() error { return e.kind }

// guardRedirects returns a copy of hc whose redirects stop, with a
// *redirectError, at a scheme other than http(s), a URL already visited
// or more than maxRedirects hops; hc's own CheckRedirect runs after.
func guardRedirects(hc *http.Client) *http.Client {
	cp := *hc
	prev := hc.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if s := req.URL.Scheme; s != "http" && s != "https" {
			return &redirectError{kind: ErrURL, msg: fmt.Sprintf("redirected to %q: scheme must be http or https; not retried", req.URL.Redacted())}
		}
		for _, v := range via {
			if v.URL.String() == req.URL.String() {
				return &redirectError{kind: ErrHTTP, msg: fmt.Sprintf("redirect loop: %s was already visited (%d redirects); not retried", req.URL.Redacted(), len(via))}
			}
		}
		if len(via) >= maxRedirects {
			return &redirectError{kind: ErrHTTP, msg: fmt.Sprintf("more than %d redirects (last to %s); not retried", maxRedirects, req.URL.Redacted())}
		}
		if prev != nil {
			return prev(req, via)
		}
		return nil
	}
	return &cp
}
