package chart

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"gonum.org/v1/plot/vg"
)

// mark is the place of one drawn value and what it says ("Colima: 20.5"):
// the HTML embed lays an invisible target over it that shows the value on
// hover and keyboard focus. Chart types record marks with r.mark while
// they draw; renderers outside the embed record nothing.
type mark struct {
	x0, y0, x1, y1 vg.Length
	poly           [][]vg.Point // outline rings, for map areas
	tip            string
}

// maxFocusable is the most marks the keyboard steps through; a chart with
// more (a long line) still shows them on hover, and its data table holds
// every value for keyboard and screen-reader users.
const maxFocusable = 60

// mark records a rectangular target.
func (r *renderer) mark(x0, y0, x1, y1 vg.Length, tip string) {
	if r.marks == nil {
		return
	}
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	*r.marks = append(*r.marks, mark{x0: x0, y0: y0, x1: x1, y1: y1, tip: tip})
}

// markDot records a square target around a point, at least 8 points wide.
func (r *renderer) markDot(x, y, rad vg.Length, tip string) {
	if rad < 4 {
		rad = 4
	}
	r.mark(x-rad, y-rad, x+rad, y+rad, tip)
}

// markPoly records a target shaped as the given rings (a state).
func (r *renderer) markPoly(rings [][]vg.Point, tip string) {
	if r.marks == nil || len(rings) == 0 {
		return
	}
	// a target need not follow every bend of a coast: points closer than
	// two points to the last one kept are dropped
	var thin [][]vg.Point
	for _, ring := range rings {
		var out []vg.Point
		for i, p := range ring {
			if i > 0 && i < len(ring)-1 {
				q := out[len(out)-1]
				if dx, dy := p.X-q.X, p.Y-q.Y; dx*dx+dy*dy < 4 {
					continue
				}
			}
			out = append(out, p)
		}
		if len(out) >= 3 {
			thin = append(thin, out)
		}
	}
	if len(thin) == 0 {
		return
	}
	*r.marks = append(*r.marks, mark{poly: thin, tip: tip})
}

// insertMarks writes the targets as the last group of the SVG, in the
// drawing's own coordinates (y up, as the backend draws).
func insertMarks(svg []byte, marks []mark, h vg.Length) []byte {
	end := bytes.LastIndex(svg, []byte("</svg>"))
	if end < 0 || len(marks) == 0 {
		return svg
	}
	focus := ""
	if len(marks) <= maxFocusable {
		focus = ` tabindex="0"`
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<g class=\"cf-marks\" transform=\"scale(1, -1) translate(0, %s)\">\n", num(-h))
	for _, m := range marks {
		tip := html.EscapeString(oneLine(safeText(m.tip)))
		if m.poly != nil {
			var d strings.Builder
			for _, ring := range m.poly {
				for i, p := range ring {
					if i == 0 {
						d.WriteString("M")
					} else {
						d.WriteString("L")
					}
					d.WriteString(num(p.X) + "," + num(p.Y))
				}
				d.WriteString("Z")
			}
			fmt.Fprintf(&b, "<path class=\"cf-hit\"%s role=\"img\" d=\"%s\" aria-label=\"%s\"><title>%s</title></path>\n", focus, d.String(), tip, tip)
			continue
		}
		fmt.Fprintf(&b, "<rect class=\"cf-hit\"%s role=\"img\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" aria-label=\"%s\"><title>%s</title></rect>\n",
			focus, num(m.x0), num(m.y0), num(m.x1-m.x0), num(m.y1-m.y0), tip, tip)
	}
	b.WriteString("</g>\n")
	out := make([]byte, 0, len(svg)+b.Len())
	out = append(out, svg[:end]...)
	out = append(out, b.Bytes()...)
	return append(out, svg[end:]...)
}

// num writes a coordinate with at most one decimal (a tenth of a point).
func num(v vg.Length) string {
	s := fmt.Sprintf("%.1f", float64(v))
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// tip says what point i of a scatter shows: its label and both values,
// named by the axis titles when the chart has them.
func (b *scatterBody) tip(i int) string {
	x, y := b.xf.Format(b.x[i]), b.yf.Format(b.y[i])
	if b.cfg.xLabel != "" {
		x = b.cfg.xLabel + " " + x
	}
	if b.cfg.yLabel != "" {
		y = b.cfg.yLabel + " " + y
	}
	s := x + " · " + y
	if i < len(b.labels) && b.labels[i] != "" {
		s = b.labels[i] + ": " + s
	}
	return s
}

// tip says what point k of a line shows: the series, the x and the value.
func (b *lineBody) tip(ls *lineSeries, k int) string {
	s := xText(ls.x[k], b.ax, b.cfg) + ": " + b.format.Format(ls.y[k])
	if ls.name != "" {
		s = ls.name + ", " + s
	}
	return s
}
