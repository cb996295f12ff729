package ledger

import (
	"errors"
	"strings"
	"testing"
)

func renderLedger(t testing.TB) *Ledger {
	l := New("x")
	for _, f := range []struct {
		name  string
		value float64
		opts  []Option
	}{
		{"pct", 85.714285, []Option{Unit("%")}},
		{"carpetas", 29498, nil},
		{"con espacio", 1.5, nil},
		{`comillas"`, 2, nil},
	} {
		if err := l.Figure(f.name, f.value, f.opts...); err != nil {
			t.Fatal(err)
		}
	}
	return l
}

func TestRender(t *testing.T) {
	l := renderLedger(t)
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"sin cifras } { }}", "sin cifras } { }}"},
		{`{{cifra "pct"}}`, "85.7%"},
		{`{{ cifra "carpetas" }} carpetas`, "29,498 carpetas"},
		{"{{\tcifra\t`pct`\t}}", "85.7%"},
		{`{{cifra "con espacio"}} y {{cifra "comillas\""}}`, "1.5 y 2"},
		{"línea 1\n{{cifra \"pct\"}}{{cifra \"pct\"}}", "línea 1\n85.7%85.7%"},
	} {
		got, err := l.Render(c.in)
		if err != nil || got != c.want {
			t.Errorf("Render(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	l := renderLedger(t)
	for _, c := range []struct {
		in   string
		want error
		text string
	}{
		{`Hubo {{cifra "tasa"}}.`, ErrNoFigure, `ledger: Render: line 1, column 6: figure "tasa": no such figure (figures: "carpetas", "comillas\"", "con espacio", "pct")`},
		{"a\nbé {{cifra \"pct\"}} {{.}}", ErrTemplate, `line 2, column 20: want {{cifra "name"}}, found "{{.}}"`},
		{`{{cifra pct}}`, ErrTemplate, "want a quoted figure name after cifra"},
		{`{{cifra"pct"}}`, ErrTemplate, "want a quoted figure name after cifra"},
		{`{{cifra "pct"`, ErrTemplate, "want }} after the figure name"},
		{`{{cifra "pct" "otro"}}`, ErrTemplate, "want }} after the figure name"},
		{`{{cifra "pct}}`, ErrTemplate, "unterminated figure name"},
		{"{{cifra \"p\nct\"}}", ErrTemplate, "unterminated figure name"},
		{`{{cifra "\q"}}`, ErrTemplate, `bad figure name "\q"`},
		{`{{printf "%d" 3}}`, ErrTemplate, "want {{cifra"},
		{`{{`, ErrTemplate, "line 1, column 1"},
		{`{{{cifra "pct"}}`, ErrTemplate, "want {{cifra"},
	} {
		got, err := l.Render(c.in)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) || got != "" {
			t.Errorf("Render(%q) = %q, %v; want %v with %q", c.in, got, err, c.want, c.text)
		}
	}
	if _, err := New("vacío").Render(`{{cifra "a"}}`); !errors.Is(err, ErrNoFigure) || !strings.Contains(err.Error(), "no figures yet") {
		t.Errorf("empty ledger: %v", err)
	}
}

// FuzzRender holds the parser to its promises: no panic; text without
// "{{" comes back as is; a success leaves no "{{" behind and every failure
// wraps ErrTemplate or ErrNoFigure.
func FuzzRender(f *testing.F) {
	for _, s := range []string{`{{cifra "pct"}}`, "{{ cifra `carpetas` }}", `{{cifra "\u00e9"}}`, "{{", "}}{{"} {
		f.Add(s)
	}
	l := renderLedger(f)
	f.Fuzz(func(t *testing.T, in string) {
		out, err := l.Render(in)
		if err != nil {
			if !errors.Is(err, ErrTemplate) && !errors.Is(err, ErrNoFigure) {
				t.Fatalf("Render(%q): %v wraps neither sentinel", in, err)
			}
			if !strings.HasPrefix(err.Error(), "ledger: Render: line ") {
				t.Fatalf("Render(%q): %v lacks the position", in, err)
			}
			return
		}
		if !strings.Contains(in, "{{") && out != in {
			t.Fatalf("Render(%q) = %q, changed text without actions", in, out)
		}
		if strings.Contains(out, "{{") {
			t.Fatalf("Render(%q) = %q left an action", in, out)
		}
	})
}
