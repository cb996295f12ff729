package chart

import "gonum.org/v1/plot/vg"

// Phone is a size for phones: a chart 360 CSS pixels wide and 520 high,
// laid out for that width (the title and labels wrap, axes take fewer
// ticks) rather than a desktop drawing scaled down, and drawn as PNG at 2×
// pixel density (720×1040 pixels at 192 dpi) for sharp screens. Use it
// with WithSize:
//
//	ch, err := chart.Bar(df, "entidad", "tasa", chart.WithSize(chart.Phone))
//
// Text keeps its size in CSS pixels: labels of 8.5 points are 11.3 pixels
// on the phone. Charts that need more height (many bars) grow taller.
var Phone = Size{Width: 720, Height: 1040, DPI: 192}

// labelShare is the most of the plot width that category names of
// horizontal bars may take before they wrap: on a phone-wide plot (under
// 300 points) names get nearly half, so "Veracruz de Ignacio de la Llave"
// stays on one line instead of doubling the height of every bar.
func labelShare(w vg.Length) vg.Length {
	if w < 300 {
		return 0.48
	}
	return 0.38
}
