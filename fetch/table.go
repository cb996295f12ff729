package fetch

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/missing"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// tableFromRecords turns a header and rows of raw cell text into a typed
// DataFrame: names made unique, types inferred (or forced by options),
// missing markers turned into missing values, and every decision written to
// rep. Readers that do not parse straight into typed columns (JSON, Excel,
// HTML) end here, and it is the reference the fast CSV path is tested
// against. rows may be ragged; short rows are padded with missing values.
// firstLine is the 1-based input line or row of rows[0], for errors;
// cfg.rowLines, when set, gives each row's own line instead (a sheet whose
// blank rows were skipped).
func tableFromRecords(cfg *config, header []string, rows [][]string, firstLine int, rep *Report) (dataframe.DataFrame, error) {
	names := uniqueNames(header)
	if err := cfg.checkColumns(names); err != nil {
		return dataframe.DataFrame{}, err
	}
	ms := cfg.markers()
	cols := make([]series.Series, 0, len(names))
	want := cfg.wanted(names)
	lineOf := func(i int) int { return firstLine + i }
	if len(cfg.rowLines) == len(rows) {
		lineOf = func(i int) int { return cfg.rowLines[i] }
	}
	hashes := newRowHashes(len(rows))
	for j, name := range names {
		if want != nil && !want[name] {
			continue
		}
		raw := make([]string, len(rows))
		for i, r := range rows {
			if j < len(r) {
				raw[i] = r[j]
			}
		}
		s, cr, err := typedColumn(cfg, name, raw, ms, lineOf, nil)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		if strings.TrimSpace(header[j]) != name || header[j] != name {
			cr.Original = header[j]
		}
		hashes.add(j, raw)
		if cr.Type == series.String {
			checkText(&cr, raw)
		}
		rep.Columns = append(rep.Columns, cr)
		cols = append(cols, s)
	}
	rep.Rows = len(rows)
	finishChecks(rep)
	hashes.report(rep, lineOf)
	df, err := frame.New(cols...)
	if err != nil {
		return df, fmt.Errorf("fetch: %s: %w", orDash(cfg.source), err)
	}
	return df, nil
}

// checkColumns returns an error wrapping ErrNoColumn when Columns names a
// column that is not in names.
func (c *config) checkColumns(names []string) error {
	for _, want := range c.columns {
		if !contains(names, want) {
			return fmt.Errorf("fetch: %s: column %q: %w (columns: %s)", orDash(c.source), want, ErrNoColumn, strings.Join(names, ", "))
		}
	}
	for want := range c.types {
		if !contains(names, want) {
			return fmt.Errorf("fetch: %s: ColumnType names column %q: %w (columns: %s)", orDash(c.source), want, ErrNoColumn, strings.Join(names, ", "))
		}
	}
	return nil
}

// missingSet returns the markers in force.
func (c *config) missingSet() missing.Set {
	if c.missing == nil && c.extraMissing == nil {
		return missing.DefaultSet
	}
	base := missing.Default
	if c.missing != nil {
		base = c.missing
	}
	return missing.NewSet(append(append([]string(nil), base...), c.extraMissing...))
}

// markerSet is a missing.Set with a first-byte filter, so that most values
// (numbers, names) are known not to be markers without a map lookup.
type markerSet struct {
	set    missing.Set
	first  [256]bool
	last   [256]bool
	maxLen int
}

func (c *config) markers() *markerSet {
	m := &markerSet{set: c.missingSet()}
	for k := range m.set {
		if k != "" {
			m.first[k[0]] = true
			m.last[k[len(k)-1]] = true
			if len(k) > m.maxLen {
				m.maxLen = len(k)
			}
		}
	}
	return m
}

// is reports whether the raw value v is missing: empty after trimming
// spaces, or a marker.
func (m *markerSet) is(v string) bool { return m.isTrimmed(trimSpace(v)) }

// isTrimmed is is for a value already trimmed with trimSpace.
func (m *markerSet) isTrimmed(t string) bool {
	if t == "" {
		return true
	}
	if len(t) > m.maxLen || !m.first[t[0]] || !m.last[t[len(t)-1]] {
		return false
	}
	_, ok := m.set[t]
	return ok
}

// wanted returns the set of columns asked for with Columns, or nil for all.
func (c *config) wanted(names []string) map[string]bool {
	if len(c.columns) == 0 {
		return nil
	}
	w := make(map[string]bool, len(c.columns))
	for _, n := range c.columns {
		w[n] = true
	}
	return w
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// uniqueNames trims header names (spaces, and a UTF-8 BOM), names empty ones
// col_N (1-based position) and makes duplicates unique with _2, _3…
func uniqueNames(header []string) []string {
	out := make([]string, len(header))
	taken := make(map[string]bool, len(header))
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if h == "" {
			h = "col_" + strconv.Itoa(i+1)
		}
		out[i] = h
	}
	for _, h := range out {
		taken[h] = true
	}
	seen := make(map[string]int, len(header))
	for i, h := range out {
		seen[h]++
		if seen[h] == 1 {
			continue
		}
		n := seen[h]
		cand := h + "_" + strconv.Itoa(n)
		for taken[cand] {
			n++
			cand = h + "_" + strconv.Itoa(n)
		}
		seen[h] = n
		taken[cand] = true
		out[i] = cand
	}
	return out
}

