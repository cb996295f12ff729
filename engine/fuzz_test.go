package engine_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/engine"
	"github.com/datacon-mx/cifra/internal/frame"
)

// FuzzQuoting loads a one-column table whose column name and value are
// arbitrary text, filters it by that value and reads it back: a name or a
// value never breaks or changes the statement.
func FuzzQuoting(f *testing.F) {
	for _, s := range [][2]string{
		{"año", "O'Higgins"}, {"select", `x'); DROP TABLE t; --`}, {`a"b`, `"`}, {"cve ent", " 09 "},
		{"ñ", "\\"}, {"from", "?"}, {"$1", "$1"}, {"--", "/*"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		if name == "" || strings.ContainsRune(name, 0) || strings.ContainsRune(value, 0) ||
			!utf8.ValidString(name) || !utf8.ValidString(value) || strings.EqualFold(name, "_cifra_row") || value == "NaN" {
			t.Skip()
		}
		db := openSQLite(t)
		ctx := context.Background()
		e, err := engine.Open(db, engine.SQLite)
		if err != nil {
			t.Fatal(err)
		}
		df, err := frame.New(frame.Strings(name, []string{value, value + "x"}, nil))
		if err != nil {
			t.Skip()
		}
		if err := e.Load(ctx, "t", df); err != nil {
			t.Fatalf("Load(%q = %q): %v", name, value, err)
		}
		out, _, err := e.Table("t").Filter(engine.Eq(name, value)).Collect(ctx)
		if err != nil {
			t.Fatalf("Collect(%q = %q): %v", name, value, err)
		}
		if out.Nrow() != 1 || out.Names()[0] != name || out.Col(name).Records()[0] != value {
			t.Fatalf("%q = %q: got %v", name, value, out)
		}
	})
}
