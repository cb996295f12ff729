package analyze

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Partial accumulates grouped aggregates chunk by chunk (for example over
// the chunks of fetch.EachChunk), so a file larger than memory is summarised
// with memory that grows with the number of groups, not rows. Partials built
// on different chunks can be merged. Result gives the same table as
// GroupBy(all rows, keys...).Agg(aggs...), in order of first appearance:
// Count, Missing, Sum, Mean, Min, Max, Std, WeightedSum and WeightedMean are
// exact (up to floating-point summation order); CountDistinct is exact and
// keeps the distinct values of each group; Median, Quantile and
// WeightedQuantile are exact while a group has at most 128 values and then
// use a t-digest sketch of bounded size (rank error typically well under
// 0.5%).
//
// Add has the signature of a chunk callback, so it can be passed directly:
// fetch.EachChunk(r, 100_000, p.Add).
type Partial struct {
	keys     []string
	aggs     []Agg
	keyTypes []series.Type
	index    map[string]int32
	keyStr   [][]string  // per key column, per group
	keyNum   [][]float64 // per key column, per group
	keyInt   [][]int64   // exact values of Int keys, per group
	keyNA    [][]bool
	states   []*aggState
	n        int // groups
	rows     int
}

// aggState holds one aggregate's running values for every group.
type aggState struct {
	a        Agg
	isInt    bool // every chunk so far had an Int column
	seenType bool
	overflow bool
	cnt      []int64
	fsum     []float64
	isum     []int64
	mean, m2 []float64 // Welford running mean and squared deviations (Std)
	w        []float64 // Σweight (weighted aggregates)
	ext      []float64 // min or max
	iext     []int64   // exact min or max while the column is Int
	dig      []*digest
	sets     []map[string]struct{}
}

// NewPartial starts an empty accumulation of aggs grouped by keys. With no
// aggregates it computes Count(). The arguments are checked as in
// (*Grouped).Agg.
func NewPartial(keys []string, aggs ...Agg) (*Partial, error) {
	if len(aggs) == 0 {
		aggs = []Agg{Count()}
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			return nil, fmt.Errorf("analyze: NewPartial: key %q given twice: %w", k, ErrArgument)
		}
		seen[k] = true
	}
	p := &Partial{keys: append([]string(nil), keys...), aggs: append([]Agg(nil), aggs...), index: map[string]int32{}}
	for _, a := range aggs {
		if err := a.validate(); err != nil {
			return nil, err
		}
		if seen[a.Name()] {
			return nil, fmt.Errorf("analyze: NewPartial: output column %q appears twice (rename one with As): %w", a.Name(), ErrArgument)
		}
		seen[a.Name()] = true
		p.states = append(p.states, &aggState{a: a, isInt: true})
	}
	p.keyStr = make([][]string, len(keys))
	p.keyNum = make([][]float64, len(keys))
	p.keyInt = make([][]int64, len(keys))
	p.keyNA = make([][]bool, len(keys))
	return p, nil
}

// ready sets up a Partial that was not made by NewPartial: a zero Partial
// counts rows with no keys, as NewPartial(nil) does.
func (p *Partial) ready(fn string) error {
	if p == nil {
		return fmt.Errorf("analyze: %s on a nil *Partial: %w", fn, ErrArgument)
	}
	if p.index != nil {
		return nil
	}
	if len(p.aggs) == 0 {
		p.aggs = []Agg{Count()}
	}
	seen := map[string]bool{}
	for _, k := range p.keys {
		seen[k] = true
	}
	for _, a := range p.aggs {
		if err := a.validate(); err != nil {
			return err
		}
		if seen[a.Name()] {
			return fmt.Errorf("analyze: %s: output column %q appears twice: %w", fn, a.Name(), ErrArgument)
		}
		seen[a.Name()] = true
		p.states = append(p.states, &aggState{a: a, isInt: true})
	}
	p.index = map[string]int32{}
	p.keyStr = make([][]string, len(p.keys))
	p.keyNum = make([][]float64, len(p.keys))
	p.keyInt = make([][]int64, len(p.keys))
	p.keyNA = make([][]bool, len(p.keys))
	return nil
}

