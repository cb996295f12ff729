package fetch

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync/atomic"

	"golang.org/x/text/transform"
)

// Parallel streaming. EachChunk on text that needs no decoder beyond the
// lenient UTF-8 one (UTF-8 with or without a byte-order mark, Windows-1252,
// or a mix) reads the raw bytes in one goroutine, cuts them into blocks at
// line ends that quote parity says lie outside a quoted field, and decodes
// and scans the blocks on every core while reading on. The calling
// goroutine takes the blocks back in input order and builds and hands out
// the chunks exactly as the serial reader does. A block's scan is used only
// when the block starts where the previous one's records ended and its
// records end exactly at its own end; otherwise (a stray quote fooled the
// parity, a record longer than a block) the text is scanned serially from
// the last record end, as the serial reader would. At most a few blocks
// are in flight, so memory stays flat in the input size.

// Sizes of parallel streaming (variables so that tests can shrink them).
var (
	parBlock = chunkBlock // raw bytes per scanned block
	parRead  = 256 << 10  // bytes per read (the buffer stays in cache)
)

// parUsed counts the blocks whose parallel scan was used (for tests).
var parUsed atomic.Int64

// pblock is one block of raw input on its way through the pipeline.
type pblock struct {
	raw     string // the block's bytes, as read
	cut     bool   // ends at a line end outside quotes (as parity says)
	last    bool   // no input follows
	rerr    error  // a read error after raw
	delim   byte
	maxLine int     // LineBytes
	size    int     // the block size in force
	keep    []int32 // the projection of the scan (see recs.keep), or nil

	done         chan struct{} // closed when text and recs are set
	text         string        // raw decoded to UTF-8
	recs         *recs         // records of text scanned alone, lines from 1
	nl           int           // line ends in text
	ok           bool          // recs cover all of text
	fixed, multi int           // lenient decoding counts
}

// parallelWorkers is how many goroutines decode and scan blocks (1 means
// the serial reader).
func (st *chunker) parallelWorkers() int {
	if st.cfg.workers > 0 {
		return st.cfg.workers
	}
	return runtime.GOMAXPROCS(0)
}

// runParallel reads src (the raw input after any byte-order mark) with the
// parallel pipeline. It falls back to the serial reader, over the same
// bytes, when the start of the input asks for what only it handles.
func (st *chunker) runParallel(src io.Reader, workers int) error {
	cfg := st.cfg
	head := make([]byte, sniffWindow)
	n, rerr := io.ReadFull(src, head)
	head = head[:n]
	eof := rerr == io.EOF || rerr == io.ErrUnexpectedEOF
	if rerr != nil && !eof {
		return fmt.Errorf("fetch: %s: reading: %w", orDash(cfg.source), rerr)
	}
	dec := decodePrefix(head, eof)
	if len(dec) > sniffWindow {
		dec = dec[:sniffWindow]
	}
	serial := func() error {
		return st.runSerial(transform.NewReader(io.MultiReader(bytes.NewReader(head), src), st.lenient))
	}
	if oldMacLineEnds(dec) {
		return serial() // the serial reader says why it cannot
	}
	var probe Report
	_, from, _ := cfg.dialect(dec, &probe)
	if from > len(head) || string(head[:from]) != dec[:from] {
		return serial()
	}
	d, from, line := cfg.dialect(dec, st.rep)
	st.rs = &recordSet{delim: d}

	quit := make(chan struct{})
	ordered := make(chan *pblock, workers)
	defer func() {
		// stop the reader and wait for it: the caller may use r again
		// once EachChunk returns.
		close(quit)
		for range ordered {
		}
	}()
	sem := make(chan struct{}, workers)
	win := st.win1252
	// With Columns, blocks scanned in parallel store only the selected
	// columns' fields (as ReadCSVFile's pipeline does).
	keep := cfg.projection(dec, from, d, eof)
	go readBlocks(src, head[from:], eof, d, keep, cfg.lim().LineBytes, ordered, sem, quit, win, parBlock, parRead)

	maxLine := cfg.lim().LineBytes
	leftover := ""
	for b := range ordered {
		<-b.done
		st.lenient.fixed += b.fixed
		st.lenient.multi += b.multi
		if leftover == "" && b.ok {
			parUsed.Add(1)
			if line != 1 {
				for i := range b.recs.lines {
					b.recs.lines[i] += line - 1
				}
			}
			line += b.nl
			if b.recs.n() > 0 {
				st.rs.segs = append(st.rs.segs, b.recs)
				st.rs.n += b.recs.n()
			}
		} else {
			// scanned serially, in pieces as the serial reader reads
			text := b.text
			for first := true; first || text != ""; first = false {
				piece := text
				if len(piece) > parBlockOf(b) {
					piece = piece[:parBlockOf(b)]
				}
				text = text[len(piece):]
				end := b.last && text == ""
				s := leftover + piece
				if strings.IndexByte(piece, '\n') < 0 {
					if len(s) > maxLine {
						return tooLarge(cfg.source, fmt.Sprintf("the record from line %d is longer than %d bytes", line, maxLine), int64(maxLine), "LineBytes")
					}
					if !end {
						leftover = s
						continue
					}
				}
				recs, stop, nl, serr := scan(s, 0, len(s), d, line, !end)
				if serr != nil {
					return serr.err(cfg.source)
				}
				line += nl
				if len(s)-stop > maxLine {
					return tooLarge(cfg.source, fmt.Sprintf("the record from line %d is longer than %d bytes", line, maxLine), int64(maxLine), "LineBytes")
				}
				leftover = strings.Clone(s[stop:])
				if recs.n() > 0 {
					st.rs.segs = append(st.rs.segs, recs)
					st.rs.n += recs.n()
				}
			}
		}
		if b.rerr != nil {
			return fmt.Errorf("fetch: %s: reading: %w", orDash(cfg.source), b.rerr)
		}
		if err := st.flush(b.last); err != nil {
			return err
		}
		if b.last {
			break
		}
	}
	return nil
}

