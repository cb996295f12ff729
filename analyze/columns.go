package analyze

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// column is one gota column read once into typed slices.
type column struct {
	name string
	typ  series.Type
	f    []float64 // numbers (Int, Float, Bool as 0/1); NaN where missing
	s    []string  // String values; "" where missing
	// A String key column read by readKey keeps no s: row i's value is
	// dict[ids[i]] (see text), ids being the column's grouping.
	dict []string
	ids  []int32
	na   []bool
	src  *series.Series // the column read (Int columns only), for exact ints
	iv   []int64        // exact Int values, read on first use by ints
}

// checkFrame returns the gota error carried by df, wrapped.
func checkFrame(fn string, df dataframe.DataFrame) error {
	if df.Err != nil {
		return fmt.Errorf("analyze: %s: input table: %w: %v", fn, ErrFrame, df.Err)
	}
	return nil
}

// hasCol reports whether df has a column called name.
func hasCol(df dataframe.DataFrame, name string) bool {
	for _, n := range df.Names() {
		if n == name {
			return true
		}
	}
	return false
}

// getSeries returns the named column or an error wrapping ErrNoColumn.
func getSeries(fn string, df dataframe.DataFrame, name string) (series.Series, error) {
	if err := checkFrame(fn, df); err != nil {
		return series.Series{}, err
	}
	if !hasCol(df, name) {
		return series.Series{}, fmt.Errorf("analyze: %s: column %q: %w (columns: %s)", fn, name, ErrNoColumn, strings.Join(df.Names(), ", "))
	}
	// A view shares the column's memory (no copy): it is only read here.
	s, err := frame.View(df, name)
	if err == nil && s.Err != nil {
		err = s.Err
	}
	if err != nil {
		return s, fmt.Errorf("analyze: %s: column %q: %w: %v", fn, name, ErrFrame, err)
	}
	return s, nil
}

// readColumn reads any column into typed slices.
func readColumn(fn string, df dataframe.DataFrame, name string) (*column, error) {
	s, err := getSeries(fn, df, name)
	if err != nil {
		return nil, err
	}
	return columnOf(name, s), nil
}

// columnOf reads series s, named name, into typed slices.
func columnOf(name string, s series.Series) *column {
	c := &column{name: name, typ: s.Type()}
	switch c.typ {
	case series.String:
		c.s, c.na = frame.StringsOf(s)
	default:
		c.f, c.na = frame.FloatsOf(s)
		if c.typ == series.Int {
			c.src = &s
		}
	}
	return c
}

// isText reports whether c holds text (a String column, read whole or as
// a key).
func (c *column) isText() bool { return c.s != nil || c.dict != nil }

// text returns the value of row i of a text column ("" when missing).
func (c *column) text(i int) string {
	if c.s != nil {
		return c.s[i]
	}
	return c.dict[c.ids[i]]
}

// ints returns the exact values of an Int column (0 where missing): values
// beyond ±2^53 do not survive the float64 slice f.
func (c *column) ints() []int64 {
	if c.iv != nil || c.typ != series.Int {
		return c.iv
	}
	c.iv = make([]int64, len(c.na))
	if c.src == nil || c.src.Len() != len(c.na) {
		for i, x := range c.f {
			if !c.na[i] {
				c.iv[i] = int64(x)
			}
		}
		return c.iv
	}
	if v, err := c.src.Int(); err == nil {
		for i, x := range v {
			c.iv[i] = int64(x)
		}
		return c.iv
	}
	for i := range c.iv {
		if c.na[i] {
			continue
		}
		if x, err := c.src.Elem(i).Int(); err == nil {
			c.iv[i] = int64(x)
		}
	}
	return c.iv
}

// readNumeric reads a column as numbers. Int, Float and Bool columns are
// read directly; a String column is accepted when every non-missing value
// parses as a plain number (a number stored as text), otherwise the error
// names the first value that does not parse.
func readNumeric(fn string, df dataframe.DataFrame, name string) (*column, error) {
	c, err := readColumn(fn, df, name)
	if err != nil {
		return nil, err
	}
	if c.typ != series.String {
		return c, nil
	}
	f := make([]float64, len(c.s))
	for i, v := range c.s {
		if c.na[i] {
			f[i] = math.NaN()
			continue
		}
		x, perr := parseNumber(v)
		if perr != nil {
			return nil, fmt.Errorf("analyze: %s: column %q row %d: %q: %w", fn, name, i+1, v, ErrNotNumeric)
		}
		if math.IsNaN(x) {
			c.na[i] = true
		}
		f[i] = x
	}
	c.f = f
	c.s = nil
	return c, nil
}

