package fetch

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"

	"github.com/datacon-mx/cifra/internal/sniff"
)

// sniffBytes is how much of a downloaded body is read to decide whether it
// is an HTML page: past any leading whitespace and comments a server may
// put before the first tag.
const sniffBytes = 1 << 20

// jsonCheckBytes is the size up to which a JSON download is parsed to the
// end before it is cached, to catch a body cut short.
const jsonCheckBytes = 64 << 20

// errorPage reports whether an HTML body (its first bytes) is an error,
// login or maintenance page by its title or first heading.
func errorPage(b []byte) bool {
	if m := reTitle.FindSubmatch(b); m != nil && reErrorTitle.Match(m[1]) {
		return true
	}
	if m := reHeading.FindSubmatch(b); m != nil && reErrorTitle.Match(m[1]) {
		return true
	}
	return false
}

// pageRefused decides, from the first bytes of a body, whether an HTML
// page stands where data was asked for. want is the kind the URL or GetAs
// promised ("" when unknown); ct is the Content-Type. For a URL that
// promises nothing, a page is refused when the URL names an API or a
// download script, or the page calls itself an error; whether it holds a
// table is checked on the whole body by checkBody.
func pageRefused(rawURL, want, ct string, head []byte) bool {
	switch want {
	case "html", "xml":
		return false
	case "":
		if !sniff.HTML(head) && !(htmlContentType(ct) && startsWithTag(head)) {
			return false
		}
		return apiLike(rawURL) || errorPage(head)
	}
	return notData(head, head, want)
}

// checkBody looks at a downloaded body (the temporary file f, n bytes)
// before it enters the cache. It returns an error wrapping ErrNotData for
// an HTML page where data was expected (with whitespace or comments of any
// length before its first tag, or in UTF-16), and one wrapping
// ErrTruncated for a ZIP without its end-of-central-directory record or
// JSON that stops mid-value (a connection closed early with no
// Content-Length to tell). When the body had no length and ended with the
// connection (closeDelimited), a CSV whose quotes do not balance or whose
// unterminated last line is shorter than its header, and a gzip file
// without its trailer, are ErrTruncated too.
func checkBody(rawURL, want, ct string, f *os.File, n int64, closeDelimited bool) error {
	head := make([]byte, sniffBytes)
	k, err := f.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("fetch: %s: %w: reading the download back: %v", rawURL, ErrCache, err)
	}
	head = head[:k]
	if isHTML, err := refusePage(rawURL, want, ct, f, head); isHTML {
		return err
	}
	if htmlContentType(ct) && want != "" && want != "html" && want != "xml" && want != "xls" && (startsWithTag(head) || !startsJSON(head) && reHTMLInside.Match(head)) {
		return fmt.Errorf("fetch: %s: %w (Content-Type %q, expected %s): the body holds HTML markup; not cached", rawURL, ErrNotData, ct, kindName(want))
	}
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) || want == "zip" || want == "xlsx" {
		if !zipComplete(f, n) {
			return fmt.Errorf("fetch: %s: %w: the ZIP archive has no end-of-central-directory record (the body was cut short after %d bytes); not cached", rawURL, ErrTruncated, n)
		}
	}
	if want == "json" && n <= jsonCheckBytes {
		if err := jsonComplete(f); err != nil {
			return fmt.Errorf("fetch: %s: %w: the JSON stops mid-value after %d bytes; not cached", rawURL, ErrTruncated, n)
		}
	}
	if !closeDelimited {
		return nil
	}
	if (want == "csv" || want == "" && !startsJSON(head)) && n <= csvCheckBytes && !bytes.ContainsRune(head, 0) && !bytes.HasPrefix(head, []byte("PK")) {
		if why := csvCut(f); why != "" {
			return fmt.Errorf("fetch: %s: %w: the body ended with the connection after %d bytes and %s; not cached", rawURL, ErrTruncated, n, why)
		}
	}
	if bytes.HasPrefix(head, []byte("\x1f\x8b")) && n <= gzipCheckBytes {
		if err := gzipComplete(f); err != nil {
			return fmt.Errorf("fetch: %s: %w: the gzip file ended with the connection after %d bytes: %v; not cached", rawURL, ErrTruncated, n, err)
		}
	}
	return nil
}

