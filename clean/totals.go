package clean

import (
	"fmt"
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/internal/totals"
	"github.com/go-gota/gota/dataframe"
)

// DropTotals removes the totals and subtotals rows of a table, found by
// their numbers: a row equal to the sum of the rows it heads (comes just
// before) or closes (comes just after), at any level. An INEGI consulta
// export holds a national row and one row per state among the
// municipalities; summing it as read gives double the country, and after
// DropTotals it gives the country.
//
// valueCols are the numeric columns compared (Int or Float); with none,
// every numeric column except codes, years and ratios (names such as
// cve_ent, año, tasa, porcentaje, or values that are all years); if those
// together find nothing, each is tried alone and the ones that agree are
// compared together (a ratio column the names did not reveal). A row is
// a total when it equals the sum of its block on every value column where
// it and the whole block have a value, with at least one such column,
// and at least two rows of the block are nonzero. Integers compare
// exactly; other numbers within a relative 1e-9. Words such as "Total",
// "Nacional" or "Suma" count only as extra evidence: a lone row equal to
// the sum of the next two is kept unless it is so labelled, and a row
// named "Total" that is not a sum is kept (Yucatán has a municipality
// called Suma). Several groups side by side, or one group spanning the
// whole table, are totals without any word.
//
// The report lists the rows removed (Report.RemovedRows, 1-based) and, in
// its notes, why each was taken for a total. A table with no totals is
// returned unchanged with a note saying so. Errors: a named column that
// does not exist (ErrNoColumn) or is not numeric (ErrType), a frame
// carrying an error (ErrFrame).
func DropTotals(df dataframe.DataFrame, valueCols ...string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("DropTotals", df); err != nil {
		return df, rep, err
	}
	gs, cols, labels, err := totals.FindFrame(df, valueCols)
	if err != nil {
		return df, rep, fmt.Errorf("clean: DropTotals: %w", err)
	}
	if len(cols) == 0 {
		rep.Notes = append(rep.Notes, "totals: no numeric value column to compare; nothing removed (name the value columns, after clean.Numbers)")
		return df, rep, nil
	}
	var names []string
	used := map[string]bool{}
	for _, g := range gs {
		for _, c := range g.Columns {
			used[c] = true
		}
	}
	for _, c := range cols {
		if len(gs) == 0 || used[c.Name] {
			names = append(names, fmt.Sprintf("%q", c.Name))
		}
	}
	on := strings.Join(names, ", ")
	if len(gs) == 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("totals: no row equals the sum of the rows it heads or closes on %s; nothing removed", on))
		return df, rep, nil
	}
	drop := make(map[int]bool, len(gs))
	for _, g := range gs {
		drop[g.Row] = true
		rep.RemovedRows = append(rep.RemovedRows, g.Row+1)
	}
	keep := make([]int, 0, df.Nrow()-len(gs))
	for i := 0; i < df.Nrow(); i++ {
		if !drop[i] {
			keep = append(keep, i)
		}
	}
	out, err := subsetRows("DropTotals", df, keep)
	if err != nil {
		return df, Report{}, err
	}
	levels := 0
	for _, g := range gs {
		levels = max(levels, g.Level)
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("totals: %d %s removed (%d %s of totals) that equal the sum of the rows they head or close on %s; %d rows kept",
		len(gs), plural(len(gs), "row", "rows"), levels, plural(levels, "level", "levels"), on, len(keep)))
	// The highest levels first: a national row says more than the
	// hundredth subtotal.
	byLevel := append([]totals.Group(nil), gs...)
	sort.SliceStable(byLevel, func(a, b int) bool { return byLevel[a].Level > byLevel[b].Level })
	for i, g := range byLevel {
		if i == listMax {
			rep.Notes = append(rep.Notes, fmt.Sprintf("totals: … and %d more rows (Report.RemovedRows lists them all)", len(gs)-listMax))
			break
		}
		label := totals.Label(labels, g.Row)
		if label != "" {
			label = fmt.Sprintf(" (%q)", label)
		}
		rep.Notes = append(rep.Notes, fmt.Sprintf("totals: row %d%s %s", g.Row+1, label, g.Reason()))
	}
	return out, rep, nil
}
