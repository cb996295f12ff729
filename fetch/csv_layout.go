package fetch

import (
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// From scanned records to a table: where the header is, which lines are
// preamble and notes, how wide the table is, and then one typed column at a
// time (in parallel across columns), each series built once.

// recordSet is the scanned records of an input, in parts.
type recordSet struct {
	segs  []*recs
	n     int
	delim byte
}

func newRecordSet(segs []*recs, delim byte) *recordSet {
	rs := &recordSet{segs: segs, delim: delim}
	for _, s := range segs {
		rs.n += s.n()
	}
	return rs
}

// ref addresses one record.
type ref struct{ seg, rec int32 }

func (rs *recordSet) ref(k int) ref {
	for i, s := range rs.segs {
		if k < s.n() {
			return ref{int32(i), int32(k)}
		}
		k -= s.n()
	}
	return ref{-1, -1}
}

// fields returns the fields of a record as a new slice (for the few rows
// looked at whole: header, preamble, notes).
func (rs *recordSet) fields(r ref) []string { return rs.segs[r.seg].record(int(r.rec)) }

// nf returns the number of fields of a record.
func (rs *recordSet) nf(r ref) int { return rs.segs[r.seg].nf(int(r.rec)) }

// field returns field j of a record.
func (rs *recordSet) field(r ref, j int) string { return rs.segs[r.seg].field(int(r.rec), j) }

// allEmpty reports whether every field of a record is blank.
func (rs *recordSet) allEmpty(r ref) bool { return rs.segs[r.seg].allEmpty(int(r.rec)) }
func (rs *recordSet) line(r ref) int      { return rs.segs[r.seg].lines[r.rec] }

// dropFields lets go of everything but the records' lines: the input text
// and the scanned fields. Only line may be called afterwards.
func (rs *recordSet) dropFields() {
	for _, sg := range rs.segs {
		lines := sg.lines
		*sg = recs{lines: lines}
	}
}

// projected reports whether the records come from projected scans
// (Columns: see scanKeep), which store only the selected fields.
func (rs *recordSet) projected() bool {
	for _, sg := range rs.segs {
		if sg.keep == nil {
			return false
		}
	}
	return len(rs.segs) > 0
}

// records returns records [lo, hi) as rows of text.
func (rs *recordSet) records(lo, hi int) [][]string {
	out := make([][]string, 0, hi-lo)
	for k := lo; k < hi; k++ {
		out = append(out, rs.fields(rs.ref(k)))
	}
	return out
}

// layout is the plan of a table: its data rows, names and width.
type layout struct {
	rows     []ref
	header   []string // as written, width long
	names    []string // unique, width long
	width    int
	selected []int // column positions to read, in file order
	// merged holds, for rows whose free-text last column held unquoted
	// delimiters, the rejoined value of that column.
	merged map[ref]string
	// hashes, when set, collects the row hashes that find duplicate rows
	// from the typed cells (when the scan kept no raw-record hashes).
	hashes *rowHashes
	// checks says the table is a whole input, whose columns get the
	// per-value checks (date placeholders, codes as formulas or padded):
	// a streamed chunk's do not.
	checks bool
	// release, when set, is called once the columns are typed and before
	// gota copies them: it lets go of the input text and the scanned
	// fields, so the copies do not stack on top of them.
	release func()
}

const maxSkippedListed = 20

// planLayout finds the header, preamble and trailing notes, the data rows
// and the table width, and checks ragged rows. final says the record set is
// the whole input (so trailing notes can be dropped).
func planLayout(cfg *config, rs *recordSet, rep *Report, final bool) (*layout, error) {
	h, err := cfg.headerIndex(rs)
	if err != nil {
		return nil, err
	}
	cut := rs.n
	if final {
		lo := rs.n - 60
		if lo <= h {
			lo = h + 1
		}
		if lo < rs.n {
			cut = lo + trailingNotes(rs.records(lo, rs.n))
		}
	}
	skipped := 0
	skip := func(k int, reason string) {
		r := rs.ref(k)
		f := rs.fields(r)
		if countNonEmpty(f) == 0 {
			return
		}
		skipped++
		if skipped > maxSkippedListed {
			return
		}
		rep.Skipped = append(rep.Skipped, SkippedLine{Line: rs.line(r), Reason: reason, Text: shorten(strings.Join(trimTrailingEmpty(f), " | "), 80)})
	}
	for k := 0; k < h; k++ {
		skip(k, "preamble")
	}
	for k := cut; k < rs.n; k++ {
		skip(k, "note")
	}
	lay := &layout{}
	var header []string
	if h >= 0 {
		hr := rs.ref(h)
		header = rs.fields(hr)
		rep.HeaderLine = rs.line(hr)
	}
	lay.rows = make([]ref, 0, cut-h)
	blank := 0
	maxLen := 0
	start := rs.ref(h + 1)
	k := h + 1
	for si := int(start.seg); si >= 0 && si < len(rs.segs) && k < cut; si++ {
		seg := rs.segs[si]
		rec := 0
		if si == int(start.seg) {
			rec = int(start.rec)
		}
		for ; rec < seg.n() && k < cut; rec, k = rec+1, k+1 {
			if seg.allEmpty(rec) {
				blank++
				continue
			}
			if n := seg.nf(rec); n > maxLen {
				maxLen = n
			}
			lay.rows = append(lay.rows, ref{int32(si), int32(rec)})
		}
	}
	if blank > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d empty lines among the data skipped", blank))
	}
	if skipped > maxSkippedListed {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d lines skipped in all (first %d listed)", skipped, maxSkippedListed))
	}
	if err := lay.setWidth(cfg, rs, header, maxLen, rep); err != nil {
		return nil, err
	}
	return lay, nil
}

