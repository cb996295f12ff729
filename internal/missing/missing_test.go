package missing

import "testing"

func TestDefaultSet(t *testing.T) {
	for _, v := range []string{"", "  ", "N/D", " NA ", "s/d", "—", "No disponible", "NULL", "N.D."} {
		if !DefaultSet.Is(v) {
			t.Errorf("%q should be missing", v)
		}
	}
	for _, v := range []string{"0", "Nacional", "ND1", "nada", "01"} {
		if DefaultSet.Is(v) {
			t.Errorf("%q should not be missing", v)
		}
	}
	custom := NewSet([]string{"99", " 9999-99-99 "})
	if !custom.Is("9999-99-99") || !custom.Is("") || custom.Is("N/D") {
		t.Error("custom set: wrong membership")
	}
}

func TestIsDatePlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"9999-99-99": true, " -001-11-30 ": true, "0000-00-00 00:00:00": true, "0001-01-01T00:00:00Z": true,
		"2020-11-30": false, "": false, "N/D": false, "9999": false, "-001-11-3": false,
	} {
		if got := IsDatePlaceholder(s); got != want {
			t.Errorf("IsDatePlaceholder(%q) = %v", s, got)
		}
	}
}
