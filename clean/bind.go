package clean

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/internal/frame"
)

// Bind stacks the rows of several tables with the same columns into one
// table, in order: two years of the same publication, one file per state,
// the chunks of a big file. It is BindLabeled without a label column.
func Bind(frames ...dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	return bind("", nil, frames)
}

// BindLabeled is Bind that also adds a text column named col, first in the
// result, holding each row's label: labels[i] for the rows of frames[i]
// ("2010-2012", "2014"), so the rows still say where they came from.
//
// Columns are matched by name, in the order of the first table; a column
// missing from a table, or present in only some, is an error wrapping
// ErrNoColumn that names the table (1-based) and the column. A column keeps
// its type when every table agrees; otherwise, so that nothing is lost:
// Int with Float gives Float, and any other mix (text with numbers, Bool
// with numbers) gives String with numbers written in their shortest form
// ("1234.5"). A table whose column has no value at all (a reader types an
// empty column as Float) does not count when choosing the type. Missing
// values stay missing. The report has one entry per column whose type was
// changed, naming each table's type, and a note with the rows of each table.
//
// Errors: no table, a label count that differs from the table count,
// or a label column name that is empty or already a column (ErrArgument);
// a table carrying an error (ErrFrame).
func BindLabeled(col string, labels []string, frames ...dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	if strings.TrimSpace(col) == "" {
		return dataframe.DataFrame{}, Report{}, fmt.Errorf("clean: bind: %w: empty label column name", ErrArgument)
	}
	if len(labels) != len(frames) {
		return dataframe.DataFrame{}, Report{}, fmt.Errorf("clean: bind: %w: %d labels for %d tables", ErrArgument, len(labels), len(frames))
	}
	return bind(col, labels, frames)
}

