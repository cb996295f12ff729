package analyze

import (
	"math"
	"math/rand"
	"sort"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

// TestPartialMatchesGroupBy splits a table into chunks, accumulates them in
// two Partials, merges them and compares with GroupBy on the whole table.
func TestPartialMatchesGroupBy(t *testing.T) {
	df := benchFrame(t, 20_000, 40)
	aggs := []Agg{Count(), Sum("casos"), Sum("importe"), Mean("importe"), Min("casos"), Max("importe"),
		Std("importe"), Missing("importe"), CountDistinct("casos"), Median("casos")}
	want, err := GroupBy(df, "clave").Agg(aggs...)
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewPartial([]string{"clave"}, aggs...)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewPartial([]string{"clave"}, aggs...)
	for start := 0; start < df.Nrow(); start += 3000 {
		end := start + 3000
		if end > df.Nrow() {
			end = df.Nrow()
		}
		idx := make([]int, end-start)
		for i := range idx {
			idx[i] = start + i
		}
		chunk := df.Subset(idx)
		p := a
		if start/3000%2 == 1 {
			p = b
		}
		if err := p.Add(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	got, err := a.Result()
	if err != nil {
		t.Fatal(err)
	}
	if got.Nrow() != want.Nrow() || a.Rows() != df.Nrow() {
		t.Fatalf("groups %d vs %d, rows %d", got.Nrow(), want.Nrow(), a.Rows())
	}
	// Merging changes first-appearance order: compare by key.
	pos := map[string]int{}
	for i, k := range stringsOf(t, want, "clave") {
		pos[k] = i
	}
	gotKeys := stringsOf(t, got, "clave")
	for _, a := range aggs {
		name := a.Name()
		t.Run(name, func(t *testing.T) {
			if got.Col(name).Type() != want.Col(name).Type() {
				t.Errorf("type %v, want %v", got.Col(name).Type(), want.Col(name).Type())
			}
			g, w := floatsOf(t, got, name), floatsOf(t, want, name)
			tol := 1e-6
			if a.kind == aggMedian {
				tol = 15 // casos spans 0..999; sketch error bound
			}
			for i, k := range gotKeys {
				wv := w[pos[k]]
				if !near(g[i], wv, tol*math.Max(1, math.Abs(wv)*1e-3)) && !near(g[i], wv, tol) {
					t.Fatalf("group %s: %v, want %v", k, g[i], wv)
				}
			}
		})
	}
}

func TestPartialErrors(t *testing.T) {
	if _, err := NewPartial([]string{"a", "a"}, Count()); err == nil {
		t.Error("duplicate key accepted")
	}
	p, _ := NewPartial([]string{"k"}, Sum("v"))
	df := mustFrame(t, frame.Strings("k", []string{"a"}, nil))
	if err := p.Add(df); err == nil {
		t.Error("missing value column accepted")
	}
	df2 := mustFrame(t, frame.Ints("k", []int{1}, nil), frame.Ints("v", []int{1}, nil))
	df3 := mustFrame(t, frame.Strings("k", []string{"a"}, nil), frame.Ints("v", []int{1}, nil))
	if err := p.Add(df3); err != nil {
		t.Fatal(err)
	}
	if err := p.Add(df2); err == nil {
		t.Error("key type change accepted")
	}
}

// TestDigestRankError measures the sketch's rank error on skewed data.
func TestDigestRankError(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, n := range []int{100, 200_000} {
		d := newDigest(false)
		vals := make([]float64, n)
		for i := range vals {
			vals[i] = math.Exp(r.NormFloat64() * 2)
		}
		// Feed as 8 merged parts.
		parts := make([]*digest, 8)
		for i := range parts {
			parts[i] = newDigest(false)
		}
		for i, v := range vals {
			parts[i%8].add(v, 1)
		}
		for _, p := range parts {
			d.merge(p)
		}
		sort.Float64s(vals)
		for _, q := range []float64{0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99} {
			est := d.quantile(q)
			if n <= digestExactLimit {
				if est != quantileSorted(vals, q) {
					t.Errorf("n=%d q=%v: %v, want exact %v", n, q, est, quantileSorted(vals, q))
				}
				continue
			}
			rank := float64(sort.SearchFloat64s(vals, est)) / float64(n)
			if math.Abs(rank-q) > 0.005 {
				t.Errorf("n=%d q=%v: estimate %v has rank %v (error %.4f)", n, q, est, rank, rank-q)
			}
		}
	}
}

func BenchmarkPartial1M32Groups(b *testing.B) {
	df := benchFrame(b, 1_000_000, 32)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, _ := NewPartial([]string{"clave"}, Count(), Sum("importe"), Mean("importe"), Median("importe"))
		if err := p.Add(df); err != nil {
			b.Fatal(err)
		}
		if _, err := p.Result(); err != nil {
			b.Fatal(err)
		}
	}
}
