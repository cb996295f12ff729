package chart

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