// Rows is the number of rows added so far.
func (p *Partial) Rows() int { return p.rows }

// Add folds one chunk into the accumulation. Every chunk must have the key
// and value columns; a key column that is text in one chunk and numbers in
// another is an error.
func (p *Partial) Add(df dataframe.DataFrame) error {
	const fn = "Partial.Add"
	if err := p.ready(fn); err != nil {
		return err
	}
	if err := checkFrame(fn, df); err != nil {
		return err
	}
	keys := make([]*column, len(p.keys))
	codes := make([]grouping, len(p.keys))
	for i, k := range p.keys {
		c, g, err := readKey(fn, df, k)
		if err != nil {
			return err
		}
		if err := p.checkKeyType(i, c.typ); err != nil {
			return err
		}
		keys[i], codes[i] = c, g
	}
	nrow := df.Nrow()
	local := groupCodes(codes, nrow)
	// Map local groups to global ones.
	glob := make([]int32, local.n)
	var sb strings.Builder
	for g := 0; g < local.n; g++ {
		r := local.first[g]
		sb.Reset()
		for _, k := range keys {
			writeKey(&sb, k, r)
		}
		key := sb.String()
		id, ok := p.index[key]
		if !ok {
			id = int32(p.n)
			p.index[key] = id
			p.n++
			for i, k := range keys {
				p.keyNA[i] = append(p.keyNA[i], r < 0 || k.na[r])
				s, f := "", math.NaN()
				if r >= 0 && !k.na[r] {
					if k.isText() {
						s = k.text(r)
					} else {
						f = k.f[r]
					}
				}
				var x int64
				if r >= 0 && !k.na[r] && k.isInt() {
					x = k.ints()[r]
				} else if !math.IsNaN(f) {
					x = int64(f)
				}
				p.keyStr[i] = append(p.keyStr[i], s)
				p.keyNum[i] = append(p.keyNum[i], f)
				p.keyInt[i] = append(p.keyInt[i], x)
			}
		}
		glob[g] = id
	}
	ids := make([]int32, nrow)
	for i, g := range local.ids {
		ids[i] = glob[g]
	}
	cache := map[string]*column{}
	get := func(name string, numeric bool) (*column, error) {
		k := name
		if numeric {
			k = "\x00" + name
		}
		if c, ok := cache[k]; ok {
			return c, nil
		}
		var c *column
		var err error
		if numeric {
			c, err = readNumeric(fn, df, name)
		} else {
			c, err = readColumn(fn, df, name)
		}
		if err != nil {
			return nil, err
		}
		cache[k] = c
		return c, nil
	}
	for _, st := range p.states {
		if err := st.update(ids, p.n, get); err != nil {
			return err
		}
	}
	p.rows += nrow
	return nil
}

func (p *Partial) checkKeyType(i int, t series.Type) error {
	if len(p.keyTypes) < len(p.keys) {
		p.keyTypes = append(p.keyTypes, t)
		return nil
	}
	old := p.keyTypes[i]
	if (old == series.String) != (t == series.String) {
		return fmt.Errorf("analyze: Partial: key column %q is %s in one chunk and %s in another: %w", p.keys[i], old, t, ErrArgument)
	}
	if old == series.Int && t == series.Float {
		p.keyTypes[i] = series.Float
	}
	return nil
}

// writeKey encodes the key value of row r so that different values (and
// types) never collide.
func writeKey(sb *strings.Builder, k *column, r int) {
	switch {
	case r < 0:
	case k.na[r]:
		sb.WriteString("N\x00")
	case k.isText():
		v := k.text(r)
		fmt.Fprintf(sb, "s%d:%s", len(v), v)
	case k.isInt() && math.Abs(k.f[r]) >= 1<<53:
		// float64 cannot tell these integers apart: key by the exact value
		sb.WriteString("n" + strconv.FormatInt(k.ints()[r], 10) + "\x00")
	default:
		sb.WriteString("n" + formatNum(k.f[r]) + "\x00")
	}
}

