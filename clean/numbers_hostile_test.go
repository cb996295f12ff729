package clean

import (
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/num"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func TestHostileNumbersBeyond2to53(t *testing.T) {
	df := dataframe.New(series.New([]string{"9007199254740993", "$9,007,199,254,740,995", "-9223372036854775807", "12"}, series.String, "monto"))
	out, rep, err := Numbers(df, "monto")
	if err != nil {
		t.Fatal(err)
	}
	s := out.Col("monto")
	if s.Type() != series.Int {
		t.Fatalf("type %s, want int; report:\n%s", s.Type(), rep)
	}
	want := []int{9007199254740993, 9007199254740995, -9223372036854775807, 12}
	for i, w := range want {
		if got, _ := s.Elem(i).Int(); got != w {
			t.Errorf("row %d = %d, want %d", i+1, got, w)
		}
	}

	// Beyond int64, or written with a fraction or exponent, the value is a
	// Float and the report says digits were lost.
	df = dataframe.New(series.New([]string{"9223372036854775808", "9.007199254740993e15"}, series.String, "x"))
	out, rep, err = Numbers(df, "x")
	if err != nil {
		t.Fatal(err)
	}
	if out.Col("x").Type() != series.Float || !strings.Contains(rep.String(), "beyond 2^53") {
		t.Errorf("huge values: %s\n%s", out.Col("x").Type(), rep)
	}
	df = dataframe.New(series.New([]string{"9007199254740993", "0.5"}, series.String, "y"))
	_, rep, _ = Numbers(df, "y")
	if !strings.Contains(rep.String(), "beyond 2^53") {
		t.Errorf("a Float column rounding a big integer says so:\n%s", rep)
	}
}

func TestHostileNumbersUnderflow(t *testing.T) {
	df := dataframe.New(series.New([]string{"1e-400", "-1E-999", "0e-999", "1e400", "2.5", "1e-320"}, series.String, "v"))
	out, rep, err := Numbers(df, "v")
	if err != nil {
		t.Fatal(err)
	}
	cr := rep.Columns[0]
	if cr.Failed != 3 || len(cr.FailedRows) != 3 || cr.FailedRows[0] != 1 || cr.FailedRows[2] != 4 {
		t.Errorf("1e-400, -1E-999 and 1e400 fail, 0e-999 is zero: %+v", cr)
	}
	s := out.Col("v")
	if !s.Elem(0).IsNA() || !s.Elem(3).IsNA() || s.Elem(2).Float() != 0 || s.Elem(5).Float() != 1e-320 {
		t.Errorf("values: %v", s)
	}
	if !strings.Contains(rep.String(), "1e-400") {
		t.Errorf("report names the raw value:\n%s", rep)
	}
	// Strict mode makes it an error naming row and value.
	_, _, err = Config{Strict: true}.Numbers(dataframe.New(series.New([]string{"1", "1e-400"}, series.String, "v")), "v")
	if err == nil || !strings.Contains(err.Error(), `row 2: "1e-400"`) {
		t.Errorf("strict: %v", err)
	}
}

// FuzzExactInt holds exactInt to its promise: an exact value it gives is
// the number Parse read (within float64 rounding), and for plain digits it
// is strconv's.
func FuzzExactInt(f *testing.F) {
	for _, s := range []string{"9007199254740993", "$9,007,199,254,740,995", "(9007199254740993)", "9223372036854775807", "9.007199254740993e15", "1e-400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r, err := num.Parse(raw, '.')
		if err != nil {
			return
		}
		underflowed(raw, r.Value)
		x, ok := exactInt(raw, r.Value, '.')
		if !ok {
			return
		}
		if float64(x) != r.Value {
			t.Fatalf("%q: exact %d, parsed %v", raw, x, r.Value)
		}
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil && n != x {
			t.Fatalf("%q: exact %d, strconv %d", raw, x, n)
		}
	})
}
