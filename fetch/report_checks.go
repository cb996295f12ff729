package fetch

import (
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/datacon-mx/cifra/internal/missing"
	"github.com/go-gota/gota/series"
)

// DuplicateRow is a row that repeats an earlier row exactly: every cell
// equal as read, missing equal to missing.
type DuplicateRow struct {
	Row   int // 1-based row of the table
	Line  int // 1-based input line (or sheet row); 0 when not known
	First int // the 1-based row it repeats
}

// maxDuplicatesListed bounds Report.Duplicates.
const maxDuplicatesListed = 20

// rowHashes accumulates two 64-bit hashes per row from the raw values of
// every column, so exact duplicate rows are found without a string per
// row. Columns may be added in any order and from several goroutines:
// each cell's hash, mixed with its column's position, is added, and each
// stripe of rows has its own lock.
type rowHashes struct {
	a, b  []uint64
	locks []sync.Mutex
}

// hashStripe is the number of rows under one lock.
const hashStripe = 8192

func newRowHashes(n int) *rowHashes {
	return &rowHashes{a: make([]uint64, n), b: make([]uint64, n), locks: make([]sync.Mutex, n/hashStripe+1)}
}

// cellSeed seeds the hash of cells (fixed per process: row hashes are
// only compared within one table).
var cellSeed = maphash.MakeSeed()

// add mixes column c's raw values into the row hashes, hashing each value
// of a run of equal values once (sorted and repetitive columns are
// common). Values are compared as read: "" and "N/D" differ.
func (h *rowHashes) add(c int, raw []string) {
	if h == nil {
		return
	}
	col := uint64(c+1) * 0x9E3779B97F4A7C15
	var ha, hb [hashStripe]uint64
	last, lastA, lastB := "", uint64(0), uint64(0)
	have := false
	for lo := 0; lo < len(raw); lo += hashStripe {
		hi := min(lo+hashStripe, len(raw))
		for i, s := range raw[lo:hi] {
			if !have || s != last {
				x := maphash.String(cellSeed, s)
				last, lastA, lastB, have = s, mix64(x^col), mix64(x+col*0xC2B2AE3D27D4EB4F+0x632BE59BD9B4E019), true
			}
			ha[i], hb[i] = lastA, lastB
		}
		l := &h.locks[lo/hashStripe]
		l.Lock()
		a, b := h.a[lo:hi], h.b[lo:hi]
		for i := range a {
			a[i] += ha[i]
			b[i] += hb[i]
		}
		l.Unlock()
	}
}

// addCodes mixes column c into the row hashes from its dictionary: the
// hash of each distinct value (vals, indexed by code) and each row's code.
// The bytes of a value are read once, not once per row.
func (h *rowHashes) addCodes(c int, codes []int, vals []string) {
	if h == nil {
		return
	}
	col := uint64(c+1) * 0x9E3779B97F4A7C15
	va := make([]uint64, len(vals))
	vb := make([]uint64, len(vals))
	for k, s := range vals {
		x := maphash.String(cellSeed, s)
		va[k], vb[k] = mix64(x^col), mix64(x+col*0xC2B2AE3D27D4EB4F+0x632BE59BD9B4E019)
	}
	for lo := 0; lo < len(codes); lo += hashStripe {
		hi := min(lo+hashStripe, len(codes))
		l := &h.locks[lo/hashStripe]
		l.Lock()
		a, b := h.a[lo:hi], h.b[lo:hi]
		for i, k := range codes[lo:hi] {
			a[i] += va[k]
			b[i] += vb[k]
		}
		l.Unlock()
	}
}

// mix64 is splitmix64's finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	return x ^ x>>31
}

// report counts the rows whose hashes equal an earlier row's and lists
// the first ones with their lines (see findDuplicates).
func (h *rowHashes) report(rep *Report, lineOf func(int) int) {
	if h == nil {
		return
	}
	keys := make([]uint64, len(h.a))
	for i := range keys {
		keys[i] = mix64(h.a[i])
	}
	findDuplicates(keys, func(i, j int) bool { return h.a[i] == h.a[j] && h.b[i] == h.b[j] }, rep, lineOf)
}

