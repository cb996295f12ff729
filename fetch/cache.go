package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
)

// The cache keeps one data file per version of a URL's bytes, named so a
// person can find it:
//
//	<dir>/<host>/<key>-<name>                  key: 16 hex digits of SHA-256(URL); name from the URL
//	<dir>/<host>/<key>-<sha256 of the bytes, 16 hex digits>-<name>   a version's bytes
//	<key>-<name>.meta.json   the Resource record of the current version
//	<key>-<name>.lock        present while a process downloads the URL
//
// A version's file is never rewritten: a later download of different bytes
// gets a file of its own, so the Path of every Resource handed out keeps
// holding exactly the bytes of its SHA-256. Data files are written to a
// temporary file in the same directory and renamed into place, so a crash
// or a cut connection never leaves a half file under a final name. The
// meta file is written (the same way) after the data file; a data file
// without a readable meta file is not trusted. A cached file is hashed
// again before it is served (once per process while its size and time do
// not change): one whose bytes no longer match its record is never served
// with the old hash.

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

// versionPath is the file that holds the bytes with hash sum of the URL
// whose base cache path is dataPath.
func versionPath(dataPath, sum string) string {
	dir, base := filepath.Split(dataPath)
	key, name, _ := strings.Cut(base, "-")
	if len(sum) > 16 {
		sum = sum[:16]
	}
	return filepath.Join(dir, key+"-"+sum+"-"+name)
}

// fileHash returns the hex SHA-256 of a file, or "" when it cannot be read.
func fileHash(name string) string {
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// verifyKey identifies a file's state for the per-process memo of hashes.
func verifyKey(st os.FileInfo, sum string) string {
	return fmt.Sprintf("%d %d %s", st.Size(), st.ModTime().UnixNano(), sum)
}

// markVerified records that name holds the bytes of sum.
func (c *Client) markVerified(name, sum string) {
	st, err := os.Stat(name)
	if err != nil {
		return
	}
	c.mu.Lock()
	c.verified[name] = verifyKey(st, sum)
	c.mu.Unlock()
}

// intact reports whether name still holds the bytes of sum, hashing it
// unless this process already did for the same size and time.
func (c *Client) intact(name, sum string, st os.FileInfo) bool {
	k := verifyKey(st, sum)
	c.mu.Lock()
	done := c.verified[name] == k
	c.mu.Unlock()
	if done {
		return true
	}
	if fileHash(name) != sum {
		return false
	}
	c.mu.Lock()
	c.verified[name] = k
	c.mu.Unlock()
	return true
}

// cacheMeta is what the meta file holds.
type cacheMeta struct {
	Resource
	CheckedAt time.Time `json:"checked_at"`
}

// loadMeta reads the meta file of a URL and checks that its data file is
// there with the recorded size and hash. ok is false when there is no
// usable entry; bad says why when a file is there but its bytes are not
// the recorded ones (an error wrapping ErrChanged).
func (c *Client) loadMeta(rawURL string) (m cacheMeta, ok bool, bad error) {
	dataPath, metaPath := c.cachePaths(rawURL)
	b, err := os.ReadFile(metaPath)
	if err != nil {
		return m, false, nil
	}
	if json.Unmarshal(b, &m) != nil || m.URL != rawURL || m.SHA256 == "" {
		return m, false, nil
	}
	p := versionPath(dataPath, m.SHA256)
	st, err := os.Stat(p)
	if err != nil {
		// A cache written before versions had files of their own.
		p = dataPath
		st, err = os.Stat(p)
	}
	if err != nil || !st.Mode().IsRegular() {
		return m, false, nil
	}
	if st.Size() != m.Size || !c.intact(p, m.SHA256, st) {
		return m, false, fmt.Errorf("fetch: %s: %w: the cached file %s no longer holds the bytes recorded (sha256 %s, %d bytes); it is not served: Forget the URL or fetch it online again",
			rawURL, ErrChanged, p, shortHash(m.SHA256), m.Size)
	}
	m.Path = p
	return m, true, nil
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
// process may break it; the holder touches it every lockTouch while it
// holds it, on a timer, whether or not bytes arrive. Variables so tests
// can shorten them.
var (
	lockStale = 2 * time.Minute
	lockTouch = 15 * time.Second
)

// fileLock is a cross-process lock: a file created with O_EXCL, kept
// fresh by a goroutine until unlock.
type fileLock struct {
	name string
	mu   sync.Mutex
	last time.Time
	stop chan struct{}
	done chan struct{}
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
			l := &fileLock{name: name, last: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
			go l.keepAlive(lockTouch)
			return l, nil
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

// keepAlive touches the lock file every d until unlock, so that other
// processes see its holder is alive even while no byte arrives.
func (l *fileLock) keepAlive(d time.Duration) {
	defer close(l.done)
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			l.refresh()
		}
	}
}

func (l *fileLock) refresh() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.last = time.Now()
	os.Chtimes(l.name, l.last, l.last)
}

// touch refreshes the lock file's time, at most every few seconds, as
// bytes arrive (the timer of keepAlive does it too).
func (l *fileLock) touch() {
	if l == nil {
		return
	}
	l.mu.Lock()
	recent := time.Since(l.last) < 5*time.Second
	l.mu.Unlock()
	if !recent {
		l.refresh()
	}
}

func (l *fileLock) unlock() {
	if l == nil {
		return
	}
	if l.stop != nil {
		close(l.stop)
		<-l.done
	}
	os.Remove(l.name)
}

// Forget removes url's file and record from the cache, so the next Get
// downloads it again. Forgetting a URL that is not cached is not an error.
func (c *Client) Forget(url string) error {
	l := c.urlLock(url)
	l.Lock()
	defer l.Unlock()
	dataPath, metaPath := c.cachePaths(url)
	paths := []string{metaPath, dataPath}
	// Every version's file: <key>-<16 hex>-<name>.
	dir, base := filepath.Split(dataPath)
	key, name, _ := strings.Cut(base, "-")
	if vs, err := filepath.Glob(filepath.Join(dir, key+"-????????????????-"+name)); err == nil {
		paths = append(paths, vs...)
	}
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("fetch: %s: forgetting: %w: %v", url, ErrCache, err)
		}
	}
	c.mu.Lock()
	delete(c.seen, url)
	c.mu.Unlock()
	return nil
}
