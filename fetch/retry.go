package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	maxBackoff    = 30 * time.Second
	maxRetryAfter = 5 * time.Minute
)

// attemptError is the outcome of one failed attempt.
type attemptError struct {
	err        error
	retry      bool          // worth another attempt
	retryAfter time.Duration // the server's Retry-After, if any
}

// download fetches rawURL with retries and stores it in the cache. m and
// cached describe the cached copy, if any, used for conditional requests
// and change detection.
func (c *Client) download(ctx context.Context, rawURL, want, accept string, m cacheMeta, cached bool, dataPath string, fl *fileLock) (*Resource, error) {
	attempts := c.attempts
	if attempts < 1 {
		attempts = 1
	}
	for attempt := 1; ; attempt++ {
		res, ae := c.attempt(ctx, rawURL, want, accept, m, cached, dataPath, fl)
		if ae == nil {
			return res, nil
		}
		var he *HTTPError
		if errors.As(ae.err, &he) {
			he.Attempts = attempt
		}
		if !ae.retry || attempt >= attempts || ctx.Err() != nil {
			if ctx.Err() != nil && !errors.Is(ae.err, ctx.Err()) {
				return nil, fmt.Errorf("fetch: %s: %w", rawURL, ctx.Err())
			}
			if ae.retry && attempt > 1 && he == nil {
				return nil, fmt.Errorf("%w (after %d attempts)", ae.err, attempt)
			}
			return nil, ae.err
		}
		if ae.retryAfter > maxRetryAfter {
			return nil, fmt.Errorf("%w (the server asks to wait %s before retrying)", ae.err, ae.retryAfter.Round(time.Second))
		}
		if err := c.sleep(ctx, c.backoffDelay(attempt, ae.retryAfter)); err != nil {
			return nil, fmt.Errorf("fetch: %s: %w", rawURL, err)
		}
	}
}

// backoffDelay is the wait before retry number attempt (1-based):
// exponential from the base, capped, with jitter in [d/2, d); a server's
// Retry-After wins when longer.
func (c *Client) backoffDelay(attempt int, retryAfter time.Duration) time.Duration {
	d := c.backoff
	for i := 1; i < attempt && d < maxBackoff; i++ {
		d *= 2
	}
	if d > maxBackoff {
		d = maxBackoff
	}
	j := c.jitter
	if j == nil {
		j = func() float64 { return 0.5 }
	}
	d = d/2 + time.Duration(j()*float64(d/2))
	if retryAfter > d {
		d = retryAfter
	}
	return d
}

// parseRetryAfter reads a Retry-After header: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// retryStatus reports whether an HTTP status is worth retrying.
func retryStatus(code int) bool {
	return code == http.StatusTooManyRequests || code == http.StatusRequestTimeout || code >= 500
}

// unreachable reports whether err means the server could not give an
// answer (network failure, timeout, 5xx, 429), as opposed to an answer that
// says no (404, 403) or is wrong (an HTML page, too large).
func unreachable(err error) bool {
	var he *HTTPError
	if errors.As(err, &he) {
		return retryStatus(he.Status)
	}
	return !errors.Is(err, ErrNotData) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrCache) && !errors.Is(err, ErrURL)
}

// waitHost applies the per-host rate limit.
func (c *Client) waitHost(ctx context.Context, host string) error {
	if c.rate <= 0 {
		return nil
	}
	c.mu.Lock()
	now := c.now()
	next := c.hostNext[host]
	wait := next.Sub(now)
	if wait < 0 {
		wait = 0
	}
	c.hostNext[host] = now.Add(wait + c.rate)
	c.mu.Unlock()
	return c.sleep(ctx, wait)
}
