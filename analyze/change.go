package analyze

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// Notes written in the note column of Change, YoY and IndexTo.
const (
	NoteFirst        = "first period"    // no earlier period in the group
	NoteMissing      = "missing value"   // this or the compared value is missing
	NoteFromZero     = "from zero"       // the compared value is 0: no percent change
	NoteNoBase       = "no base period"  // the group has no row for the base period
	NoteNoComparison = "no prior period" // YoY: no row one year earlier
	NoteNotFinite    = "not finite"      // the result overflows (a tiny divisor, an infinite value)
)

// ChangeReport counts what Change, YoY and IndexTo could not compute.
type ChangeReport struct {
	Rows     int // rows in the table
	Computed int // rows with a computed result
	First    int // rows with no earlier period to compare with
	Missing  int // rows where this or the compared value is missing
	FromZero int // rows compared with 0: absolute change kept, percent missing
	NoBase   int // IndexTo: rows whose group has no base-period row (or base 0)
	// NotFinite counts rows whose result is not a finite number (a divisor
	// such as 1e-320, an infinite value): left missing, noted NoteNotFinite.
	NotFinite int
	// Kept names the columns ChangeBetween kept because they hold one
	// value within every group.
	Kept []string
}

// String prints the report as a short block.
func (r ChangeReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "change: %d rows, %d computed\n", r.Rows, r.Computed)
	if r.First > 0 {
		fmt.Fprintf(&b, "  %d rows have no earlier period to compare with\n", r.First)
	}
	if r.Missing > 0 {
		fmt.Fprintf(&b, "  %d rows compare a missing value\n", r.Missing)
	}
	if r.FromZero > 0 {
		fmt.Fprintf(&b, "  %d rows change from zero: percent change missing\n", r.FromZero)
	}
	if r.NoBase > 0 {
		fmt.Fprintf(&b, "  %d rows have no usable base period: index missing\n", r.NoBase)
	}
	if r.NotFinite > 0 {
		fmt.Fprintf(&b, "  %d rows give a result that is not a finite number: left missing\n", r.NotFinite)
	}
	if len(r.Kept) > 0 {
		fmt.Fprintf(&b, "  kept, one value per group: %s\n", strings.Join(r.Kept, ", "))
	}
	return b.String()
}

// Share adds the column as = 100 × value / total, where the total is the sum
// of the non-missing values of col over the whole table or, with groups,
// within each group. A missing value, or a total of 0, gives a missing
// share (ShareWithReport counts them). Shares within a group add up to 100.
func Share(df dataframe.DataFrame, col, as string, groups ...string) (dataframe.DataFrame, error) {
	out, _, err := ShareWithReport(df, col, as, groups...)
	return out, err
}

// groupBy reads the key columns and groups the rows of df.
func groupBy(fn string, df dataframe.DataFrame, keys []string) (grouping, error) {
	cols := make([]*column, len(keys))
	for i, k := range keys {
		c, err := readColumn(fn, df, k)
		if err != nil {
			return grouping{}, err
		}
		cols[i] = c
	}
	if err := checkFrame(fn, df); err != nil {
		return grouping{}, err
	}
	return groupRows(cols, df.Nrow()), nil
}