// Sizes up to which a close-delimited CSV or gzip body is read to its end
// before it is cached.
const (
	csvCheckBytes  = 512 << 20
	gzipCheckBytes = 256 << 20
)

// csvCut reads a CSV body and says why it looks cut short ("" when it does
// not): a quoted field never closed, or a last line with no line end that
// has some but fewer fields than the first line. Quotes count as RFC 4180
// reads them: only at the start of a field, with "" inside for a quote.
func csvCut(f *os.File) string {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	br := bufio.NewReaderSize(f, 256<<10)
	var delim byte
	inQuote, fieldStart, quoteSeen := false, true, false
	fields, headerFields, lines := 1, 0, 0
	var last byte
	for {
		b, err := br.ReadByte()
		if err != nil {
			break
		}
		last = b
		if inQuote {
			if b != '"' {
				continue
			}
			if nb, err := br.Peek(1); err == nil && nb[0] == '"' {
				br.ReadByte() // an escaped quote
				continue
			}
			inQuote = false
			continue
		}
		switch {
		case b == '"' && fieldStart:
			inQuote, quoteSeen = true, true
			fieldStart = false
		case b == '\n':
			if lines == 0 {
				headerFields = fields
			}
			lines++
			fields, fieldStart = 1, true
		case b == '\r':
		case delim == 0 && lines == 0 && (b == ',' || b == ';' || b == '\t' || b == '|'):
			delim = b
			fields, fieldStart = fields+1, true
		case b == delim && delim != 0:
			fields, fieldStart = fields+1, true
		default:
			fieldStart = false
		}
	}
	if inQuote && quoteSeen {
		return "a quoted field is never closed"
	}
	if last != '\n' && last != '\r' && lines > 0 && headerFields > 2 && fields > 1 && fields < headerFields {
		return fmt.Sprintf("its last line, with no line end, has %d of the header's %d fields", fields, headerFields)
	}
	return ""
}

// gzipComplete expands a gzip file to its end, checking its trailer.
func gzipComplete(f *os.File) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	z, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, io.LimitReader(z, DefaultZipMaxSize))
	return err
}

// refusePage applies the rules of checkBody to an HTML body: isHTML says
// whether head is an HTML page at all, err whether it is refused.
func refusePage(rawURL, want, ct string, f *os.File, head []byte) (isHTML bool, err error) {
	isHTML = want != "html" && want != "xml" && (sniff.HTML(head) || htmlContentType(ct) && startsWithTag(head))
	if isHTML {
		refuse := false
		switch want {
		case "":
			refuse = apiLike(rawURL) || errorPage(head) || !containsFold(f, "<table")
		case "xls":
			refuse = !containsFold(f, "<table") && !bytes.Contains(bytes.ToLower(head), []byte("schemas-microsoft-com:office:excel"))
		default:
			refuse = true
		}
		if refuse {
			what := pageTitle(head)
			if what == "" {
				what = bodySnippet(sniffHead(head))
			}
			return true, fmt.Errorf("fetch: %s: %w (Content-Type %q, expected %s): %q; not cached", rawURL, ErrNotData, ct, kindName(want), what)
		}
	}
	return isHTML, nil
}

// cachedPage re-applies the HTML rules to a cached file before it is
// served (a cache written by an older version may hold an error page).
func cachedPage(rawURL, want string, m cacheMeta) error {
	f, err := os.Open(m.Path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, sniffBytes)
	k, _ := f.ReadAt(head, 0)
	_, err = refusePage(rawURL, want, m.ContentType, f, head[:k])
	if err != nil {
		return fmt.Errorf("%w (a cached copy: Forget the URL to drop it)", err)
	}
	return nil
}

