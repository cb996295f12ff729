package fetch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DefaultChunkRows is the chunk size EachChunk uses when rows ≤ 0.
const DefaultChunkRows = 100_000

// chunkBlock is how many bytes EachChunk reads at a time.
const chunkBlock = 4 << 20

// noteHoldback is how many records EachChunk keeps back from each chunk
// until more input arrives, so that trailing notes at the very end can be
// recognised and dropped as ReadCSV drops them.
const noteHoldback = 60

// EachChunk reads a CSV in chunks of rows data rows and calls fn with each
// chunk as a DataFrame, so a file larger than memory can be filtered and
// aggregated with flat memory. Encoding, delimiter, header, preamble and
// trailing notes are handled as ReadCSV handles them, and Columns skips the
// other columns while parsing.
//
// Every chunk has the same columns and types: the schema is inferred from
// the first chunk (a column with no values there is String), or declared
// with ColumnType. A later value that does not fit its column's type is an
// error wrapping ErrType that names its line — never a silent change of
// type. Declare numeric columns with ColumnType when the first chunk may
// not be representative.
//
// Text in UTF-8 or Windows-1252 is decoded and scanned on every core, and
// the chunk after the one fn works on is typed meanwhile on another
// goroutine (Workers sets how many goroutines; Workers(1) does it all
// serially); fn itself runs on the calling goroutine, one call at a time,
// with the chunks in input order. A few blocks of input and a few chunks
// are in flight, so memory stays flat in the file size. When
// fn's work on one chunk does not depend on the others (filtering,
// aggregating), EachChunkParallel runs fn itself on several goroutines.
//
// rows ≤ 0 means DefaultChunkRows. An error returned by fn stops the
// reading and is returned as is. WithReport's report covers the whole
// input: Rows counts all chunks, and each column's missing counts add up.
func EachChunk(r io.Reader, rows int, fn func(dataframe.DataFrame) error, opts ...Option) error {
	st, err := newChunker("EachChunk", r, rows, fn == nil, opts)
	if err != nil {
		return err
	}
	st.fn = fn
	if st.parallelWorkers() > 1 {
		// one chunk typed while fn works on the one before: with the
		// blocks scanned in parallel, enough to keep the cores busy;
		// deeper measured no faster and held more memory
		st.ahead = &chunkAhead{depth: 1}
		defer st.ahead.wait()
	}
	return st.run(r)
}

// newChunker checks the arguments EachChunk and EachChunkParallel share
// (who names the caller in errors; noFn says fn is nil) and sets up the
// state and the report of the call.
func newChunker(who string, r io.Reader, rows int, noFn bool, opts []Option) (*chunker, error) {
	cfg := newConfig(opts)
	if rows <= 0 {
		rows = DefaultChunkRows
	}
	if r == nil {
		return nil, fmt.Errorf("fetch: %s: nil reader: %w", orDash(cfg.source), ErrEmpty)
	}
	if noFn {
		return nil, fmt.Errorf("fetch: %s: %s needs a function: %w", orDash(cfg.source), who, ErrFormat)
	}
	rep := cfg.report
	if rep == nil {
		rep = &Report{}
	}
	*rep = Report{Source: cfg.source, Format: "csv"}
	cfg.dictMiss = &dictMisses{}
	return &chunker{cfg: cfg, rep: rep, rows: rows}, nil
}

// chunker is the state of one EachChunk call.
type chunker struct {
	cfg     *config
	rep     *Report
	rows    int
	fn      func(dataframe.DataFrame) error
	pool    *chunkPool  // EachChunkParallel's workers, or nil
	ahead   *chunkAhead // EachChunk's chunks built ahead of fn, or nil
	rs      *recordSet
	lay     *layout
	schema  map[string]series.Type
	pending []ref // data rows not yet handed out
	lenient *lenientUTF8
	win1252 bool // the input was detected as Windows-1252
	// cur is the next record to queue; blank counts empty lines skipped.
	cur       ref
	cursorSet bool
	blank     int
}

