package analyze

import (
	"fmt"
	"math"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// benchFrame builds a deterministic table of n rows: a string key with
// groups distinct values, an Int count and a Float amount with 1% missing.
func benchFrame(tb testing.TB, n, groups int) dataframe.DataFrame {
	keys := make([]string, n)
	ints := make([]int, n)
	vals := make([]float64, n)
	na := make([]bool, n)
	var x uint64 = 88172645463325252
	labels := make([]string, groups)
	for g := range labels {
		labels[g] = fmt.Sprintf("%05d", g)
	}
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		keys[i] = labels[x%uint64(groups)]
		ints[i] = int(x>>40) % 1000
		vals[i] = float64(x>>11) / float64(1<<53) * 1e6
		if x%100 == 0 {
			na[i] = true
			vals[i] = math.NaN()
		}
	}
	df, err := frame.New(frame.Strings("clave", keys, nil), frame.Ints("casos", ints, nil), frame.Floats("importe", vals, na))
	if err != nil {
		tb.Fatal(err)
	}
	return df
}

func benchGroupBy(b *testing.B, groups int) {
	df := benchFrame(b, 1_000_000, groups)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := GroupBy(df, "clave").Agg(Count(), Sum("importe"), Mean("importe"), Median("importe"))
		if err != nil || out.Nrow() != groups {
			b.Fatal(err, out.Nrow())
		}
	}
}

func BenchmarkGroupBy1M32Groups(b *testing.B)    { benchGroupBy(b, 32) }
func BenchmarkGroupBy1M50000Groups(b *testing.B) { benchGroupBy(b, 50_000) }

func benchGota(b *testing.B, groups int) {
	df := benchFrame(b, 1_000_000, groups)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := df.GroupBy("clave").Aggregation(
			[]dataframe.AggregationType{dataframe.Aggregation_COUNT, dataframe.Aggregation_SUM, dataframe.Aggregation_MEAN, dataframe.Aggregation_MEDIAN},
			[]string{"importe", "importe", "importe", "importe"})
		if out.Err != nil {
			b.Fatal(out.Err)
		}
	}
}

// BenchmarkGotaGroupBy1M32Groups is gota's own GroupBy+Aggregation on the
// same data, for comparison.
func BenchmarkGotaGroupBy1M32Groups(b *testing.B)    { benchGota(b, 32) }
func BenchmarkGotaGroupBy1M50000Groups(b *testing.B) { benchGota(b, 50_000) }

func BenchmarkProfile1M(b *testing.B) {
	df := benchFrame(b, 1_000_000, 32)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if p := Profile(df); len(p.Columns) != 3 {
			b.Fatal(p.Err)
		}
	}
}

func BenchmarkRate1M(b *testing.B) {
	df := benchFrame(b, 1_000_000, 32)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Rate(df, "casos", "importe", 100_000, "tasa"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGroupBy1MTwoKeys(b *testing.B) {
	df := benchFrame(b, 1_000_000, 50_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := GroupBy(df, "clave", "casos").Agg(Count(), Sum("importe")); err != nil {
			b.Fatal(err)
		}
	}
}
