package ledger

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/fetch"
)

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		v     float64
		dec   int
		group bool
		want  string
	}{
		{85.65, 1, true, "85.7"}, // half away from zero on the decimal form
		{85.75, 1, true, "85.8"},
		{2.675, 2, true, "2.68"}, // strconv would give 2.67 (binary 2.67499…)
		{-2.675, 2, true, "-2.68"},
		{0.125, 2, true, "0.13"},
		{29498, 0, true, "29,498"},
		{126014024, 0, true, "126,014,024"},
		{2026, 0, false, "2026"},
		{999.96, 1, true, "1,000.0"},
		{9999.5, 0, true, "10,000"},
		{-0.04, 1, true, "0.0"}, // no minus sign on a zero
		{-1234.5, 0, true, "-1,235"},
		{0.5, 0, true, "1"},
		{0.004, 2, true, "0.00"},
		{123, 2, true, "123.00"},
		{1e21, 0, true, "1,000,000,000,000,000,000,000"},
		{1234567.891, 2, true, "1,234,567.89"},
		{5e-324, 3, true, "0.000"},
	} {
		if got := formatNumber(c.v, c.dec, c.group); got != c.want {
			t.Errorf("formatNumber(%v, %d, %v) = %q, want %q", c.v, c.dec, c.group, got, c.want)
		}
	}
}

func TestAutoDecimals(t *testing.T) {
	l := New("x")
	for _, c := range []struct {
		name string
		v    float64
		unit string
		want string
	}{
		{"conteo", 29498, "", "29,498"},
		{"tasa", 12.345, "", "12.3"},
		{"pequeno", 0.345, "", "0.35"},
		{"porcentaje", 85.714285, "%", "85.7%"},
		{"negativo", -3.25, "%", "-3.3%"},
	} {
		if err := l.Figure(c.name, c.v, Unit(c.unit)); err != nil {
			t.Fatal(err)
		}
		if f, _ := l.Lookup(c.name); f.Text != c.want {
			t.Errorf("%s: %v → %q, want %q", c.name, c.v, f.Text, c.want)
		}
	}
}

func TestFigureOptions(t *testing.T) {
	l := New("x")
	// 6 homicides among 48,000 people: 12.5 per 100,000, a small number.
	if err := l.Figure("tasa", 12.5, Ratio(6, 48000), Decimals(2), Alternative("con otra población", 12.34), Caveat("pocas carpetas")); err != nil {
		t.Fatal(err)
	}
	f, _ := l.Lookup("tasa")
	if f.Text != "12.50" || f.Per != 100_000 || !f.Small || *f.N != 6 || f.Alternatives[0].Text != "12.34" || f.Caveats[0] != "pocas carpetas" {
		t.Errorf("tasa = %+v", f)
	}
	// A survey share: 6 of 8 answers is 75%, small by its n of 8 even
	// when the numerator is given differently.
	if err := l.Figure("encuesta", 75, Ratio(6, 8), Unit("%"), N(8)); err != nil {
		t.Fatal(err)
	}
	if f, _ := l.Lookup("encuesta"); !f.Small || *f.N != 8 || f.Text != "75%" {
		t.Errorf("encuesta = %+v", f)
	}
	// Small overrides the count, as analyze.Rate's flag does.
	if err := l.Figure("grande", 75, Ratio(600, 800), Small(true)); err != nil {
		t.Fatal(err)
	}
	if f, _ := l.Lookup("grande"); !f.Small || f.Per != 100 {
		t.Errorf("grande = %+v", f)
	}
	// A scale that is not a power of ten.
	if err := l.Figure("por_semana", 3.5, Ratio(1, 2), Per(7)); err != nil {
		t.Fatal(err)
	}
	if err := l.Figure("miles", 1234.5, Thousands(false)); err != nil {
		t.Fatal(err)
	}
	if f, _ := l.Lookup("miles"); f.Text != "1234.5" || f.Grouping {
		t.Errorf("miles = %+v", f)
	}
}

