package mx

import "github.com/datacon-mx/cifra/clean"

// repairMojibake undoes UTF-8 text that was decoded as Windows-1252 or
// Latin-1 ("MÃ©xico" → "México") with clean.FixMojibake, the one repair
// every package uses. Text that is not mojibake is returned unchanged.
func repairMojibake(s string) string {
	r, _ := clean.FixMojibake(s)
	return r
}
