package analyze

import (
	"fmt"
	"math/rand"
	"testing"
)

// BenchmarkFactorizeKeys factorizes 1M text keys drawn from few distinct
// values that share their bytes, as the columns fetch builds from a
// dictionary do (state codes, procedure types).
func BenchmarkFactorizeKeys(b *testing.B) {
	for _, k := range []int{4, 32, 2500} {
		dict := make([]string, k)
		for i := range dict {
			dict[i] = fmt.Sprintf("Clave %04d de prueba", i)
		}
		r := rand.New(rand.NewSource(1))
		c := &column{s: make([]string, 1_000_000), na: make([]bool, 1_000_000)}
		for i := range c.s {
			c.s[i] = dict[r.Intn(k)]
		}
		b.Run(fmt.Sprint(k), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if g := factorize(c); g.n != k {
					b.Fatalf("%d groups, want %d", g.n, k)
				}
			}
		})
	}
}