// periodOrder returns the rows of every group sorted by the period column
// (text in byte order, which is date order for ISO dates; numbers by value).
// Quarters ("2024-Q1", or "2024-q1" with spaces around) are compared in
// their canonical form, so they sort by year and then quarter; a text
// column that mixes quarters with other periods (months, years, days) has
// no single order and is an error (ErrBadDate). Two rows of one group with
// the same period are an error.
func periodOrder(fn string, g grouping, p *column) ([][]int, error) {
	rows := make([][]int, g.n)
	for i, id := range g.ids {
		if p.na[i] {
			return nil, fmt.Errorf("analyze: %s: column %q row %d: missing period: %w", fn, p.name, i+1, ErrArgument)
		}
		rows[id] = append(rows[id], i)
	}
	keys := p.s
	if p.s != nil {
		var err error
		if keys, err = quarterKeys(fn, p); err != nil {
			return nil, err
		}
	}
	for _, r := range rows {
		sort.SliceStable(r, func(a, b int) bool {
			if keys != nil {
				return keys[r[a]] < keys[r[b]]
			}
			return p.f[r[a]] < p.f[r[b]]
		})
		for k := 1; k < len(r); k++ {
			same := p.str(r[k]) == p.str(r[k-1])
			if keys != nil {
				same = keys[r[k]] == keys[r[k-1]]
			}
			if same {
				return nil, fmt.Errorf("analyze: %s: column %q rows %d and %d: period %q appears twice in one group (add the missing key columns): %w",
					fn, p.name, r[k-1]+1, r[k]+1, p.str(r[k]), ErrArgument)
			}
		}
	}
	return rows, nil
}

// quarterKeys returns the sort keys of a text period column: the values
// themselves, except that quarters are written "YYYY-Qn". A column with
// both quarters and other non-missing periods is an error.
func quarterKeys(fn string, p *column) ([]string, error) {
	keys, copied := p.s, false
	quarter, other := -1, -1
	for i, s := range p.s {
		if p.na[i] {
			continue
		}
		q, ok := quarterKey(s)
		if !ok {
			if other < 0 {
				other = i
			}
			continue
		}
		if quarter < 0 {
			quarter = i
		}
		if q != s {
			if !copied {
				keys, copied = append([]string(nil), p.s...), true
			}
			keys[i] = q
		}
	}
	if quarter >= 0 && other >= 0 {
		return nil, fmt.Errorf("analyze: %s: column %q mixes quarters (row %d: %q) with other periods (row %d: %q), which have no common order: %w",
			fn, p.name, quarter+1, p.s[quarter], other+1, p.s[other], ErrBadDate)
	}
	return keys, nil
}

// quarterKey returns s as a canonical quarter "YYYY-Qn" if it is one
// ("2024-Q1", "2024-q1", spaces around), without allocating when s is
// already canonical.
func quarterKey(s string) (string, bool) {
	t := strings.TrimSpace(s)
	if len(t) != 7 || t[4] != '-' || (t[5] != 'Q' && t[5] != 'q') || t[6] < '1' || t[6] > '4' {
		return "", false
	}
	for _, c := range t[:4] {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	if t == s && t[5] == 'Q' {
		return s, true
	}
	return t[:5] + "Q" + t[6:], true
}

// periodText is a period value or argument as compared by IndexTo and
// ChangeBetween: trimmed, with quarters written "YYYY-Qn".
func periodText(s string) string {
	if q, ok := quarterKey(s); ok {
		return q
	}
	return strings.TrimSpace(s)
}

// changeOut fills the three output columns for row i compared with row
// j (j < 0: nothing to compare with).
type changeOut struct {
	abs, pct []float64
	note     []string
	rep      ChangeReport
}

func newChangeOut(n int) *changeOut {
	c := &changeOut{abs: make([]float64, n), pct: make([]float64, n), note: make([]string, n)}
	c.rep.Rows = n
	for i := range c.abs {
		c.abs[i], c.pct[i] = math.NaN(), math.NaN()
	}
	return c
}

func (c *changeOut) set(v *column, i, j int, noPrev string) {
	switch {
	case j < 0:
		c.note[i] = noPrev
		c.rep.First++
	case v.na[i] || v.na[j]:
		c.note[i] = NoteMissing
		c.rep.Missing++
	default:
		c.put(i, v.f[j], v.f[i])
	}
}

// put fills row i with the change from a to b: the percent is missing
// from zero, and a result that is not a finite number is missing and
// counted in NotFinite rather than as computed.
func (c *changeOut) put(i int, a, b float64) {
	abs := b - a
	pct := math.NaN()
	if a != 0 {
		pct = 100 * abs / math.Abs(a)
	}
	switch {
	case !finite(abs) || (a != 0 && !finite(pct)):
		if finite(abs) {
			c.abs[i] = abs
		}
		c.note[i] = NoteNotFinite
		c.rep.NotFinite++
	case a == 0:
		c.abs[i] = abs
		c.note[i] = NoteFromZero
		c.rep.FromZero++
	default:
		c.abs[i], c.pct[i] = abs, pct
		c.rep.Computed++
	}
}

// finite reports whether x is neither NaN nor ±Inf.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func (c *changeOut) frame(fn string, df dataframe.DataFrame, prefix string) (dataframe.DataFrame, ChangeReport, error) {
	out, err := withColumns(fn, df,
		floatSeries(prefix+"_change", c.abs),
		floatSeries(prefix+"_pct_change", c.pct),
		frame.Strings(prefix+"_note", c.note, nil))
	return out, c.rep, err
}

