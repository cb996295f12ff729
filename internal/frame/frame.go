package frame

import (
	"fmt"
	"math"
	"strings"

	"github.com/datacon-mx/cifra/internal/errs"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Strings builds a String series. When na is not nil, na[i] marks v[i] as
// missing.
func Strings(name string, v []string, na []bool) series.Series {
	s := series.New(v, series.String, name)
	markNA(s, na)
	return s
}

// Ints builds an Int series. When na is not nil, na[i] marks v[i] as missing.
func Ints(name string, v []int, na []bool) series.Series {
	s := newInts(name, v)
	markNA(s, na)
	return s
}

// Floats builds a Float series. NaN values are missing; when na is not nil,
// na[i] also marks v[i] as missing.
func Floats(name string, v []float64, na []bool) series.Series {
	s := newFloats(name, v)
	markNA(s, na)
	return s
}

// Bools builds a Bool series. When na is not nil, na[i] marks v[i] as
// missing.
func Bools(name string, v []bool, na []bool) series.Series {
	s := series.New(v, series.Bool, name)
	markNA(s, na)
	return s
}

func markNA(s series.Series, na []bool) {
	for i, m := range na {
		if m {
			s.Elem(i).Set(nil)
		}
	}
}

// New builds a DataFrame from series of equal length and returns gota's
// error instead of hiding it in the frame. Column names must already be
// unique and non-empty (gota would otherwise rename them silently).
func New(cols ...series.Series) (dataframe.DataFrame, error) {
	if len(cols) == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("no columns")
	}
	seen := make(map[string]bool, len(cols))
	for _, c := range cols {
		if c.Name == "" {
			return dataframe.DataFrame{}, fmt.Errorf("a column has an empty name")
		}
		if seen[c.Name] {
			return dataframe.DataFrame{}, fmt.Errorf("column %q appears twice", c.Name)
		}
		seen[c.Name] = true
	}
	df := dataframe.New(cols...)
	if df.Err != nil {
		return df, df.Err
	}
	return df, nil
}

// Column returns the named column of df, or an error naming the column and
// the columns that exist.
func Column(df dataframe.DataFrame, name string) (series.Series, error) {
	if df.Err != nil {
		return series.Series{}, df.Err
	}
	for _, n := range df.Names() {
		if n == name {
			return df.Col(name), nil
		}
	}
	return series.Series{}, fmt.Errorf("column %q: %w (columns: %s)", name, errs.ErrNoColumn, strings.Join(df.Names(), ", "))
}

// FloatsOf returns the values of s as float64, with NaN for missing values,
// and a mask of missing values. String columns are parsed with gota's rules
// (plain Go float syntax); values that do not parse are missing.
func FloatsOf(s series.Series) ([]float64, []bool) {
	v := s.Float()
	switch s.Type() {
	case series.Float, series.Int, series.Bool:
		// gota's Float gives NaN for exactly the missing elements of
		// these types (a float element holding NaN is missing too), so
		// the mask comes from v without a second pass through gota.
		na := make([]bool, len(v))
		for i, x := range v {
			na[i] = x != x
		}
		return v, na
	}
	na := s.IsNaN()
	for i, m := range na {
		if m {
			v[i] = math.NaN()
		}
	}
	return v, na
}

// StringsOf returns the values of s as strings and a mask of missing values.
// Missing values are returned as "".
func StringsOf(s series.Series) ([]string, []bool) {
	// one pass over the elements (Records and IsNaN would make two, each
	// asking the series for its length at every value)
	n := s.Len()
	v := make([]string, n)
	na := make([]bool, n)
	for i := 0; i < n; i++ {
		if e := s.Elem(i); e.IsNA() {
			na[i] = true
		} else {
			v[i] = e.String()
		}
	}
	return v, na
}