// findDuplicates counts the rows i whose key equals an earlier row j's
// and for which same(i, j) holds, into rep.DuplicateRows, and lists the
// first ones (in row order) with their lines; keys must be well mixed.
//
// The rows are first spread, in order, into buckets by the top bits of
// their keys; each bucket is then matched with an open-addressing table
// small enough to stay in cache (one table over a million rows costs a
// cache miss or two per row).
func findDuplicates(keys []uint64, same func(i, j int) bool, rep *Report, lineOf func(int) int) {
	n := len(keys)
	if n < 2 {
		return
	}
	bits := 0
	for bits < 12 && n>>bits > 4096 {
		bits++
	}
	shift := uint(64 - bits)
	nb := 1 << bits
	start := make([]int32, nb+1)
	if bits > 0 {
		for _, k := range keys {
			start[k>>shift+1]++
		}
	} else {
		start[1] = int32(n)
	}
	for b := 1; b <= nb; b++ {
		start[b] += start[b-1]
	}
	// the rows and their keys, bucket after bucket, in row order
	rows := make([]int32, n)
	bk := make([]uint64, n)
	if bits > 0 {
		next := slices.Clone(start[:nb])
		for i, k := range keys {
			b := k >> shift
			rows[next[b]], bk[next[b]] = int32(i), k
			next[b]++
		}
	} else {
		for i := range rows {
			rows[i] = int32(i)
		}
		copy(bk, keys)
	}
	var listed []DuplicateRow // the first duplicates of each bucket
	var slot []int32
	for b := 0; b < nb; b++ {
		lo, hi := start[b], start[b+1]
		if hi-lo < 2 {
			continue
		}
		part, pk := rows[lo:hi], bk[lo:hi]
		size := 1
		for size < 2*len(part) {
			size <<= 1
		}
		if cap(slot) < size {
			slot = make([]int32, size)
		}
		slot = slot[:size]
		clear(slot)
		mask := uint64(size - 1)
		found := 0
		for p, k := range pk {
			for j := k & mask; ; j = (j + 1) & mask {
				q := slot[j] // position in the bucket + 1, 0 = empty
				if q == 0 {
					slot[j] = int32(p + 1)
					break
				}
				if pk[q-1] == k && same(int(part[p]), int(part[q-1])) {
					rep.DuplicateRows++
					if found < maxDuplicatesListed {
						found++
						listed = append(listed, DuplicateRow{Row: int(part[p]) + 1, First: int(part[q-1]) + 1})
					}
					break
				}
			}
		}
	}
	slices.SortFunc(listed, func(a, b DuplicateRow) int { return a.Row - b.Row })
	if len(listed) > maxDuplicatesListed {
		listed = listed[:maxDuplicatesListed]
	}
	for _, d := range listed {
		if lineOf != nil {
			d.Line = lineOf(d.Row - 1)
		}
		rep.Duplicates = append(rep.Duplicates, d)
	}
}

// recordDuplicates finds the rows of a CSV table whose record has the
// same fields, as read, as an earlier row's record: every field of the
// file counts, those Columns left out too, so rows that agree only on
// the selected columns are not duplicates. It matches the hashes the scan
// kept and confirms each match field by field, so a hash collision is
// never reported as a duplicate. The scan must have kept the hashes (see
// hashedScan).
func recordDuplicates(rs *recordSet, rows []ref, rep *Report) {
	keys := make([]uint64, len(rows))
	for i, r := range rows {
		keys[i] = rs.segs[r.seg].hashes[r.rec]
	}
	same := func(i, j int) bool {
		a, b := rows[i], rows[j]
		fa := rs.segs[a.seg].rawRecordFields(int(a.rec))
		fb := rs.segs[b.seg].rawRecordFields(int(b.rec))
		return slices.Equal(fa, fb)
	}
	findDuplicates(keys, same, rep, func(i int) int { return rs.line(rows[i]) })
}

// hashedScan reports whether every record of rs has its raw-record hash.
func hashedScan(rs *recordSet) bool {
	for _, sg := range rs.segs {
		if !sg.hashed || len(sg.hashes) != sg.n() {
			return false
		}
	}
	return true
}

// finishChecks moves the notes the column checks left in the column
// reports into rep, in column order.
func finishChecks(rep *Report) {
	for i := range rep.Columns {
		rep.Notes = append(rep.Notes, rep.Columns[i].notes...)
		rep.Columns[i].notes = nil
	}
}

// textFindings collects, while a column's values are typed, the values
// worth telling: date placeholders ("9999-99-99", "-001-11-30") and codes
// written as spreadsheet formulas (`=CONCATENAR(0,01)`, `="01"`, `'01`) or
// as digit groups padded with spaces (" 01 001 "). A nil *textFindings
// collects nothing.
type textFindings struct {
	placeholders, formulas, padded map[string]int
	nf, np                         int
}

