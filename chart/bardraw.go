package chart

import (
	"math"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// minBand is the least band height (per bar) for horizontal bars, as a
// multiple of the label size.
const minBand = 1.4

func (b *barBody) refStrip(r *renderer) vg.Length {
	if len(b.cfg.refs) == 0 {
		return 0
	}
	return vg.Length(len(b.cfg.refs))*r.lineHeight(r.th.ValueSize) + 3
}

func (b *barBody) minHeight(r *renderer, w vg.Length) vg.Length {
	if b.columns(r) {
		return 0
	}
	band := r.th.LabelSize * minBand
	// a name wider than its column wraps onto a second line rather than
	// being cut: every band then takes two lines
	for _, l := range b.labels {
		if r.width(l, r.th.LabelSize, false) > w*labelShare(w) {
			band = r.lineHeight(r.th.LabelSize)*2 + 2
			break
		}
	}
	return vg.Length(len(b.values))*band + b.refStrip(r)
}

func (b *barBody) draw(r *renderer, area vg.Rectangle) {
	if b.columns(r) {
		b.drawVertical(r, area)
		return
	}
	b.drawHorizontal(r, area)
}

// columns reports whether the bars are drawn as columns: Vertical was
// asked for and every category name fits under its column at the chart's
// width, wrapped on up to three lines and not cut. Names that do not (32
// states on a phone) would be cut to "…", leaving columns nobody can name,
// so the bars are drawn horizontally instead, where each name has room.
// Dates always fit: they are thinned to every k-th.
func (b *barBody) columns(r *renderer) bool {
	if !b.cfg.vertical {
		return false
	}
	if len(b.labels) == 0 || allDates(b.labels) {
		return true
	}
	wPt, _ := r.cfg.size.points()
	// the band of a column, leaving room for a value axis on the left
	band := (wPt - 2*r.th.Margin) * 0.9 / vg.Length(len(b.labels))
	for _, l := range b.labels {
		lines := r.wrapMax(l, r.th.LabelSize, false, band*0.94, 3)
		if strings.Join(lines, " ") != strings.Join(strings.Fields(safeText(l)), " ") {
			return false
		}
	}
	return true
}

// catLabels lays out category labels in a column of width lw with up to
// maxLines lines each; it returns the lines and the width actually used.
func catLabels(r *renderer, labels []string, size vg.Length, maxW vg.Length, maxLines int) ([][]string, vg.Length) {
	var widest vg.Length
	for _, l := range labels {
		widest = vg.Length(math.Max(float64(widest), float64(r.width(l, size, false))))
	}
	lw := widest
	if lw > maxW {
		lw = maxW
	}
	out := make([][]string, len(labels))
	used := vg.Length(0)
	for i, l := range labels {
		if r.width(l, size, false) <= lw {
			out[i] = []string{l}
		} else {
			out[i] = r.wrapMax(l, size, false, lw, maxLines)
			if bal := r.wrapBalanced(l, size, false, lw); len(bal) <= maxLines {
				out[i] = bal
			}
		}
		for _, line := range out[i] {
			used = vg.Length(math.Max(float64(used), float64(r.width(line, size, false))))
		}
	}
	return out, used
}

func (b *barBody) drawHorizontal(r *renderer, area vg.Rectangle) {
	th := r.th
	n := len(b.values)
	strip := b.refStrip(r)
	top := area.Max.Y - strip
	band := (top - area.Min.Y) / vg.Length(n)
	size := th.LabelSize
	if band < size*1.2 {
		size = vg.Length(math.Max(5, float64(band/1.2)))
	}
	maxLines := 1
	if band >= r.lineHeight(size)*2+2 {
		maxLines = 2
	}
	W := area.Max.X - area.Min.X
	lines, lw := catLabels(r, b.labels, size, W*labelShare(W), maxLines)
	var vw vg.Length
	for i := range b.values {
		_, bold := b.colour(i)
		vw = vg.Length(math.Max(float64(vw), float64(r.width(b.valueLabel(i), th.ValueSize, bold))))
	}
	vw += 6
	lo, hi := b.domain()
	x0 := area.Min.X + lw + 8
	x1 := area.Max.X
	if lo < 0 {
		x0 += vw
	}
	if hi > 0 {
		x1 -= vw
	}
	scale := func(v float64) vg.Length { return x0 + vg.Length((v-lo)/(hi-lo))*(x1-x0) }
	zero := scale(0)
	thick := band * 0.72
	if thick > 28 {
		thick = 28
	}
	type span struct{ lo, hi vg.Length }
	var refX []vg.Length
	for _, rl := range b.cfg.refs {
		refX = append(refX, scale(rl.value))
	}
	// reference lines behind the bars, so a bar reads whole where one passes
	for k, rl := range b.cfg.refs {
		x := refX[k]
		r.line(x, area.Min.Y, x, top+2, 0.9, th.Text, 2, 2)
		lbl := refText(rl, b.format)
		y := area.Max.Y - vg.Length(k+1)*r.lineHeight(th.ValueSize) + 3
		w := r.width(lbl, th.ValueSize, false)
		if x+3+w <= area.Max.X {
			r.text(x+3, y, lbl, th.ValueSize, false, th.Text, text.XLeft)
		} else {
			r.text(x-3, y, lbl, th.ValueSize, false, th.Text, text.XRight)
		}
	}
	for i, v := range b.values {
		yc := top - band*(vg.Length(i)+0.5)
		col, bold := b.colour(i)
		r.fillRect(zero, yc-thick/2, scale(v), yc+thick/2, col)
		r.mark(area.Min.X, yc-band/2, area.Max.X, yc+band/2, b.labels[i]+": "+b.valueLabel(i))
		// category label, centred on the bar
		ls := lines[i]
		lh := r.lineHeight(size)
		base := yc + lh*vg.Length(len(ls)-1)/2 - size*0.36
		for k, l := range ls {
			r.text(area.Min.X+lw, base-lh*vg.Length(k), l, size, bold, th.Text, text.XRight)
		}
	}
	if lo < 0 {
		r.line(zero, area.Min.Y, zero, top, 0.8, th.Axis)
	}
	for i, v := range b.values {
		yc := top - band*(vg.Length(i)+0.5)
		_, bold := b.colour(i)
		lbl := b.valueLabel(i)
		w := r.width(lbl, th.ValueSize, bold)
		vs := th.ValueSize
		if v >= 0 {
			x := scale(v) + 4
			for _, rx := range refX {
				if rx >= x-3 && rx <= x+w+3 {
					x = rx + 4
				}
			}
			r.text(x, yc-vs*0.36, lbl, vs, bold, th.Text, text.XLeft)
		} else {
			x := scale(v) - 4
			for _, rx := range refX {
				if rx <= x+3 && rx >= x-w-3 {
					x = rx - 4
				}
			}
			r.text(x, yc-vs*0.36, lbl, vs, bold, th.Text, text.XRight)
		}
	}
}

func (b *barBody) drawVertical(r *renderer, area vg.Rectangle) {
	th := r.th
	n := len(b.values)
	size := th.LabelSize
	vs := th.ValueSize
	// Value labels on every column when they fit at 6 pt or more; else a
	// value axis with gridlines, and labels only on highlighted columns and
	// the last one.
	band := (area.Max.X - area.Min.X) / vg.Length(n)
	for i := range b.values {
		_, bold := b.colour(i)
		for vs > 6 && r.width(b.valueLabel(i), vs, bold) > band*1.02 {
			vs -= 0.5
		}
	}
	every := true
	for i := range b.values {
		_, bold := b.colour(i)
		if r.width(b.valueLabel(i), vs, bold) > band*1.02 {
			every = false
			break
		}
	}
	lo, hi := b.domain()
	var ya valueAxis
	left := area.Min.X
	if !every {
		vs = th.ValueSize
		ya = newValueAxis(lo, hi, 5, 1, b.format)
		lo, hi = ya.lo, ya.hi
		left += r.widest(ya.labels(), th.LabelSize, false) + 6
		band = (area.Max.X - left) / vg.Length(n)
	}
	// category labels under the columns: wrapped to the band, or for dates
	// that do not fit, every k-th one
	lines := make([][]string, n)
	nl := 1
	step := 1
	if allDates(b.labels) {
		wmax := r.widest(b.labels, size, false)
		for wmax > band*vg.Length(step)*0.9 && step < n {
			step++
		}
	}
	for i, l := range b.labels {
		if step > 1 {
			if i%step == 0 {
				lines[i] = []string{l}
			}
			continue
		}
		lines[i] = r.wrapMax(l, size, false, band*0.94, 3)
		if len(lines[i]) > nl {
			nl = len(lines[i])
		}
	}
	labelH := vg.Length(nl)*r.lineHeight(size) + 2
	y0 := area.Min.Y + labelH
	y1 := area.Max.Y - r.lineHeight(vs)
	if lo < 0 {
		y0 += r.lineHeight(vs)
	}
	scale := func(v float64) vg.Length { return y0 + vg.Length((v-lo)/(hi-lo))*(y1-y0) }
	if !every {
		r.drawYGrid(ya, vg.Rectangle{Min: vg.Point{X: left, Y: y0}, Max: vg.Point{X: area.Max.X, Y: y1}}, left-6)
	}
	zero := scale(0)
	thick := band * 0.72
	// reference lines behind the columns, so a column reads whole where
	// one passes; their labels are drawn over the columns below
	var refY []vg.Length
	for _, rl := range b.cfg.refs {
		y := scale(rl.value)
		refY = append(refY, y)
		r.line(left, y, area.Max.X, y, 0.9, th.Text, 2, 2)
	}
	for i, v := range b.values {
		xc := left + band*(vg.Length(i)+0.5)
		col, bold := b.colour(i)
		r.fillRect(xc-thick/2, zero, xc+thick/2, scale(v), col)
		r.mark(xc-band/2, y0, xc+band/2, y1, b.labels[i]+": "+b.valueLabel(i))
		for k, l := range lines[i] {
			r.text(xc, area.Min.Y+labelH-r.lineHeight(size)*vg.Length(k+1)+size*0.25, l, size, bold, th.Text, text.XCenter)
		}
	}
	r.line(left, zero, area.Max.X, zero, 0.8, th.Axis)
	for k, rl := range b.cfg.refs {
		y := refY[k]
		lbl := refText(rl, b.format)
		w := r.width(lbl, th.ValueSize, false)
		// at the right end, or at the left where the right end would
		// cover a column
		covers := func(x0, x1 vg.Length) bool {
			for j, v := range b.values {
				cx := left + band*(vg.Length(j)+0.5)
				if cx+thick/2 > x0 && cx-thick/2 < x1 && scale(v) > y+1.5 {
					return true
				}
			}
			return false
		}
		if covers(area.Max.X-w-4, area.Max.X) && !covers(left, left+w+4) {
			r.fillRect(left, y+1.5, left+w+4, y+2+th.ValueSize, th.Background)
			r.text(left, y+3, lbl, th.ValueSize, false, th.Text, text.XLeft)
			continue
		}
		r.fillRect(area.Max.X-w-4, y+1.5, area.Max.X, y+2+th.ValueSize, th.Background)
		r.text(area.Max.X, y+3, lbl, th.ValueSize, false, th.Text, text.XRight)
	}
	for i, v := range b.values {
		_, bold := b.colour(i)
		if !every && !(b.hl[i] || i == n-1) {
			continue
		}
		xc := left + band*(vg.Length(i)+0.5)
		lbl := b.valueLabel(i)
		w := r.width(lbl, vs, bold)
		xa := text.XCenter
		if xc+w/2 > area.Max.X {
			xc, xa = area.Max.X, text.XRight
		}
		if v >= 0 {
			// above this column and any neighbour the label spans
			top := scale(v)
			for j := range b.values {
				cx := left + band*(vg.Length(j)+0.5)
				lx0, lx1 := xc-w/2, xc+w/2
				if xa == text.XRight {
					lx0, lx1 = xc-w, xc
				}
				if cx+thick/2 > lx0 && cx-thick/2 < lx1 && b.values[j] > 0 && scale(b.values[j]) > top {
					top = scale(b.values[j])
				}
			}
			y := top + 3
			for _, ry := range refY {
				if ry >= y-2 && ry <= y+vs {
					y = ry + 3
				}
			}
			r.text(xc, y, lbl, vs, bold, th.Text, xa)
		} else {
			r.text(xc, scale(v)-3-vs*0.75, lbl, vs, bold, th.Text, xa)
		}
	}
}
