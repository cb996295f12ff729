package fetch

import (
	"bufio"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// jsonSniffEncoding decides how to decode the text in br, whose first bytes
// are head: the forced cfg.encoding; a UTF-8 BOM (skipped); a UTF-16 BOM;
// valid UTF-8; or else Windows-1252, the encoding of most Mexican
// government files that are not UTF-8. It returns a reader of UTF-8 text
// and the name of the encoding for the report.
func jsonSniffEncoding(br *bufio.Reader, head []byte, cfg *config) (io.Reader, string, error) {
	if cfg.encoding != nil {
		name := cfg.encodingName
		if name == "" {
			name = "forced"
			if s, ok := cfg.encoding.(interface{ String() string }); ok {
				name = s.String()
			}
		}
		return transform.NewReader(br, cfg.encoding.NewDecoder()), name, nil
	}
	switch {
	case len(head) >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF:
		if _, err := br.Discard(3); err != nil {
			return nil, "", err
		}
		return br, "UTF-8 with BOM", nil
	case len(head) >= 2 && head[0] == 0xFF && head[1] == 0xFE:
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), "UTF-16LE", nil
	case len(head) >= 2 && head[0] == 0xFE && head[1] == 0xFF:
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()), "UTF-16BE", nil
	}
	if jsonValidUTF8Prefix(head) {
		return br, "UTF-8", nil
	}
	return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "Windows-1252", nil
}

// jsonValidUTF8Prefix reports whether b is valid UTF-8, allowing a rune cut
// off at the end (b may be the first bytes of a longer input).
func jsonValidUTF8Prefix(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:])
		}
		i += size
	}
	return true
}
