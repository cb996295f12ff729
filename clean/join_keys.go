package clean

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-gota/gota/series"
)

// column is one gota column read once into typed slices.
type column struct {
	name string
	typ  series.Type
	str  []string  // String and Bool columns (Records)
	num  []float64 // Int and Float columns
	ints []int     // Int columns, exact (num loses integers beyond 2^53)
	na   []bool
}

func readColumn(s series.Series) column {
	c := column{name: s.Name, typ: s.Type(), na: s.IsNaN()}
	switch c.typ {
	case series.Int:
		c.num = s.Float()
		if v, err := s.Int(); err == nil {
			c.ints = v
		}
	case series.Float:
		c.num = s.Float()
	default:
		c.str = s.Records()
	}
	return c
}

func (c column) len() int { return len(c.na) }

func (c column) numeric() bool { return c.typ == series.Int || c.typ == series.Float }

// text returns row i as text: numbers in their shortest form ("9", "9.5"),
// "" when missing.
func (c column) text(i int) string {
	if c.na[i] {
		return ""
	}
	if c.ints != nil {
		return strconv.Itoa(c.ints[i])
	}
	if c.numeric() {
		return numText(c.num[i])
	}
	return c.str[i]
}

func numText(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// keyMode says how one pair of key columns is compared.
type keyMode int

const (
	modeText   keyMode = iota // exact text
	modeNumber                // both numeric: compared as numbers
	modeMixed                 // one numeric, one text: text parsed as a number
	modeFolded                // Config.FoldKeys: folded text, digit runs without leading zeros
)

// String says how keys of this mode compare, for reports.
func (m keyMode) String() string {
	switch m {
	case modeNumber:
		return "as numbers"
	case modeMixed:
		return "as numbers (text that is not a number matches nothing)"
	case modeFolded:
		return "folded (case, accents, punctuation and leading zeros ignored)"
	}
	return "as exact text (surrounding spaces ignored)"
}

// keyPair interns the values of one left key column and one right key
// column into shared integer ids; -1 marks a missing key.
type keyPair struct {
	left, right column
	mode        keyMode
	lid, rid    []int32
	n           int32
}

func newKeyPair(l, r column, fold bool) *keyPair {
	p := &keyPair{left: l, right: r}
	switch {
	case fold:
		p.mode = modeFolded
	case l.numeric() && r.numeric():
		p.mode = modeNumber
	case l.numeric() || r.numeric():
		p.mode = modeMixed
	default:
		p.mode = modeText
	}
	if p.mode == modeNumber && l.ints != nil && r.ints != nil {
		// Both Int: compared exactly (float64 would merge keys that differ
		// only beyond 2^53).
		ids := make(map[int]int32, r.len())
		p.rid = p.internInt(r, ids)
		p.lid = p.internInt(l, ids)
		return p
	}
	if p.mode == modeNumber {
		ids := make(map[float64]int32, r.len())
		p.rid = p.internNum(r, ids)
		p.lid = p.internNum(l, ids)
		return p
	}
	ids := make(map[string]int32, r.len())
	p.rid = p.internText(r, ids)
	p.lid = p.internText(l, ids)
	return p
}

func (p *keyPair) internInt(c column, ids map[int]int32) []int32 {
	out := make([]int32, c.len())
	for i, v := range c.ints {
		if c.na[i] {
			out[i] = -1
			continue
		}
		id, ok := ids[v]
		if !ok {
			id = p.n
			p.n++
			ids[v] = id
		}
		out[i] = id
	}
	return out
}

func (p *keyPair) internNum(c column, ids map[float64]int32) []int32 {
	out := make([]int32, c.len())
	for i, v := range c.num {
		if c.na[i] || math.IsNaN(v) {
			out[i] = -1
			continue
		}
		if v == 0 {
			v = 0 // -0 and +0 are one key
		}
		id, ok := ids[v]
		if !ok {
			id = p.n
			p.n++
			ids[v] = id
		}
		out[i] = id
	}
	return out
}

func (p *keyPair) internText(c column, ids map[string]int32) []int32 {
	out := make([]int32, c.len())
	// Consecutive equal keys are common (sorted files): reuse the last id.
	last, lastID := "", int32(-2)
	for i := range out {
		if c.na[i] {
			out[i] = -1
			continue
		}
		var k string
		if c.numeric() {
			k = c.text(i)
		} else {
			k = c.str[i]
			if strings.TrimSpace(k) == "" {
				out[i] = -1 // an empty key is missing: it never matches
				continue
			}
			if lastID >= 0 && k == last {
				out[i] = lastID
				continue
			}
			last = k
			k = p.normalise(k)
		}
		id, ok := ids[k]
		if !ok {
			id = p.n
			p.n++
			ids[k] = id
		}
		out[i] = id
		if !c.numeric() {
			lastID = id
		}
	}
	return out
}

// normalise turns a text key into its comparison form for the pair's mode.
func (p *keyPair) normalise(s string) string {
	switch p.mode {
	case modeMixed:
		t := strings.TrimSpace(s)
		if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return numText(f)
		}
		return "\x00" + s // never equal to a number's text
	case modeFolded:
		return foldCode(s)
	}
	return strings.TrimSpace(s)
}

// foldCode is the key Config.FoldKeys compares: FoldString, with leading zeros
// dropped from every run of digits ("01" → "1", "CVE 007" → "cve 7").
func foldCode(s string) string {
	k := FoldString(s)
	if !strings.ContainsAny(k, "0123456789") {
		return k
	}
	var b strings.Builder
	b.Grow(len(k))
	for i := 0; i < len(k); {
		if k[i] < '0' || k[i] > '9' {
			b.WriteByte(k[i])
			i++
			continue
		}
		j := i
		for j < len(k) && k[j] >= '0' && k[j] <= '9' {
			j++
		}
		run := strings.TrimLeft(k[i:j], "0")
		if run == "" {
			run = "0"
		}
		b.WriteString(run)
		i = j
	}
	return b.String()
}

// composite combines the per-column ids of several keys into one id per
// row, keeping keys apart (no string concatenation: "a_b","c" and
// "a","b_c" stay distinct). A row with any missing part gets -1.
func composite(pairs []*keyPair) (lid, rid []int32, n int32) {
	if len(pairs) == 1 {
		return pairs[0].lid, pairs[0].rid, pairs[0].n
	}
	ids := make(map[string]int32)
	buf := make([]byte, 4*len(pairs))
	build := func(get func(p *keyPair) []int32, rows int) []int32 {
		out := make([]int32, rows)
	row:
		for i := range out {
			for j, p := range pairs {
				v := get(p)[i]
				if v < 0 {
					out[i] = -1
					continue row
				}
				binary.LittleEndian.PutUint32(buf[4*j:], uint32(v))
			}
			id, ok := ids[string(buf)]
			if !ok {
				id = n
				n++
				ids[string(buf)] = id
			}
			out[i] = id
		}
		return out
	}
	rid = build(func(p *keyPair) []int32 { return p.rid }, len(pairs[0].rid))
	lid = build(func(p *keyPair) []int32 { return p.lid }, len(pairs[0].lid))
	return lid, rid, n
}

// display returns the key of a row as a reporter reads it: the raw values
// joined by " | ".
func display(pairs []*keyPair, row int, right bool) string {
	parts := make([]string, len(pairs))
	for j, p := range pairs {
		c := p.left
		if right {
			c = p.right
		}
		parts[j] = c.text(row)
	}
	return strings.Join(parts, keySep)
}

func typeName(t series.Type) string { return fmt.Sprint(t) }