// typedColumn infers (or applies) the type of one column of raw strings and
// builds its series once. lineOf maps a row index to its input line, for
// errors. Every reader's typing goes through here.
//
// sc, when not nil, lends buffers that are reused from column to column.
func typedColumn(cfg *config, name string, raw []string, ms *markerSet, lineOf func(int) int, sc *scratch) (series.Series, ColumnReport, error) {
	if raw == nil {
		raw = []string{}
	}
	return typedColumnOf(cfg, name, wholeText(raw), ms, lineOf, sc)
}

// colText is the raw text of a column of n rows, read through a window:
// win holds rows [lo, lo+len(win)). A column held whole in a slice is its
// own window; otherwise fill gathers the rows from lo into a window of
// textWindow rows (which stays in cache) as they are asked for, or the
// whole column when a text series needs it.
type colText struct {
	n     int
	win   []string
	lo    int
	whole bool // win is the whole column
	fill  func(lo int, dst []string)
	buf   []string
}

// textWindow is the number of rows colText gathers at a time.
const textWindow = 4096

// wholeText returns the colText of raw.
func wholeText(raw []string) *colText {
	return &colText{n: len(raw), win: raw, whole: true}
}

// value returns the raw value of row i.
func (c *colText) value(i int) string {
	if j := i - c.lo; uint(j) < uint(len(c.win)) {
		return c.win[j]
	}
	return c.load(i)
}

// load gathers the window that holds row i and returns its value.
func (c *colText) load(i int) string {
	if c.buf == nil {
		c.buf = make([]string, min(textWindow, c.n))
	}
	lo := i - i%len(c.buf)
	c.win, c.lo = c.buf[:min(len(c.buf), c.n-lo)], lo
	c.fill(lo, c.win)
	return c.win[i-lo]
}

// prefixIsText reports whether the column's first window of values (or
// its type set by option) makes it text, whose series needs the whole
// column in a slice: gathered first, it is gathered once rather than
// through windows and then whole.
func (c *colText) prefixIsText(cfg *config, name string, ms *markerSet) bool {
	if t, forced := cfg.types[name]; forced {
		return t == series.String
	}
	if cfg.noInference {
		return true
	}
	var in inference
	for i := 0; i < min(c.n, textWindow); i++ {
		if t := trimSpace(c.value(i)); !ms.isTrimmed(t) {
			in.add(t)
		}
	}
	t, _ := in.decide(name, cfg.noInference, cfg.emptyAsString)
	return t == series.String
}

// strings returns the whole column (gathered, the first time, into a
// slice of sc's).
func (c *colText) strings(sc *scratch) []string {
	if !c.whole {
		raw := sc.strings(c.n)
		c.fill(0, raw)
		c.win, c.lo, c.whole, c.buf = raw, 0, true, nil
	}
	return c.win
}

// typedColumnOf is typedColumn over a column's text that need not be
// gathered into a slice: a number, boolean or date column is typed from
// its values one at a time.
func typedColumnOf(cfg *config, name string, text *colText, ms *markerSet, lineOf func(int) int, sc *scratch) (series.Series, ColumnReport, error) {
	cr := ColumnReport{Name: name}
	na := sc.bools(text.n)
	empties := 0
	var in inference
	_, forced := cfg.types[name]
	infer := !forced && !cfg.noInference
	for i := 0; i < text.n; i++ {
		v := text.value(i)
		sc.sawText(v, 1)
		t := trimSpace(v)
		if ms.isTrimmed(t) {
			na[i] = true
			cr.Missing++
			if v == "" {
				empties++
				continue
			}
			if cr.MissingValues == nil {
				cr.MissingValues = make(map[string]int)
			}
			cr.MissingValues[v]++
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
	if sc != nil && sc.hashes != nil {
		sc.hashes.add(sc.col, text.strings(sc))
	}
	s, err := buildSeries(cfg, name, t, text, na, lineOf, sc)
	return s, cr, err
}

// buildSeries parses raw into a typed slice of type t and builds the
// series. A value that does not fit t is an error wrapping ErrType.
func buildSeries(cfg *config, name string, t series.Type, text *colText, na []bool, lineOf func(int) int, sc *scratch) (series.Series, error) {
	bad := func(i int) error {
		return fmt.Errorf("fetch: %s: line %d: column %q: %q (row %d) is not %s: %w", orDash(cfg.source), lineOf(i), name, text.value(i), i+1, typeName(t), ErrType)
	}
	switch t {
	case series.Int:
		v := sc.intSlice(text.n)
		for i := 0; i < text.n; i++ {
			if na[i] {
				continue
			}
			s := text.value(i)
			n, ok := parseIntValue(trimSpace(s))
			if !ok {
				return series.Series{}, bad(i)
			}
			v[i] = n
		}
		return intSeries(name, v, na, sc), nil
	case series.Float:
		v := sc.floatSlice(text.n)
		for i := 0; i < text.n; i++ {
			if na[i] {
				continue
			}
			s := text.value(i)
			f, ok := parseFloatValue(trimSpace(s))
			if !ok {
				return series.Series{}, bad(i)
			}
			v[i] = f
		}
		return floatSeries(name, v, na, sc), nil
	case series.Bool:
		v := make([]bool, text.n)
		for i := 0; i < text.n; i++ {
			if na[i] {
				continue
			}
			s := text.value(i)
			b, ok := parseBoolValue(trimSpace(s))
			if !ok {
				return series.Series{}, bad(i)
			}
			v[i] = b
		}
		return frame.Bools(name, v, na), nil
	default:
		return stringSeries(name, text.strings(sc), na, sc), nil
	}
}

func typeName(t series.Type) string {
	switch t {
	case series.Int:
		return "an integer"
	case series.Float:
		return "a number"
	case series.Bool:
		return "true or false"
	}
	return string(t)
}
