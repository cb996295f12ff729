package fetch

import (
	"fmt"
	"hash/maphash"
	"math/bits"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// The CSV scanner. It splits decoded text into records of fields without
// copying: an unquoted field, and a quoted one without "" or CRLF inside,
// is a substring of the text; only fields that need unescaping allocate.
// Large inputs are scanned by several goroutines, each starting at a line
// end that quote parity says lies outside a quoted field; a part whose
// scan does not end exactly where the next part starts (a stray quote
// fooled the parity) is scanned again serially, so the result is always
// that of one serial scan. A projected scan (scanKeep, used by ReadCSV
// and the pipelined file reader with Columns) stores the positions of the
// selected fields only, and finds any other field, when the layout needs
// one, by scanning its record again.

// recs holds scanned records: record k has the fields
// spans[starts[k]:starts[k+1]] and starts on 1-based input line lines[k].
// A blank line is a record with no fields. A span is an offset and length
// in base; a field that needed unescaping lives in extra instead. Spans
// hold no pointers, so the garbage collector never scans them.
//
// When win1252 is set, base is undecoded Windows-1252 text (see
// decodeLazy): value decodes what it returns, and rawValue does not.
type recs struct {
	base    string
	spans   []span
	extra   []string
	starts  []int
	lines   []int
	win1252 bool
	// maybeBlank lists, in order, the records that may be blank: those
	// with no field that starts with a printable ASCII character other
	// than a space (a field that does is not blank, whatever the
	// encoding). Every other record is known to have a non-blank field,
	// so allEmpty answers for it without touching its fields: checking
	// every row of a large table for blankness would otherwise cost a
	// cache miss or two per row.
	maybeBlank []int32
	// A projected scan (see scanKeep) stores only some fields of each
	// record: keep[j] is the slot of field position j among the stored
	// fields of a record, or -1 when the field is not stored; positions
	// from len(keep) on are all stored, after the kept ones (slot
	// kept+j-len(keep)). nfs holds each record's number of fields and offs
	// its start offset in base, so that a field that was not stored is
	// found by scanning its record again (header, preamble, notes and
	// ragged rows: few). keep is nil when every field is stored.
	keep  []int32
	kept  int
	nfs   []int32
	offs  []uint32
	delim byte
	// hashed says the scan kept, for every record, a hash of its fields
	// as read, joined by the delimiter (for a record without quotes, its
	// bytes without the line end, hashed as they are scanned), in hashes,
	// and its start offset in offs: what the duplicate-row check of a
	// whole table reads (see recordDuplicates). A chunk of a stream is not
	// hashed.
	hashed bool
	hashes []uint64
	// packed says the stored fields of a projected scan were copied, as
	// they were scanned, one after another into pack, and their spans
	// locate them there: the columns are later typed from these few
	// contiguous bytes instead of from fields spread over the whole input,
	// a cache miss or two per value. packing gathers them during the scan.
	packed  bool
	pack    string
	packing *strings.Builder
	// src, when set, is where base comes from once the text is let go
	// of: a packed block of the pipelined file reader keeps no text (its
	// values are in pack), and a record scanned again is read back from
	// the file (see blockSrc).
	src *blockSrc
}

// span locates one field: base[off:off+n] (pack[off:off+n] when the recs
// are packed), or extra[off] when n has the escaped bit.
type span struct{ off, n uint32 }

const escapedBit = 1 << 31

func (r *recs) n() int { return len(r.lines) }

// value returns field i (counting over all records), as UTF-8.
func (r *recs) value(i int) string {
	if r.win1252 {
		return win1252Value(r.rawValue(i))
	}
	return r.rawValue(i)
}

// rawValue returns stored field i (an index into spans) as stored:
// undecoded when win1252 is set.
func (r *recs) rawValue(i int) string {
	sp := r.spans[i]
	if sp.n&escapedBit != 0 {
		return r.extra[sp.off]
	}
	if r.packed {
		return r.pack[sp.off : sp.off+sp.n]
	}
	return r.base[sp.off : sp.off+sp.n]
}

// rawField returns field j of record k as stored (see rawValue).
func (r *recs) rawField(k, j int) string {
	if r.keep == nil {
		return r.rawValue(r.starts[k] + j)
	}
	if sl := r.slot(j); sl >= 0 {
		return r.rawValue(r.starts[k] + sl)
	}
	return r.rescan(k).rawField(0, j)
}

// slot returns where field position j is stored in a projected record,
// or -1.
func (r *recs) slot(j int) int {
	if j < len(r.keep) {
		return int(r.keep[j])
	}
	return r.kept + j - len(r.keep)
}

// fieldsHash hashes the fields of record k as read, joined by the
// delimiter: for a record without quotes, the same as hashing its bytes.
func (r *recs) fieldsHash(k int) uint64 {
	var h maphash.Hash
	h.SetSeed(cellSeed)
	for j, v := range r.rawRecordFields(k) {
		if j > 0 {
			h.WriteByte(r.delim)
		}
		h.WriteString(v)
	}
	return h.Sum64()
}

// rawRecordFields returns every field of record k as stored (undecoded
// when win1252 is set), scanning a projected record again.
func (r *recs) rawRecordFields(k int) []string {
	if r.keep != nil {
		r = r.rescan(k)
		k = 0
	}
	lo, hi := r.starts[k], r.starts[k+1]
	out := make([]string, hi-lo)
	for i := range out {
		out[i] = r.rawValue(lo + i)
	}
	return out
}

// rescan scans record k of a projected scan again, whole. When the text
// was let go of (r.src), it is read back from the file and the record is
// held to the hash the first scan kept; a read that fails or finds other
// bytes is recorded in r.src (the reader then returns that error) and the
// record comes back with its fields empty.
func (r *recs) rescan(k int) *recs {
	base := r.base
	if r.src != nil {
		var ok bool
		if base, ok = r.src.text(); !ok {
			return r.emptyRecord(k)
		}
	}
	off := int(r.offs[k])
	full, _, _, _ := scanKeep(base, off, off+1, r.delim, r.lines[k], false, nil, r.src != nil)
	if r.src != nil && (full.n() != 1 || full.hashes[0] != r.hashes[k] || full.nf(0) != int(r.nfs[k])) {
		r.src.changed(r.lines[k])
		return r.emptyRecord(k)
	}
	full.win1252 = r.win1252
	return full
}

// emptyRecord returns record k of a projected scan with its fields empty
// (see rescan).
func (r *recs) emptyRecord(k int) *recs {
	n := int(r.nfs[k])
	return &recs{starts: []int{0, n}, spans: make([]span, n), lines: []int{r.lines[k]}, delim: r.delim}
}

// nf returns the number of fields of record k.
func (r *recs) nf(k int) int {
	if r.keep != nil {
		return int(r.nfs[k])
	}
	return r.starts[k+1] - r.starts[k]
}

// field returns field j of record k.
func (r *recs) field(k, j int) string {
	if r.keep == nil {
		return r.value(r.starts[k] + j)
	}
	v := r.rawField(k, j)
	if r.win1252 {
		return win1252Value(v)
	}
	return v
}

// record returns the fields of record k as new strings slice.
func (r *recs) record(k int) []string {
	if r.keep != nil {
		return r.rescan(k).record(0)
	}
	out := make([]string, r.nf(k))
	for j := range out {
		out[j] = r.field(k, j)
	}
	return out
}

// allEmpty reports whether every field of record k is blank.
func (r *recs) allEmpty(k int) bool {
	if !r.mayBeBlank(k) {
		return false
	}
	if r.keep != nil {
		return r.rescan(k).allEmpty(0)
	}
	for i := r.starts[k]; i < r.starts[k+1]; i++ {
		if trimSpace(r.value(i)) != "" {
			return false
		}
	}
	return true
}

// mayBeBlank reports whether record k is listed in maybeBlank.
func (r *recs) mayBeBlank(k int) bool {
	m := r.maybeBlank
	if len(m) == 0 || int(m[len(m)-1]) < k {
		return false
	}
	i := sort.Search(len(m), func(i int) bool { return int(m[i]) >= k })
	return i < len(m) && int(m[i]) == k
}

// printable reports whether a field starting with byte c is surely not
// blank (see maybeBlank).
func printable(c byte) bool { return c > ' ' && c < 0x80 }

func (r *recs) add(off, n int) {
	if n >= escapedBit {
		r.addExtra(r.base[off : off+n])
		return
	}
	if r.packing != nil {
		o := r.packing.Len()
		r.packing.WriteString(r.base[off : off+n])
		off = o
	}
	r.spans = append(r.spans, span{uint32(off), uint32(n)})
}

// maxInput is the largest input ReadCSV holds in memory (span offsets are
// 32-bit); larger files are read with EachChunk.
const maxInput = 1<<32 - 1

func (r *recs) addExtra(v string) {
	r.spans = append(r.spans, span{uint32(len(r.extra)), escapedBit})
	r.extra = append(r.extra, v)
}

// scanError is an unterminated quoted field.
type scanError struct {
	line, col int
	value     string
}

// scan scans s[from:] into records, stopping at the first record that
// starts at or after stop (or at the end of s). It returns the offset where
// it stopped and the number of line ends it passed. When partial is true, a
// record that runs past the end of s is not an error: scan stops before it
// (streaming reads more input and scans again).
func scan(s string, from, stop int, d byte, firstLine int, partial bool) (*recs, int, int, *scanError) {
	return scanKeep(s, from, stop, d, firstLine, partial, nil, false)
}

// scanKeep is scan that, when keep is not nil, stores only the fields at
// the positions keep marks (see recs.keep) and those at positions from
// len(keep) on. Everything else (the records, their lines and field
// counts, blank records, errors) is as with scan. hash makes it keep a
// hash of each record (see recs.hashed), computed while the record is
// still in cache.
func scanKeep(s string, from, stop int, d byte, firstLine int, partial bool, keep []int32, hash bool) (*recs, int, int, *scanError) {
	r, end, nl, err := scanRecords(s, from, stop, d, firstLine, partial, keep, hash)
	if r.packing != nil {
		r.pack, r.packing, r.packed = r.packing.String(), nil, true
	}
	return r, end, nl, err
}

// scanRecords is scanKeep, leaving the packed fields in r.packing.
func scanRecords(s string, from, stop int, d byte, firstLine int, partial bool, keep []int32, hash bool) (*recs, int, int, *scanError) {
	r := &recs{base: s, starts: []int{0}, delim: d, hashed: hash}
	if keep != nil {
		r.packing = new(strings.Builder)
		r.keep = keep
		for _, k := range keep {
			if k >= 0 {
				r.kept++
			}
		}
	}
	if !partial && stop > from {
		end := stop
		if end > len(s) {
			end = len(s)
		}
		nl, nd := sizeScan(s[from:end], d, keep == nil)
		r.starts = make([]int, 1, nl+1)
		r.lines = make([]int, 0, nl)
		if keep == nil {
			r.spans = make([]span, 0, nd+nl)
		} else {
			// the kept fields of full records, and a little for ragged
			// rows (the slice grows if that is not enough).
			r.spans = make([]span, 0, nl*r.kept+nl/16+16)
			r.packing.Grow(nl * r.kept * 8)
			r.nfs = make([]int32, 0, nl)
			r.offs = make([]uint32, 0, nl)
		}
		if hash {
			r.hashes = make([]uint64, 0, nl)
			if r.offs == nil {
				r.offs = make([]uint32, 0, nl)
			}
		}
	}
	var canon []byte // the fields of a record with quotes, joined
	// skip[p] counts the positions from p on that the projection does not
	// store, up to the next stored one.
	var skip []int32
	if keep != nil {
		skip = make([]int32, len(keep)+1)
		for p := len(keep) - 1; p >= 0; p-- {
			if keep[p] < 0 {
				skip[p] = skip[p+1] + 1
			}
		}
	}
	line := firstLine
	i, n := from, len(s)
	for i < n && i < stop {
		recStart, recLine := i, line
		recEnd := i     // the end of the last field read
		quoted := false // a field of the record was quoted
		nf := len(r.spans)
		sure := false // a field of the record is surely not blank
		p := 0        // the position of the field being scanned
		if s[i] == '\n' {
			i++
			line++
			r.maybeBlank = append(r.maybeBlank, int32(len(r.lines)))
			r.endRecord(recLine, recStart, 0)
			if hash {
				r.hashes = append(r.hashes, maphash.String(cellSeed, ""))
			}
			continue
		}
		if s[i] == '\r' && i+1 < n && s[i+1] == '\n' {
			i += 2
			line++
			r.maybeBlank = append(r.maybeBlank, int32(len(r.lines)))
			r.endRecord(recLine, recStart, 0)
			if hash {
				r.hashes = append(r.hashes, maphash.String(cellSeed, ""))
			}
			continue
		}
		for {
			// a run of fields the projection does not store, unquoted:
			// skipped delimiter to delimiter, several to a word.
			if p < len(skip) && skip[p] > 0 && !(hash && quoted) && i < n && s[i] != '"' && s[i] != '\n' && (sure || s[i] != d && printable(s[i])) {
				if at, c, end := skipFields(s, i, d, int(skip[p])); c > 0 {
					sure = true
					p += c
					recEnd = end
					i = at
					continue
				}
			}
			if i < n && s[i] == '"' {
				// quoted field
				j := i + 1
				var b *strings.Builder
				segStart := j
				closed := false
				for {
					k := strings.IndexByte(s[j:], '"')
					if k < 0 {
						break
					}
					q := j + k
					if q+1 < n && s[q+1] == '"' { // escaped quote
						if b == nil {
							b = &strings.Builder{}
						}
						b.WriteString(s[segStart : q+1])
						j = q + 2
						segStart = j
						continue
					}
					if q+1 >= n || s[q+1] == d || s[q+1] == '\n' || s[q+1] == '\r' && (q+2 >= n || s[q+2] == '\n') {
						if b != nil {
							b.WriteString(s[segStart:q])
						}
						j = q + 1
						closed = true
						break
					}
					// a quote inside a quoted field not followed by a
					// delimiter: a literal quote (lazy quotes).
					j = q + 1
				}
				if !closed {
					if partial {
						r.truncate(nf)
						return r, recStart, recLine - firstLine, nil
					}
					v := s[i:]
					if len(v) > 40 {
						v = v[:40] + "…"
					}
					return r, i, 0, &scanError{line: line, col: p + 1, value: v}
				}
				if !sure && j-1 > i+1 {
					sure = printable(s[i+1])
				}
				nl := strings.Count(s[i:j], "\n")
				line += nl
				stored := keep == nil || p >= len(keep) || keep[p] >= 0
				v, escaped := s[i+1:j-1], false
				switch {
				case b != nil:
					v, escaped = b.String(), true
					if nl > 0 {
						v = strings.ReplaceAll(v, "\r\n", "\n")
					}
				case nl > 0 && strings.Contains(v, "\r\n"):
					v, escaped = strings.ReplaceAll(v, "\r\n", "\n"), true
				}
				switch {
				case !stored:
				case escaped:
					r.addExtra(v)
				default:
					r.add(i+1, j-1-(i+1))
				}
				if hash {
					if !quoted {
						// the fields before this one had no quotes: their
						// bytes, delimiters included, are their values.
						canon = append(canon[:0], s[recStart:i]...)
					} else {
						canon = append(canon, d)
					}
					canon = append(canon, v...)
				}
				quoted = true
				i = j
			} else {
				j := fieldEnd(s, i, d)
				end := j
				if (j < n && s[j] == '\n' || j == n) && end > i && s[end-1] == '\r' {
					end--
				}
				if j == n && partial {
					r.truncate(nf)
					return r, recStart, recLine - firstLine, nil
				}
				if !sure && end > i {
					sure = printable(s[i])
				}
				if keep == nil || p >= len(keep) || keep[p] >= 0 {
					r.add(i, end-i)
				}
				if hash && quoted {
					canon = append(canon, d)
					canon = append(canon, s[i:end]...)
				}
				recEnd = end
				i = j
			}
			p++
			// after a field: a delimiter, a line end or the end
			if i < n && s[i] == d {
				i++
				if i == n {
					if partial {
						r.truncate(nf)
						return r, recStart, recLine - firstLine, nil
					}
					if keep == nil || p >= len(keep) || keep[p] >= 0 {
						r.add(i, 0)
					}
					if hash && quoted {
						canon = append(canon, d)
					}
					recEnd = i
					p++
				}
				if i < n {
					continue
				}
			}
			if i < n && s[i] == '\r' {
				i++
			}
			if i < n && s[i] == '\n' {
				i++
				line++
			} else if i >= n && partial {
				r.truncate(nf)
				return r, recStart, recLine - firstLine, nil
			}
			break
		}
		if !sure {
			r.maybeBlank = append(r.maybeBlank, int32(len(r.lines)))
		}
		r.endRecord(recLine, recStart, p)
		if hash {
			if quoted {
				r.hashes = append(r.hashes, maphash.Bytes(cellSeed, canon))
			} else {
				r.hashes = append(r.hashes, maphash.String(cellSeed, s[recStart:recEnd]))
			}
		}
	}
	return r, i, line - firstLine, nil
}

// sizeSample is how much of a large input sizeScan reads.
const sizeSample = 64 << 10

// sizeScan returns how many line ends (plus two) and, if delims, how many
// delimiters the scan of s will meet, to size its slices. Up to four
// samples it counts them exactly, so the slices never grow; beyond, it
// counts them in three samples spread over s and scales the median up,
// with an eighth to spare: a pass over the whole input costs more than
// the occasional growth of a slice where records are shorter than those
// sampled, and the median keeps one odd sample (a run of blank lines)
// from sizing the slices for it. The sizes are capacities only; the scan
// is exact either way.
func sizeScan(s string, d byte, delims bool) (nl, nd int) {
	if len(s) <= 4*sizeSample {
		nl = strings.Count(s, "\n") + 2
		if delims {
			nd = strings.Count(s, string(d))
		}
		return nl, nd
	}
	var sl, sd [3]int
	for k, at := range [3]int{0, len(s)/2 - sizeSample/2, len(s) - sizeSample} {
		part := s[at : at+sizeSample]
		sl[k] = strings.Count(part, "\n")
		if delims {
			sd[k] = strings.Count(part, string(d))
		}
	}
	scale := func(c [3]int) int {
		m := max(min(c[0], c[1]), min(max(c[0], c[1]), c[2])) // the median
		return int(int64(m+1)*int64(len(s))/sizeSample*9/8) + 16
	}
	nl = scale(sl) + 2
	if delims {
		nd = scale(sd)
	}
	return nl, nd
}

// zeroBytes returns 0x80 in each byte of x that is zero and 0 in every
// other byte, exactly (no borrow from one byte reaches the next).
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7F7F7F7F7F7F7F7F
	return ^((x&low7 + low7) | x | low7)
}

