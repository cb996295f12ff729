package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// The cache keeps one data file per URL, named so a person can find it:
//
//	<dir>/<host>/<first 16 hex digits of SHA-256(URL)>-<file name from the URL>
//	<same>.meta.json   the Resource record (validators, hash, fetch time)
//	<same>.lock        present while a process downloads the URL
//
// Data files are written to a temporary file in the same directory and
// renamed into place, so a crash or a cut connection never leaves a half
// file under the final name. The meta file is written (the same way) after
// the data file; a data file without a readable meta file is not trusted.

var reUnsafe = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// cachePaths returns the data path and the meta path for a URL.
func (c *Client) cachePaths(rawURL string) (data, meta string) {
	sum := sha256.Sum256([]byte(rawURL))
	key := hex.EncodeToString(sum[:8])
	host, name := "other", "download"
	if u, err := url.Parse(rawURL); err == nil {
		if u.Host != "" {
			host = u.Host
		}
		if b := path.Base(u.Path); b != "" && b != "." && b != "/" {
			name = b
		}
	}
	host = cacheSafeName(host, 80)
	name = cacheSafeName(name, 100)
	data = filepath.Join(c.cacheDir, host, key+"-"+name)
	return data, data + ".meta.json"
}

func cacheSafeName(s string, max int) string {
	s = reUnsafe.ReplaceAllString(s, "_")
	s = strings.Trim(s, "._")
	if s == "" {
		s = "x"
	}
	if len(s) > max {
		s = s[len(s)-max:]
	}
	return s
}

// cacheMeta is what the meta file holds.
type cacheMeta struct {
	Resource
	CheckedAt time.Time `json:"checked_at"`
}

// loadMeta reads the meta file of a URL and checks that its data file is
// there with the recorded size. ok is false when there is no usable entry.
func (c *Client) loadMeta(rawURL string) (m cacheMeta, ok bool) {
	dataPath, metaPath := c.cachePaths(rawURL)
	b, err := os.ReadFile(metaPath)
	if err != nil {
		return m, false
	}
	if json.Unmarshal(b, &m) != nil || m.URL != rawURL || m.SHA256 == "" {
		return m, false
	}
	st, err := os.Stat(dataPath)
	if err != nil || !st.Mode().IsRegular() || st.Size() != m.Size {
		return m, false
	}
	m.Path = dataPath
	return m, true
}

// saveMeta writes the meta file atomically.
func (c *Client) saveMeta(m cacheMeta) error {
	_, metaPath := c.cachePaths(m.URL)
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("fetch: %s: %w: %v", m.URL, ErrCache, err)
	}
	return writeFileAtomic(metaPath, append(b, '\n'))
}

// writeFileAtomic writes b to a temporary file beside name and renames it.
func writeFileAtomic(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-meta-*")
	if err != nil {
		return fmt.Errorf("fetch: cache %s: %w: %v", name, ErrCache, err)
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("fetch: cache %s: %w: %v", name, ErrCache, err)
	}
	return nil
}

// lockStale is how old an untouched lock file must be before another
// process may break it. The holder touches it while it downloads.
const lockStale = 2 * time.Minute

// fileLock is a cross-process lock: a file created with O_EXCL.
type fileLock struct {
	name string
	last time.Time
}

// lockFile takes the lock for dataPath, waiting while another process holds
// it. It breaks a lock whose file has not been touched for lockStale.
func (c *Client) lockFile(ctx context.Context, dataPath string) (*fileLock, error) {
	name := dataPath + ".lock"
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return nil, fmt.Errorf("fetch: cache %s: %w: %v", filepath.Dir(name), ErrCache, err)
	}
	wait := 10 * time.Millisecond
	for {
		f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "pid %d\n", os.Getpid())
			f.Close()
			return &fileLock{name: name, last: time.Now()}, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("fetch: cache lock %s: %w: %v", name, ErrCache, err)
		}
		if st, serr := os.Stat(name); serr == nil && time.Since(st.ModTime()) > lockStale {
			os.Remove(name)
			continue
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("fetch: waiting for cache lock %s: %w", name, ctx.Err())
		case <-time.After(wait):
		}
		if wait < 500*time.Millisecond {
			wait *= 2
		}
	}
}

// touch refreshes the lock file's time, at most every few seconds, so that
// other processes see the download is alive.
func (l *fileLock) touch() {
	if l == nil || time.Since(l.last) < 5*time.Second {
		return
	}
	l.last = time.Now()
	os.Chtimes(l.name, l.last, l.last)
}

func (l *fileLock) unlock() {
	if l != nil {
		os.Remove(l.name)
	}
}

// Forget removes url's file and record from the cache, so the next Get
// downloads it again. Forgetting a URL that is not cached is not an error.
func (c *Client) Forget(url string) error {
	l := c.urlLock(url)
	l.Lock()
	defer l.Unlock()
	dataPath, metaPath := c.cachePaths(url)
	for _, p := range []string{metaPath, dataPath} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("fetch: %s: forgetting: %w: %v", url, ErrCache, err)
		}
	}
	c.mu.Lock()
	delete(c.seen, url)
	c.mu.Unlock()
	return nil
}
