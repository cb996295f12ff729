package fetch

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/sniff"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding detection. With no Encoding option the readers decide, in this
// order: a UTF-8 byte-order mark; a UTF-16 byte-order mark (or the NUL
// pattern of UTF-16 text without one); valid UTF-8 (or UTF-8 with a few
// stray bytes, read as Windows-1252); otherwise Windows-1252, the encoding of most Mexican federal CSVs (its printable
// characters are those of ISO-8859-1/Latin-1 plus “curly” quotes, € and —).
// Input with NUL bytes that is not UTF-16, or a known binary signature
// (ZIP/xlsx, xls, PDF, gzip), is an error wrapping ErrFormat.

const (
	encUTF8     = "UTF-8"
	encUTF8BOM  = "UTF-8 with BOM"
	encUTF16LE  = "UTF-16LE"
	encUTF16BE  = "UTF-16BE"
	encWin1252  = "Windows-1252"
	sniffWindow = 64 << 10
)

// win1252 maps each byte to its UTF-8 encoding under Windows-1252. The five
// bytes Windows-1252 leaves undefined map to the C1 controls, as browsers do.
var win1252 [256]string

func init() {
	dec := charmap.Windows1252
	for b := 0; b < 256; b++ {
		r := dec.DecodeByte(byte(b))
		if r == utf8.RuneError {
			r = rune(b)
		}
		win1252[b] = string(r)
	}
}

// decodeWindows1252 converts Windows-1252 text to UTF-8.
func decodeWindows1252(b string) string {
	extra := 0
	for i := 0; i < len(b); i++ {
		if c := b[i]; c >= 0x80 {
			extra += len(win1252[c]) - 1
		}
	}
	var out strings.Builder
	out.Grow(len(b) + extra)
	start := 0
	for i := 0; i < len(b); i++ {
		if c := b[i]; c >= 0x80 {
			out.WriteString(b[start:i])
			out.WriteString(win1252[c])
			start = i + 1
		}
	}
	out.WriteString(b[start:])
	return out.String()
}

// binaryKind names a known binary file signature, or "".
func binaryKind(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "a ZIP archive or an .xlsx workbook (use ReadExcel, or open the ZIP first)"
	case bytes.HasPrefix(b, []byte("\xD0\xCF\x11\xE0")):
		return "a legacy Excel .xls workbook (convert it to .xlsx or CSV)"
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "a PDF document"
	case bytes.HasPrefix(b, []byte("\x1f\x8b")):
		return "a gzip file (decompress it first)"
	}
	return ""
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// utf16Guess reports whether b looks like UTF-16 without a BOM: NUL bytes
// in most even (big-endian) or odd (little-endian) positions.
func utf16Guess(b []byte) (le, be bool) {
	if len(b) > 4096 {
		b = b[:4096]
	}
	if len(b) < 4 {
		return false, false
	}
	even, odd := 0, 0
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 2
	return odd*10 > half*7 && even*10 < half, even*10 > half*7 && odd*10 < half
}

