package analyze

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/errs"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// intCell returns the Int value of row i of column col.
func intCell(t *testing.T, df dataframe.DataFrame, col string, i int) int {
	t.Helper()
	s := df.Col(col)
	if s.Type() != series.Int {
		t.Fatalf("column %q is %s, want int", col, s.Type())
	}
	v, err := s.Elem(i).Int()
	if err != nil {
		t.Fatalf("column %q row %d: %v", col, i+1, err)
	}
	return v
}

func TestHostileIntegersStayExact(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("g", []string{"a", "a", "b", "b", "c"}, nil),
		frame.Ints("n", []int{9007199254740993, 5, math.MaxInt64, -3, math.MinInt64}, nil))
	out, err := GroupBy(df, "g").Agg(Sum("n"), Min("n"), Max("n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := intCell(t, out, "n_sum", 0); got != 9007199254740998 {
		t.Errorf("sum a = %d, want 9007199254740998", got)
	}
	if got := intCell(t, out, "n_max", 1); got != math.MaxInt64 {
		t.Errorf("max b = %d, want MaxInt64", got)
	}
	if got := intCell(t, out, "n_min", 1); got != -3 {
		t.Errorf("min b = %d, want -3", got)
	}
	if got := intCell(t, out, "n_min", 2); got != math.MinInt64 {
		t.Errorf("min c = %d, want MinInt64", got)
	}
	if got := intCell(t, out, "n_max", 0); got != 9007199254740993 {
		t.Errorf("max a = %d, want 9007199254740993", got)
	}

	// Keys beyond 2^53 that float64 cannot tell apart stay two groups.
	kdf := mustFrame(t, frame.Ints("k", []int{9007199254740992, 9007199254740993, 9007199254740993}, nil))
	kout, err := GroupBy(kdf, "k").Sorted().Agg(Count())
	if err != nil {
		t.Fatal(err)
	}
	if kout.Nrow() != 2 || intCell(t, kout, "k", 1) != 9007199254740993 || intCell(t, kout, "count", 1) != 2 {
		t.Errorf("big keys:\n%v", kout)
	}
}

func TestHostileIntegerOverflowIsAnError(t *testing.T) {
	df := mustFrame(t, frame.Ints("n", []int{math.MaxInt64, 1}, nil))
	_, err := GroupBy(df).Agg(Sum("n"))
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, errs.ErrTooLarge) {
		t.Fatalf("overflowing sum: err = %v, want ErrTooLarge", err)
	}
	if strings.Count(err.Error(), "analyze:") != 1 {
		t.Errorf("one prefix wanted: %v", err)
	}
	// Mean goes through float64 and stays defined.
	if _, err := GroupBy(df).Agg(Mean("n")); err != nil {
		t.Errorf("mean: %v", err)
	}
}

func TestHostilePartialIntegers(t *testing.T) {
	p, err := NewPartial([]string{"g"}, Sum("n"), Min("n"), Max("n"))
	if err != nil {
		t.Fatal(err)
	}
	chunks := [][]int{{9007199254740993, math.MaxInt64 - 10}, {5, math.MinInt64 + 1}}
	for _, c := range chunks {
		if err := p.Add(mustFrame(t, frame.Strings("g", []string{"a", "b"}, nil), frame.Ints("n", c, nil))); err != nil {
			t.Fatal(err)
		}
	}
	// b's sum MaxInt64-10 + MinInt64+1 = -10 fits: no overflow.
	out, err := p.Result()
	if err != nil {
		t.Fatal(err)
	}
	if got := intCell(t, out, "n_sum", 0); got != 9007199254740998 {
		t.Errorf("partial sum = %d, want 9007199254740998", got)
	}
	if got := intCell(t, out, "n_sum", 1); got != -10 {
		t.Errorf("partial sum b = %d, want -10", got)
	}
	if got := intCell(t, out, "n_max", 1); got != math.MaxInt64-10 {
		t.Errorf("partial max b = %d", got)
	}
	if got := intCell(t, out, "n_min", 1); got != math.MinInt64+1 {
		t.Errorf("partial min b = %d", got)
	}

	// Merged partials keep MaxInt64 exact, and an overflowing sum is an error.
	q, _ := NewPartial(nil, Sum("n"), Max("n"))
	r, _ := NewPartial(nil, Sum("n"), Max("n"))
	q.Add(mustFrame(t, frame.Ints("n", []int{math.MaxInt64}, nil)))
	r.Add(mustFrame(t, frame.Ints("n", []int{1}, nil)))
	if err := q.Merge(r); err != nil {
		t.Fatal(err)
	}
	if _, err := q.Result(); !errors.Is(err, ErrTooLarge) {
		t.Errorf("merged overflow: err = %v, want ErrTooLarge", err)
	}
	m, _ := NewPartial(nil, Max("n"))
	m.Add(mustFrame(t, frame.Ints("n", []int{3, math.MaxInt64}, nil)))
	m.Add(mustFrame(t, frame.Ints("n", []int{-1}, nil)))
	mo, err := m.Result()
	if err != nil || intCell(t, mo, "n_max", 0) != math.MaxInt64 {
		t.Errorf("partial max of MaxInt64: %v %v", mo, err)
	}
}

