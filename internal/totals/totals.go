package totals

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
)

// RelTol is the relative tolerance for non-integer columns.
const RelTol = 1e-9

// maxPasses bounds the levels searched.
const maxPasses = 8

// Column is one value column: Values[i] is row i, NA[i] marks a missing
// value (NA may be nil).
type Column struct {
	Name   string
	Values []float64
	NA     []bool
}

// Group is a totals row and the block it sums.
type Group struct {
	// Row is the 0-based row of the totals row.
	Row int
	// First and Last are the 0-based rows (inclusive) of the block it
	// sums, lower totals included.
	First, Last int
	// Heads is true when the row comes before its block (INEGI's layout),
	// false when it closes it.
	Heads bool
	// Level is 1 for the lowest subtotals, 2 for a total of subtotals…
	Level int
	// Parts is the number of items summed (rows or lower totals).
	Parts int
	// Word is the totals word found in the row's text, "" when none.
	Word string
	// Columns are the value columns compared.
	Columns []string
	// Anywhere is true for a total that sits among the rows it sums
	// rather than before or after them (a "Nacional" row sorted between
	// Morelos and Nayarit): it equals the sum of every other item of the
	// block First–Last.
	Anywhere bool
}

// item is a row or a collapsed group seen by one pass.
type item struct {
	row        int // the row whose values stand for the item
	first, end int // the rows it covers: [first, end)
}

// Find returns the totals rows of a table, ordered by Row. cols are the
// value columns (same length); labels are text columns whose cells may
// carry a totals word (may be nil).
func Find(cols []Column, labels [][]string) []Group {
	if len(cols) == 0 {
		return nil
	}
	n := len(cols[0].Values)
	for _, c := range cols {
		if len(c.Values) != n || (c.NA != nil && len(c.NA) != n) {
			return nil
		}
	}
	items := make([]item, n)
	for i := range items {
		items[i] = item{row: i, first: i, end: i + 1}
	}
	var out []Group
	for level := 1; level <= maxPasses && len(items) >= 3; level++ {
		groups, next := pass(cols, labels, items, level)
		if len(groups) == 0 {
			break
		}
		out = append(out, groups...)
		items = next
	}
	// A row found at two levels (a Total row closing Hombres and Mujeres
	// that also sums the states' Total rows) is listed once, at its
	// higher level.
	sort.SliceStable(out, func(a, b int) bool { return out[a].Row < out[b].Row })
	uniq := out[:0]
	for _, g := range out {
		if len(uniq) > 0 && uniq[len(uniq)-1].Row == g.Row {
			uniq[len(uniq)-1] = g
			continue
		}
		uniq = append(uniq, g)
	}
	return uniq
}

// maxFallbackColumns and maxFallbackRows bound FindAuto's column by
// column search: totals tables (exports by state and municipality) are
// small, and a million-row table is not searched nine times.
const (
	maxFallbackColumns = 8
	maxFallbackRows    = 100000
)

// FindAuto is Find for value columns chosen automatically, some of which
// may not add up (a ratio or an average the names did not reveal): when
// all of them together find nothing, each is tried alone (up to 8), and
// the columns that find the same totals rows as the best of them are
// compared together. Tables of more than 100,000 rows or 8 columns get
// Find alone.
func FindAuto(cols []Column, labels [][]string) []Group {
	gs := Find(cols, labels)
	if len(gs) > 0 || len(cols) < 2 || len(cols) > maxFallbackColumns || len(cols[0].Values) > maxFallbackRows {
		return gs
	}
	rows := make([]string, len(cols))
	best := -1
	bestN := 0
	for i, c := range cols {
		g := Find([]Column{c}, labels)
		rows[i] = fmt.Sprint(rowList(g))
		if len(g) > bestN {
			best, bestN = i, len(g)
		}
	}
	if best < 0 {
		return nil
	}
	var agree []Column
	for i, c := range cols {
		if rows[i] == rows[best] {
			agree = append(agree, c)
		}
	}
	return Find(agree, labels)
}

func rowList(gs []Group) []int {
	r := make([]int, len(gs))
	for i, g := range gs {
		r[i] = g.Row
	}
	return r
}

// candidate is a group a pass proposes: items [lo, hi) summed by item t.
type candidate struct {
	t, lo, hi int
	cols      []string
}

