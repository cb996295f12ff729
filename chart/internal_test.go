package chart

import (
	"reflect"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"
)

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{0, 334, 5, []float64{0, 100, 200, 300, 400}},
		{0, 63.2, 5, []float64{0, 20, 40, 60, 80}},
		{27.6, 65.3, 5, []float64{20, 30, 40, 50, 60, 70}},
		{-3, 7, 5, []float64{-5, -2.5, 0, 2.5, 5, 7.5}},
		{0, 1, 3, []float64{0, 0.5, 1}},
	} {
		got, _ := niceTicks(tc.lo, tc.hi, tc.n)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("niceTicks(%v, %v, %d) = %v, want %v", tc.lo, tc.hi, tc.n, got, tc.want)
		}
	}
}

func TestDateTicks(t *testing.T) {
	day := func(s string) float64 { d, _ := ParseDate(s); return dayNumber(d) }
	for _, tc := range []struct {
		name, lo, hi string
		max          int
		prec         datePrecision
		want         []string
	}{
		{"decade", "2016-12", "2026-05", 8, precMonth, []string{"2018", "2020", "2022", "2024", "2026"}},
		{"months", "2024-01", "2024-12", 7, precMonth, []string{"ene 2024", "mar", "may", "jul", "sep", "nov"}},
		{"quarter steps", "2024-01", "2025-06", 7, precMonth, []string{"ene 2024", "abr", "jul", "oct", "ene 2025", "abr"}},
		{"quarterly", "2024-01", "2025-04", 7, precQuarter, []string{"T1 2024", "T2", "T3", "T4", "T1 2025", "T2"}},
		{"two months", "2024-01", "2024-02", 7, precMonth, []string{"ene 2024", "feb 2024"}},
		{"annual", "2021", "2023", 7, precYear, []string{"2021", "2022", "2023"}},
		{"days", "2024-10-01", "2024-10-20", 6, precDay, []string{"7 oct", "14 oct"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range dateTicks(day(tc.lo), day(tc.hi), tc.max, EsMX, tc.prec) {
				got = append(got, d.label)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if s := dateLabel(time.Date(2024, 10, 17, 0, 0, 0, 0, time.UTC), precDay, EsMX); s != "17 oct 2024" {
		t.Errorf("dateLabel = %q", s)
	}
}

func TestPlaceLabels(t *testing.T) {
	want := []vg.Length{100, 102, 50, 299}
	h := []vg.Length{10, 10, 10, 10}
	placeLabels(want, h, 0, 300)
	// sorted centres 50, 100, 102, 299 → 50, 100, 110, 295 (top clamp)
	exp := []vg.Length{100, 110, 50, 295}
	if !reflect.DeepEqual(want, exp) {
		t.Errorf("got %v, want %v", want, exp)
	}
}

func TestBinEdges(t *testing.T) {
	// the 32 state homicide rates of the examples bin in steps of 2.5
	rates := []float64{0.83, 7.71, 1.52, 2.29, 0.47, 20.48, 1.34, 7.76, 1.89, 0.62, 5.07, 5.46, 1.38, 2.04, 1.37, 3.18,
		12.33, 0.90, 1.89, 4.67, 2.08, 1.00, 1.59, 0.33, 7.89, 5.90, 5.42, 1.16, 1.91, 2.65, 0.35, 0.81}
	e := binEdges(rates, 0)
	if e[0] != 0 || e[1] != 2.5 || e[len(e)-1] != 22.5 {
		t.Errorf("edges %v", e)
	}
	if got := binEdges([]float64{4, 4}, 0); !reflect.DeepEqual(got, []float64{3.5, 4.5}) {
		t.Errorf("constant data: %v", got)
	}
	if got := binEdges([]float64{0, 10}, 4); !reflect.DeepEqual(got, []float64{0, 2.5, 5, 7.5, 10}) {
		t.Errorf("Bins(4): %v", got)
	}
}

func TestWrap(t *testing.T) {
	r := &renderer{th: DefaultTheme(), cfg: defaultConfig()}
	lines := r.wrap("Veracruz de Ignacio de la Llave", 8.5, false, 70)
	if len(lines) < 2 {
		t.Fatalf("not wrapped: %q", lines)
	}
	for _, l := range lines {
		if r.width(l, 8.5, false) > 70 {
			t.Errorf("line %q too wide", l)
		}
	}
	if s := r.truncate("Coahuila de Zaragoza", 8.5, false, 40); s[len(s)-3:] != "…" || r.width(s, 8.5, false) > 40 {
		t.Errorf("truncate = %q", s)
	}
	if got := r.wrapMax("uno dos tres cuatro cinco seis siete", 8.5, false, 30, 2); len(got) != 2 {
		t.Errorf("wrapMax = %q", got)
	}
}
