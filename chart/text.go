package chart

import (
	"image/color"
	"strings"
	"unicode/utf8"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// renderer draws text and shapes with the chart's theme. Chart types get
// one in their draw method; measure-only renderers have a zero canvas.
type renderer struct {
	c     draw.Canvas
	th    Theme
	cfg   *config
	marks *[]mark // targets for the HTML embed (marks.go); nil elsewhere
}

// face returns the font face at size, bold or regular.
func (r *renderer) face(size vg.Length, bold bool) font.Face {
	f := r.th.Font
	if bold {
		f.Weight = xfont.WeightBold
	}
	return fonts.Lookup(f, size)
}

// width measures s.
func (r *renderer) width(s string, size vg.Length, bold bool) vg.Length {
	s = safeText(s)
	f := r.face(size, bold)
	return f.Width(s)
}

// lineHeight is the distance between baselines of wrapped lines.
func (r *renderer) lineHeight(size vg.Length) vg.Length { return size * 1.25 }

// ascent is the height of capitals above the baseline (approximately).
func (r *renderer) ascent(size vg.Length) vg.Length { return size * 0.72 }

// text draws s with its left (xa=0), centre (-0.5) or right (-1) edge at x
// and its baseline at y.
func (r *renderer) text(x, y vg.Length, s string, size vg.Length, bold bool, col color.Color, xa text.XAlignment) {
	s = safeText(s) // well-formed SVG whatever the labels hold
	if s == "" {
		return
	}
	f := r.th.Font
	f.Size = size
	if bold {
		f.Weight = xfont.WeightBold
	}
	sty := text.Style{Color: col, Font: f, XAlign: xa, YAlign: text.YAlignment(0), Handler: text.Plain{Fonts: fonts}}
	r.c.FillText(sty, vg.Point{X: x, Y: y}, s)
}

// wrap breaks s into lines no wider than w, breaking at spaces; a word
// wider than w is truncated with "…". Explicit newlines are kept.
func (r *renderer) wrap(s string, size vg.Length, bold bool, w vg.Length) []string {
	s = safeText(s)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, word := range words {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if r.width(try, size, bold) <= w || line == "" {
				line = try
				if r.width(line, size, bold) > w {
					line = r.truncate(line, size, bold, w)
				}
				continue
			}
			out = append(out, line)
			line = r.truncate(word, size, bold, w)
		}
		if line != "" || len(words) == 0 {
			out = append(out, line)
		}
	}
	return out
}

// wrapMax wraps s into at most n lines; the last line ends with "…" when
// text was cut.
func (r *renderer) wrapMax(s string, size vg.Length, bold bool, w vg.Length, n int) []string {
	lines := r.wrap(s, size, bold, w)
	if len(lines) <= n {
		return lines
	}
	last := strings.Join(lines[n-1:], " ")
	lines = lines[:n]
	lines[n-1] = r.truncate(last+"…", size, bold, w)
	return lines
}

// truncate shortens s with a trailing "…" until it fits w.
func (r *renderer) truncate(s string, size vg.Length, bold bool, w vg.Length) string {
	s = safeText(s)
	if r.width(s, size, bold) <= w {
		return s
	}
	s = strings.TrimSuffix(s, "…")
	for s != "" {
		_, n := utf8.DecodeLastRuneInString(s)
		s = strings.TrimRight(s[:len(s)-n], " ,;:-")
		if r.width(s+"…", size, bold) <= w {
			return s + "…"
		}
	}
	return "…"
}

// fillRect fills the rectangle (x0,y0)-(x1,y1).
func (r *renderer) fillRect(x0, y0, x1, y1 vg.Length, col color.Color) {
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	if y1 < y0 {
		y0, y1 = y1, y0
	}
	r.c.FillPolygon(col, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
}

// line strokes a straight segment.
func (r *renderer) line(x0, y0, x1, y1 vg.Length, w vg.Length, col color.Color, dashes ...vg.Length) {
	r.c.StrokeLine2(draw.LineStyle{Color: col, Width: w, Dashes: dashes}, x0, y0, x1, y1)
}

// lineStyle is a solid round line.
func lineStyle(col color.Color, w vg.Length) draw.LineStyle {
	return draw.LineStyle{Color: col, Width: w}
}

// dot fills a circle of radius rad.
func (r *renderer) dot(x, y, rad vg.Length, col color.Color) {
	r.c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: rad, Shape: draw.CircleGlyph{}}, vg.Point{X: x, Y: y})
}