// setWidth decides the table width from the header and the rows: trailing
// empty header cells that no row fills are dropped. It then names the
// columns, checks the rows (see checkRows) and resolves Columns.
func (lay *layout) setWidth(cfg *config, rs *recordSet, header []string, maxLen int, rep *Report) error {
	named := len(header)
	for named > 0 && strings.TrimSpace(header[named-1]) == "" {
		named--
	}
	limit := len(header)
	if cfg.noHeader || header == nil {
		limit = maxLen
	}
	width := named
	for _, r := range lay.rows {
		for j := rs.nf(r) - 1; j >= width; j-- {
			if j < limit && strings.TrimSpace(rs.field(r, j)) != "" {
				width = j + 1
				break
			}
		}
	}
	if width == 0 {
		width = 1
	}
	for j := width; j < len(header); j++ {
		rep.DroppedColumns = append(rep.DroppedColumns, "col_"+strconv.Itoa(j+1))
	}
	hdr := make([]string, width)
	if !cfg.noHeader && header != nil {
		// copies: a name that points into the input would keep all of
		// it alive as long as the table
		for j := range min(len(hdr), len(header)) {
			hdr[j] = strings.Clone(header[j])
		}
	}
	lay.header = hdr
	lay.width = width
	if cfg.noHeader || header == nil {
		lay.names = make([]string, width)
		for j := range lay.names {
			lay.names[j] = "col_" + strconv.Itoa(j+1)
		}
	} else {
		lay.names = uniqueNames(hdr)
	}
	if err := lay.checkRows(cfg, rs, lay.rows, rep); err != nil {
		return err
	}
	if err := cfg.checkColumns(lay.names); err != nil {
		return err
	}
	want := cfg.wanted(lay.names)
	for j, n := range lay.names {
		if want == nil || want[n] {
			lay.selected = append(lay.selected, j)
		}
	}
	return nil
}

// checkRows checks rows against the width: a row with a non-empty field
// beyond it is an error wrapping ErrFieldCount, unless the fields are free
// text of the last column split by unquoted delimiters (rejoined and
// noted). Short rows and rows with empty extra fields are counted.
func (lay *layout) checkRows(cfg *config, rs *recordSet, rows []ref, rep *Report) error {
	width := lay.width
	for _, r := range rows {
		n := rs.nf(r)
		for j := n - 1; j >= width; j-- {
			if strings.TrimSpace(rs.field(r, j)) == "" {
				continue
			}
			f := rs.fields(r)
			if v, ok := rejoinProse(f, width, rs.delim); ok && !cfg.noHeader && strings.TrimSpace(lay.header[width-1]) != "" {
				if lay.merged == nil {
					lay.merged = make(map[ref]string)
				}
				lay.merged[r] = v
				rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: the text in the last column %q held the delimiter unquoted; its %d parts were joined", rs.line(r), lay.names[width-1], len(trimTrailingEmpty(f))-width+1))
				n = width
				break
			}
			return fmt.Errorf("fetch: %s: line %d: column %d: %q: the row has %d fields, the table %d: %w",
				orDash(cfg.source), rs.line(r), j+1, shorten(f[j], 40), len(trimTrailingEmpty(f)), width, ErrFieldCount)
		}
		if n < width {
			rep.PaddedRows++
		} else if n > width {
			rep.TrimmedRows++
		}
	}
	return nil
}

