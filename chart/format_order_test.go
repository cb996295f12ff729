package chart_test

import (
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

// TestFormatOptionsCommute: the format options give the same labels in
// any order, and WithFormat(Format{}) keeps the defaults.
func TestFormatOptionsCommute(t *testing.T) {
	df := build(t, frameCol{name: "entidad", s: []string{"Colima", "Guerrero", "Morelos"}}, frameCol{name: "tasa", f: []float64{20.4786, 59.21, 31.9}})
	alt := func(opts ...chart.Option) string {
		t.Helper()
		ch, err := chart.Bar(df, "entidad", "tasa", opts...)
		if err != nil {
			t.Fatal(err)
		}
		return ch.AltText()
	}
	a := alt(chart.Decimals(2), chart.WithFormat(chart.Format{Percent: true}))
	b := alt(chart.WithFormat(chart.Format{Percent: true}), chart.Decimals(2))
	if a != b {
		t.Errorf("option order changes the chart:\n%s\n%s", a, b)
	}
	if want := "20.48%"; !contains(a, want) {
		t.Errorf("alt text %q lacks %q", a, want)
	}
	if d, z := alt(), alt(chart.WithFormat(chart.Format{})); d != z {
		t.Errorf("WithFormat(Format{}) changed the chart:\n%s\n%s", d, z)
	}
	if w := alt(chart.Decimals(0)); !contains(w, "Guerrero 59;") && !contains(w, "Guerrero 59.") {
		t.Errorf("Decimals(0) alt text %q: want whole numbers", w)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
