package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// maxSlopes is the most lines a slope chart draws.
const maxSlopes = 40

// Slope draws a slope chart: each category is a line from its fromCol
// value (left) to its toCol value (right), both ends labelled with the
// category and value and spread apart so that labels never overlap. With
// Highlight, the named lines are coloured and the rest grey (and only the
// highlighted ones labelled when there are more than 12).
//
// Errors are those of Bar, with both value columns checked; a category in
// more than one row is ErrDuplicate.
func Slope(df dataframe.DataFrame, labelCol, fromCol, toCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: Slope: %w", err)
	}
	rep := Report{Kind: "slope", es: isSpanish(cfg)}
	p, err := readPairs(df, "Slope", labelCol, fromCol, toCol, cfg, &rep)
	if err != nil {
		return nil, err
	}
	if len(p.labels) > maxSlopes {
		return nil, fmt.Errorf("chart: Slope: %w: %d lines are too many; filter the table to at most %d", ErrTooMany, len(p.labels), maxSlopes)
	}
	all := append(append([]float64(nil), p.from...), p.to...)
	b := &slopeBody{cfg: cfg, p: p, format: cfg.format.forValues(all)}
	return &Chart{kind: "slope", cfg: cfg, body: b, report: rep, cols: []string{labelCol, fromCol, toCol}}, nil
}

type slopeBody struct {
	cfg    *config
	p      *pairs
	format Format
}

func (b *slopeBody) minHeight(r *renderer, w vg.Length) vg.Length {
	// one line per label, two for names that wrap (see draw)
	n, gaps := 0, 0
	p, anyHL := b.p, b.anyHL()
	for i := range p.labels {
		if !b.labelled(i) {
			continue
		}
		bold := anyHL && p.hl[i]
		l := r.nameLines(p.labels[i]+" "+b.format.Format(p.from[i]), r.th.LabelSize, bold, w*0.3)
		rt := r.nameLines(b.format.Format(p.to[i])+" "+p.labels[i], r.th.LabelSize, bold, w*0.3)
		n += max(len(l), len(rt))
		if max(len(l), len(rt)) > 1 {
			gaps++
		}
	}
	return vg.Length(n)*r.lineHeight(r.th.LabelSize) + vg.Length(gaps)*r.th.LabelSize*0.5 + r.lineHeight(r.th.LabelSize) + 8
}

func (b *slopeBody) anyHL() bool {
	for _, h := range b.p.hl {
		if h {
			return true
		}
	}
	return false
}

func (b *slopeBody) labelled(i int) bool {
	return !b.anyHL() || b.p.hl[i] || len(b.p.labels) <= 12
}

func (b *slopeBody) describe() string {
	var parts []string
	for i := range b.p.labels {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("… (%d)", len(b.p.labels)))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s → %s", b.p.labels[i], b.format.Format(b.p.from[i]), b.format.Format(b.p.to[i])))
	}
	return fmt.Sprintf("%s → %s: %s.", b.p.fromName, b.p.toName, strings.Join(parts, "; "))
}

