package analyze

import (
	"fmt"
	"strconv"
)

type aggKind int

const (
	aggCount aggKind = iota
	aggCountDistinct
	aggSum
	aggMean
	aggMedian
	aggMin
	aggMax
	aggStd
	aggQuantile
	aggMissing
	aggWSum
	aggWMean
	aggWQuantile
)

// Agg is one aggregate to compute per group: build it with Count, Sum,
// Mean and the other constructors, and rename its output column with As.
// The zero Agg is Count().
type Agg struct {
	kind   aggKind
	col    string
	weight string
	q      float64
	name   string
}

// Count counts the rows of each group, missing values included. Output
// column: "count" (Int).
func Count() Agg { return Agg{kind: aggCount} }

// CountDistinct counts the distinct non-missing values of col in each
// group. Output column: "<col>_n_distinct" (Int).
func CountDistinct(col string) Agg { return Agg{kind: aggCountDistinct, col: col} }

// Sum adds the non-missing values of col. A group with no values has a
// missing sum (not 0). The sum of an Int column is Int unless it overflows
// int64 (then Float); otherwise Float. Output column: "<col>_sum".
func Sum(col string) Agg { return Agg{kind: aggSum, col: col} }

// Mean averages the non-missing values of col (Float). Output column:
// "<col>_mean".
func Mean(col string) Agg { return Agg{kind: aggMean, col: col} }

// Median is Quantile(col, 0.5) with the output column "<col>_median".
func Median(col string) Agg { return Agg{kind: aggMedian, col: col, q: 0.5} }

// Min is the smallest non-missing value of col; it keeps the Int type of an
// Int column. Output column: "<col>_min".
func Min(col string) Agg { return Agg{kind: aggMin, col: col} }

// Max is the largest non-missing value of col; it keeps the Int type of an
// Int column. Output column: "<col>_max".
func Max(col string) Agg { return Agg{kind: aggMax, col: col} }

// Std is the sample standard deviation (divisor n−1) of the non-missing
// values of col; missing for groups with fewer than two values. Output
// column: "<col>_std".
func Std(col string) Agg { return Agg{kind: aggStd, col: col} }

// Quantile is the q-th quantile (0 ≤ q ≤ 1) of the non-missing values of
// col, interpolated linearly between order statistics (R's type 7, the
// default of R, pandas and NumPy). Output column: "<col>_q<percent>" with the
// percent written in the shortest form: q=0.9 → "importe_q90", q=0.025 →
// "importe_q2.5", q=0.5 → "importe_q50".
func Quantile(col string, q float64) Agg { return Agg{kind: aggQuantile, col: col, q: q} }

// Missing counts the missing values of col in each group. Output column:
// "<col>_missing" (Int).
func Missing(col string) Agg { return Agg{kind: aggMissing, col: col} }

// WeightedSum is Σ value×weight over rows where both are present and the
// weight is positive: the expanded total of a survey (ENIGH, ENOE) with its
// factor de expansión. Output column: "<col>_wsum" (Float).
func WeightedSum(col, weightCol string) Agg {
	return Agg{kind: aggWSum, col: col, weight: weightCol}
}

// WeightedMean is Σ value×weight / Σ weight over rows where both are present
// and the weight is positive. Output column: "<col>_wmean".
func WeightedMean(col, weightCol string) Agg {
	return Agg{kind: aggWMean, col: col, weight: weightCol}
}

// WeightedQuantile is the weighted q-th quantile: the smallest value whose
// cumulative weight reaches q of the total weight, averaged with the next
// value when the cumulative weight lands exactly on it (the definition of
// Stata's weighted _pctile, used for survey medians). Rows with a missing
// value, a missing weight or a weight ≤ 0 are skipped. Output column:
// "<col>_wq<percent>" (q=0.5 → "ingreso_wq50").
func WeightedQuantile(col, weightCol string, q float64) Agg {
	return Agg{kind: aggWQuantile, col: col, weight: weightCol, q: q}
}

// As returns a with its output column renamed to name.
func (a Agg) As(name string) Agg {
	a.name = name
	return a
}

// Name is the output column name of a.
func (a Agg) Name() string {
	if a.name != "" {
		return a.name
	}
	switch a.kind {
	case aggCount:
		return "count"
	case aggCountDistinct:
		return a.col + "_n_distinct"
	case aggSum:
		return a.col + "_sum"
	case aggMean:
		return a.col + "_mean"
	case aggMedian:
		return a.col + "_median"
	case aggMin:
		return a.col + "_min"
	case aggMax:
		return a.col + "_max"
	case aggStd:
		return a.col + "_std"
	case aggQuantile:
		return a.col + "_q" + percentLabel(a.q)
	case aggMissing:
		return a.col + "_missing"
	case aggWSum:
		return a.col + "_wsum"
	case aggWMean:
		return a.col + "_wmean"
	case aggWQuantile:
		return a.col + "_wq" + percentLabel(a.q)
	}
	return a.col
}

// String describes a for messages: its output name.
func (a Agg) String() string { return a.Name() }

// percentLabel writes q as a percent in its shortest form: 0.9 → "90",
// 0.025 → "2.5".
func percentLabel(q float64) string {
	p := q * 100
	// Round away binary noise such as 0.07*100 = 7.000000000000001.
	r, _ := strconv.ParseFloat(strconv.FormatFloat(p, 'g', 12, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// needsNumber reports whether the aggregate reads its column as numbers.
func (a Agg) needsNumber() bool {
	switch a.kind {
	case aggCount, aggCountDistinct, aggMissing:
		return false
	}
	return true
}

// validate checks the arguments of a.
func (a Agg) validate() error {
	if a.kind != aggCount && a.col == "" {
		return fmt.Errorf("analyze: aggregate %s: empty column name: %w", a.Name(), ErrArgument)
	}
	if (a.kind == aggQuantile || a.kind == aggWQuantile) && !(a.q >= 0 && a.q <= 1) {
		return fmt.Errorf("analyze: aggregate %s: quantile %v outside [0, 1]: %w", a.Name(), a.q, ErrArgument)
	}
	if (a.kind == aggWSum || a.kind == aggWMean || a.kind == aggWQuantile) && a.weight == "" {
		return fmt.Errorf("analyze: aggregate %s: empty weight column name: %w", a.Name(), ErrArgument)
	}
	return nil
}
