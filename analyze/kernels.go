package analyze

import (
	"math"
	"sort"
)

// The kernels below work on a group id per row and typed value slices, and
// return one value per group (NaN or a mask for missing).

func kCount(ids []int32, n int) []int64 {
	out := make([]int64, n)
	for _, g := range ids {
		out[g]++
	}
	return out
}

func kMissing(ids []int32, n int, na []bool) []int64 {
	out := make([]int64, n)
	for i, g := range ids {
		if na[i] {
			out[g]++
		}
	}
	return out
}

// kSum returns float sums and counts of values; when iv (the exact values
// of an Int column) is given, it also returns exact int64 sums and the
// first group whose sum overflows int64 (-1 when none does).
func kSum(ids []int32, n int, f []float64, na []bool, iv []int64) (sum []float64, cnt []int64, isum []int64, overflow int) {
	sum = make([]float64, n)
	cnt = make([]int64, n)
	overflow = -1
	if iv != nil {
		isum = make([]int64, n)
	}
	for i, g := range ids {
		if na[i] {
			continue
		}
		sum[g] += f[i]
		cnt[g]++
		if iv != nil {
			s, ok := addInt(isum[g], iv[i])
			if !ok && overflow < 0 {
				overflow = int(g)
			}
			isum[g] = s
		}
	}
	return
}

// addInt adds two int64 values; ok is false when the sum overflows.
func addInt(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return s, false
	}
	return s, true
}

// kMinMaxInt is kMinMax on the exact values of an Int column; na marks the
// groups with no value.
func kMinMaxInt(ids []int32, n int, iv []int64, na []bool, max bool) ([]int64, []bool) {
	out := make([]int64, n)
	none := make([]bool, n)
	for g := range none {
		none[g] = true
	}
	for i, g := range ids {
		if na[i] {
			continue
		}
		v := iv[i]
		if none[g] || (max && v > out[g]) || (!max && v < out[g]) {
			out[g] = v
			none[g] = false
		}
	}
	return out, none
}

func kMean(ids []int32, n int, f []float64, na []bool) []float64 {
	sum, cnt, _, _ := kSum(ids, n, f, na, nil)
	for g := range sum {
		if cnt[g] == 0 {
			sum[g] = math.NaN()
		} else {
			sum[g] /= float64(cnt[g])
		}
	}
	return sum
}

func kMinMax(ids []int32, n int, f []float64, na []bool, max bool) []float64 {
	out := make([]float64, n)
	for g := range out {
		out[g] = math.NaN()
	}
	for i, g := range ids {
		if na[i] {
			continue
		}
		v, cur := f[i], out[g]
		if cur != cur || (max && v > cur) || (!max && v < cur) {
			out[g] = v
		}
	}
	return out
}

func kStd(ids []int32, n int, f []float64, na []bool) []float64 {
	mean := kMean(ids, n, f, na)
	ss := make([]float64, n)
	cnt := make([]int64, n)
	for i, g := range ids {
		if na[i] {
			continue
		}
		d := f[i] - mean[g]
		ss[g] += d * d
		cnt[g]++
	}
	for g := range ss {
		if cnt[g] < 2 {
			ss[g] = math.NaN()
		} else {
			ss[g] = math.Sqrt(ss[g] / float64(cnt[g]-1))
		}
	}
	return ss
}

// bucket lays out the non-missing values of each group contiguously:
// group g holds buf[off[g]:off[g+1]].
func bucket(ids []int32, n int, f []float64, na []bool) (buf []float64, off []int) {
	off = make([]int, n+1)
	for i, g := range ids {
		if !na[i] {
			off[g+1]++
		}
	}
	for g := 0; g < n; g++ {
		off[g+1] += off[g]
	}
	buf = make([]float64, off[n])
	pos := make([]int, n)
	copy(pos, off[:n])
	for i, g := range ids {
		if !na[i] {
			buf[pos[g]] = f[i]
			pos[g]++
		}
	}
	return buf, off
}

// kQuantiles returns, for each q, the type-7 quantile of every group.
func kQuantiles(ids []int32, n int, f []float64, na []bool, qs []float64) [][]float64 {
	buf, off := bucket(ids, n, f, na)
	out := make([][]float64, len(qs))
	for k := range out {
		out[k] = make([]float64, n)
	}
	for g := 0; g < n; g++ {
		x := buf[off[g]:off[g+1]]
		if len(x) <= 32 {
			insertionSort(x)
			for k, q := range qs {
				out[k][g] = quantileSorted(x, q)
			}
			continue
		}
		if len(qs) > 2 {
			sort.Float64s(x)
			for k, q := range qs {
				out[k][g] = quantileSorted(x, q)
			}
			continue
		}
		for k, q := range qs {
			out[k][g] = quantileSelect(x, q)
		}
	}
	return out
}

