package bench

import (
	"testing"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/gen"
)

// BenchmarkFoldKey folds the state names of the messy contracts file (with
// accents, upper case and abbreviations), the hot loop of matching names.
func BenchmarkFoldKey(b *testing.B) {
	names := make([]string, 0, 64)
	for _, s := range gen.States {
		names = append(names, s.Name)
	}
	names = append(names, "CIUDAD DE MEXICO", "Edo. de México", "MICHOACAN DE OCAMPO", "Nuevo Leon", "Veracruz-Llave")
	bytes := 0
	for _, n := range names {
		bytes += len(n)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, n := range names {
			_ = fold.Key(n)
		}
	}
}

// BenchmarkFoldKeyASCII is the ASCII fast path.
func BenchmarkFoldKeyASCII(b *testing.B) {
	const s = "SECRETARIA DE COMUNICACIONES Y TRANSPORTES"
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		_ = fold.Key(s)
	}
}
