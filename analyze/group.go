package analyze

import (
	"math"
	"sort"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// grouping assigns every row a dense group id, numbered in order of first
// appearance.
type grouping struct {
	ids   []int32 // group of each row
	n     int     // number of groups
	first []int   // first row of each group
}

// readKey reads a key column and groups its rows by it: readColumn and
// factorize in one, except that a String column is grouped as its values
// are read, without first copying them into a slice of strings (which for
// a large table cost more than the grouping, and its allocation a
// collection); the column keeps one value per group (see column.text).
func readKey(fn string, df dataframe.DataFrame, name string) (*column, grouping, error) {
	s, err := getSeries(fn, df, name)
	if err != nil {
		return nil, grouping{}, err
	}
	if s.Type() != series.String {
		c := columnOf(name, s)
		return c, factorize(c), nil
	}
	n := s.Len()
	tg := newTextGroups(n, true)
	na := make([]bool, n)
	for i := 0; i < n; i++ {
		if e := s.Elem(i); e.IsNA() {
			na[i] = true
			tg.missingAt(i)
		} else {
			tg.valueAt(i, e.String())
		}
	}
	return &column{name: name, typ: series.String, dict: tg.dict, ids: tg.g.ids, na: na}, tg.g, nil
}

// textGroups numbers the rows of a text column by value, in order of first
// appearance (a missing value is one more value).
type textGroups struct {
	g       grouping
	m       map[string]int32
	missing int32
	dict    []string // with keepValues: the value of each group ("" for the missing one)
	keep    bool
}

func newTextGroups(n int, keepValues bool) *textGroups {
	return &textGroups{g: grouping{ids: make([]int32, n)}, m: make(map[string]int32), missing: -1, keep: keepValues}
}

// missingAt puts row i, whose value is missing, in the missing group.
func (t *textGroups) missingAt(i int) {
	if t.missing < 0 {
		t.missing = t.newGroup(i, "")
	}
	t.g.ids[i] = t.missing
}

// valueAt puts row i, of value v, in v's group.
func (t *textGroups) valueAt(i int, v string) {
	id, ok := t.m[v]
	if !ok {
		id = t.newGroup(i, v)
		t.m[v] = id
	}
	t.g.ids[i] = id
}

func (t *textGroups) newGroup(first int, v string) int32 {
	id := int32(t.g.n)
	t.g.n++
	t.g.first = append(t.g.first, first)
	if t.keep {
		t.dict = append(t.dict, v)
	}
	return id
}

// factorize gives each distinct value of c (missing is one more value) a
// dense code in order of first appearance.
func factorize(c *column) grouping {
	nrow := len(c.na)
	if c.s != nil {
		tg := newTextGroups(nrow, false)
		for i, v := range c.s {
			if c.na[i] {
				tg.missingAt(i)
			} else {
				tg.valueAt(i, v)
			}
		}
		return tg.g
	}
	g := grouping{ids: make([]int32, nrow)}
	missing := int32(-1)
	// Int values beyond ±2^53 are told apart by their exact values, which
	// float64 does not keep.
	var iv []int64
	if c.isInt() {
		for i, v := range c.f {
			if !c.na[i] && math.Abs(v) >= 1<<53 {
				iv = c.ints()
				break
			}
		}
	}
	// Small integer ranges use a dense table; anything else hashes bits.
	lo, hi, integral := math.Inf(1), math.Inf(-1), iv == nil
	for i, v := range c.f {
		if c.na[i] {
			continue
		}
		if v != math.Trunc(v) {
			integral = false
			break
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if integral && hi >= lo && hi-lo < float64(2*nrow+1024) {
		table := make([]int32, int(hi-lo)+1)
		for i := range table {
			table[i] = -1
		}
		for i, v := range c.f {
			if c.na[i] {
				if missing < 0 {
					missing = int32(g.n)
					g.n++
					g.first = append(g.first, i)
				}
				g.ids[i] = missing
				continue
			}
			k := int(v - lo)
			id := table[k]
			if id < 0 {
				id = int32(g.n)
				table[k] = id
				g.n++
				g.first = append(g.first, i)
			}
			g.ids[i] = id
		}
		return g
	}
	m := make(map[uint64]int32)
	for i, v := range c.f {
		if c.na[i] {
			if missing < 0 {
				missing = int32(g.n)
				g.n++
				g.first = append(g.first, i)
			}
			g.ids[i] = missing
			continue
		}
		if v == 0 {
			v = 0 // fold -0 into 0
		}
		b := math.Float64bits(v)
		if iv != nil {
			b = uint64(iv[i])
		}
		id, ok := m[b]
		if !ok {
			id = int32(g.n)
			m[b] = id
			g.n++
			g.first = append(g.first, i)
		}
		g.ids[i] = id
	}
	return g
}

// combine refines g by the codes of h: rows share a group only when they
// share both. Keys stay apart because codes, not joined text, are combined.
func combine(g, h grouping) grouping {
	nrow := len(g.ids)
	out := grouping{ids: make([]int32, nrow)}
	span := uint64(g.n) * uint64(h.n)
	if span <= uint64(4*nrow+4096) {
		table := make([]int32, span)
		for i := range table {
			table[i] = -1
		}
		for i := 0; i < nrow; i++ {
			k := uint64(g.ids[i])*uint64(h.n) + uint64(h.ids[i])
			id := table[k]
			if id < 0 {
				id = int32(out.n)
				table[k] = id
				out.n++
				out.first = append(out.first, i)
			}
			out.ids[i] = id
		}
		return out
	}
	m := make(map[uint64]int32)
	for i := 0; i < nrow; i++ {
		k := uint64(g.ids[i])*uint64(h.n) + uint64(h.ids[i])
		id, ok := m[k]
		if !ok {
			id = int32(out.n)
			m[k] = id
			out.n++
			out.first = append(out.first, i)
		}
		out.ids[i] = id
	}
	return out
}

// groupRows builds the grouping of nrow rows by the key columns. With no
// keys every row is in one group (a table with no rows still gives one
// group, so a total over nothing is reported, not dropped).
func groupRows(keys []*column, nrow int) grouping {
	if len(keys) == 0 {
		return grouping{ids: make([]int32, nrow), n: 1, first: []int{-1}}
	}
	g := factorize(keys[0])
	for _, k := range keys[1:] {
		g = combine(g, factorize(k))
	}
	return g
}

// lessRows orders two rows by the key columns: ascending, numbers before
// text by value, missing last.
func lessRows(keys []*column, a, b int) bool {
	for _, k := range keys {
		na, nb := k.na[a], k.na[b]
		if na || nb {
			if na != nb {
				return nb
			}
			continue
		}
		if k.isText() {
			if x, y := k.text(a), k.text(b); x != y {
				return x < y
			}
			continue
		}
		if k.f[a] != k.f[b] {
			return k.f[a] < k.f[b]
		}
		if k.isInt() {
			if iv := k.ints(); iv[a] != iv[b] {
				return iv[a] < iv[b]
			}
		}
	}
	return false
}

// sortedOrder returns the groups of g ordered by their key values.
func sortedOrder(g grouping, keys []*column) []int {
	order := make([]int, g.n)
	for i := range order {
		order[i] = i
	}
	if len(keys) == 0 {
		return order
	}
	sort.SliceStable(order, func(x, y int) bool {
		return lessRows(keys, g.first[order[x]], g.first[order[y]])
	})
	return order
}
