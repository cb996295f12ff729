package frame

import (
	"math"
	"math/rand"
	"testing"

	"github.com/go-gota/gota/series"
)

// sameSeries reports the first element where a and b differ in value,
// missing flag or text, or -1.
func sameSeries(a, b series.Series) int {
	if a.Len() != b.Len() || a.Type() != b.Type() || a.Name != b.Name {
		return 0
	}
	for i := 0; i < a.Len(); i++ {
		x, y := a.Elem(i), b.Elem(i)
		if x.IsNA() != y.IsNA() || x.String() != y.String() ||
			math.Float64bits(x.Float()) != math.Float64bits(y.Float()) && !(x.IsNA() && y.IsNA()) {
			return i
		}
		xi, xerr := x.Int()
		yi, yerr := y.Int()
		if xi != yi || (xerr == nil) != (yerr == nil) {
			return i
		}
	}
	return -1
}

func TestNewFloatsAndIntsMatchSeriesNew(t *testing.T) {
	floats := []float64{0, math.Copysign(0, -1), 1, -1.5, 255, 256, 1e300, -1e-300, math.NaN(), math.Inf(1), math.Inf(-1), 94512.79, math.MaxFloat64, math.SmallestNonzeroFloat64}
	ints := []int{0, 1, -1, 255, 256, math.MaxInt64, math.MinInt64, 126014024}
	r := rand.New(rand.NewSource(3))
	for k := 0; k < 2000; k++ {
		floats = append(floats, math.Float64frombits(r.Uint64()), r.NormFloat64()*1e6)
		ints = append(ints, int(r.Uint64()), r.Intn(1000)-500)
	}
	if i := sameSeries(newFloats("f", floats), series.New(floats, series.Float, "f")); i >= 0 {
		t.Errorf("newFloats differs from series.New at %d (%v)", i, floats[i])
	}
	if i := sameSeries(newInts("i", ints), series.New(ints, series.Int, "i")); i >= 0 {
		t.Errorf("newInts differs from series.New at %d (%v)", i, ints[i])
	}
	// -0 keeps its sign, as series.New keeps it
	if f := newFloats("f", []float64{math.Copysign(0, -1)}).Elem(0).Float(); !math.Signbit(f) {
		t.Error("-0 lost its sign")
	}
	// empty
	if s := newFloats("f", nil); s.Len() != 0 || s.Type() != series.Float {
		t.Errorf("empty: %d values of %s", s.Len(), s.Type())
	}
}

func BenchmarkFloats1M(b *testing.B) {
	v := make([]float64, 1_000_000)
	for i := range v {
		v[i] = float64(i)*1.25 + 1000
	}
	b.Run("series.New", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			series.New(v, series.Float, "x")
		}
	})
	b.Run("Floats", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Floats("x", v, nil)
		}
	})
}