// readBlocks reads src (whose first bytes, already read, are first) and
// sends its blocks in order on out, starting each one's decoding and scan
// on a goroutine (at most cap(sem) at a time). It stops when quit closes.
//
// Each block is gathered in a strings.Builder through one small read
// buffer that stays in cache: the builder's memory is neither zeroed
// first nor copied again into a string, so valid UTF-8 (the usual case)
// reaches the scanner without another pass over it.
func readBlocks(src io.Reader, first []byte, eof bool, d byte, keep []int32, maxLine int, out chan<- *pblock, sem chan struct{}, quit <-chan struct{}, win bool, parBlock, parRead int) {
	defer close(out)
	fresh := func(prefix string) *strings.Builder {
		b := new(strings.Builder)
		b.Grow(max(parBlock+parRead, len(prefix)+parRead))
		b.WriteString(prefix)
		return b
	}
	send := func(b *pblock) bool {
		b.done, b.delim, b.maxLine, b.size, b.keep = make(chan struct{}), d, maxLine, parBlock, keep
		select {
		case out <- b:
		case <-quit:
			return false
		}
		go func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			b.decodeAndScan(win)
		}()
		return true
	}
	if eof { // the whole input is in first: no block buffers
		send(&pblock{raw: string(first), last: true})
		return
	}
	pend := fresh(string(first))
	buf := make([]byte, parRead)
	parity, scanned := 0, 0 // quote parity of the pending text up to scanned
	for {
		// hand finished blocks on
		for s := pend.String(); len(s) >= parBlock && !eof || eof; s = pend.String() {
			if eof {
				send(&pblock{raw: s, last: true})
				return
			}
			p := parBlock
			if scanned < p {
				parity = (parity + strings.Count(s[scanned:p], `"`)) & 1
				scanned = p
			}
			cut := -1
			for scanned < len(s) {
				c := s[scanned]
				scanned++
				if c == '"' {
					parity ^= 1
				} else if c == '\n' && parity == 0 {
					cut = scanned
					break
				}
			}
			if cut < 0 {
				if len(s)-p <= maxLine {
					break // no record end yet: read more
				}
				// a record longer than a line may be: the serial scan
				// of the consumer says so.
				if !send(&pblock{raw: s}) {
					return
				}
				pend = fresh("")
				parity, scanned = 0, 0
				continue
			}
			if !send(&pblock{raw: s[:cut], cut: true}) {
				return
			}
			pend, parity, scanned = fresh(s[cut:]), 0, 0
		}
		n, err := io.ReadFull(src, buf)
		pend.Write(buf[:n])
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			eof = true
		case err != nil:
			send(&pblock{raw: pend.String(), last: true, rerr: err})
			return
		}
	}
}

// decodeAndScan decodes the block to UTF-8 and scans it alone.
func (b *pblock) decodeAndScan(win bool) {
	defer close(b.done)
	if !win && validString(b.raw) {
		b.text = b.raw
	} else {
		t := &lenientUTF8{}
		src := []byte(b.raw)
		dst := make([]byte, 3*len(src))
		nd, _, _ := t.Transform(dst, src, true)
		b.text = string(dst[:nd])
		b.fixed, b.multi = t.fixed, t.multi
	}
	b.raw = ""
	if !b.cut && !b.last || len(b.text) > b.maxLine {
		return // scanned serially, where long records are caught
	}
	r, end, nl, e := scanKeep(b.text, 0, len(b.text), b.delim, 1, false, b.keep, false)
	b.recs, b.nl, b.ok = r, nl, e == nil && end == len(b.text)
}

// decodePrefix decodes the start of the input with the lenient UTF-8
// decoder, leaving out a character cut off at its end unless eof.
func decodePrefix(head []byte, eof bool) string {
	dst := make([]byte, 3*len(head)+4)
	t := &lenientUTF8{}
	nd, _, _ := t.Transform(dst, head, eof)
	return string(dst[:nd])
}

// parBlockOf is the size of the pieces a block is scanned in serially.
func parBlockOf(b *pblock) int { return max(b.size, 1) }
