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