func (b *slopeBody) draw(r *renderer, area vg.Rectangle) {
	th := r.th
	p := b.p
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range p.from {
		lo = math.Min(lo, math.Min(p.from[i], p.to[i]))
		hi = math.Max(hi, math.Max(p.from[i], p.to[i]))
	}
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	headY := area.Max.Y - th.LabelSize
	top := headY - r.lineHeight(th.LabelSize)*0.8
	bottom := area.Min.Y + th.LabelSize*0.6
	anyHL := b.anyHL()
	// names too long for their side wrap onto a second line, never cut
	lefts := make([][]string, len(p.labels))
	rights := make([][]string, len(p.labels))
	var lw, rw vg.Length
	maxW := (area.Max.X - area.Min.X) * 0.3
	for i := range p.labels {
		if !b.labelled(i) {
			continue
		}
		bold := anyHL && p.hl[i]
		lefts[i] = r.nameLines(p.labels[i]+" "+b.format.Format(p.from[i]), th.LabelSize, bold, maxW)
		rights[i] = r.nameLines(b.format.Format(p.to[i])+" "+p.labels[i], th.LabelSize, bold, maxW)
		lw = max(lw, r.linesWidth(lefts[i], th.LabelSize, bold))
		rw = max(rw, r.linesWidth(rights[i], th.LabelSize, bold))
	}
	// labels stand 11 points off the axes, leaving room for leader lines
	// to dots whose labels had to move apart
	x0, x1 := area.Min.X+lw+13, area.Max.X-rw-13
	if x1-x0 < 60 {
		x1 = x0 + 60
	}
	ypos := func(v float64) vg.Length { return bottom + vg.Length((v-lo)/(hi-lo))*(top-bottom) }
	r.line(x0, bottom, x0, top, 0.8, th.Axis)
	r.line(x1, bottom, x1, top, 0.8, th.Axis)
	r.text(x0, headY, p.fromName, th.LabelSize, true, th.Muted, text.XCenter)
	r.text(x1, headY, p.toName, th.LabelSize, true, th.Muted, text.XCenter)
	cols := make([]color.Color, len(p.labels))
	k := 0
	for i := range p.labels {
		switch {
		case !anyHL:
			cols[i] = th.Palette[i%len(th.Palette)]
			if len(p.labels) > len(th.Palette) {
				cols[i] = th.Primary
			}
		case p.hl[i]:
			cols[i] = th.Palette[k%len(th.Palette)]
			k++
		default:
			cols[i] = th.Neutral
		}
	}
	for pass := 0; pass < 2; pass++ {
		for i := range p.labels {
			if (pass == 1) != (!anyHL || p.hl[i]) {
				continue
			}
			ya, yb := ypos(p.from[i]), ypos(p.to[i])
			r.line(x0, ya, x1, yb, 1.8, cols[i])
			r.dot(x0, ya, 2.6, cols[i])
			r.dot(x1, yb, 2.6, cols[i])
			r.markDot(x0, ya, 2.6, p.labels[i]+", "+p.fromName+": "+b.format.Format(p.from[i]))
			r.markDot(x1, yb, 2.6, p.labels[i]+", "+p.toName+": "+b.format.Format(p.to[i]))
		}
	}
	for side := 0; side < 2; side++ {
		var idx []int
		var want, hs []vg.Length
		sideLines := lefts
		if side == 1 {
			sideLines = rights
		}
		for i := range p.labels {
			if !b.labelled(i) {
				continue
			}
			v := p.from[i]
			if side == 1 {
				v = p.to[i]
			}
			idx = append(idx, i)
			want = append(want, ypos(v))
			// a name on two lines keeps a gap from its neighbours, so
			// that no line reads as part of the next label
			hh := r.lineHeight(th.LabelSize) * vg.Length(len(sideLines[i]))
			if len(sideLines[i]) > 1 {
				hh += th.LabelSize * 0.5
			}
			hs = append(hs, hh)
		}
		at := append([]vg.Length(nil), want...)
		placeLabels(want, hs, area.Min.Y, top+th.LabelSize*0.5)
		for k := range idx {
			if d := want[k] - at[k]; d > 1.5 || d < -1.5 {
				if side == 0 {
					r.line(x0-3.5, at[k], x0-9.5, want[k], 0.5, th.Axis)
				} else {
					r.line(x1+3.5, at[k], x1+9.5, want[k], 0.5, th.Axis)
				}
			}
		}
		for k, i := range idx {
			bold := anyHL && p.hl[i]
			col := th.Text
			if anyHL && !p.hl[i] {
				col = th.Muted
			} else if anyHL {
				col = textOn(cols[i], th.Background)
			}
			lh := r.lineHeight(th.LabelSize)
			for j, l := range sideLines[i] {
				y := want[k] - th.LabelSize*0.36 + lh*vg.Length(len(sideLines[i])-1)/2 - lh*vg.Length(j)
				if side == 0 {
					r.text(x0-11, y, l, th.LabelSize, bold, col, text.XRight)
				} else {
					r.text(x1+11, y, l, th.LabelSize, bold, col, text.XLeft)
				}
			}
		}
	}
}
