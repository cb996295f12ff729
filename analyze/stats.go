package analyze

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// OutlierMethod chooses how Outliers finds unusual values.
type OutlierMethod int

const (
	// IQR flags values below Q1 − k×IQR or above Q3 + k×IQR (Tukey's
	// fences; k defaults to 1.5).
	IQR OutlierMethod = iota
	// ZScore flags values more than k standard deviations from the mean
	// (k defaults to 3).
	ZScore
	// MAD flags values whose modified z-score 0.6745×|x − median| / MAD
	// exceeds k (Iglewicz and Hoaglin; k defaults to 3.5). Robust to the
	// outliers themselves.
	MAD
)

// String names the method.
func (m OutlierMethod) String() string {
	switch m {
	case IQR:
		return "IQR"
	case ZScore:
		return "z-score"
	case MAD:
		return "MAD"
	}
	return fmt.Sprintf("OutlierMethod(%d)", int(m))
}

// OutlierOptions tunes Outliers. The zero value is IQR with k = 1.5.
type OutlierOptions struct {
	Method OutlierMethod
	K      float64  // threshold; zero means the method's default
	Groups []string // judge each value within its group of these keys
	As     string   // flag column; empty means "<col>_outlier"
}

// OutlierReport lists what Outliers found.
type OutlierReport struct {
	Method  OutlierMethod
	K       float64
	Checked int       // non-missing values examined
	Missing int       // missing values (flag missing)
	Flagged int       // values flagged
	Rows    []int     // 1-based rows flagged (first 20)
	Values  []float64 // their values
}

// String prints the report as a short block.
func (r OutlierReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "outliers (%s, k=%g): %d of %d values flagged, %d missing\n", r.Method, r.K, r.Flagged, r.Checked, r.Missing)
	for i, row := range r.Rows {
		fmt.Fprintf(&b, "  row %d: %g\n", row, r.Values[i])
	}
	if r.Flagged > len(r.Rows) {
		fmt.Fprintf(&b, "  and %d more\n", r.Flagged-len(r.Rows))
	}
	return b.String()
}

// Outliers adds a Bool column "<col>_outlier" flagging unusual values by the
// method (IQR, ZScore or MAD) with its default threshold. Missing values get
// a missing flag. A group whose spread is 0 (IQR, standard deviation or MAD
// of 0, as when most values are equal) flags nothing. Nothing is removed:
// filter on the flag if you must.
func Outliers(df dataframe.DataFrame, col string, method OutlierMethod) (dataframe.DataFrame, OutlierReport, error) {
	return OutlierOptions{Method: method}.Outliers(df, col)
}

