package analyze

import (
	"errors"
	"math"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/series"
)

func TestGroupByAggregates(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("ent", []string{"01", "02", "01", "", "02", "01"}, []bool{false, false, false, true, false, false}),
		frame.Ints("n", []int{1, 5, 3, 7, 0, 2}, []bool{false, false, false, false, true, false}),
		frame.Floats("x", []float64{1.5, 2, math.NaN(), 4, 10, 2.5}, nil),
	)
	out, err := GroupBy(df, "ent").Agg(Count(), Sum("n"), Mean("x"), Median("x"), Min("n"), Max("x"),
		Std("n"), Quantile("x", 0.025), Missing("x"), CountDistinct("n"), Sum("x").As("total"))
	if err != nil {
		t.Fatal(err)
	}
	wantNames := []string{"ent", "count", "n_sum", "x_mean", "x_median", "n_min", "x_max", "n_std", "x_q2.5", "x_missing", "n_n_distinct", "total"}
	names := out.Names()
	for i, n := range wantNames {
		if names[i] != n {
			t.Fatalf("names = %v, want %v", names, wantNames)
		}
	}
	if out.Col("n_sum").Type() != series.Int || out.Col("ent").Type() != series.String {
		t.Errorf("types = %v", out.Types())
	}
	tests := []struct {
		col  string
		want []float64
	}{
		{"count", []float64{3, 2, 1}},
		{"n_sum", []float64{6, 5, 7}},
		{"x_mean", []float64{2, 6, 4}},
		{"x_median", []float64{2, 6, 4}},
		{"n_min", []float64{1, 5, 7}},
		{"x_max", []float64{2.5, 10, 4}},
		{"n_std", []float64{1, math.NaN(), math.NaN()}},
		{"x_q2.5", []float64{1.525, 2.2, 4}},
		{"x_missing", []float64{1, 0, 0}},
		{"n_n_distinct", []float64{3, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.col, func(t *testing.T) {
			got := floatsOf(t, out, tc.col)
			for i := range tc.want {
				if !near(got[i], tc.want[i], 1e-9) {
					t.Fatalf("%s = %v, want %v", tc.col, got, tc.want)
				}
			}
		})
	}
	if na := out.Col("ent").IsNaN(); !na[2] {
		t.Errorf("missing key should be its own group with a missing key cell: %v", out.Col("ent").Records())
	}
}

func TestGroupByKeysStayApart(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("a", []string{"a_b", "a"}, nil),
		frame.Strings("b", []string{"c", "b_c"}, nil),
	)
	out, err := GroupBy(df, "a", "b").Agg(Count())
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 2 {
		t.Fatalf("got %d groups, want 2:\n%v", out.Nrow(), out)
	}
}

func TestGroupBySortedAndWhole(t *testing.T) {
	df := mustFrame(t,
		frame.Ints("k", []int{3, 1, 2, 1}, nil),
		frame.Floats("v", []float64{1, 2, 3, 4}, nil),
	)
	out, err := GroupBy(df, "k").Sorted().Agg(Sum("v"))
	if err != nil {
		t.Fatal(err)
	}
	if got := floatsOf(t, out, "k"); got[0] != 1 || got[1] != 2 || got[2] != 3 {
		t.Errorf("sorted keys = %v", got)
	}
	if out.Col("k").Type() != series.Int {
		t.Errorf("key type = %v, want int", out.Col("k").Type())
	}
	all, err := GroupBy(df).Agg(Sum("v"), Count())
	if err != nil {
		t.Fatal(err)
	}
	if all.Nrow() != 1 || floatsOf(t, all, "v_sum")[0] != 10 {
		t.Errorf("whole-table aggregate:\n%v", all)
	}
}

func TestGroupByErrors(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("k", []string{"a", "b"}, nil),
		frame.Strings("txt", []string{"1", "x"}, nil),
		frame.Strings("num", []string{"1", "2.5"}, nil),
	)
	tests := []struct {
		name string
		keys []string
		aggs []Agg
		want error
	}{
		{"missing key", []string{"nope"}, []Agg{Count()}, ErrNoColumn},
		{"missing value col", []string{"k"}, []Agg{Sum("nope")}, ErrNoColumn},
		{"text column", []string{"k"}, []Agg{Sum("txt")}, ErrNotNumeric},
		{"bad quantile", []string{"k"}, []Agg{Quantile("num", 1.5)}, ErrArgument},
		{"duplicate output", []string{"k"}, []Agg{Sum("num"), Sum("num")}, ErrArgument},
		{"missing weight", []string{"k"}, []Agg{WeightedMean("num", "w")}, ErrNoColumn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := GroupBy(df, tc.keys...).Agg(tc.aggs...)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
	// Numbers stored as text are accepted.
	out, err := GroupBy(df).Agg(Sum("num"))
	if err != nil || floatsOf(t, out, "num_sum")[0] != 3.5 {
		t.Fatalf("sum of numeric text: %v %v", out, err)
	}
}

func TestWeighted(t *testing.T) {
	df := mustFrame(t,
		frame.Floats("ingreso", []float64{10, 20, 30, 40}, nil),
		frame.Floats("factor", []float64{1, 1, 1, 1}, nil),
		frame.Floats("f2", []float64{3, 1, 0, 1}, nil),
	)
	out, err := GroupBy(df).Agg(WeightedSum("ingreso", "factor"), WeightedMean("ingreso", "f2"),
		WeightedQuantile("ingreso", "factor", 0.5), WeightedQuantile("ingreso", "f2", 0.5).As("med2"))
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]float64{"ingreso_wsum": 100, "ingreso_wmean": (30 + 20 + 40) / 5.0, "ingreso_wq50": 25, "med2": 10}
	for col, want := range checks {
		if got := floatsOf(t, out, col)[0]; !near(got, want, 1e-9) {
			t.Errorf("%s = %v, want %v", col, got, want)
		}
	}
}
