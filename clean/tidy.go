package clean

import (
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// emptyMask returns, for column name, which cells are empty: missing, or
// text that is a missing marker ("", "N/D"…).
func (c Config) emptyMask(df dataframe.DataFrame, name string) []bool {
	s := df.Col(name)
	na := s.IsNaN()
	if s.Type() != series.String {
		return na
	}
	m := c.markersFor(name)
	v := s.Records()
	for i, x := range v {
		if !na[i] && m.is(x) {
			na[i] = true
		}
	}
	return na
}

// RemoveEmpty removes the rows and then the columns in which every cell is
// empty (missing, blank or a missing marker such as "N/D"), as spreadsheet
// exports leave them. The report names the columns and counts the rows
// removed (Report.RemovedRows holds their 1-based numbers). RemoveEmpty is
// Config{}.RemoveEmpty.
func RemoveEmpty(df dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	return Config{}.RemoveEmpty(df)
}

// RemoveEmpty is the package function RemoveEmpty with c's markers.
func (c Config) RemoveEmpty(df dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	out, rep, err := c.RemoveEmptyRows(df)
	if err != nil {
		return df, rep, err
	}
	out, rep2, err := c.RemoveEmptyColumns(out)
	if err != nil {
		return df, rep, err
	}
	rep.Merge(rep2)
	return out, rep, nil
}

// RemoveEmptyRows removes the rows in which every cell is empty. It is
// Config{}.RemoveEmptyRows.
func RemoveEmptyRows(df dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	return Config{}.RemoveEmptyRows(df)
}

// RemoveEmptyRows is the package function RemoveEmptyRows with c's markers.
func (c Config) RemoveEmptyRows(df dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("remove empty rows", df); err != nil {
		return df, rep, err
	}
	n := df.Nrow()
	empty := make([]bool, n)
	for i := range empty {
		empty[i] = true
	}
	for _, name := range df.Names() {
		for i, e := range c.emptyMask(df, name) {
			if !e {
				empty[i] = false
			}
		}
	}
	var keep []int
	for i, e := range empty {
		if e {
			rep.RemovedRows = append(rep.RemovedRows, i+1)
		} else {
			keep = append(keep, i)
		}
	}
	if len(rep.RemovedRows) == 0 {
		rep.Notes = append(rep.Notes, "no empty rows")
		return df, rep, nil
	}
	out, err := subsetRows("remove empty rows", df, keep)
	if err != nil {
		return df, Report{}, err
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d empty rows removed (rows %s)", len(rep.RemovedRows), rows(rep.RemovedRows, 10)))
	return out, rep, nil
}

// subsetRows keeps the rows at the given 0-based positions, in order.
func subsetRows(step string, df dataframe.DataFrame, keep []int) (dataframe.DataFrame, error) {
	if len(keep) == 0 {
		// gota cannot subset to zero rows: build empty columns of the same
		// names and types.
		cols := make([]series.Series, 0, df.Ncol())
		for _, name := range df.Names() {
			cols = append(cols, series.New([]string{}, df.Col(name).Type(), name))
		}
		out, err := frame.New(cols...)
		if err != nil {
			return df, fmt.Errorf("clean: %s: %w: %w", step, ErrFrame, err)
		}
		return out, nil
	}
	out := df.Subset(keep)
	if out.Err != nil {
		return df, fmt.Errorf("clean: %s: %w: %w", step, ErrFrame, out.Err)
	}
	return out, nil
}

// RemoveEmptyColumns removes the columns in which every cell is empty. It
// is Config{}.RemoveEmptyColumns.
func RemoveEmptyColumns(df dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	return Config{}.RemoveEmptyColumns(df)
}

// RemoveEmptyColumns is the package function RemoveEmptyColumns with c's
// markers. A table whose columns are all empty keeps them (gota cannot
// hold a table with no columns) and the report says so.
func (c Config) RemoveEmptyColumns(df dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("remove empty columns", df); err != nil {
		return df, rep, err
	}
	var keep, gone []string
	for _, name := range df.Names() {
		empty := true
		for _, e := range c.emptyMask(df, name) {
			if !e {
				empty = false
				break
			}
		}
		if empty {
			gone = append(gone, name)
		} else {
			keep = append(keep, name)
		}
	}
	return dropColumns("remove empty", df, keep, gone, "empty column removed", rep)
}

func dropColumns(step string, df dataframe.DataFrame, keep, gone []string, why string, rep Report) (dataframe.DataFrame, Report, error) {
	if len(gone) == 0 {
		return df, rep, nil
	}
	if len(keep) == 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("every column qualifies (%s): none removed", strings.Join(gone, ", ")))
		return df, rep, nil
	}
	out := df.Select(keep)
	if out.Err != nil {
		return df, rep, fmt.Errorf("clean: %s: %w: %w", step, ErrFrame, out.Err)
	}
	for _, g := range gone {
		rep.Columns = append(rep.Columns, ColumnReport{Column: g, Step: step, Result: why})
	}
	return out, rep, nil
}