func TestFigureErrors(t *testing.T) {
	l := New("x")
	l.Source(fetch.Describe("data/a.csv", []byte("a\n1\n")), "a")
	l.Step("suma", nil)
	if err := l.Figure("dup", 1); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		value float64
		opts  []Option
		want  error
		text  string
	}{
		{"dup", 2, nil, ErrDuplicate, `ledger: Figure "dup": recorded before at ledger/format_test.go:`},
		{"", 2, nil, ErrArgument, "empty name"},
		{"nan", math.NaN(), nil, ErrArgument, "value NaN: a published figure must be a finite number"},
		{"inf", math.Inf(1), nil, ErrArgument, "finite"},
		{"ratio", 85.7, []Option{Ratio(6, 8)}, ErrArgument, "value 85.7 does not follow from Ratio(6, 8) = 0.75"},
		{"per", 85.7, []Option{Ratio(6, 8), Per(100)}, ErrArgument, "with Per(100) the value would be 75"},
		{"fraccion", 0.75, []Option{Ratio(6, 8), Unit("%")}, ErrArgument, `value 0.75 with Unit("%") and Ratio(6, 8) is a ratio × 1, not a percentage (× 100)`},
		{"cero", 1, []Option{Ratio(1, 0)}, ErrArgument, "denominator is zero"},
		{"nanratio", 1, []Option{Ratio(math.NaN(), 1)}, ErrArgument, "finite"},
		{"solo_per", 1, []Option{Per(100)}, ErrArgument, "Per without Ratio"},
		{"per_neg", 1, []Option{Ratio(1, 1), Per(-1)}, ErrArgument, "Per(-1)"},
		{"dec", 1, []Option{Decimals(13)}, ErrArgument, "Decimals(13)"},
		{"n", 1, []Option{N(-1)}, ErrArgument, "N(-1)"},
		{"caveat", 1, []Option{Caveat(" ")}, ErrArgument, "Caveat: empty text"},
		{"alt", 1, []Option{Alternative("", 2)}, ErrArgument, "Alternative"},
		{"from", 1, []Option{From("b.csv")}, ErrArgument, `From("b.csv"): no source or step recorded by that name (record it first with Source or Step; sources: "data/a.csv"; steps: "suma")`},
	} {
		err := l.Figure(c.name, c.value, c.opts...)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) || !strings.HasPrefix(err.Error(), "ledger: Figure") {
			t.Errorf("%s: %v, want %v with %q", c.name, err, c.want, c.text)
		}
		if _, ok := l.Lookup(c.name); ok && c.name != "dup" {
			t.Errorf("%s: recorded after an error", c.name)
		}
	}
	if err := l.Figure("ok", 1, From("a.csv", "suma", "data/a.csv")); err != nil {
		t.Fatal(err)
	}
	if f, _ := l.Lookup("ok"); len(f.Sources) != 1 || len(f.Steps) != 1 {
		t.Errorf("From: %v %v", f.Sources, f.Steps)
	}
}

func TestSourceProblems(t *testing.T) {
	l := New("x")
	a := fetch.Describe("data/a.csv", []byte("a\n1\n"))
	l.Source(a, "a")
	l.Source(a, "a otra vez") // the same file twice: harmless
	if len(l.Sources()) != 1 || l.Err() != nil {
		t.Fatalf("same file twice: %v, %v", l.Sources(), l.Err())
	}
	l.Source(fetch.Describe("data/a.csv", []byte("a\n2\n")), "a cambiado")
	l.Source(fetch.Resource{URL: "https://x.mx/b.csv"}, "sin huella")
	l.Source(fetch.Resource{SHA256: "ab"}, "sin nombre")
	err := l.Err()
	if !errors.Is(err, ErrDuplicate) || !errors.Is(err, ErrArgument) || !strings.Contains(err.Error(), `"data/a.csv": sha256`) ||
		!strings.Contains(err.Error(), "no SHA-256") || !strings.Contains(err.Error(), `ledger: Source "sin nombre": no URL or path`) {
		t.Errorf("Err = %v", err)
	}
	if err := l.WriteDir(t.TempDir()); !errors.Is(err, ErrDuplicate) {
		t.Errorf("WriteDir = %v", err)
	}
	if err := New("x").SourceWith(a, "a", Retrieved("10/02/2026")); !errors.Is(err, ErrArgument) || !strings.Contains(err.Error(), `Retrieved: date "10/02/2026"`) {
		t.Errorf("bad date: %v", err)
	}
}

func TestStepNamesAreKept(t *testing.T) {
	l := New("x")
	var rep fetch.Report
	l.Step("lectura", &rep)
	l.Step("lectura", nil)
	l.Step("lectura", nil)
	s := l.Steps()
	if s[0].Kind != "fetch.Report" || s[1].Name != "lectura (2)" || s[2].Name != "lectura (3)" || s[1].Report != "" {
		t.Errorf("steps = %+v", s)
	}
}

// TestDownloadedSource: a file a fetch.Client downloaded is the
// publisher's original, consulted when it was downloaded; a stale copy
// carries its warning into the note; a cache path outside the module
// keeps only its base name.
func TestDownloadedSource(t *testing.T) {
	l := New("x")
	r := fetch.Resource{URL: "https://www.datos.gob.mx/dataset/x.csv", Path: "/home/alguien/.cache/cifra/ab/x.csv",
		Size: 10, SHA256: "ABCDEF", FetchedAt: time.Date(2026, 2, 10, 18, 30, 0, 0, time.FixedZone("CST", -6*3600)),
		ETag: `"v1"`, Stale: true, Warning: "no se pudo conectar"}
	l.Source(r, "datos.gob.mx")
	s := l.Sources()[0]
	if s.Retrieved != "2026-02-11T00:30:00Z" || s.Copy != CopyOriginal || s.Path != "x.csv" || s.SHA256 != "abcdef" || s.ETag != `"v1"` ||
		s.Warning != "stale cached copy: no se pudo conectar" {
		t.Errorf("source = %+v", s)
	}
	note := l.Note()
	for _, want := range []string{"   - URL: <https://www.datos.gob.mx/dataset/x.csv>\n   - Archivo: `x.csv`\n   - Tamaño: 10 bytes\n",
		"Fecha de consulta: 2026-02-11T00:30:00Z", "Copia: original del publicador", "Aviso: stale cached copy: no se pudo conectar"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
}
