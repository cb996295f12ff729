package enginetest

import (
	"fmt"
	"math"

	"github.com/datacon-mx/cifra/clean"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// FloatTolerance is the relative difference allowed between two floats:
// the engine may add a column in another order (SQLite and DuckDB also
// compensate rounding errors), so float sums and means agree to about
// 1e-15 relative, not bit for bit. Integers, text, booleans, missing
// cells, row order, names and types must be identical.
const FloatTolerance = 1e-12

// Equal says how want and got differ, cell by cell ("" when they agree).
func Equal(want, got dataframe.DataFrame) string {
	if want.Err != nil || got.Err != nil {
		return fmt.Sprintf("frame errors: want %v, got %v", want.Err, got.Err)
	}
	wn, gn := want.Names(), got.Names()
	if fmt.Sprint(wn) != fmt.Sprint(gn) {
		return fmt.Sprintf("columns: want %q, got %q", wn, gn)
	}
	if want.Nrow() != got.Nrow() {
		return fmt.Sprintf("rows: want %d, got %d", want.Nrow(), got.Nrow())
	}
	for _, n := range wn {
		w, g := want.Col(n), got.Col(n)
		if w.Type() != g.Type() {
			return fmt.Sprintf("column %q: type: want %s, got %s", n, w.Type(), g.Type())
		}
		wna, gna := w.IsNaN(), g.IsNaN()
		for i := 0; i < w.Len(); i++ {
			if wna[i] != gna[i] {
				return fmt.Sprintf("column %q row %d: missing: want %v, got %v (%v vs %v)", n, i+1, wna[i], gna[i], w.Elem(i), g.Elem(i))
			}
			if wna[i] {
				continue
			}
			we, ge := w.Elem(i), g.Elem(i)
			switch w.Type() {
			case series.Int:
				a, _ := we.Int()
				b, _ := ge.Int()
				if a != b {
					return fmt.Sprintf("column %q row %d: want %d, got %d", n, i+1, a, b)
				}
			case series.Float:
				a, b := we.Float(), ge.Float()
				if a != b && math.Abs(a-b) > FloatTolerance*math.Max(math.Abs(a), math.Abs(b)) {
					return fmt.Sprintf("column %q row %d: want %.17g, got %.17g", n, i+1, a, b)
				}
			default:
				if we.String() != ge.String() {
					return fmt.Sprintf("column %q row %d: want %q, got %q", n, i+1, we.String(), ge.String())
				}
			}
		}
	}
	return ""
}

// EqualReports says how two join reports differ ("" when they agree).
func EqualReports(want, got clean.JoinReport) string {
	if w, g := fmt.Sprintf("%+v", want), fmt.Sprintf("%+v", got); w != g {
		return fmt.Sprintf("join report:\nwant %s\ngot  %s", w, g)
	}
	return ""
}
