package mx

import (
	"strings"

	"github.com/datacon-mx/cifra/clean"
)

// unwrapCode trims s and removes a spreadsheet wrapper that keeps a code
// as text (`="01"`, `'01`, `=CONCATENAR(0,01)`).
func unwrapCode(s string) string {
	if v, ok := clean.StripFormulasString(s); ok {
		return v
	}
	return strings.TrimSpace(s)
}

// splitCode reads a municipality key written as its two codes apart, as
// INEGI's consulta exports do (" 01 001 ", "01-001", "1 1"), and returns
// them padded to two and three digits.
func splitCode(s string) (ent, mun string, ok bool) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\t' || r == '\u00a0' })
	if len(f) != 2 || !digits(f[0], 2) || !digits(f[1], 3) {
		return "", "", false
	}
	return strings.Repeat("0", 2-len(f[0])) + f[0], strings.Repeat("0", 3-len(f[1])) + f[1], true
}

// digits reports whether s is 1 to max ASCII digits.
func digits(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
