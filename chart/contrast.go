package chart

import (
	"image/color"
	"math"
)

// minContrast is the least contrast ratio of text on its background
// (WCAG 2 level AA for body text).
const minContrast = 4.5

// luminance is the WCAG relative luminance of c, from 0 (black) to 1.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 65535
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// textOn returns c for text on bg when it reads well enough (4.5:1), or
// else c darkened (lightened on a dark background) just until it does: a
// series labelled in the palette's orange #E69F00 (2.0:1 on white) is
// written in a darker orange of the same hue.
func textOn(c, bg color.Color) color.Color {
	if c == nil || bg == nil || contrast(c, bg) >= minContrast {
		return c
	}
	r, g, b, _ := c.RGBA()
	fr, fg, fb := float64(r>>8), float64(g>>8), float64(b>>8)
	darken := luminance(bg) > 0.18
	for k := 1; k <= 20; k++ {
		t := float64(k) / 20
		var out color.RGBA
		if darken {
			out = color.RGBA{R: uint8(fr * (1 - t)), G: uint8(fg * (1 - t)), B: uint8(fb * (1 - t)), A: 0xff}
		} else {
			out = color.RGBA{R: uint8(fr + (255-fr)*t), G: uint8(fg + (255-fg)*t), B: uint8(fb + (255-fb)*t), A: 0xff}
		}
		if contrast(out, bg) >= minContrast {
			return out
		}
	}
	if darken {
		return color.Black
	}
	return color.White
}

// pickOn returns the theme's text colour or white, whichever reads better
// on a fill (value labels inside bars).
func pickOn(fill color.Color, th Theme) color.Color {
	if contrast(th.Text, fill) >= contrast(color.White, fill) {
		return th.Text
	}
	return color.White
}
