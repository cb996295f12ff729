package ledger

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, data string
		want       error
		text       string
	}{
		{"vacio.json", " \n", ErrEmpty, "empty file"},
		{"roto.json", `{"title": `, ErrFormat, "unexpected end of JSON input"},
		{"otro.json", `{"title": "x", "figures": []}`, ErrFormat, `no "cifra_ledger" version field`},
		{"futuro.json", `{"cifra_ledger": 9, "title": "x"}`, ErrFormat, "version 9 is newer"},
		{"sin_url.json", `{"cifra_ledger": 1, "sources": [{"sha256": "ab"}]}`, ErrFormat, "source 1 has no url or path"},
		{"sin_nombre.json", `{"cifra_ledger": 1, "figures": [{"value": 1}]}`, ErrFormat, "figure 1 has no name"},
		{"doble.json", `{"cifra_ledger": 1, "figures": [{"name": "a"}, {"name": "a"}]}`, ErrDuplicate, `figure "a" appears twice`},
		{"tipo.json", `{"cifra_ledger": 1, "figures": [{"name": "a", "value": "12"}]}`, ErrFormat, "cannot unmarshal string"},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(path)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: %v, want %v with %q", c.name, err, c.want, c.text)
		}
	}
	if _, err := Read(t.TempDir()); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), JSONFile) {
		t.Errorf("directory without cifras.json: %v", err)
	}
}

// TestReadMinimal reads a hand-written ledger: missing lists come back
// empty, and it renders.
func TestReadMinimal(t *testing.T) {
	path := filepath.Join(t.TempDir(), JSONFile)
	data := `{"cifra_ledger": 1, "title": "x", "figures": [{"name": "a", "value": 85.71, "text": "85.7%"}]}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := l.Render(`{{cifra "a"}}`); got != "85.7%" || err != nil {
		t.Errorf("Render = %q, %v", got, err)
	}
	f, _ := l.Lookup("a")
	if f.Caveats == nil || f.Sources == nil || f.Steps == nil || f.Numerator != nil {
		t.Errorf("figure = %+v", f)
	}
	if k := FigureMoved.String(); k != "figure moved" {
		t.Errorf("kind = %q", k)
	}
}

// FuzzRead: any bytes either fail with a wrapped sentinel or give a
// ledger whose cifras.json reads back to the same bytes.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"cifra_ledger": 1, "title": "x", "figures": [{"name": "a", "value": 85.71, "text": "85.7%", "numerator": 6, "denominator": 7}]}`))
	f.Add([]byte(`{"cifra_ledger": 1, "sources": [{"url": "u", "sha256": "ab", "bytes": 3}], "steps": [{"name": "s", "report": "r\n"}]}`))
	f.Add([]byte(`{"cifra_ledger": 1, "figures": [{"name": "a"}, {"name": "a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := decode(data)
		if err != nil {
			if !errors.Is(err, ErrFormat) && !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrDuplicate) {
				t.Fatalf("decode(%q): %v wraps no sentinel", data, err)
			}
			return
		}
		js, err := l.JSON()
		if err != nil {
			t.Fatalf("JSON of a decoded ledger: %v", err)
		}
		back, err := decode(js)
		if err != nil {
			t.Fatalf("decode of JSON output: %v\n%s", err, js)
		}
		again, _ := back.JSON()
		if string(again) != string(js) {
			t.Fatalf("round trip differs:\n%s\n%s", js, again)
		}
		if d := Diff(l, back); d != nil {
			t.Fatalf("Diff after round trip: %v", d)
		}
	})
}

func TestZeroLedger(t *testing.T) {
	var l Ledger
	if err := l.Figure("a", 2.5); err != nil {
		t.Fatal(err)
	}
	if err := l.Figure("a", 3); !errors.Is(err, ErrDuplicate) {
		t.Errorf("repeat = %v", err)
	}
	if got, err := l.Render(`{{cifra "a"}}`); got != "2.5" || err != nil {
		t.Errorf("Render = %q, %v", got, err)
	}
	if err := l.WriteDir(t.TempDir()); err != nil {
		t.Fatal(err)
	}
}
