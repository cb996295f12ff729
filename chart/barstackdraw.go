package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// multiBody draws grouped or stacked bars.
type multiBody struct {
	cfg    *config
	cats   []string
	series []string
	vals   [][]float64 // [category][series], NaN for absent
	format Format
	// highlighted categories or series (barstack_highlight.go); nil when
	// Highlight names none of them
	hlCat, hlSeries []bool
}

func (b *multiBody) key() []keyItem {
	out := make([]keyItem, len(b.series))
	for s, n := range b.series {
		out[s] = keyItem{label: n, col: b.colour(s)}
	}
	return out
}

func (b *multiBody) colour(s int) color.Color {
	p := b.cfg.theme.Palette
	return p[s%len(p)]
}

func (b *multiBody) describe() string {
	var parts []string
	for c, name := range b.cats {
		if c == 3 {
			parts = append(parts, fmt.Sprintf("… (%d)", len(b.cats)))
			break
		}
		var segs []string
		for s, v := range b.vals[c] {
			if !math.IsNaN(v) {
				segs = append(segs, b.series[s]+" "+b.format.Format(v))
			}
		}
		parts = append(parts, name+": "+strings.Join(segs, ", "))
	}
	kind := "Barras por " + strings.Join(b.series, ", ")
	if !isSpanish(b.cfg) {
		kind = "Bars by " + strings.Join(b.series, ", ")
	}
	return kind + ". " + strings.Join(parts, "; ") + "."
}

func (b *multiBody) minHeight(r *renderer, w vg.Length) vg.Length {
	if b.cfg.vertical {
		return 0
	}
	per := r.th.LabelSize * minBand
	if b.cfg.stack == stackGrouped {
		per = vg.Length(len(b.series))*r.th.ValueSize*1.15 + r.th.LabelSize*0.6
	}
	return vg.Length(len(b.cats)) * per
}

func (b *multiBody) total(c int) float64 {
	t := 0.0
	for _, v := range b.vals[c] {
		if !math.IsNaN(v) {
			t += v
		}
	}
	return t
}

// outside returns the labels written past the bar ends.
func (b *multiBody) outside() []string {
	var out []string
	for c := range b.cats {
		switch b.cfg.stack {
		case stackGrouped:
			for _, v := range b.vals[c] {
				if !math.IsNaN(v) {
					out = append(out, b.format.Format(v))
				}
			}
		case stackStacked:
			out = append(out, b.format.Format(b.total(c)))
		}
	}
	return out
}

// readableOn returns dark or white text for a fill colour.
func readableOn(c color.Color, th Theme) color.Color {
	return pickOn(c, th)
}