// DropConstant removes the columns that hold one value in every row (the
// same text or number, or missing everywhere), such as a "país" column that
// only says "México". The report names each column removed and its value.
// It is Config{}.DropConstant.
func DropConstant(df dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	return Config{}.DropConstant(df)
}

// DropConstant is the package function DropConstant; no setting of c
// changes it.
func (c Config) DropConstant(df dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("drop constant", df); err != nil {
		return df, rep, err
	}
	if df.Nrow() < 2 {
		return df, rep, nil
	}
	var keep, gone []string
	var values []string
	for _, name := range df.Names() {
		v, na := textOf(df.Col(name))
		same := true
		for i := 1; i < len(v); i++ {
			if na[i] != na[0] || v[i] != v[0] {
				same = false
				break
			}
		}
		if same {
			gone = append(gone, name)
			if na[0] {
				values = append(values, "missing")
			} else {
				values = append(values, fmt.Sprintf("%q", v[0]))
			}
		} else {
			keep = append(keep, name)
		}
	}
	out, rep, err := dropColumns("constant", df, keep, gone, "constant column removed", rep)
	if err != nil || out.Ncol() == df.Ncol() {
		return out, rep, err
	}
	for i := range rep.Columns {
		rep.Columns[i].Result += ": every row is " + values[i]
	}
	return out, rep, nil
}

// FillDown fills empty cells (missing, blank or a missing marker) of the
// named columns with the last value above them, as cells left blank under
// a merged header or a group label need: "Aguascalientes", "", "" →
// three times "Aguascalientes". Empty cells before the first value stay
// missing. The report counts the cells filled per column. FillDown is
// Config{}.FillDown; at least one column must be named.
func FillDown(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return Config{}.FillDown(df, cols...)
}

// FillDown is the package function FillDown with c's markers.
func (c Config) FillDown(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("fill down", df); err != nil {
		return df, rep, err
	}
	if len(cols) == 0 {
		return df, rep, fmt.Errorf("clean: fill down: name the columns to fill: %w", ErrArgument)
	}
	if _, err := columnsFor("fill down", df, cols); err != nil {
		return df, rep, err
	}
	out := df
	for _, name := range cols {
		s := out.Col(name)
		empty := c.emptyMask(out, name)
		cr := ColumnReport{Column: name, Step: "fill down"}
		last := -1
		src := make([]int, len(empty))
		for i, e := range empty {
			src[i] = i
			if !e {
				last = i
				continue
			}
			if last >= 0 {
				src[i] = last
				cr.Changed++
			} else {
				cr.Missing++
			}
		}
		cr.Result = fmt.Sprintf("%d empty cells filled from above", cr.Changed)
		if cr.Missing > 0 {
			cr.Notes = append(cr.Notes, fmt.Sprintf("%d empty cells before the first value stay missing", cr.Missing))
		}
		if cr.Changed > 0 {
			var ns series.Series
			switch s.Type() {
			case series.String:
				v, na := frame.StringsOf(s)
				for i := range v {
					v[i], na[i] = v[src[i]], empty[src[i]]
				}
				ns = frame.Strings(name, v, na)
			case series.Int:
				f, _ := frame.FloatsOf(s)
				v := make([]int, len(f))
				na := make([]bool, len(f))
				for i := range v {
					j := src[i]
					if na[i] = empty[j]; !na[i] {
						v[i] = int(f[j])
					}
				}
				ns = frame.Ints(name, v, na)
			case series.Float:
				v, na := frame.FloatsOf(s)
				for i := range v {
					v[i], na[i] = v[src[i]], empty[src[i]]
				}
				ns = frame.Floats(name, v, na)
			default:
				r := s.Records()
				b := make([]bool, len(r))
				na := make([]bool, len(r))
				for i := range b {
					j := src[i]
					b[i], na[i] = r[j] == "true", empty[j]
				}
				ns = frame.Bools(name, b, na)
			}
			var err error
			if out, err = replace("fill down", out, ns); err != nil {
				return df, rep, err
			}
			cr.Converted = true
		}
		rep.Columns = append(rep.Columns, cr)
	}
	return out, rep, nil
}