// Change compares every row with the previous period of its group: it adds
// "<col>_change" (absolute), "<col>_pct_change" (percent of the previous
// value's magnitude) and "<col>_note", which is empty when both were
// computed and otherwise says why not (NoteFirst, NoteMissing,
// NoteFromZero). A change from 0 keeps the absolute change and leaves the
// percent missing; nothing is ever ±Inf. Rows keep their order; within each
// group (keys) they are compared in period order (quarters "2024-Q1" sort
// by year and quarter; a column mixing quarters with other periods is an
// error, ErrBadDate), and a gap in the periods compares with the latest
// earlier period present (a group lacking 2023-Q3 compares 2023-Q4 with
// 2023-Q2: for strict quarter-on-quarter or month-on-month changes, first
// give every group a row per period). A period repeated within a group is
// an error.
func Change(df dataframe.DataFrame, col, periodCol string, keys ...string) (dataframe.DataFrame, ChangeReport, error) {
	const fn = "Change"
	v, p, g, err := changeInputs(fn, df, col, periodCol, keys)
	if err != nil {
		return df, ChangeReport{}, err
	}
	rows, err := periodOrder(fn, g, p)
	if err != nil {
		return df, ChangeReport{}, err
	}
	c := newChangeOut(len(v.f))
	for _, r := range rows {
		for k, i := range r {
			j := -1
			if k > 0 {
				j = r[k-1]
			}
			c.set(v, i, j, NoteFirst)
		}
	}
	return c.frame(fn, df, col)
}

func changeInputs(fn string, df dataframe.DataFrame, col, periodCol string, keys []string) (*column, *column, grouping, error) {
	v, err := readNumeric(fn, df, col)
	if err != nil {
		return nil, nil, grouping{}, err
	}
	p, err := readColumn(fn, df, periodCol)
	if err != nil {
		return nil, nil, grouping{}, err
	}
	g, err := groupBy(fn, df, keys)
	return v, p, g, err
}

