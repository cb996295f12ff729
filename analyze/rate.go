package analyze

import (
	"fmt"
	"math"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// DefaultSmallCount is the numerator under which Rate flags a rate as
// resting on a small number ("cifra pequeña").
const DefaultSmallCount = 10

// RateOptions tunes Rate. The zero value is the default.
type RateOptions struct {
	// SmallCount: numerators strictly under it are flagged as small.
	// Zero means DefaultSmallCount; a negative value turns the flag off
	// (every flag is false).
	SmallCount float64
	// FlagName names the flag column; empty means as + "_small".
	FlagName string
	// Total adds a last row with the overall rate: the sum of the
	// numerators over the sum of the denominators of the rows whose rate
	// was computed (the national rate of a table of states — not the mean
	// of their rates), flagged true in a Bool column as + "_total" (false
	// on every other row). Drop total rows the table already has first
	// (clean.DropTotals), or they count twice.
	Total bool
	// TotalLabel is written in the first text column of the total row;
	// empty means DefaultTotalLabel ("Total").
	TotalLabel string
}

// RateReport says which rates could not be computed and why.
type RateReport struct {
	Rows           int // rows in the table
	Computed       int // rates computed
	Small          int // computed rates flagged as small numbers
	MissingNum     int // numerator missing: rate missing
	MissingDen     int // denominator missing: rate missing
	NonPositiveDen int // denominator ≤ 0: rate missing (never ±Inf)
	// NotFinite counts rates that are not a finite number (a denominator
	// such as 1e-320, an infinite value): rate missing, not computed.
	NotFinite int
	// With RateOptions.Total: the overall rate (NaN when no rate was
	// computed), the sums it divides and the rows they cover.
	Total              float64
	TotalNum, TotalDen float64
	TotalRows          int
}

// String prints the report as a short block.
func (r RateReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "rate: %d rows, %d rates computed, %d on a small numerator\n", r.Rows, r.Computed, r.Small)
	if r.MissingNum+r.MissingDen+r.NonPositiveDen > 0 {
		fmt.Fprintf(&b, "  missing rate: %d missing numerator, %d missing denominator, %d denominator ≤ 0\n",
			r.MissingNum, r.MissingDen, r.NonPositiveDen)
	}
	if r.NotFinite > 0 {
		fmt.Fprintf(&b, "  missing rate: %d not a finite number (a denominator near 0 or an infinite value)\n", r.NotFinite)
	}
	if r.TotalRows > 0 {
		fmt.Fprintf(&b, "  total row: %.6g (sum of %d numerators, %.15g, over the sum of their denominators, %.15g)", r.Total, r.TotalRows, r.TotalNum, r.TotalDen)
		if left := r.Rows - r.TotalRows; left > 0 {
			fmt.Fprintf(&b, "; %d rows with no rate left out", left)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Rate adds the column as = num / den × per (per 1,000 or 100,000) and a Bool
// column as+"_small" that is true where the numerator is under 10, so a chart
// or text can say "cifra pequeña". A missing numerator or denominator, or a
// denominator ≤ 0, gives a missing rate (never ±Inf); the flag is missing
// where the numerator is. It uses the default RateOptions.
func Rate(df dataframe.DataFrame, num, den string, per float64, as string) (dataframe.DataFrame, error) {
	out, _, err := RateOptions{}.RateWithReport(df, num, den, per, as)
	return out, err
}

// RateWithReport is Rate with a report of the rates that could not be
// computed. It uses the default RateOptions.
func RateWithReport(df dataframe.DataFrame, num, den string, per float64, as string) (dataframe.DataFrame, RateReport, error) {
	return RateOptions{}.RateWithReport(df, num, den, per, as)
}

// Rate is Rate with these options.
func (o RateOptions) Rate(df dataframe.DataFrame, num, den string, per float64, as string) (dataframe.DataFrame, error) {
	out, _, err := o.RateWithReport(df, num, den, per, as)
	return out, err
}

// RateWithReport is RateWithReport with these options.
func (o RateOptions) RateWithReport(df dataframe.DataFrame, num, den string, per float64, as string) (dataframe.DataFrame, RateReport, error) {
	const fn = "Rate"
	var rep RateReport
	if err := checkOutName(fn, as, num, den); err != nil {
		return df, rep, err
	}
	if !(per > 0) || math.IsInf(per, 0) {
		return df, rep, fmt.Errorf("analyze: %s: per = %v, want a positive number such as 100000: %w", fn, per, ErrArgument)
	}
	flagName := o.FlagName
	if flagName == "" {
		flagName = as + "_small"
	}
	if err := checkOutName(fn, flagName, num, den, as); err != nil {
		return df, rep, err
	}
	small := o.SmallCount
	if small == 0 {
		small = DefaultSmallCount
	}
	n, err := readNumeric(fn, df, num)
	if err != nil {
		return df, rep, err
	}
	d, err := readNumeric(fn, df, den)
	if err != nil {
		return df, rep, err
	}
	rows := len(n.f)
	rep.Rows = rows
	rate := make([]float64, rows)
	flag := make([]bool, rows)
	flagNA := make([]bool, rows)
	for i := 0; i < rows; i++ {
		rate[i] = math.NaN()
		switch {
		case n.na[i]:
			rep.MissingNum++
			flagNA[i] = true
			continue
		case d.na[i]:
			rep.MissingDen++
		case d.f[i] <= 0:
			rep.NonPositiveDen++
		case !finite(n.f[i] / d.f[i] * per):
			rep.NotFinite++
		default:
			rate[i] = n.f[i] / d.f[i] * per
			rep.Computed++
		}
		flag[i] = small > 0 && n.f[i] < small
		if flag[i] && !math.IsNaN(rate[i]) {
			rep.Small++
		}
	}
	out, err := withColumns(fn, df, floatSeries(as, rate), frame.Bools(flagName, flag, flagNA))
	if err != nil || !o.Total {
		return out, rep, err
	}
	tot, err := appendRateTotal(fn, out, o, num, den, as, flagName, per, small, n, d, rate, &rep)
	if err != nil {
		return df, rep, err
	}
	return tot, rep, nil
}
