package clean

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// NA is the error a Derive function returns to leave its cell missing on
// purpose ("no date of death: no age at death"). The cell is counted as
// missing in the report, not as failed.
var NA = errors.New("missing value")

// Value is what a Derive function may return; the new column takes its
// type: float64 → Float, int → Int, string → String, bool → Bool.
type Value interface {
	~float64 | ~int | ~string | ~bool
}

// Derive adds the column as (or replaces it, keeping its place) with the
// value fn returns for each row, in the type fn returns:
//
//	df, rep, err := clean.Derive(df, "murio", func(r clean.Row) (bool, error) {
//		return !r.Missing("fecha_def"), nil
//	})
//	df, rep, err = clean.Derive(df, "ramo_sub", func(r clean.Row) (string, error) {
//		return r.String("ramo") + "-" + r.String("subramo"), nil
//	})
//
// A cell is left missing, and counted in the report, when fn read a
// missing value through a typed reader (Row.Float, Int, String, Bool), when
// it returned NA or NaN, and — as a failure, with its row and reason in
// FailedRows and FailedExamples — when it read a value of the wrong type or
// returned another error or panicked. A column fn names that the table does not have
// is an error wrapping ErrNoColumn; a table carrying an error wraps
// ErrFrame; an empty as wraps ErrArgument.
func Derive[T Value](df dataframe.DataFrame, as string, fn func(r Row) (T, error)) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("derive", df); err != nil {
		return df, rep, err
	}
	if as == "" {
		return df, rep, fmt.Errorf("clean: derive: the new column needs a name: %w", ErrArgument)
	}
	if fn == nil {
		return df, rep, fmt.Errorf("clean: derive: column %q: no function: %w", as, ErrArgument)
	}
	t, err := newRowTable("derive", df)
	if err != nil {
		return df, rep, err
	}
	n := df.Nrow()
	out := make([]T, n)
	na := make([]bool, n)
	tr := newTracker(as, "derive")
	st := &rowState{t: t}
	for i := 0; i < n; i++ {
		st.i, st.missing, st.failed = i, "", ""
		v, ferr := callRow(st, fn)
		if t.err != nil {
			return df, rep, t.err
		}
		switch {
		case st.failed != "":
			na[i] = true
			tr.fail(i, st.failed)
		case ferr != nil && st.missing != "":
			na[i] = true
			tr.missingBy(fmt.Sprintf("%q was missing", st.missing))
		case ferr != nil && errors.Is(ferr, NA):
			na[i] = true
			tr.missingBy("the function returned NA")
		case ferr != nil:
			na[i] = true
			tr.fail(i, ferr.Error())
		case st.missing != "":
			na[i] = true
			tr.missingBy(fmt.Sprintf("%q was missing", st.missing))
		default:
			out[i] = v
			tr.col.Parsed++
		}
	}
	s, bad := derivedSeries(as, out, na)
	for k := 0; k < bad; k++ {
		tr.col.Parsed--
		tr.missingBy("the function returned NaN or ±Inf")
	}
	res, err := withColumn("derive", df, s)
	if err != nil {
		return df, rep, err
	}
	tr.col.Converted = true
	tr.col.Result = fmt.Sprintf("new %s column", s.Type())
	if _, ok := t.index[as]; ok {
		tr.col.Result = fmt.Sprintf("replaced by a %s column", s.Type())
	}
	rep.Columns = append(rep.Columns, tr.done())
	return res, rep, nil
}

// callRow calls fn on the current row. A panic in fn (slicing the ""
// that a missing text cell reads as) is the row's failure, not the
// program's: it comes back as an error, and when the row read a missing
// value the cell is simply missing.
func callRow[T any](st *rowState, fn func(Row) (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the function panicked: %v", p)
		}
	}()
	return fn(Row{st})
}

// derivedSeries builds the series of a derived column in the kind of T
// (a named type such as `type Pesos float64` takes its underlying kind).
// NaN and ±Inf floats become missing; it returns how many did.
func derivedSeries[T Value](name string, v []T, na []bool) (series.Series, int) {
	var zero T
	switch reflect.ValueOf(zero).Kind() {
	case reflect.Float64:
		f := make([]float64, len(v))
		bad := 0
		for i := range v {
			f[i] = reflect.ValueOf(v[i]).Float()
			if !na[i] && (math.IsNaN(f[i]) || math.IsInf(f[i], 0)) {
				na[i] = true
				bad++
			}
		}
		return frame.Floats(name, f, na), bad
	case reflect.Int:
		x := make([]int, len(v))
		for i := range v {
			x[i] = int(reflect.ValueOf(v[i]).Int())
		}
		return frame.Ints(name, x, na), 0
	case reflect.Bool:
		b := make([]bool, len(v))
		for i := range v {
			b[i] = reflect.ValueOf(v[i]).Bool()
		}
		return frame.Bools(name, b, na), 0
	}
	s := make([]string, len(v))
	for i := range v {
		s[i] = reflect.ValueOf(v[i]).String()
	}
	return frame.StringsDict(name, s, na), 0
}

// withColumn puts s in place of the column of its name, or appends it.
func withColumn(step string, df dataframe.DataFrame, s series.Series) (dataframe.DataFrame, error) {
	out := df.Mutate(s)
	if out.Err != nil {
		return df, fmt.Errorf("clean: %s: column %q: %w: %w", step, s.Name, ErrFrame, out.Err)
	}
	return out, nil
}

// tracker counts what happened to the cells of one derived column or
// filter.
type tracker struct {
	col     ColumnReport
	why     map[string]int
	failed  map[string]int
	exOrder []string
}

func newTracker(col, step string) *tracker {
	return &tracker{col: ColumnReport{Column: col, Step: step}, why: map[string]int{}, failed: map[string]int{}}
}

func (t *tracker) missingBy(reason string) {
	t.col.Missing++
	t.why[reason]++
}

func (t *tracker) fail(i int, reason string) {
	t.col.Failed++
	t.col.FailedRows = append(t.col.FailedRows, i+1)
	if _, ok := t.failed[reason]; !ok {
		t.exOrder = append(t.exOrder, reason)
	}
	t.failed[reason]++
}

// done writes the counts into the column report: missing cells by reason,
// failure reasons most frequent first (at most 10).
func (t *tracker) done() ColumnReport {
	for _, r := range t.exOrder {
		t.col.FailedExamples = append(t.col.FailedExamples, Tally{Text: r, Count: t.failed[r]})
	}
	sort.SliceStable(t.col.FailedExamples, func(a, b int) bool {
		return t.col.FailedExamples[a].Count > t.col.FailedExamples[b].Count
	})
	if len(t.col.FailedExamples) > 10 {
		t.col.FailedExamples = t.col.FailedExamples[:10]
	}
	reasons := make([]string, 0, len(t.why))
	for r := range t.why {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(a, b int) bool {
		if t.why[reasons[a]] != t.why[reasons[b]] {
			return t.why[reasons[a]] > t.why[reasons[b]]
		}
		return reasons[a] < reasons[b]
	})
	for _, r := range reasons {
		t.col.Notes = append(t.col.Notes, fmt.Sprintf("%d %s: %s", t.why[r], plural(t.why[r], "cell", "cells"), r))
	}
	return t.col
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// joinQuoted writes names as "a", "b".
func joinQuoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
