package clean

import (
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// How is the kind of join.
type How int

const (
	// Inner keeps the rows whose key is on both sides.
	Inner How = iota
	// Left keeps every left row; right columns are missing where the key
	// has no match.
	Left
	// Right keeps every right row; left columns are missing where the key
	// has no match.
	Right
	// Full keeps every row of both sides.
	Full
	// Semi keeps the left rows that have a match, once each, with the left
	// columns only.
	Semi
	// Anti keeps the left rows that have no match (including rows with a
	// missing key), with the left columns only.
	Anti
)

// String names the join kind: "inner", "left"…
func (h How) String() string {
	switch h {
	case Inner:
		return "inner"
	case Left:
		return "left"
	case Right:
		return "right"
	case Full:
		return "full"
	case Semi:
		return "semi"
	case Anti:
		return "anti"
	}
	return fmt.Sprintf("How(%d)", int(h))
}

// Join joins left and right on the key columns named in on, and reports
// what matched and what did not. It is Config{}.Join; see Config.Join for
// the rules.
func Join(left, right dataframe.DataFrame, how How, on ...string) (dataframe.DataFrame, JoinReport, error) {
	return Config{}.Join(left, right, how, on...)
}

// Join joins left and right with a hash join on typed key slices.
//
// Keys. on names the key columns of left; c.RightOn names the right's when
// they differ (same order). With no key named, the columns whose names
// both sides share are the keys. Several keys are kept apart (never
// concatenated into one string). A missing key (a missing cell, or text
// that is empty after trimming) never matches anything.
//
// Key types. Two text keys match when their text is equal once
// surrounding spaces are trimmed ("Jalisco " = "Jalisco"); two numeric
// keys (Int or Float) when their numbers are equal. A numeric key against
// a text key compares numbers: text that reads as a number ("01", " 9 ",
// "9.0") matches the number 1 or 9, other text matches nothing; the
// report notes the type difference. With c.FoldKeys, keys match by their
// folded text: case, accents, punctuation and spacing are ignored and
// runs of digits lose their leading zeros, so "Michoacán" matches
// "MICHOACAN" and "01" matches "1". Without FoldKeys the report says how
// many unmatched keys would match with it.
//
// Output. Rows come in left order, each left row followed by its matches
// in right order; Right and Full joins then add the unmatched right rows
// in right order. Columns are the left's in order, then the right's
// non-key columns in order. Each key appears once, under its left name;
// its value comes from whichever side has the row. When the two key
// columns have different types the output key is text, as written on
// that side (Int against Float gives Float). A non-key column name present on both sides gets c.Suffix
// ("_right" by default) on the right's copy, and the report lists it.
// Semi and Anti return left columns only.
//
// Errors: a key column missing on either side (ErrNoColumn), an unknown
// How, different numbers of left and right keys, or no shared column to
// join on (ErrArgument); a frame carrying an error (ErrFrame).
func (c Config) Join(left, right dataframe.DataFrame, how How, on ...string) (dataframe.DataFrame, JoinReport, error) {
	rep := JoinReport{How: how}
	if left.Err != nil {
		return dataframe.DataFrame{}, rep, fmt.Errorf("clean: join: left table: %w: %v", ErrFrame, left.Err)
	}
	if right.Err != nil {
		return dataframe.DataFrame{}, rep, fmt.Errorf("clean: join: right table: %w: %v", ErrFrame, right.Err)
	}
	if how < Inner || how > Anti {
		return dataframe.DataFrame{}, rep, fmt.Errorf("clean: join: %w: unknown join kind %d", ErrArgument, int(how))
	}
	lkeys, rkeys, err := c.joinKeys(left, right, on)
	if err != nil {
		return dataframe.DataFrame{}, rep, err
	}
	rep.Keys, rep.RightKeys = lkeys, rkeys
	rep.LeftRows, rep.RightRows = left.Nrow(), right.Nrow()

	pairs := make([]*keyPair, len(lkeys))
	for i := range lkeys {
		l := readColumn(view(left, lkeys[i]))
		r := readColumn(view(right, rkeys[i]))
		pairs[i] = newKeyPair(l, r, c.FoldKeys)
		if l.typ != r.typ || pairs[i].mode != modeText {
			rep.KeyTypes = append(rep.KeyTypes, fmt.Sprintf("%q (%s) and %q (%s) compared %s",
				lkeys[i], typeName(l.typ), rkeys[i], typeName(r.typ), pairs[i].mode))
		}
	}
	lid, rid, nid := composite(pairs)
	m := match(lid, rid, nid)
	li, ri := m.pairs(how)
	rep.Rows = len(li)
	c.fillReport(&rep, pairs, m, lid, rid)

	out, err := c.assemble(left, right, how, lkeys, rkeys, pairs, li, ri, &rep)
	if err != nil {
		return dataframe.DataFrame{}, rep, err
	}
	return out, rep, nil
}

func (c Config) joinKeys(left, right dataframe.DataFrame, on []string) ([]string, []string, error) {
	lnames, rnames := left.Names(), right.Names()
	has := func(names []string, n string) bool {
		for _, x := range names {
			if x == n {
				return true
			}
		}
		return false
	}
	lkeys := on
	if len(lkeys) == 0 {
		if len(c.RightOn) > 0 {
			return nil, nil, fmt.Errorf("clean: join: %w: RightOn is set but no left key is named", ErrArgument)
		}
		for _, n := range lnames {
			if has(rnames, n) {
				lkeys = append(lkeys, n)
			}
		}
		if len(lkeys) == 0 {
			return nil, nil, fmt.Errorf("clean: join: %w: no key named and no column name shared by both sides (left %v, right %v)", ErrArgument, lnames, rnames)
		}
	}
	rkeys := lkeys
	if len(c.RightOn) > 0 {
		if len(c.RightOn) != len(lkeys) {
			return nil, nil, fmt.Errorf("clean: join: %w: %d left keys %q but %d right keys %q", ErrArgument, len(lkeys), lkeys, len(c.RightOn), c.RightOn)
		}
		rkeys = c.RightOn
	}
	seen := map[string]bool{}
	for i := range lkeys {
		if !has(lnames, lkeys[i]) {
			return nil, nil, fmt.Errorf("clean: join: left key column %q: %w (columns: %s)", lkeys[i], ErrNoColumn, strings.Join(lnames, ", "))
		}
		if !has(rnames, rkeys[i]) {
			return nil, nil, fmt.Errorf("clean: join: right key column %q: %w (columns: %s)", rkeys[i], ErrNoColumn, strings.Join(rnames, ", "))
		}
		if seen[lkeys[i]] {
			return nil, nil, fmt.Errorf("clean: join: %w: key %q named twice", ErrArgument, lkeys[i])
		}
		seen[lkeys[i]] = true
	}
	return append([]string(nil), lkeys...), append([]string(nil), rkeys...), nil
}

// matching is the hash index of a join: for each key id, the right rows
// holding it (CSR layout) and how many left rows hold it.
type matching struct {
	lid, rid  []int32
	start     []int32 // right rows of id k: rows[start[k]:start[k+1]]
	rows      []int32
	leftCount []int32
}

func match(lid, rid []int32, n int32) *matching {
	m := &matching{lid: lid, rid: rid, start: make([]int32, n+1), leftCount: make([]int32, n)}
	for _, k := range rid {
		if k >= 0 {
			m.start[k+1]++
		}
	}
	for k := int32(0); k < n; k++ {
		m.start[k+1] += m.start[k]
	}
	m.rows = make([]int32, m.start[n])
	fill := make([]int32, n)
	copy(fill, m.start[:n])
	for r, k := range rid {
		if k >= 0 {
			m.rows[fill[k]] = int32(r)
			fill[k]++
		}
	}
	for _, k := range lid {
		if k >= 0 {
			m.leftCount[k]++
		}
	}
	return m
}

func (m *matching) rightOf(k int32) []int32 {
	if k < 0 {
		return nil
	}
	return m.rows[m.start[k]:m.start[k+1]]
}

// pairs lists the output rows as (left row, right row) with -1 for "none".
func (m *matching) pairs(how How) (li, ri []int32) {
	size := len(m.lid)
	li = make([]int32, 0, size)
	ri = make([]int32, 0, size)
	for l, k := range m.lid {
		rs := m.rightOf(k)
		switch how {
		case Semi:
			if len(rs) > 0 {
				li = append(li, int32(l))
			}
			continue
		case Anti:
			if len(rs) == 0 {
				li = append(li, int32(l))
			}
			continue
		}
		if len(rs) == 0 {
			if how == Left || how == Full {
				li = append(li, int32(l))
				ri = append(ri, -1)
			}
			continue
		}
		for _, r := range rs {
			li = append(li, int32(l))
			ri = append(ri, r)
		}
	}
	if how == Right || how == Full {
		for r, k := range m.rid {
			if k < 0 || m.leftCount[k] == 0 {
				li = append(li, -1)
				ri = append(ri, int32(r))
			}
		}
	}
	return li, ri
}

// assemble builds the output frame, each series once from a typed slice.
func (c Config) assemble(left, right dataframe.DataFrame, how How, lkeys, rkeys []string, pairs []*keyPair, li, ri []int32, rep *JoinReport) (dataframe.DataFrame, error) {
	keyIdx := map[string]int{}
	for i, k := range lkeys {
		keyIdx[k] = i
	}
	var cols []series.Series
	used := map[string]bool{}
	for _, n := range left.Names() {
		used[n] = true
		if i, ok := keyIdx[n]; ok && (how == Right || how == Full) {
			cols = append(cols, gatherKey(n, pairs[i], li, ri))
			continue
		}
		var col column
		if i, ok := keyIdx[n]; ok {
			col = pairs[i].left
		} else {
			col = readColumn(view(left, n))
		}
		cols = append(cols, gather(n, col, li))
	}
	if how != Semi && how != Anti {
		isRightKey := map[string]bool{}
		for _, k := range rkeys {
			isRightKey[k] = true
		}
		suffix := c.Suffix
		if suffix == "" {
			suffix = "_right"
		}
		for _, n := range right.Names() {
			if isRightKey[n] {
				continue
			}
			name := n
			if used[name] {
				name = n + suffix
				for i := 2; used[name]; i++ {
					name = fmt.Sprintf("%s%s%d", n, suffix, i)
				}
				rep.Renamed = append(rep.Renamed, Rename{From: n, To: name})
			}
			used[name] = true
			cols = append(cols, gather(name, readColumn(view(right, n)), ri))
		}
	}
	out, err := frame.New(cols...)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("clean: join: %w: %v", ErrFrame, err)
	}
	return out, nil
}

