package chart

import (
	"math"
	"testing"
)

// TestAutoDecimalsNarrowRange: values close together get the decimals that
// tell them apart (an exchange-rate line labelled "20.4" for 20.4385 on an
// axis ticked every 0.05 was found in acceptance testing), while values
// already exact keep the short form.
func TestAutoDecimalsNarrowRange(t *testing.T) {
	tests := []struct {
		name string
		vs   []float64
		want int
	}{
		{"counts", []float64{3540, 4490}, 0},
		{"rates", []float64{10.9, 6032.5}, 1},
		{"exact halves", []float64{1.5, 2}, 1},
		// Banxico FIX (SF43718), 2–9 January 2018, with a missing day.
		{"exchange rate", []float64{19.4899, 19.3717, 19.2427, 19.2737, math.NaN(), 19.2323, 19.3065}, 2},
		{"below one", []float64{0.25, 0.75}, 2},
		{"tiny spread capped", []float64{1.00001, 1.00002}, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := autoDecimals(tc.vs); got != tc.want {
				t.Errorf("autoDecimals(%v) = %d, want %d", tc.vs, got, tc.want)
			}
		})
	}
}
