package fetch

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Limits are the budgets that keep a reader's memory and time bounded on
// broken or hostile input: a stream of NUL bytes, a line of a hundred
// megabytes, a workbook that expands to gigabytes, a sheet with cells at A
// and XFD on every row, JSON records with a new key each. Each budget is
// checked as the data stream in, and passing one is an error wrapping
// ErrTooLarge that names the budget and the WithLimits field that raises
// it. A zero field means its default; the defaults hold every real
// government file cifra has been tested on.
type Limits struct {
	// InputBytes bounds the bytes ReadCSV, ReadCSVFile, ReadJSON and
	// ReadExcelReader read from their input (they hold it in memory).
	// Default DefaultInputBytes; at most 4 GiB - 1, the most ReadCSV can
	// hold. EachChunk reads any size with flat memory.
	InputBytes int64
	// LineBytes bounds one CSV record (ReadCSV, ReadCSVFile, EachChunk)
	// and one JSON or HTML text value. Default DefaultLineBytes.
	LineBytes int
	// Columns bounds the columns of a table: the fields of a CSV record,
	// the distinct keys of JSON records, the columns of a sheet or an HTML
	// table. Default DefaultColumns (Excel's own limit).
	Columns int
	// Cells bounds rows × columns of a table built by ReadJSON, ReadExcel
	// or HTMLTables (formats in which a few bytes can describe a large
	// empty grid). Default DefaultCells.
	Cells int64
	// MemberBytes bounds the bytes one member of an .xlsx workbook (a
	// sheet, the shared strings) declares and expands to. Default
	// DefaultMemberBytes. A member that expands more than DefaultZipMaxRatio
	// times its stored bytes once past 16 MiB is a zip bomb, whatever
	// this budget.
	MemberBytes int64
	// Merges bounds the merged ranges of a sheet. Default DefaultMerges.
	Merges int
}

// The default Limits.
const (
	DefaultInputBytes  int64 = 1 << 30
	DefaultLineBytes         = 16 << 20
	DefaultColumns           = 16384
	DefaultCells       int64 = 20_000_000
	DefaultMemberBytes int64 = 1 << 30
	DefaultMerges            = 100_000
)

// WithLimits sets the readers' budgets (see Limits); zero fields keep
// their defaults.
func WithLimits(l Limits) Option {
	return func(c *config) { c.limits = l }
}

// withDefaults returns l with every zero field set to its default.
func (l Limits) withDefaults() Limits {
	if l.InputBytes <= 0 || l.InputBytes > maxInput {
		l.InputBytes = DefaultInputBytes
	}
	if l.LineBytes <= 0 {
		l.LineBytes = DefaultLineBytes
	}
	if l.Columns <= 0 {
		l.Columns = DefaultColumns
	}
	if l.Cells <= 0 {
		l.Cells = DefaultCells
	}
	if l.MemberBytes <= 0 {
		l.MemberBytes = DefaultMemberBytes
	}
	if l.Merges <= 0 {
		l.Merges = DefaultMerges
	}
	return l
}

// lim returns the budgets in force.
func (c *config) lim() Limits { return c.limits.withDefaults() }

// tooLarge is the error for a passed budget: what passed it, the budget
// and the Limits field that raises it.
func tooLarge(source, what string, limit int64, field string) error {
	return fmt.Errorf("fetch: %s: %s: over the limit of %d: %w (raise it with fetch.WithLimits(fetch.Limits{%s: …}))",
		orDash(source), what, limit, ErrTooLarge, field)
}

// checkZipBudget checks the members of an .xlsx package before anything
// is expanded: no member may declare more than MemberBytes (archive/zip
// refuses to read past a member's declared size), and no large member may
// expand more than DefaultZipMaxRatio times the bytes it can really occupy
// in the file (its declared compressed size, or the gap to the next member,
// whichever is smaller, so a header that lies about the compressed size
// does not help).
func checkZipBudget(source string, files []*zip.File, size int64, l Limits) error {
	type span struct {
		f   *zip.File
		off int64
	}
	spans := make([]span, 0, len(files))
	for _, f := range files {
		if f.UncompressedSize64 > uint64(l.MemberBytes) {
			return tooLarge(source, fmt.Sprintf("member %s declares %d bytes expanded", f.Name, f.UncompressedSize64), l.MemberBytes, "MemberBytes")
		}
		off, err := f.DataOffset()
		if err != nil {
			continue
		}
		spans = append(spans, span{f, off})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].off < spans[j].off })
	for i, s := range spans {
		room := size - s.off
		if i+1 < len(spans) {
			room = spans[i+1].off - s.off
		}
		if c := int64(s.f.CompressedSize64); c < room {
			room = c
		}
		if room < 1 {
			room = 1
		}
		n := int64(s.f.UncompressedSize64)
		if n > zipRatioFloor && float64(n) > DefaultZipMaxRatio*float64(room) {
			return fmt.Errorf("fetch: %s: member %s expands to %d bytes from at most %d stored, a ratio over %d (a zip bomb): %w",
				orDash(source), s.f.Name, n, room, DefaultZipMaxRatio, ErrTooLarge)
		}
	}
	return nil
}