// view returns column name of df for reading, without gota's copy (the
// names were checked before).
func view(df dataframe.DataFrame, name string) series.Series {
	if s, err := frame.View(df, name); err == nil {
		return s
	}
	return df.Col(name)
}

// gather picks rows idx of col (-1: missing) into a new series of the
// same type.
func gather(name string, col column, idx []int32) series.Series {
	na := make([]bool, len(idx))
	switch col.typ {
	case series.Int:
		v := make([]int, len(idx))
		for i, r := range idx {
			if r < 0 || col.na[r] {
				na[i] = true
				continue
			}
			if col.ints != nil {
				v[i] = col.ints[r]
			} else {
				v[i] = int(col.num[r])
			}
		}
		return frame.IntsDict(name, v, na)
	case series.Float:
		v := make([]float64, len(idx))
		for i, r := range idx {
			if r < 0 || col.na[r] {
				na[i] = true
				continue
			}
			v[i] = col.num[r]
		}
		return frame.FloatsDict(name, v, na)
	case series.Bool:
		v := make([]bool, len(idx))
		for i, r := range idx {
			if r < 0 || col.na[r] {
				na[i] = true
				continue
			}
			v[i] = col.str[r] == "true"
		}
		return frame.Bools(name, v, na)
	}
	v := make([]string, len(idx))
	for i, r := range idx {
		if r < 0 || col.na[r] {
			na[i] = true
			continue
		}
		v[i] = col.str[r]
	}
	return frame.StringsDict(name, v, na)
}

