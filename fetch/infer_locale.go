package fetch

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// noteCommaDecimals adds report notes for a table written with point
// thousands and decimal commas (Spanish-locale exports, often with ";"):
// such columns stay text ("1.312.544" is not a number with a decimal
// point), and a column whose every value reads as a decimal with three
// places ("5.616") may really be thousands ("5616"), which the reader
// cannot tell. It looks only at the column reports, and at the values of
// Float columns only when another column gives that evidence, so it costs
// nothing on ordinary files.
func noteCommaDecimals(df dataframe.DataFrame, crs []ColumnReport, rep *Report) {
	var text []string
	example := ""
	for _, cr := range crs {
		if cr.Type != series.String || !strings.HasPrefix(cr.Why, "not a number: ") {
			continue
		}
		v, err := strconv.Unquote(strings.TrimPrefix(cr.Why, "not a number: "))
		if err != nil || !commaDecimalText(v) {
			continue
		}
		text = append(text, strconv.Quote(cr.Name))
		if example == "" {
			example = v
		}
	}
	if len(text) == 0 {
		return
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("columns %s hold numbers written with point thousands and decimal commas (%q): kept as text; clean.Numbers converts them",
		strings.Join(text, ", "), example))
	for _, cr := range crs {
		if cr.Type != series.Float {
			continue
		}
		col := df.Col(cr.Name)
		if col.Err != nil {
			continue
		}
		if v, ok := thousandsLike(col); ok {
			rep.Notes = append(rep.Notes, fmt.Sprintf("column %q was read with a decimal point (%s) but may be written with point thousands like the columns above (%s as %s): if so, read it with ColumnType(%q, series.String) and convert it with clean.Config{Locale: clean.ES}.Numbers",
				cr.Name, strconv.FormatFloat(v, 'f', -1, 64), strconv.FormatFloat(v, 'f', 3, 64), strconv.FormatFloat(v*1000, 'f', -1, 64), cr.Name))
		}
	}
}

// commaDecimalText reports whether s can only be a number written with
// point thousands and a decimal comma: digits with a comma after the last
// point ("1.234,5") or more than one point ("1.312.544").
func commaDecimalText(s string) bool {
	s = strings.TrimLeft(strings.TrimSpace(s), "-+$ ")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	dot := strings.LastIndexByte(s, '.')
	if dot < 0 {
		return false
	}
	if comma := strings.LastIndexByte(s, ','); comma > dot {
		return true
	}
	return strings.IndexByte(s, '.') != dot
}

// thousandsLike reports whether every value of a Float column could be a
// whole number written with one point of thousands: below 1000 in absolute
// value, not whole, and exact with three decimals; it returns the first.
func thousandsLike(s series.Series) (float64, bool) {
	v, na := frame.FloatsOf(s)
	first, seen := 0.0, false
	for i, x := range v {
		if na[i] {
			continue
		}
		if math.Abs(x) >= 1000 || x == math.Trunc(x) {
			return 0, false
		}
		if y := x * 1000; math.Abs(y-math.Round(y)) > 1e-6 {
			return 0, false
		}
		if !seen {
			first, seen = x, true
		}
	}
	return first, seen
}