// pass finds the groups of one level among items and returns them with
// the items of the next pass (each group collapsed into one).
func pass(cols []Column, labels [][]string, items []item, level int) ([]Group, []item) {
	p := newPrefix(cols, items)
	heads := p.scan(true)
	closes := p.scan(false)
	cands, isHead := heads, true
	if cover(closes) > cover(heads) {
		cands, isHead = closes, false
	}
	if len(cands) == 0 {
		return p.inside(labels, level)
	}
	tiled := cover(cands)*2 >= len(items)
	adjacent := make([]bool, len(cands))
	for i := 1; i < len(cands); i++ {
		if span(cands[i-1]).hi == span(cands[i]).lo || span(cands[i]).hi == span(cands[i-1]).lo {
			adjacent[i], adjacent[i-1] = true, true
		}
	}
	var groups []Group
	var kept []candidate
	for i, c := range cands {
		word := wordOf(labels, items[c.t].row)
		s := span(c)
		whole := s.lo == 0 && s.hi == len(items)
		if !(whole || word != "" || (tiled && adjacent[i])) {
			continue
		}
		kept = append(kept, c)
		g := Group{
			Row: items[c.t].row, First: items[c.lo].first, Last: items[c.hi-1].end - 1,
			Heads: isHead, Level: level, Parts: c.hi - c.lo, Word: word, Columns: c.cols,
		}
		groups = append(groups, g)
		groups = append(groups, alignedTotals(cols, labels, g, items[c.t], items[c.lo:c.hi])...)
	}
	if len(kept) == 0 {
		return p.inside(labels, level)
	}
	// Collapse: each kept group becomes one item standing for its total.
	sort.Slice(kept, func(a, b int) bool { return span(kept[a]).lo < span(kept[b]).lo })
	var next []item
	k := 0
	for i := 0; i < len(items); {
		if k < len(kept) && span(kept[k]).lo == i {
			s := span(kept[k])
			next = append(next, item{row: items[kept[k].t].row, first: items[s.lo].first, end: items[s.hi-1].end})
			i = s.hi
			k++
			continue
		}
		next = append(next, items[i])
		i++
	}
	return groups, next
}

type itemSpan struct{ lo, hi int }

// span is the items a candidate covers, its total included.
func span(c candidate) itemSpan {
	if c.t < c.lo {
		return itemSpan{c.t, c.hi}
	}
	return itemSpan{c.lo, c.t + 1}
}

func cover(cs []candidate) int {
	n := 0
	for _, c := range cs {
		n += c.hi - c.lo + 1
	}
	return n
}

// prefix holds running sums over the items of a pass, per column.
type prefix struct {
	cols  []Column
	items []item
	n     int
	sum   [][]float64 // sum[c][k]: items [0, k), missing as 0
	na    [][]int32   // na[c][k]: missing values among items [0, k)
	nz    [][]int32   // nz[c][k]: nonzero values among items [0, k)
	exact []bool      // column of integers below 2^53: sums are exact
	slack []float64   // absolute rounding allowance of the running sums
	mono  []bool      // no negative value: sum is non-decreasing
	order [][]int     // for non-monotone columns: k sorted by sum[c][k]
}

func newPrefix(cols []Column, items []item) *prefix {
	n := len(items)
	p := &prefix{cols: cols, items: items, n: n}
	for _, c := range cols {
		s := make([]float64, n+1)
		na := make([]int32, n+1)
		nz := make([]int32, n+1)
		exact, mono := true, true
		maxAbs := 0.0
		for k, it := range items {
			v, miss := value(c, it.row)
			s[k+1], na[k+1], nz[k+1] = s[k], na[k], nz[k]
			if miss {
				na[k+1]++
				continue
			}
			if v != 0 {
				nz[k+1]++
			}
			if v < 0 {
				mono = false
			}
			if v != math.Trunc(v) || math.Abs(v) > 1<<52 {
				exact = false
			}
			s[k+1] += v
			maxAbs = math.Max(maxAbs, math.Abs(s[k+1]))
		}
		if math.Abs(s[n]) > 1<<52 {
			exact = false
		}
		p.sum = append(p.sum, s)
		p.na = append(p.na, na)
		p.nz = append(p.nz, nz)
		p.exact = append(p.exact, exact)
		p.slack = append(p.slack, 8*maxAbs*0x1p-52)
		p.mono = append(p.mono, mono)
		p.order = append(p.order, nil)
	}
	return p
}

func value(c Column, row int) (float64, bool) {
	v := c.Values[row]
	if (c.NA != nil && c.NA[row]) || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, true
	}
	return v, false
}

// equal compares a total and a block sum on column c.
func (p *prefix) equal(c int, total, sum float64) bool {
	if p.exact[c] {
		return total == sum
	}
	return math.Abs(total-sum) <= RelTol*math.Abs(total)+p.slack[c]
}

