package clean

import (
	"testing"

	"github.com/go-gota/gota/dataframe"
)

// covid100k is the COVID-19 sample stacked 100 times (100,000 rows).
func covid100k(b *testing.B) dataframe.DataFrame {
	t := &testing.T{}
	one := covidTyped(t)
	idx := make([]int, 0, 100*one.Nrow())
	for k := 0; k < 100; k++ {
		for i := 0; i < one.Nrow(); i++ {
			idx = append(idx, i)
		}
	}
	df := one.Subset(idx)
	if df.Err != nil {
		b.Fatal(df.Err)
	}
	return df
}

func BenchmarkDerive(b *testing.B) {
	df := covid100k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _, err := Derive(df, "mayor", func(r Row) (bool, error) {
			return r.Float("EDAD") >= 60 && !r.Missing("FECHA_DEF"), nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFilter(b *testing.B) {
	df := covid100k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Filter(df, All(In("ENTIDAD_RES", "02"), Between("EDAD", 60, 200))); err != nil {
			b.Fatal(err)
		}
	}
}
