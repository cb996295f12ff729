package analyze

import (
	"fmt"
	"math"
	"strconv"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// ChangeBetween compares two periods for every group: it returns one row per
// group (keys, in order of first appearance) with "<col>_<from>",
// "<col>_<to>", "change", "pct_change" and "note" — the sentence "rose 25%
// between 2019 and 2024" for every state. The other columns that hold one
// value within every group (a state's name beside its code, a region, a
// currency) are kept after the keys, from each group's first row; the
// report's Kept names them. Periods are matched as text
// against periodCol, ignoring spaces around them (a numeric column is
// written without decimals; a quarter matches in either case, "2019-q1" as
// "2019-Q1", and is named "YYYY-Qn" in the output columns). A group
// lacking either period, or with a missing value, gets missing changes and a
// note (NoteMissing); a change from 0 keeps the absolute change and notes
// NoteFromZero. A period repeated within a group is an error; neither period
// present anywhere is ErrNoBase.
func ChangeBetween(df dataframe.DataFrame, col, periodCol, from, to string, keys ...string) (dataframe.DataFrame, ChangeReport, error) {
	const fn = "ChangeBetween"
	var rep ChangeReport
	from, to = periodText(from), periodText(to)
	if from == to {
		return df, rep, fmt.Errorf("analyze: %s: from and to are both %q: %w", fn, from, ErrArgument)
	}
	v, p, g, err := changeInputs(fn, df, col, periodCol, keys)
	if err != nil {
		return df, rep, err
	}
	rowFrom := make([]int, g.n)
	rowTo := make([]int, g.n)
	for i := range rowFrom {
		rowFrom[i], rowTo[i] = -1, -1
	}
	found := false
	for i, id := range g.ids {
		if p.na[i] {
			continue
		}
		s := periodText(p.str(i))
		if p.s == nil && p.f[i] == math.Trunc(p.f[i]) {
			s = strconv.FormatFloat(p.f[i], 'f', 0, 64)
		}
		var slot []int
		switch s {
		case from:
			slot = rowFrom
		case to:
			slot = rowTo
		default:
			continue
		}
		if slot[id] >= 0 {
			return df, rep, fmt.Errorf("analyze: %s: column %q rows %d and %d: period %q appears twice in one group (add the missing key columns): %w",
				fn, periodCol, slot[id]+1, i+1, s, ErrArgument)
		}
		slot[id] = i
		found = true
	}
	if !found {
		return df, rep, fmt.Errorf("analyze: %s: column %q has neither %q nor %q: %w", fn, periodCol, from, to, ErrNoBase)
	}
	n := g.n
	a, b := make([]float64, n), make([]float64, n)
	c := newChangeOut(n)
	for id := 0; id < n; id++ {
		a[id], b[id] = math.NaN(), math.NaN()
		if rowFrom[id] >= 0 && !v.na[rowFrom[id]] {
			a[id] = v.f[rowFrom[id]]
		}
		if rowTo[id] >= 0 && !v.na[rowTo[id]] {
			b[id] = v.f[rowTo[id]]
		}
		switch {
		case math.IsNaN(a[id]) || math.IsNaN(b[id]):
			c.note[id] = NoteMissing
			c.rep.Missing++
		default:
			c.put(id, a[id], b[id])
		}
	}
	cols := make([]series.Series, 0, len(keys)+5)
	for _, k := range keys {
		kc, err := readColumn(fn, df, k)
		if err != nil {
			return df, rep, err
		}
		cols = append(cols, kc.gather(k, g.first))
	}
	outNames := []string{col + "_" + from, col + "_" + to, "change", "pct_change", "note"}
	skip := map[string]bool{col: true, periodCol: true}
	for _, k := range keys {
		skip[k] = true
	}
	for _, k := range outNames {
		skip[k] = true
	}
	same, kept, err := groupConstant(fn, df, g, skip)
	if err != nil {
		return df, rep, err
	}
	c.rep.Kept = kept
	cols = append(cols, same...)
	cols = append(cols, floatSeries(outNames[0], a), floatSeries(outNames[1], b),
		floatSeries("change", c.abs), floatSeries("pct_change", c.pct), frame.Strings("note", c.note, nil))
	out, err := newFrame(fn, cols...)
	return out, c.rep, err
}
