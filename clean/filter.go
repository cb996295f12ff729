package clean

import (
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Predicate says whether Filter keeps a row.
type Predicate func(r Row) bool

// Filter keeps the rows for which keep returns true, in order:
//
//	df, rep, err := clean.Filter(df, func(r clean.Row) bool {
//		return r.String("ramo") == "Salud" && r.Float("monto") > 1e6
//	})
//	df, rep, err = clean.Filter(df, clean.NotMissing("fecha_def"))
//
// A row whose predicate read a missing value through a typed reader
// (Row.Float, Int, String, Bool) is not kept, whatever keep returned: its
// answer is unknown, as in SQL. So "monto < 100" and "!(monto >= 100)"
// both leave out rows with no monto. Test Row.Missing first (or use
// IsMissing, FloatOr) to keep them. A value of the wrong type ("N/D" read
// with Float) also drops the row and is listed as a failure with its row.
// The report gives the removed rows (1-based rows of df) and why. A column
// the predicate names that the table does not have is an error wrapping
// ErrNoColumn.
func Filter(df dataframe.DataFrame, keep Predicate) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("filter", df); err != nil {
		return df, rep, err
	}
	if keep == nil {
		return df, rep, fmt.Errorf("clean: filter: no predicate: %w", ErrArgument)
	}
	t, err := newRowTable("filter", df)
	if err != nil {
		return df, rep, err
	}
	n := df.Nrow()
	idx := make([]int, 0, n)
	tr := newTracker("", "filter")
	st := &rowState{t: t}
	for i := 0; i < n; i++ {
		st.i, st.missing, st.failed = i, "", ""
		ok, perr := callRow(st, func(r Row) (bool, error) { return keep(r), nil })
		if perr != nil && st.failed == "" && st.missing == "" {
			st.failed = perr.Error()
		}
		if t.err != nil {
			return df, rep, t.err
		}
		switch {
		case st.failed != "":
			tr.fail(i, st.failed)
		case st.missing != "":
			tr.missingBy(fmt.Sprintf("%q was missing", st.missing))
		case ok:
			idx = append(idx, i)
		}
	}
	rep.RemovedRows = removedRows(n, idx)
	rep.Notes = append(rep.Notes, fmt.Sprintf("filter kept %d of %d rows", len(idx), n))
	if tr.col.Missing > 0 || tr.col.Failed > 0 {
		tr.col.Result = fmt.Sprintf("%d rows left out because the predicate could not be answered", tr.col.Missing+tr.col.Failed)
		rep.Columns = append(rep.Columns, tr.done())
	}
	if len(idx) == n {
		return df, rep, nil
	}
	out := df.Subset(idx)
	if len(idx) == 0 {
		out = emptyLike(df)
	}
	if out.Err != nil {
		return df, rep, fmt.Errorf("clean: filter: %w: %w", ErrFrame, out.Err)
	}
	return out, rep, nil
}

// removedRows lists the 1-based rows of 0..n-1 not in the sorted kept.
func removedRows(n int, kept []int) []int {
	out := make([]int, 0, n-len(kept))
	j := 0
	for i := 0; i < n; i++ {
		if j < len(kept) && kept[j] == i {
			j++
			continue
		}
		out = append(out, i+1)
	}
	return out
}

// emptyLike returns a table with df's columns and types and no rows.
func emptyLike(df dataframe.DataFrame) dataframe.DataFrame {
	cols := make([]series.Series, 0, df.Ncol())
	for _, n := range df.Names() {
		s := df.Col(n)
		cols = append(cols, series.New([]string{}, s.Type(), n))
	}
	return dataframe.New(cols...)
}

// IsMissing keeps the rows whose cell of col is missing.
func IsMissing(col string) Predicate {
	return func(r Row) bool { return r.Missing(col) }
}

// NotMissing keeps the rows whose cell of col is present.
func NotMissing(col string) Predicate {
	return func(r Row) bool { return !r.Missing(col) }
}

// In keeps the rows whose cell of col, as text (Row.String: "2024", "12.5",
// "01"), is one of values.
func In(col string, values ...string) Predicate {
	set := make(map[string]bool, len(values))
	for _, v := range values {
		set[v] = true
	}
	return func(r Row) bool { return set[r.String(col)] }
}