// Outliers is Outliers with these options.
func (o OutlierOptions) Outliers(df dataframe.DataFrame, col string) (dataframe.DataFrame, OutlierReport, error) {
	const fn = "Outliers"
	k := o.K
	switch o.Method {
	case IQR:
		if k == 0 {
			k = 1.5
		}
	case ZScore:
		if k == 0 {
			k = 3
		}
	case MAD:
		if k == 0 {
			k = 3.5
		}
	default:
		return df, OutlierReport{}, fmt.Errorf("analyze: %s: unknown method %d: %w", fn, o.Method, ErrArgument)
	}
	rep := OutlierReport{Method: o.Method, K: k}
	if !(k > 0) {
		return df, rep, fmt.Errorf("analyze: %s: k = %v, want > 0: %w", fn, k, ErrArgument)
	}
	name := o.As
	if name == "" {
		name = col + "_outlier"
	}
	v, err := readNumeric(fn, df, col)
	if err != nil {
		return df, rep, err
	}
	g, err := groupBy(fn, df, o.Groups)
	if err != nil {
		return df, rep, err
	}
	lo := make([]float64, g.n)
	hi := make([]float64, g.n)
	switch o.Method {
	case IQR:
		q := kQuantiles(g.ids, g.n, v.f, v.na, []float64{0.25, 0.75})
		for i := range lo {
			iqr := q[1][i] - q[0][i]
			lo[i], hi[i] = q[0][i]-k*iqr, q[1][i]+k*iqr
		}
	case ZScore:
		mean := kMean(g.ids, g.n, v.f, v.na)
		sd := kStd(g.ids, g.n, v.f, v.na)
		for i := range lo {
			lo[i], hi[i] = mean[i]-k*sd[i], mean[i]+k*sd[i]
		}
	case MAD:
		med := kQuantiles(g.ids, g.n, v.f, v.na, []float64{0.5})[0]
		dev := make([]float64, len(v.f))
		for i, id := range g.ids {
			dev[i] = math.Abs(v.f[i] - med[id])
		}
		mad := kQuantiles(g.ids, g.n, dev, v.na, []float64{0.5})[0]
		for i := range lo {
			lo[i], hi[i] = med[i]-k*mad[i]/0.6745, med[i]+k*mad[i]/0.6745
		}
	}
	flag := make([]bool, len(v.f))
	na := make([]bool, len(v.f))
	for i, id := range g.ids {
		if v.na[i] {
			na[i] = true
			rep.Missing++
			continue
		}
		rep.Checked++
		// A spread of 0 (or NaN from one value) flags nothing.
		if math.IsNaN(lo[id]) || lo[id] == hi[id] {
			continue
		}
		if v.f[i] < lo[id] || v.f[i] > hi[id] {
			flag[i] = true
			rep.Flagged++
			if len(rep.Rows) < 20 {
				rep.Rows = append(rep.Rows, i+1)
				rep.Values = append(rep.Values, v.f[i])
			}
		}
	}
	out, err := withColumns(fn, df, frame.Bools(name, flag, na))
	return out, rep, err
}

// pairs returns the rows where both x and y are present.
func pairs(fn string, df dataframe.DataFrame, x, y string) ([]float64, []float64, error) {
	a, err := readNumeric(fn, df, x)
	if err != nil {
		return nil, nil, err
	}
	b, err := readNumeric(fn, df, y)
	if err != nil {
		return nil, nil, err
	}
	var xs, ys []float64
	for i := range a.f {
		if !a.na[i] && !b.na[i] {
			xs = append(xs, a.f[i])
			ys = append(ys, b.f[i])
		}
	}
	return xs, ys, nil
}

// Pearson is the Pearson correlation of columns x and y over the rows where
// both are present; n is how many rows that is. Fewer than 3 pairs or a
// column with no variation gives NaN.
func Pearson(df dataframe.DataFrame, x, y string) (r float64, n int, err error) {
	xs, ys, err := pairs("Pearson", df, x, y)
	if err != nil {
		return math.NaN(), 0, err
	}
	return pearson(xs, ys), len(xs), nil
}

// Spearman is the Spearman rank correlation (Pearson on average ranks) of x
// and y over the rows where both are present.
func Spearman(df dataframe.DataFrame, x, y string) (rho float64, n int, err error) {
	xs, ys, err := pairs("Spearman", df, x, y)
	if err != nil {
		return math.NaN(), 0, err
	}
	return pearson(avgRanks(xs), avgRanks(ys)), len(xs), nil
}

func avgRanks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	out := make([]float64, len(v))
	for s := 0; s < len(idx); {
		e := s + 1
		for e < len(idx) && v[idx[e]] == v[idx[s]] {
			e++
		}
		r := float64(s+1+e) / 2
		for _, i := range idx[s:e] {
			out[i] = r
		}
		s = e
	}
	return out
}