// add looks at one raw value seen n times. Most values are dismissed by
// their first and last bytes.
func (t *textFindings) add(s string, n int) {
	if t == nil || s == "" {
		return
	}
	c := s[0]
	if c != '=' && c != '\'' && c != ' ' && c != '-' && c != '0' && c != '9' && s[len(s)-1] != ' ' {
		return
	}
	if len(s) >= 10 && (c == '-' || c == '0' || c == '9' || c == ' ') && missing.IsDatePlaceholder(s) {
		if t.placeholders == nil {
			t.placeholders = map[string]int{}
		}
		t.placeholders[s] += n
		return
	}
	switch {
	case c == '=' || c == '\'' || c == ' ' && strings.HasPrefix(strings.TrimLeft(s, " "), "="):
		if spreadsheetCode(s) {
			t.nf += n
			t.formulas = tally(t.formulas, s, n)
		}
	case c == ' ' || s[len(s)-1] == ' ':
		if paddedCode(s) {
			t.np += n
			t.padded = tally(t.padded, s, n)
		}
	}
}

// tally counts s in m, keeping at most 64 distinct examples.
func tally(m map[string]int, s string, n int) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	if len(m) < 64 || m[s] > 0 {
		m[s] += n
	}
	return m
}

// finish writes the findings into a text column's report, and resets t.
func (t *textFindings) finish(cr *ColumnReport) {
	if t == nil {
		return
	}
	if cr.Type == series.String {
		if len(t.placeholders) > 0 {
			cr.DatePlaceholders = t.placeholders
		}
		if t.nf > 0 {
			cr.notes = append(cr.notes, fmt.Sprintf("column %q: %d codes written as spreadsheet formulas or text markers (%s): clean.StripFormulas turns them into plain codes (=CONCATENAR(0,01) → \"01\"); mx.State and mx.MunicipalityByCode read them as they are",
				cr.Name, t.nf, topCounts(t.formulas, 3)))
		}
		if t.np > 0 {
			cr.notes = append(cr.notes, fmt.Sprintf("column %q: %d codes padded with spaces (%s): clean.Text trims them; mx.MunicipalityByCode reads INEGI's \" 01 001 \" as it is",
				cr.Name, t.np, topCounts(t.padded, 3)))
		}
	}
	*t = textFindings{}
}

// checkText runs the text checks over a column's raw values.
func checkText(cr *ColumnReport, raw []string) {
	var t textFindings
	for _, s := range raw {
		t.add(s, 1)
	}
	t.finish(cr)
}

// spreadsheetCode reports whether s is a code kept as text by a
// spreadsheet trick: `="01"`, `=CONCATENAR(0,01)`, `'01`.
func spreadsheetCode(s string) bool {
	t := strings.TrimSpace(s)
	if len(t) < 2 {
		return false
	}
	if t[0] == '\'' {
		return digitsOnly(t[1:])
	}
	body := strings.TrimSpace(t[1:])
	if len(body) >= 2 && body[0] == '"' && body[len(body)-1] == '"' {
		return digitsOnly(strings.Trim(body, `"`))
	}
	up := strings.ToUpper(body)
	return (strings.HasPrefix(up, "CONCATENAR(") || strings.HasPrefix(up, "CONCATENATE(") || strings.HasPrefix(up, "CONCAT(")) && strings.HasSuffix(up, ")")
}

// paddedCode reports whether s is one or two runs of digits with spaces
// around them: " 01 001 ", " 09 ".
func paddedCode(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 2 || strings.TrimSpace(s) == s {
		return false
	}
	for _, x := range f {
		if !digitsOnly(x) {
			return false
		}
	}
	return true
}

func digitsOnly(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// topCounts prints the k most frequent values of m with their counts.
func topCounts(m map[string]int, k int) string {
	keys := make([]string, 0, len(m))
	for s := range m {
		keys = append(keys, s)
	}
	sort.Slice(keys, func(a, b int) bool {
		if m[keys[a]] != m[keys[b]] {
			return m[keys[a]] > m[keys[b]]
		}
		return keys[a] < keys[b]
	})
	if len(keys) > k {
		keys = keys[:k]
	}
	parts := make([]string, len(keys))
	for i, s := range keys {
		parts[i] = fmt.Sprintf("%q×%d", s, m[s])
	}
	return strings.Join(parts, ", ")
}