// YoY compares every row with the same period one year earlier in its group,
// on an ISO date column ("2024-10-17" with "2023-10-17", "2024-10" with
// "2023-10", "2024-Q1" with "2023-Q1", "2024" with "2023"; a numeric year
// column works too). Only that exact period counts: when it is missing the
// row is not compared with a neighbouring one. It adds
// "<col>_yoy_change", "<col>_yoy_pct_change" and "<col>_yoy_note" as Change
// does; a row with no row one year earlier is noted NoteNoComparison. A date
// that does not parse is an error (ErrBadDate).
func YoY(df dataframe.DataFrame, col, dateCol string, keys ...string) (dataframe.DataFrame, ChangeReport, error) {
	const fn = "YoY"
	v, p, g, err := changeInputs(fn, df, col, dateCol, keys)
	if err != nil {
		return df, ChangeReport{}, err
	}
	n := len(v.f)
	dates := make([]isoDate, n)
	where := make(map[string]int, n)
	for i := 0; i < n; i++ {
		s := p.str(i)
		if p.s == nil && !p.na[i] {
			s = strconv.Itoa(int(p.f[i]))
		}
		d, err := parseISO(s)
		if err != nil || p.na[i] {
			return df, ChangeReport{}, fmt.Errorf("analyze: %s: column %q row %d: %w", fn, dateCol, i+1, errOr(err, ErrBadDate))
		}
		dates[i] = d
		k := strconv.Itoa(int(g.ids[i])) + "\x00" + d.String()
		if prev, dup := where[k]; dup {
			return df, ChangeReport{}, fmt.Errorf("analyze: %s: column %q rows %d and %d: date %q appears twice in one group (add the missing key columns): %w",
				fn, dateCol, prev+1, i+1, d.String(), ErrArgument)
		}
		where[k] = i
	}
	c := newChangeOut(n)
	for i := 0; i < n; i++ {
		k := strconv.Itoa(int(g.ids[i])) + "\x00" + dates[i].minusYears(1).String()
		j, ok := where[k]
		if !ok {
			j = -1
		}
		c.set(v, i, j, NoteNoComparison)
	}
	return c.frame(fn, df, col+"_yoy")
}

func errOr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}

// IndexTo adds "<col>_index" = 100 × value / value of the base period in the
// same group (keys), so the base period reads 100. A group with no row for
// the base period, or whose base value is 0 or missing, gets a missing index
// (counted in the report's NoBase). If no group has the base period the call
// fails with ErrNoBase. The base is compared with the period column as text
// ("2018", "2018-01", "2018-Q1"; spaces around are ignored and a quarter
// matches in either case, "2018-q1"); a numeric period column is written
// without decimals.
func IndexTo(df dataframe.DataFrame, col, periodCol, base string, keys ...string) (dataframe.DataFrame, ChangeReport, error) {
	const fn = "IndexTo"
	v, p, g, err := changeInputs(fn, df, col, periodCol, keys)
	if err != nil {
		return df, ChangeReport{}, err
	}
	n := len(v.f)
	baseRow := make([]int, g.n)
	for i := range baseRow {
		baseRow[i] = -1
	}
	found := false
	base = periodText(base)
	for i := 0; i < n; i++ {
		s := periodText(p.str(i))
		if p.s == nil && !p.na[i] && p.f[i] == math.Trunc(p.f[i]) {
			s = strconv.FormatFloat(p.f[i], 'f', 0, 64)
		}
		if s == base && !p.na[i] {
			if baseRow[g.ids[i]] >= 0 {
				return df, ChangeReport{}, fmt.Errorf("analyze: %s: column %q rows %d and %d: base period %q appears twice in one group (add the missing key columns): %w",
					fn, periodCol, baseRow[g.ids[i]]+1, i+1, base, ErrArgument)
			}
			baseRow[g.ids[i]] = i
			found = true
		}
	}
	if !found {
		return df, ChangeReport{}, fmt.Errorf("analyze: %s: column %q has no period %q: %w", fn, periodCol, base, ErrNoBase)
	}
	out := make([]float64, n)
	note := make([]string, n)
	rep := ChangeReport{Rows: n}
	for i := 0; i < n; i++ {
		out[i] = math.NaN()
		b := baseRow[g.ids[i]]
		switch {
		case b < 0 || v.na[b] || v.f[b] == 0:
			note[i] = NoteNoBase
			rep.NoBase++
		case v.na[i]:
			note[i] = NoteMissing
			rep.Missing++
		case !finite(100 * v.f[i] / v.f[b]):
			note[i] = NoteNotFinite
			rep.NotFinite++
		default:
			out[i] = 100 * v.f[i] / v.f[b]
			rep.Computed++
		}
	}
	res, err := withColumns(fn, df, floatSeries(col+"_index", out), frame.Strings(col+"_index_note", note, nil))
	return res, rep, err
}
