package analyze

import (
	"fmt"
	"math"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Grouped is a table split into groups by key columns, ready for Agg. Build
// it with GroupBy.
type Grouped struct {
	df     dataframe.DataFrame
	keys   []string
	sorted bool
}

// GroupBy splits df into groups by the key columns. With no keys the whole
// table is one group and Agg returns one row.
//
// Rows are grouped by the typed values of the keys, never by joined text, so
// ("a_b", "c") and ("a", "b_c") are different groups. A missing key value is
// a group of its own (its key cell is missing in the output) rather than a
// dropped row. Output rows come in order of first appearance in df; call
// Sorted to order them by the keys instead. Errors (a missing column) are
// reported by Agg.
func GroupBy(df dataframe.DataFrame, keys ...string) *Grouped {
	return &Grouped{df: df, keys: append([]string(nil), keys...)}
}

// Sorted returns a copy of g whose Agg output is ordered by the key values,
// ascending (numbers by value, text by byte order, missing last).
func (g *Grouped) Sorted() *Grouped {
	c := *g
	c.sorted = true
	return &c
}

// Keys returns the key column names.
func (g *Grouped) Keys() []string { return append([]string(nil), g.keys...) }

// Agg computes the aggregates for every group and returns one row per group:
// the key columns first (with their original types), then one column per
// aggregate, named as Agg.Name describes. With no aggregates it computes
// Count(). Missing values are skipped by every aggregate except Count and
// Missing, which count them.
//
// Errors: a missing key or value column (ErrNoColumn), a numeric aggregate
// over a column that is not numeric (ErrNotNumeric), a bad quantile
// (ErrArgument), two output columns with the same name (ErrArgument).
func (g *Grouped) Agg(aggs ...Agg) (dataframe.DataFrame, error) {
	if g == nil {
		return dataframe.DataFrame{}, fmt.Errorf("analyze: Agg on a nil *Grouped: %w", ErrArgument)
	}
	const fn = "GroupBy"
	if len(aggs) == 0 {
		aggs = []Agg{Count()}
	}
	if err := checkFrame(fn, g.df); err != nil {
		return dataframe.DataFrame{}, err
	}
	seen := map[string]bool{}
	for _, k := range g.keys {
		if seen[k] {
			return dataframe.DataFrame{}, fmt.Errorf("analyze: %s: key %q given twice: %w", fn, k, ErrArgument)
		}
		seen[k] = true
	}
	for _, a := range aggs {
		if err := a.validate(); err != nil {
			return dataframe.DataFrame{}, err
		}
		if seen[a.Name()] {
			return dataframe.DataFrame{}, fmt.Errorf("analyze: %s: output column %q appears twice (rename one with As): %w", fn, a.Name(), ErrArgument)
		}
		seen[a.Name()] = true
	}
	nrow := g.df.Nrow()
	ev := &evaluator{fn: fn, df: g.df, cache: map[string]*column{}}
	keys, codes, err := ev.prefetch(g.keys, aggs, nrow)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	grp := groupCodes(codes, nrow)
	ev.grp = grp
	order := make([]int, grp.n)
	for i := range order {
		order[i] = i
	}
	if g.sorted {
		order = sortedOrder(grp, keys)
	}
	cols := make([]series.Series, 0, len(keys)+len(aggs))
	firstRows := make([]int, grp.n)
	for k, gi := range order {
		firstRows[k] = grp.first[gi]
	}
	for _, k := range keys {
		cols = append(cols, k.gather(k.name, firstRows))
	}
	for _, a := range aggs {
		s, err := ev.eval(a, order)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		cols = append(cols, s)
	}
	return newFrame(fn, cols...)
}

// evaluator computes aggregates over one grouping, reading each column once.
type evaluator struct {
	fn     string
	df     dataframe.DataFrame
	grp    grouping
	cache  map[string]*column
	failed map[string]error // numeric reads that failed in prefetch
	raw    map[string]*column
	qs     map[string]map[float64][]float64
}

func (e *evaluator) numeric(name string) (*column, error) {
	if c, ok := e.cache[name]; ok {
		return c, nil
	}
	if err, ok := e.failed[name]; ok {
		return nil, err
	}
	c, err := readNumeric(e.fn, e.df, name)
	if err != nil {
		return nil, err
	}
	e.cache[name] = c
	return c, nil
}

func (e *evaluator) any(name string) (*column, error) {
	if c, ok := e.cache[name]; ok {
		return c, nil
	}
	if e.raw == nil {
		e.raw = map[string]*column{}
	}
	if c, ok := e.raw[name]; ok {
		return c, nil
	}
	c, err := readColumn(e.fn, e.df, name)
	if err != nil {
		return nil, err
	}
	e.raw[name] = c
	return c, nil
}

func (e *evaluator) eval(a Agg, order []int) (series.Series, error) {
	ids, n := e.grp.ids, e.grp.n
	name := a.Name()
	if a.kind == aggCount {
		return intOut(name, kCount(ids, n), nil, order), nil
	}
	if !a.needsNumber() {
		c, err := e.any(a.col)
		if err != nil {
			return series.Series{}, err
		}
		if a.kind == aggMissing {
			return intOut(name, kMissing(ids, n, c.na), nil, order), nil
		}
		return intOut(name, kDistinct(ids, n, factorize(c), c.na), nil, order), nil
	}
	c, err := e.numeric(a.col)
	if err != nil {
		return series.Series{}, err
	}
	switch a.kind {
	case aggSum:
		var iv []int64
		if c.isInt() {
			iv = c.ints()
		}
		sum, cnt, isum, overflow := kSum(ids, n, c.f, c.na, iv)
		na := make([]bool, n)
		for g := range na {
			na[g] = cnt[g] == 0
		}
		if iv != nil {
			if overflow >= 0 {
				return series.Series{}, fmt.Errorf("analyze: %s: Sum(%q): the sum of a group's integers passes the int64 range (±9223372036854775807): %w; convert the column to Float to sum it approximately", e.fn, a.col, ErrTooLarge)
			}
			return intOut(name, isum, na, order), nil
		}
		for g := range sum {
			if na[g] {
				sum[g] = math.NaN()
			}
		}
		return floatOut(name, sum, order), nil
	case aggMean:
		return floatOut(name, kMean(ids, n, c.f, c.na), order), nil
	case aggMin, aggMax:
		if c.isInt() {
			iv, na := kMinMaxInt(ids, n, c.ints(), c.na, a.kind == aggMax)
			return intOut(name, iv, na, order), nil
		}
		return floatOut(name, kMinMax(ids, n, c.f, c.na, a.kind == aggMax), order), nil
	case aggStd:
		return floatOut(name, kStd(ids, n, c.f, c.na), order), nil
	case aggMedian, aggQuantile:
		return floatOut(name, e.quantile(c, a.q), order), nil
	}
	w, err := e.numeric(a.weight)
	if err != nil {
		return series.Series{}, err
	}
	switch a.kind {
	case aggWSum, aggWMean:
		swv, sw, cnt := kWeighted(ids, n, c.f, w.f, c.na, w.na)
		for g := range swv {
			switch {
			case cnt[g] == 0:
				swv[g] = math.NaN()
			case a.kind == aggWMean:
				swv[g] /= sw[g]
			}
		}
		return floatOut(name, swv, order), nil
	}
	return floatOut(name, kWQuantile(ids, n, c.f, w.f, c.na, w.na, a.q), order), nil
}

// quantile computes (and caches) one quantile of c for every group.
func (e *evaluator) quantile(c *column, q float64) []float64 {
	if e.qs == nil {
		e.qs = map[string]map[float64][]float64{}
	}
	if v, ok := e.qs[c.name][q]; ok {
		return v
	}
	v := kQuantiles(e.grp.ids, e.grp.n, c.f, c.na, []float64{q})[0]
	if e.qs[c.name] == nil {
		e.qs[c.name] = map[float64][]float64{}
	}
	e.qs[c.name][q] = v
	return v
}

// intOut builds an Int series from per-group values in the given order.
func intOut(name string, v []int64, na []bool, order []int) series.Series {
	out := make([]int, len(order))
	var mask []bool
	if na != nil {
		mask = make([]bool, len(order))
	}
	for k, g := range order {
		out[k] = int(v[g])
		if na != nil {
			mask[k] = na[g]
		}
	}
	return frame.Ints(name, out, mask)
}

// floatOut builds a Float series (NaN missing) in the given order.
func floatOut(name string, v []float64, order []int) series.Series {
	out := make([]float64, len(order))
	for k, g := range order {
		out[k] = v[g]
	}
	return floatSeries(name, out)
}
