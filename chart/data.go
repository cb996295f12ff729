package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/missing"
)

// column returns the named column or an error wrapping ErrNoColumn.
func column(df dataframe.DataFrame, who, name string) (series.Series, error) {
	if df.Err != nil {
		return series.Series{}, fmt.Errorf("chart: %s: %w: %w", who, ErrFrame, df.Err)
	}
	if name == "" {
		return series.Series{}, fmt.Errorf("chart: %s: %w: empty column name (columns: %s)", who, ErrNoColumn, strings.Join(df.Names(), ", "))
	}
	s, err := frame.Column(df, name)
	if err != nil {
		return series.Series{}, fmt.Errorf("chart: %s: column %q: %w (columns: %s)", who, name, ErrNoColumn, strings.Join(df.Names(), ", "))
	}
	if s.Err != nil {
		return series.Series{}, fmt.Errorf("chart: %s: column %q: %w", who, name, s.Err)
	}
	return s, nil
}

// texts reads a column as strings; missing values are "" with na set.
func texts(df dataframe.DataFrame, who, name string) ([]string, []bool, error) {
	s, err := column(df, who, name)
	if err != nil {
		return nil, nil, err
	}
	if s.Type() == series.Float {
		// gota writes floats with six decimals ("2015.000000"); labels
		// want the shortest form.
		f, na := frame.FloatsOf(s)
		v := make([]string, len(f))
		for i, x := range f {
			if !na[i] {
				v[i] = strconv.FormatFloat(x, 'f', -1, 64)
			}
		}
		return v, na, nil
	}
	v, na := frame.StringsOf(s)
	return v, na, nil
}

// numbers reads a value column as float64. Int and Float columns are taken
// as they are (missing is NaN). A String column is accepted when every
// non-missing cell is a plain number ("1234.5", "-3"); missing markers
// ("N/D", "", "NA"…) become NaN; anything else is ErrNotNumeric naming
// the row and the value.
func numbers(df dataframe.DataFrame, who, name string) ([]float64, error) {
	s, err := column(df, who, name)
	if err != nil {
		return nil, err
	}
	switch s.Type() {
	case series.Float, series.Int:
		v, _ := frame.FloatsOf(s)
		return v, nil
	case series.Bool:
		return nil, fmt.Errorf("chart: %s: %w: column %q is boolean", who, ErrNotNumeric, name)
	}
	raw, na := frame.StringsOf(s)
	out := make([]float64, len(raw))
	for i, t := range raw {
		if na[i] || missing.DefaultSet.Is(t) {
			out[i] = math.NaN()
			continue
		}
		f, perr := strconv.ParseFloat(strings.TrimSpace(t), 64)
		if perr != nil {
			return nil, fmt.Errorf("chart: %s: %w: column %q row %d: %q is not a number (clean it first, e.g. clean.Numbers)", who, ErrNotNumeric, name, i+1, t)
		}
		out[i] = f
	}
	return out, nil
}

// checkValue returns nil for a finite value, or the error (wrapping
// ErrMissing or ErrNotFinite) for the value at index i, which messages
// call row i+1.
func checkValue(who, col string, i int, label string, v float64) error {
	row := i + 1
	switch {
	case math.IsNaN(v):
		return fmt.Errorf("chart: %s: %w: column %q row %d (%s) is missing; pass chart.SkipMissing() to leave it out with a note", who, ErrMissing, col, row, label)
	case math.IsInf(v, 0):
		return fmt.Errorf("chart: %s: %w: column %q row %d (%s) is %v; pass chart.SkipMissing() to leave it out with a note", who, ErrNotFinite, col, row, label, v)
	}
	return nil
}

func reason(v float64) string {
	if math.IsNaN(v) {
		return "missing value"
	}
	return "infinite value"
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func isSpanish(c *config) bool { return strings.HasPrefix(strings.ToLower(c.locale.Name), "es") }
