package clean

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// MonthNumber returns the number (1–12) of a month written as a Spanish or
// English name or abbreviation ("Enero", "ENE", "ene.", "Sept",
// "setiembre", "Diciembre", "October"; case, accents and surrounding
// spaces do not matter) or as a number ("1", "01", "12", "3.0").
func MonthNumber(name string) (int, bool) {
	s := strings.TrimSpace(name)
	if s == "" {
		return 0, false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f != float64(int(f)) || f < 1 || f > 12 {
			return 0, false
		}
		return int(f), true
	}
	return monthName(s)
}

// MonthColumns returns the names of df's columns that are month names
// (see MonthNumber; numbers do not count), in order: the value columns of
// a SESNSP-style wide table, ready for Longer.
func MonthColumns(df dataframe.DataFrame) []string {
	var out []string
	for _, n := range df.Names() {
		s := strings.TrimSpace(n)
		if s == "" || (s[0] >= '0' && s[0] <= '9') {
			continue
		}
		if _, ok := monthName(s); ok {
			out = append(out, n)
		}
	}
	return out
}

// ISOMonth adds a text column named as holding the ISO month "2026-01"
// built from a year column (Int, Float or text such as "2026") and a month
// column (names such as "Enero" or numbers, see MonthNumber). Rows whose
// year or month is missing get a missing value. A year that is not a whole
// number from 1 to 9999, or a month that is not a month, is an error
// wrapping ErrBadDate that names the column, row and value; a missing
// column wraps ErrNoColumn; an existing column named as wraps
// ErrArgument.
func ISOMonth(df dataframe.DataFrame, yearCol, monthCol, as string) (dataframe.DataFrame, error) {
	if df.Err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("clean: iso month: %w: %v", ErrFrame, df.Err)
	}
	if err := checkIDs(df, "iso month", []string{yearCol, monthCol}); err != nil {
		return dataframe.DataFrame{}, err
	}
	for _, n := range df.Names() {
		if n == as {
			return dataframe.DataFrame{}, fmt.Errorf("clean: iso month: %w: column %q already exists", ErrArgument, as)
		}
	}
	if strings.TrimSpace(as) == "" {
		return dataframe.DataFrame{}, fmt.Errorf("clean: iso month: %w: the new column needs a name", ErrArgument)
	}
	years := readColumn(df.Col(yearCol))
	months := readColumn(df.Col(monthCol))
	out := make([]string, df.Nrow())
	na := make([]bool, df.Nrow())
	memo := map[string]int{}
	for r := range out {
		yt, mt := years.text(r), months.text(r)
		if years.na[r] || months.na[r] || strings.TrimSpace(yt) == "" || strings.TrimSpace(mt) == "" {
			na[r] = true
			continue
		}
		y, err := strconv.ParseFloat(strings.TrimSpace(yt), 64)
		if err != nil || y != float64(int(y)) || y < 1 || y > 9999 {
			return dataframe.DataFrame{}, fmt.Errorf("clean: column %q row %d: %q: %w: not a year", yearCol, r+1, yt, ErrBadDate)
		}
		m, ok := memo[mt]
		if !ok {
			if m, ok = MonthNumber(mt); !ok {
				return dataframe.DataFrame{}, fmt.Errorf("clean: column %q row %d: %q: %w: not a month", monthCol, r+1, mt, ErrBadDate)
			}
			memo[mt] = m
		}
		out[r] = fmt.Sprintf("%04d-%02d", int(y), m)
	}
	cols := make([]series.Series, 0, df.Ncol()+1)
	for _, n := range df.Names() {
		cols = append(cols, df.Col(n))
	}
	cols = append(cols, frame.Strings(as, out, na))
	res, err := frame.New(cols...)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("clean: iso month: %w: %v", ErrFrame, err)
	}
	return res, nil
}
