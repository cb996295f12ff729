package fetch

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/series"
)

// Building gota series cheaply. gota's series.New sets every element
// through an interface, boxing each value (an allocation per string). A
// column with few distinct values (state names, agencies, codes, dates) is
// built instead from its distinct values only, then expanded with
// Series.Subset, which copies gota's typed elements without boxing. A
// column with many distinct values (identifiers, amounts) goes through
// series.New as usual. Both use only gota's public API.

// dictMin is the column length from which dictionary building is tried.
const dictMin = 256

// dictCodes assigns each row the index of its value's first occurrence
// among the distinct values; missing rows share one code. It gives up
// (ok false) when the values are mostly distinct.
func dictCodes[K comparable](n int, key func(i int) K, na []bool, sc *scratch) (codes, firsts []int, naCode int, ok bool) {
	seen := make(map[K]int, 256)
	codes = sc.codeSlice(n)
	naCode = -1
	var prev K
	prevCode := -1
	for i := 0; i < n; i++ {
		if na[i] {
			if naCode < 0 {
				naCode = len(firsts)
				firsts = append(firsts, i)
			}
			codes[i] = naCode
			continue
		}
		k := key(i)
		if prevCode >= 0 && k == prev { // runs are common in sorted files
			codes[i] = prevCode
			continue
		}
		c, found := seen[k]
		if !found {
			if len(firsts) >= 4096 && len(firsts)*2 > i {
				return nil, nil, 0, false
			}
			c = len(firsts)
			seen[k] = c
			firsts = append(firsts, i)
		}
		codes[i] = c
		prev, prevCode = k, c
	}
	return codes, firsts, naCode, true
}

// expand builds the series of distinct values with build and expands it.
func expand(codes, firsts []int, naCode int, build func(firsts []int, na []bool) series.Series) series.Series {
	na := make([]bool, len(firsts))
	if naCode >= 0 {
		na[naCode] = true
	}
	return build(firsts, na).Subset(codes)
}

// compact copies the values of v into one new string and points v into
// it: one allocation instead of one per value, and the column no longer
// holds the whole input alive (a table of a few selected columns lets the
// input be freed as soon as it is read).
func compact(v []string, na []bool) {
	total := 0
	for i, x := range v {
		if !na[i] {
			total += len(x)
		}
	}
	var b strings.Builder
	b.Grow(total)
	for i, x := range v {
		if !na[i] {
			b.WriteString(x)
		}
	}
	arena := b.String()
	off := 0
	for i, x := range v {
		if !na[i] {
			v[i] = arena[off : off+len(x)]
			off += len(x)
		}
	}
}

func stringSeries(name string, v []string, na []bool, sc *scratch) series.Series {
	if len(v) >= dictMin {
		if codes, firsts, naCode, ok := stringCodes(wholeText(v), na, sc); ok {
			return expand(codes, firsts, naCode, func(firsts []int, una []bool) series.Series {
				u := make([]string, len(firsts))
				for k, i := range firsts {
					if !una[k] {
						u[k] = strings.Clone(v[i])
					}
				}
				return frame.Strings(name, u, una)
			})
		}
	}
	if sc != nil { // the CSV reader's columns: v is scratch, free to rewrite
		compact(v, na)
	}
	return frame.Strings(name, v, na)
}

func intSeries(name string, v []int, na []bool, sc *scratch) series.Series {
	if len(v) >= dictMin {
		if codes, firsts, naCode, ok := dictCodes(len(v), func(i int) int { return v[i] }, na, sc); ok {
			return expand(codes, firsts, naCode, func(firsts []int, una []bool) series.Series {
				u := make([]int, len(firsts))
				for k, i := range firsts {
					u[k] = v[i]
				}
				return frame.Ints(name, u, una)
			})
		}
	}
	return frame.Ints(name, v, na)
}

func floatSeries(name string, v []float64, na []bool, sc *scratch) series.Series {
	if len(v) >= dictMin {
		if codes, firsts, naCode, ok := dictCodes(len(v), func(i int) uint64 { return math.Float64bits(v[i]) }, na, sc); ok {
			return expand(codes, firsts, naCode, func(firsts []int, una []bool) series.Series {
				u := make([]float64, len(firsts))
				for k, i := range firsts {
					u[k] = v[i]
				}
				return frame.Floats(name, u, una)
			})
		}
	}
	return frame.Floats(name, v, na)
}

// scratch lends a goroutine buffers that it reuses from column to column:
// gota copies every value it is handed, so the typed slices, the missing
// mask and the dictionary codes of one column are free once its series is
// built. A nil *scratch allocates fresh slices.
type scratch struct {
	na     []bool
	ints   []int
	floats []float64
	codes  []int
	raw    []string
	// hashes and col, when hashes is set, receive the column's values for
	// the duplicate-row check; text its findings (see report_checks.go),
	// gathered while the values are typed.
	hashes *rowHashes
	col    int
	text   *textFindings
}

// sawText hands a raw value seen n times to the text checks, if any.
func (sc *scratch) sawText(v string, n int) {
	if sc != nil && sc.text != nil {
		sc.text.add(v, n)
	}
}

func (sc *scratch) bools(n int) []bool {
	if sc == nil {
		return make([]bool, n)
	}
	if cap(sc.na) < n {
		sc.na = make([]bool, n)
	}
	sc.na = sc.na[:n]
	clear(sc.na)
	return sc.na
}

