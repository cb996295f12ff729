package fetch

import (
	"fmt"
	"io"
	"strconv"
)

// jsonChecks is what ReadJSON watches while it builds the table: the
// budgets (distinct keys, cells, values in one record) and the values a
// flat table cannot hold side by side, which it reports instead of
// dropping silently: a key repeated in one object ({"a":1,"a":2}; the last
// value is kept, as encoding/json does), and a dotted key that meets a
// nested path of the same name ({"a.b":1,"a":{"b":2}}).
type jsonChecks struct {
	lim   Limits
	err   error   // the first budget passed
	cur   int32   // 1-based number of the record being added
	stamp []int32 // per column: the last record that set it
	forms map[int]string
	// repeated: records where a column was set twice; first* describe
	// the first of each kind.
	dupKeys, dotted      int
	firstDup, firstDot   string
	firstDupR, firstDotR int32
	mixed                []string // columns fed by a dotted key and a nested path
}

// budget returns a fresh budget of values for one record or document.
func (t *jsonChecks) budget() *int {
	n := jsonNodeBudget(t.lim)
	return &n
}

// jsonNodeBudget is how many values one top-level JSON value may hold: an
// eighth of the Cells budget (each value costs about a hundred bytes
// while the document is held whole).
func jsonNodeBudget(l Limits) int {
	n := l.Cells / 8
	if n < 1000 {
		n = 1000
	}
	if n > 1<<40 {
		n = 1 << 40
	}
	return int(n)
}

// collision records that column name was set twice in the current
// record; form is the path of the second value (see jsonTable.set).
func (t *jsonChecks) collision(j int, name, form string) {
	prev := t.forms[j]
	if form == "" || prev == "" || prev == form {
		t.dupKeys++
		if t.firstDup == "" {
			t.firstDup, t.firstDupR = name, t.cur
		}
		return
	}
	t.dotted++
	if t.firstDot == "" {
		t.firstDot, t.firstDotR = name, t.cur
	}
}

// form remembers the path that first named column j, and notes a column
// later named by a different path (a dotted key and a nested object).
func (t *jsonChecks) form(j int, name, form string) {
	if form == "" {
		return
	}
	if t.forms == nil {
		t.forms = make(map[int]string)
	}
	prev, ok := t.forms[j]
	if !ok {
		t.forms[j] = form
		return
	}
	if prev != form && prev != "\x01" {
		t.forms[j] = "\x01" // noted once
		t.mixed = append(t.mixed, name)
	}
}

// checkNotes returns the report lines for the collisions seen.
func (t *jsonChecks) checkNotes() []string {
	var out []string
	if t.dupKeys > 0 {
		out = append(out, fmt.Sprintf("%d keys repeated within a record (first: record %d, key %q): the last value kept, the earlier ones dropped",
			t.dupKeys, t.firstDupR, t.firstDup))
	}
	if t.dotted > 0 {
		out = append(out, fmt.Sprintf("%d dotted keys collided with a nested object of the same path within a record (first: record %d, %q): the last value kept, the earlier ones dropped",
			t.dotted, t.firstDotR, t.firstDot))
	}
	if len(t.mixed) > 0 {
		q := make([]string, len(t.mixed))
		for i, m := range t.mixed {
			q[i] = strconv.Quote(m)
		}
		out = append(out, fmt.Sprintf("columns fed both by a dotted key and by a nested object in different records: %s",
			jsonShortList(q, 12)))
	}
	return out
}

// budgetReader fails, wrapping ErrTooLarge, once more than max bytes
// have been read, or, when run is set, once one value runs longer than run
// bytes: a string (from its opening quote, whatever commas or braces it
// holds), or, outside strings, a run with no JSON punctuation (a number or
// whitespace), which the decoder would buffer whole.
type budgetReader struct {
	r          io.Reader
	n, max     int64
	run, since int64
	inStr, esc bool // inside a string; after a backslash in one
	source     string
	err        error // set once the budget is passed; every later Read returns it
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	if b.n > b.max {
		b.err = &budgetError{tooLarge(b.source, fmt.Sprintf("more than %d bytes of input", b.max), b.max, "InputBytes")}
		return n, b.err
	}
	if b.run > 0 && b.runs(p[:n]) {
		b.err = &budgetError{tooLarge(b.source, fmt.Sprintf("a JSON value longer than %d bytes (before byte %d)", b.run, b.n), b.run, "LineBytes")}
		return n, b.err
	}
	return n, err
}

// runs follows p through strings and punctuation and reports whether a
// value has run longer than b.run bytes.
func (b *budgetReader) runs(p []byte) bool {
	since, inStr, esc := b.since, b.inStr, b.esc
	for _, c := range p {
		switch {
		case esc:
			esc = false
			since++
		case inStr:
			switch c {
			case '\\':
				esc = true
				since++
			case '"':
				inStr, since = false, 0
			default:
				since++
			}
		case jsonPunct[c]:
			inStr, since = c == '"', 0
		default:
			since++
		}
		if since > b.run {
			b.since = since
			return true
		}
	}
	b.since, b.inStr, b.esc = since, inStr, esc
	return false
}

// jsonPunct marks the bytes that end a value outside strings (and the
// quote that opens one).
var jsonPunct = [256]bool{'"': true, ',': true, ':': true, '{': true, '}': true, '[': true, ']': true}

// budgetError marks an error that already names its source.
type budgetError struct{ err error }

func (e *budgetError) Error() string { return e.err.Error() }
func (e *budgetError) Unwrap() error { return e.err }
