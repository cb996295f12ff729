package chart

import (
	"fmt"
	"math"
	"sort"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// maxBins is the most bins Histogram draws.
const maxBins = 100

// Bins fixes the number of histogram bins (1 to 100). By default, and with
// Bins(0), the bin width is chosen by the Freedman–Diaconis rule and
// rounded to 1, 2, 2.5 or 5 times a power of ten, so that bin edges are
// round numbers.
func Bins(n int) Option {
	return func(c *config) {
		if n < 0 || n > maxBins {
			c.fail("Bins(%d): want 0 (automatic) to %d", n, maxBins)
			return
		}
		c.bins = n
	}
}

// Histogram counts the values of col in bins of equal width and draws the
// counts as touching columns over a value axis. Bins include their lower
// edge and exclude the upper one, except the last.
//
// Errors: a missing column (ErrNoColumn), a non-numeric column
// (ErrNotNumeric), no values (ErrEmpty), a missing or infinite value
// (ErrMissing, ErrNotFinite; or SkipMissing).
func Histogram(df dataframe.DataFrame, col string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: Histogram: %w", err)
	}
	vs, err := numbers(df, "Histogram", col)
	if err != nil {
		return nil, err
	}
	rep := Report{Kind: "histogram", Rows: len(vs), es: isSpanish(cfg)}
	var xs []float64
	for i, v := range vs {
		if !isFinite(v) {
			if !cfg.skipMissing {
				return nil, checkValue("Histogram", col, i, fmt.Sprintf("row %d", i+1), v)
			}
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Reason: reason(v)})
			continue
		}
		xs = append(xs, v)
	}
	if len(xs) == 0 {
		return nil, fmt.Errorf("chart: Histogram: %w: column %q has %d rows and none has a value", ErrEmpty, col, len(vs))
	}
	rep.Drawn = len(xs)
	edges := binEdges(xs, cfg.bins)
	counts := make([]int, len(edges)-1)
	for _, v := range xs {
		k := sort.SearchFloat64s(edges, v)
		// edges[k-1] <= v < edges[k], or v == edges[k]
		if k < len(edges) && edges[k] == v {
			k++
		}
		k--
		if k >= len(counts) {
			k = len(counts) - 1
		}
		if k < 0 {
			k = 0
		}
		counts[k]++
	}
	b := &histBody{cfg: cfg, edges: edges, counts: counts, n: len(xs)}
	b.xf = cfg.format
	b.xf.Decimals = Auto
	return &Chart{kind: "histogram", cfg: cfg, body: b, report: rep, cols: []string{col}}, nil
}

// binEdges returns round, equally spaced bin edges covering xs. With
// bins > 0 there are exactly that many bins between min and max.
func binEdges(xs []float64, bins int) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range xs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if lo == hi {
		return []float64{lo - 0.5, lo + 0.5}
	}
	if bins > 0 {
		w := (hi - lo) / float64(bins)
		e := make([]float64, bins+1)
		for i := range e {
			e[i] = lo + w*float64(i)
		}
		e[bins] = hi
		return e
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	q := func(p float64) float64 {
		pos := p * float64(len(s)-1)
		i := int(pos)
		if i+1 >= len(s) {
			return s[len(s)-1]
		}
		return s[i] + (s[i+1]-s[i])*(pos-float64(i))
	}
	iqr := q(0.75) - q(0.25)
	w := 2 * iqr / math.Cbrt(float64(len(s)))
	if w <= 0 {
		w = (hi - lo) / math.Max(1, math.Ceil(math.Log2(float64(len(s)))+1)) // Sturges
	}
	n := (hi - lo) / w
	if n > 40 {
		w = (hi - lo) / 40
	}
	if n < 5 {
		w = (hi - lo) / 5
	}
	// round the width to 1, 2, 2.5, 5 × 10^k
	mag := math.Pow(10, math.Floor(math.Log10(w)))
	best := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if math.Abs(math.Log(m*mag/w)) < math.Abs(math.Log(best/w)) {
			best = m * mag
		}
	}
	w = best
	start := math.Floor(lo/w) * w
	var e []float64
	for x := start; ; x += w {
		e = append(e, math.Round(x/w)*w)
		if x > hi || len(e) > maxBins+1 {
			break
		}
	}
	return e
}

type histBody struct {
	cfg    *config
	edges  []float64
	counts []int
	n      int
	xf     Format
}

func (b *histBody) minHeight(r *renderer, w vg.Length) vg.Length { return 0 }