func (sc *scratch) intSlice(n int) []int {
	if sc == nil {
		return make([]int, n)
	}
	if cap(sc.ints) < n {
		sc.ints = make([]int, n)
	}
	sc.ints = sc.ints[:n]
	clear(sc.ints)
	return sc.ints
}

func (sc *scratch) floatSlice(n int) []float64 {
	if sc == nil {
		return make([]float64, n)
	}
	if cap(sc.floats) < n {
		sc.floats = make([]float64, n)
	}
	sc.floats = sc.floats[:n]
	clear(sc.floats)
	return sc.floats
}

func (sc *scratch) codeSlice(n int) []int {
	if sc == nil {
		return make([]int, n)
	}
	if cap(sc.codes) < n {
		sc.codes = make([]int, n)
	}
	return sc.codes[:n]
}

func (sc *scratch) strings(n int) []string {
	if sc == nil {
		return make([]string, n)
	}
	if cap(sc.raw) < n {
		sc.raw = make([]string, n)
	}
	sc.raw = sc.raw[:n]
	clear(sc.raw)
	return sc.raw
}

// dictMisses remembers, across the chunks of a stream, the columns whose
// values were too many distinct ones for typedColumnDict, so that later
// chunks do not try again (the result is the same either way: a
// dictionary only saves work). A nil *dictMisses remembers nothing.
type dictMisses struct {
	mu   sync.Mutex
	cols map[string]bool
}

func (d *dictMisses) has(col string) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cols[col]
}

func (d *dictMisses) add(col string) {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cols == nil {
		d.cols = map[string]bool{}
	}
	d.cols[col] = true
}

// dictTyping turns typedColumnDict on; tests turn it off to compare the
// two paths.
var dictTyping = true

// typedColumnDict is typedColumn for a column of few distinct values: it
// dictionary-encodes the raw strings once, then trims, detects missing
// markers, infers the type and parses each distinct value once (in order
// of first appearance, so the first leading-zero value, the first text
// value and the first value that does not fit are those a row-by-row pass
// meets first), and builds the series from the distinct values with
// Subset. Distinct text values are copied out of the input, so the input
// can be freed once the table is built. ok is false when the column has
// too many distinct values; the caller then uses typedColumnOf.
func typedColumnDict(cfg *config, name string, text *colText, ms *markerSet, lineOf func(int) int, sc *scratch) (s series.Series, cr ColumnReport, err error, ok bool) {
	n := text.n
	if n < dictMin || !dictTyping {
		return s, cr, nil, false
	}
	raw := text.value
	codes, firsts, _, ok := stringCodes(text, sc.bools(n), sc)
	if !ok {
		return s, cr, nil, false
	}
	nd := len(firsts)
	counts := make([]int, nd)
	for _, c := range codes {
		counts[c]++
	}
	if sc != nil && sc.hashes != nil {
		vals := make([]string, nd)
		for k, i := range firsts {
			vals[k] = raw(i)
		}
		sc.hashes.addCodes(sc.col, codes, vals)
	}
	cr = ColumnReport{Name: name}
	una := make([]bool, nd)
	trimmed := make([]string, nd)
	empties := 0
	var in inference
	_, forced := cfg.types[name]
	infer := !forced && !cfg.noInference
	for k, i := range firsts {
		v := raw(i)
		sc.sawText(v, counts[k])
		t := trimSpace(v)
		trimmed[k] = t
		if ms.isTrimmed(t) {
			una[k] = true
			cr.Missing += counts[k]
			if v == "" {
				empties += counts[k]
				continue
			}
			if cr.MissingValues == nil {
				cr.MissingValues = make(map[string]int)
			}
			cr.MissingValues[v] += counts[k]
			continue
		}
		if infer {
			in.add(t)
		}
	}
	if empties > 0 {
		if cr.MissingValues == nil {
			cr.MissingValues = make(map[string]int)
		}
		cr.MissingValues[""] += empties
	}
	t := cfg.types[name]
	if forced {
		cr.Why = "type set by option"
	} else {
		t, cr.Why = in.decide(name, cfg.noInference, cfg.emptyAsString)
	}
	cr.Type = t
	bad := func(k int) error {
		i := firsts[k]
		return fmt.Errorf("fetch: %s: line %d: column %q: %q (row %d) is not %s: %w", orDash(cfg.source), lineOf(i), name, raw(i), i+1, typeName(t), ErrType)
	}
	var dict series.Series
	switch t {
	case series.Int:
		u := make([]int, nd)
		for k := range u {
			if una[k] {
				continue
			}
			n, ok := parseIntValue(trimmed[k])
			if !ok {
				return s, cr, bad(k), true
			}
			u[k] = n
		}
		dict = frame.Ints(name, u, una)
	case series.Float:
		u := make([]float64, nd)
		for k := range u {
			if una[k] {
				continue
			}
			f, ok := parseFloatValue(trimmed[k])
			if !ok {
				return s, cr, bad(k), true
			}
			u[k] = f
		}
		dict = frame.Floats(name, u, una)
	case series.Bool:
		u := make([]bool, nd)
		for k := range u {
			if una[k] {
				continue
			}
			b, ok := parseBoolValue(trimmed[k])
			if !ok {
				return s, cr, bad(k), true
			}
			u[k] = b
		}
		dict = frame.Bools(name, u, una)
	default:
		u := make([]string, nd)
		for k, i := range firsts {
			if !una[k] {
				u[k] = strings.Clone(raw(i))
			}
		}
		dict = frame.Strings(name, u, una)
	}
	return dict.Subset(codes), cr, nil, true
}
