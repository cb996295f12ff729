package chart

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// pairs is a table of categories with two values each (two periods).
type pairs struct {
	labels   []string
	from, to []float64
	hl       []bool
	fromName string
	toName   string
}

// readPairs reads labelCol, fromCol and toCol, skipping (or failing on)
// rows where either value is missing.
func readPairs(df dataframe.DataFrame, who, labelCol, fromCol, toCol string, cfg *config, rep *Report) (*pairs, error) {
	labels, _, err := texts(df, who, labelCol)
	if err != nil {
		return nil, err
	}
	labels = cfg.caseLabels(labels)
	from, err := numbers(df, who, fromCol)
	if err != nil {
		return nil, err
	}
	to, err := numbers(df, who, toCol)
	if err != nil {
		return nil, err
	}
	rep.Rows = len(labels)
	if err := uniqueLabels(who, labelCol, labels, nil); err != nil {
		return nil, err
	}
	p := &pairs{fromName: fromCol, toName: toCol}
	for i := range labels {
		bad := ""
		for k, v := range []float64{from[i], to[i]} {
			if !isFinite(v) {
				col := []string{fromCol, toCol}[k]
				if !cfg.skipMissing {
					return nil, checkValue(who, col, i, labels[i], v)
				}
				bad = reason(v) + " in " + col
				break
			}
		}
		if bad != "" {
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: labels[i], Reason: bad})
			continue
		}
		p.labels = append(p.labels, labels[i])
		p.from = append(p.from, from[i])
		p.to = append(p.to, to[i])
	}
	if len(p.labels) == 0 {
		return nil, fmt.Errorf("chart: %s: %w: no row has both %q and %q", who, ErrEmpty, fromCol, toCol)
	}
	rep.Drawn = len(p.labels)
	if p.hl, err = highlightMask(who, p.labels, cfg.highlight); err != nil {
		return nil, err
	}
	return p, nil
}

// Dumbbell draws, for each category, a dot for fromCol and a dot for toCol
// joined by a line (two periods, two groups), sorted by the toCol value
// unless KeepOrder is given. The key under the subtitle names the two
// columns; the toCol value is written beside its dot.
//
// Errors are those of Bar, with both value columns checked; a category in
// more than one row is ErrDuplicate.
func Dumbbell(df dataframe.DataFrame, labelCol, fromCol, toCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: Dumbbell: %w", err)
	}
	rep := Report{Kind: "dumbbell", es: isSpanish(cfg)}
	p, err := readPairs(df, "Dumbbell", labelCol, fromCol, toCol, cfg, &rep)
	if err != nil {
		return nil, err
	}
	if len(p.labels) > maxBars && !cfg.allowMany {
		return nil, fmt.Errorf("chart: Dumbbell: %w: %d categories are too many to read; filter the table or pass chart.AllowMany()", ErrTooMany, len(p.labels))
	}
	if !cfg.keepOrder {
		idx := make([]int, len(p.labels))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return p.to[idx[a]] > p.to[idx[b]] })
		q := &pairs{fromName: p.fromName, toName: p.toName}
		for _, i := range idx {
			q.labels = append(q.labels, p.labels[i])
			q.from = append(q.from, p.from[i])
			q.to = append(q.to, p.to[i])
			q.hl = append(q.hl, p.hl[i])
		}
		p = q
	}
	all := append(append([]float64(nil), p.from...), p.to...)
	b := &dumbbellBody{cfg: cfg, p: p, format: cfg.format.forValues(all)}
	return &Chart{kind: "dumbbell", cfg: cfg, body: b, report: rep, cols: []string{labelCol, fromCol, toCol}}, nil
}

type dumbbellBody struct {
	cfg    *config
	p      *pairs
	format Format
}

// key names the two dots in the colours drawn: with Highlight, the second
// is the accent of the highlighted rows (the others' dots are greys, in
// the same light-then-dark order).
func (b *dumbbellBody) key() []keyItem {
	th := b.cfg.theme
	to := th.Primary
	for _, h := range b.p.hl {
		if h {
			to = th.Accent
			break
		}
	}
	return []keyItem{{b.p.fromName, th.Neutral}, {b.p.toName, to}}
}