func pearson(x, y []float64) float64 {
	n := len(x)
	if n < 3 {
		return math.NaN()
	}
	mx, my := 0.0, 0.0
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	sxy, sxx, syy := 0.0, 0.0, 0.0
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// TrendResult is a least-squares line y = Intercept + Slope × x.
type TrendResult struct {
	Slope     float64 // change in y per unit of x: per year, quarter, month or day for dates
	Intercept float64 // y at x = 0 (for dates, at the origin of the ordinal)
	R2        float64 // share of the variance of y the line explains
	N         int     // points used (rows with both values)
	Unit      string  // unit of x: "year", "quarter", "month", "day" or "" for numbers
	// NotFinite counts rows left out because x or y is ±Inf.
	NotFinite int
}

// String prints the trend in one line.
func (t TrendResult) String() string {
	unit := t.Unit
	if unit == "" {
		unit = "unit of x"
	}
	if !finite(t.Slope) || !finite(t.Intercept) {
		return fmt.Sprintf("trend: no line (n %d: fewer than 2 points, no variation in x, or values too large to fit)", t.N)
	}
	return fmt.Sprintf("trend: slope %.6g per %s, intercept %.6g, r² %.4f, n %d", t.Slope, unit, t.Intercept, t.R2, t.N)
}

// Trend fits a least-squares line of y on x over the rows where both are
// present. x may be numeric or ISO dates: years ("2024") count in years,
// quarters ("2024-Q3") in quarters, months ("2024-10") in months and days
// in days, so Slope is the change per period. Dates of mixed precision are an error. Fewer than 2 points or no
// variation in x gives NaN results, and so does a line whose slope or
// intercept is beyond float64 (values near ±1e308); rows where x or y is
// ±Inf are left out and counted in NotFinite.
func Trend(df dataframe.DataFrame, x, y string) (TrendResult, error) {
	const fn = "Trend"
	res := TrendResult{Slope: math.NaN(), Intercept: math.NaN(), R2: math.NaN()}
	xc, err := readColumn(fn, df, x)
	if err != nil {
		return res, err
	}
	yc, err := readNumeric(fn, df, y)
	if err != nil {
		return res, err
	}
	var xs, ys []float64
	var prec precision
	for i := range yc.f {
		if xc.na[i] || yc.na[i] {
			continue
		}
		xv := xc.f
		var val float64
		if xc.s != nil {
			d, err := parseISO(xc.s[i])
			if err != nil {
				return res, fmt.Errorf("analyze: %s: column %q row %d: %w", fn, x, i+1, err)
			}
			if prec != 0 && d.prec != prec {
				return res, fmt.Errorf("analyze: %s: column %q row %d: %q mixes date precisions: %w", fn, x, i+1, xc.s[i], ErrBadDate)
			}
			prec = d.prec
			val = d.ordinal()
		} else {
			val = xv[i]
		}
		if !finite(val) || !finite(yc.f[i]) {
			res.NotFinite++
			continue
		}
		xs = append(xs, val)
		ys = append(ys, yc.f[i])
	}
	res.Unit = map[precision]string{precYear: "year", precQuarter: "quarter", precMonth: "month", precDay: "day"}[prec]
	res.N = len(xs)
	if len(xs) < 2 {
		return res, nil
	}
	// Fit on values scaled into [-1, 1] so that sums of squares of values
	// near ±1e308 do not overflow; R² does not change with the scale.
	sx, sy := maxAbs(xs), maxAbs(ys)
	if sx == 0 {
		return res, nil
	}
	if sy == 0 {
		sy = 1
	}
	n := float64(len(xs))
	mx, my := 0.0, 0.0
	for i := range xs {
		mx += xs[i] / sx
		my += ys[i] / sy
	}
	mx /= n
	my /= n
	sxy, sxx, syy := 0.0, 0.0, 0.0
	for i := range xs {
		dx, dy := xs[i]/sx-mx, ys[i]/sy-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 {
		return res, nil
	}
	b := sxy / sxx
	slope, icept := b*(sy/sx), (my-b*mx)*sy
	if !finite(slope) || !finite(icept) {
		return res, nil
	}
	res.Slope, res.Intercept = slope, icept
	if syy > 0 {
		res.R2 = sxy * sxy / (sxx * syy)
	} else {
		res.R2 = 1
	}
	return res, nil
}

// maxAbs is the power of two at or above the largest magnitude in v (0 for
// none): dividing by it is exact, so scaled fits give the same digits.
func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	if m == 0 {
		return 0
	}
	_, exp := math.Frexp(m)
	if exp > 1023 {
		exp = 1023 // 2^1024 is not a float64; values then scale into (-2, 2)
	}
	return math.Ldexp(1, exp)
}