// headerIndex returns the record index of the header, or -1 without one.
func (c *config) headerIndex(rs *recordSet) (int, error) {
	switch {
	case c.noHeader:
		return -1, nil
	case c.headerRow > 0:
		for k := 0; k < rs.n; k++ {
			if rs.line(rs.ref(k)) >= c.headerRow {
				return k, nil
			}
		}
		return 0, fmt.Errorf("fetch: %s: HeaderRow(%d): the input has fewer lines: %w", orDash(c.source), c.headerRow, ErrEmpty)
	}
	n := rs.n
	if n > headerScanRows {
		n = headerScanRows
	}
	return detectHeader(rs.records(0, n)), nil
}

// buildTable types the selected columns of the planned rows and builds the
// DataFrame. types, when not nil, fixes each column's type (a streaming
// schema); otherwise cfg's types and inference decide.
//
// Duplicate rows are found from the hashes of the raw records the scan
// kept, alongside the column building; a scan without them (none today)
// has the typed columns hash their cells instead.
func buildTable(cfg *config, rs *recordSet, lay *layout, rep *Report) (dataframe.DataFrame, error) {
	var dups Report
	done := make(chan struct{})
	raw := hashedScan(rs)
	if raw {
		go func() {
			defer close(done)
			recordDuplicates(rs, lay.rows, &dups)
		}()
	} else {
		lay.hashes = newRowHashes(len(lay.rows))
		close(done)
	}
	lay.checks = true
	lay.release = func() {
		<-done
		rs.dropFields()
	}
	if len(lay.rows)*len(lay.selected) >= gcBeforeCopy && rs.projected() {
		// A collection now costs about a millisecond: the input text and
		// the scan's slices hold no pointers. Typing a few selected columns
		// then allocates less than the heap goal it sets, so no collection
		// runs during the typing, where each slice and series allocated
		// would pay for its marking (85 ms of assist for one 16 MB slice of
		// T2's in bench/) and every pointer written a barrier. With every
		// column typed (no Columns) the typing outgrows that goal anyway,
		// and a collection here would only be one more.
		runtime.GC()
	}
	df, crs, err := buildColumns(cfg, rs, lay, nil, true)
	<-done
	if err != nil {
		return df, err
	}
	rep.Columns = append(rep.Columns, crs...)
	rep.Rows = len(lay.rows)
	noteCommaDecimals(df, crs, rep)
	finishChecks(rep)
	if raw {
		rep.DuplicateRows, rep.Duplicates = dups.DuplicateRows, dups.Duplicates
	} else {
		lay.hashes.report(rep, func(i int) int { return rs.line(lay.rows[i]) })
	}
	lay.hashes, lay.checks, lay.release = nil, false, nil
	detachReport(rep)
	return addLineColumn(cfg, df, func(i int) int { return rs.line(lay.rows[i]) })
}