// checkBinary returns an error when b (the first bytes of the input, after
// any BOM) is not text.
func checkBinary(source string, b []byte) error {
	if k := binaryKind(b); k != "" {
		return fmt.Errorf("fetch: %s: this is %s, not a CSV file: %w", orDash(source), k, ErrFormat)
	}
	if sniff.HTML(b) {
		return fmt.Errorf("fetch: %s: this is an HTML page, not a CSV file (often a server's error or login page saved under the data's name; read its tables with HTMLTables): %w", orDash(source), ErrFormat)
	}
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctrl := 0
	for i, c := range b {
		if c == 0 {
			return fmt.Errorf("fetch: %s: byte %d is NUL: binary data, not text: %w", orDash(source), i+1, ErrFormat)
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if len(b) > 0 && ctrl*20 > len(b) {
		return fmt.Errorf("fetch: %s: %d control bytes in the first %d: binary data, not text: %w", orDash(source), ctrl, len(b), ErrFormat)
	}
	return nil
}

// encodingName names a forced encoding for reports.
func encodingName(e encoding.Encoding) string {
	if n, err := htmlindex.Name(e); err == nil {
		return n
	}
	if s, ok := e.(fmt.Stringer); ok {
		return s.String()
	}
	return "forced"
}

// decodeAll turns the whole input into UTF-8 text and names its encoding.
// Valid UTF-8 input is returned as is, without a copy.
func decodeAll(cfg *config, s string) (string, string, error) {
	text, enc, lazy, err := decodeLazy(cfg, s)
	if lazy {
		text = decodeWindows1252(text)
	}
	return text, enc, err
}

// decodeLazy is decodeAll, except that input detected as Windows-1252 is
// returned undecoded with lazy true: every byte the CSV scanner looks at
// (delimiters, quotes, line ends) is ASCII and means the same in both
// encodings, so the scanner can split the raw text and only the field
// values it hands out need decoding (see recs.win1252). This saves a
// decoded copy of the whole input.
func decodeLazy(cfg *config, s string) (string, string, bool, error) {
	text, enc, err := decodeEager(cfg, s)
	if err == nil && strings.HasPrefix(enc, encWin1252) {
		return s, enc, true, nil
	}
	return text, enc, false, err
}

// decodeEager decides the encoding; for Windows-1252 it returns the input
// undecoded (decodeLazy and decodeAll finish the job).
func decodeEager(cfg *config, s string) (string, string, error) {
	if cfg.encoding != nil {
		out, err := cfg.encoding.NewDecoder().Bytes([]byte(s))
		if err != nil {
			return "", "", fmt.Errorf("fetch: %s: decoding as %s: %v: %w", orDash(cfg.source), encodingName(cfg.encoding), err, ErrFormat)
		}
		out = bytes.TrimPrefix(out, []byte("\xEF\xBB\xBF"))
		return string(out), encodingName(cfg.encoding), nil
	}
	switch {
	case strings.HasPrefix(s, "\xEF\xBB\xBF"):
		s = s[3:]
		if err := checkBinary(cfg.source, head(s)); err != nil {
			return "", "", err
		}
		if !utf8.ValidString(s) {
			return string(fixUTF8([]byte(s))), encUTF8BOM + " (invalid bytes read as Windows-1252)", nil
		}
		return s, encUTF8BOM, nil
	case strings.HasPrefix(s, "\xFF\xFE"), strings.HasPrefix(s, "\xFE\xFF"):
		return decodeUTF16(cfg, []byte(s), strings.HasPrefix(s, "\xFF\xFE"), true)
	}
	if le, be := utf16Guess(head(s)); le || be {
		return decodeUTF16(cfg, []byte(s), le, false)
	}
	if err := checkBinary(cfg.source, head(s)); err != nil {
		return "", "", err
	}
	if validUTF8(s) {
		return s, encUTF8, nil
	}
	multi, bad := utf8EvidenceAll(s)
	enc, win := notUTF8Verdict(multi, bad)
	if !win {
		return string(fixUTF8([]byte(s))), enc, nil
	}
	return s, enc, nil
}

// notUTF8Verdict decides how text that is not valid UTF-8 is read, from
// its count of valid multi-byte UTF-8 sequences and of bytes that are not
// UTF-8 (see utf8Evidence), and names the encoding for the report. win
// says the text is read as Windows-1252 (each value that is valid UTF-8
// kept as UTF-8); otherwise it is UTF-8 whose stray bytes are read as
// Windows-1252 (fixUTF8).
func notUTF8Verdict(multi, bad int) (enc string, win bool) {
	if multi > 4*bad {
		// mostly UTF-8 with a few stray bytes (e.g. files concatenated
		// from two exports): keep the UTF-8, read the strays as
		// Windows-1252.
		return fmt.Sprintf("%s (%d invalid bytes read as Windows-1252)", encUTF8, bad), false
	}
	if multi > 0 {
		// rows from two exports, one UTF-8 and one Windows-1252: each
		// value is read as UTF-8 when it is valid UTF-8 (see
		// win1252Value), so neither half turns into mojibake.
		return fmt.Sprintf("%s mixed with UTF-8 (%d UTF-8 characters, %d Windows-1252 bytes; each value read as UTF-8 when it is valid UTF-8, else as Windows-1252)", encWin1252, multi, bad), true
	}
	return encWin1252, true
}

// validUTF8 is utf8.ValidString (through validString), in two halves at
// once for large inputs.
func validUTF8(s string) bool {
	if len(s) < parallelMin || runtime.GOMAXPROCS(0) < 2 {
		return validString(s)
	}
	mid := len(s) / 2
	for k := 0; k < utf8.UTFMax && mid > 0 && !utf8.RuneStart(s[mid]); k++ {
		mid--
	}
	var second bool
	done := make(chan struct{})
	go func() {
		second = validString(s[mid:])
		close(done)
	}()
	first := validString(s[:mid])
	<-done
	return first && second
}

// utf8EvidenceAll is utf8Evidence, in two halves at once for large
// inputs (split at a rune start, so the counts are those of one pass).
func utf8EvidenceAll(s string) (multi, bad int) {
	if len(s) < parallelMin || runtime.GOMAXPROCS(0) < 2 {
		return utf8Evidence(s)
	}
	mid := len(s) / 2
	for k := 0; k < utf8.UTFMax && mid > 0 && !utf8.RuneStart(s[mid]); k++ {
		mid--
	}
	var m2, b2 int
	done := make(chan struct{})
	go func() {
		m2, b2 = utf8Evidence(s[mid:])
		close(done)
	}()
	multi, bad = utf8Evidence(s[:mid])
	<-done
	return multi + m2, bad + b2
}

// utf8Evidence counts the valid multi-byte UTF-8 sequences and the bytes
// that are not UTF-8 in s.
func utf8Evidence(s string) (multi, bad int) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i = nextHigh(s, i+1)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			i++
			continue
		}
		multi++
		i += n
	}
	return multi, bad
}