// Between keeps the rows whose cell of col is a number from lo to hi,
// both included.
func Between(col string, lo, hi float64) Predicate {
	return func(r Row) bool {
		v := r.Float(col)
		return v >= lo && v <= hi
	}
}

// DatesBetween keeps the rows whose ISO date in col ("2024-10-17",
// "2024-10", "2024") falls from from to to, both included; to may be a
// shorter date that covers a whole month or year ("2020-12" includes
// "2020-12-31").
func DatesBetween(col, from, to string) Predicate {
	return func(r Row) bool {
		v := r.String(col)
		return v >= from && (v <= to || strings.HasPrefix(v, to))
	}
}

// All keeps the rows every predicate keeps (none given: every row).
func All(ps ...Predicate) Predicate {
	return func(r Row) bool {
		for _, p := range ps {
			if !p(r) {
				return false
			}
		}
		return true
	}
}

// Any keeps the rows at least one predicate keeps (none given: no row).
func Any(ps ...Predicate) Predicate {
	return func(r Row) bool {
		for _, p := range ps {
			if p(r) {
				return true
			}
		}
		return false
	}
}

// Not keeps the rows p does not keep (rows whose answer is unknown
// because a value was missing stay out).
func Not(p Predicate) Predicate {
	return func(r Row) bool { return !p(r) }
}

// Coalesce adds (or replaces) the column as with, for each row, the first
// value present among cols, in order — the value of a corrected column
// where there is one, else the original. The new column is Int when every
// col is Int, Float when every col is a number, Bool when every col is
// Bool, else String (numbers as Row.String writes them). The report counts
// the cells taken from each column and those still missing. A col that
// does not exist is an error wrapping ErrNoColumn; no cols wraps
// ErrArgument.
func Coalesce(df dataframe.DataFrame, as string, cols ...string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("coalesce", df); err != nil {
		return df, rep, err
	}
	if as == "" || len(cols) == 0 {
		return df, rep, fmt.Errorf("clean: coalesce: a new column name and at least one column are needed: %w", ErrArgument)
	}
	if _, err := columnsFor("coalesce", df, cols); err != nil {
		return df, rep, err
	}
	t, err := newRowTable("coalesce", df)
	if err != nil {
		return df, rep, err
	}
	src := make([]*rowColumn, len(cols))
	kind := series.Int
	for k, c := range cols {
		src[k] = t.column(c)
		switch typ := src[k].typ; {
		case typ == series.Int:
		case typ == series.Float && (kind == series.Int || kind == series.Float):
			kind = series.Float
		case typ == series.Bool && (k == 0 || kind == series.Bool):
			kind = series.Bool
		default:
			kind = series.String
		}
	}
	n := df.Nrow()
	f := make([]float64, n)
	s := make([]string, n)
	na := make([]bool, n)
	from := make([]int, len(cols))
	col := ColumnReport{Column: as, Step: "coalesce", Converted: true}
	for i := 0; i < n; i++ {
		na[i] = true
		for k, c := range src {
			if c.na[i] {
				continue
			}
			na[i] = false
			from[k]++
			if c.f != nil {
				f[i] = c.f[i]
			}
			s[i] = c.text(i)
			break
		}
		if na[i] {
			col.Missing++
		} else {
			col.Parsed++
		}
	}
	var out series.Series
	switch kind {
	case series.Int:
		x := make([]int, n)
		for i, v := range f {
			x[i] = int(v)
		}
		out = frame.Ints(as, x, na)
	case series.Float:
		out = frame.Floats(as, f, na)
	case series.Bool:
		b := make([]bool, n)
		for i, v := range s {
			b[i] = v == "true"
		}
		out = frame.Bools(as, b, na)
	default:
		out = frame.StringsDict(as, s, na)
	}
	res, err := withColumn("coalesce", df, out)
	if err != nil {
		return df, rep, err
	}
	col.Result = fmt.Sprintf("%s column from %s", kind, joinQuoted(cols))
	for k, c := range cols {
		col.Seen = append(col.Seen, Tally{Text: "from " + c, Count: from[k]})
	}
	if col.Missing > 0 {
		col.Notes = append(col.Notes, fmt.Sprintf("%d %s missing in every column", col.Missing, plural(col.Missing, "row is", "rows are")))
	}
	rep.Columns = append(rep.Columns, col)
	return res, rep, nil
}
