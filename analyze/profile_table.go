package analyze

import (
	"fmt"
	"math"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/totals"
	"github.com/go-gota/gota/dataframe"
)

// Table-level checks of Profile: rows that repeat an earlier row exactly,
// and totals rows found by their numbers.

// rowHasher folds every cell of a row into two independent 64-bit hashes,
// column by column, so duplicate rows are found without keeping the
// columns or building a string per row.
type rowHasher struct {
	a, b []uint64
}

func newRowHasher(n int) *rowHasher {
	h := &rowHasher{a: make([]uint64, n), b: make([]uint64, n)}
	for i := range h.a {
		h.a[i], h.b[i] = 14695981039346656037, 1099511628211
	}
	return h
}

const (
	mixA = 0x9E3779B97F4A7C15
	mixB = 0xC2B2AE3D27D4EB4F
)

func (h *rowHasher) add(c *column) {
	for i := range h.a {
		var x uint64
		switch {
		case c.na[i]:
			x = 0x5bd1e9955bd1e995 // missing differs from any value
		case c.s != nil:
			x = 0xcbf29ce484222325
			s := c.s[i]
			for j := 0; j < len(s); j++ {
				x ^= uint64(s[j])
				x *= 1099511628211
			}
			x ^= uint64(len(s))
		default:
			x = math.Float64bits(c.f[i] + 0) // -0 and +0 alike
		}
		h.a[i] = (h.a[i]^x)*mixA + 0x632BE59BD9B4E019
		h.b[i] = (h.b[i] + x*mixB) ^ (h.b[i] >> 29) + 0x85EBCA77C2B2AE63
	}
}

// duplicates returns the 0-based rows whose cells all equal an earlier
// row's (missing equals missing), with an open-addressing table (a Go map
// of 128-bit keys costs several times more on a million rows).
func (h *rowHasher) duplicates() []int {
	size := 1
	for size < 2*len(h.a) {
		size <<= 1
	}
	mask := uint64(size - 1)
	slot := make([]int32, size) // row+1, 0 = empty
	var out []int
	for i := range h.a {
		x := h.a[i] // splitmix64's finaliser spreads every bit to the slot
		x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
		x = (x ^ x>>27) * 0x94D049BB133111EB
		for j := (x ^ x>>31) & mask; ; j = (j + 1) & mask {
			r := slot[j]
			if r == 0 {
				slot[j] = int32(i + 1)
				break
			}
			if h.a[r-1] == h.a[i] && h.b[r-1] == h.b[i] {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// maxListed bounds the rows a report lists.
const maxListed = 100

// profileTotals finds totals rows with the detector clean.DropTotals uses
// and warns on the value columns compared and on the text columns whose
// cell names the total ("Total", "Nacional").
func profileTotals(rep *ProfileReport, df dataframe.DataFrame) {
	gs, _, labels, err := totals.FindFrame(df, nil)
	if err != nil || len(gs) == 0 {
		return
	}
	var rows []int
	valueCols := map[string]bool{}
	for _, g := range gs {
		rows = append(rows, g.Row+1)
		for _, c := range g.Columns {
			valueCols[c] = true
		}
	}
	rep.TotalsRows = rows
	g := gs[0] // the example: the highest level, first row
	for _, x := range gs {
		if x.Level > g.Level {
			g = x
		}
	}
	label := totals.Label(labels, g.Row)
	if label != "" {
		label = fmt.Sprintf(" (%q)", label)
	}
	msg := fmt.Sprintf("row %d%s %s: a sum of the column counts it twice; clean.DropTotals removes it", g.Row+1, label, g.Reason())
	if len(gs) > 1 {
		msg = fmt.Sprintf("%d totals rows (%s%s), e.g. row %d%s %s: a sum of the column counts them twice; clean.DropTotals removes them",
			len(gs), intList(shortList(rows, 10)), more(len(rows), 10), g.Row+1, label, g.Reason())
	}
	for i := range rep.Columns {
		c := &rep.Columns[i]
		if valueCols[c.Name] {
			c.warn(WarnTotalsRow, msg)
		}
	}
	// Words as evidence: the text columns where the totals rows say so.
	for i := range rep.Columns {
		c := &rep.Columns[i]
		if c.Type != "string" {
			continue
		}
		s, err := frame.View(df, c.Name)
		if err != nil {
			continue
		}
		var seen []string
		for _, g := range gs {
			if w := totals.Word(s.Elem(g.Row).String()); w != "" && !contains(seen, w) {
				seen = append(seen, w)
			}
		}
		if len(seen) > 0 {
			c.warn(WarnTotalsRow, fmt.Sprintf("%s labels %s that %s the sum of the rows %s or %s (%s %s%s); drop %s (clean.DropTotals) before summing",
				quoteList(seen), plural(len(gs), "a totals row", "totals rows"), plural(len(gs), "equals", "equal"), plural(len(gs), "it heads", "they head"),
				plural(len(gs), "closes", "close"), plural(len(gs), "row", "rows"), intList(shortList(rows, 10)), more(len(rows), 10), plural(len(gs), "it", "them")))
		}
	}
}

func shortList(v []int, n int) []int {
	if len(v) > n {
		return v[:n]
	}
	return v
}

func contains(v []string, s string) bool {
	for _, x := range v {
		if x == s {
			return true
		}
	}
	return false
}

// tableString prints the table-level findings of a profile.
func (r ProfileReport) tableString(b *strings.Builder) {
	if r.DuplicateRows > 0 {
		fmt.Fprintf(b, "! %s: %d rows repeat an earlier row exactly (rows %s%s); clean.Dedupe removes them and says which\n",
			WarnDuplicateRows, r.DuplicateRows, intList(shortList(r.Duplicates, 10)), more(r.DuplicateRows, 10))
	}
	if len(r.TotalsRows) > 0 {
		n := len(r.TotalsRows)
		fmt.Fprintf(b, "! totals-row: %s %s%s %s the sum of the rows %s or %s; clean.DropTotals removes %s\n",
			plural(n, "row", "rows"), intList(shortList(r.TotalsRows, 10)), more(n, 10), plural(n, "equals", "equal"),
			plural(n, "it heads", "they head"), plural(n, "closes", "close"), plural(n, "it", "them"))
	}
}

func more(n, shown int) string {
	if n > shown {
		return fmt.Sprintf(", … %d more", n-shown)
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
