package analyze

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-gota/gota/dataframe"
)

// Rolling adds "<col>_roll<window>_mean" and "<col>_roll<window>_sum": the
// mean and sum of the value and the window−1 previous periods of its group
// (keys), in order of periodCol (ISO dates, including quarters "2024-Q1",
// or numbers; a column mixing quarters with other periods is an error). The
// window counts rows, not calendar time: a missing month or quarter in the
// data is not filled. A
// window that is not yet full, or that holds a missing value, gives a
// missing result. Rows keep their order; a period repeated within a group
// is an error. For an Int column the sum is an Int column, exact (a sum
// past the int64 range is an error wrapping ErrTooLarge), and the mean is
// that exact sum divided by the window.
func Rolling(df dataframe.DataFrame, col, periodCol string, window int, keys ...string) (dataframe.DataFrame, error) {
	const fn = "Rolling"
	if window < 1 {
		return df, fmt.Errorf("analyze: %s: window = %d, want at least 1: %w", fn, window, ErrArgument)
	}
	v, p, g, err := changeInputs(fn, df, col, periodCol, keys)
	if err != nil {
		return df, err
	}
	rows, err := periodOrder(fn, g, p)
	if err != nil {
		return df, err
	}
	w := strconv.Itoa(window)
	if v.isInt() {
		sum, mean, err := rollingInts(fn, v, rows, window)
		if err != nil {
			return df, err
		}
		return withColumns(fn, df, floatSeries(col+"_roll"+w+"_mean", mean), sum.series(col+"_roll"+w+"_sum"))
	}
	n := len(v.f)
	sum := make([]float64, n)
	mean := make([]float64, n)
	for i := range sum {
		sum[i], mean[i] = math.NaN(), math.NaN()
	}
	for _, r := range rows {
		acc, nas := 0.0, 0
		for k, i := range r {
			if v.na[i] {
				nas++
			} else {
				acc += v.f[i]
			}
			if k >= window {
				j := r[k-window]
				if v.na[j] {
					nas--
				} else {
					acc -= v.f[j]
				}
			}
			if k >= window-1 && nas == 0 {
				// Re-add exactly every window to keep rounding from drifting.
				if k%window == 0 {
					acc = 0
					for _, j := range r[k-window+1 : k+1] {
						acc += v.f[j]
					}
				}
				sum[i] = acc
				mean[i] = acc / float64(window)
			}
		}
	}
	return withColumns(fn, df, floatSeries(col+"_roll"+w+"_mean", mean), floatSeries(col+"_roll"+w+"_sum", sum))
}

// CumSum adds "<col>_cumsum": the running total of col within each group
// (keys), in order of periodCol (sorted as Rolling does). A missing value
// adds nothing and its own row's running total is missing, as in pandas.
// Rows keep their order; a period repeated within a group is an error.
// The running total of an Int column is an Int column, exact (a total past
// the int64 range is an error wrapping ErrTooLarge).
func CumSum(df dataframe.DataFrame, col, periodCol string, keys ...string) (dataframe.DataFrame, error) {
	const fn = "CumSum"
	v, p, g, err := changeInputs(fn, df, col, periodCol, keys)
	if err != nil {
		return df, err
	}
	rows, err := periodOrder(fn, g, p)
	if err != nil {
		return df, err
	}
	if v.isInt() {
		out, err := cumSumInts(fn, v, rows)
		if err != nil {
			return df, err
		}
		return withColumns(fn, df, out.series(col+"_cumsum"))
	}
	out := make([]float64, len(v.f))
	for _, r := range rows {
		acc := 0.0
		for _, i := range r {
			if v.na[i] {
				out[i] = math.NaN()
				continue
			}
			acc += v.f[i]
			out[i] = acc
		}
	}
	return withColumns(fn, df, floatSeries(col+"_cumsum", out))
}