// skipFields passes over up to want fields from i, the start of an
// unquoted field, eight bytes at a time: each field it passes ends at a
// delimiter. It stops at the start of a field that begins with a quote,
// before a field that a line feed ends (the record's last, which the scan
// reads itself, with its CR), and where fewer than nine bytes are left.
// It returns where it stopped (a field's start), how many fields it
// passed, and the end of the last one (its delimiter's offset).
func skipFields(s string, i int, d byte, want int) (at, count, end int) {
	const lo = 0x0101010101010101
	dm, nm := lo*uint64(d), lo*uint64('\n')
	at, end = i, i
	n := len(s)
	for w := i; w+9 <= n; w += 8 {
		x := load64(s, w)
		dmk := zeroBytes(x ^ dm)
		nmk := zeroBytes(x ^ nm)
		for dmk != 0 {
			b := bits.TrailingZeros64(dmk)
			if nmk&(1<<b-1) != 0 {
				return at, count, end // a line feed ends the field first
			}
			end = w + b>>3
			at = end + 1
			count++
			if count == want || s[at] == '"' {
				return at, count, end
			}
			dmk &= dmk - 1
		}
		if nmk != 0 {
			return at, count, end
		}
	}
	return at, count, end
}

// fieldEnd returns the index of the first delimiter or line feed at or
// after i, or len(s). It tests eight bytes at a time (the zero-byte trick
// on the XOR with each sought byte); the lowest match is always exact.
func fieldEnd(s string, i int, d byte) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	dm := lo * uint64(d)
	nm := lo * uint64('\n')
	n := len(s)
	for i+8 <= n {
		x := load64(s, i) // one load (eight byte loads, each bounds-checked, otherwise)
		a, b := x^dm, x^nm
		if m := ((a - lo) &^ a & hi) | ((b - lo) &^ b & hi); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < n && s[i] != d && s[i] != '\n' {
		i++
	}
	return i
}

