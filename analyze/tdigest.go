package analyze

import (
	"math"
	"sort"
)

// digest is a mergeable quantile sketch: the values themselves while there
// are few (exact results), then a merging t-digest (Dunning & Ertl) with
// compression 100 and the arcsine scale function. Memory per digest is
// bounded (about 100 centroids plus a 256-point buffer) whatever the number
// of values. Rank error is largest near the median and shrinks towards the
// tails; the tests measure it below 0.5% of the rank on 200,000 values.
type digest struct {
	weighted bool    // quantile rule: weighted inverted CDF instead of type 7
	exact    []vw    // values held exactly while len ≤ exactLimit and cents == nil
	cents    []vw    // centroids (v = mean, w = weight), sorted by mean
	buf      []vw    // points not yet merged into cents
	total    float64 // total weight
	min, max float64
}

const (
	digestCompression = 100
	digestExactLimit  = 128
	digestBuffer      = 256
)

func newDigest(weighted bool) *digest {
	return &digest{weighted: weighted, min: math.Inf(1), max: math.Inf(-1)}
}

// add adds value v with weight w (> 0).
func (d *digest) add(v, w float64) {
	d.total += w
	if v < d.min {
		d.min = v
	}
	if v > d.max {
		d.max = v
	}
	if d.cents == nil && len(d.exact) < digestExactLimit {
		d.exact = append(d.exact, vw{v, w})
		return
	}
	if d.cents == nil {
		d.cents = []vw{}
		d.buf = append(d.buf, d.exact...)
		d.exact = nil
	}
	d.buf = append(d.buf, vw{v, w})
	if len(d.buf) >= digestBuffer {
		d.compress()
	}
}

// merge adds every point of o to d.
func (d *digest) merge(o *digest) {
	if o == nil || o.total == 0 {
		return
	}
	if o.cents == nil {
		for _, p := range o.exact {
			d.add(p.v, p.w)
		}
		return
	}
	if d.cents == nil {
		d.cents = []vw{}
		d.buf = append(d.buf, d.exact...)
		d.exact = nil
	}
	d.buf = append(d.buf, o.cents...)
	d.buf = append(d.buf, o.buf...)
	d.total += o.total
	d.min = math.Min(d.min, o.min)
	d.max = math.Max(d.max, o.max)
	d.compress()
}

func kScale(q float64) float64 {
	return digestCompression / (2 * math.Pi) * math.Asin(2*q-1)
}

func kInverse(k float64) float64 {
	if k >= digestCompression/4 {
		return 1
	}
	return (math.Sin(2*math.Pi*k/digestCompression) + 1) / 2
}

// compress merges the buffer into the centroids.
func (d *digest) compress() {
	if len(d.buf) == 0 {
		return
	}
	all := append(d.cents, d.buf...)
	d.buf = d.buf[:0]
	sort.Slice(all, func(a, b int) bool { return all[a].v < all[b].v })
	total := 0.0
	for _, c := range all {
		total += c.w
	}
	out := make([]vw, 0, digestCompression)
	cur := all[0]
	done := 0.0
	limit := kInverse(kScale(0) + 1)
	for _, c := range all[1:] {
		if (done+cur.w+c.w)/total <= limit {
			cur.v += (c.v - cur.v) * c.w / (cur.w + c.w)
			cur.w += c.w
			continue
		}
		done += cur.w
		out = append(out, cur)
		limit = kInverse(kScale(done/total) + 1)
		cur = c
	}
	d.cents = append(out, cur)
}

// quantile returns the q-th quantile (NaN when empty).
func (d *digest) quantile(q float64) float64 {
	if d.total == 0 {
		return math.NaN()
	}
	if d.cents == nil {
		pts := append([]vw(nil), d.exact...)
		if d.weighted {
			return weightedQuantile(pts, q)
		}
		x := make([]float64, len(pts))
		for i, p := range pts {
			x[i] = p.v
		}
		sort.Float64s(x)
		return quantileSorted(x, q)
	}
	d.compress()
	c := d.cents
	if q <= 0 {
		return d.min
	}
	if q >= 1 {
		return d.max
	}
	target := q * d.total
	// Centre of centroid i sits at cumulative weight cum_i + w_i/2.
	cum := 0.0
	prevCentre, prevV := 0.0, d.min
	for _, p := range c {
		centre := cum + p.w/2
		if target < centre {
			if centre == prevCentre {
				return p.v
			}
			return prevV + (target-prevCentre)/(centre-prevCentre)*(p.v-prevV)
		}
		cum += p.w
		prevCentre, prevV = centre, p.v
	}
	if d.total == prevCentre {
		return d.max
	}
	return prevV + (target-prevCentre)/(d.total-prevCentre)*(d.max-prevV)
}