// scan proposes non-overlapping candidates greedily: heading rows left to
// right, or closing rows right to left.
func (p *prefix) scan(heads bool) []candidate {
	var out []candidate
	if heads {
		for t := 0; t+2 < p.n; {
			if c, ok := p.match(t, true); ok {
				out = append(out, c)
				t = c.hi
				continue
			}
			t++
		}
		return out
	}
	for t := p.n - 1; t >= 2; {
		if c, ok := p.match(t, false); ok {
			out = append(out, c)
			t = c.lo - 1
			continue
		}
		t--
	}
	sort.Slice(out, func(a, b int) bool { return out[a].lo < out[b].lo })
	return out
}

// maxProbe bounds the positions tried for one lookup.
const maxProbe = 64

// match looks for the block item t heads (or closes).
func (p *prefix) match(t int, heads bool) (candidate, bool) {
	// The lookup column: the first where t has a nonzero value.
	c0 := -1
	for c := range p.cols {
		if v, miss := value(p.cols[c], p.items[t].row); !miss && v != 0 {
			c0 = c
			break
		}
	}
	if c0 < 0 {
		return candidate{}, false
	}
	v, _ := value(p.cols[c0], p.items[t].row)
	s := p.sum[c0]
	try := func(lo, hi int) (candidate, bool) {
		if hi-lo < 2 || p.na[c0][hi]-p.na[c0][lo] > 0 || p.nz[c0][hi]-p.nz[c0][lo] < 2 {
			return candidate{}, false
		}
		if !p.equal(c0, v, s[hi]-s[lo]) {
			return candidate{}, false
		}
		return p.verify(t, lo, hi)
	}
	if heads {
		// Block [t+1, k): s[k] = s[t+1] + v, k >= t+3.
		target := s[t+1] + v
		for _, k := range p.positions(c0, target, t+3, p.n, true) {
			if c, ok := try(t+1, k); ok {
				return c, true
			}
		}
		return candidate{}, false
	}
	// Block [i, t): s[i] = s[t] - v, i <= t-2.
	target := s[t] - v
	for _, i := range p.positions(c0, target, 0, t-2, false) {
		if c, ok := try(i, t); ok {
			return c, true
		}
	}
	return candidate{}, false
}

// positions returns up to maxProbe prefix positions k in [from, to] whose
// running sum on column c is close to target: nearest the total first
// (smallest k when ascending, largest otherwise).
func (p *prefix) positions(c int, target float64, from, to int, ascending bool) []int {
	if from > to || from < 0 || to > p.n {
		return nil
	}
	s := p.sum[c]
	tol := p.slack[c]
	if !p.exact[c] {
		tol += RelTol * math.Abs(target)
	}
	lo, hi := target-tol, target+tol
	var out []int
	if p.mono[c] {
		if ascending {
			k := from + sort.Search(to-from+1, func(j int) bool { return s[from+j] >= lo })
			for ; k <= to && s[k] <= hi && len(out) < maxProbe; k++ {
				out = append(out, k)
			}
			return out
		}
		k := from + sort.Search(to-from+1, func(j int) bool { return s[from+j] > hi }) - 1
		for ; k >= from && s[k] >= lo && len(out) < maxProbe; k-- {
			out = append(out, k)
		}
		return out
	}
	if p.order[c] == nil {
		ord := make([]int, p.n+1)
		for i := range ord {
			ord[i] = i
		}
		sort.SliceStable(ord, func(a, b int) bool { return s[ord[a]] < s[ord[b]] })
		p.order[c] = ord
	}
	ord := p.order[c]
	j := sort.Search(len(ord), func(j int) bool { return s[ord[j]] >= lo })
	for ; j < len(ord) && s[ord[j]] <= hi && len(out) < 4*maxProbe; j++ {
		if k := ord[j]; k >= from && k <= to {
			out = append(out, k)
		}
	}
	sort.Ints(out)
	if !ascending {
		for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
			out[a], out[b] = out[b], out[a]
		}
	}
	if len(out) > maxProbe {
		out = out[:maxProbe]
	}
	return out
}

// maxInsideItems and maxInsideSpan bound the search for totals that sit
// among their parts: tables of more items are not searched, and a block
// is at most this many items long.
const (
	maxInsideItems = 50000
	maxInsideSpan  = 256
)