// buildColumns builds the selected columns, in parallel across columns.
// whole says the record set is a whole input (not a streamed chunk): a
// large one is worth a collection before gota copies the columns.
func buildColumns(cfg *config, rs *recordSet, lay *layout, schema map[string]series.Type, whole bool) (dataframe.DataFrame, []ColumnReport, error) {
	ms := cfg.markers()
	ncol := len(lay.selected)
	cols := make([]series.Series, ncol)
	crs := make([]ColumnReport, ncol)
	errs := make([]error, ncol)
	lineOf := func(i int) int { return rs.line(lay.rows[i]) }
	ccfg := cfg
	if schema != nil {
		c2 := *cfg
		c2.types = schema
		ccfg = &c2
	}
	projected := whole && rs.projected()
	work := func(c int, sc *scratch) {
		j := lay.selected[c]
		if lay.checks {
			sc.hashes, sc.col = lay.hashes, j
			if sc.text == nil {
				sc.text = &textFindings{}
			}
			*sc.text = textFindings{}
		}
		// A projected scan's values lie packed one after another: a
		// column of few distinct values, or one that is not text (as its
		// first rows say), is typed from them through a window of rows;
		// a text column (its series needs a slice) and any column of a
		// full scan are gathered into a slice first.
		cv := columnValues{rs: rs, lay: lay, j: j, merged: j == lay.width-1 && len(lay.merged) > 0}
		text := &colText{n: len(lay.rows), fill: cv.fill}
		if !projected {
			text.strings(sc)
		}
		var s series.Series
		var cr ColumnReport
		var err error
		ok := false
		if !ccfg.dictMiss.has(lay.names[j]) {
			s, cr, err, ok = typedColumnDict(ccfg, lay.names[j], text, ms, lineOf, sc)
			if !ok && len(lay.rows) >= dictMin && dictTyping {
				ccfg.dictMiss.add(lay.names[j]) // too many distinct values
			}
		}
		if !ok {
			if projected && text.prefixIsText(ccfg, lay.names[j], ms) {
				text.strings(sc)
			}
			s, cr, err = typedColumnOf(ccfg, lay.names[j], text, ms, lineOf, sc)
		}
		if schema != nil && err == nil {
			cr.Why = "schema of the first chunk"
			if _, ok := cfg.types[lay.names[j]]; ok {
				cr.Why = "type set by option"
			}
		}
		if lay.header[j] != lay.names[j] {
			cr.Original = lay.header[j]
		}
		if sc.text != nil && err == nil {
			sc.text.finish(&cr)
		}
		cols[c], crs[c], errs[c] = s, cr, err
	}
	workers := runtime.GOMAXPROCS(0)
	if cfg.workers > 0 {
		workers = cfg.workers
	}
	if workers > ncol {
		workers = ncol
	}
	if workers <= 1 || len(lay.rows) < 10000 {
		sc := &scratch{}
		for c := 0; c < ncol; c++ {
			work(c, sc)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int, ncol)
		for _, c := range costOrder(rs, lay) {
			next <- c
		}
		close(next)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sc := &scratch{}
				for c := range next {
					work(c, sc)
				}
			}()
		}
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			return dataframe.DataFrame{}, nil, err
		}
	}
	if whole && lay.release != nil {
		lay.release()
	}
	if whole && len(lay.rows)*ncol >= gcBeforeCopy {
		// gota copies every series into the frame; a copy of a large
		// series cannot be interrupted, and a collection that starts
		// during it spins waiting for it and pays write barriers on every
		// pointer copied. Collecting first (the input text and the
		// scanner's buffers are garbage by now: see layout.release)
		// leaves room for the copies without one, and keeps the copies
		// from stacking on top of the input.
		runtime.GC()
	}
	df, err := frame.New(cols...)
	if err != nil {
		return df, nil, fmt.Errorf("fetch: %s: %w", orDash(cfg.source), err)
	}
	return df, crs, nil
}

// columnValues reads the values of column j of the planned rows as text
// (a Windows-1252 value decoded, a row too short for the column giving "",
// and the last column taking the rejoined text of lay.merged).
type columnValues struct {
	rs      *recordSet
	lay     *layout
	j       int
	merged  bool              // j is the last column and lay.merged is not empty
	decoded map[string]string // Windows-1252 raw value → UTF-8
}

// decode returns field j of record k of seg (stored in slot sl, or not
// stored when sl < 0), decoded.
func (cv *columnValues) decode(seg *recs, k, sl int) string {
	var v string
	if sl >= 0 {
		v = seg.rawValue(seg.starts[k] + sl)
	} else {
		v = seg.rawField(k, cv.j) // not stored: scanned again
	}
	if seg.win1252 && hasHigh(v) {
		u, ok := cv.decoded[v]
		if !ok {
			if cv.decoded == nil {
				cv.decoded = make(map[string]string)
			}
			u = win1252Value(v)
			cv.decoded[v] = u
		}
		v = u
	}
	return v
}