// Merge adds the groups and values of o (built with the same keys and
// aggregates) to p. o is not changed.
func (p *Partial) Merge(o *Partial) error {
	if err := p.ready("Partial.Merge"); err != nil {
		return err
	}
	if o == nil {
		return nil
	}
	if err := o.ready("Partial.Merge"); err != nil {
		return err
	}
	if len(o.keys) != len(p.keys) || len(o.aggs) != len(p.aggs) {
		return fmt.Errorf("analyze: Partial.Merge: different keys or aggregates: %w", ErrArgument)
	}
	for i := range p.keys {
		if p.keys[i] != o.keys[i] {
			return fmt.Errorf("analyze: Partial.Merge: key %q vs %q: %w", p.keys[i], o.keys[i], ErrArgument)
		}
	}
	for i := range p.aggs {
		if p.aggs[i] != o.aggs[i] {
			return fmt.Errorf("analyze: Partial.Merge: aggregate %s vs %s: %w", p.aggs[i], o.aggs[i], ErrArgument)
		}
	}
	for i, t := range o.keyTypes {
		if err := p.checkKeyType(i, t); err != nil {
			return err
		}
	}
	// Global ids of o's groups in p, in o's order.
	ids := make([]int32, o.n)
	keyOf := make([]string, o.n)
	for k, g := range o.index {
		keyOf[g] = k
	}
	for g := 0; g < o.n; g++ {
		id, ok := p.index[keyOf[g]]
		if !ok {
			id = int32(p.n)
			p.index[keyOf[g]] = id
			p.n++
			for i := range p.keys {
				p.keyNA[i] = append(p.keyNA[i], o.keyNA[i][g])
				p.keyStr[i] = append(p.keyStr[i], o.keyStr[i][g])
				p.keyNum[i] = append(p.keyNum[i], o.keyNum[i][g])
				p.keyInt[i] = append(p.keyInt[i], o.keyInt[i][g])
			}
		}
		ids[g] = id
	}
	for i, st := range p.states {
		st.merge(o.states[i], ids, p.n)
	}
	p.rows += o.rows
	return nil
}

// Result returns one row per group: the key columns, then the aggregates,
// named as in (*Grouped).Agg, in order of first appearance. With no keys and
// no rows added it returns one row over nothing.
func (p *Partial) Result() (dataframe.DataFrame, error) {
	if err := p.ready("Partial.Result"); err != nil {
		return dataframe.DataFrame{}, err
	}
	n := p.n
	if len(p.keys) == 0 && n == 0 {
		n = 1
		for _, st := range p.states {
			st.grow(1)
		}
	}
	cols := make([]series.Series, 0, len(p.keys)+len(p.states))
	for i, k := range p.keys {
		t := series.String
		if i < len(p.keyTypes) {
			t = p.keyTypes[i]
		}
		c := &column{name: k, typ: t, na: p.keyNA[i]}
		if t == series.String {
			c.s = p.keyStr[i]
		} else {
			c.f = p.keyNum[i]
			if t == series.Int {
				c.iv = p.keyInt[i]
			}
		}
		idx := make([]int, n)
		for g := range idx {
			idx[g] = g
		}
		cols = append(cols, c.gather(k, idx))
	}
	for _, st := range p.states {
		s, err := st.result(n)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		cols = append(cols, s)
	}
	return newFrame("Partial.Result", cols...)
}

// Empty reports whether nothing has been added.
func (p *Partial) Empty() bool { return p.rows == 0 && p.n == 0 }

// String summarises the accumulation in one line.
func (p *Partial) String() string {
	names := make([]string, len(p.aggs))
	for i, a := range p.aggs {
		names[i] = a.Name()
	}
	return fmt.Sprintf("partial: %d rows in %d groups by %v: %s", p.rows, p.n, p.keys, strings.Join(names, ", "))
}
