package cifra_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestDocCommentsNameTheirDeclaration checks that a doc comment that
// starts with an identifier starts with the name of what it documents, so
// a renamed function cannot keep describing itself under its old name
// ("looksHTML reports…" above looksLikeHTMLPage).
func TestDocCommentsNameTheirDeclaration(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			n := d.Name()
			if path != "." && (strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		check := func(name string, doc *ast.CommentGroup, pos token.Pos) {
			if doc == nil {
				return
			}
			words := strings.Fields(doc.Text())
			if len(words) == 0 {
				return
			}
			w := strings.TrimRight(words[0], ",.:;")
			if w == name || !looksLikeIdentifier(w) {
				return
			}
			t.Errorf("%s: the doc comment of %s starts with %s", fset.Position(pos), name, w)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				check(d.Name.Name, d.Doc, d.Pos())
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if s, ok := s.(*ast.TypeSpec); ok {
						doc := s.Doc
						if doc == nil && len(d.Specs) == 1 {
							doc = d.Doc
						}
						check(s.Name.Name, doc, s.Pos())
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// looksLikeIdentifier reports whether w reads as a Go identifier rather
// than an English word: it has an upper-case letter after the first
// ("looksHTML", "ReadCSV") or starts with one and is not a common
// sentence opener.
func looksLikeIdentifier(w string) bool {
	if w == "" || !unicode.IsLetter(rune(w[0])) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			return false
		}
	}
	for _, r := range w[1:] {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