func (b *dumbbellBody) minHeight(r *renderer, w vg.Length) vg.Length {
	band := r.th.LabelSize * minBand
	// names too wide for their column wrap onto a second line, not cut
	for _, l := range b.p.labels {
		if r.width(l, r.th.LabelSize, false) > w*0.35 {
			band = r.lineHeight(r.th.LabelSize)*2 + 2
			break
		}
	}
	return vg.Length(len(b.p.labels))*band + r.lineHeight(r.th.LabelSize) + 6
}

func (b *dumbbellBody) describe() string {
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

func (b *dumbbellBody) draw(r *renderer, area vg.Rectangle) {
	th := r.th
	p := b.p
	n := len(p.labels)
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range p.from {
		lo = math.Min(lo, math.Min(p.from[i], p.to[i]))
		hi = math.Max(hi, math.Max(p.from[i], p.to[i]))
	}
	for _, rl := range b.cfg.refs {
		lo, hi = math.Min(lo, rl.value), math.Max(hi, rl.value)
	}
	bottom := area.Min.Y + r.lineHeight(th.LabelSize) + 5
	band := (area.Max.Y - bottom) / vg.Length(n)
	maxLines := 1
	if band >= r.lineHeight(th.LabelSize)*2+2 {
		maxLines = 2
	}
	lines, lw := catLabels(r, p.labels, th.LabelSize, (area.Max.X-area.Min.X)*0.35, maxLines)
	var vw vg.Length
	for i := range p.to {
		vw = vg.Length(math.Max(float64(vw), float64(r.width(b.format.Format(p.to[i]), th.ValueSize, true))))
	}
	left, right := area.Min.X+lw+8+vw+6, area.Max.X-vw-6
	xa := newValueAxis(lo, hi, int(math.Max(3, float64((right-left)/70))), 0, b.format)
	xpos := func(v float64) vg.Length { return xa.pos(v, left, right) }
	for _, t := range xa.ticks {
		x := xpos(t)
		r.line(x, bottom, x, area.Max.Y, 0.6, th.Grid)
		r.text(x, area.Min.Y+th.LabelSize*0.3, xa.format.Format(t), th.LabelSize, false, th.Muted, text.XCenter)
	}
	for _, rl := range b.cfg.refs {
		x := xpos(rl.value)
		r.line(x, bottom, x, area.Max.Y, 0.9, th.Text, 2, 2)
	}
	anyHL := false
	for _, h := range p.hl {
		anyHL = anyHL || h
	}
	for i := range p.labels {
		yc := area.Max.Y - band*(vg.Length(i)+0.5)
		var toCol color.Color = th.Primary
		if anyHL && !p.hl[i] {
			toCol = th.Axis
		} else if anyHL {
			toCol = th.Accent
		}
		bold := anyHL && p.hl[i]
		lh := r.lineHeight(th.LabelSize)
		for k, l := range lines[i] {
			r.text(area.Min.X+lw, yc+lh*vg.Length(len(lines[i])-1)/2-lh*vg.Length(k)-th.LabelSize*0.36, l, th.LabelSize, bold, th.Text, text.XRight)
		}
		x0, x1 := xpos(p.from[i]), xpos(p.to[i])
		r.line(x0, yc, x1, yc, 2, th.Grid)
		r.dot(x0, yc, 3.5, th.Neutral)
		r.dot(x1, yc, 3.5, toCol)
		r.mark(area.Min.X, yc-th.LabelSize*0.7, area.Max.X, yc+th.LabelSize*0.7, p.labels[i]+": "+b.format.Format(p.from[i])+" → "+b.format.Format(p.to[i]))
		lbl := b.format.Format(p.to[i])
		if x1 >= x0 {
			r.text(x1+6, yc-th.ValueSize*0.36, lbl, th.ValueSize, bold, th.Text, text.XLeft)
		} else {
			r.text(x1-6, yc-th.ValueSize*0.36, lbl, th.ValueSize, bold, th.Text, text.XRight)
		}
	}
}
