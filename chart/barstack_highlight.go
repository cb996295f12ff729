package chart

import "image/color"

// highlightMulti resolves Highlight for stacked and grouped bars: the
// labels may name categories (their bars keep their colours and their
// names turn bold, the others fade) or series (the segments of those
// series keep their colours, the others fade).
func highlightMulti(who string, b *multiBody, want []string) error {
	if len(want) == 0 {
		return nil
	}
	hl, err := highlightMask(who, b.cats, want)
	if err == nil {
		b.hlCat = hl
		return nil
	}
	if hs, err2 := highlightMask(who, b.series, want); err2 == nil {
		b.hlSeries = hs
		return nil
	}
	return err
}

// segColour is the fill of series s in category c, faded towards the
// background when a highlight leaves it out.
func (b *multiBody) segColour(c, s int, bg color.Color) color.Color {
	col := b.colour(s)
	if (b.hlCat != nil && !b.hlCat[c]) || (b.hlSeries != nil && !b.hlSeries[s]) {
		return mix(col, bg, 0.7)
	}
	return col
}

// catBold says whether category c is highlighted.
func (b *multiBody) catBold(c int) bool { return b.hlCat != nil && b.hlCat[c] }

// mix returns a blended with b, t of the way from a to b.
func mix(a, b color.Color, t float64) color.Color {
	if b == nil {
		b = color.White
	}
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	f := func(x, y uint32) uint8 { return uint8((float64(x>>8)*(1-t) + float64(y>>8)*t) + 0.5) }
	return color.RGBA{R: f(ar, br), G: f(ag, bg), B: f(ab, bb), A: 0xff}
}
