package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// mapHighlight resolves Highlight on a Choropleth: each label names a
// state by code or by any of its names ("Colima", "06", "CDMX").
func mapHighlight(want []string) (map[string]bool, error) {
	if len(want) == 0 {
		return nil, nil
	}
	hl := map[string]bool{}
	for _, w := range want {
		code, ok := stateCode(w)
		if !ok || code == "00" {
			return nil, fmt.Errorf("chart: Choropleth: %w: Highlight(%q) names no state", ErrNoMatch, w)
		}
		hl[code] = true
	}
	return hl, nil
}

// drawHighlights outlines the highlighted states and writes their name
// and value beside them, on a patch of background so that the label
// reads over the map.
func (b *mapBody) drawHighlights(r *renderer, area vg.Rectangle, proj func([2]float64) vg.Point) {
	if len(b.hl) == 0 {
		return
	}
	th := r.th
	type label struct {
		s    string
		x, y vg.Length
		xa   text.XAlignment
		box  vg.Rectangle
	}
	var labels []label
	for _, st := range b.states {
		if !b.hl[st.code] {
			continue
		}
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, ring := range st.rings {
			pts := make([]vg.Point, len(ring)+1)
			for i, p := range ring {
				pts[i] = proj(p)
				minX, maxX = math.Min(minX, float64(pts[i].X)), math.Max(maxX, float64(pts[i].X))
				minY, maxY = math.Min(minY, float64(pts[i].Y)), math.Max(maxY, float64(pts[i].Y))
			}
			pts[len(ring)] = pts[0]
			r.c.StrokeLines(lineStyle(th.Text, 1.4), pts)
		}
		lbl := st.name
		if v, ok := b.values[st.code]; ok {
			lbl += " " + b.format.Format(v)
		}
		w := r.width(lbl, th.ValueSize, true)
		x, y := vg.Length(maxX)+4, vg.Length(minY+maxY)/2-th.ValueSize*0.36
		xa := text.XLeft
		if x+w > area.Max.X {
			x, xa = vg.Length(minX)-4, text.XRight
		}
		x0 := x
		if xa == text.XRight {
			x0 = x - w
		}
		box := vg.Rectangle{Min: vg.Point{X: x0 - 2, Y: y - 2}, Max: vg.Point{X: x0 + w + 2, Y: y + th.ValueSize}}
		// below any label already placed that it would cover
		for try := 0; try < 8; try++ {
			clash := false
			for _, l := range labels {
				if overlaps(box, l.box) {
					clash = true
					break
				}
			}
			if !clash {
				break
			}
			d := r.lineHeight(th.ValueSize) + 1
			y -= d
			box.Min.Y -= d
			box.Max.Y -= d
		}
		labels = append(labels, label{lbl, x, y, xa, box})
	}
	for _, l := range labels {
		r.fillRect(l.box.Min.X, l.box.Min.Y, l.box.Max.X, l.box.Max.Y, withAlpha(th.Background, 0xe0))
		r.text(l.x, l.y, l.s, th.ValueSize, true, th.Text, l.xa)
	}
}