// gatherKey builds a key column of a Right or Full join: the left value
// where the row has a left side, the right value otherwise. Keys of
// different types come out as text (Int and Float as Float).
func gatherKey(name string, p *keyPair, li, ri []int32) series.Series {
	numeric := p.left.numeric() && p.right.numeric()
	if p.left.typ == p.right.typ || numeric {
		typ := p.left.typ
		if numeric && p.left.typ != p.right.typ {
			typ = series.Float
		}
		col := column{name: name, typ: typ, na: make([]bool, len(li))}
		if col.numeric() {
			col.num = make([]float64, len(li))
			if typ == series.Int && p.left.ints != nil && p.right.ints != nil {
				col.ints = make([]int, len(li))
			}
		} else {
			col.str = make([]string, len(li))
		}
		idx := make([]int32, len(li))
		for i := range li {
			src, r := p.left, li[i]
			if r < 0 {
				src, r = p.right, ri[i]
			}
			idx[i] = int32(i)
			col.na[i] = src.na[r]
			if col.numeric() {
				col.num[i] = src.num[r]
				if col.ints != nil {
					col.ints[i] = src.ints[r]
				}
			} else {
				col.str[i] = src.str[r]
			}
		}
		return gather(name, col, idx)
	}
	v := make([]string, len(li))
	na := make([]bool, len(li))
	for i := range li {
		src, r := p.left, li[i]
		if r < 0 {
			src, r = p.right, ri[i]
		}
		na[i] = src.na[r]
		v[i] = src.text(int(r))
	}
	return frame.StringsDict(name, v, na)
}
