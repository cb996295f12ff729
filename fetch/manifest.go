package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// Manifest is the provenance record of the files a client served: what a
// methodology note cites. WriteManifest writes it as JSON; ReadManifest
// reads it back.
type Manifest struct {
	Tool      string     `json:"tool"` // "cifra <Version>"
	Resources []Resource `json:"resources"`
}

// Manifest returns the resources the client has served so far (the last
// Get of each URL), sorted by URL.
func (c *Client) Manifest() Manifest {
	c.mu.Lock()
	rs := make([]Resource, 0, len(c.seen))
	for _, r := range c.seen {
		rs = append(rs, r)
	}
	c.mu.Unlock()
	sort.Slice(rs, func(i, j int) bool { return rs[i].URL < rs[j].URL })
	return Manifest{Tool: "cifra " + Version, Resources: rs}
}

// WriteManifest writes the manifest of every resource the client served as
// indented JSON, sorted by URL: URL, final URL after redirects, cached path,
// size, SHA-256, fetch time (UTC), content type, HTTP validators, and
// whether the bytes changed since the previous download. The output depends
// only on those facts, so re-running from the cache writes the same bytes.
func (c *Client) WriteManifest(w io.Writer) error {
	return c.Manifest().Write(w)
}

// Write writes m as indented JSON with a final newline.
func (m Manifest) Write(w io.Writer) error {
	for i := range m.Resources {
		m.Resources[i].FetchedAt = m.Resources[i].FetchedAt.UTC()
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("fetch: writing manifest: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("fetch: writing manifest: %w", err)
	}
	return nil
}

// ReadManifest reads a manifest written by WriteManifest.
func ReadManifest(r io.Reader) (Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(r)
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, fmt.Errorf("fetch: reading manifest: %w: %v", ErrFormat, err)
	}
	for i, res := range m.Resources {
		if res.URL == "" || res.SHA256 == "" {
			return Manifest{}, fmt.Errorf("fetch: reading manifest: resource %d: %w: no url or sha256", i+1, ErrFormat)
		}
	}
	return m, nil
}

// Lookup returns the manifest's record of url.
func (m Manifest) Lookup(url string) (Resource, bool) {
	for _, r := range m.Resources {
		if r.URL == url {
			return r, true
		}
	}
	return Resource{}, false
}

// String prints the manifest as a short block, one resource a line.
func (m Manifest) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d resources (%s)\n", len(m.Resources), m.Tool)
	for _, r := range m.Resources {
		fmt.Fprintf(&b, "  %s  %s  %d bytes  %s\n", r.FetchedAt.UTC().Format(time.RFC3339), shortHash(r.SHA256), r.Size, r.URL)
		if r.Changed {
			fmt.Fprintf(&b, "    changed: was %s, %d bytes\n", shortHash(r.PreviousSHA256), r.PreviousSize)
		}
		if r.Stale {
			fmt.Fprintf(&b, "    stale: %s\n", r.Warning)
		}
	}
	return b.String()
}

// Verify recomputes the SHA-256 of every file the manifest lists (at its
// Path) and returns an error wrapping ErrChanged for each file that is
// missing or differs, so a story can check, before publishing, that it was
// computed from exactly the bytes recorded. nil means every file matches.
func (m Manifest) Verify() error {
	var errs []error
	for _, r := range m.Resources {
		f, err := os.Open(r.Path)
		if err != nil {
			errs = append(errs, fmt.Errorf("fetch: %s: %w: cached file %s: %v", r.URL, ErrChanged, r.Path, err))
			continue
		}
		h := sha256.New()
		n, err := io.Copy(h, f)
		f.Close()
		if err != nil {
			errs = append(errs, fmt.Errorf("fetch: %s: %w: reading %s: %v", r.URL, ErrChanged, r.Path, err))
			continue
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != r.SHA256 || n != r.Size {
			errs = append(errs, fmt.Errorf("fetch: %s: %w: %s has sha256 %s (%d bytes), the manifest says %s (%d bytes)",
				r.URL, ErrChanged, r.Path, got, n, r.SHA256, r.Size))
		}
	}
	return errors.Join(errs...)
}
