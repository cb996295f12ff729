package analyze

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// ProfileReport describes every column of a table: what Profile returns.
// Print it (String) for a quick look, or turn it into a table (DataFrame).
type ProfileReport struct {
	Rows    int
	Columns []ColumnProfile
	// DuplicateRows counts the rows that repeat an earlier row exactly
	// (every cell equal, missing equal to missing); Duplicates lists the
	// first 100 of them, 1-based.
	DuplicateRows int
	Duplicates    []int
	// TotalsRows are the 1-based rows that equal the sum of the rows they
	// head or close, at any level (the detector of clean.DropTotals); the
	// value columns compared carry a WarnTotalsRow warning.
	TotalsRows []int
	Err        error // a gota error carried by the input table, if any
}

// ColumnProfile describes one column.
type ColumnProfile struct {
	Name     string
	Type     string // gota type: "string", "int", "float" or "bool"
	Count    int    // non-missing values
	Missing  int
	Distinct int // distinct non-missing values
	// Min and Max are the smallest and largest values, as text (numbers
	// by value, text in byte order); empty when the column is all missing.
	Min, Max string
	// Mean and Median are NaN for non-numeric columns.
	Mean, Median float64
	Top          []ValueCount // most frequent values, most frequent first (up to 5)
	Warnings     []Warning
}

// ValueCount is a value and how many rows hold it.
type ValueCount struct {
	Value string
	Count int
}

// Warning is something a data editor would question before publishing.
type Warning struct {
	Code    string // one of the Warn* constants
	Message string
}

// Warning codes.
const (
	WarnLostZeros       = "lost-leading-zeros"   // a code column read as a number
	WarnZeroPadding     = "inconsistent-padding" // codes written both "01" and "1"
	WarnNumberAsText    = "number-as-text"       // a text column whose values are numbers
	WarnSentinel        = "sentinel-value"       // 99, 999, 9999, -1 (97, 98 when frequent) standing for "no data"
	WarnMixedDates      = "mixed-date-formats"   // several date layouts in one column
	WarnOneValue        = "one-value"            // one value in most rows (or all)
	WarnTotalsRow       = "totals-row"           // rows equal to the sum of the rows they head or close: a sum counts them twice
	WarnDatePlaceholder = "date-placeholder"     // "9999-99-99", "-001-11-30": a text column's "no date" placeholders
	WarnBlank           = "blank-text"           // empty text or cells of spaces that are not missing values
	WarnDuplicateRows   = "duplicate-rows"       // rows that repeat an earlier row exactly (a table-level warning)
	WarnAllMissing      = "all-missing"          // no value at all
	WarnSpaces          = "surrounding-spaces"   // values with leading or trailing spaces
	WarnCodeZero        = "code-zero"            // code 0, often the national total
	WarnInfinite        = "infinite-value"       // ±Inf in a numeric column
	WarnMostlyMissing   = "mostly-missing"       // more than half the values missing
)

// Profile describes every column of df: type, count, missing, distinct,
// min/max, mean/median for numbers, the most frequent values, and warnings
// (see the Warn* codes). For the whole table it counts the rows that
// repeat an earlier row exactly (DuplicateRows) and finds totals rows by
// their numbers — a row equal to the sum of the rows it heads or closes,
// at any level, with the detector clean.DropTotals uses (TotalsRows); a
// label such as "Total" or "Suma" is evidence only, never enough alone. It
// never fails: a table carrying a gota error gives a report with Err set.
func Profile(df dataframe.DataFrame) ProfileReport {
	if df.Err != nil {
		return ProfileReport{Err: fmt.Errorf("analyze: Profile: %w: %v", ErrFrame, df.Err)}
	}
	rep := ProfileReport{Rows: df.Nrow()}
	h := newRowHasher(df.Nrow())
	for _, name := range df.Names() {
		c, err := readColumn("Profile", df, name)
		if err != nil {
			rep.Err = err
			continue
		}
		h.add(c)
		rep.Columns = append(rep.Columns, profileColumn(c))
	}
	if df.Ncol() > 0 {
		d := h.duplicates()
		rep.DuplicateRows = len(d)
		for _, i := range shortList(d, maxListed) {
			rep.Duplicates = append(rep.Duplicates, i+1)
		}
	}
	profileTotals(&rep, df)
	return rep
}

func typeName(t series.Type) string { return string(t) }

func profileColumn(c *column) ColumnProfile {
	p := ColumnProfile{Name: c.name, Type: typeName(c.typ), Mean: math.NaN(), Median: math.NaN()}
	n := len(c.na)
	for _, m := range c.na {
		if m {
			p.Missing++
		}
	}
	p.Count = n - p.Missing
	if p.Count == 0 {
		if n > 0 {
			p.warn(WarnAllMissing, "every value is missing")
		}
		return p
	}
	if p.Missing*2 > n {
		p.warn(WarnMostlyMissing, fmt.Sprintf("%d of %d values (%.0f%%) are missing", p.Missing, n, pct(p.Missing, n)))
	}
	if c.s != nil {
		profileStrings(&p, c)
	} else {
		profileNumbers(&p, c)
	}
	if len(p.Top) > 0 {
		top := p.Top[0]
		switch {
		case p.Distinct == 1 && p.Count > 1:
			p.warn(WarnOneValue, fmt.Sprintf("every value is %q", top.Value))
		case p.Count >= 20 && float64(top.Count) >= 0.95*float64(p.Count):
			p.warn(WarnOneValue, fmt.Sprintf("%q is %d of %d values (%.1f%%)", top.Value, top.Count, p.Count, pct(top.Count, p.Count)))
		}
	}
	return p
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(b) }

