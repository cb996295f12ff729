package fetch

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-gota/gota/series"
)

// Report records what a reader decided and what it changed, so that a
// methodology note can say exactly how a file was read. Pass one with
// WithReport; print it with String.
type Report struct {
	Source     string // file name, URL or the Source option
	Format     string // "csv", "json", "xlsx", "html"
	Encoding   string // e.g. "UTF-8", "UTF-8 with BOM", "Windows-1252"
	Delimiter  string // e.g. ",", ";", "tab"
	HeaderLine int    // 1-based line (or sheet row) of the header; 0 without one
	Rows       int    // data rows read
	Skipped    []SkippedLine
	Columns    []ColumnReport
	// PaddedRows counts rows with fewer fields than the header, padded with
	// missing values.
	PaddedRows int
	// TrimmedRows counts rows whose extra fields beyond the header were
	// empty and ignored.
	TrimmedRows int
	// DroppedColumns lists header fields dropped because no row filled them
	// (a trailing empty header cell, as spreadsheet exports write).
	DroppedColumns []string
	// DuplicateRows counts the rows that repeat an earlier row exactly;
	// Duplicates lists the first 20 with their lines. A sample or an export
	// that repeats records changes every count and share computed from it:
	// clean.Dedupe removes them and says which. In a CSV file a duplicate
	// is a record whose bytes (line end aside) are an earlier data
	// record's, every field counted, those Columns left out too: rows that
	// agree only on the selected columns are not duplicates. In a
	// spreadsheet, JSON or HTML table it is a row whose cells all equal an
	// earlier row's as read.
	DuplicateRows int
	Duplicates    []DuplicateRow
	// Notes holds any other decision worth telling.
	Notes []string
}

// SkippedLine is a line (or row) the reader did not turn into data.
type SkippedLine struct {
	Line   int    // 1-based line or row number in the input
	Reason string // "preamble", "note", "blank"…
	Text   string // the line as read, shortened
}

// ColumnReport says how one column was read.
type ColumnReport struct {
	Name     string      // name in the table
	Original string      // name as written in the file, when it was changed
	Type     series.Type // type chosen
	Why      string      // why that type, e.g. "leading zeros: \"01\""
	Missing  int         // values that became missing
	// MissingValues counts the raw strings that became missing, as
	// written: an empty cell is "", a cell of spaces "   ".
	MissingValues map[string]int
	// DatePlaceholders counts the values of a text column that are "no
	// date" placeholders ("9999-99-99", "-001-11-30", "0000-00-00"): they
	// stay text here; clean.Dates makes them missing.
	DatePlaceholders map[string]int

	notes []string // findings of the column checks, moved to Report.Notes
}

// String prints the report as a short readable block.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %s", orDash(r.Source))
	if r.Format != "" {
		fmt.Fprintf(&b, " (%s", r.Format)
		if r.Encoding != "" {
			fmt.Fprintf(&b, ", %s", r.Encoding)
		}
		if r.Delimiter != "" {
			fmt.Fprintf(&b, ", delimiter %s", r.Delimiter)
		}
		b.WriteString(")")
	}
	fmt.Fprintf(&b, ": %d rows, %d columns", r.Rows, len(r.Columns))
	if r.HeaderLine > 0 {
		fmt.Fprintf(&b, ", header on line %d", r.HeaderLine)
	}
	b.WriteString("\n")
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "  skipped line %d (%s): %q\n", s.Line, s.Reason, s.Text)
	}
	if r.PaddedRows > 0 {
		fmt.Fprintf(&b, "  %d short rows padded with missing values\n", r.PaddedRows)
	}
	if r.TrimmedRows > 0 {
		fmt.Fprintf(&b, "  %d rows had empty extra fields, ignored\n", r.TrimmedRows)
	}
	for _, d := range r.DroppedColumns {
		fmt.Fprintf(&b, "  dropped empty column %q\n", d)
	}
	if r.DuplicateRows > 0 {
		var ex []string
		for i, d := range r.Duplicates {
			if i == 5 {
				break
			}
			if d.Line > 0 {
				ex = append(ex, fmt.Sprintf("row %d (line %d) = row %d", d.Row, d.Line, d.First))
			} else {
				ex = append(ex, fmt.Sprintf("row %d = row %d", d.Row, d.First))
			}
		}
		if r.DuplicateRows > len(ex) {
			ex = append(ex, "…")
		}
		fmt.Fprintf(&b, "  %d rows repeat an earlier row exactly: %s (clean.Dedupe removes them)\n", r.DuplicateRows, strings.Join(ex, ", "))
	}
	for _, c := range r.Columns {
		var parts []string
		if c.Original != "" && c.Original != c.Name {
			parts = append(parts, fmt.Sprintf("was %q", c.Original))
		}
		if c.Why != "" {
			parts = append(parts, c.Why)
		}
		if c.Missing > 0 {
			m := fmt.Sprintf("%d missing", c.Missing)
			if len(c.MissingValues) > 0 {
				m += " (" + countList(c.MissingValues) + ")"
			}
			parts = append(parts, m)
		}
		if len(c.DatePlaceholders) > 0 {
			parts = append(parts, "date placeholders "+countList(c.DatePlaceholders)+" (no date; clean.Dates makes them missing)")
		}
		line := fmt.Sprintf("  %-24s %-6s %s", c.Name, c.Type, strings.Join(parts, "; "))
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteString("\n")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// countList prints a map of raw values to counts, most frequent first.
func countList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%q×%d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
