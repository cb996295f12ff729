package chart

import (
	"fmt"
	"math"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// maxPanels is the most panels SmallMultiples draws.
const maxPanels = 36

// SmallMultiples draws one small line chart per value of facetCol, in a
// grid, with shared x and y scales so panels compare at a glance. Each
// panel shows the other panels' lines in light grey behind its own; with
// Highlight, the named panels' lines take the accent colour. x and y are
// read as by Line.
//
// Errors are those of Line, and more than 36 panels (ErrTooMany).
func SmallMultiples(df dataframe.DataFrame, facetCol, xCol, yCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: SmallMultiples: %w", err)
	}
	cfg.series = facetCol
	lb, rep, err := readLines(df, "SmallMultiples", xCol, yCol, cfg)
	if err != nil {
		return nil, err
	}
	if len(lb.lines) > maxPanels {
		return nil, fmt.Errorf("chart: SmallMultiples: %w: %d panels in %q are too many; filter the table to at most %d", ErrTooMany, len(lb.lines), facetCol, maxPanels)
	}
	rep.Kind = "multiples"
	return &Chart{kind: "multiples", cfg: cfg, body: &multiplesBody{lb}, report: rep, cols: []string{xCol, yCol, facetCol}}, nil
}

type multiplesBody struct{ *lineBody }

// grid picks columns so that panels are about 1.4 times wider than tall.
func grid(n int, w, h vg.Length) (cols, rows int) {
	best := math.Inf(1)
	for c := 1; c <= n; c++ {
		r := (n + c - 1) / c
		aspect := float64(w/vg.Length(c)) / float64(h/vg.Length(r))
		if d := math.Abs(math.Log(aspect / 1.4)); d < best {
			best, cols, rows = d, c, r
		}
	}
	return cols, rows
}

func (b *multiplesBody) minHeight(r *renderer, w vg.Length) vg.Length {
	cols, _ := grid(len(b.lines), w, w*0.6)
	rows := (len(b.lines) + cols - 1) / cols
	return vg.Length(rows) * 70
}

func (b *multiplesBody) describe() string {
	return fmt.Sprintf("%d panels. %s", len(b.lines), b.lineBody.describe())
}

func (b *multiplesBody) draw(r *renderer, area vg.Rectangle) {
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
	if xlo == xhi {
		xlo, xhi = xlo-1, xhi+1
	}
	n := len(b.lines)
	cols, rows := grid(n, area.Max.X-area.Min.X, area.Max.Y-area.Min.Y)
	ya := newValueAxis(ylo, yhi, 3, cfg.yFromZero, b.format)
	yw := r.widest(ya.labels(), th.ValueSize, false) + 4
	gap := vg.Length(10)
	pw := (area.Max.X - area.Min.X - yw - gap*vg.Length(cols-1)) / vg.Length(cols)
	ph := (area.Max.Y - area.Min.Y - gap*vg.Length(rows-1)) / vg.Length(rows)
	titleH := r.lineHeight(th.LabelSize)
	tickH := r.lineHeight(th.ValueSize) + 3
	for i, ls := range b.lines {
		c, rw := i%cols, i/cols
		x0 := area.Min.X + yw + vg.Length(c)*(pw+gap)
		yTop := area.Max.Y - vg.Length(rw)*(ph+gap)
		bottom := yTop - ph + tickH
		top := yTop - titleH - 2
		x1 := x0 + pw
		xpos := func(x float64) vg.Length { return x0 + vg.Length((x-xlo)/(xhi-xlo))*(x1-x0) }
		bold := !b.anyHL || ls.hl
		r.text(x0, yTop-th.LabelSize, r.truncate(ls.name, th.LabelSize, bold, pw), th.LabelSize, bold, th.Text, text.XLeft)
		for k, t := range ya.ticks {
			y := ya.pos(t, bottom, top)
			col := th.Grid
			if k == 0 || t == 0 {
				col = th.Axis
			}
			r.line(x0, y, x1, y, 0.5, col)
			if c == 0 {
				r.text(x0-4, y-th.ValueSize*0.36, ya.format.Format(t), th.ValueSize, false, th.Muted, text.XRight)
			}
		}
		if rw == rows-1 || i+cols >= n {
			ticks := dateTicks(xlo, xhi, int(math.Max(2, float64(pw/48))), cfg.locale, b.ax.prec)
			if !b.ax.dates {
				xa := newValueAxis(xlo, xhi, int(math.Max(2, float64(pw/48))), -1, Format{Locale: cfg.locale, Decimals: Auto})
				ticks = nil
				for _, t := range xa.ticks {
					if t >= xlo && t <= xhi {
						ticks = append(ticks, dateTick{t, xa.format.Format(t)})
					}
				}
			}
			for _, t := range ticks {
				x := xpos(t.at)
				w := r.width(t.label, th.ValueSize, false)
				if x-w/2 < x0-4 || x+w/2 > x1+gap/2 {
					continue
				}
				r.text(x, bottom-tickH+2, t.label, th.ValueSize, false, th.Muted, text.XCenter)
			}
		}
		for pass := 0; pass < 2; pass++ {
			for j, other := range b.lines {
				if (pass == 1) != (j == i) {
					continue
				}
				col, w := th.Grid, vg.Length(0.8)
				if j == i {
					col, w = th.Primary, 1.6
					if b.anyHL && ls.hl {
						col = th.Accent
					}
				}
				var seg []vg.Point
				for k, x := range other.x {
					if !isFinite(other.y[k]) {
						if len(seg) > 1 {
							r.c.StrokeLines(lineStyle(col, w), seg)
						}
						seg = nil
						continue
					}
					seg = append(seg, vg.Point{X: xpos(x), Y: ya.pos(other.y[k], bottom, top)})
				}
				if len(seg) > 1 {
					r.c.StrokeLines(lineStyle(col, w), seg)
				}
			}
		}
	}
}