// nextHigh returns the index of the first byte ≥ 0x80 at or after i, or
// len(s); it tests eight bytes at a time.
func nextHigh(s string, i int) int {
	n := len(s)
	for i+8 <= n {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if x&0x8080808080808080 != 0 {
			break
		}
		i += 8
	}
	for i < n && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// hasHigh reports whether s has a byte ≥ 0x80 (is not plain ASCII).
func hasHigh(s string) bool { return nextHigh(s, 0) < len(s) }

// win1252Value decodes one field value of Windows-1252 text, returning
// ASCII values as they are. A value that is valid UTF-8 is returned as it
// is too: in a file that is all Windows-1252 no value with accents is
// valid UTF-8, and in a file that mixes rows of both encodings this keeps
// the UTF-8 rows' accents from turning into mojibake ("JosÃ©").
func win1252Value(v string) string {
	if !hasHigh(v) || utf8.ValidString(v) {
		return v
	}
	return decodeWindows1252(v)
}

// head returns the first bytes of s, for sniffing.
func head(s string) []byte {
	if len(s) > 8192 {
		s = s[:8192]
	}
	return []byte(s)
}

func decodeUTF16(cfg *config, b []byte, le, bom bool) (string, string, error) {
	order, name := unicode.BigEndian, encUTF16BE
	if le {
		order, name = unicode.LittleEndian, encUTF16LE
	}
	pol := unicode.IgnoreBOM
	if bom {
		pol = unicode.ExpectBOM
		name += " with BOM"
	}
	out, err := unicode.UTF16(order, pol).NewDecoder().Bytes(b)
	if err != nil {
		return "", "", fmt.Errorf("fetch: %s: decoding %s: %v: %w", orDash(cfg.source), name, err, ErrFormat)
	}
	if err := checkBinary(cfg.source, out); err != nil {
		return "", "", err
	}
	return string(out), name, nil
}

// fixUTF8 keeps valid UTF-8 and reads every invalid byte as Windows-1252.
func fixUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			out = append(out, win1252[b[0]]...)
			b = b[1:]
			continue
		}
		out = append(out, b[:n]...)
		b = b[n:]
	}
	return out
}

// lenientUTF8 is a transformer for streams detected as UTF-8: valid UTF-8
// passes through, and a stray invalid byte later in the stream is read as
// Windows-1252 instead of failing (and counted).
type lenientUTF8 struct {
	transform.NopResetter
	fixed int // invalid bytes read as Windows-1252
	multi int // valid multi-byte UTF-8 characters kept
}

func (t *lenientUTF8) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		r, n := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && n <= 1 {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			s := win1252[c]
			if nDst+len(s) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], s)
			nSrc++
			t.fixed++
			continue
		}
		if nDst+n > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], src[nSrc:nSrc+n])
		nSrc += n
		t.multi++
	}
	return nDst, nSrc, nil
}
