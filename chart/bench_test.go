package chart_test

import (
	"io"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

func BenchmarkBarBuild(b *testing.B) {
	df := homicideRates()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := chart.Bar(df, "entidad", "tasa", chart.Highlight("Colima")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBarSVG(b *testing.B) {
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa", chart.Title("t"), chart.Source("s"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ch.Render(io.Discard, "svg"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBarPNG(b *testing.B) {
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa", chart.Title("t"), chart.Source("s"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ch.Render(io.Discard, "png"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLineBuild reads 538 monthly rows (dates parsed, two series).
func BenchmarkLineBuild(b *testing.B) {
	df := remesas()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := chart.Line(df, "periodo", "millones", chart.Series("flujo")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLinePNG(b *testing.B) {
	ch, err := chart.Line(remesas(), "periodo", "millones", chart.Series("flujo"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ch.Render(io.Discard, "png"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	f := chart.Format{Decimals: chart.Auto, Scale: chart.ScaleAuto}
	for i := 0; i < b.N; i++ {
		_ = f.Format(float64(i) * 1234.5)
	}
}