func (st *chunker) run(r io.Reader) error {
	cfg := st.cfg
	br := bufio.NewReaderSize(r, 1<<16)
	head, err := br.Peek(sniffWindow)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("fetch: %s: reading: %w", orDash(cfg.source), err)
	}
	if len(bytes.TrimSpace(head)) == 0 && len(head) < sniffWindow {
		return fmt.Errorf("fetch: %s: the input is empty: %w", orDash(cfg.source), ErrEmpty)
	}
	src, err := st.decoder(br, head)
	if err != nil {
		return err
	}
	if w := st.parallelWorkers(); st.lenient != nil && w > 1 {
		err = st.runParallel(br, w)
	} else {
		err = st.runSerial(src)
	}
	if st.ahead != nil && !st.ahead.failed {
		// the chunks already typed go to fn before anything else is said,
		// a reading error included
		if derr := st.ahead.drain(st); derr != nil {
			return derr
		}
	}
	if err != nil {
		return err
	}
	return st.finish()
}

// runSerial reads the decoded input src in one goroutine.
func (st *chunker) runSerial(src io.Reader) error {
	cfg := st.cfg
	line := 1
	maxLine := cfg.lim().LineBytes
	var leftover string
	first := true
	var d byte
	eof := false
	buf := make([]byte, 64<<10) // grows to chunkBlock: small inputs stay cheap
	for !eof {
		if !first && len(buf) < chunkBlock {
			buf = make([]byte, 2*len(buf))
		}
		n, rerr := io.ReadFull(src, buf)
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			eof = true
		} else if rerr != nil {
			return fmt.Errorf("fetch: %s: reading: %w", orDash(cfg.source), rerr)
		}
		text := buf[:n]
		from := 0
		if first {
			first = false
			if oldMacLineEnds(string(text)) {
				return fmt.Errorf("fetch: %s: line ends are CR alone (old Mac): EachChunk needs LF or CRLF: %w", orDash(cfg.source), ErrUnsupported)
			}
			d, from, line = cfg.dialect(string(text), st.rep)
			st.rs = &recordSet{delim: d}
		}
		s := leftover + string(text[from:])
		if bytes.IndexByte(text[from:], '\n') < 0 {
			// no line end in this block: the record that started in
			// the leftover runs through all of it.
			if len(s) > maxLine {
				return tooLarge(cfg.source, fmt.Sprintf("the record from line %d is longer than %d bytes", line, maxLine), int64(maxLine), "LineBytes")
			}
			if !eof {
				leftover = s
				continue
			}
		}
		recs, end, nl, serr := scan(s, 0, len(s), d, line, !eof)
		if serr != nil {
			return serr.err(cfg.source)
		}
		line += nl
		if len(s)-end > maxLine {
			return tooLarge(cfg.source, fmt.Sprintf("the record from line %d is longer than %d bytes", line, maxLine), int64(maxLine), "LineBytes")
		}
		leftover = strings.Clone(s[end:])
		if recs.n() > 0 {
			st.rs.segs = append(st.rs.segs, recs)
			st.rs.n += recs.n()
		}
		if err := st.flush(eof); err != nil {
			return err
		}
	}
	return nil
}

// finish checks that records were found and notes mixed encodings.
func (st *chunker) finish() error {
	if st.lay == nil {
		return fmt.Errorf("fetch: %s: no records: %w", orDash(st.cfg.source), ErrEmpty)
	}
	switch {
	case st.lenient != nil && st.win1252 && st.lenient.multi > 0:
		st.rep.Encoding = encWin1252 + " mixed with UTF-8"
		st.rep.Notes = append(st.rep.Notes, fmt.Sprintf("mixed encodings: %d UTF-8 characters kept as UTF-8 among Windows-1252 text", st.lenient.multi))
	case st.lenient != nil && !st.win1252 && st.lenient.fixed > 0:
		st.rep.Notes = append(st.rep.Notes, fmt.Sprintf("%d bytes that were not UTF-8 read as Windows-1252", st.lenient.fixed))
	}
	return nil
}