// endRecord closes a record that started at offset off on the given
// line with nf fields.
func (r *recs) endRecord(line, off, nf int) {
	r.lines = append(r.lines, line)
	r.starts = append(r.starts, len(r.spans))
	if r.keep != nil {
		r.nfs = append(r.nfs, int32(nf))
	}
	if r.keep != nil || r.hashed {
		r.offs = append(r.offs, uint32(off))
	}
}

// truncate drops a record begun at field index nf.
func (r *recs) truncate(nf int) { r.spans = r.spans[:nf] }

// parallelMin is the input size from which scanning uses several
// goroutines.
const parallelMin = 4 << 20

// scanAll scans all of s, in parallel for large inputs. workers ≤ 0
// chooses by size and CPU count. keep, when not nil, makes the scan a
// projected one (see scanKeep).
func scanAll(source string, s string, from int, d byte, firstLine, workers int, keep []int32, hash bool) ([]*recs, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
		if len(s)-from < parallelMin {
			workers = 1
		}
	}
	if workers > 1 {
		if segs, ok := scanParallel(s, from, d, firstLine, workers, keep, hash); ok {
			return segs, nil
		}
	}
	r, _, _, e := scanKeep(s, from, len(s), d, firstLine, false, keep, hash)
	if e != nil {
		return nil, e.err(source)
	}
	return []*recs{r}, nil
}