func (p *ColumnProfile) warn(code, msg string) {
	p.Warnings = append(p.Warnings, Warning{Code: code, Message: msg})
}

// topValues sorts value counts, most frequent first, ties by value.
func topValues(counts map[string]int, k int) []ValueCount {
	all := make([]ValueCount, 0, len(counts))
	for v, c := range counts {
		all = append(all, ValueCount{v, c})
	}
	sort.Slice(all, func(a, b int) bool {
		if all[a].Count != all[b].Count {
			return all[a].Count > all[b].Count
		}
		return all[a].Value < all[b].Value
	})
	if len(all) > k {
		all = all[:k]
	}
	return all
}

func formatNum(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// String prints the report as a readable block: one paragraph per column,
// warnings marked with "!".
func (r ProfileReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "profile: %d rows × %d columns\n", r.Rows, len(r.Columns))
	if r.Err != nil {
		fmt.Fprintf(&b, "error: %v\n", r.Err)
	}
	r.tableString(&b)
	for _, c := range r.Columns {
		fmt.Fprintf(&b, "%s (%s): %d values, %d missing, %d distinct", c.Name, c.Type, c.Count, c.Missing, c.Distinct)
		if c.Count > 0 {
			fmt.Fprintf(&b, ", min %s, max %s", clip(c.Min), clip(c.Max))
		}
		if !math.IsNaN(c.Mean) {
			fmt.Fprintf(&b, ", mean %.6g, median %.6g", c.Mean, c.Median)
		}
		b.WriteString("\n")
		switch {
		case len(c.Top) > 0 && c.Top[0].Count == 1:
			b.WriteString("  top: every value appears once\n")
		case len(c.Top) > 0:
			b.WriteString("  top: " + topString(c.Top) + "\n")
		}
		for _, w := range c.Warnings {
			fmt.Fprintf(&b, "  ! %s: %s\n", w.Code, w.Message)
		}
	}
	return b.String()
}

// Warnings returns the table's warnings, as "(rows): code: message"
// (duplicate rows), then every warning of every column, as "column: code:
// message".
func (r ProfileReport) Warnings() []string {
	var out []string
	if r.DuplicateRows > 0 {
		out = append(out, fmt.Sprintf("(rows): %s: %d rows repeat an earlier row exactly (rows %s%s)",
			WarnDuplicateRows, r.DuplicateRows, intList(shortList(r.Duplicates, 10)), more(r.DuplicateRows, 10)))
	}
	for _, c := range r.Columns {
		for _, w := range c.Warnings {
			out = append(out, c.Name+": "+w.Code+": "+w.Message)
		}
	}
	return out
}

// Column returns the profile of the named column.
func (r ProfileReport) Column(name string) (ColumnProfile, bool) {
	for _, c := range r.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return ColumnProfile{}, false
}

// HasWarning reports whether the column has a warning with this code.
func (c ColumnProfile) HasWarning(code string) bool {
	for _, w := range c.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

func clip(s string) string {
	if len(s) > 40 {
		return strconv.Quote(s[:37] + "...")
	}
	return strconv.Quote(s)
}

func topString(top []ValueCount) string {
	parts := make([]string, len(top))
	for i, t := range top {
		parts[i] = fmt.Sprintf("%s (%d)", clip(t.Value), t.Count)
	}
	return strings.Join(parts, ", ")
}

// DataFrame returns the report as a table, one row per column: column,
// type, count, missing, distinct, min, max, mean, median, top and warnings
// (codes joined by "; ").
func (r ProfileReport) DataFrame() (dataframe.DataFrame, error) {
	if r.Err != nil && len(r.Columns) == 0 {
		return dataframe.DataFrame{Err: r.Err}, r.Err
	}
	n := len(r.Columns)
	name, typ, min, max, top, warn := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	cnt, miss, dist := make([]int, n), make([]int, n), make([]int, n)
	mean, med := make([]float64, n), make([]float64, n)
	for i, c := range r.Columns {
		name[i], typ[i], min[i], max[i] = c.Name, c.Type, c.Min, c.Max
		cnt[i], miss[i], dist[i] = c.Count, c.Missing, c.Distinct
		mean[i], med[i] = c.Mean, c.Median
		top[i] = topString(c.Top)
		codes := make([]string, len(c.Warnings))
		for k, w := range c.Warnings {
			codes[k] = w.Code
		}
		warn[i] = strings.Join(codes, "; ")
	}
	return newFrame("Profile", frame.Strings("column", name, nil), frame.Strings("type", typ, nil),
		frame.Ints("count", cnt, nil), frame.Ints("missing", miss, nil), frame.Ints("distinct", dist, nil),
		frame.Strings("min", min, nil), frame.Strings("max", max, nil),
		floatSeries("mean", mean), floatSeries("median", med),
		frame.Strings("top", top, nil), frame.Strings("warnings", warn, nil))
}
