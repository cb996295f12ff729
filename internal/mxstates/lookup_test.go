package mxstates

import "testing"

func TestLookup(t *testing.T) {
	for in, want := range map[string]string{
		"Coah": "05", "coahuila de zaragoza": "05", "9": "09", "09.0": "09", "CDMX": "09",
		"Edomex": "15", "México": "15", "Q. Roo": "23", "MX-CMX": "09", "DIF": "09",
		"09 Ciudad de México": "09", "Ciudad de México (CDMX)": "09", "Yucat\uFFFDn": "31",
	} {
		i, ok := Lookup(in)
		if !ok || All[i].Code != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", in, i, ok, want)
		}
	}
	for _, in := range []string{"", "33", "Texas", "Nacional", "00", "15 Jalisco", "Baja"} {
		if i, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) = %s, want no state", in, All[i].Code)
		}
	}
	for _, in := range []string{"Nacional", "00", "0", "Estados Unidos Mexicanos", " total nacional "} {
		if !IsNational(in) {
			t.Errorf("IsNational(%q) = false", in)
		}
	}
	if len(All) != 32 {
		t.Fatalf("%d states", len(All))
	}
}
