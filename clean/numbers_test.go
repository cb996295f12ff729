package clean

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func mustFrame(t testing.TB, cols ...series.Series) dataframe.DataFrame {
	t.Helper()
	df, err := frame.New(cols...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

func TestNumbersForms(t *testing.T) {
	in := []string{"$1,234,567.89", "1 234", "(1,234)", "-", "MXN 1,234", "1,234.5 pesos", "N/D", "\u22123", "1\u00a0000", ""}
	want := []float64{1234567.89, 1234, -1234, math.NaN(), 1234, 1234.5, math.NaN(), -3, 1000, math.NaN()}
	df := mustFrame(t, frame.Strings("importe", in, nil))
	out, rep, err := Numbers(df, "importe")
	if err != nil {
		t.Fatal(err)
	}
	s := col(t, out, "importe")
	if s.Type() != series.Float {
		t.Fatalf("type %v, want Float", s.Type())
	}
	got, na := frame.FloatsOf(s)
	for i := range want {
		if math.IsNaN(want[i]) != na[i] || !na[i] && got[i] != want[i] {
			t.Errorf("row %d %q: got %v (missing %v), want %v", i+1, in[i], got[i], na[i], want[i])
		}
	}
	cr, _ := rep.Column("importe")
	if cr.Parsed != 7 || cr.BecameMissingCount() != 3 || cr.Failed != 0 {
		t.Errorf("report: %+v", cr)
	}
	if !strings.Contains(rep.String(), "MXN") {
		t.Errorf("report does not name the currency:\n%s", rep)
	}
}

func TestNumbersFailuresAndStrict(t *testing.T) {
	in := []string{"10", "1,5", "12,3,4", "20 p/", "12.5%"}
	df := mustFrame(t, frame.Strings("x", in, nil))
	out, rep, err := Numbers(df, "x")
	if err != nil {
		t.Fatal(err)
	}
	cr, _ := rep.Column("x")
	if cr.Failed != 2 || len(cr.FailedRows) != 2 || cr.FailedRows[0] != 2 || cr.FailedRows[1] != 3 {
		t.Errorf("failed rows %v (%d), want [2 3]", cr.FailedRows, cr.Failed)
	}
	if !hasNote(cr, "1 values were percentages") || !hasNote(cr, "1 values carried a footnote mark") || !hasNote(cr, "1 values look like decimal commas") {
		t.Errorf("notes: %q", cr.Notes)
	}
	v, na := frame.FloatsOf(col(t, out, "x"))
	if !na[1] || !na[2] || v[4] != 12.5 || v[0] != 10 {
		t.Errorf("values %v %v", v, na)
	}
	_, _, err = Config{Strict: true}.Numbers(df, "x")
	if !errors.Is(err, ErrBadNumber) || !strings.Contains(err.Error(), `column "x" row 2: "1,5"`) {
		t.Errorf("strict error = %v", err)
	}
}

func TestNumbersLocaleES(t *testing.T) {
	df := mustFrame(t, frame.Strings("monto", []string{"1.234.567,89", "0,5", "1.000"}, nil))
	out, _, err := Config{Locale: ES}.Numbers(df, "monto")
	if err != nil {
		t.Fatal(err)
	}
	v, _ := frame.FloatsOf(col(t, out, "monto"))
	if v[0] != 1234567.89 || v[1] != 0.5 || v[2] != 1000 {
		t.Errorf("got %v", v)
	}
}

func TestNumbersAllMissing(t *testing.T) {
	df := mustFrame(t, frame.Strings("Abril", []string{"", ""}, nil), frame.Strings("Enero", []string{"1,054", "12"}, nil))
	out, rep, err := Numbers(df)
	if err != nil {
		t.Fatal(err)
	}
	if cr, ok := rep.Column("Abril"); !ok || !strings.Contains(cr.Result, "every value is missing") || col(t, out, "Abril").Type() != series.String {
		t.Errorf("auto: %+v", cr)
	}
	out, _, err = Numbers(df, "Abril")
	if err != nil {
		t.Fatal(err)
	}
	if s := col(t, out, "Abril"); s.Type() != series.Int || !s.IsNaN()[0] || !s.IsNaN()[1] {
		t.Errorf("named: %v %v", s.Type(), s.IsNaN())
	}
}

func TestNumbersErrors(t *testing.T) {
	df := mustFrame(t, frame.Strings("a", []string{"1"}, nil))
	if _, _, err := Numbers(df, "b"); !errors.Is(err, ErrNoColumn) {
		t.Errorf("missing column: %v", err)
	}
	words := mustFrame(t, frame.Strings("nombre", []string{"Colima", "N/D", "1.234,5"}, nil))
	if _, _, err := Numbers(words, "nombre"); !errors.Is(err, ErrBadNumber) || !strings.Contains(err.Error(), `none of its 2 values parse`) {
		t.Errorf("no value parses: %v", err)
	}
	bad := dataframe.DataFrame{Err: errors.New("boom")}
	if _, _, err := Numbers(bad); !errors.Is(err, ErrFrame) {
		t.Errorf("frame error: %v", err)
	}
}

func TestNumbersAlreadyNumericAndExtraMissing(t *testing.T) {
	df := mustFrame(t, frame.Ints("INTUBADO", []int{97, 2, 1, 99}, nil))
	out, rep, err := Numbers(df, "INTUBADO")
	if err != nil {
		t.Fatal(err)
	}
	if cr, _ := rep.Column("INTUBADO"); cr.Converted || !strings.Contains(cr.Result, "already Int") {
		t.Errorf("report %+v", cr)
	}
	if got := col(t, out, "INTUBADO").Records(); strings.Join(got, ",") != "97,2,1,99" {
		t.Errorf("changed: %v", got)
	}
	c := Config{ExtraMissing: map[string][]string{"INTUBADO": {"97", "98", "99"}}}
	out, rep, err = c.Numbers(df, "INTUBADO")
	if err != nil {
		t.Fatal(err)
	}
	if na := col(t, out, "INTUBADO").IsNaN(); !na[0] || na[1] || !na[3] {
		t.Errorf("missing mask %v", na)
	}
	if cr, _ := rep.Column("INTUBADO"); cr.BecameMissingCount() != 2 {
		t.Errorf("report %+v", cr)
	}
}

// TestNumbersCompranet converts the real contract amounts of Compranet
// 2014 (first 100 rows) and lets Numbers pick the numeric columns itself.
func TestNumbersCompranet(t *testing.T) {
	df := readTestCSV(t, "compranet_contratos_2014_muestra_100.csv", false, 0)
	t.Run("named", func(t *testing.T) {
		out, rep, err := Numbers(df, "IMPORTE_CONTRATO")
		if err != nil {
			t.Fatal(err)
		}
		v, na := frame.FloatsOf(col(t, out, "IMPORTE_CONTRATO"))
		sum := 0.0
		for i, x := range v {
			if na[i] {
				t.Fatalf("row %d missing", i+1)
			}
			sum += x
		}
		if math.Abs(sum-46251674.48) > 0.01 || v[0] != 129310.34 || v[2] != 328000 {
			t.Errorf("sum %.2f, rows 1 and 3: %v %v", sum, v[0], v[2])
		}
		if cr, _ := rep.Column("IMPORTE_CONTRATO"); cr.Parsed != 100 || cr.Failed != 0 {
			t.Errorf("report %+v", cr)
		}
	})
	t.Run("auto", func(t *testing.T) {
		out, rep, err := Numbers(df)
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]series.Type{
			"IMPORTE_CONTRATO": series.Float, "CONTRATO_MARCO": series.Int, "PLURIANUAL": series.Int,
			"CODIGO_CONTRATO": series.String, "NUMERO_EXPEDIENTE": series.String, "PROVEEDOR_CONTRATISTA": series.String,
			"CLAVEUC": series.String, "FECHA_INICIO": series.String,
		} {
			if got := col(t, out, name).Type(); got != want {
				t.Errorf("%s: %v, want %v", name, got, want)
			}
		}
		if _, _, err := (Config{Strict: true}).Numbers(df); err != nil {
			t.Errorf("strict with no columns named: %v", err)
		}
		cr, ok := rep.Column("CODIGO_CONTRATO")
		if !ok || !strings.Contains(cr.Result, "code") {
			t.Errorf("CODIGO_CONTRATO report: %+v", cr)
		}
	})
}

func BenchmarkNumbers1M(b *testing.B) {
	forms := []string{"$1,234,567.89", "129310.34", "328000", "(1,234)", "N/D", "12.5%", "1 234"}
	v := make([]string, 1_000_000)
	for i := range v {
		v[i] = forms[i%len(forms)]
	}
	c := Config{}
	s := frame.Strings("importe", v, nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, cr, _ := c.parseNumbers(s); cr.Parsed == 0 {
			b.Fatal("nothing parsed")
		}
	}
}

// FuzzParseNumber feeds any string through Numbers: no panic, no error
// for a named column, and a value is either parsed, missing or failed.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"$1,234,567.89", "(1,234)", "12.5%", "1.234.567,89", "1,5", "MXN 1,234", "N/D", "\u22123", "1e308", "0x1p3"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, es bool) {
		c := Config{}
		if es {
			c.Locale = ES
		}
		df, err := frame.New(frame.Strings("x", []string{s, "1"}, nil))
		if err != nil {
			t.Skip()
		}
		out, rep, err := c.Numbers(df, "x")
		if err != nil {
			t.Fatalf("Numbers(%q): %v", s, err)
		}
		cr, _ := rep.Column("x")
		if cr.Parsed+cr.Failed+cr.BecameMissingCount()+cr.Missing != 2 {
			t.Fatalf("Numbers(%q): counts do not add up: %+v", s, cr)
		}
		v, na := frame.FloatsOf(col(t, out, "x"))
		if !na[0] && (math.IsNaN(v[0]) || math.IsInf(v[0], 0)) {
			t.Fatalf("Numbers(%q) = %v", s, v[0])
		}
	})
}
