package analyze

// Acceptance regression: quarterly series. clean.Dates writes quarters as
// "2023-Q1" (from "2023T1", "1er trimestre de 2023"…), chart reads
// "2024-Q3", but YoY rejects them as "not an ISO date", so the most common
// question about INEGI's quarterly GDP or ENOE ("how much did it grow
// against the same quarter last year?") cannot be answered. YoY should
// compare "2024-Q1" with "2023-Q1".

import (
	"math"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func TestAcceptYoYQuarters(t *testing.T) {
	// Quarterly GDP-like series (illustrative figures).
	df := dataframe.New(
		series.New([]string{"2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"}, series.String, "periodo"),
		series.New([]float64{24606.6, 24780.1, 24880.5, 24900.4, 24712.0, 24990.3}, series.Float, "pib"),
	)
	out, _, err := YoY(df, "pib", "periodo")
	if err != nil {
		t.Fatalf("YoY on quarters: %v", err)
	}
	pct := out.Col("pib_yoy_pct_change").Float()
	want := (24712.0/24606.6 - 1) * 100
	if math.Abs(pct[4]-want) > 1e-6 && math.Abs(pct[4]-want/100) > 1e-8 {
		t.Errorf("2024-Q1 vs 2023-Q1 = %v, want %v %%", pct[4], want)
	}
	if !math.IsNaN(pct[0]) {
		t.Errorf("2023-Q1 has no year-earlier row, got %v", pct[0])
	}
}
