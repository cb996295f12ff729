package chart

import (
	"fmt"
	"image/color"
	"math"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// maxAutoLabels is the most points Scatter labels when no Highlight is
// given; beyond it only the five highest points are labelled.
const maxAutoLabels = 25

// Labels names the column whose text labels points of a Scatter chart.
func Labels(col string) Option { return func(c *config) { c.labelCol = col } }

// TrendLine adds a least-squares trend line to a Scatter chart and notes
// its slope and r² in the report's alt text.
func TrendLine() Option { return func(c *config) { c.trend = true } }

// Scatter draws one point per row at (x, y), with round axes and light
// gridlines. With Labels, points are named: all of them up to 25 points,
// else the highlighted ones (Highlight) or the five highest. Labels that
// would overlap a previous label are left out. TrendLine adds a
// least-squares line.
//
// Errors: a missing column (ErrNoColumn), a non-numeric column
// (ErrNotNumeric), no rows (ErrEmpty), a missing or infinite value
// (ErrMissing, ErrNotFinite; or SkipMissing), a Highlight label that
// matches no point (ErrNoMatch).
func Scatter(df dataframe.DataFrame, xCol, yCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: Scatter: %w", err)
	}
	xs, err := numbers(df, "Scatter", xCol)
	if err != nil {
		return nil, err
	}
	ys, err := numbers(df, "Scatter", yCol)
	if err != nil {
		return nil, err
	}
	if len(cfg.highlight) > 0 && cfg.labelCol == "" {
		return nil, fmt.Errorf("chart: Scatter: %w: Highlight needs chart.Labels(col) to name the points", ErrArgument)
	}
	var labels []string
	if cfg.labelCol != "" {
		if labels, _, err = texts(df, "Scatter", cfg.labelCol); err != nil {
			return nil, err
		}
		labels = cfg.caseLabels(labels)
	}
	rep := Report{Kind: "scatter", Rows: len(xs), es: isSpanish(cfg)}
	b := &scatterBody{cfg: cfg}
	for i := range xs {
		lbl := ""
		if labels != nil {
			lbl = labels[i]
		}
		for k, v := range []float64{xs[i], ys[i]} {
			if !isFinite(v) {
				col := []string{xCol, yCol}[k]
				if !cfg.skipMissing {
					return nil, checkValue("Scatter", col, i, lbl, v)
				}
				rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: lbl, Reason: reason(v) + " in " + col})
				break
			}
		}
		if !isFinite(xs[i]) || !isFinite(ys[i]) {
			continue
		}
		b.x = append(b.x, xs[i])
		b.y = append(b.y, ys[i])
		b.labels = append(b.labels, lbl)
	}
	if len(b.x) == 0 {
		return nil, fmt.Errorf("chart: Scatter: %w: no row has both %q and %q", ErrEmpty, xCol, yCol)
	}
	rep.Drawn = len(b.x)
	if b.hl, err = highlightMask("Scatter", b.labels, cfg.highlight); err != nil {
		return nil, err
	}
	b.xf = cfg.format
	b.xf.Decimals = Auto
	b.xf.Prefix, b.xf.Suffix, b.xf.Percent = "", "", false
	b.yf = cfg.format.forValues(b.y)
	if cfg.trend {
		b.slope, b.icept, b.r2, b.hasTrend = leastSquares(b.x, b.y)
	}
	return &Chart{kind: "scatter", cfg: cfg, body: b, report: rep, cols: []string{xCol, yCol, cfg.labelCol}}, nil
}

// leastSquares fits y = a + b·x; ok is false when x does not vary.
func leastSquares(x, y []float64) (slope, icept, r2 float64, ok bool) {
	n := float64(len(x))
	var sx, sy float64
	for i := range x {
		sx += x[i]
		sy += y[i]
	}
	mx, my := sx/n, sy/n
	var sxx, sxy, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxx += dx * dx
		sxy += dx * dy
		syy += dy * dy
	}
	if sxx == 0 {
		return 0, 0, 0, false
	}
	slope = sxy / sxx
	icept = my - slope*mx
	if syy > 0 {
		r2 = sxy * sxy / (sxx * syy)
	}
	return slope, icept, r2, true
}

type scatterBody struct {
	cfg              *config
	x, y             []float64
	labels           []string
	hl               []bool
	xf, yf           Format
	slope, icept, r2 float64
	hasTrend         bool
}

func (b *scatterBody) minHeight(r *renderer, w vg.Length) vg.Length { return 0 }

func (b *scatterBody) describe() string {
	kind, pts := "Dispersión", "puntos"
	if !isSpanish(b.cfg) {
		kind, pts = "Scatter", "points"
	}
	s := fmt.Sprintf("%s: %d %s", kind, len(b.x), pts)
	if b.hasTrend {
		f := Format{Locale: b.cfg.locale, Decimals: 3}
		if isSpanish(b.cfg) {
			s += fmt.Sprintf("; tendencia: pendiente %s, r² %s", f.Format(b.slope), f.Format(b.r2))
		} else {
			s += fmt.Sprintf("; trend: slope %s, r² %s", f.Format(b.slope), f.Format(b.r2))
		}
	}
	return s + "."
}

