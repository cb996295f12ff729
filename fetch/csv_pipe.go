package fetch

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/go-gota/gota/dataframe"
)

// The pipelined file reader. ReadCSVFile on a large file does not read the
// whole file first and then scan it: it checks UTF-8 validity on each block
// just read (still in cache) and hands every finished block of records to a
// scanning goroutine while it reads the next, so reading, validating and
// scanning overlap. A block ends at a line end that quote parity says lies
// outside a quoted field; if a stray quote fooled the parity (the blocks'
// scans do not join up), or the input needs anything but UTF-8 (with or
// without a byte-order mark) or Windows-1252 handling (UTF-16, stray bytes
// in UTF-8, old Mac line ends, a forced Encoding), the whole text read so
// far goes through the ordinary path instead, so the result is always that
// of readCSVString.

// Sizes of the pipeline (variables so that tests can shrink them).
var (
	pipeMin   int64 = 4 << 20  // files from this size are pipelined
	pipeBlock       = 8 << 20  // bytes of records per scanned block
	pipeRead        = 1 << 20  // bytes per read
	pipeHead        = 64 << 10 // bytes read before deciding
)

// pipeSeg is one scanned block.
type pipeSeg struct {
	from, stop int
	recs       *recs
	end, nl    int
	failed     bool
	valid      bool // the block is valid UTF-8
	loneCR     int  // carriage returns not followed by a line feed
}

// readCSVFilePipelined reads f (of the given size) as readCSVString would.
func readCSVFilePipelined(cfg *config, f *os.File, size int64) (dataframe.DataFrame, error) {
	var b strings.Builder
	b.Grow(int(size) + 1)
	buf := make([]byte, pipeRead)
	eof := false
	budget := newInputBudget(cfg)
	var berr error // a budget passed: not a read error
	readMore := func() error {
		if eof {
			return nil
		}
		n, err := f.Read(buf)
		done := err == io.EOF || n == 0 && err == nil
		if e := budget.add(buf[:n], done); e != nil {
			berr = e
			return e
		}
		b.Write(buf[:n])
		if done {
			eof = true
			return nil
		}
		return err
	}
	fail := func(err error) (dataframe.DataFrame, error) {
		if berr != nil {
			return dataframe.DataFrame{}, berr
		}
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: reading: %w", orDash(cfg.source), err)
	}
	// rest reads what is left and takes the ordinary path.
	rest := func() (dataframe.DataFrame, error) {
		for !eof {
			if err := readMore(); err != nil {
				return fail(err)
			}
		}
		return readCSVString(cfg, b.String())
	}
	// The head holds everything the encoding, binary, delimiter and
	// line-end checks look at (sniffWindow bytes after any "sep=" line),
	// so they decide exactly as on the whole input.
	need := pipeHead
	if need < 2*sniffWindow {
		need = 2 * sniffWindow
	}
	for b.Len() < need && !eof {
		if err := readMore(); err != nil {
			return fail(err)
		}
	}
	head := b.String()
	skip := 0 // a UTF-8 byte-order mark, left out of the records
	if strings.HasPrefix(head, "\xEF\xBB\xBF") {
		skip = 3
	}
	if !plainStart(cfg, head[skip:], skip > 0) {
		return rest()
	}
	rep := cfg.report
	if rep == nil {
		rep = &Report{}
	}
	*rep = Report{Source: cfg.source, Format: "csv"}
	d, from, firstLine := cfg.dialect(head[skip:], rep)
	if oldMacLineEnds(head[skip:]) || !eof && from > sniffWindow {
		return rest()
	}
	from += skip
	keep := cfg.projection(head, from, d, eof)
	if keep != nil {
		pipeProjected.Add(1)
	}

	var (
		segs    []*pipeSeg
		wg      sync.WaitGroup
		start   = from
		parity  = 0 // quote parity of s[start:scanned]
		scanned = from
		sem     = make(chan struct{}, runtime.GOMAXPROCS(0))
	)
	launch := func(s string, lo, hi int) {
		seg := &pipeSeg{from: lo, stop: hi}
		segs = append(segs, seg)
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			// Blocks end at line ends, which are ASCII: no rune is split.
			seg.valid = validString(s[lo:hi])
			seg.loneCR = loneCRs(s[lo:hi])
			r, end, nl, e := scanKeep(s, lo, hi, d, 1, false, keep, true)
			seg.recs, seg.end, seg.nl, seg.failed = r, end, nl, e != nil
		}()
	}
	for {
		s := b.String()
		// hand finished blocks to the scanners
		for len(s)-start >= pipeBlock || eof && start < len(s) {
			if eof && len(s)-start < pipeBlock {
				launch(s, start, len(s))
				start = len(s)
				break
			}
			p := start + pipeBlock
			if scanned < p {
				parity = (parity + strings.Count(s[scanned:p], `"`)) & 1
				scanned = p
			}
			for scanned < len(s) {
				c := s[scanned]
				scanned++
				if c == '"' {
					parity ^= 1
				} else if c == '\n' && parity == 0 {
					break
				}
			}
			if scanned >= len(s) && !eof {
				break // no record end yet: read more
			}
			if scanned >= len(s) {
				launch(s, start, len(s))
				start = len(s)
				break
			}
			launch(s, start, scanned)
			start, parity = scanned, 0
		}
		if eof {
			break
		}
		if err := readMore(); err != nil {
			wg.Wait()
			return fail(err)
		}
	}
	wg.Wait()
	s := b.String()
	if len(s) > maxInput || len(strings.TrimSpace(s)) == 0 {
		return readCSVString(cfg, s)
	}
	// The blocks must join up exactly; otherwise the ordinary path.
	next := from
	valid := validString(s[skip:from])
	for _, sg := range segs {
		if sg.failed || sg.from != next || sg.end != sg.stop {
			return readCSVString(cfg, s)
		}
		next = sg.stop
		valid = valid && sg.valid
	}
	if next != len(s) {
		return readCSVString(cfg, s)
	}
	enc, lazy := encUTF8, false
	if skip > 0 {
		enc = encUTF8BOM
		if !valid { // the ordinary path reads the stray bytes
			return readCSVString(cfg, s)
		}
	}
	if !valid {
		// not UTF-8: Windows-1252 (scanned raw, decoded per value) or
		// UTF-8 with stray bytes (the ordinary path rewrites the text).
		_, e, l, err := decodeLazy(cfg, s)
		if err != nil || !l {
			return readCSVString(cfg, s)
		}
		enc, lazy = e, l
	}
	rep.Encoding = enc
	out := make([]*recs, 0, len(segs))
	line := firstLine
	for _, sg := range segs {
		r := sg.recs
		r.win1252 = lazy
		if line != 1 {
			for i := range r.lines {
				r.lines[i] += line - 1
			}
		}
		line += sg.nl
		if r.n() > 0 {
			out = append(out, r)
		}
	}
	// blocks end at line feeds, so no CRLF is split between two: the
	// blocks' counts add up to the file's
	lone := loneCRs(s[:from])
	for _, sg := range segs {
		lone += sg.loneCR
	}
	if lone > 0 {
		noteLoneCR(s, rep)
	}
	pipeFinished.Add(1)
	return finishCSV(cfg, out, d, rep)
}

