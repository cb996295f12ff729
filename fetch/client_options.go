package fetch

import (
	"io"
	"net/http"
	"time"
)

// ClientOption changes how a Client downloads and caches. NewClient works
// with no options at all.
type ClientOption func(*Client)

// WithCacheDir keeps the cache in dir instead of the default
// (os.UserCacheDir()/cifra, or the CIFRA_CACHE_DIR environment variable).
// Keep the cache next to a story's code to make the story reproducible.
func WithCacheDir(dir string) ClientOption {
	return func(c *Client) {
		if dir != "" {
			c.cacheDir = dir
		}
	}
}

// WithOffline serves only from the cache: no request reaches the network,
// and a URL that is not cached is an error wrapping ErrOffline. The
// CIFRA_OFFLINE=1 environment variable turns it on by default.
func WithOffline(on bool) ClientOption {
	return func(c *Client) { c.offline = on }
}

// WithUserAgent sends ua as the User-Agent header instead of
// DefaultUserAgent. Some portals answer 403 to agents they take for bots;
// a browser-like agent, or your newsroom's name and an e-mail address, can
// help.
func WithUserAgent(ua string) ClientOption {
	return func(c *Client) {
		if ua != "" {
			c.userAgent = ua
		}
	}
}

// WithTimeout sets how long the client waits for the server to answer, and
// how long a download may stall without receiving a byte, before it gives
// up on that attempt (and retries). It is not a limit on the whole
// download, so a big file on a slow line still finishes. Default 60s.
func WithTimeout(d time.Duration) ClientOption {
	return func(c *Client) {
		if d > 0 {
			c.timeout = d
		}
	}
}

// WithRetries sets how many times a failed request is retried (after the
// first attempt) on timeouts, cut connections, 429 and 5xx answers. Other
// 4xx answers are never retried. Default 3 (four attempts); 0 turns
// retries off.
func WithRetries(n int) ClientOption {
	return func(c *Client) {
		if n >= 0 {
			c.attempts = n + 1
		}
	}
}

// WithBackoff sets the first wait between retries (default 1s). Each later
// wait doubles, with random jitter, up to 30s; a Retry-After header from the
// server takes precedence (up to 5 minutes; a longer demand is an error).
func WithBackoff(base time.Duration) ClientOption {
	return func(c *Client) {
		if base >= 0 {
			c.backoff = base
		}
	}
}

// WithMaxAge sets how long a cached file whose server gave no validator
// (no ETag, no Last-Modified) is served without asking the server again.
// Files with validators are revalidated on every Get (a cheap 304 when they
// did not change). Default 24h; 0 re-downloads every time; a negative value
// never expires.
func WithMaxAge(d time.Duration) ClientOption {
	return func(c *Client) { c.maxAge = d }
}

// WithMaxSize stops any download larger than n bytes with an error
// wrapping ErrTooLarge. Default DefaultMaxSize (2 GiB).
func WithMaxSize(n int64) ClientOption {
	return func(c *Client) {
		if n > 0 {
			c.maxSize = n
		}
	}
}

// WithRateLimit leaves at least interval between two requests to the same
// host (default 250ms). 0 turns the limit off.
func WithRateLimit(interval time.Duration) ClientOption {
	return func(c *Client) {
		if interval >= 0 {
			c.rate = interval
		}
	}
}

// WithHTTPClient makes requests through hc (a proxy, custom TLS, a test
// transport). Its Timeout, if any, also applies.
func WithHTTPClient(hc *http.Client) ClientOption {
	return func(c *Client) {
		if hc != nil {
			c.hc = hc
		}
	}
}

// WithProgress draws a progress bar (bytes, rate, time left) on w for
// downloads over a few megabytes, only when w is a terminal. Default
// os.Stderr; nil turns it off.
func WithProgress(w io.Writer) ClientOption {
	return func(c *Client) { c.progress = w }
}

// WithLog sets where the client tells the things a reporter must know: a
// file that changed since it was cached (old and new SHA-256), or a cached
// copy served because the server could not be reached. Default os.Stderr;
// nil silences it (the same facts stay in each Resource and the manifest).
func WithLog(w io.Writer) ClientOption {
	return func(c *Client) { c.log = w }
}

// WithHeader adds a header to every request, e.g. a Referer or an API
// token ("X-App-Token", "Bmx-Token"). Some portals refuse requests without
// a Referer or Origin.
func WithHeader(key, value string) ClientOption {
	return func(c *Client) {
		if key == "" {
			return
		}
		if c.headers == nil {
			c.headers = http.Header{}
		}
		c.headers.Add(key, value)
	}
}