// decoder wraps br so that it yields UTF-8, deciding the encoding from
// head as decodeAll does.
func (st *chunker) decoder(br *bufio.Reader, head []byte) (io.Reader, error) {
	cfg := st.cfg
	if cfg.encoding != nil {
		st.rep.Encoding = encodingName(cfg.encoding)
		return transform.NewReader(br, cfg.encoding.NewDecoder()), nil
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		if _, err := br.Discard(3); err != nil {
			return nil, err
		}
		st.rep.Encoding = encUTF8BOM
		if err := checkBinary(cfg.source, head[3:]); err != nil {
			return nil, err
		}
		st.lenient = &lenientUTF8{}
		return transform.NewReader(br, st.lenient), nil
	case bytes.HasPrefix(head, []byte("\xFF\xFE")):
		st.rep.Encoding = encUTF16LE + " with BOM"
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), nil
	case bytes.HasPrefix(head, []byte("\xFE\xFF")):
		st.rep.Encoding = encUTF16BE + " with BOM"
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()), nil
	}
	if le, be := utf16Guess(head); le || be {
		order, name := unicode.BigEndian, encUTF16BE
		if le {
			order, name = unicode.LittleEndian, encUTF16LE
		}
		st.rep.Encoding = name
		return transform.NewReader(br, unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()), nil
	}
	if err := checkBinary(cfg.source, head); err != nil {
		return nil, err
	}
	h := head
	for k := 0; k < 3 && len(h) > 0 && !utf8.FullRune(h[lastRuneStart(h):]); k++ {
		h = h[:lastRuneStart(h)]
	}
	if utf8.Valid(h) {
		st.rep.Encoding = encUTF8
		st.lenient = &lenientUTF8{}
		return transform.NewReader(br, st.lenient), nil
	}
	// Windows-1252, but a valid UTF-8 character later on is kept (rows
	// from a UTF-8 export appended to a Windows-1252 one), and counted.
	st.rep.Encoding = encWin1252
	st.lenient = &lenientUTF8{}
	st.win1252 = true
	return transform.NewReader(br, st.lenient), nil
}

func lastRuneStart(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-4; i-- {
		if utf8.RuneStart(b[i]) {
			return i
		}
	}
	return len(b)
}

// flush plans the layout once enough records are in, and hands out every
// full chunk (all remaining rows at the end).
func (st *chunker) flush(eof bool) error {
	if st.lay == nil {
		if st.rs.n < headerScanRows && !eof {
			return nil
		}
		if st.rs.n == 0 {
			return nil
		}
		lay, err := st.planFirst(eof)
		if err != nil {
			return err
		}
		st.lay = lay
	} else {
		st.addRows(eof)
	}
	for len(st.pending) >= st.rows+noteHoldback || eof && len(st.pending) > 0 {
		n := st.rows
		if n > len(st.pending) {
			n = len(st.pending)
		}
		if err := st.emit(st.pending[:n]); err != nil {
			return err
		}
		st.pending = st.pending[n:]
		// let the garbage collector have the blocks no pending row uses.
		keep := len(st.rs.segs)
		if len(st.pending) > 0 {
			keep = int(st.pending[0].seg)
		}
		for k := 0; k < keep && k < len(st.rs.segs); k++ {
			st.rs.segs[k] = nil
		}
	}
	return nil
}

// planFirst finds the header in the first records and queues the data rows.
func (st *chunker) planFirst(eof bool) (*layout, error) {
	cfg := st.cfg
	h, err := cfg.headerIndex(st.rs)
	if err != nil {
		return nil, err
	}
	for k := 0; k < h; k++ {
		r := st.rs.ref(k)
		if f := st.rs.fields(r); countNonEmpty(f) > 0 {
			st.rep.Skipped = append(st.rep.Skipped, SkippedLine{Line: st.rs.line(r), Reason: "preamble", Text: shorten(strings.Join(trimTrailingEmpty(f), " | "), 80)})
		}
	}
	var header []string
	if h >= 0 {
		hr := st.rs.ref(h)
		header = st.rs.fields(hr)
		st.rep.HeaderLine = st.rs.line(hr)
	}
	st.queue(h+1, eof)
	lay := &layout{}
	first := st.pending
	if len(first) > st.rows {
		first = first[:st.rows]
	}
	maxLen := 0
	for _, r := range first {
		if n := st.rs.nf(r); n > maxLen {
			maxLen = n
		}
	}
	if w := max(maxLen, len(header)); w > cfg.lim().Columns {
		return nil, tooLarge(cfg.source, fmt.Sprintf("a record has %d fields", w), int64(cfg.lim().Columns), "Columns")
	}
	lay.rows = first
	if err := lay.setWidth(cfg, st.rs, header, maxLen, &Report{}); err != nil {
		return nil, err
	}
	for j := lay.width; j < len(header); j++ {
		st.rep.DroppedColumns = append(st.rep.DroppedColumns, fmt.Sprintf("col_%d", j+1))
	}
	lay.rows = nil
	lay.merged = nil
	return lay, nil
}