// quantileSorted is the type-7 quantile of sorted x (NaN when empty).
func quantileSorted(x []float64, q float64) float64 {
	m := len(x)
	if m == 0 {
		return math.NaN()
	}
	h := float64(m-1) * q
	lo := int(math.Floor(h))
	if lo >= m-1 {
		return x[m-1]
	}
	return x[lo] + (h-float64(lo))*(x[lo+1]-x[lo])
}

// quantileSelect is the type-7 quantile of x, reordering x in place with a
// selection instead of a full sort.
func quantileSelect(x []float64, q float64) float64 {
	m := len(x)
	if m == 0 {
		return math.NaN()
	}
	h := float64(m-1) * q
	lo := int(math.Floor(h))
	if lo >= m-1 {
		selectK(x, m-1)
		return x[m-1]
	}
	selectK(x, lo)
	a := x[lo]
	frac := h - float64(lo)
	if frac == 0 {
		return a
	}
	b := x[lo+1]
	for _, v := range x[lo+2:] {
		if v < b {
			b = v
		}
	}
	return a + frac*(b-a)
}

// selectK reorders x so that x[k] is the value a sort would put there, with
// no larger value before it and no smaller value after it.
func selectK(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for hi > lo {
		if hi-lo < 16 {
			// insertion sort for small ranges
			for i := lo + 1; i <= hi; i++ {
				for j := i; j > lo && x[j] < x[j-1]; j-- {
					x[j], x[j-1] = x[j-1], x[j]
				}
			}
			return
		}
		mid := lo + (hi-lo)/2
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		p := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < p {
				i++
			}
			for x[j] > p {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// kDistinct counts distinct non-missing codes per group.
func kDistinct(ids []int32, n int, codes grouping, na []bool) []int64 {
	out := make([]int64, n)
	seen := make(map[uint64]struct{})
	for i, g := range ids {
		if na[i] {
			continue
		}
		k := uint64(g)<<32 | uint64(uint32(codes.ids[i]))
		if _, ok := seen[k]; !ok {
			seen[k] = struct{}{}
			out[g]++
		}
	}
	return out
}

// kWeighted returns Σvw and Σw per group over rows with a value and a
// positive weight.
func kWeighted(ids []int32, n int, f, w []float64, na, wna []bool) (swv, sw []float64, cnt []int64) {
	swv = make([]float64, n)
	sw = make([]float64, n)
	cnt = make([]int64, n)
	for i, g := range ids {
		if na[i] || wna[i] || !(w[i] > 0) {
			continue
		}
		swv[g] += f[i] * w[i]
		sw[g] += w[i]
		cnt[g]++
	}
	return
}

type vw struct{ v, w float64 }

// kWQuantile is the weighted quantile of every group (see WeightedQuantile).
func kWQuantile(ids []int32, n int, f, w []float64, na, wna []bool, q float64) []float64 {
	lists := make([][]vw, n)
	for i, g := range ids {
		if na[i] || wna[i] || !(w[i] > 0) {
			continue
		}
		lists[g] = append(lists[g], vw{f[i], w[i]})
	}
	out := make([]float64, n)
	for g, l := range lists {
		out[g] = weightedQuantile(l, q)
	}
	return out
}

func weightedQuantile(l []vw, q float64) float64 {
	if len(l) == 0 {
		return math.NaN()
	}
	sort.Slice(l, func(a, b int) bool { return l[a].v < l[b].v })
	total := 0.0
	for _, p := range l {
		total += p.w
	}
	target := q * total
	cum := 0.0
	for i, p := range l {
		cum += p.w
		if cum >= target {
			if math.Abs(cum-target) <= 1e-12*total && i+1 < len(l) && q > 0 {
				return (p.v + l[i+1].v) / 2
			}
			return p.v
		}
	}
	return l[len(l)-1].v
}

// insertionSort sorts a short slice faster than sort.Float64s.
func insertionSort(x []float64) {
	for i := 1; i < len(x); i++ {
		v := x[i]
		j := i
		for ; j > 0 && x[j-1] > v; j-- {
			x[j] = x[j-1]
		}
		x[j] = v
	}
}
