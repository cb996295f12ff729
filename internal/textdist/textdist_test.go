package textdist

import "testing"

func TestDistanceAndSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{
		{"veracruz", "verakruz", 1},
		{"michoacán", "michoacan", 1},
		{"", "abc", 3},
		{"coahuila", "coahuila de zaragoza", 12},
	} {
		if d := Distance(tc.a, tc.b); d != tc.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, d, tc.d)
		}
		if d := Bounded(tc.a, tc.b, 0); tc.d > 0 && d != 1 {
			t.Errorf("Bounded(%q, %q, 0) = %d, want 1 (over the bound)", tc.a, tc.b, d)
		}
	}
	if s := Similarity("veracruz", "verakruz"); s != 0.875 {
		t.Errorf("Similarity(veracruz, verakruz) = %v, want 0.875", s)
	}
	if s := Similarity("veracruz", "veracruz de ignacio de la llave"); s < 0.75 || s > 0.95 {
		t.Errorf("word containment scored %v, want 0.75–0.95", s)
	}
	if s := Similarity("24", "20"); s != 0 {
		t.Errorf("different codes scored %v, want 0", s)
	}
	if s := Similarity("1", "01"); s != 0.95 {
		t.Errorf("same code scored %v, want 0.95", s)
	}
}
