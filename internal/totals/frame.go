package totals

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/errs"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// FindFrame finds the totals of df on valueCols (Find), or, when none is
// named, on the Summable numeric columns (FindAuto). It returns the
// groups, the value and label columns read (for reports), and Table's
// errors.
func FindFrame(df dataframe.DataFrame, valueCols []string) ([]Group, []Column, [][]string, error) {
	cols, labels, err := Table(df, valueCols)
	if err != nil || len(cols) == 0 {
		return nil, cols, labels, err
	}
	if len(valueCols) == 0 {
		return FindAuto(cols, labels), cols, labels, nil
	}
	return Find(cols, labels), cols, labels, nil
}

// Table reads the value columns of df — the named ones, which must be Int
// or Float, or every numeric column that is Summable when none is named —
// and its text columns, whose cells Find searches for totals words.
// Errors wrap errs.ErrNoColumn or errs.ErrType and carry no package
// prefix.
func Table(df dataframe.DataFrame, valueCols []string) ([]Column, [][]string, error) {
	views, err := frame.Views(df)
	if err != nil {
		return nil, nil, err
	}
	names := df.Names()
	byName := make(map[string]series.Series, len(views))
	for i, s := range views {
		byName[names[i]] = s
	}
	var cols []Column
	for _, name := range valueCols {
		s, ok := byName[name]
		if !ok {
			return nil, nil, fmt.Errorf("column %q: %w (columns: %s)", name, errs.ErrNoColumn, strings.Join(names, ", "))
		}
		if t := s.Type(); t != series.Int && t != series.Float {
			return nil, nil, fmt.Errorf("column %q is %s, not a number: %w (convert it with clean.Numbers first)", name, t, errs.ErrType)
		}
		v, na := frame.FloatsOf(s)
		cols = append(cols, Column{Name: name, Values: v, NA: na})
	}
	var labels [][]string
	for i, s := range views {
		switch s.Type() {
		case series.Int, series.Float:
			if len(valueCols) == 0 {
				v, na := frame.FloatsOf(s)
				if Summable(names[i], v, na) {
					cols = append(cols, Column{Name: names[i], Values: v, NA: na})
				}
			}
		case series.String:
			v, _ := frame.StringsOf(s)
			labels = append(labels, v)
		}
	}
	return cols, labels, nil
}

// Reason says in one line why g's row is a total, rows 1-based:
// "heads rows 3–13 (11 rows) and equals their sum on "Total", "Hombres"".
func (g Group) Reason() string {
	verb := "closes"
	if g.Heads {
		verb = "heads"
	}
	parts := fmt.Sprintf("%d rows", g.Parts)
	if g.Level > 1 {
		parts = fmt.Sprintf("%d subtotals and the rows they sum", g.Parts)
	}
	q := make([]string, len(g.Columns))
	for i, c := range g.Columns {
		q[i] = strconv.Quote(c)
	}
	s := fmt.Sprintf("%s rows %d–%d (%s) and equals their sum on %s", verb, g.First+1, g.Last+1, parts, strings.Join(q, ", "))
	if g.Anywhere {
		s = fmt.Sprintf("sits among rows %d–%d and equals the sum of the others (%s) on %s", g.First+1, g.Last+1, parts, strings.Join(q, ", "))
	}
	if g.Word != "" {
		s += fmt.Sprintf("; labelled %q", g.Word)
	}
	return s
}

// Label returns the text cells of row i joined by " | " (spaces trimmed,
// empty cells left out), to name a row in a report.
func Label(labels [][]string, i int) string {
	var parts []string
	for _, l := range labels {
		if i < len(l) {
			if t := strings.TrimSpace(l[i]); t != "" {
				parts = append(parts, t)
			}
		}
	}
	return strings.Join(parts, " | ")
}