// fill sets dst to the values of rows lo, lo+1, … (a row too short for
// the column gives "").
func (cv *columnValues) fill(lo int, dst []string) {
	j := cv.j
	var seg *recs
	cur, sl := int32(-1), j // the segment and where it stores field j
	for i, r := range cv.lay.rows[lo : lo+len(dst)] {
		if r.seg != cur {
			cur, seg, sl = r.seg, cv.rs.segs[r.seg], j
			if seg.keep != nil {
				sl = seg.slot(j)
			}
		}
		v := ""
		if k := int(r.rec); j < seg.nf(k) {
			v = cv.decode(seg, k, sl)
		}
		if cv.merged {
			if m, ok := cv.lay.merged[r]; ok {
				v = m
			}
		}
		dst[i] = v
	}
}

// gcBeforeCopy is the number of cells from which buildColumns collects
// garbage before handing the columns to gota.
const gcBeforeCopy = 2_000_000

// costOrder returns the selected columns (as indexes into lay.selected),
// the most expensive to type first, so that the workers finish together:
// a column of mostly distinct values (identifiers, amounts) costs more than
// one of few (codes, categories). The estimate comes from the first rows.
func costOrder(rs *recordSet, lay *layout) []int {
	const sample = 2048
	n := len(lay.rows)
	if n > sample {
		n = sample
	}
	cost := make([]int, len(lay.selected))
	order := make([]int, len(lay.selected))
	for c, j := range lay.selected {
		order[c] = c
		seen := make(map[string]struct{}, 64)
		bytes := 0
		for _, r := range lay.rows[:n] {
			if j < rs.nf(r) {
				v := rs.segs[r.seg].rawField(int(r.rec), j)
				seen[v] = struct{}{}
				bytes += len(v)
			}
		}
		// distinct values cost a parse or a boxed element each; bytes a
		// hash and a comparison.
		cost[c] = 8*len(seen) + bytes/4 + n
	}
	sort.SliceStable(order, func(a, b int) bool { return cost[order[a]] > cost[order[b]] })
	return order
}

// rejoinProse reports whether the fields from position last-1 on are free
// text that an unquoted delimiter split (at least three words and ten
// letters, as in an "Observaciones" column), and returns them rejoined.
func rejoinProse(f []string, last int, d byte) (string, bool) {
	if last < 1 || last > len(f) {
		return "", false
	}
	v := strings.Join(trimTrailingEmpty(f[last-1:]), string(d))
	letters, words := 0, len(strings.Fields(v))
	for _, c := range v {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 0x7f {
			letters++
		}
	}
	return v, words >= 3 && letters >= 10
}

func allEmpty(f []string) bool {
	for _, v := range f {
		if trimSpace(v) != "" {
			return false
		}
	}
	return true
}

func trimTrailingEmpty(f []string) []string {
	n := len(f)
	for n > 0 && strings.TrimSpace(f[n-1]) == "" {
		n--
	}
	return f[:n]
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// detachReport replaces every string of rep by a copy. A value or a line
// the report quotes may point into the input text, and would keep all of
// it in memory for as long as the caller keeps the report.
func detachReport(rep *Report) {
	for i := range rep.Skipped {
		rep.Skipped[i].Text = strings.Clone(rep.Skipped[i].Text)
	}
	for i := range rep.DroppedColumns {
		rep.DroppedColumns[i] = strings.Clone(rep.DroppedColumns[i])
	}
	for i := range rep.Notes {
		rep.Notes[i] = strings.Clone(rep.Notes[i])
	}
	detachMap := func(m map[string]int) map[string]int {
		if m == nil {
			return nil
		}
		out := make(map[string]int, len(m))
		for k, v := range m {
			out[strings.Clone(k)] = v
		}
		return out
	}
	for i := range rep.Columns {
		c := &rep.Columns[i]
		c.Name, c.Original, c.Why = strings.Clone(c.Name), strings.Clone(c.Original), strings.Clone(c.Why)
		c.MissingValues = detachMap(c.MissingValues)
		c.DatePlaceholders = detachMap(c.DatePlaceholders)
	}
}
