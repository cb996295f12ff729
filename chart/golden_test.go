package chart_test

import (
	"testing"

	"gonum.org/v1/plot/cmpimg"
)

// goldenDelta is the tolerance of image comparisons: fonts and
// anti-aliasing differ a little between platforms.
const goldenDelta = 0.05

// TestGolden runs every chart Example and compares the PNG it writes in
// testdata/ with testdata/<name>_golden.png. Run with -regen to accept the
// current output as the new golden image (then look at it).
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		fn   func()
	}{
		{"bar.png", ExampleBar},
		{"column.png", ExampleBar_vertical},
		{"line.png", ExampleLine},
		{"line_series.png", ExampleLine_series},
		{"stacked.png", ExampleStackedBar},
		{"stacked100.png", ExampleStackedBar_percent},
		{"grouped.png", ExampleGroupedBar},
		{"scatter.png", ExampleScatter},
		{"histogram.png", ExampleHistogram},
		{"dumbbell.png", ExampleDumbbell},
		{"slope.png", ExampleSlope},
		{"map.png", ExampleChoropleth},
		{"multiples.png", ExampleSmallMultiples},
		{"line_monthend.png", ExampleLine_monthEnd},
		{"line_yearend.png", ExampleLine_yearEnd},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmpimg.CheckPlotApprox(tc.fn, t, goldenDelta, tc.name)
		})
	}
}