// reHTMLInside finds the elements of a page anywhere in a body: with an
// HTML Content-Type, a "CSV" that holds them is a page.
var reHTMLInside = regexp.MustCompile(`(?i)<(html|head|body|title|script|style|meta|div|table|h1|h2)[\s>/]`)

// startsJSON reports whether head opens like JSON (a PHP API often serves
// JSON as text/html, and its values may hold markup).
func startsJSON(head []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n\f")
	return len(b) > 0 && (b[0] == '{' || b[0] == '[')
}

// startsWithTag reports whether head opens with markup ('<' and a letter,
// '!' or '?') after whitespace: with an HTML Content-Type, a page whose
// first element is not one of the usual ones (<font>, <error>).
func startsWithTag(head []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n\f")
	if len(b) < 2 || b[0] != '<' {
		return false
	}
	c := b[1] | 0x20
	return c >= 'a' && c <= 'z' || b[1] == '!' || b[1] == '?'
}

func kindName(want string) string {
	if want == "" {
		return "data (the URL names an API or a download, or the page has no table)"
	}
	return want
}

// sniffHead skips leading whitespace for a readable snippet.
func sniffHead(b []byte) []byte {
	b = bytes.TrimLeft(b, " \t\r\n\f")
	if len(b) > 4096 {
		b = b[:4096]
	}
	return b
}

// containsFold reports whether f holds needle (lower-case ASCII), in any
// case, reading it in blocks.
func containsFold(f *os.File, needle string) bool {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false
	}
	br := bufio.NewReaderSize(f, 256<<10)
	buf := make([]byte, 256<<10)
	var carry []byte
	nd := []byte(needle)
	for {
		k, err := br.Read(buf)
		if k > 0 {
			chunk := append(carry, bytes.ToLower(buf[:k])...)
			if bytes.Contains(chunk, nd) {
				return true
			}
			keep := len(nd) - 1
			if keep > len(chunk) {
				keep = len(chunk)
			}
			carry = append([]byte(nil), chunk[len(chunk)-keep:]...)
		}
		if err != nil {
			return false
		}
	}
}

// zipComplete reports whether the last bytes of f (n bytes long) hold a
// ZIP end-of-central-directory record whose central directory lies inside
// the file.
func zipComplete(f *os.File, n int64) bool {
	const eocd = 22
	if n < eocd {
		return false
	}
	size := int64(eocd + 65535)
	if size > n {
		size = n
	}
	tail := make([]byte, size)
	if _, err := f.ReadAt(tail, n-size); err != nil && !errors.Is(err, io.EOF) {
		return false
	}
	for i := len(tail) - eocd; i >= 0; i-- {
		if tail[i] != 'P' || !bytes.HasPrefix(tail[i:], []byte("PK\x05\x06")) {
			continue
		}
		rec := tail[i:]
		cdSize := int64(le32(rec[12:]))
		cdOff := int64(le32(rec[16:]))
		commentLen := int(rec[20]) | int(rec[21])<<8
		if i+eocd+commentLen != len(tail) {
			continue
		}
		if le32(rec[12:]) == 0xffffffff || le32(rec[16:]) == 0xffffffff {
			return true // ZIP64: the sizes live in another record
		}
		return cdOff+cdSize <= n-size+int64(i)
	}
	return false
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// jsonComplete reads every JSON value in f (one document, or JSON Lines)
// and reports an error when the input ends inside a value.
func jsonComplete(f *os.File) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	dec := json.NewDecoder(bufio.NewReaderSize(f, 256<<10))
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		switch {
		case err == nil:
			continue
		case errors.Is(err, io.EOF):
			return nil
		case errors.Is(err, io.ErrUnexpectedEOF):
			return err
		default:
			// Not JSON the decoder accepts (NaN, comments…): the readers
			// decide; only a cut body is refused here.
			return nil
		}
	}
}
