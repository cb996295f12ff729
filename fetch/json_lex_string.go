package fetch

import (
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// readString reads the string whose quote is at pos.
func (l *jsonLexer) readString() (string, error) {
	i := 1
	plain := true // no escapes, only ASCII
	for {
		for l.pos+i < l.end {
			c := l.buf[l.pos+i]
			switch {
			case c == '"':
				raw := l.buf[l.pos+1 : l.pos+i]
				l.pos += i + 1
				if plain || utf8.Valid(raw) && !hasByte(raw, '\\') {
					return string(raw), nil
				}
				return l.unquote(raw, l.InputOffset()-int64(len(raw))-1)
			case c == '\\':
				plain = false
				i++
				if l.pos+i >= l.end && !l.fill() {
					return "", l.eof()
				}
				i++
			case c < 0x20:
				l.pos += i
				return "", l.syntax(c, "in string literal")
			default:
				if c >= utf8.RuneSelf {
					plain = false
				}
				i++
			}
		}
		if !l.fill() {
			return "", l.eof()
		}
	}
}

func hasByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// unquote decodes the escapes of raw (a string's bytes between its
// quotes, starting at input offset start) as encoding/json does: bytes
// that are not UTF-8 and lone surrogates become U+FFFD.
func (l *jsonLexer) unquote(raw []byte, start int64) (string, error) {
	out := make([]byte, 0, len(raw)+8)
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\':
			if i+1 >= len(raw) {
				return "", io.ErrUnexpectedEOF
			}
			e := raw[i+1]
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, ok := hex4(raw[i+2:])
				if !ok {
					return "", &jsonSyntaxError{msg: "invalid character in \\u hexadecimal character escape", off: start + int64(i) + 2}
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if len(raw) >= i+6 && raw[i] == '\\' && raw[i+1] == 'u' {
						if r2, ok := hex4(raw[i+2:]); ok {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								out = utf8.AppendRune(out, dec)
								i += 6
								continue
							}
						}
					}
					r = utf8.RuneError
				}
				out = utf8.AppendRune(out, r)
				continue
			default:
				return "", &jsonSyntaxError{msg: "invalid character " + quoteJSONChar(e) + " in string escape code", off: start + int64(i) + 2}
			}
			i += 2
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, raw[i:i+size]...)
			}
			i += size
		}
	}
	return string(out), nil
}

// hex4 reads four hexadecimal digits; a shorter or invalid run is not ok
// (encoding/json rejects it as a syntax error too).
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}