func (b *scatterBody) anyHL() bool {
	for _, h := range b.hl {
		if h {
			return true
		}
	}
	return false
}

// labelled says which points get a text label.
func (b *scatterBody) labelled() []bool {
	out := make([]bool, len(b.x))
	if b.cfg.labelCol == "" {
		return out
	}
	if b.anyHL() {
		copy(out, b.hl)
		return out
	}
	if len(b.x) <= maxAutoLabels {
		for i := range out {
			out[i] = true
		}
		return out
	}
	idx := make([]int, len(b.y))
	for i := range idx {
		idx[i] = i
	}
	for k := 0; k < 5 && k < len(idx); k++ {
		best := k
		for j := k + 1; j < len(idx); j++ {
			if b.y[idx[j]] > b.y[idx[best]] {
				best = j
			}
		}
		idx[k], idx[best] = idx[best], idx[k]
		out[idx[k]] = true
	}
	return out
}

func (b *scatterBody) draw(r *renderer, area vg.Rectangle) {
	th := r.th
	cfg := b.cfg
	xlo, xhi, ylo, yhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := range b.x {
		xlo, xhi = math.Min(xlo, b.x[i]), math.Max(xhi, b.x[i])
		ylo, yhi = math.Min(ylo, b.y[i]), math.Max(yhi, b.y[i])
	}
	for _, rl := range cfg.refs {
		ylo, yhi = math.Min(ylo, rl.value), math.Max(yhi, rl.value)
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
	nt := int((top - bottom) / 30)
	nt = int(math.Max(4, math.Min(8, float64(nt))))
	ya := newValueAxis(ylo, yhi, nt, cfg.yFromZero, b.yf)
	left := area.Min.X + r.widest(ya.labels(), th.LabelSize, false) + 6
	right := area.Max.X - 4
	xa := newValueAxis(xlo, xhi, int(math.Max(3, float64((right-left)/60))), 0, b.xf)
	lastX := xa.labels()
	right -= r.width(lastX[len(lastX)-1], th.LabelSize, false) / 2
	plot := vg.Rectangle{Min: vg.Point{X: left, Y: bottom}, Max: vg.Point{X: right, Y: top}}
	r.drawYGrid(ya, plot, left-6)
	tickY := area.Min.Y + th.LabelSize*0.3
	if cfg.xLabel != "" {
		tickY += r.lineHeight(th.LabelSize)
		r.text((left+right)/2, area.Min.Y+th.LabelSize*0.3, cfg.xLabel, th.LabelSize, false, th.Muted, text.XCenter)
	}
	for _, t := range xa.ticks {
		x := xa.pos(t, left, right)
		r.line(x, bottom, x, bottom-3, 0.8, th.Axis)
		r.text(x, tickY, xa.format.Format(t), th.LabelSize, false, th.Muted, text.XCenter)
	}
	px := func(i int) (vg.Length, vg.Length) {
		return xa.pos(b.x[i], left, right), ya.pos(b.y[i], bottom, top)
	}
	for _, rl := range cfg.refs {
		y := ya.pos(rl.value, bottom, top)
		r.line(left, y, right, y, 0.9, th.Text, 2, 2)
		r.text(left+4, y+3, refText(rl, b.yf), th.ValueSize, false, th.Text, text.XLeft)
	}
	if b.hasTrend {
		x0, x1 := xa.lo, xa.hi
		y0, y1 := b.icept+b.slope*x0, b.icept+b.slope*x1
		pts := []vg.Point{{X: xa.pos(x0, left, right), Y: ya.pos(y0, bottom, top)}, {X: xa.pos(x1, left, right), Y: ya.pos(y1, bottom, top)}}
		clipped := r.clipTo(plot, pts)
		if len(clipped) == 2 {
			r.line(clipped[0].X, clipped[0].Y, clipped[1].X, clipped[1].Y, 1.2, th.Muted, 4, 3)
		}
	}
	anyHL := b.anyHL()
	var fill color.Color = withAlpha(th.Primary, 0xcc)
	for pass := 0; pass < 2; pass++ {
		for i := range b.x {
			if (pass == 1) != (anyHL && b.hl[i]) {
				continue
			}
			col := fill
			if anyHL && !b.hl[i] {
				col = withAlpha(th.Neutral, 0xcc)
			} else if anyHL {
				col = th.Accent
			}
			x, y := px(i)
			r.dot(x, y, 3.2, col)
			r.markDot(x, y, 3.2, b.tip(i))
		}
	}
	// labels with simple collision avoidance
	var taken []vg.Rectangle
	for i := range b.x {
		x, y := px(i)
		taken = append(taken, vg.Rectangle{Min: vg.Point{X: x - 4.5, Y: y - 4.5}, Max: vg.Point{X: x + 4.5, Y: y + 4.5}})
	}
	lab := b.labelled()
	for i := range b.x {
		if !lab[i] || b.labels[i] == "" {
			continue
		}
		x, y := px(i)
		// a long name wraps onto a second line rather than being cut; a
		// name with no room on one line tries two
		bold := anyHL && b.hl[i]
		layouts := [][]string{r.nameLines(b.labels[i], th.ValueSize, bold, (right-left)*0.3)}
		if two := r.nameLines(b.labels[i], th.ValueSize, bold, 0); len(layouts[0]) == 1 && len(two) == 2 {
			layouts = append(layouts, two)
		}
		blocks := func(k int) bool { return k != i }
		placed := false
		for _, lines := range layouts {
			if c, ok := placeScatterLabel(r, lines, bold, x, y, area, bottom, taken, blocks); ok {
				taken, placed = append(taken, c), true
				break
			}
		}
		if !placed && bold {
			// a highlighted name may cover the faded dots rather than
			// go missing
			blocks = func(k int) bool { return k != i && (k >= len(b.x) || b.hl[k]) }
			for _, lines := range layouts {
				if c, ok := placeScatterLabel(r, lines, bold, x, y, area, bottom, taken, blocks); ok {
					taken = append(taken, c)
					break
				}
			}
		}
	}
}

// placeScatterLabel draws a label of one or two lines beside, below or
// above its dot (x, y) in the first place that is inside the plot and
// clear of the dots and labels taken for which blocks(k) holds, and
// returns the place taken.
func placeScatterLabel(r *renderer, lines []string, bold bool, x, y vg.Length, area vg.Rectangle, bottom vg.Length, taken []vg.Rectangle, blocks func(k int) bool) (vg.Rectangle, bool) {
	th := r.th
	w := r.linesWidth(lines, th.ValueSize, bold)
	s := th.ValueSize
	lh := r.lineHeight(s)
	h := s + lh*vg.Length(len(lines)-1)
	mid := y - s*0.36 - lh*vg.Length(len(lines)-1)/2 // bottom of a block centred on the dot
	cands := []vg.Rectangle{
		// a clear gap between dot (radius 3.2) and label
		{Min: vg.Point{X: x + 6.5, Y: mid}, Max: vg.Point{X: x + 6.5 + w, Y: mid + h}},
		{Min: vg.Point{X: x - 6.5 - w, Y: mid}, Max: vg.Point{X: x - 6.5, Y: mid + h}},
		{Min: vg.Point{X: x - w/2, Y: y + 6}, Max: vg.Point{X: x + w/2, Y: y + 6 + h}},
		{Min: vg.Point{X: x - w/2, Y: y - 6 - h}, Max: vg.Point{X: x + w/2, Y: y - 6}},
	}
	aligns := []text.XAlignment{text.XLeft, text.XRight, text.XCenter, text.XCenter}
	for ci, c := range cands {
		if c.Min.X < area.Min.X || c.Max.X > area.Max.X || c.Max.Y > area.Max.Y || c.Min.Y < bottom {
			continue
		}
		free := true
		for k, t := range taken {
			if blocks(k) && overlaps(c, t) {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		tx := []vg.Length{c.Min.X, c.Max.X, (c.Min.X + c.Max.X) / 2, (c.Min.X + c.Max.X) / 2}[ci]
		for k, l := range lines {
			r.text(tx, c.Min.Y+s*0.1+lh*vg.Length(len(lines)-1-k), l, s, bold, th.Text, aligns[ci])
		}
		return c, true
	}
	return vg.Rectangle{}, false
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	// premultiplied
	f := float64(a) / 255
	return color.RGBA{R: uint8(float64(r>>8) * f), G: uint8(float64(g>>8) * f), B: uint8(float64(b>>8) * f), A: a}
}

// clipTo clips a segment to a rectangle (Liang–Barsky).
func (r *renderer) clipTo(rc vg.Rectangle, p []vg.Point) []vg.Point {
	x0, y0, x1, y1 := float64(p[0].X), float64(p[0].Y), float64(p[1].X), float64(p[1].Y)
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, e := range [][2]float64{
		{-dx, x0 - float64(rc.Min.X)}, {dx, float64(rc.Max.X) - x0},
		{-dy, y0 - float64(rc.Min.Y)}, {dy, float64(rc.Max.Y) - y0},
	} {
		pp, q := e[0], e[1]
		if pp == 0 {
			if q < 0 {
				return nil
			}
			continue
		}
		t := q / pp
		if pp < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
	}
	if t0 > t1 {
		return nil
	}
	return []vg.Point{
		{X: vg.Length(x0 + t0*dx), Y: vg.Length(y0 + t0*dy)},
		{X: vg.Length(x0 + t1*dx), Y: vg.Length(y0 + t1*dy)},
	}
}