// isInt reports whether c came from a gota Int column.
func (c *column) isInt() bool { return c.typ == series.Int }

// str returns the value of row i as text ("" when missing).
func (c *column) str(i int) string {
	if c.na[i] {
		return ""
	}
	if c.isText() {
		return c.text(i)
	}
	switch c.typ {
	case series.Int:
		return strconv.FormatInt(c.ints()[i], 10)
	case series.Bool:
		if c.f[i] != 0 {
			return "true"
		}
		return "false"
	}
	return strconv.FormatFloat(c.f[i], 'f', -1, 64)
}

// gather builds a series named name of c's type holding rows idx of c (a
// negative index gives a missing value).
func (c *column) gather(name string, idx []int) series.Series {
	na := make([]bool, len(idx))
	switch c.typ {
	case series.String:
		v := make([]string, len(idx))
		for k, i := range idx {
			if i < 0 || c.na[i] {
				na[k] = true
				continue
			}
			v[k] = c.text(i)
		}
		return frame.Strings(name, v, na)
	case series.Int:
		v := make([]int, len(idx))
		iv := c.ints()
		for k, i := range idx {
			if i < 0 || c.na[i] {
				na[k] = true
				continue
			}
			v[k] = int(iv[i])
		}
		return frame.Ints(name, v, na)
	case series.Bool:
		v := make([]bool, len(idx))
		for k, i := range idx {
			if i < 0 || c.na[i] {
				na[k] = true
				continue
			}
			v[k] = c.f[i] != 0
		}
		return frame.Bools(name, v, na)
	}
	v := make([]float64, len(idx))
	for k, i := range idx {
		if i < 0 || c.na[i] {
			v[k] = math.NaN()
			na[k] = true
			continue
		}
		v[k] = c.f[i]
	}
	return frame.Floats(name, v, na)
}

// withColumns returns df with the given columns added at the end, or put in
// place of existing columns of the same name.
func withColumns(fn string, df dataframe.DataFrame, cols ...series.Series) (dataframe.DataFrame, error) {
	byName := make(map[string]int, len(cols))
	for i, c := range cols {
		byName[c.Name] = i
	}
	names := df.Names()
	views, err := frame.Views(df) // frame.New below copies them once
	if err != nil {
		return df, fmt.Errorf("analyze: %s: %w: %v", fn, ErrFrame, err)
	}
	out := make([]series.Series, 0, len(names)+len(cols))
	used := make([]bool, len(cols))
	for j, n := range names {
		if i, ok := byName[n]; ok {
			out = append(out, cols[i])
			used[i] = true
			continue
		}
		out = append(out, views[j])
	}
	for i, c := range cols {
		if !used[i] {
			out = append(out, c)
		}
	}
	res, err := frame.New(out...)
	if err != nil {
		return res, fmt.Errorf("analyze: %s: %w: %v", fn, ErrFrame, err)
	}
	return res, nil
}

// newFrame wraps frame.New with this package's error.
func newFrame(fn string, cols ...series.Series) (dataframe.DataFrame, error) {
	res, err := frame.New(cols...)
	if err != nil {
		return res, fmt.Errorf("analyze: %s: %w: %v", fn, ErrFrame, err)
	}
	return res, nil
}

// floatSeries builds a Float series, marking NaN as missing.
func floatSeries(name string, v []float64) series.Series {
	na := make([]bool, len(v))
	for i, x := range v {
		na[i] = math.IsNaN(x) || math.IsInf(x, 0)
		if na[i] {
			v[i] = math.NaN()
		}
	}
	return frame.Floats(name, v, na)
}

// parseNumber parses a number stored as text: plain Go float syntax after
// trimming spaces. ±Inf is refused; "NaN" parses as a missing value.
func parseNumber(v string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		return 0, err
	}
	if math.IsInf(x, 0) {
		return 0, fmt.Errorf("%q is infinite", v)
	}
	return x, nil
}

// checkOutName refuses an empty output name or one that would overwrite one
// of the input columns of the same call.
func checkOutName(fn, as string, inputs ...string) error {
	if as == "" {
		return fmt.Errorf("analyze: %s: empty output column name: %w", fn, ErrArgument)
	}
	for _, in := range inputs {
		if as == in {
			return fmt.Errorf("analyze: %s: output column %q would overwrite an input column: %w", fn, as, ErrArgument)
		}
	}
	return nil
}