func (b *histBody) describe() string {
	kind, vals := "Histograma", "valores"
	if !isSpanish(b.cfg) {
		kind, vals = "Histogram", "values"
	}
	return fmt.Sprintf("%s: %d %s en %d intervalos de %s a %s.", kind, b.n, vals, len(b.counts),
		b.xf.Format(b.edges[0]), b.xf.Format(b.edges[len(b.edges)-1]))
}

func (b *histBody) draw(r *renderer, area vg.Rectangle) {
	th := r.th
	cfg := b.cfg
	maxC := 0.0
	for _, c := range b.counts {
		maxC = math.Max(maxC, float64(c))
	}
	top := area.Max.Y - th.LabelSize*0.5
	if cfg.yLabel != "" {
		r.text(area.Min.X, area.Max.Y-th.LabelSize*0.8, cfg.yLabel, th.LabelSize, false, th.Muted, text.XLeft)
		top -= r.lineHeight(th.LabelSize)
	}
	bottom := area.Min.Y + r.lineHeight(th.LabelSize) + 5
	if cfg.xLabel != "" {
		bottom += r.lineHeight(th.LabelSize)
	}
	nt := int(math.Max(4, math.Min(7, float64((top-bottom)/30))))
	ya := newValueAxis(0, math.Max(maxC, 1), nt, 1, Format{Locale: cfg.locale, Decimals: Whole})
	// counts are whole: drop fractional ticks
	var ticks []float64
	for _, t := range ya.ticks {
		if t == math.Trunc(t) {
			ticks = append(ticks, t)
		}
	}
	ya.ticks = ticks
	left := area.Min.X + r.widest(ya.labels(), th.LabelSize, false) + 6
	xa := newValueAxis(b.edges[0], b.edges[len(b.edges)-1], 6, -1, b.xf)
	right := area.Max.X - r.width(xa.format.Format(b.edges[len(b.edges)-1]), th.LabelSize, false)/2
	plot := vg.Rectangle{Min: vg.Point{X: left, Y: bottom}, Max: vg.Point{X: right, Y: top}}
	r.drawYGrid(ya, plot, left-6)
	lo, hi := b.edges[0], b.edges[len(b.edges)-1]
	xpos := func(v float64) vg.Length { return left + vg.Length((v-lo)/(hi-lo))*(right-left) }
	for _, rl := range cfg.refs {
		if rl.value >= lo && rl.value <= hi {
			x := xpos(rl.value)
			r.line(x, bottom, x, top, 0.9, th.Text, 2, 2)
		}
	}
	for k, c := range b.counts {
		if c == 0 {
			continue
		}
		x0, x1 := xpos(b.edges[k]), xpos(b.edges[k+1])
		r.fillRect(x0+0.5, bottom, x1-0.5, ya.pos(float64(c), bottom, top), th.Primary)
		r.mark(x0, bottom, x1, top, b.xf.Format(b.edges[k])+"–"+b.xf.Format(b.edges[k+1])+": "+Format{Locale: b.cfg.locale, Decimals: Whole}.Format(float64(c)))
	}
	r.line(left, bottom, right, bottom, 0.8, th.Axis)
	tickY := area.Min.Y + th.LabelSize*0.3
	if cfg.xLabel != "" {
		tickY += r.lineHeight(th.LabelSize)
		r.text((left+right)/2, area.Min.Y+th.LabelSize*0.3, cfg.xLabel, th.LabelSize, false, th.Muted, text.XCenter)
	}
	// ticks at the bin edges, every one when their labels fit, else every
	// second, third…, so a reader sees where each bar starts and ends
	ef := b.xf.forValues(b.edges)
	var widest vg.Length
	for _, e := range b.edges {
		widest = vg.Length(math.Max(float64(widest), float64(r.width(ef.Format(e), th.LabelSize, false))))
	}
	binW := (right - left) / vg.Length(len(b.counts))
	every := 1
	for binW*vg.Length(every) < widest+6 && every < len(b.edges) {
		every++
	}
	for k, e := range b.edges {
		if k%every != 0 {
			continue
		}
		x := xpos(e)
		r.line(x, bottom, x, bottom-3, 0.8, th.Axis)
		r.text(x, tickY, ef.Format(e), th.LabelSize, false, th.Muted, text.XCenter)
	}
	for _, rl := range cfg.refs {
		if rl.value < lo || rl.value > hi {
			continue
		}
		x := xpos(rl.value)
		lbl := refText(rl, b.xf)
		if x+3+r.width(lbl, th.ValueSize, false) <= area.Max.X {
			r.text(x+3, top-th.ValueSize, lbl, th.ValueSize, false, th.Text, text.XLeft)
		} else {
			r.text(x-3, top-th.ValueSize, lbl, th.ValueSize, false, th.Text, text.XRight)
		}
	}
}
