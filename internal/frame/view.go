package frame

import (
	"fmt"
	"math"
	"strings"

	"github.com/datacon-mx/cifra/internal/errs"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Fast paths between gota and typed slices, using gota's public API only.
//
// gota's DataFrame.Col copies the whole column (24 bytes a value for text)
// before anything is read from it, and series.New over []string boxes every
// value in an interface. View reads a column in place, and StringsDict
// builds a column of few distinct values from those values only.

// placeholder is what Views hands back to Capply for every column: one
// value, so that the frame Capply builds and throws away costs nothing.
var placeholder = series.New([]int{0}, series.Int, "")

// Views returns the columns of df in order, sharing their memory with df
// instead of copying them as DataFrame.Col does. The series are for reading
// only: setting an element of one would change df. Pass them to New (which
// copies) or read them with Float, Records, IsNaN or Elem.
func Views(df dataframe.DataFrame) ([]series.Series, error) {
	if df.Err != nil {
		return nil, df.Err
	}
	out := make([]series.Series, 0, df.Ncol())
	res := df.Capply(func(s series.Series) series.Series {
		out = append(out, s)
		return placeholder
	})
	if res.Err != nil {
		return nil, res.Err
	}
	if len(out) != df.Ncol() {
		return nil, fmt.Errorf("gota gave %d of %d columns", len(out), df.Ncol())
	}
	return out, nil
}

// View returns the named column of df without copying it (see Views: read
// only), or an error naming the column and the columns that exist.
func View(df dataframe.DataFrame, name string) (series.Series, error) {
	if df.Err != nil {
		return series.Series{}, df.Err
	}
	names := df.Names()
	idx := -1
	for i, n := range names {
		if n == name {
			idx = i
			break
		}
	}
	if idx < 0 {
		return series.Series{}, fmt.Errorf("column %q: %w (columns: %s)", name, errs.ErrNoColumn, strings.Join(names, ", "))
	}
	cols, err := Views(df)
	if err != nil {
		return series.Series{}, err
	}
	return cols[idx], nil
}

// dictMin is the length from which StringsDict tries a dictionary, and
// dictMax the number of distinct values beyond which it gives up (when
// they are also more than half the values seen).
const (
	dictMin = 256
	dictMax = 4096
)

// StringsDict is Strings, faster for columns of few distinct values (state
// names, codes, categories): it builds a series of the distinct values and
// expands it with Series.Subset, which copies gota's elements without
// boxing each value. The result is identical to Strings(name, v, na).
func StringsDict(name string, v []string, na []bool) series.Series {
	if len(v) < dictMin {
		return Strings(name, v, na)
	}
	codes, firsts, naCode, ok := Codes(v, na)
	if !ok {
		return Strings(name, v, na)
	}
	u := make([]string, len(firsts))
	una := make([]bool, len(firsts))
	for k, i := range firsts {
		if k == naCode {
			una[k] = true
			continue
		}
		u[k] = v[i]
	}
	return Strings(name, u, una).Subset(codes)
}

// Codes dictionary-encodes v: codes[i] is the index in firsts of the first
// row holding v[i]'s value; missing rows (na[i], when na is not nil) share
// the code naCode (-1 when none is missing). It gives up (ok false) when
// the values are mostly distinct: more than 4096 distinct values that are
// also more than half the rows seen.
func Codes(v []string, na []bool) (codes, firsts []int, naCode int, ok bool) {
	codes = make([]int, len(v))
	var d Dict
	naCode = -1
	for i, x := range v {
		if na != nil && na[i] {
			if naCode < 0 {
				naCode = len(firsts)
				firsts = append(firsts, i)
			}
			codes[i] = naCode
			continue
		}
		c, added := d.Code(x, len(firsts))
		if added {
			if len(firsts) >= dictMax && len(firsts)*2 > i {
				return nil, nil, -1, false
			}
			firsts = append(firsts, i)
		}
		codes[i] = c
	}
	return codes, firsts, naCode, true
}

// Dict gives strings codes chosen by the caller. A small direct-mapped
// cache in front of the map answers most lookups in a column of few
// distinct values with one string comparison instead of hashing the whole
// string. The zero value is ready to use.
type Dict struct {
	m     map[string]int
	keys  []string // entry → string
	codes []int    // entry → code
	cache [dictCache]int32
	init  bool
}

const dictCache = 1024

// cacheSlot hashes the length, the first 16 and the last 8 bytes of x
// (FNV-1a): cheap, and distinct for most categorical values.
func cacheSlot(x string) int {
	n := len(x)
	h := uint32(2166136261) ^ uint32(n)
	m := n
	if m > 16 {
		m = 16
		for i := n - 8; i < n; i++ {
			h = (h ^ uint32(x[i])) * 16777619
		}
	}
	for i := 0; i < m; i++ {
		h = (h ^ uint32(x[i])) * 16777619
	}
	return int((h ^ h>>15) & (dictCache - 1))
}

// Code returns the code of x; a new x gets the code next (added true).
func (d *Dict) Code(x string, next int) (code int, added bool) {
	if !d.init {
		for i := range d.cache {
			d.cache[i] = -1
		}
		d.m = make(map[string]int, 64)
		d.init = true
	}
	slot := cacheSlot(x)
	if e := d.cache[slot]; e >= 0 && d.keys[e] == x {
		return d.codes[e], false
	}
	e, ok := d.m[x]
	if !ok {
		e = len(d.keys)
		d.keys = append(d.keys, x)
		d.codes = append(d.codes, next)
		d.m[x] = e
		added = true
	}
	if e <= 1<<30 {
		d.cache[slot] = int32(e)
	}
	return d.codes[e], added
}

// Len returns the number of distinct strings seen.
func (d *Dict) Len() int { return len(d.keys) }

// FloatsDict is Floats, faster for columns of few distinct values: see
// StringsDict. Values are told apart by their bits (so 0 and -0, and
// different NaN payloads, stay apart, as Floats keeps them). The result is
// identical to Floats(name, v, na).
func FloatsDict(name string, v []float64, na []bool) series.Series {
	codes, firsts, ok := numCodes(len(v), func(i int) uint64 { return math.Float64bits(v[i]) }, na)
	if !ok {
		return Floats(name, v, na)
	}
	u := make([]float64, len(firsts))
	una := make([]bool, len(firsts))
	for k, i := range firsts {
		u[k] = v[i]
		una[k] = na != nil && na[i]
	}
	return Floats(name, u, una).Subset(codes)
}

// IntsDict is Ints, faster for columns of few distinct values: see
// StringsDict. The result is identical to Ints(name, v, na).
func IntsDict(name string, v []int, na []bool) series.Series {
	codes, firsts, ok := numCodes(len(v), func(i int) uint64 { return uint64(v[i]) }, na)
	if !ok {
		return Ints(name, v, na)
	}
	u := make([]int, len(firsts))
	una := make([]bool, len(firsts))
	for k, i := range firsts {
		u[k] = v[i]
		una[k] = na != nil && na[i]
	}
	return Ints(name, u, una).Subset(codes)
}

// numCodes dictionary-encodes n values by key (missing rows, na[i], share
// one code), giving up like Codes when they are mostly distinct or n is
// small.
func numCodes(n int, key func(int) uint64, na []bool) (codes, firsts []int, ok bool) {
	if n < dictMin {
		return nil, nil, false
	}
	codes = make([]int, n)
	seen := make(map[uint64]int, 64)
	naCode := -1
	prevKey, prevCode := uint64(0), -1
	for i := 0; i < n; i++ {
		if na != nil && na[i] {
			if naCode < 0 {
				naCode = len(firsts)
				firsts = append(firsts, i)
			}
			codes[i] = naCode
			continue
		}
		k := key(i)
		if prevCode >= 0 && k == prevKey {
			codes[i] = prevCode
			continue
		}
		c, found := seen[k]
		if !found {
			if len(firsts) >= dictMax && len(firsts)*2 > i {
				return nil, nil, false
			}
			c = len(firsts)
			seen[k] = c
			firsts = append(firsts, i)
		}
		codes[i] = c
		prevKey, prevCode = k, c
	}
	return codes, firsts, true
}