// inside looks for totals that sit among the items they sum, block after
// block: CONAPO sorts each year's states by name, so the year's "Nacional"
// row falls between Morelos and Nayarit. A block starts where the previous
// one ended; its total is the largest item so far (on a column with no
// negative value) and the block ends where the running sum reaches twice
// it. Blocks count when two or more sit side by side and cover at least
// half of the items (or a block's total carries a totals word). When no
// block is found, one total for the whole table is tried (anywhere).
func (p *prefix) inside(labels [][]string, level int) ([]Group, []item) {
	n := p.n
	c0 := -1
	for c := range p.cols {
		if p.mono[c] && p.na[c][n] == 0 {
			c0 = c
			break
		}
	}
	if c0 < 0 || n < 6 || n > maxInsideItems {
		return p.anywhere(labels, level)
	}
	type block struct{ t, lo, hi int }
	var blocks []block
	s := p.sum[c0]
	vals := make([]float64, n)
	for i := range vals {
		vals[i], _ = value(p.cols[c0], p.items[i].row)
	}
	for lo := 0; lo+3 <= n; {
		found := false
		best := math.Inf(-1)
		for t := lo; t < n && t < lo+maxInsideSpan; t++ {
			v := vals[t]
			if v <= best || v == 0 {
				continue // a total exceeds each of its parts
			}
			best = v
			// The block [lo, hi) sums to 2v: hi is found by binary search.
			target := s[lo] + 2*v
			hi := lo + sort.Search(n-lo+1, func(j int) bool { return s[lo+j] >= target-p.slack[c0] })
			if hi > n || hi <= t || hi-lo < 3 || !p.equal(c0, 2*v, s[hi]-s[lo]) {
				continue
			}
			if p.nz[c0][hi]-p.nz[c0][lo]-1 < 2 || !p.insideAll(t, lo, hi) {
				continue
			}
			blocks = append(blocks, block{t, lo, hi})
			lo, found = hi, true
			break
		}
		if !found {
			lo++
		}
	}
	covered := 0
	for _, b := range blocks {
		covered += b.hi - b.lo
	}
	var groups []Group
	var kept []block
	for i, b := range blocks {
		adjacent := i > 0 && blocks[i-1].hi == b.lo || i+1 < len(blocks) && blocks[i+1].lo == b.hi
		word := wordOf(labels, p.items[b.t].row)
		if !(adjacent && covered*2 >= n || word != "") {
			continue
		}
		kept = append(kept, b)
		g := Group{Row: p.items[b.t].row, First: p.items[b.lo].first, Last: p.items[b.hi-1].end - 1,
			Level: level, Parts: b.hi - b.lo - 1, Word: word, Columns: p.insideCols(b.t, b.lo, b.hi), Anywhere: true}
		others := make([]item, 0, b.hi-b.lo-1)
		others = append(others, p.items[b.lo:b.t]...)
		others = append(others, p.items[b.t+1:b.hi]...)
		groups = append(groups, g)
		groups = append(groups, alignedTotals(p.cols, labels, g, p.items[b.t], others)...)
	}
	if len(kept) == 0 {
		return p.anywhere(labels, level)
	}
	var next []item
	k := 0
	for i := 0; i < n; {
		if k < len(kept) && kept[k].lo == i {
			b := kept[k]
			next = append(next, item{row: p.items[b.t].row, first: p.items[b.lo].first, end: p.items[b.hi-1].end})
			i = b.hi
			k++
			continue
		}
		next = append(next, p.items[i])
		i++
	}
	return groups, next
}

// insideAll checks that item t equals the sum of the other items of
// [lo, hi) on every column where all of them have a value.
func (p *prefix) insideAll(t, lo, hi int) bool {
	return len(p.insideCols(t, lo, hi)) > 0
}

// insideCols returns the columns on which item t equals the sum of the
// other items of [lo, hi), or nil when a compared column disagrees.
func (p *prefix) insideCols(t, lo, hi int) []string {
	var cols []string
	for k, col := range p.cols {
		v, miss := value(col, p.items[t].row)
		if miss || p.na[k][hi]-p.na[k][lo] > 0 {
			continue
		}
		if !p.equal(k, v, p.sum[k][hi]-p.sum[k][lo]-v) {
			return nil
		}
		cols = append(cols, col.Name)
	}
	return cols
}

