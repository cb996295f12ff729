package clean

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Tally is a text and how many times it was seen: a raw string that became
// missing, a failed value, a date format, a currency.
type Tally struct {
	Text  string // the raw string, format or recoding
	Count int    // how many cells
}

// ColumnReport says what one step did to one column.
type ColumnReport struct {
	// Column is the column's name; "" for a step on whole rows.
	Column string
	// Step names the call: "numbers", "dates", "text", "missing",
	// "spreadsheet", "recode", "fill down", "remove empty", "constant",
	// "case".
	Step string
	// Result says what became of the column: "converted to Int",
	// "left as String: 3 values do not parse", "already Float: unchanged"…
	Result string
	// Converted is true when the column's values were rewritten.
	Converted bool
	// Parsed counts the values read successfully (numbers, dates) or kept.
	Parsed int
	// Changed counts the cells whose value changed (text, recode,
	// spreadsheet artefacts, fill down, missing markers).
	Changed int
	// Missing counts the values that were already missing before the step.
	Missing int
	// BecameMissing lists the raw strings that are missing-value markers
	// ("N/D", "", "9999-99-99") and now are missing values, with counts.
	BecameMissing []Tally
	// Failed counts values that did not parse; they are missing in the
	// result (or, in Strict mode, the call returned an error).
	Failed int
	// FailedRows are the 1-based data rows of the failed values.
	FailedRows []int
	// FailedExamples are distinct failed raw values with counts, most
	// frequent first (at most 10).
	FailedExamples []Tally
	// Seen tallies what the step recognised: date formats, currencies,
	// recodings ("F → Mujer").
	Seen []Tally
	// Notes are sentences a reporter should read: percentages, mixed
	// currencies, ambiguous dates resolved by the locale.
	Notes []string
}

// BecameMissingCount is the number of values that became missing because
// they were missing-value markers.
func (c ColumnReport) BecameMissingCount() int {
	n := 0
	for _, t := range c.BecameMissing {
		n += t.Count
	}
	return n
}

// Report is what one or more cleaning calls did, column by column. Reports
// of several calls merge with Merge, so a whole cleaning script can print
// one methodology note.
type Report struct {
	Columns []ColumnReport
	// RemovedRows are the 1-based rows (of the table given to the call)
	// that a step removed: empty rows, duplicates.
	RemovedRows []int
	// Notes are table-level sentences ("3 empty rows removed").
	Notes []string
}

// Merge appends the entries of o to r.
func (r *Report) Merge(o Report) {
	r.Columns = append(r.Columns, o.Columns...)
	r.RemovedRows = append(r.RemovedRows, o.RemovedRows...)
	r.Notes = append(r.Notes, o.Notes...)
}

// Column returns the last entry for the named column, and whether there is
// one.
func (r Report) Column(name string) (ColumnReport, bool) {
	for i := len(r.Columns) - 1; i >= 0; i-- {
		if r.Columns[i].Column == name {
			return r.Columns[i], true
		}
	}
	return ColumnReport{}, false
}

// Failed is the total number of failed values over all columns.
func (r Report) Failed() int {
	n := 0
	for _, c := range r.Columns {
		n += c.Failed
	}
	return n
}

// String prints the report as a short block for a methodology note.
func (r Report) String() string {
	var b strings.Builder
	for _, n := range r.Notes {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	for _, c := range r.Columns {
		b.WriteString(c.String())
	}
	return b.String()
}

// String prints one column's entry in a few lines.
func (c ColumnReport) String() string {
	var b strings.Builder
	name := c.Column
	if name == "" {
		name = "(rows)"
	}
	fmt.Fprintf(&b, "%s [%s]: %s", strconv.Quote(name), c.Step, c.Result)
	var parts []string
	if c.Parsed > 0 {
		parts = append(parts, fmt.Sprintf("%d parsed", c.Parsed))
	}
	if c.Changed > 0 {
		parts = append(parts, fmt.Sprintf("%d changed", c.Changed))
	}
	if c.Missing > 0 {
		parts = append(parts, fmt.Sprintf("%d already missing", c.Missing))
	}
	if n := c.BecameMissingCount(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d became missing", n))
	}
	if c.Failed > 0 {
		parts = append(parts, fmt.Sprintf("%d failed", c.Failed))
	}
	if len(parts) > 0 {
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	b.WriteByte('\n')
	if len(c.BecameMissing) > 0 {
		b.WriteString("  became missing: " + tallies(c.BecameMissing, 8) + "\n")
	}
	if c.Failed > 0 {
		b.WriteString("  failed rows: " + rows(c.FailedRows, 10) + "; values: " + tallies(c.FailedExamples, 5) + "\n")
	}
	if len(c.Seen) > 0 {
		b.WriteString("  seen: " + tallies(c.Seen, 10) + "\n")
	}
	for _, n := range c.Notes {
		b.WriteString("  note: " + n + "\n")
	}
	return b.String()
}

func tallies(ts []Tally, max int) string {
	var parts []string
	for i, t := range ts {
		if i == max {
			parts = append(parts, fmt.Sprintf("… %d more", len(ts)-max))
			break
		}
		parts = append(parts, fmt.Sprintf("%s ×%d", strconv.Quote(t.Text), t.Count))
	}
	return strings.Join(parts, ", ")
}

func rows(rs []int, max int) string {
	var parts []string
	for i, r := range rs {
		if i == max {
			parts = append(parts, fmt.Sprintf("… %d more", len(rs)-max))
			break
		}
		parts = append(parts, strconv.Itoa(r))
	}
	return strings.Join(parts, ", ")
}

// counter tallies strings and turns them into a sorted []Tally.
type counter map[string]int

func (c counter) add(s string) { c[s]++ }

// sorted returns the tallies, most frequent first, ties by text; at most
// max of them when max > 0.
func (c counter) sorted(max int) []Tally {
	if len(c) == 0 {
		return nil
	}
	out := make([]Tally, 0, len(c))
	for k, v := range c {
		out = append(out, Tally{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Text < out[j].Text
	})
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	return out
}

// failures collects failed values of one column.
type failures struct {
	rows   []int
	values counter
	first  string // the first failure's message, for Strict errors
	comma  int    // failed values written with point thousands and a decimal comma
}

func (f *failures) add(row int, raw string, reason error, col string) {
	if f.values == nil {
		f.values = counter{}
	}
	if len(f.rows) == 0 {
		f.first = fmt.Sprintf("column %q row %d: %q: %v", col, row, raw, reason)
	}
	f.rows = append(f.rows, row)
	f.values.add(raw)
}
