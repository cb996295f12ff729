package analyze

import (
	"fmt"
	"math"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// DefaultTotalLabel labels the total row Rate adds with RateOptions.Total.
const DefaultTotalLabel = "Total"

// appendRateTotal adds to out (Rate's result) the row of the overall rate:
// the sum of the numerators over the sum of the denominators of the rows
// whose rate was computed, times per — the national rate, not the mean of
// the state rates. The row's first text column holds the label, its other
// columns are missing but for num, den, the rate and its small flag; a
// Bool column as+"_total" is true on it alone.
func appendRateTotal(fn string, out dataframe.DataFrame, o RateOptions, num, den, as, flagName string, per, small float64,
	n, d *column, rate []float64, rep *RateReport) (dataframe.DataFrame, error) {
	totalName := as + "_total"
	if err := checkOutName(fn, totalName, num, den, as, flagName); err != nil {
		return out, err
	}
	for _, name := range out.Names() {
		if name == totalName {
			return out, fmt.Errorf("analyze: %s: column %q already exists (the total row's flag): %w", fn, totalName, ErrArgument)
		}
	}
	var sn, sd float64
	for i, r := range rate {
		if !math.IsNaN(r) {
			sn += n.f[i]
			sd += d.f[i]
			rep.TotalRows++
		}
	}
	rep.TotalNum, rep.TotalDen = sn, sd
	rep.Total = math.NaN()
	if sd > 0 && finite(sn/sd*per) {
		rep.Total = sn / sd * per
	}
	label := o.TotalLabel
	if label == "" {
		label = DefaultTotalLabel
	}
	views, err := frame.Views(out)
	if err != nil {
		return out, fmt.Errorf("analyze: %s: %w: %v", fn, ErrFrame, err)
	}
	row := make([]series.Series, len(views))
	labelled := false
	for j, s := range views {
		name := s.Name
		na := []bool{true}
		var v float64
		switch name {
		case num:
			v, na[0] = sn, false
		case den:
			v, na[0] = sd, false
		case as:
			v, na[0] = rep.Total, math.IsNaN(rep.Total)
		case flagName:
			row[j] = frame.Bools(name, []bool{small > 0 && sn < small}, nil)
			continue
		}
		switch s.Type() {
		case series.String:
			if !labelled {
				labelled = true
				row[j] = frame.Strings(name, []string{label}, nil)
				continue
			}
			row[j] = frame.Strings(name, []string{""}, []bool{true})
		case series.Int:
			if !na[0] && (v != math.Trunc(v) || math.Abs(v) > 1<<53) {
				return out, fmt.Errorf("analyze: %s: the total of %q, %v, does not fit its Int column: %w", fn, name, v, ErrArgument)
			}
			row[j] = frame.Ints(name, []int{int(v)}, na)
		case series.Bool:
			row[j] = frame.Bools(name, []bool{false}, na)
		default:
			row[j] = frame.Floats(name, []float64{v}, na)
		}
	}
	one, err := newFrame(fn, row...)
	if err != nil {
		return out, err
	}
	all := out.RBind(one)
	if all.Err != nil {
		return out, fmt.Errorf("analyze: %s: adding the total row: %w: %v", fn, ErrFrame, all.Err)
	}
	flags := make([]bool, all.Nrow())
	flags[len(flags)-1] = true
	return withColumns(fn, all, frame.Bools(totalName, flags, nil))
}
