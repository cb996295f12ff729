package mojibake

import "testing"

func TestFix(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		fixed    bool
	}{
		{"MÃ©xico", "México", true},
		{"PEÃ‘A", "PEÑA", true},
		{"MÃƒÂ©xico", "México", true}, // garbled twice
		{"M\xe9xico", "México", true}, // a Windows-1252 byte in UTF-8 text
		{"México", "México", false},
		{"M\uFFFDxico", "M\uFFFDxico", false}, // lost for good
	} {
		got, fixed := Fix(tc.in)
		if got != tc.want || fixed != tc.fixed {
			t.Errorf("Fix(%q) = %q, %v; want %q, %v", tc.in, got, fixed, tc.want, tc.fixed)
		}
	}
}
