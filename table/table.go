package table

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/errs"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// ErrFrame: the table carries a gota error (df.Err). It is the value the
// stages share (clean.ErrFrame, analyze.ErrFrame…).
var ErrFrame = errs.ErrFrame

// DefaultRows is how many rows Print, String and Markdown show when
// MaxRows is not given.
const DefaultRows = 20

// DefaultWidth is the longest a text cell is shown, in characters, when
// MaxWidth is not given; longer text ends in "…".
const DefaultWidth = 40

// Option changes how a table is shown.
type Option func(*config)

type config struct {
	rows     int
	all      bool
	width    int
	missing  string
	decimals int
	fixed    bool
	noIndex  bool
}

func newConfig(opts []Option) *config {
	c := &config{}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	if c.rows <= 0 {
		c.rows = DefaultRows
	}
	if c.width <= 0 {
		c.width = DefaultWidth
	}
	if c.missing == "" {
		c.missing = "NA"
	}
	return c
}

// MaxRows shows at most n rows (DefaultRows when n ≤ 0); a line after the
// table says how many more there are.
func MaxRows(n int) Option { return func(c *config) { c.rows = n } }

// AllRows shows every row.
func AllRows() Option { return func(c *config) { c.all = true } }

// MaxWidth shortens text cells longer than n characters (DefaultWidth
// when n ≤ 0).
func MaxWidth(n int) Option { return func(c *config) { c.width = n } }

// MissingText is what a missing value shows as ("NA" by default; "—" or
// "" are common in notes).
func MissingText(s string) Option { return func(c *config) { c.missing = s } }

// Decimals shows every Float column with n decimals (n ≥ 0). By default
// each column gets as many as its shown values need at 7 significant
// digits, at most 6 (2 for columns of values from 100,000 up).
func Decimals(n int) Option {
	return func(c *config) { c.decimals, c.fixed = n, n >= 0 }
}

// NoRowNumbers leaves out the first column, which gives each row's
// 1-based number in the table (the row number every cifra message uses).
func NoRowNumbers() Option { return func(c *config) { c.noIndex = true } }

// grid is a table laid out as text: header, cells, and which columns are
// numbers (aligned right).
type grid struct {
	header []string
	cells  [][]string // [row][col]
	right  []bool
	more   int // rows not shown
	total  int
}

// layout formats the rows of df that will be shown.
func layout(df dataframe.DataFrame, c *config) (*grid, error) {
	if df.Err != nil {
		return nil, fmt.Errorf("table: %w: %w", ErrFrame, df.Err)
	}
	views, err := frame.Views(df)
	if err != nil {
		return nil, fmt.Errorf("table: %w: %w", ErrFrame, err)
	}
	n := df.Nrow()
	shown := n
	if !c.all && shown > c.rows {
		shown = c.rows
	}
	g := &grid{total: n, more: n - shown}
	if !c.noIndex {
		g.header = append(g.header, "")
		g.right = append(g.right, true)
	}
	names := df.Names()
	cols := make([][]string, 0, len(views)+1)
	if !c.noIndex {
		idx := make([]string, shown)
		for i := range idx {
			idx[i] = group(fmt.Sprint(i + 1))
		}
		cols = append(cols, idx)
	}
	for j, s := range views {
		g.header = append(g.header, names[j])
		part := s
		if shown < n {
			part = s.Subset(seq(shown))
			if part.Err != nil {
				return nil, fmt.Errorf("table: column %q: %w: %w", names[j], ErrFrame, part.Err)
			}
		}
		col, right := formatColumn(part, c)
		cols = append(cols, col)
		g.right = append(g.right, right)
	}
	g.cells = make([][]string, shown)
	for i := range g.cells {
		row := make([]string, len(cols))
		for j := range cols {
			row[j] = cols[j][i]
		}
		g.cells[i] = row
	}
	return g, nil
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// formatColumn writes a column's values as shown, and whether it is
// numeric.
func formatColumn(s series.Series, c *config) ([]string, bool) {
	switch s.Type() {
	case series.Int, series.Float:
		v, na := frame.FloatsOf(s)
		dec := 0
		if s.Type() == series.Float {
			dec = columnDecimals(v, na, c)
		}
		years := s.Type() == series.Int && isYears(v, na)
		out := make([]string, len(v))
		for i, x := range v {
			switch {
			case na[i]:
				out[i] = c.missing
			case years:
				out[i] = strconv.Itoa(int(x))
			default:
				out[i] = formatNumber(x, dec)
			}
		}
		return out, true
	}
	v, na := frame.StringsOf(s)
	for i := range v {
		if na[i] {
			v[i] = c.missing
			continue
		}
		v[i] = shorten(oneLine(v[i]), c.width)
	}
	return v, false
}

// oneLine puts a multi-line cell on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// shorten cuts s to n characters, ending in "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// width is the number of characters of s.
func width(s string) int { return utf8.RuneCountInString(s) }

// Print writes df to w as an aligned text table: every column, numbers
// right-aligned with thousands commas ("1,234,567.89"; whole numbers from
// 1800 to 2199 in an Int column are years and have none), text left-aligned
// and shortened to MaxWidth, missing values as "NA", and the first
// DefaultRows rows followed by "… N more rows". Errors: a table carrying an
// error (ErrFrame), or w's error.
func Print(w io.Writer, df dataframe.DataFrame, opts ...Option) error {
	c := newConfig(opts)
	g, err := layout(df, c)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	widths := g.widths()
	line := func(cells []string) {
		var b strings.Builder
		for j, s := range cells {
			if j > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[j]-width(s))
			if g.right[j] {
				b.WriteString(pad + s)
			} else if j < len(cells)-1 {
				b.WriteString(s + pad)
			} else {
				b.WriteString(s)
			}
		}
		bw.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	}
	line(g.header)
	rule := make([]string, len(widths))
	for j, n := range widths {
		rule[j] = strings.Repeat("-", n)
	}
	line(rule)
	for _, r := range g.cells {
		line(r)
	}
	if g.more > 0 {
		fmt.Fprintf(bw, "… %s more %s (%s in all)\n", group(fmt.Sprint(g.more)), rowsWord(g.more), group(fmt.Sprint(g.total)))
	} else if g.total == 0 {
		bw.WriteString("(no rows)\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("table: %w", err)
	}
	return nil
}

// String is Print into a string; a table carrying an error gives the
// error's text.
func String(df dataframe.DataFrame, opts ...Option) string {
	var b strings.Builder
	if err := Print(&b, df, opts...); err != nil {
		return err.Error()
	}
	return b.String()
}

func (g *grid) widths() []int {
	w := make([]int, len(g.header))
	for j, h := range g.header {
		w[j] = width(h)
	}
	for _, r := range g.cells {
		for j, s := range r {
			if n := width(s); n > w[j] {
				w[j] = n
			}
		}
	}
	return w
}

func rowsWord(n int) string {
	if n == 1 {
		return "row"
	}
	return "rows"
}