func TestHostileZeroPartial(t *testing.T) {
	var p Partial
	df := mustFrame(t, frame.Ints("n", []int{1, 2, 3}, nil))
	if err := p.Add(df); err != nil {
		t.Fatalf("zero Partial Add: %v", err)
	}
	out, err := p.Result()
	if err != nil || intCell(t, out, "count", 0) != 3 {
		t.Errorf("zero Partial counts rows: %v %v", out, err)
	}
	var q Partial
	if err := q.Merge(&p); err != nil {
		t.Errorf("zero Partial Merge: %v", err)
	}
	var nilP *Partial
	if err := nilP.Add(df); !errors.Is(err, ErrArgument) {
		t.Errorf("nil Partial Add: %v", err)
	}
}

func TestHostileRateNotFinite(t *testing.T) {
	df := mustFrame(t,
		frame.Floats("num", []float64{5, math.Inf(1), 10}, nil),
		frame.Floats("den", []float64{1e-320, 100, 1000}, nil))
	out, rep, err := RateOptions{}.RateWithReport(df, "num", "den", 100000, "tasa")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Computed != 1 || rep.NotFinite != 2 {
		t.Errorf("report %+v: want 1 computed, 2 not finite", rep)
	}
	if !strings.Contains(rep.String(), "2 not a finite number") {
		t.Errorf("report text: %s", rep)
	}
	if !out.Col("tasa").Elem(0).IsNA() || out.Col("tasa").Elem(2).Float() != 1000 {
		t.Errorf("rates: %v", out.Col("tasa"))
	}
}

func TestHostileChangeNotFinite(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("anio", []string{"2020", "2021", "2022", "2023"}, nil),
		frame.Floats("v", []float64{1e-320, 5, math.Inf(1), 7}, nil))
	out, rep, err := Change(df, "v", "anio")
	if err != nil {
		t.Fatal(err)
	}
	// 2021 from 1e-320: percent is Inf; 2022 is Inf; 2023 from Inf: -Inf.
	if rep.Computed != 0 || rep.NotFinite != 3 || rep.First != 1 {
		t.Errorf("report %+v", rep)
	}
	if out.Col("v_note").Elem(1).String() != NoteNotFinite || !out.Col("v_pct_change").Elem(1).IsNA() {
		t.Errorf("row 2: %v", out)
	}
	if out.Col("v_change").Elem(1).Float() != 5 {
		t.Errorf("absolute change kept: %v", out.Col("v_change"))
	}
	_, irep, err := IndexTo(df, "v", "anio", "2020")
	if err != nil {
		t.Fatal(err)
	}
	if irep.Computed != 1 || irep.NotFinite != 3 {
		t.Errorf("index report %+v", irep)
	}
}

func TestHostileTrendHugeValues(t *testing.T) {
	df := mustFrame(t,
		frame.Floats("x", []float64{1, 2, 3, 4}, nil),
		frame.Floats("y", []float64{9e307, -9e307, 9e307, -9e307}, nil))
	tr, err := Trend(df, "x", "y")
	if err != nil {
		t.Fatal(err)
	}
	if math.IsNaN(tr.Slope) || math.IsNaN(tr.R2) || tr.R2 > 0.5 {
		t.Errorf("huge values: %+v", tr)
	}
	inf := mustFrame(t,
		frame.Floats("x", []float64{1, math.Inf(1), 3}, nil),
		frame.Floats("y", []float64{2, 2, 2}, nil))
	tr, err = Trend(inf, "x", "y")
	if err != nil {
		t.Fatal(err)
	}
	if tr.NotFinite != 1 || tr.N != 2 || tr.Slope != 0 || tr.R2 != 1 {
		t.Errorf("Inf x: %+v", tr)
	}
	same := mustFrame(t,
		frame.Floats("x", []float64{math.MaxFloat64, -math.MaxFloat64}, nil),
		frame.Floats("y", []float64{math.MaxFloat64, 0}, nil))
	tr, _ = Trend(same, "x", "y")
	if s := tr.String(); strings.Contains(s, "NaN") {
		t.Errorf("trend prints NaN: %s", s)
	}
}

func TestHostileProfileBigIntegers(t *testing.T) {
	df := mustFrame(t, frame.Ints("n", []int{9007199254740993, 5, math.MaxInt64}, nil))
	p := Profile(df)
	if c := p.Columns[0]; c.Min != "5" || c.Max != "9223372036854775807" {
		t.Errorf("min %s max %s", c.Min, c.Max)
	}
}

func TestHostilePartialBigIntegerKeys(t *testing.T) {
	p, err := NewPartial([]string{"k"}, Count())
	if err != nil {
		t.Fatal(err)
	}
	p.Add(mustFrame(t, frame.Ints("k", []int{9007199254740992, 9007199254740993}, nil)))
	p.Add(mustFrame(t, frame.Ints("k", []int{9007199254740993, 7}, nil)))
	out, err := p.Result()
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 3 || intCell(t, out, "k", 1) != 9007199254740993 || intCell(t, out, "count", 1) != 2 {
		t.Errorf("big keys:\n%v", out)
	}
}
