package chart

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// blues is ColorBrewer's sequential Blues, light to dark (colour-blind
// safe).
var blues = []color.Color{
	rgb(0xc6, 0xdb, 0xef), rgb(0x9e, 0xca, 0xe1), rgb(0x6b, 0xae, 0xd6),
	rgb(0x31, 0x82, 0xbd), rgb(0x08, 0x51, 0x9c), rgb(0x08, 0x30, 0x6b),
}

var noDataGrey = rgb(0xe8, 0xe8, 0xe8)

type mapBody struct {
	cfg    *config
	states []state
	values map[string]float64
	breaks []float64
	noData []string
	format Format
	hl     map[string]bool // highlighted state codes (map_highlight.go)
	// areaWord names the areas of a user's map (its key property) in the
	// data table; empty for the 32 states
	areaWord string
}

func (b *mapBody) minHeight(r *renderer, w vg.Length) vg.Length { return 0 }

func (b *mapBody) describe() string {
	type kv struct {
		name string
		v    float64
	}
	var all []kv
	for _, st := range b.states {
		if v, ok := b.values[st.code]; ok {
			all = append(all, kv{st.name, v})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].v > all[j].v })
	es := isSpanish(b.cfg)
	if len(all) == 1 { // no plural noun, no highest and lowest
		if es {
			return fmt.Sprintf("Mapa con un solo valor: %s %s.", all[0].name, b.format.Format(all[0].v))
		}
		return fmt.Sprintf("Map with one value: %s %s.", all[0].name, b.format.Format(all[0].v))
	}
	noun := b.noun(es)
	s := fmt.Sprintf("Mapa de %d %s; mayor: %s %s; menor: %s %s.", len(all), noun,
		all[0].name, b.format.Format(all[0].v), all[len(all)-1].name, b.format.Format(all[len(all)-1].v))
	if !es {
		s = fmt.Sprintf("Map of %d %s; highest: %s %s; lowest: %s %s.", len(all), noun,
			all[0].name, b.format.Format(all[0].v), all[len(all)-1].name, b.format.Format(all[len(all)-1].v))
	}
	return s
}

// bounds returns the map's extent in degrees and the factor that scales
// longitude at its middle latitude (the drawing's equirectangular
// projection).
func (b *mapBody) bounds() (lo0, la0, lo1, la1, k float64) {
	lo0, la0, lo1, la1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, st := range b.states {
		for _, ring := range st.rings {
			for _, p := range ring {
				lo0, lo1 = math.Min(lo0, p[0]), math.Max(lo1, p[0])
				la0, la1 = math.Min(la0, p[1]), math.Max(la1, p[1])
			}
		}
	}
	return lo0, la0, lo1, la1, math.Cos((la0 + la1) / 2 * math.Pi / 180)
}

// class returns the colour of v.
func (b *mapBody) class(v float64) color.Color {
	n := len(b.breaks) - 1
	if n < 1 {
		return blues[2]
	}
	k := sort.SearchFloat64s(b.breaks[1:], v)
	if k >= n {
		k = n - 1
	}
	pal := blues
	if n <= 5 {
		pal = blues[:5]
	}
	// spread the palette over the classes
	idx := int(math.Round(float64(k) * float64(len(pal)-1) / math.Max(1, float64(n-1))))
	return pal[idx]
}

