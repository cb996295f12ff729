package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key folds s for matching: Unicode NFD, combining marks dropped (so "é" →
// "e", "ñ" → "n"), lower case, every run of punctuation, symbols and
// whitespace turned into one space, trimmed. ASCII input takes a fast path
// with no allocation beyond the result.
func Key(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return asciiKey(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	// norm.NFD.String, not norm.Iter: the Iter of golang.org/x/text (through
	// v0.44) dereferences a nil flush function on some invalid UTF-8 followed
	// by combining marks, and a fold must never panic on a cell.
	// Invalid bytes become spaces first (they are separators in the key
	// anyway): NFD does not decompose a character that follows some of
	// them, so "\xf2ё" would keep its diaeresis and fold differently
	// from " ё".
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	d := s
	if !norm.NFD.IsNormalString(s) {
		d = norm.NFD.String(s)
	}
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

func asciiKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
		default:
			space = true
		}
	}
	return b.String()
}

// Accents removes combining marks after NFD decomposition and returns the
// NFC form: "Querétaro" → "Queretaro", "Peña" → "Pena". Case, spaces and
// punctuation are kept.
func Accents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}
