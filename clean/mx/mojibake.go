package mx

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// repairMojibake undoes UTF-8 text that was decoded as Windows-1252 or
// Latin-1 ("MÃ©xico" → "México"), up to twice. Text that is not mojibake
// is returned unchanged.
func repairMojibake(s string) string {
	for round := 0; round < 2; round++ {
		suspicious := false
		for _, r := range s {
			if r == 'Ã' || r == 'Â' {
				suspicious = true
				break
			}
		}
		if !suspicious {
			return s
		}
		b, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			b, err = charmap.ISO8859_1.NewEncoder().String(s)
		}
		if err != nil || !utf8.ValidString(b) || b == s {
			return s
		}
		s = b
	}
	return s
}
