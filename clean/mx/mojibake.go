package mx

import "github.com/datacon-mx/cifra/internal/mojibake"

// repairMojibake undoes UTF-8 text that was decoded as Windows-1252 or
// Latin-1 ("MÃ©xico" → "México") with the repair clean.FixMojibake uses
// (internal/mojibake). Text that is not mojibake is returned unchanged.
func repairMojibake(s string) string {
	r, _ := mojibake.Fix(s)
	return r
}