// pipeFinished counts the reads the pipeline finished itself, and
// pipeProjected those it scanned storing only the selected columns'
// fields (for tests).
var pipeFinished, pipeProjected atomic.Int64

// plainStart reports whether the start of the input (after a UTF-8
// byte-order mark, when bom is set) allows the pipelined path: no forced
// encoding, not UTF-16, not binary.
func plainStart(cfg *config, head string, bom bool) bool {
	if cfg.encoding != nil || cfg.workers == 1 {
		return false
	}
	if !bom && (strings.HasPrefix(head, "\xFF\xFE") || strings.HasPrefix(head, "\xFE\xFF")) {
		return false
	}
	if le, be := utf16Guess([]byte(headOf(head))); !bom && (le || be) {
		return false
	}
	return checkBinary(cfg.source, []byte(headOf(head))) == nil && strings.TrimSpace(head) != ""
}

func headOf(s string) string {
	if len(s) > 8192 {
		return s[:8192]
	}
	return s
}

// projection returns the keep table of a projected scan (see
// recs.keep) when Columns selects some of the columns, or nil to store
// every field (ReadCSV and the pipelined reader both use it). It finds the header in the records of head (the start of
// the input, its records from offset from; eof says head is the whole
// input) as planLayout will, and keeps the selected positions among the
// header's named cells (every position after them is stored anyway, for
// the ragged-row checks). The table is only a guess at what the layout
// will need: a field that was not stored is found again by scanning its
// record, so a wrong guess costs time, never a value.
func (c *config) projection(head string, from int, d byte, eof bool) []int32 {
	if len(c.columns) == 0 || c.noHeader {
		return nil
	}
	r, _, _, e := scan(head, from, len(head), d, 1, !eof)
	if e != nil || r.n() == 0 {
		return nil
	}
	rs := newRecordSet([]*recs{r}, d)
	h, err := c.headerIndex(rs)
	if err != nil || h < 0 || h >= rs.n {
		return nil
	}
	header := rs.fields(rs.ref(h))
	for j, v := range header {
		if !utf8.ValidString(v) { // a Windows-1252 file, decoded later
			header[j] = win1252Value(v)
		}
	}
	named := len(header)
	for named > 0 && strings.TrimSpace(header[named-1]) == "" {
		named--
	}
	want := c.wanted(uniqueNames(header[:named]))
	keep := make([]int32, named)
	kept := 0
	for j, name := range uniqueNames(header[:named]) {
		keep[j] = -1
		if want[name] {
			keep[j] = int32(kept)
			kept++
		}
	}
	if kept == 0 || kept == named {
		return nil
	}
	return keep
}
