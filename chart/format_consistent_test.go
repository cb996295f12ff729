package chart_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

// Abbreviated labels of one chart share their decimals: "17.0 millones"
// beside "9.2 millones", never "17 millones" beside "9.2 millones".
func TestAbbreviateSameDecimals(t *testing.T) {
	for _, tc := range []struct {
		vals []float64
		want string
	}{
		{[]float64{17e6, 9.2e6}, "Barras: a 17.0 millones; b 9.2 millones."},
		{[]float64{17e6, 9e6}, "Barras: a 17 millones; b 9 millones."},
		{[]float64{17e6, 450}, "Barras: a 17 millones; b 450."},
	} {
		df := build(t, frameCol{name: "k", s: []string{"a", "b"}}, frameCol{name: "v", f: tc.vals})
		ch, err := chart.Bar(df, "k", "v", chart.Abbreviate())
		if err != nil {
			t.Fatal(err)
		}
		if got := ch.AltText(); got != tc.want {
			t.Errorf("%v: alt %q, want %q", tc.vals, got, tc.want)
		}
	}
}

// Abbreviated axis ticks write the scale word once, on the tick farthest
// from zero.
func TestScaleOnce(t *testing.T) {
	df := build(t, frameCol{name: "k", s: []string{"2023", "2024", "2025"}},
		frameCol{name: "v", f: []float64{63.3e9, 64.7e9, 61.8e9}})
	ch, err := chart.Line(df, "k", "v", chart.Abbreviate(), chart.WithSize(chart.Size{Width: 640, Height: 400}))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ch.Render(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	if n := strings.Count(svg, " mil millones</text>"); n != 2 {
		t.Errorf("the scale is written %d times, want twice (top tick and end label)", n)
	}
	for _, want := range []string{">62.0</text>", ">65.0 mil millones</text>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("no tick %q", want)
		}
	}
}
