package chart

import (
	"math"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// valueAxis is a linear axis with round ticks.
type valueAxis struct {
	lo, hi float64
	ticks  []float64
	format Format
}

// newValueAxis fits round ticks around [lo, hi]. fromZero: 1 always
// include zero, -1 never, 0 when the data are one-signed and the nearest
// value is under half the farthest.
func newValueAxis(lo, hi float64, n int, fromZero int, f Format) valueAxis {
	if fromZero == 1 || fromZero == 0 && ((lo >= 0 && lo <= hi/2) || (hi <= 0 && hi >= lo/2)) {
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	if lo == hi {
		d := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-d, hi+d
	}
	ticks, step := niceTicks(lo, hi, n)
	if f.decimals() == Auto || f.Scale == ScaleNone {
		f = f.forStep(step)
	}
	return valueAxis{lo: ticks[0], hi: ticks[len(ticks)-1], ticks: ticks, format: f}
}

func (a valueAxis) labels() []string {
	f := a.format
	if f.Scale == ScaleAuto {
		f = f.forValues(a.ticks)
	}
	out := make([]string, len(a.ticks))
	for i, t := range a.ticks {
		out[i] = f.Format(t)
	}
	if f.Scale == ScaleAuto {
		scaleOnce(out, a.ticks, f)
	}
	return out
}

// scaleOnce writes the scale word of abbreviated ticks once, on the tick
// farthest from zero, when every other tick repeats it: "8,000 mil
// millones" on the top tick and "6,000", "4,000" below it.
func scaleOnce(labels []string, ticks []float64, f Format) {
	loc := f.locale()
	word, far := "", -1
	for i, t := range ticks {
		if t == 0 {
			continue
		}
		w := ""
		for _, cand := range []string{loc.Billion, loc.Millions, loc.Million, loc.Thousand} {
			if cand != "" && strings.Contains(labels[i], " "+cand) {
				w = cand
				break
			}
		}
		if w == "" || (word != "" && w != word) {
			return
		}
		word = w
		if far < 0 || math.Abs(t) > math.Abs(ticks[far]) {
			far = i
		}
	}
	if far < 0 {
		return
	}
	for i := range labels {
		if i != far {
			labels[i] = strings.Replace(labels[i], " "+word, "", 1)
		}
	}
}

// pos maps v to a position between p0 and p1.
func (a valueAxis) pos(v float64, p0, p1 vg.Length) vg.Length {
	return p0 + vg.Length((v-a.lo)/(a.hi-a.lo))*(p1-p0)
}

// widest returns the width of the widest string.
func (r *renderer) widest(ss []string, size vg.Length, bold bool) vg.Length {
	var w vg.Length
	for _, s := range ss {
		if x := r.width(s, size, bold); x > w {
			w = x
		}
	}
	return w
}

// drawYGrid draws light horizontal gridlines at the ticks with labels left
// of the plot, and a darker line at zero.
func (r *renderer) drawYGrid(a valueAxis, plot vg.Rectangle, labelX vg.Length) {
	th := r.th
	labels := a.labels()
	for i, t := range a.ticks {
		y := a.pos(t, plot.Min.Y, plot.Max.Y)
		col := th.Grid
		w := vg.Length(0.6)
		if t == 0 || i == 0 {
			col, w = th.Axis, 0.8
		}
		r.line(plot.Min.X, y, plot.Max.X, y, w, col)
		r.text(labelX, y-th.LabelSize*0.36, labels[i], th.LabelSize, false, th.Muted, text.XRight)
	}
}

// placeLabels spreads label centres so that labels of the given heights do
// not overlap, keeping them between lo and hi where possible. want is
// changed in place.
func placeLabels(want, h []vg.Length, lo, hi vg.Length) {
	n := len(want)
	if n == 0 {
		return
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	// insertion sort by wanted centre (n is small)
	for i := 1; i < n; i++ {
		for j := i; j > 0 && want[idx[j]] < want[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	c := make([]vg.Length, n)
	for k, i := range idx {
		c[k] = want[i]
		if k == 0 {
			if c[k]-h[i]/2 < lo {
				c[k] = lo + h[i]/2
			}
			continue
		}
		p := idx[k-1]
		if min := c[k-1] + (h[p]+h[i])/2; c[k] < min {
			c[k] = min
		}
	}
	for k := n - 1; k >= 0; k-- {
		i := idx[k]
		max := hi - h[i]/2
		if k < n-1 {
			nx := idx[k+1]
			if m := c[k+1] - (h[i]+h[nx])/2; m < max {
				max = m
			}
		}
		if c[k] > max {
			c[k] = max
		}
	}
	for k, i := range idx {
		want[i] = c[k]
	}
}
