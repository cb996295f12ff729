package analyze

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/series"
)

// intResult is an Int output column: values and missing marks.
type intResult struct {
	v  []int
	na []bool
}

func newIntResult(n int) intResult {
	r := intResult{v: make([]int, n), na: make([]bool, n)}
	for i := range r.na {
		r.na[i] = true
	}
	return r
}

func (r intResult) series(name string) series.Series { return frame.Ints(name, r.v, r.na) }

// int128 is a two's-complement 128-bit integer: a sliding sum of int64
// values that cannot overflow on the way, whatever the order of the
// additions and subtractions.
type int128 struct{ hi, lo uint64 }

func (a int128) add(x int64) int128 {
	lo, c := bits.Add64(a.lo, uint64(x), 0)
	return int128{a.hi + uint64(x>>63) + c, lo}
}

func (a int128) sub(x int64) int128 {
	lo, b := bits.Sub64(a.lo, uint64(x), 0)
	return int128{a.hi - uint64(x>>63) - b, lo}
}

// int64 returns a as an int64; ok is false when it does not fit.
func (a int128) int64() (int64, bool) {
	v := int64(a.lo)
	return v, a.hi == uint64(v>>63)
}

// rollingInts is Rolling on the exact values of an Int column: the sums
// exact, the means the exact sums divided by the window.
func rollingInts(fn string, v *column, rows [][]int, window int) (intResult, []float64, error) {
	iv := v.ints()
	sum := newIntResult(len(iv))
	mean := make([]float64, len(iv))
	for i := range mean {
		mean[i] = math.NaN()
	}
	for _, r := range rows {
		var acc int128
		nas := 0
		for k, i := range r {
			if v.na[i] {
				nas++
			} else {
				acc = acc.add(iv[i])
			}
			if k >= window {
				j := r[k-window]
				if v.na[j] {
					nas--
				} else {
					acc = acc.sub(iv[j])
				}
			}
			if k < window-1 || nas > 0 {
				continue
			}
			s, ok := acc.int64()
			if !ok || int64(int(s)) != s {
				return sum, nil, fmt.Errorf("analyze: %s: column %q row %d: the sum of the window passes the int64 range (±9223372036854775807): %w; convert the column to Float to sum it approximately", fn, v.name, i+1, ErrTooLarge)
			}
			sum.v[i], sum.na[i] = int(s), false
			mean[i] = float64(s) / float64(window)
		}
	}
	return sum, mean, nil
}

// cumSumInts is CumSum on the exact values of an Int column.
func cumSumInts(fn string, v *column, rows [][]int) (intResult, error) {
	iv := v.ints()
	out := newIntResult(len(iv))
	for _, r := range rows {
		var acc int64
		for _, i := range r {
			if v.na[i] {
				continue
			}
			s, ok := addInt(acc, iv[i])
			if !ok || int64(int(s)) != s {
				return out, fmt.Errorf("analyze: %s: column %q row %d: the running total passes the int64 range (±9223372036854775807): %w; convert the column to Float to total it approximately", fn, v.name, i+1, ErrTooLarge)
			}
			acc = s
			out.v[i], out.na[i] = int(s), false
		}
	}
	return out, nil
}