func (b *multiBody) draw(r *renderer, area vg.Rectangle) {
	th := r.th
	cfg := b.cfg
	n, k := len(b.cats), len(b.series)
	lo, hi := 0.0, 0.0
	for c := range b.cats {
		switch cfg.stack {
		case stackGrouped:
			for _, v := range b.vals[c] {
				if !math.IsNaN(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		case stackStacked:
			hi = math.Max(hi, b.total(c))
		default:
			hi = 100
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	vw := r.widest(b.outside(), th.ValueSize, false) + 6
	vert := cfg.vertical
	var cLo, cHi, vLo, vHi vg.Length // category and value ranges on the canvas
	var catText func(i int, pos vg.Length)
	if !vert {
		band := (area.Max.Y - area.Min.Y) / vg.Length(n)
		maxLines := 1
		if band >= r.lineHeight(th.LabelSize)*2+2 {
			maxLines = 2
		}
		lines, lw := catLabels(r, b.cats, th.LabelSize, (area.Max.X-area.Min.X)*0.35, maxLines)
		cLo, cHi = area.Max.Y, area.Min.Y
		vLo, vHi = area.Min.X+lw+8, area.Max.X
		if cfg.stack != stackPercent {
			vHi -= vw
		}
		if lo < 0 {
			vLo += vw
		}
		catText = func(i int, pos vg.Length) {
			lh := r.lineHeight(th.LabelSize)
			base := pos + lh*vg.Length(len(lines[i])-1)/2 - th.LabelSize*0.36
			for j, l := range lines[i] {
				r.text(area.Min.X+lw, base-lh*vg.Length(j), l, th.LabelSize, b.catBold(i), th.Text, text.XRight)
			}
		}
	} else {
		band := (area.Max.X - area.Min.X) / vg.Length(n)
		lines := make([][]string, n)
		nl := 1
		for i, l := range b.cats {
			lines[i] = r.wrapMax(l, th.LabelSize, false, band*0.94, 3)
			if len(lines[i]) > nl {
				nl = len(lines[i])
			}
		}
		labelH := vg.Length(nl)*r.lineHeight(th.LabelSize) + 2
		cLo, cHi = area.Min.X, area.Max.X
		vLo, vHi = area.Min.Y+labelH, area.Max.Y-r.lineHeight(th.ValueSize)
		if lo < 0 {
			vLo += r.lineHeight(th.ValueSize)
		}
		catText = func(i int, pos vg.Length) {
			for j, l := range lines[i] {
				r.text(pos, area.Min.Y+labelH-r.lineHeight(th.LabelSize)*vg.Length(j+1)+th.LabelSize*0.25, l, th.LabelSize, b.catBold(i), th.Text, text.XCenter)
			}
		}
	}
	band := (cHi - cLo) / vg.Length(n)
	vpos := func(v float64) vg.Length { return vLo + vg.Length((v-lo)/(hi-lo))*(vHi-vLo) }
	rect := func(c0, c1, v0, v1 vg.Length, col color.Color, tip string) {
		if vert {
			r.fillRect(c0, v0, c1, v1, col)
			r.mark(c0, v0, c1, v1, tip)
		} else {
			r.fillRect(v0, c0, v1, c1, col)
			r.mark(v0, c0, v1, c1, tip)
		}
	}
	// label writes s centred across the category axis at cc, starting just
	// past value position v (outside) or centred at v (inside).
	label := func(cc, v vg.Length, s string, size vg.Length, col color.Color, inside, neg bool) {
		switch {
		case vert && inside:
			r.text(cc, v-size*0.36, s, size, false, col, text.XCenter)
		case vert && neg:
			r.text(cc, v-3-size*0.75, s, size, false, col, text.XCenter)
		case vert:
			r.text(cc, v+3, s, size, false, col, text.XCenter)
		case inside:
			r.text(v, cc-size*0.36, s, size, false, col, text.XCenter)
		case neg:
			r.text(v-4, cc-size*0.36, s, size, false, col, text.XRight)
		default:
			r.text(v+4, cc-size*0.36, s, size, false, col, text.XLeft)
		}
	}
	zero := vpos(0)
	for i := range b.cats {
		cc := cLo + band*(vg.Length(i)+0.5)
		catText(i, cc)
		thick := band * 0.72
		if cfg.stack == stackGrouped {
			sub := thick / vg.Length(k)
			for s, v := range b.vals[i] {
				if math.IsNaN(v) {
					continue
				}
				c0 := cc - thick/2 + sub*vg.Length(s)
				rect(c0+sub*0.06, c0+sub*0.94, zero, vpos(v), b.segColour(i, s, th.Background), b.cats[i]+", "+b.series[s]+": "+b.format.Format(v))
				size := th.ValueSize
				if abs(sub) < size*1.1 && !vert {
					size = vg.Length(math.Max(5, float64(abs(sub)/1.1)))
				}
				label(c0+sub/2, vpos(v), b.format.Format(v), size, th.Text, false, v < 0)
			}
			continue
		}
		acc := 0.0
		for s, v := range b.vals[i] {
			if math.IsNaN(v) || v == 0 {
				continue
			}
			v0, v1 := vpos(acc), vpos(acc+v)
			acc += v
			rect(cc-thick/2, cc+thick/2, v0, v1, b.segColour(i, s, th.Background), b.cats[i]+", "+b.series[s]+": "+b.format.Format(v))
			lbl := b.format.Format(v)
			w := r.width(lbl, th.ValueSize, false)
			room := v1 - v0
			fits := room > w+4 && abs(thick) > th.ValueSize*1.1
			if vert {
				fits = abs(thick) > w+4 && room > th.ValueSize*1.3
			}
			if fits {
				label(cc, (v0+v1)/2, lbl, th.ValueSize, readableOn(b.segColour(i, s, th.Background), th), true, false)
			}
		}
		if cfg.stack == stackStacked {
			label(cc, vpos(acc), b.format.Format(acc), th.ValueSize, th.Text, false, false)
		}
	}
	if lo < 0 {
		if vert {
			r.line(cLo, zero, cHi, zero, 0.8, th.Axis)
		} else {
			r.line(zero, cHi, zero, cLo, 0.8, th.Axis)
		}
	}
}

func abs(l vg.Length) vg.Length {
	if l < 0 {
		return -l
	}
	return l
}