// inputBudget checks a stream against InputBytes and LineBytes as its
// blocks arrive, and its start against binary data before more is read.
type inputBudget struct {
	cfg     *config
	lim     Limits
	total   int64
	line    int64 // bytes since the last line end
	checked bool  // the start has been checked
	head    []byte
}

func newInputBudget(cfg *config) *inputBudget {
	return &inputBudget{cfg: cfg, lim: cfg.lim()}
}

// add accounts for the next block p of the input; eof says no more
// follows. A stream of NUL bytes fails on its first block, not after
// gigabytes.
func (b *inputBudget) add(p []byte, eof bool) error {
	if !b.checked {
		if len(b.head) < 8192 {
			b.head = append(b.head, p[:min(len(p), 8192-len(b.head))]...)
		}
		if len(b.head) >= 8192 || eof {
			b.checked = true
			if err := startCheck(b.cfg, b.head); err != nil {
				return err
			}
			b.head = nil
		}
	}
	b.total += int64(len(p))
	if b.total > b.lim.InputBytes {
		return tooLarge(b.cfg.source, fmt.Sprintf("more than %d bytes of input", b.lim.InputBytes), b.lim.InputBytes, "InputBytes")
	}
	max := int64(b.lim.LineBytes)
	if int64(len(p)) > max {
		// a block longer than the budget: check every line in it.
		for len(p) > 0 {
			i := bytes.IndexByte(p, '\n')
			if i < 0 {
				b.line += int64(len(p))
				break
			}
			if b.line+int64(i) > max {
				b.line += int64(i)
				break
			}
			b.line = 0
			p = p[i+1:]
		}
	} else {
		i := bytes.LastIndexByte(p, '\n')
		if i < 0 {
			i = bytes.LastIndexByte(p, '\r')
		}
		if i < 0 {
			b.line += int64(len(p))
		} else {
			b.line = int64(len(p) - i - 1)
		}
	}
	if b.line > max {
		return tooLarge(b.cfg.source, fmt.Sprintf("a line longer than %d bytes (before byte %d)", max, b.total), max, "LineBytes")
	}
	return nil
}

// startCheck rejects, from the first bytes alone, input that the decoder
// would reject as binary (NUL bytes that are not UTF-16, a ZIP, PDF or
// gzip signature, an HTML page): the same error, before the rest is read.
func startCheck(cfg *config, head []byte) error {
	if cfg.encoding != nil {
		return nil
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		head = head[3:]
	case bytes.HasPrefix(head, []byte("\xFF\xFE")), bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return nil
	}
	if le, be := utf16Guess(head); le || be {
		return nil
	}
	return checkBinary(cfg.source, head)
}

// readInput reads all of r into one string under the input budgets; hint
// is the expected size (0 when unknown).
func readInput(cfg *config, r io.Reader, hint int64) (string, error) {
	b := newInputBudget(cfg)
	var sb strings.Builder
	if l, ok := r.(interface{ Len() int }); ok && hint <= 0 {
		hint = int64(l.Len()) // strings.Reader, bytes.Reader, bytes.Buffer
	}
	if hint > 0 && hint < b.lim.InputBytes {
		sb.Grow(int(hint) + 1)
	}
	buf := make([]byte, 256<<10)
	for {
		n, err := io.ReadFull(r, buf)
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return "", fmt.Errorf("fetch: %s: reading: %w", orDash(cfg.source), err)
		}
		if n > 0 || eof {
			if berr := b.add(buf[:n], eof); berr != nil {
				return "", berr
			}
		}
		sb.Write(buf[:n])
		if eof {
			return sb.String(), nil
		}
	}
}

// checkWidth returns an error wrapping ErrTooLarge when a record has more
// fields than the Columns budget.
func checkWidth(cfg *config, rs *recordSet) error {
	max := cfg.lim().Columns
	for _, seg := range rs.segs {
		for k := 0; k < seg.n(); k++ {
			if n := seg.nf(k); n > max {
				return tooLarge(cfg.source, fmt.Sprintf("line %d has %d fields", seg.lines[k], n), int64(max), "Columns")
			}
		}
	}
	return nil
}
