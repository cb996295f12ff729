package analyze

import (
	"fmt"
	"math"

	"github.com/go-gota/gota/series"
)

// grow extends every per-group slice the aggregate uses to n groups.
func (s *aggState) grow(n int) {
	for len(s.cnt) < n {
		s.cnt = append(s.cnt, 0)
	}
	switch s.a.kind {
	case aggSum, aggMean:
		for len(s.fsum) < n {
			s.fsum = append(s.fsum, 0)
			s.isum = append(s.isum, 0)
		}
	case aggMin, aggMax:
		for len(s.ext) < n {
			s.ext = append(s.ext, math.NaN())
			s.iext = append(s.iext, 0)
		}
	case aggStd:
		for len(s.mean) < n {
			s.mean = append(s.mean, 0)
			s.m2 = append(s.m2, 0)
		}
	case aggMedian, aggQuantile, aggWQuantile:
		for len(s.dig) < n {
			s.dig = append(s.dig, newDigest(s.a.kind == aggWQuantile))
		}
	case aggCountDistinct:
		for len(s.sets) < n {
			s.sets = append(s.sets, map[string]struct{}{})
		}
	case aggWSum, aggWMean:
		for len(s.fsum) < n {
			s.fsum = append(s.fsum, 0)
			s.w = append(s.w, 0)
		}
	}
}

// update folds one chunk (rows mapped to global groups ids) into s.
func (s *aggState) update(ids []int32, n int, get func(string, bool) (*column, error)) error {
	s.grow(n)
	a := s.a
	if a.kind == aggCount {
		for _, g := range ids {
			s.cnt[g]++
		}
		return nil
	}
	if a.kind == aggMissing || a.kind == aggCountDistinct {
		c, err := get(a.col, false)
		if err != nil {
			return err
		}
		for i, g := range ids {
			if c.na[i] {
				if a.kind == aggMissing {
					s.cnt[g]++
				}
				continue
			}
			if a.kind == aggCountDistinct {
				s.sets[g][c.str(i)] = struct{}{}
			}
		}
		return nil
	}
	c, err := get(a.col, true)
	if err != nil {
		return err
	}
	if !c.isInt() {
		s.isInt = false
	}
	s.seenType = true
	var w *column
	if a.weight != "" {
		if w, err = get(a.weight, true); err != nil {
			return err
		}
	}
	var iv []int64
	if c.isInt() {
		iv = c.ints()
	}
	for i, g := range ids {
		if c.na[i] {
			continue
		}
		v := c.f[i]
		switch a.kind {
		case aggSum, aggMean:
			s.cnt[g]++
			s.fsum[g] += v
			if iv != nil {
				sum, ok := addInt(s.isum[g], iv[i])
				if !ok {
					s.overflow = true
				}
				s.isum[g] = sum
			}
		case aggMin, aggMax:
			max := a.kind == aggMax
			if s.ext[g] != s.ext[g] || (max && v > s.ext[g]) || (!max && v < s.ext[g]) {
				s.ext[g] = v
			}
			if iv != nil {
				if x := iv[i]; s.cnt[g] == 0 || (max && x > s.iext[g]) || (!max && x < s.iext[g]) {
					s.iext[g] = x
				}
			}
			s.cnt[g]++
		case aggStd:
			s.cnt[g]++
			d := v - s.mean[g]
			s.mean[g] += d / float64(s.cnt[g])
			s.m2[g] += d * (v - s.mean[g])
		case aggMedian, aggQuantile:
			s.dig[g].add(v, 1)
			s.cnt[g]++
		case aggWSum, aggWMean, aggWQuantile:
			if w.na[i] || !(w.f[i] > 0) {
				continue
			}
			s.cnt[g]++
			if a.kind == aggWQuantile {
				s.dig[g].add(v, w.f[i])
				continue
			}
			s.fsum[g] += v * w.f[i]
			s.w[g] += w.f[i]
		}
	}
	return nil
}

