package analyze

import (
	"fmt"
	"math"
	"sort"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Ties says how Rank numbers equal values.
type Ties int

const (
	// TiesMin gives equal values the lowest rank of their block and skips
	// the next ones (competition ranking 1, 2, 2, 4), the usual newsroom
	// "lugar".
	TiesMin Ties = iota
	// TiesDense gives equal values the same rank without gaps (1, 2, 2, 3).
	TiesDense
	// TiesAverage gives equal values the mean of their positions
	// (1, 2.5, 2.5, 4); the output column is Float.
	TiesAverage
)

// RankOptions tunes Rank. The zero value ranks descending (the largest value
// is 1), ties by TiesMin, over the whole table, into "<col>_rank".
type RankOptions struct {
	Ascending bool     // rank the smallest value 1
	Ties      Ties     // how equal values are numbered
	Groups    []string // rank within each group of these key columns
	As        string   // output column name; empty means "<col>_rank"
}

// Rank adds "<col>_rank": 1 for the largest value, ties sharing the lowest
// rank (1, 2, 2, 4). Missing values get a missing rank. See RankOptions for
// ascending, dense or average ranks and ranks within groups.
func Rank(df dataframe.DataFrame, col string) (dataframe.DataFrame, error) {
	return RankOptions{}.Rank(df, col)
}

// Rank is Rank with these options.
func (o RankOptions) Rank(df dataframe.DataFrame, col string) (dataframe.DataFrame, error) {
	const fn = "Rank"
	if o.Ties < TiesMin || o.Ties > TiesAverage {
		return df, fmt.Errorf("analyze: %s: unknown ties rule %d: %w", fn, o.Ties, ErrArgument)
	}
	name := o.As
	if name == "" {
		name = col + "_rank"
	}
	v, err := readNumeric(fn, df, col)
	if err != nil {
		return df, err
	}
	g, err := groupBy(fn, df, o.Groups)
	if err != nil {
		return df, err
	}
	var iv []int64
	if v.isInt() {
		iv = v.ints()
	}
	rank := rankValues(v.f, iv, v.na, g, o.Ascending, o.Ties)
	var s series.Series
	if o.Ties == TiesAverage {
		s = floatSeries(name, rank)
	} else {
		iv := make([]int, len(rank))
		na := make([]bool, len(rank))
		for i, r := range rank {
			if math.IsNaN(r) {
				na[i] = true
			} else {
				iv[i] = int(r)
			}
		}
		s = frame.Ints(name, iv, na)
	}
	return withColumns(fn, df, s)
}

// rankValues ranks the non-missing values of every group. iv, when not
// nil, holds the exact values of an Int column: they are compared instead
// of f, so values past 2^53 that differ are not taken as ties.
func rankValues(f []float64, iv []int64, na []bool, g grouping, asc bool, ties Ties) []float64 {
	less := func(a, b int) bool { return f[a] < f[b] }
	equal := func(a, b int) bool { return f[a] == f[b] }
	if iv != nil {
		less = func(a, b int) bool { return iv[a] < iv[b] }
		equal = func(a, b int) bool { return iv[a] == iv[b] }
	}
	rows := make([][]int, g.n)
	for i, id := range g.ids {
		if !na[i] {
			rows[id] = append(rows[id], i)
		}
	}
	out := make([]float64, len(f))
	for i := range out {
		out[i] = math.NaN()
	}
	for _, r := range rows {
		sort.SliceStable(r, func(a, b int) bool {
			if asc {
				return less(r[a], r[b])
			}
			return less(r[b], r[a])
		})
		dense := 0
		for start := 0; start < len(r); {
			end := start + 1
			for end < len(r) && equal(r[end], r[start]) {
				end++
			}
			dense++
			var v float64
			switch ties {
			case TiesMin:
				v = float64(start + 1)
			case TiesDense:
				v = float64(dense)
			default:
				v = float64(start+1+end) / 2
			}
			for _, i := range r[start:end] {
				out[i] = v
			}
			start = end
		}
	}
	return out
}

// OtherLabel is the label TopN gives to the rest.
const OtherLabel = "Otros"

// TopN sums valueCol by labelCol, keeps the n labels with the largest sums
// (ties broken by first appearance) in descending order, and adds one row
// labelled "Otros" with the sum of all the other labels (only when there are
// others). The result has two columns, labelCol (String) and valueCol
// (Float). Missing values are skipped; rows with a missing label form their
// own label, written as missing. Use TopNOptions to rename "Otros".
func TopN(df dataframe.DataFrame, labelCol, valueCol string, n int) (dataframe.DataFrame, error) {
	return TopNOptions{}.TopN(df, labelCol, valueCol, n)
}

// TopNOptions tunes TopN.
type TopNOptions struct {
	Other string // label of the rest; empty means "Otros"
}

// TopN is TopN with these options.
func (o TopNOptions) TopN(df dataframe.DataFrame, labelCol, valueCol string, n int) (dataframe.DataFrame, error) {
	const fn = "TopN"
	if n < 1 {
		return df, fmt.Errorf("analyze: %s: n = %d, want at least 1: %w", fn, n, ErrArgument)
	}
	other := o.Other
	if other == "" {
		other = OtherLabel
	}
	lab, err := readColumn(fn, df, labelCol)
	if err != nil {
		return df, err
	}
	v, err := readNumeric(fn, df, valueCol)
	if err != nil {
		return df, err
	}
	g := groupRows([]*column{lab}, len(v.f))
	sum, cnt, _, _ := kSum(g.ids, g.n, v.f, v.na, nil)
	order := make([]int, g.n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		sa, sb := sum[order[a]], sum[order[b]]
		if cnt[order[a]] == 0 {
			sa = math.Inf(-1)
		}
		if cnt[order[b]] == 0 {
			sb = math.Inf(-1)
		}
		return sa > sb
	})
	k := n
	if k > g.n {
		k = g.n
	}
	labels := make([]string, 0, k+1)
	lna := make([]bool, 0, k+1)
	vals := make([]float64, 0, k+1)
	for _, id := range order[:k] {
		r := g.first[id]
		labels = append(labels, lab.str(r))
		lna = append(lna, lab.na[r])
		if cnt[id] == 0 {
			vals = append(vals, math.NaN())
		} else {
			vals = append(vals, sum[id])
		}
	}
	if g.n > k {
		rest, any := 0.0, false
		for _, id := range order[k:] {
			if cnt[id] > 0 {
				rest += sum[id]
				any = true
			}
		}
		if !any {
			rest = math.NaN()
		}
		labels = append(labels, other)
		lna = append(lna, false)
		vals = append(vals, rest)
	}
	return newFrame(fn, frame.Strings(labelCol, labels, lna), floatSeries(valueCol, vals))
}
