package analyze

import (
	"fmt"
	"math"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// ShareReport says which shares could not be computed and why.
type ShareReport struct {
	Rows      int // rows in the table
	Computed  int // shares computed
	Missing   int // the value is missing: share missing
	NoTotal   int // the value's group has no value to total: share missing
	ZeroTotal int // the group's total is 0: share missing (never ±Inf)
	// NotFinite counts shares that are not a finite number (a total such
	// as 1e-320, an infinite value): share missing, not computed.
	NotFinite int
}

// String prints the report as a short block.
func (r ShareReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "share: %d rows, %d shares computed\n", r.Rows, r.Computed)
	if r.Missing > 0 {
		fmt.Fprintf(&b, "  %d rows have a missing value: share missing\n", r.Missing)
	}
	if r.NoTotal > 0 {
		fmt.Fprintf(&b, "  %d rows belong to a group with no value to total: share missing\n", r.NoTotal)
	}
	if r.ZeroTotal > 0 {
		fmt.Fprintf(&b, "  %d rows belong to a group whose total is 0: share missing\n", r.ZeroTotal)
	}
	if r.NotFinite > 0 {
		fmt.Fprintf(&b, "  %d rows give a share that is not a finite number (a total near 0 or an infinite value): share missing\n", r.NotFinite)
	}
	return b.String()
}

// ShareWithReport is Share that also says which shares are missing and
// why: a missing value, a group with no value or a total of 0, or a
// result that is not a finite number. The total of an Int column is
// summed exactly (a total past the int64 range is an error wrapping
// ErrTooLarge).
func ShareWithReport(df dataframe.DataFrame, col, as string, groups ...string) (dataframe.DataFrame, ShareReport, error) {
	const fn = "Share"
	var rep ShareReport
	if err := checkOutName(fn, as, col); err != nil {
		return df, rep, err
	}
	v, err := readNumeric(fn, df, col)
	if err != nil {
		return df, rep, err
	}
	g, err := groupBy(fn, df, groups)
	if err != nil {
		return df, rep, err
	}
	var iv []int64
	if v.isInt() {
		iv = v.ints()
	}
	sum, cnt, isum, overflow := kSum(g.ids, g.n, v.f, v.na, iv)
	if iv != nil {
		if overflow >= 0 {
			return df, rep, fmt.Errorf("analyze: %s: column %q: the total of a group's integers passes the int64 range (±9223372036854775807): %w; convert the column to Float to total it approximately", fn, col, ErrTooLarge)
		}
		for id, s := range isum {
			sum[id] = float64(s)
		}
	}
	rep.Rows = len(v.f)
	out := make([]float64, len(v.f))
	for i, id := range g.ids {
		out[i] = math.NaN()
		switch {
		case v.na[i]:
			rep.Missing++
		case cnt[id] == 0:
			rep.NoTotal++
		case iv != nil && isum[id] == 0 || iv == nil && sum[id] == 0:
			rep.ZeroTotal++
		default:
			x := v.f[i]
			if iv != nil {
				x = float64(iv[i])
			}
			s := 100 * x / sum[id]
			if !finite(s) && finite(sum[id]) {
				s = x / sum[id] * 100 // 100 × x overflows where x / total does not
			}
			if finite(s) && finite(sum[id]) {
				out[i] = s
				rep.Computed++
			} else {
				rep.NotFinite++
			}
		}
	}
	res, err := withColumns(fn, df, floatSeries(as, out))
	return res, rep, err
}
