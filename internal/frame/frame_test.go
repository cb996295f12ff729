package frame

import (
	"math"
	"testing"

	"github.com/go-gota/gota/series"
)

func TestBuildersMarkMissing(t *testing.T) {
	na := []bool{false, true, false}
	cases := []struct {
		name string
		s    series.Series
		typ  series.Type
	}{
		{"strings", Strings("s", []string{"01", "x", "NaN?"}, na), series.String},
		{"ints", Ints("i", []int{1, 2, 3}, na), series.Int},
		{"floats", Floats("f", []float64{1.5, 2, 3}, na), series.Float},
		{"bools", Bools("b", []bool{true, false, true}, na), series.Bool},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.s.Type() != c.typ {
				t.Fatalf("type %v, want %v", c.s.Type(), c.typ)
			}
			got := c.s.IsNaN()
			for i := range na {
				if got[i] != na[i] {
					t.Errorf("row %d missing = %v, want %v", i, got[i], na[i])
				}
			}
		})
	}
	if v := Strings("s", []string{"01"}, nil).Elem(0).String(); v != "01" {
		t.Errorf("leading zero lost: %q", v)
	}
}

func TestFloatsNaNIsMissing(t *testing.T) {
	s := Floats("f", []float64{1, math.NaN()}, nil)
	v, na := FloatsOf(s)
	if v[0] != 1 || !math.IsNaN(v[1]) || na[0] || !na[1] {
		t.Errorf("FloatsOf = %v %v", v, na)
	}
}

func TestNewRejectsBadColumns(t *testing.T) {
	a := Ints("a", []int{1, 2}, nil)
	if _, err := New(); err == nil {
		t.Error("New() with no columns: want an error")
	}
	if _, err := New(a, Ints("a", []int{3, 4}, nil)); err == nil {
		t.Error("duplicate names: want an error")
	}
	if _, err := New(a, Ints("b", []int{3}, nil)); err == nil {
		t.Error("different lengths: want an error")
	}
	df, err := New(a, Strings("b", []string{"x", ""}, []bool{false, true}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Column(df, "zz"); err == nil {
		t.Error("Column of a missing name: want an error")
	}
	v, na := StringsOf(df.Col("b"))
	if v[0] != "x" || v[1] != "" || !na[1] {
		t.Errorf("StringsOf = %q %v", v, na)
	}
}

// FloatsOf must give the same values and mask whichever way it reads a
// column: by gota's IsNaN (text columns) or from the NaNs of Float.
func TestFloatsOfMaskByType(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		s      series.Series
		wantNA []bool
	}{
		{Floats("f", []float64{1.5, nan, 3, 0}, []bool{false, false, false, true}), []bool{false, true, false, true}},
		{series.New([]any{1, nil, 3}, series.Int, "i"), []bool{false, true, false}},
		{series.New([]any{true, nil, false}, series.Bool, "b"), []bool{false, true, false}},
		{series.New([]any{"1.5", nil, "NaN", "x"}, series.String, "s"), []bool{false, true, true, false}}, // gota reads "NaN" as missing
	}
	for _, c := range cases {
		v, na := FloatsOf(c.s)
		want := c.s.IsNaN()
		for i := range want {
			if na[i] != c.wantNA[i] || na[i] != want[i] {
				t.Errorf("%s: row %d: na = %v, want %v (gota's IsNaN: %v)", c.s.Name, i+1, na[i], c.wantNA[i], want[i])
			}
			if na[i] && !math.IsNaN(v[i]) {
				t.Errorf("%s: row %d: missing value read as %v, want NaN", c.s.Name, i+1, v[i])
			}
		}
	}
}
