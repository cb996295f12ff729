package cifra_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestDocMaps checks that every package's doc.go names each of the
// package's non-test .go files, so the file map a reader starts from
// never leaves one out. Commands (package main) and the examples are not
// libraries and have no map.
func TestDocMaps(t *testing.T) {
	dirs := map[string][]string{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "examples") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			dirs[filepath.Dir(path)] = append(dirs[filepath.Dir(path)], name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for dir, files := range dirs {
		if dir == "." {
			continue // the root package is doc.go alone
		}
		if isMain(t, filepath.Join(dir, files[0])) {
			continue
		}
		doc, err := os.ReadFile(filepath.Join(dir, "doc.go"))
		if err != nil {
			t.Errorf("%s: no doc.go (every package has one that maps its files)", dir)
			continue
		}
		text := string(doc)
		sort.Strings(files)
		for _, f := range files {
			if f == "doc.go" {
				continue
			}
			if !mentions(text, f) {
				t.Errorf("%s/doc.go does not name %s in its file map", dir, f)
			}
		}
		checked++
	}
	if checked < 8 {
		t.Fatalf("checked %d packages; the walk is broken", checked)
	}
}

// mentions reports whether doc names file as a word ("csv.go", not
// "mycsv.go") or by a pattern such as "json*.go".
func mentions(doc, file string) bool {
	if regexp.MustCompile(`(^|[^A-Za-z0-9_])` + regexp.QuoteMeta(file) + `($|[^A-Za-z0-9_])`).MatchString(doc) {
		return true
	}
	for _, pat := range globs.FindAllString(doc, -1) {
		if ok, _ := filepath.Match(pat, file); ok {
			return true
		}
	}
	return false
}

var globs = regexp.MustCompile(`[A-Za-z0-9_]*\*[A-Za-z0-9_]*\.go`)

func isMain(t *testing.T, path string) bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f.Name.Name == "main"
}

// TestDataREADMEsCiteUpstream checks that no README next to test or
// example data sends the reader to a folder on the machine the copy was
// made on; provenance is the upstream URL.
func TestDataREADMEsCiteUpstream(t *testing.T) {
	local := regexp.MustCompile(`/work/|\.\./shared/|shared/data`)
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || d.Name() != "README.md" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if m := local.Find(b); m != nil {
			t.Errorf("%s cites a local folder (%q); give the upstream URL", path, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
