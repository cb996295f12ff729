package analyze

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

// Rolling and CumSum keep the sums of Int columns exact, past 2^53 and up
// to the int64 range, and fail past it.
func TestHostileWindowsStayExact(t *testing.T) {
	per := frame.Ints("p", []int{1, 2, 3, 4, 5}, nil)
	df := mustFrame(t, per, frame.Ints("n", []int{9007199254740993, 5, 2, math.MaxInt64 - 10, 10}, nil))
	out, err := Rolling(df, "n", "p", 2)
	if err != nil {
		t.Fatal(err)
	}
	if !out.Col("n_roll2_sum").IsNaN()[0] {
		t.Errorf("first window not full, sum %v", out.Col("n_roll2_sum").Elem(0))
	}
	// The window of rows 4–5 passes MaxInt64 on the way (…+2+10) and ends
	// at exactly MaxInt64 once row 3 leaves it.
	for i, want := range []int{0, 9007199254740998, 7, math.MaxInt64 - 8, math.MaxInt64} {
		if i > 0 {
			if got := intCell(t, out, "n_roll2_sum", i); got != want {
				t.Errorf("row %d: sum %d, want %d", i+1, got, want)
			}
		}
	}
	if got := out.Col("n_roll2_mean").Elem(1).Float(); got != 4503599627370499 {
		t.Errorf("mean row 2 = %v, want 4503599627370499", got)
	}

	over := mustFrame(t, frame.Ints("p", []int{1, 2}, nil), frame.Ints("n", []int{math.MaxInt64, 1}, nil))
	if _, err := Rolling(over, "n", "p", 2); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), `column "n" row 2`) {
		t.Errorf("Rolling past int64: %v", err)
	}
	if _, err := CumSum(over, "n", "p"); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), `row 2`) {
		t.Errorf("CumSum past int64: %v", err)
	}

	na := []bool{false, false, true, false, false}
	cdf := mustFrame(t, per, frame.Ints("n", []int{9007199254740993, 5, 0, 2, -9007199254741000}, na))
	cs, err := CumSum(cdf, "n", "p")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{9007199254740993, 9007199254740998, 0, 9007199254741000, 0} {
		if i == 2 {
			if !cs.Col("n_cumsum").IsNaN()[2] {
				t.Errorf("row 3 is missing, its running total is %v", cs.Col("n_cumsum").Elem(2))
			}
			continue
		}
		if got := intCell(t, cs, "n_cumsum", i); got != want {
			t.Errorf("row %d: running total %d, want %d", i+1, got, want)
		}
	}
}

// Rank compares Int values exactly: values past 2^53 that float64 cannot
// tell apart are not ties.
func TestHostileRankBigInts(t *testing.T) {
	df := mustFrame(t, frame.Ints("n", []int{9007199254740993, 9007199254740992, 9007199254740993, math.MaxInt64, math.MaxInt64 - 1}, nil))
	for _, tc := range []struct {
		o    RankOptions
		want []int
	}{
		{RankOptions{}, []int{3, 5, 3, 1, 2}},
		{RankOptions{Ties: TiesDense}, []int{3, 4, 3, 1, 2}},
		{RankOptions{Ascending: true}, []int{2, 1, 2, 5, 4}},
	} {
		out, err := tc.o.Rank(df, "n")
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range tc.want {
			if got := intCell(t, out, "n_rank", i); got != want {
				t.Errorf("%+v row %d: rank %d, want %d", tc.o, i+1, got, want)
			}
		}
	}
}

// ShareWithReport counts the shares it cannot compute instead of leaving
// them missing with no word, and totals Int columns exactly.
func TestHostileShareReport(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("g", []string{"cero", "cero", "nada", "grande", "grande", "fino", "fino", "ok", "ok"}, nil),
		frame.Floats("v", []float64{0, 0, math.NaN(), 1e308, 1e308, 1e307, 1e307, 1, 3},
			[]bool{false, false, true, false, false, false, false, false, false}))
	out, rep, err := ShareWithReport(df, "v", "pct", "g")
	if err != nil {
		t.Fatal(err)
	}
	want := ShareReport{Rows: 9, Computed: 4, Missing: 1, ZeroTotal: 2, NotFinite: 2}
	if rep != want {
		t.Errorf("report %+v, want %+v", rep, want)
	}
	pct := out.Col("pct").Float()
	if pct[5] != 50 || pct[7] != 25 || pct[8] != 75 || !math.IsNaN(pct[0]) || !math.IsNaN(pct[3]) {
		t.Errorf("shares %v", pct)
	}
	if s := rep.String(); !strings.Contains(s, "2 rows belong to a group whose total is 0") || !strings.Contains(s, "2 rows give a share that is not a finite number") {
		t.Errorf("report text:\n%s", s)
	}

	big := mustFrame(t, frame.Ints("n", []int{9007199254740993, 9007199254740993, 2}, nil))
	out, rep, err = ShareWithReport(big, "n", "pct")
	if err != nil || rep.Computed != 3 {
		t.Fatal(err, rep)
	}
	if got := out.Col("pct").Float()[2]; got != 100*2/(2*9007199254740993.0+2) {
		t.Errorf("share of 2 = %v", got)
	}
	over := mustFrame(t, frame.Ints("n", []int{math.MaxInt64, 1}, nil))
	if _, err := Share(over, "n", "pct"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a total past int64: %v", err)
	}
}