func bind(col string, labels []string, frames []dataframe.DataFrame) (dataframe.DataFrame, Report, error) {
	var rep Report
	if len(frames) == 0 {
		return dataframe.DataFrame{}, rep, fmt.Errorf("clean: bind: %w: no table to bind", ErrArgument)
	}
	for i, f := range frames {
		if f.Err != nil {
			return dataframe.DataFrame{}, rep, fmt.Errorf("clean: bind: table %d: %w: %v", i+1, ErrFrame, f.Err)
		}
	}
	names := frames[0].Names()
	if err := sameColumns(names, frames); err != nil {
		return dataframe.DataFrame{}, rep, err
	}
	for _, n := range names {
		if col != "" && n == col {
			return dataframe.DataFrame{}, rep, fmt.Errorf("clean: bind: %w: label column %q is already a column", ErrArgument, col)
		}
	}
	total := 0
	sizes := make([]string, len(frames))
	for i, f := range frames {
		total += f.Nrow()
		sizes[i] = strconv.Itoa(f.Nrow())
	}
	var cols []series.Series
	if col != "" {
		v := make([]string, 0, total)
		for i, f := range frames {
			for r := 0; r < f.Nrow(); r++ {
				v = append(v, labels[i])
			}
		}
		cols = append(cols, frame.Strings(col, v, nil))
	}
	for _, n := range names {
		parts := make([]series.Series, len(frames))
		for i, f := range frames {
			parts[i] = f.Col(n)
		}
		t, changed := bindType(parts)
		if changed {
			rep.Columns = append(rep.Columns, ColumnReport{
				Column: n, Step: "bind", Converted: true,
				Result: fmt.Sprintf("types differ (%s): bound as %s", typeList(parts), t),
			})
		}
		s, err := bindColumn(n, t, parts, total)
		if err != nil {
			return dataframe.DataFrame{}, rep, fmt.Errorf("clean: bind: column %q: %w: %v", n, ErrFrame, err)
		}
		cols = append(cols, s)
	}
	out, err := frame.New(cols...)
	if err != nil {
		return dataframe.DataFrame{}, rep, fmt.Errorf("clean: bind: %w: %v", ErrFrame, err)
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d tables bound: %s = %d rows", len(frames), strings.Join(sizes, " + "), total))
	return out, rep, nil
}

// sameColumns checks that every table has exactly the columns of the first.
func sameColumns(names []string, frames []dataframe.DataFrame) error {
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	for i, f := range frames[1:] {
		have := make(map[string]bool, f.Ncol())
		for _, n := range f.Names() {
			have[n] = true
			if !want[n] {
				return fmt.Errorf("clean: bind: table %d has column %q, which table 1 lacks: %w", i+2, n, ErrNoColumn)
			}
		}
		for _, n := range names {
			if !have[n] {
				return fmt.Errorf("clean: bind: table %d: %w: %q (table 1 has it)", i+2, ErrNoColumn, n)
			}
		}
	}
	return nil
}

// bindType chooses the type of a bound column, ignoring parts with no
// value at all, and says whether the parts disagreed.
func bindType(parts []series.Series) (series.Type, bool) {
	seen := map[series.Type]bool{}
	first := parts[0].Type()
	for _, p := range parts {
		if allMissing(p) {
			continue
		}
		seen[p.Type()] = true
		first = p.Type()
	}
	switch {
	case len(seen) <= 1:
		if len(seen) == 0 {
			// Every part is empty: keep the first table's type.
			first = parts[0].Type()
		}
		return first, typesDiffer(parts)
	case len(seen) == 2 && seen[series.Int] && seen[series.Float]:
		return series.Float, true
	}
	return series.String, true
}

func typesDiffer(parts []series.Series) bool {
	for _, p := range parts[1:] {
		if p.Type() != parts[0].Type() {
			return true
		}
	}
	return false
}

func allMissing(s series.Series) bool {
	for _, m := range s.IsNaN() {
		if !m {
			return false
		}
	}
	return true
}

func typeList(parts []series.Series) string {
	t := make([]string, len(parts))
	for i, p := range parts {
		t[i] = string(p.Type())
		if allMissing(p) {
			t[i] += " (empty)"
		}
	}
	return strings.Join(t, ", ")
}

// bindColumn concatenates the parts as type t, keeping missing values.
func bindColumn(name string, t series.Type, parts []series.Series, total int) (series.Series, error) {
	na := make([]bool, 0, total)
	switch t {
	case series.Int:
		v := make([]int, 0, total)
		for _, p := range parts {
			m := p.IsNaN()
			for i := range m {
				x := 0
				if !m[i] && p.Type() == series.Int {
					n, err := p.Elem(i).Int()
					if err != nil {
						return series.Series{}, err
					}
					x = n
				}
				v = append(v, x)
			}
			na = append(na, m...)
		}
		return frame.Ints(name, v, na), nil
	case series.Float:
		v := make([]float64, 0, total)
		for _, p := range parts {
			x, m := frame.FloatsOf(p)
			v = append(v, x...)
			na = append(na, m...)
		}
		return frame.Floats(name, v, na), nil
	case series.Bool:
		v := make([]bool, 0, total)
		for _, p := range parts {
			m := p.IsNaN()
			x := make([]bool, len(m))
			if p.Type() == series.Bool {
				for i := range x {
					if !m[i] {
						b, err := p.Elem(i).Bool()
						if err != nil {
							return series.Series{}, err
						}
						x[i] = b
					}
				}
			}
			v = append(v, x...)
			na = append(na, m...)
		}
		return frame.Bools(name, v, na), nil
	}
	v := make([]string, 0, total)
	for _, p := range parts {
		x, m := bindText(p)
		v = append(v, x...)
		na = append(na, m...)
	}
	return frame.Strings(name, v, na), nil
}

// bindText writes a column as text: numbers in their shortest form, missing
// values as "".
func bindText(s series.Series) ([]string, []bool) {
	switch s.Type() {
	case series.Float:
		f, m := frame.FloatsOf(s)
		out := make([]string, len(f))
		for i, x := range f {
			if !m[i] && !math.IsNaN(x) {
				out[i] = strconv.FormatFloat(x, 'f', -1, 64)
			}
		}
		return out, m
	case series.Int:
		m := s.IsNaN()
		out := make([]string, len(m))
		for i := range out {
			if !m[i] {
				if n, err := s.Elem(i).Int(); err == nil {
					out[i] = strconv.Itoa(n)
				}
			}
		}
		return out, m
	}
	return frame.StringsOf(s)
}
