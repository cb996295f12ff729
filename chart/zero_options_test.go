package chart_test

import (
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

// TestZeroOptionsAreDefaults: an option given its zero value draws the
// same chart as no option at all.
func TestZeroOptionsAreDefaults(t *testing.T) {
	df := build(t, frameCol{name: "entidad", s: []string{"Colima", "Guerrero", "Morelos"}}, frameCol{name: "tasa", f: []float64{20.4786, 59.21, 31.9}})
	svg := func(opts ...chart.Option) string {
		t.Helper()
		ch, err := chart.Bar(df, "entidad", "tasa", opts...)
		if err != nil {
			t.Fatal(err)
		}
		return svgOf(t, ch)
	}
	want := svg()
	for name, o := range map[string]chart.Option{
		"TopN(0)":              chart.TopN(0),
		"WithSize(Size{})":     chart.WithSize(chart.Size{}),
		"WithLocale(\"\")":     chart.WithLocale(""),
		"WithFormat(Format{})": chart.WithFormat(chart.Format{}),
		"WithTheme(Theme{})":   chart.WithTheme(chart.Theme{}),
	} {
		if got := svg(o); got != want {
			t.Errorf("%s changed the chart", name)
		}
	}
	h := func(opts ...chart.Option) string {
		t.Helper()
		ch, err := chart.Histogram(df, "tasa", opts...)
		if err != nil {
			t.Fatal(err)
		}
		return svgOf(t, ch)
	}
	if h() != h(chart.Bins(0)) {
		t.Error("Bins(0) changed the histogram")
	}
}
