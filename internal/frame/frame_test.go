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