func (b *mapBody) draw(r *renderer, area vg.Rectangle) {
	th := r.th
	// legend: stepped colour bar with the breaks under the edges
	legH := th.ValueSize*1.4 + 10
	var titleH vg.Length
	if t := b.cfg.legendTitle; t != "" {
		titleH = r.lineHeight(th.ValueSize) + 2
		r.text(area.Min.X, area.Max.Y-th.ValueSize, t, th.ValueSize, false, th.Text, text.XLeft)
		legH += titleH
	}
	n := len(b.breaks) - 1
	labels := make([]string, len(b.breaks))
	f := b.format.forValues(b.breaks) // the key's labels share their decimals
	for i, v := range b.breaks {
		labels[i] = f.Format(v)
	}
	// wide enough that a centred label and the right-aligned last one do
	// not meet, but no wider than the drawing (a phone): there, every
	// second label steps down a line
	nd := pick(isSpanish(b.cfg), "Sin dato", "No data")
	clear := vg.Length(math.Max(40, float64(r.widest(labels, th.ValueSize, false)*1.5+10)))
	cell := clear
	avail := area.Max.X - area.Min.X
	if len(b.noData) > 0 {
		avail -= 16 + r.width(nd, th.ValueSize, false)
	}
	if n > 0 && cell*vg.Length(n) > avail {
		cell = avail / vg.Length(n)
	}
	stagger := cell < clear
	if stagger {
		legH += r.lineHeight(th.ValueSize)
	}
	ly := area.Max.Y - 8 - titleH
	for i := 0; i < n; i++ {
		x := area.Min.X + cell*vg.Length(i)
		r.fillRect(x, ly, x+cell, ly+8, b.class((b.breaks[i]+b.breaks[i+1])/2))
	}
	for i, l := range labels {
		x := area.Min.X + cell*vg.Length(i)
		xa := text.XCenter
		switch i {
		case 0:
			xa = text.XLeft
		case len(labels) - 1:
			xa = text.XRight
		}
		y := ly - th.ValueSize - 2
		if stagger && i%2 == 1 {
			y -= r.lineHeight(th.ValueSize)
		}
		r.text(x, y, l, th.ValueSize, false, th.Muted, xa)
	}
	if len(b.noData) > 0 {
		x := area.Min.X + cell*vg.Length(n) + 16
		r.fillRect(x, ly, x+r.width(nd, th.ValueSize, false), ly+8, noDataGrey)
		r.text(x, ly-th.ValueSize-2, nd, th.ValueSize, false, th.Muted, text.XLeft)
	}
	// projection: equirectangular, x scaled by cos(mid latitude)
	lo0, la0, lo1, la1, k := b.bounds()
	gw, gh := (lo1-lo0)*k, la1-la0
	box := vg.Rectangle{Min: area.Min, Max: vg.Point{X: area.Max.X, Y: area.Max.Y - legH}}
	s := math.Min(float64(box.Max.X-box.Min.X)/gw, float64(box.Max.Y-box.Min.Y)/gh)
	ox := box.Min.X + (box.Max.X-box.Min.X-vg.Length(gw*s))/2
	oy := box.Min.Y + (box.Max.Y-box.Min.Y-vg.Length(gh*s))/2
	proj := func(p [2]float64) vg.Point {
		return vg.Point{X: ox + vg.Length((p[0]-lo0)*k*s), Y: oy + vg.Length((p[1]-la0)*s)}
	}
	// the country's outline: a grey edge under the states, whose fills
	// cover its inner half, so the coast shows even beside the lightest
	// class
	for _, st := range b.states {
		for _, ring := range st.rings {
			pts := make([]vg.Point, len(ring)+1)
			for i, p := range ring {
				pts[i] = proj(p)
			}
			pts[len(ring)] = pts[0]
			r.c.StrokeLines(lineStyle(th.Axis, 1.2), pts)
		}
	}
	for _, st := range b.states {
		col := noDataGrey
		tip := st.name + ": " + map[bool]string{true: "sin dato", false: "no data"}[isSpanish(b.cfg)]
		if v, ok := b.values[st.code]; ok {
			col = b.class(v)
			tip = st.name + ": " + b.format.Format(v)
		}
		var rings [][]vg.Point
		for _, ring := range st.rings {
			pts := make([]vg.Point, len(ring))
			for i, p := range ring {
				pts[i] = proj(p)
			}
			r.c.FillPolygon(col, pts)
			r.c.StrokeLines(lineStyle(th.Background, 0.5), append(pts, pts[0]))
			rings = append(rings, pts)
		}
		r.markPoly(rings, tip)
	}
	b.drawHighlights(r, area, proj)
}