// anywhere looks for one item equal to the sum of all the others, wherever
// it sits: a grand total sorted among its parts. It needs at least three
// other items, two of them nonzero, and more evidence than one column of
// few rows: two columns compared, five or more other items, or a totals
// word. It ends the search (no level above a grand total).
func (p *prefix) anywhere(labels [][]string, level int) ([]Group, []item) {
	n := p.n
	if n < 4 {
		return nil, nil
	}
	for t := 0; t < n; t++ {
		c0 := -1
		for c := range p.cols {
			if v, miss := value(p.cols[c], p.items[t].row); !miss && v != 0 {
				c0 = c
				break
			}
		}
		if c0 < 0 || p.na[c0][n] > 0 || p.nz[c0][n]-1 < 2 {
			continue
		}
		v, _ := value(p.cols[c0], p.items[t].row)
		if !p.equal(c0, v, p.sum[c0][n]-v) {
			continue
		}
		var cols []string
		ok := true
		for k, col := range p.cols {
			vk, miss := value(col, p.items[t].row)
			if miss || p.na[k][n] > 0 {
				continue
			}
			if !p.equal(k, vk, p.sum[k][n]-vk) {
				ok = false
				break
			}
			cols = append(cols, col.Name)
		}
		word := wordOf(labels, p.items[t].row)
		if !ok || !(len(cols) >= 2 || n-1 >= 5 || word != "") {
			continue
		}
		g := Group{Row: p.items[t].row, First: p.items[0].first, Last: p.items[n-1].end - 1,
			Level: level, Parts: n - 1, Word: word, Columns: cols, Anywhere: true}
		others := make([]item, 0, n-1)
		others = append(others, p.items[:t]...)
		others = append(others, p.items[t+1:]...)
		return append([]Group{g}, alignedTotals(p.cols, labels, g, p.items[t], others)...), nil
	}
	return nil, nil
}

// alignedTotals finds the other totals inside a total that stands for a
// block: when the total and every part are blocks of the same size (a
// Hombres, Mujeres, Total block per state under a national block of the
// same shape), the row at each position of the total's block is checked
// against the sum of the rows at that position in the parts. The rows
// that match are totals too (the national Hombres row is the sum of the
// states' Hombres rows).
func alignedTotals(cols []Column, labels [][]string, g Group, total item, parts []item) []Group {
	size := total.end - total.first
	if size < 2 {
		return nil
	}
	for _, it := range parts {
		if it.end-it.first != size {
			return nil
		}
	}
	var out []Group
	for j := 0; j < size; j++ {
		row := total.first + j
		if row == total.row {
			continue
		}
		var matched []string
		ok := true
		for _, c := range cols {
			v, miss := value(c, row)
			if miss {
				continue
			}
			sum, exact, nz := 0.0, v == math.Trunc(v), 0
			for _, it := range parts {
				x, m := value(c, it.first+j)
				if m {
					ok = false
					break
				}
				if x != 0 {
					nz++
				}
				exact = exact && x == math.Trunc(x)
				sum += x
			}
			if !ok {
				break
			}
			eq := v == sum
			if !exact {
				eq = math.Abs(v-sum) <= RelTol*math.Abs(v)+1e-9*math.Abs(sum)
			}
			if !eq || nz < 2 && v != 0 {
				ok = false
				break
			}
			matched = append(matched, c.Name)
		}
		if !ok || len(matched) == 0 {
			continue
		}
		a := g
		a.Row, a.Columns, a.Word = row, matched, wordOf(labels, row)
		out = append(out, a)
	}
	return out
}

// verify checks every other column for the block [lo, hi) of total t.
func (p *prefix) verify(t, lo, hi int) (candidate, bool) {
	c := candidate{t: t, lo: lo, hi: hi}
	for k, col := range p.cols {
		v, miss := value(col, p.items[t].row)
		if miss || p.na[k][hi]-p.na[k][lo] > 0 {
			continue
		}
		if !p.equal(k, v, p.sum[k][hi]-p.sum[k][lo]) {
			return candidate{}, false
		}
		c.cols = append(c.cols, col.Name)
	}
	return c, len(c.cols) > 0
}

// words are folded labels that name a totals row.
var words = map[string]bool{
	"total": true, "totales": true, "total general": true, "gran total": true,
	"total nacional": true, "nacional": true, "republica mexicana": true,
	"estados unidos mexicanos": true, "suma": true, "subtotal": true,
	"national": true, "grand total": true, "todos": true, "todas": true,
	"total estatal": true, "total municipal": true, "sumas": true,
}

// Word returns the totals word s is ("Total", "Nacional", "Estados Unidos
// Mexicanos", "Subtotal", "Suma"… and labels starting "Total " or
// "Subtotal "), trimmed, or "" when it is none. A word is evidence, never
// proof: "Suma" is also a municipality of Yucatán.
func Word(s string) string {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 80 {
		return ""
	}
	k := fold.Key(t)
	if words[k] || strings.HasPrefix(k, "total ") || strings.HasPrefix(k, "subtotal ") {
		return t
	}
	return ""
}

func wordOf(labels [][]string, row int) string {
	for _, l := range labels {
		if row < len(l) {
			if w := Word(l[row]); w != "" {
				return w
			}
		}
	}
	return ""
}
