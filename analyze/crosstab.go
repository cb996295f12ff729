package analyze

import (
	"fmt"
	"math"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Percent chooses what a Crosstab cell is a percentage of.
type Percent int

const (
	// Counts leaves the cells as counts (or sums).
	Counts Percent = iota
	// RowPercent divides each cell by its row total (rows add to 100).
	RowPercent
	// ColPercent divides each cell by its column total (columns add to 100).
	ColPercent
	// TotalPercent divides each cell by the grand total.
	TotalPercent
)

// TotalLabel labels the totals row and column of a Crosstab.
const TotalLabel = "Total"

// MissingLabel names the Crosstab column of rows whose column key is
// missing.
const MissingLabel = "NA"

// CrosstabOptions tunes Crosstab. The zero value counts rows, with a totals
// row and column, like janitor's tabyl(a, b) |> adorn_totals("both").
type CrosstabOptions struct {
	Value string // sum this numeric column instead of counting rows
	// Agg computes any aggregate per cell instead (Mean, Median, …); the
	// totals row and column aggregate all the rows of the row or column
	// (a mean of all rows, not a mean of means). The zero Agg is Count().
	// Percentages are allowed only for Count, Sum and WeightedSum.
	Agg      Agg
	Percent  Percent // turn cells into percentages
	NoTotals bool    // leave out the totals row and column
}

// Crosstab counts the rows of df by rowKey (one output row per value) and
// colKey (one output column per value, named by the value; missing values
// are the column "NA"), with a "Total" column and a final "Total" row.
// Output rows and columns are sorted by key value; missing row keys come
// last with a missing label. The first column is rowKey as String.
func Crosstab(df dataframe.DataFrame, rowKey, colKey string) (dataframe.DataFrame, error) {
	return CrosstabOptions{}.Crosstab(df, rowKey, colKey)
}

// Crosstab is Crosstab with these options.
func (o CrosstabOptions) Crosstab(df dataframe.DataFrame, rowKey, colKey string) (dataframe.DataFrame, error) {
	const fn = "Crosstab"
	if o.Percent < Counts || o.Percent > TotalPercent {
		return df, fmt.Errorf("analyze: %s: unknown percent mode %d: %w", fn, o.Percent, ErrArgument)
	}
	rk, err := readColumn(fn, df, rowKey)
	if err != nil {
		return df, err
	}
	ck, err := readColumn(fn, df, colKey)
	if err != nil {
		return df, err
	}
	agg := o.Agg
	if o.Value != "" {
		if agg != (Agg{}) {
			return df, fmt.Errorf("analyze: %s: set Value or Agg, not both: %w", fn, ErrArgument)
		}
		agg = Sum(o.Value)
	}
	if err := agg.validate(); err != nil {
		return df, err
	}
	additive := agg.kind == aggCount || agg.kind == aggSum || agg.kind == aggWSum || agg.kind == aggMissing
	if o.Percent != Counts && !additive {
		return df, fmt.Errorf("analyze: %s: percentages of %s do not add up; use Count, Sum or WeightedSum: %w", fn, agg.Name(), ErrArgument)
	}
	rg, cg := factorize(rk), factorize(ck)
	rOrder, cOrder := sortedOrder(rg, []*column{rk}), sortedOrder(cg, []*column{ck})
	rPos, cPos := inverse(rOrder), inverse(cOrder)
	nr, nc := rg.n, cg.n
	cell := make([][]float64, nr+1)
	for i := range cell {
		cell[i] = make([]float64, nc+1)
		if !additive {
			for j := range cell[i] {
				cell[i][j] = math.NaN()
			}
		}
	}
	pair := combine(rg, cg)
	nrow := len(rg.ids)
	whole := grouping{ids: make([]int32, nrow), n: 1, first: []int{0}}
	evalOn := func(g grouping) ([]float64, error) {
		ev := &evaluator{fn: fn, df: df, grp: g, cache: map[string]*column{}}
		order := make([]int, g.n)
		for i := range order {
			order[i] = i
		}
		s, err := ev.eval(agg, order)
		if err != nil {
			return nil, err
		}
		v, _ := frame.FloatsOf(s)
		return v, nil
	}
	pv, err := evalOn(pair)
	if err != nil {
		return df, err
	}
	for g, first := range pair.first {
		cell[rPos[rg.ids[first]]][cPos[cg.ids[first]]] = pv[g]
	}
	rv, err := evalOn(rg)
	if err != nil {
		return df, err
	}
	for g := range rv {
		cell[rPos[g]][nc] = rv[g]
	}
	cv, err := evalOn(cg)
	if err != nil {
		return df, err
	}
	for g := range cv {
		cell[nr][cPos[g]] = cv[g]
	}
	gv, err := evalOn(whole)
	if err != nil {
		return df, err
	}
	cell[nr][nc] = gv[0]
	if nrow == 0 && additive {
		cell[nr][nc] = 0
	}
	names := map[string]bool{rowKey: true}
	cols := []series.Series{}
	labels := make([]string, 0, nr+1)
	lna := make([]bool, 0, nr+1)
	for _, g := range rOrder {
		labels = append(labels, rk.str(rg.first[g]))
		lna = append(lna, rk.na[rg.first[g]])
	}
	rows := nr
	if !o.NoTotals {
		labels = append(labels, TotalLabel)
		lna = append(lna, false)
		rows++
	}
	cols = append(cols, frame.Strings(rowKey, labels, lna))
	ncols := nc
	if !o.NoTotals {
		ncols++
	}
	for c := 0; c < ncols; c++ {
		name := TotalLabel
		if c < nc {
			first := cg.first[cOrder[c]]
			name = ck.str(first)
			if ck.na[first] {
				name = MissingLabel
			}
		}
		if names[name] {
			return df, fmt.Errorf("analyze: %s: column key %q: output column %q appears twice (it clashes with the row key or the totals): %w", fn, colKey, name, ErrArgument)
		}
		names[name] = true
		v := make([]float64, rows)
		for r := 0; r < rows; r++ {
			x := cell[r][c]
			var den float64
			switch o.Percent {
			case RowPercent:
				den = cell[r][nc]
			case ColPercent:
				den = cell[nr][c]
			case TotalPercent:
				den = cell[nr][nc]
			}
			if o.Percent != Counts {
				if den == 0 {
					x = math.NaN()
				} else {
					x = 100 * x / den
				}
			}
			v[r] = x
		}
		if o.Percent == Counts && agg.kind == aggCount {
			iv := make([]int, rows)
			for r := range v {
				iv[r] = int(v[r])
			}
			cols = append(cols, frame.Ints(name, iv, nil))
		} else {
			cols = append(cols, floatSeries(name, v))
		}
	}
	return newFrame(fn, cols...)
}

func inverse(order []int) []int {
	inv := make([]int, len(order))
	for k, g := range order {
		inv[g] = k
	}
	return inv
}
