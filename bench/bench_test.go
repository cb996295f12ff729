package bench

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/internal/gen"
)

// rowsFor returns the benchmark size: 100,000 rows (CI), or
// CIFRA_BENCH_ROWS (e.g. 1000000) when set.
func rowsFor(tb testing.TB) int {
	if s := os.Getenv("CIFRA_BENCH_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			tb.Fatalf("CIFRA_BENCH_ROWS=%q: want a positive integer", s)
		}
		return n
	}
	return 100_000
}

// files writes the clean and messy contract files for n rows.
func files(tb testing.TB, n int) (cleanPath, messyPath string) {
	dir := tb.TempDir()
	cleanPath = filepath.Join(dir, "contratos.csv")
	messyPath = filepath.Join(dir, "contratos_1252.csv")
	for _, f := range []struct {
		path  string
		write func(*os.File) error
	}{
		{cleanPath, func(w *os.File) error { return gen.Contracts(w, n, 1) }},
		{messyPath, func(w *os.File) error { return gen.ContractsMessy(w, n, 1) }},
	} {
		w, err := os.Create(f.path)
		if err != nil {
			tb.Fatal(err)
		}
		if err := f.write(w); err != nil {
			tb.Fatal(err)
		}
		if err := w.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return cleanPath, messyPath
}

// TestTasksAgree checks on a small file that the four tasks agree with each
// other: the same total amount whichever way it is summed, and the messy
// twin (whose N/D amounts are missing) never above the clean total.
func TestTasksAgree(t *testing.T) {
	cleanPath, messyPath := files(t, 5_000)
	total, err := T1(cleanPath)
	if err != nil {
		t.Fatal(err)
	}
	if !(total > 0) {
		t.Fatalf("T1 total = %v", total)
	}
	g, err := T2(cleanPath)
	if err != nil {
		t.Fatal(err)
	}
	var sum2 float64
	var count2 int
	for i := 0; i < g.Nrow(); i++ {
		sum2 += g.Col("importe_sum").Elem(i).Float()
		c, _ := g.Col("count").Elem(i).Int()
		count2 += c
	}
	if count2 != 5_000 {
		t.Errorf("T2 counts add to %d, want 5000", count2)
	}
	if math.Abs(sum2-total) > 1e-6*total {
		t.Errorf("T2 sums add to %f, T1 total %f", sum2, total)
	}
	pop, err := Population()
	if err != nil {
		t.Fatal(err)
	}
	r, err := T3(cleanPath, pop)
	if err != nil {
		t.Fatal(err)
	}
	if r.Nrow() != 32 {
		t.Errorf("T3 has %d states, want 32", r.Nrow())
	}
	m, err := T4(messyPath)
	if err != nil {
		t.Fatal(err)
	}
	if m.Nrow() != 32 {
		t.Errorf("T4 has %d states, want 32", m.Nrow())
	}
	var sum4 float64
	for i := 0; i < m.Nrow(); i++ {
		if v := m.Col("importe_sum").Elem(i).Float(); !math.IsNaN(v) {
			sum4 += v
		}
	}
	if !(sum4 > 0.9*total && sum4 <= total*(1+1e-9)) {
		t.Errorf("T4 total %f, clean total %f: the messy twin should lose only its N/D amounts", sum4, total)
	}
}

func BenchmarkT1(b *testing.B) {
	cleanPath, _ := files(b, rowsFor(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := T1(cleanPath); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkT2(b *testing.B) {
	cleanPath, _ := files(b, rowsFor(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := T2(cleanPath); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkT3(b *testing.B) {
	cleanPath, _ := files(b, rowsFor(b))
	pop, err := Population()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := T3(cleanPath, pop); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkT4(b *testing.B) {
	_, messyPath := files(b, rowsFor(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := T4(messyPath); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStreamAgreesWithWholeRead checks the streaming task against the same
// filter and sum over the whole file read at once.
func TestStreamAgreesWithWholeRead(t *testing.T) {
	cleanPath, _ := files(t, 250_000)
	got, err := Stream(cleanPath)
	if err != nil {
		t.Fatal(err)
	}
	df, err := fetch.ReadCSVFile(cleanPath, fetch.Columns("cve_ent", "importe"))
	if err != nil {
		t.Fatal(err)
	}
	codes := df.Col("cve_ent").Records()
	amounts := df.Col("importe").Float()
	wantSum := map[string]float64{}
	wantN := map[string]int{}
	for i, c := range codes {
		if amounts[i] > 1000 {
			wantSum[c] += amounts[i]
			wantN[c]++
		}
	}
	if got.Nrow() != len(wantN) {
		t.Fatalf("%d states, want %d", got.Nrow(), len(wantN))
	}
	for i := 0; i < got.Nrow(); i++ {
		c := got.Col("cve_ent").Elem(i).String()
		n, _ := got.Col("count").Elem(i).Int()
		s := got.Col("importe_sum").Elem(i).Float()
		if n != wantN[c] || math.Abs(s-wantSum[c]) > 1e-6*wantSum[c] {
			t.Errorf("state %s: %d rows, %.2f; want %d, %.2f", c, n, s, wantN[c], wantSum[c])
		}
	}
}

func BenchmarkStream(b *testing.B) {
	cleanPath, _ := files(b, rowsFor(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Stream(cleanPath); err != nil {
			b.Fatal(err)
		}
	}
}