// merge folds o (whose group g is group ids[g] here) into s.
func (s *aggState) merge(o *aggState, ids []int32, n int) {
	s.grow(n)
	if o.seenType {
		s.isInt = s.isInt && o.isInt
		s.seenType = true
	}
	s.overflow = s.overflow || o.overflow
	for og, g := range ids {
		if og >= len(o.cnt) {
			continue
		}
		oc := o.cnt[og]
		switch s.a.kind {
		case aggCount, aggMissing:
			s.cnt[g] += oc
		case aggSum, aggMean:
			s.fsum[g] += o.fsum[og]
			sum, ok := addInt(s.isum[g], o.isum[og])
			if !ok {
				s.overflow = true
			}
			s.isum[g] = sum
			s.cnt[g] += oc
		case aggMin, aggMax:
			max := s.a.kind == aggMax
			if v := o.ext[og]; v == v && (s.ext[g] != s.ext[g] || (max && v > s.ext[g]) || (!max && v < s.ext[g])) {
				s.ext[g] = v
			}
			if x := o.iext[og]; oc > 0 && (s.cnt[g] == 0 || (max && x > s.iext[g]) || (!max && x < s.iext[g])) {
				s.iext[g] = x
			}
			s.cnt[g] += oc
		case aggStd:
			// Chan et al. parallel combination.
			na, nb := float64(s.cnt[g]), float64(oc)
			if nb == 0 {
				continue
			}
			d := o.mean[og] - s.mean[g]
			tot := na + nb
			s.mean[g] += d * nb / tot
			s.m2[g] += o.m2[og] + d*d*na*nb/tot
			s.cnt[g] += oc
		case aggMedian, aggQuantile, aggWQuantile:
			s.dig[g].merge(o.dig[og])
			s.cnt[g] += oc
		case aggCountDistinct:
			for v := range o.sets[og] {
				s.sets[g][v] = struct{}{}
			}
		case aggWSum, aggWMean:
			s.fsum[g] += o.fsum[og]
			s.w[g] += o.w[og]
			s.cnt[g] += oc
		}
	}
}

// result builds the output series for n groups. A sum of integers beyond
// the int64 range is an error wrapping ErrTooLarge.
func (s *aggState) result(n int) (series.Series, error) {
	s.grow(n)
	name := s.a.Name()
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	out := make([]float64, n)
	na := make([]bool, n)
	for g := 0; g < n; g++ {
		na[g] = s.cnt[g] == 0
	}
	switch s.a.kind {
	case aggCount, aggMissing:
		return intOut(name, s.cnt[:n], nil, order), nil
	case aggCountDistinct:
		c := make([]int64, n)
		for g := range c {
			c[g] = int64(len(s.sets[g]))
		}
		return intOut(name, c, nil, order), nil
	case aggSum:
		if s.isInt && s.seenType {
			if s.overflow {
				return series.Series{}, fmt.Errorf("analyze: Partial.Result: Sum(%q): the sum of a group's integers passes the int64 range (±9223372036854775807): %w; convert the column to Float to sum it approximately", s.a.col, ErrTooLarge)
			}
			return intOut(name, s.isum[:n], na, order), nil
		}
		copy(out, s.fsum)
	case aggMean:
		for g := range out {
			out[g] = s.fsum[g] / float64(s.cnt[g])
		}
	case aggMin, aggMax:
		if s.isInt && s.seenType {
			return intOut(name, s.iext[:n], na, order), nil
		}
		copy(out, s.ext)
	case aggStd:
		for g := range out {
			if s.cnt[g] < 2 {
				na[g] = true
				continue
			}
			out[g] = math.Sqrt(s.m2[g] / float64(s.cnt[g]-1))
		}
	case aggMedian, aggQuantile, aggWQuantile:
		for g := range out {
			out[g] = s.dig[g].quantile(s.a.q)
		}
	case aggWSum:
		copy(out, s.fsum)
	case aggWMean:
		for g := range out {
			out[g] = s.fsum[g] / s.w[g]
		}
	}
	for g := range out {
		if na[g] {
			out[g] = math.NaN()
		}
	}
	return floatOut(name, out, order), nil
}