// queue appends the non-blank records from the cursor on to the pending
// rows; k is the record index to start from when the cursor is unset. At
// the end of the input it drops the trailing notes among the last rows.
func (st *chunker) queue(k int, eof bool) {
	if !st.cursorSet {
		st.cursorSet = true
		st.cur = st.rs.ref(k)
		if st.cur.seg < 0 {
			st.cur = ref{int32(len(st.rs.segs)), 0}
		}
	}
	for int(st.cur.seg) < len(st.rs.segs) {
		seg := st.rs.segs[st.cur.seg]
		for int(st.cur.rec) < seg.n() {
			if seg.allEmpty(int(st.cur.rec)) {
				st.blank++
			} else {
				st.pending = append(st.pending, st.cur)
			}
			st.cur.rec++
		}
		st.cur = ref{st.cur.seg + 1, 0}
	}
	if !eof || len(st.pending) == 0 {
		return
	}
	lo := len(st.pending) - noteHoldback
	if lo < 0 {
		lo = 0
	}
	tail := make([][]string, 0, len(st.pending)-lo)
	for _, r := range st.pending[lo:] {
		tail = append(tail, st.rs.fields(r))
	}
	cut := lo + trailingNotes(tail)
	for _, r := range st.pending[cut:] {
		st.rep.Skipped = append(st.rep.Skipped, SkippedLine{Line: st.rs.line(r), Reason: "note", Text: shorten(strings.Join(trimTrailingEmpty(st.rs.fields(r)), " | "), 80)})
	}
	st.pending = st.pending[:cut]
	if st.blank > 0 {
		st.rep.Notes = append(st.rep.Notes, fmt.Sprintf("%d empty lines among the data skipped", st.blank))
	}
}

// addRows queues the records scanned since the last call.
func (st *chunker) addRows(eof bool) {
	st.queue(0, eof)
}

// emit builds one chunk and hands it to fn.
func (st *chunker) emit(rows []ref) error {
	cfg := st.cfg
	lay := *st.lay
	lay.rows = rows
	lay.merged = nil
	if err := lay.checkRows(cfg, st.rs, rows, st.rep); err != nil {
		return err
	}
	if st.schema == nil {
		c2 := *cfg
		c2.emptyAsString = true
		df, crs, err := chunkFrame(&c2, st.rs, &lay, nil)
		if err != nil {
			return err
		}
		st.schema = make(map[string]series.Type, len(crs))
		for _, cr := range crs {
			st.schema[cr.Name] = cr.Type
		}
		st.rep.Columns = crs
		st.rep.Rows += len(rows)
		return st.fn(df)
	}
	if st.pool != nil {
		return st.pool.submit(st, &lay)
	}
	if st.ahead != nil {
		return st.ahead.submit(st, &lay)
	}
	df, crs, err := chunkFrame(cfg, st.rs, &lay, st.schema)
	if err != nil {
		if errors.Is(err, ErrType) {
			return fmt.Errorf("%w (the column's type comes from the first chunk; declare it with ColumnType)", err)
		}
		return err
	}
	st.addCounts(crs, len(rows))
	return st.fn(df)
}

// addCounts adds a later chunk's missing counts and rows to the report.
func (st *chunker) addCounts(crs []ColumnReport, rows int) {
	for i := range crs {
		c := &st.rep.Columns[i]
		c.Missing += crs[i].Missing
		for v, n := range crs[i].MissingValues {
			if c.MissingValues == nil {
				c.MissingValues = make(map[string]int)
			}
			c.MissingValues[v] += n
		}
	}
	st.rep.Rows += rows
}

// chunkFrame builds one chunk's table: its typed columns and, with
// LineColumn, each row's input line.
func chunkFrame(cfg *config, rs *recordSet, lay *layout, schema map[string]series.Type) (dataframe.DataFrame, []ColumnReport, error) {
	df, crs, err := buildColumns(cfg, rs, lay, schema, false)
	if err != nil {
		return df, crs, err
	}
	df, err = addLineColumn(cfg, df, func(i int) int { return rs.line(lay.rows[i]) })
	return df, crs, err
}
