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

// pipeSeg is one scanned block: the bytes [from, stop) of the file.
type pipeSeg struct {
	from, stop int
	recs       *recs
	end        int // the file offset where the block's records end
	nl         int // line feeds in the block
	failed     bool
	valid      bool // the block is valid UTF-8
	counted    bool // multi and bad are set
	multi, bad int  // utf8Evidence of the block
	loneCR     int  // carriage returns not followed by a line feed
	crLine     int  // with loneCR: the line feeds before the first one
	blank      bool // the block is all white space
}

// pipeAfterScan, when set, runs once every block is scanned (for tests:
// changing the file there checks what reading back finds).
var pipeAfterScan func()

// readCSVFilePipelined reads f (of the given size) as readCSVString would.
//
// With Columns (a projected scan), each block is read into its own string
// and, once scanned and its selected fields packed, every block but the
// first and the last lets go of its text (see csv_reread.go), so a large
// file is not held in memory whole. Without Columns the values are
// substrings of the text, so the whole file is read into one string.
func readCSVFilePipelined(cfg *config, f *os.File, size int64) (dataframe.DataFrame, error) {
	// The head holds everything the encoding, binary, delimiter and
	// line-end checks look at (sniffWindow bytes after any "sep=" line),
	// so they decide exactly as on the whole input.
	need := pipeHead
	if need < 2*sniffWindow {
		need = 2 * sniffWindow
	}
	cur := new(strings.Builder) // the text read and not yet in a block
	cur.Grow(need + pipeRead)
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
		cur.Write(buf[:n])
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
	// wholeText makes cur the text of the whole file from here on.
	wholeText := func() {
		if cur.Cap() < int(size)+1 {
			nb := new(strings.Builder)
			nb.Grow(int(size) + 1)
			nb.WriteString(cur.String())
			cur = nb
		}
	}
	// rest reads what is left of the head and takes the ordinary path.
	rest := func() (dataframe.DataFrame, error) {
		wholeText()
		for !eof {
			if err := readMore(); err != nil {
				return fail(err)
			}
		}
		return readCSVString(cfg, cur.String())
	}
	for cur.Len() < need && !eof {
		if err := readMore(); err != nil {
			return fail(err)
		}
	}
	head := cur.String()
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
	var rr *rereads // set when blocks may let go of their text
	if keep != nil {
		pipeProjected.Add(1)
		rr = &rereads{f: f, source: cfg.source}
		if cur.Cap() < pipeBlock+pipeRead { // room for the first block
			nb := new(strings.Builder)
			nb.Grow(pipeBlock + pipeRead)
			nb.WriteString(head)
			cur = nb
		}
	} else {
		wholeText()
	}
	// what comes before the records (a byte-order mark, a "sep=" line)
	pre := head[:from]
	preValid := validString(head[skip:from])
	var preMulti, preBad int
	if !preValid {
		preMulti, preBad = utf8Evidence(head[skip:from])
	}

	// The encoding verdict of a file that is not UTF-8 counts the UTF-8
	// characters of every block (see decodeEager), valid ones too: they
	// are counted as scanned once a block that is not UTF-8 was seen (or
	// the head is not), and any other block is counted at the end.
	var notUTF8 atomic.Bool
	if h := head[skip:]; !eof {
		if k := strings.LastIndexByte(h, '\n'); k >= 0 {
			notUTF8.Store(!validString(h[:k]))
		}
	} else {
		notUTF8.Store(!validString(h))
	}

	var (
		segs    []*pipeSeg
		wg      sync.WaitGroup
		base    = 0 // the file offset of cur's first byte
		start   = from
		parity  = 0 // quote parity of the file's bytes [start, scanned)
		scanned = from
		sem     = make(chan struct{}, runtime.GOMAXPROCS(0))
	)
	// launch scans s[lo:hi] (s is cur's text) on a goroutine; last says no
	// block follows.
	launch := func(s string, lo, hi int, last bool) {
		seg := &pipeSeg{from: base + lo, stop: base + hi}
		first := len(segs) == 0
		segs = append(segs, seg)
		text, tlo, thi := s, lo, hi
		if rr != nil { // the block alone, so that it can be let go of
			text, tlo, thi = s[lo:hi], 0, hi-lo
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			// Blocks end at line ends, which are ASCII: no rune is split.
			blk := text[tlo:thi]
			if seg.valid = validString(blk); !seg.valid {
				notUTF8.Store(true)
			}
			if !seg.valid || notUTF8.Load() {
				seg.multi, seg.bad = utf8Evidence(blk)
				seg.counted = true
			}
			if seg.loneCR = loneCRs(blk); seg.loneCR > 0 {
				seg.crLine = strings.Count(blk[:firstLoneCR(blk)], "\n")
			}
			seg.blank = strings.TrimSpace(blk) == ""
			r, end, nl, e := scanKeep(text, tlo, thi, d, 1, false, keep, true)
			seg.recs, seg.end, seg.nl, seg.failed = r, seg.from+end-tlo, nl, e != nil
			if rr != nil && !first && !last && e == nil && r.packed && r.hashed {
				r.base, r.src = "", &blockSrc{rr: rr, off: int64(seg.from), n: thi - tlo}
				pipeLetGo.Add(1)
			}
		}()
	}
	for {
		s := cur.String()
		// hand finished blocks to the scanners
		for len(s)-(start-base) >= pipeBlock || eof && start < base+len(s) {
			lo := start - base
			if eof && len(s)-lo < pipeBlock {
				launch(s, lo, len(s), true)
				start = base + len(s)
				break
			}
			p := start + pipeBlock
			if scanned < p {
				parity = (parity + strings.Count(s[scanned-base:p-base], `"`)) & 1
				scanned = p
			}
			for scanned < base+len(s) {
				c := s[scanned-base]
				scanned++
				if c == '"' {
					parity ^= 1
				} else if c == '\n' && parity == 0 {
					break
				}
			}
			if scanned >= base+len(s) && !eof {
				break // no record end yet: read more
			}
			if scanned >= base+len(s) {
				launch(s, lo, len(s), true)
				start = base + len(s)
				break
			}
			launch(s, lo, scanned-base, false)
			start, parity = scanned, 0
			if rr != nil {
				// the rest goes on in a new string, so that the block's
				// can be let go of
				rest := s[start-base:]
				nb := new(strings.Builder)
				nb.Grow(max(pipeBlock+pipeRead, len(rest)+pipeRead))
				nb.WriteString(rest)
				cur, base, s = nb, start, nb.String()
			}
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
	if pipeAfterScan != nil {
		pipeAfterScan()
	}
	total := base + cur.Len()
	// ordinary takes the ordinary path over the whole text: cur's, or the
	// file read again when blocks let go of theirs.
	ordinary := func() (dataframe.DataFrame, error) {
		if rr == nil {
			return readCSVString(cfg, cur.String())
		}
		segs = nil
		return rereadCSVFile(cfg, f, size)
	}
	blank := strings.TrimSpace(pre) == ""
	for _, sg := range segs {
		blank = blank && sg.blank
	}
	if total > maxInput || blank {
		return ordinary()
	}
	// The blocks must join up exactly; otherwise the ordinary path.
	next := from
	valid := preValid
	for _, sg := range segs {
		if sg.failed || sg.from != next || sg.end != sg.stop {
			return ordinary()
		}
		next = sg.stop
		valid = valid && sg.valid
	}
	if next != total {
		return ordinary()
	}
	enc, lazy := encUTF8, false
	if skip > 0 {
		enc = encUTF8BOM
		if !valid { // the ordinary path reads the stray bytes
			return ordinary()
		}
	}
	if !valid {
		// not UTF-8: Windows-1252 (scanned raw, decoded per value) or
		// UTF-8 with stray bytes (the ordinary path rewrites the text);
		// the counts of the parts add up to the whole's, as the parts
		// split at line ends (see decodeEager).
		multi, bad := preMulti, preBad
		for _, sg := range segs {
			if !sg.counted {
				text, ok := sg.text(rr == nil)
				if !ok {
					return dataframe.DataFrame{}, rr.error()
				}
				sg.multi, sg.bad = utf8Evidence(text)
			}
			multi, bad = multi+sg.multi, bad+sg.bad
		}
		e, win := notUTF8Verdict(multi, bad)
		if !win {
			return ordinary()
		}
		enc, lazy = e, true
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
	lone := loneCRs(pre)
	for _, sg := range segs {
		lone += sg.loneCR
	}
	if lone > 0 {
		at, nl := firstLoneCR(pre), strings.Count(pre, "\n")
		if at >= 0 {
			nl = strings.Count(pre[:at], "\n")
		} else {
			for _, sg := range segs {
				if sg.loneCR > 0 {
					nl += sg.crLine
					break
				}
				nl += sg.nl
			}
		}
		rep.Notes = append(rep.Notes, loneCRNote(lone, nl+1))
	}
	pipeFinished.Add(1)
	df, err := finishCSV(cfg, out, d, rep)
	if e := rr.error(); e != nil {
		return dataframe.DataFrame{}, e
	}
	return df, err
}

// text returns the block's text, read back from the file if the block let
// go of it; ok is false when that failed (the error is in the rereads).
// whole says the block was scanned in the whole file's text (offsets from
// the file's start) rather than alone.
func (sg *pipeSeg) text(whole bool) (string, bool) {
	r := sg.recs
	switch {
	case r.src != nil:
		return r.src.text()
	case whole:
		return r.base[sg.from:sg.stop], true
	}
	return r.base, true
}

// rereadCSVFile reads f again from its start and takes the ordinary path
// (the pipelined reader's fallback once its blocks let go of their text).
func rereadCSVFile(cfg *config, f *os.File, size int64) (dataframe.DataFrame, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: reading: %w", orDash(cfg.source), err)
	}
	var b strings.Builder
	b.Grow(int(size) + 1)
	budget := newInputBudget(cfg)
	buf := make([]byte, pipeRead)
	for {
		n, err := f.Read(buf)
		done := err == io.EOF || n == 0 && err == nil
		if e := budget.add(buf[:n], done); e != nil {
			return dataframe.DataFrame{}, e
		}
		b.Write(buf[:n])
		if done {
			break
		}
		if err != nil {
			return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: reading: %w", orDash(cfg.source), err)
		}
	}
	return readCSVString(cfg, b.String())
}

// pipeFinished counts the reads the pipeline finished itself, and
// pipeProjected those it scanned storing only the selected columns'
// fields (for tests).
var pipeFinished, pipeProjected atomic.Int64

// pipeLetGo counts the blocks that let go of their text (for tests).
var pipeLetGo atomic.Int64

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
