package chart

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot/vg"
)

// Budgets that keep a chart's rendering bounded whatever its input (the
// defaults of Limits; WithLimits changes them).
const (
	// MaxPixels is the largest picture Render writes, in pixels at the
	// chart's size and DPI (PNG and JPEG; SVG and PDF pages are held to
	// the same area): 64 megapixels, beyond any publication size. A chart
	// that would grow past it (thousands of bars, a title of a megabyte)
	// is an error wrapping ErrTooLarge.
	MaxPixels = 64_000_000
	// MaxBars is the most bars, categories or rows a chart draws even with
	// AllowMany; past it the error wraps ErrTooLarge and suggests TopN.
	MaxBars = 2000
	// MaxPoints is the most points a chart draws (all lines or scatter
	// points together).
	MaxPoints = 200_000
	// MaxSpan is the widest range of values (zero included) a chart can
	// scale: beyond it the arithmetic of scales and ticks leaves float64
	// (9e307 − (−9e307) is +Inf, and the coordinates would be NaN).
	MaxSpan = 1e308
	// maxTextBytes bounds each text of the frame (title, subtitle, note,
	// source, credit) and each label as drawn: longer texts are cut with
	// "…" (their wrapped lines would be thousands).
	maxTextBytes = 2000
)

// Limits are the budgets of what a chart draws. A zero field means its
// default (MaxBars, MaxPoints, MaxPixels).
type Limits struct {
	Bars   int // bars or categories of any chart type
	Points int // points of all lines together, or of a scatter
	Pixels int // pixels of the picture at its size and DPI
}

// WithLimits changes the budgets of a chart (see Limits); a chart past one
// is an error wrapping ErrTooLarge. Raise them only for pictures meant to
// be that large.
func WithLimits(l Limits) Option {
	return func(c *config) {
		if l.Bars < 0 || l.Points < 0 || l.Pixels < 0 {
			c.fail("WithLimits(%+v): limits must not be negative", l)
			return
		}
		c.limits = l
	}
}

// budgets returns the limits with defaults filled in.
func (c *config) budgets() Limits {
	l := c.limits
	if l.Bars == 0 {
		l.Bars = MaxBars
	}
	if l.Points == 0 {
		l.Points = MaxPoints
	}
	if l.Pixels == 0 {
		l.Pixels = MaxPixels
	}
	return l
}

// checkBudget returns an error wrapping ErrTooLarge when the chart would
// draw more bars or points than its Limits, values spanning more than
// MaxSpan, or a picture of w×h points larger than its pixel limit.
func (ch *Chart) checkBudget(w, h vg.Length) error {
	lim := ch.cfg.budgets()
	items, points, values := bodyCounts(ch.body)
	if items > lim.Bars {
		return fmt.Errorf("chart: %s: %w: %d bars or categories (at most %d); pass chart.TopN(20) to show the largest, or aggregate first (chart.WithLimits raises the limit)", ch.kind, ErrTooLarge, items, lim.Bars)
	}
	if points > lim.Points {
		return fmt.Errorf("chart: %s: %w: %d points (at most %d); aggregate by period or sample first (chart.WithLimits raises the limit)", ch.kind, ErrTooLarge, points, lim.Points)
	}
	if hb, ok := ch.body.(*histBody); ok {
		for _, e := range hb.edges {
			if !isFinite(e) {
				return fmt.Errorf("chart: %s: %w: the values span more than float64 can bin (at most %g); divide the column, e.g. to millions", ch.kind, ErrTooLarge, MaxSpan)
			}
		}
	}
	lo, hi := 0.0, 0.0
	for _, vs := range values {
		for _, v := range vs {
			if isFinite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if span := hi - lo; !(span <= MaxSpan) {
		return fmt.Errorf("chart: %s: %w: values from %g to %g span more than float64 can scale (at most %g); divide the column, e.g. to millions", ch.kind, ErrTooLarge, lo, hi, MaxSpan)
	}
	dpi := float64(ch.cfg.size.DPI)
	if dpi <= 0 {
		dpi = 96
	}
	px := func(l vg.Length) float64 { return math.Ceil(float64(l) * dpi / 72) }
	if wp, hp := px(w), px(h); !(wp*hp <= float64(lim.Pixels)) {
		return fmt.Errorf("chart: %s: %w: the picture would be %.0f×%.0f px (at most %d pixels); shorten the title and notes, or show fewer categories with chart.TopN", ch.kind, ErrTooLarge, wp, hp, lim.Pixels)
	}
	return nil
}

// bodyCounts gives a body's bars (categories), points and value slices.
func bodyCounts(b body) (items, points int, values [][]float64) {
	switch b := b.(type) {
	case *barBody:
		return len(b.values), 0, [][]float64{b.values}
	case *multiBody:
		for _, v := range b.vals {
			values = append(values, v)
		}
		return len(b.cats) * max(1, len(b.series)), 0, values
	case *dumbbellBody:
		return len(b.p.labels), 0, [][]float64{b.p.from, b.p.to}
	case *slopeBody:
		return len(b.p.labels), 0, [][]float64{b.p.from, b.p.to}
	case *histBody:
		return len(b.counts), 0, [][]float64{b.edges}
	case *scatterBody:
		return 0, len(b.x), [][]float64{b.x, b.y}
	case *lineBody:
		return lineCounts(b)
	case *multiplesBody:
		return lineCounts(b.lineBody)
	}
	return 0, 0, nil
}

func lineCounts(b *lineBody) (items, points int, values [][]float64) {
	if b == nil {
		return 0, 0, nil
	}
	for _, l := range b.lines {
		points += len(l.x)
		values = append(values, l.x, l.y)
	}
	return len(b.lines), points, values
}

// safeText makes s fit to draw: runes that XML 1.0 does not allow (NUL,
// escape and other control characters, U+FFFE, U+FFFF, invalid UTF-8) are
// dropped or replaced, so an SVG stays well-formed whatever the labels
// hold; tabs and other line breaks become spaces (newlines are kept), and
// text longer than maxTextBytes is cut with "…".
func safeText(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r) || r == '\t' || r == '\r' || (r == utf8.RuneError && n == 1) {
			clean = false
			break
		}
		i += n
	}
	if clean && len(s) <= maxTextBytes {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if b.Len() >= maxTextBytes {
			b.WriteString("…")
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune('\uFFFD')
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case !xmlChar(r):
			// dropped: NUL, ESC, other controls, U+FFFE, U+FFFF
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether r is a character XML 1.0 allows.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF && (r < 0x7F || r > 0x9F) ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
