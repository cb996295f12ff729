package fetch

import (
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 10, 17, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"120", 120 * time.Second},
		{" 5 ", 5 * time.Second},
		{"-3", 0},
		{"Thu, 17 Oct 2024 12:01:30 GMT", 90 * time.Second},
		{"Thu, 17 Oct 2024 11:00:00 GMT", 0}, // in the past
		{"pronto", 0},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := parseRetryAfter(tc.in, now); got != tc.want {
				t.Errorf("parseRetryAfter(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestBackoffDelay(t *testing.T) {
	for _, tc := range []struct {
		name       string
		base       time.Duration
		attempt    int
		jitter     float64
		retryAfter time.Duration
		want       time.Duration
	}{
		{"first, low jitter", time.Second, 1, 0, 0, 500 * time.Millisecond},
		{"first, high jitter", time.Second, 1, 1, 0, time.Second},
		{"third doubles twice", time.Second, 3, 1, 0, 4 * time.Second},
		{"capped", time.Second, 10, 1, 0, maxBackoff},
		{"Retry-After wins", time.Second, 1, 1, 7 * time.Second, 7 * time.Second},
		{"backoff wins over short Retry-After", time.Second, 4, 1, time.Second, 8 * time.Second},
		{"zero base", 0, 3, 1, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Client{backoff: tc.base, jitter: func() float64 { return tc.jitter }}
			if got := c.backoffDelay(tc.attempt, tc.retryAfter); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestRetryStatus(t *testing.T) {
	for code, want := range map[int]bool{429: true, 408: true, 500: true, 502: true, 503: true, 504: true, 400: false, 401: false, 403: false, 404: false, 410: false} {
		if got := retryStatus(code); got != want {
			t.Errorf("retryStatus(%d) = %v", code, got)
		}
	}
}
