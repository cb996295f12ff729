package clean

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Row is one row of a table as Derive, Filter and their predicates see it:
// its cells read by column name, typed and missing-aware.
//
// The typed readers (Float, Int, String, Bool) return the value of a cell.
// When the cell is missing, or does not read as the type asked (the text
// "N/D" read with Float), they return the zero value (NaN for Float) and
// mark the row: Derive then leaves the new cell missing and Filter drops
// the row, and both say so in their report, so a missing input never turns
// into a silent 0. Read a column with Missing first, or with FloatOr,
// IntOr or StringOr, to decide yourself what a missing value means.
//
// A column the table does not have stops the call with an error wrapping
// ErrNoColumn.
type Row struct {
	st *rowState
}

// rowState is shared by the Row values handed to one call.
type rowState struct {
	t *rowTable
	i int // 0-based row
	// missing and failed record what the current row's reads met: the
	// first column read while missing, the first value of the wrong type.
	missing string
	failed  string
}

// rowTable holds the columns of a table, each read into a typed slice the
// first time a row reads it.
type rowTable struct {
	step  string
	names []string
	index map[string]int
	views []series.Series
	cols  []*rowColumn
	err   error // the first unknown column or gota error
}

// rowColumn is one column as typed slices.
type rowColumn struct {
	typ  series.Type
	f    []float64 // Int and Float columns
	s    []string  // String and Bool columns (Bool as "true"/"false")
	na   []bool
	name string
}

func newRowTable(step string, df dataframe.DataFrame) (*rowTable, error) {
	views, err := frame.Views(df)
	if err != nil {
		return nil, fmt.Errorf("clean: %s: %w: %w", step, ErrFrame, err)
	}
	t := &rowTable{step: step, names: df.Names(), views: views, cols: make([]*rowColumn, len(views))}
	t.index = make(map[string]int, len(t.names))
	for i, n := range t.names {
		t.index[n] = i
	}
	return t, nil
}

// column returns the named column, reading it on first use; nil (and the
// table's error set) when the table has no such column.
func (t *rowTable) column(name string) *rowColumn {
	j, ok := t.index[name]
	if !ok {
		if t.err == nil {
			t.err = fmt.Errorf("clean: %s: column %q: %w (columns: %s)", t.step, name, ErrNoColumn, strings.Join(t.names, ", "))
		}
		return nil
	}
	if c := t.cols[j]; c != nil {
		return c
	}
	s := t.views[j]
	c := &rowColumn{typ: s.Type(), name: name}
	switch c.typ {
	case series.Int, series.Float:
		c.f, c.na = frame.FloatsOf(s)
	default:
		c.s, c.na = frame.StringsOf(s)
	}
	t.cols[j] = c
	return c
}

// cell returns the column and whether the row's cell is present; it marks
// the row when the cell is missing.
func (r Row) cell(col string) (*rowColumn, bool) {
	c := r.st.t.column(col)
	if c == nil {
		return nil, false
	}
	if c.na[r.st.i] {
		if r.st.missing == "" {
			r.st.missing = col
		}
		return c, false
	}
	return c, true
}

// fail marks the row with a value that does not read as the type asked.
func (r Row) fail(c *rowColumn, want string) {
	if r.st.failed == "" {
		r.st.failed = fmt.Sprintf("column %q: %q is not %s", c.name, c.text(r.st.i), want)
	}
}

// text is the cell's value as text.
func (c *rowColumn) text(i int) string {
	if c.f != nil {
		if c.typ == series.Int || c.f[i] == math.Trunc(c.f[i]) && math.Abs(c.f[i]) < 1e15 {
			return strconv.FormatFloat(c.f[i], 'f', -1, 64)
		}
		return strconv.FormatFloat(c.f[i], 'g', -1, 64)
	}
	return c.s[i]
}

// Number is the 1-based row of the table the call received (row 1 is the
// first data row), as in every report and message.
func (r Row) Number() int { return r.st.i + 1 }

// Missing reports whether the cell of col is missing. It does not mark the
// row.
func (r Row) Missing(col string) bool {
	c := r.st.t.column(col)
	return c == nil || c.na[r.st.i]
}

// Float returns the cell of col as a number: Int and Float columns as they
// are, text that is a plain number ("12.5", " 3 ") parsed. A missing cell,
// or one that is not a number, gives NaN and marks the row.
func (r Row) Float(col string) float64 {
	c, ok := r.cell(col)
	if !ok {
		return math.NaN()
	}
	if c.f != nil {
		return c.f[r.st.i]
	}
	if c.typ == series.String {
		if v, err := strconv.ParseFloat(strings.TrimSpace(c.s[r.st.i]), 64); err == nil && !math.IsNaN(v) {
			return v
		}
	}
	r.fail(c, "a number")
	return math.NaN()
}

// Int returns the cell of col as an integer: Int columns as they are,
// Float values that are whole numbers, text that is an integer. A missing
// cell, or one that is not a whole number, gives 0 and marks the row.
func (r Row) Int(col string) int {
	c, ok := r.cell(col)
	if !ok {
		return 0
	}
	if c.f != nil {
		v := c.f[r.st.i]
		if v == math.Trunc(v) && math.Abs(v) <= 1<<53 {
			return int(v)
		}
	} else if c.typ == series.String {
		if v, err := strconv.Atoi(strings.TrimSpace(c.s[r.st.i])); err == nil {
			return v
		}
	}
	r.fail(c, "an integer")
	return 0
}

// String returns the cell of col as text: text as written, numbers in
// their shortest form ("12.5", "2024"), booleans as "true"/"false". A
// missing cell gives "" and marks the row.
func (r Row) String(col string) string {
	c, ok := r.cell(col)
	if !ok {
		return ""
	}
	return c.text(r.st.i)
}

// Bool returns the cell of col as a boolean: Bool columns, text
// "true"/"false" (any case) and the integers 1 and 0. A missing cell, or
// one that is none of those, gives false and marks the row.
func (r Row) Bool(col string) bool {
	c, ok := r.cell(col)
	if !ok {
		return false
	}
	if c.f != nil {
		switch c.f[r.st.i] {
		case 1:
			return true
		case 0:
			return false
		}
	} else {
		switch strings.ToLower(strings.TrimSpace(c.s[r.st.i])) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	r.fail(c, "true or false")
	return false
}

// FloatOr is Float with def for a missing cell; the row is not marked
// for it (a value of the wrong type still marks it).
func (r Row) FloatOr(col string, def float64) float64 {
	if r.Missing(col) {
		return def
	}
	return r.Float(col)
}

// IntOr is Int with def for a missing cell; the row is not marked for it.
func (r Row) IntOr(col string, def int) int {
	if r.Missing(col) {
		return def
	}
	return r.Int(col)
}

// StringOr is String with def for a missing cell; the row is not marked
// for it.
func (r Row) StringOr(col, def string) string {
	if r.Missing(col) {
		return def
	}
	return r.String(col)
}
