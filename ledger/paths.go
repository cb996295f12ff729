package ledger

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
)

// moduleRoot returns the nearest directory at or above dir that holds a
// go.mod file, or "" when there is none. Results are remembered.
func moduleRoot(dir string) string {
	rootsMu.Lock()
	defer rootsMu.Unlock()
	if r, ok := roots[dir]; ok {
		return r
	}
	r := ""
	for d := dir; ; {
		if st, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !st.IsDir() {
			r = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	roots[dir] = r
	return r
}

var (
	rootsMu sync.Mutex
	roots   = map[string]string{}
)

// callerCode returns "file:line" of the function skip frames above its
// caller, with the file relative to the root of the Go module that holds
// it ("examples/homicidios/main.go:142"), so the same code gives the same
// text on every machine. A file outside any module keeps its base name; in
// a binary built with -trimpath, the main module's path is cut from the
// front.
func callerCode(skip int) string {
	_, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return ""
	}
	if !filepath.IsAbs(file) {
		// Built with -trimpath: "github.com/org/repo/dir/file.go" for the
		// main module; drop the module path so the text matches a normal
		// build's.
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path != "" {
			file = strings.TrimPrefix(file, bi.Main.Path+"/")
		}
		return file + ":" + strconv.Itoa(line)
	}
	return stablePath(file, moduleRoot(filepath.Dir(file))) + ":" + strconv.Itoa(line)
}

// stablePath writes p with forward slashes, relative to root when p is
// absolute and inside root, and as its base name when absolute and outside
// (a download cache in the user's home differs from machine to machine).
func stablePath(p, root string) string {
	if p == "" {
		return ""
	}
	if !filepath.IsAbs(p) {
		return filepath.ToSlash(filepath.Clean(p))
	}
	if root != "" {
		if rel, err := filepath.Rel(root, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(p)
}

// sourcePath is stablePath for a data file: a relative path is kept as
// given; an absolute one is made relative to the module that holds the
// working directory.
func sourcePath(p string) string {
	if !filepath.IsAbs(p) {
		return stablePath(p, "")
	}
	wd, err := os.Getwd()
	if err != nil {
		return stablePath(p, "")
	}
	return stablePath(p, moduleRoot(wd))
}
