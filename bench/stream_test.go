package bench

import (
	"math"
	"testing"
)

// TestStreamParallelAgreesWithStream checks the parallel streaming task
// against the ordered one: the same states, the same counts, and sums
// equal up to summation order.
func TestStreamParallelAgreesWithStream(t *testing.T) {
	cleanPath, _ := files(t, 250_000)
	want, err := Stream(cleanPath)
	if err != nil {
		t.Fatal(err)
	}
	got, err := StreamParallel(cleanPath)
	if err != nil {
		t.Fatal(err)
	}
	if got.Nrow() != want.Nrow() || got.Nrow() != 32 {
		t.Fatalf("%d states, want %d", got.Nrow(), want.Nrow())
	}
	wantN := map[string]int{}
	wantSum := map[string]float64{}
	total := 0
	for i := 0; i < want.Nrow(); i++ {
		c := want.Col("cve_ent").Elem(i).String()
		wantN[c], _ = want.Col("count").Elem(i).Int()
		wantSum[c] = want.Col("importe_sum").Elem(i).Float()
	}
	prev := ""
	for i := 0; i < got.Nrow(); i++ {
		c := got.Col("cve_ent").Elem(i).String()
		if c <= prev {
			t.Errorf("state %s after %s: not sorted", c, prev)
		}
		prev = c
		n, _ := got.Col("count").Elem(i).Int()
		s := got.Col("importe_sum").Elem(i).Float()
		total += n
		if n != wantN[c] || math.Abs(s-wantSum[c]) > 1e-9*wantSum[c] {
			t.Errorf("state %s: %d rows, %.2f; want %d, %.2f", c, n, s, wantN[c], wantSum[c])
		}
	}
	if total != 249_490 {
		t.Errorf("%d rows above 1,000 pesos", total)
	}
}

func BenchmarkStreamParallel(b *testing.B) {
	cleanPath, _ := files(b, rowsFor(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := StreamParallel(cleanPath); err != nil {
			b.Fatal(err)
		}
	}
}