func (e *scanError) err(source string) error {
	return fmt.Errorf("fetch: %s: line %d: column %d: quoted field %q is never closed: %w", orDash(source), e.line, e.col, e.value, ErrFormat)
}

// scanParallel splits s at line ends outside quotes and scans the parts
// concurrently. It reports false when the parts do not join up (or a part
// fails), and the caller scans serially.
func scanParallel(s string, from int, d byte, firstLine, workers int, keep []int32, hash bool) ([]*recs, bool) {
	size := (len(s) - from) / workers
	bounds := []int{from}
	parity := 0
	prev := from
	for w := 1; w < workers; w++ {
		p := from + w*size
		if p <= bounds[len(bounds)-1] {
			continue
		}
		parity = (parity + strings.Count(s[prev:p], `"`)) & 1
		for p < len(s) {
			c := s[p]
			p++
			if c == '"' {
				parity ^= 1
			} else if c == '\n' && parity == 0 {
				break
			}
		}
		prev = p
		if p >= len(s) {
			break
		}
		bounds = append(bounds, p)
	}
	bounds = append(bounds, len(s))
	parts := len(bounds) - 1
	if parts < 2 {
		return nil, false
	}
	segs := make([]*recs, parts)
	ends := make([]int, parts)
	bad := make([]bool, parts)
	var wg sync.WaitGroup
	for k := 0; k < parts; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			r, end, _, e := scanKeep(s, bounds[k], bounds[k+1], d, 1, false, keep, hash)
			segs[k], ends[k], bad[k] = r, end, e != nil
		}(k)
	}
	wg.Wait()
	line := firstLine
	for k := 0; k < parts; k++ {
		if bad[k] || ends[k] != bounds[k+1] {
			return nil, false
		}
		if k > 0 {
			line += strings.Count(s[bounds[k-1]:bounds[k]], "\n")
		}
		if line != 1 {
			for i := range segs[k].lines {
				segs[k].lines[i] += line - 1
			}
		}
	}
	return segs, true
}
