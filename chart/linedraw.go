package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// lineBody draws one or more lines with direct labels.
type lineBody struct {
	cfg    *config
	lines  []*lineSeries
	ax     xAxis
	anyHL  bool
	format Format
}

func (b *lineBody) minHeight(r *renderer, w vg.Length) vg.Length { return 0 }

func (b *lineBody) describe() string {
	var parts []string
	for i, ls := range b.lines {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("… (%d)", len(b.lines)))
			break
		}
		k := lastFinite(ls.y)
		if k < 0 {
			continue
		}
		s := fmt.Sprintf("%s %s → %s %s", xText(ls.x[0], b.ax, b.cfg), b.format.Format(firstFiniteV(ls.y)),
			xText(ls.x[k], b.ax, b.cfg), b.format.Format(ls.y[k]))
		if ls.name != "" {
			s = ls.name + ": " + s
		}
		parts = append(parts, s)
	}
	kind := "Líneas"
	if !isSpanish(b.cfg) {
		kind = "Lines"
	}
	return kind + ": " + strings.Join(parts, "; ") + "."
}

func lastFinite(y []float64) int {
	for k := len(y) - 1; k >= 0; k-- {
		if isFinite(y[k]) {
			return k
		}
	}
	return -1
}

func firstFiniteV(y []float64) float64 {
	for _, v := range y {
		if isFinite(v) {
			return v
		}
	}
	return math.NaN()
}

// colours returns each line's colour and width and whether it is labelled.
func (b *lineBody) colours() ([]color.Color, []vg.Length, []bool) {
	th := b.cfg.theme
	cols := make([]color.Color, len(b.lines))
	ws := make([]vg.Length, len(b.lines))
	lab := make([]bool, len(b.lines))
	k := 0
	nhl := 0
	for _, ls := range b.lines {
		if ls.hl {
			nhl++
		}
	}
	for i, ls := range b.lines {
		switch {
		case len(b.lines) == 1:
			cols[i], ws[i], lab[i] = th.Primary, 2, true
		case !b.anyHL:
			cols[i], ws[i], lab[i] = th.Palette[i%len(th.Palette)], 1.8, true
		case ls.hl:
			if nhl == 1 {
				cols[i] = th.Accent
			} else {
				cols[i] = th.Palette[k%len(th.Palette)]
			}
			k++
			ws[i], lab[i] = 2, true
		default:
			cols[i], ws[i], lab[i] = th.Neutral, 1.1, len(b.lines) <= maxLines
		}
	}
	return cols, ws, lab
}

