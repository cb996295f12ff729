package mojibake

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Fix repairs text that was encoded as UTF-8 and then decoded as
// Windows-1252 or Latin-1, once or twice ("MÃ©xico" → "México"), and bytes
// that are not UTF-8 at all, read as Windows-1252. The result is NFC;
// fixed reports whether s changed. Text with U+FFFD cannot be repaired and
// is returned as is.
func Fix(s string) (repaired string, fixed bool) {
	out := s
	if !utf8.ValidString(out) {
		out = decodeInvalid(out)
	}
	for pass := 0; pass < 3; pass++ {
		next, ok := fixPass(out)
		if !ok {
			break
		}
		out = next
	}
	out = norm.NFC.String(out)
	return out, out != s
}

// cp1252Byte returns the Windows-1252 byte that decodes to r, accepting the
// C1 controls U+0080–U+009F as the bytes Latin-1 gives them (bytes that
// Windows-1252 leaves undefined turn up that way).
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0x9f || r >= 0xa0 && r <= 0xff {
		return byte(r), true
	}
	if r < 0x80 {
		return byte(r), true
	}
	b, ok := charmap.Windows1252.EncodeRune(r)
	return b, ok
}

// decodeInvalid keeps the valid UTF-8 sequences of s and reads every other
// byte as Windows-1252.
func decodeInvalid(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	dec := charmap.Windows1252
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(dec.DecodeByte(s[i]))
			i++
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// fixPass undoes one round of UTF-8-read-as-Windows-1252: each run of
// characters whose Windows-1252 bytes form a multi-byte UTF-8 sequence is
// replaced by the character it encodes. ok is false when nothing changed.
func fixPass(s string) (string, bool) {
	// Quick check: mojibake needs a lead character in À–ï (bytes C0–EF
	// read as Windows-1252) followed by a non-ASCII character.
	prevLead := false
	found := false
	for _, r := range s {
		if prevLead && r >= 0x80 {
			found = true
			break
		}
		prevLead = r >= 0xc2 && r <= 0xf4
	}
	if !found {
		return s, false
	}
	runes := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	changed := false
	var buf [4]byte
	for i := 0; i < len(runes); {
		r := runes[i]
		lead, ok := cp1252Byte(r)
		n := 0
		switch {
		case !ok || r < 0x80:
		case lead >= 0xc2 && lead <= 0xdf:
			n = 2
		case lead >= 0xe0 && lead <= 0xef:
			n = 3
		case lead >= 0xf0 && lead <= 0xf4:
			n = 4
		}
		if n > 0 && i+n <= len(runes) {
			buf[0] = lead
			good := true
			for k := 1; k < n; k++ {
				c, ok := cp1252Byte(runes[i+k])
				if !ok || c < 0x80 || c > 0xbf {
					good = false
					break
				}
				buf[k] = c
			}
			if good {
				if dr, size := utf8.DecodeRune(buf[:n]); dr != utf8.RuneError && size == n {
					b.WriteRune(dr)
					changed = true
					i += n
					continue
				}
			}
		}
		b.WriteRune(r)
		i++
	}
	if !changed {
		return s, false
	}
	return b.String(), true
}
