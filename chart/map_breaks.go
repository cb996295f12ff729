package chart

import (
	"math"
	"sort"
)

// Breaks sets the class limits of a Choropleth: the values where one
// colour ends and the next begins, in increasing order ("0.5, 1, 2, 5"
// gives five classes, from the lowest value to 0.5 up to 5 and over).
// Limits outside the data are dropped. Without Breaks (or NaturalBreaks)
// a map uses quantiles: as many states in each class.
func Breaks(limits ...float64) Option {
	return func(c *config) {
		for i, v := range limits {
			if math.IsNaN(v) || math.IsInf(v, 0) || (i > 0 && v <= limits[i-1]) {
				c.fail("Breaks(%v): limits must be finite and increasing", limits)
				return
			}
		}
		c.mapBreaks = append([]float64(nil), limits...)
		c.naturalBreaks = false
	}
}

// NaturalBreaks classes a Choropleth by natural breaks (Jenks–Fisher: the
// classes that keep values close to their class's mean), so one state far
// above the rest stands alone in the darkest class instead of sharing it
// with the next four as quantiles would.
func NaturalBreaks() Option {
	return func(c *config) { c.naturalBreaks, c.mapBreaks = true, nil }
}

// LegendTitle writes a title above a Choropleth's colour key, such as the
// unit of its values ("Carpetas por cada 100 mil habitantes").
func LegendTitle(s string) Option { return func(c *config) { c.legendTitle = s } }

// mapClasses returns the class limits of a map, from the lowest value to
// the highest, by the method the options chose.
func mapClasses(sorted []float64, cfg *config) []float64 {
	lo, hi := sorted[0], sorted[len(sorted)-1]
	switch {
	case cfg.mapBreaks != nil:
		out := []float64{lo}
		for _, v := range cfg.mapBreaks {
			if v > lo && v < hi {
				out = append(out, v)
			}
		}
		return append(out, hi)
	case cfg.naturalBreaks:
		return jenks(sorted, 5)
	}
	return classBreaks(sorted, 5)
}

// jenks returns k natural classes of sorted values (Fisher's exact
// optimisation, O(k·n²)): the class limits, lowest value first and highest
// last. Fewer distinct values than k give fewer classes.
func jenks(sorted []float64, k int) []float64 {
	var vals []float64
	for i, v := range sorted {
		if i == 0 || v != sorted[i-1] {
			vals = append(vals, v)
		}
	}
	n := len(vals)
	if n <= k {
		return vals
	}
	// the values themselves count once each per occurrence
	w := make([]float64, n)
	j := 0
	for i := range sorted {
		if i > 0 && sorted[i] != sorted[i-1] {
			j++
		}
		w[j]++
	}
	// prefix sums for the within-class sum of squared deviations
	s1 := make([]float64, n+1)
	s2 := make([]float64, n+1)
	sw := make([]float64, n+1)
	for i, v := range vals {
		s1[i+1] = s1[i] + v*w[i]
		s2[i+1] = s2[i] + v*v*w[i]
		sw[i+1] = sw[i] + w[i]
	}
	ssd := func(a, b int) float64 { // values a..b-1
		c := sw[b] - sw[a]
		m := s1[b] - s1[a]
		return s2[b] - s2[a] - m*m/c
	}
	cost := make([][]float64, k+1)
	from := make([][]int, k+1)
	for c := range cost {
		cost[c] = make([]float64, n+1)
		from[c] = make([]int, n+1)
		for i := range cost[c] {
			cost[c][i] = math.Inf(1)
		}
	}
	cost[0][0] = 0
	for c := 1; c <= k; c++ {
		for b := c; b <= n; b++ {
			for a := c - 1; a < b; a++ {
				if v := cost[c-1][a] + ssd(a, b); v < cost[c][b] {
					cost[c][b], from[c][b] = v, a
				}
			}
		}
	}
	starts := make([]int, 0, k)
	for c, b := k, n; c > 0; c-- {
		a := from[c][b]
		starts = append(starts, a)
		b = a
	}
	sort.Ints(starts)
	out := []float64{vals[0]}
	for _, a := range starts[1:] {
		// the limit sits between the classes, rounded where that keeps
		// them apart
		lim := roundSig((vals[a-1]+vals[a])/2, 2)
		if lim <= vals[a-1] || lim > vals[a] {
			lim = vals[a]
		}
		out = append(out, lim)
	}
	return append(out, vals[n-1])
}
