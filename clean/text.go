package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/mojibake"
	"golang.org/x/text/unicode/norm"
)

// FoldString returns the matching key of s: accents and case removed, every run
// of punctuation, symbols and whitespace turned into one space, trimmed.
// "  Michoacán de Ocampo " and "MICHOACAN DE OCAMPO" fold to the same key,
// "michoacan de ocampo". Use it to compare names, never to display them.
func FoldString(s string) string { return fold.Key(s) }

// isSpace reports whether r is whitespace for Squish: Unicode white space
// plus the zero-width and byte-order marks that spreadsheets leave behind.
func isSpace(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// Squish trims s and collapses every inner run of whitespace (spaces, tabs,
// line breaks, non-breaking and other Unicode spaces, zero-width spaces and
// byte-order marks) into one ASCII space: "  Ciudad\u00a0de   México\n" →
// "Ciudad de México". Letters, case and punctuation are kept.
func Squish(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if sp && (prevSpace || c != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if isSpace(r) {
			pending = true
			continue
		}
		if pending && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
	}
	return b.String()
}

// NFC returns s in Unicode normalisation form C, so that "é" written as "e"
// plus a combining accent equals the precomposed "é".
func NFC(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFC.String(s)
		}
	}
	return s
}

// FixMojibake repairs text that was encoded as UTF-8 and then decoded as
// Windows-1252 or Latin-1, once or twice ("MÃ©xico" → "México",
// "PEÃ‘A" → "PEÑA"), and bytes that are not UTF-8 at all, which it reads
// as Windows-1252 ("M\xe9xico" → "México"). The result is NFC. fixed
// reports whether s was changed. Text that lost its accents for good
// ("M�xico", with the replacement character U+FFFD) cannot be repaired:
// it is returned as is; use Damaged to find it. The same holds for "Á",
// "Í" and "”" garbled by a strict decoder that turned their second byte
// into U+FFFD ("Ã�"); the usual garbling, which keeps that byte as an
// invisible control character, is repaired.
func FixMojibake(s string) (repaired string, fixed bool) { return mojibake.Fix(s) }

// Damaged reports whether s holds the Unicode replacement character
// U+FFFD, the mark of text whose original characters were lost when it was
// decoded with the wrong encoding ("M�xico"). Such text cannot be repaired
// automatically.
func Damaged(s string) bool { return strings.ContainsRune(s, utf8.RuneError) && utf8.ValidString(s) }