func (b *lineBody) draw(r *renderer, area vg.Rectangle) {
	th := r.th
	cfg := b.cfg
	xlo, xhi := math.Inf(1), math.Inf(-1)
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, ls := range b.lines {
		for k, x := range ls.x {
			xlo, xhi = math.Min(xlo, x), math.Max(xhi, x)
			if isFinite(ls.y[k]) {
				ylo, yhi = math.Min(ylo, ls.y[k]), math.Max(yhi, ls.y[k])
			}
		}
	}
	for _, rl := range cfg.refs {
		ylo, yhi = math.Min(ylo, rl.value), math.Max(yhi, rl.value)
	}
	if xlo == xhi {
		xlo, xhi = xlo-1, xhi+1
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
	if nt < 4 {
		nt = 4
	}
	if nt > 8 {
		nt = 8
	}
	ya := newValueAxis(ylo, yhi, nt, cfg.yFromZero, b.format)
	yw := r.widest(ya.labels(), th.LabelSize, false)
	left := area.Min.X + yw + 6

	cols, ws, lab := b.colours()
	// end labels
	type endLabel struct {
		lines []string
		bold  bool
		col   color.Color
		x, y  float64
		w     vg.Length
	}
	var ends []endLabel
	for i, ls := range b.lines {
		k := lastFinite(ls.y)
		if k < 0 || !lab[i] {
			continue
		}
		e := endLabel{col: cols[i], x: ls.x[k], y: ls.y[k], bold: ls.hl || !b.anyHL}
		if len(b.lines) == 1 {
			e.lines = []string{b.format.Format(ls.y[k]), xText(ls.x[k], b.ax, cfg)}
		} else {
			e.lines = []string{ls.name}
		}
		ends = append(ends, e)
	}
	maxEnd := (area.Max.X - left) * 0.3
	var ew vg.Length
	for i := range ends {
		for k, l := range ends[i].lines {
			ends[i].lines[k] = r.truncate(l, th.LabelSize, ends[i].bold, maxEnd)
			if w := r.width(ends[i].lines[k], th.LabelSize, ends[i].bold); w > ew {
				ew = w
			}
		}
	}
	right := area.Max.X - ew - 8
	plot := vg.Rectangle{Min: vg.Point{X: left, Y: bottom}, Max: vg.Point{X: right, Y: top}}
	xpos := func(x float64) vg.Length { return left + vg.Length((x-xlo)/(xhi-xlo))*(right-left) }

	r.drawYGrid(ya, plot, left-6)
	// x ticks
	tickY := area.Min.Y + th.LabelSize*0.3
	if cfg.xLabel != "" {
		tickY += r.lineHeight(th.LabelSize)
		r.text((left+right)/2, area.Min.Y+th.LabelSize*0.3, cfg.xLabel, th.LabelSize, false, th.Muted, text.XCenter)
	}
	maxTicks := int((right - left) / 52)
	if b.ax.dates {
		for _, t := range dateTicks(xlo, xhi, maxTicks, cfg.locale, b.ax.prec) {
			x := xpos(t.at)
			r.line(x, bottom, x, bottom-3, 0.8, th.Axis)
			r.text(x, tickY, t.label, th.LabelSize, false, th.Muted, text.XCenter)
		}
	} else {
		xa := newValueAxis(xlo, xhi, maxTicks, -1, Format{Locale: cfg.locale, Decimals: Auto})
		for _, t := range xa.ticks {
			if t < xlo || t > xhi {
				continue
			}
			x := xpos(t)
			r.line(x, bottom, x, bottom-3, 0.8, th.Axis)
			r.text(x, tickY, xa.format.Format(t), th.LabelSize, false, th.Muted, text.XCenter)
		}
	}
	// reference lines
	for _, rl := range cfg.refs {
		y := ya.pos(rl.value, bottom, top)
		r.line(left, y, right, y, 0.9, th.Text, 2, 2)
		lbl := refText(rl, b.format)
		w := r.width(lbl, th.ValueSize, false)
		r.fillRect(left+2, y+1.5, left+6+w, y+2+th.ValueSize, th.Background)
		r.text(left+4, y+3, lbl, th.ValueSize, false, th.Text, text.XLeft)
	}
	// lines, grey first
	for pass := 0; pass < 2; pass++ {
		for i, ls := range b.lines {
			if (pass == 0) != (b.anyHL && !ls.hl) {
				continue
			}
			var seg []vg.Point
			flush := func() {
				if len(seg) > 1 {
					r.c.StrokeLines(lineStyle(cols[i], ws[i]), seg)
				} else if len(seg) == 1 {
					r.dot(seg[0].X, seg[0].Y, ws[i]*1.2, cols[i])
				}
				seg = nil
			}
			for k, x := range ls.x {
				if !isFinite(ls.y[k]) {
					flush()
					continue
				}
				seg = append(seg, vg.Point{X: xpos(x), Y: ya.pos(ls.y[k], bottom, top)})
				r.markDot(xpos(x), ya.pos(ls.y[k], bottom, top), 3, b.tip(ls, k))
			}
			flush()
		}
	}
	// end labels, de-overlapped
	want := make([]vg.Length, len(ends))
	hs := make([]vg.Length, len(ends))
	for i, e := range ends {
		want[i] = ya.pos(e.y, bottom, top)
		hs[i] = r.lineHeight(th.LabelSize) * vg.Length(len(e.lines))
		r.dot(xpos(e.x), want[i], 2.6, e.col)
	}
	placeLabels(want, hs, bottom, area.Max.Y)
	for i, e := range ends {
		lh := r.lineHeight(th.LabelSize)
		y := want[i] + lh*vg.Length(len(e.lines)-1)/2 - th.LabelSize*0.36
		for k, l := range e.lines {
			bold := e.bold && k == 0
			col := textOn(e.col, th.Background)
			if k > 0 {
				col = th.Muted
			}
			r.text(right+8, y-lh*vg.Length(k), l, th.LabelSize, bold, col, text.XLeft)
		}
	}
}
