package frame

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func TestViewsShareAndMatchCol(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"a", "NaN", "c"}, series.String, "s"),
		series.New([]float64{1, 2, 3}, series.Float, "f"),
		series.New([]int{7, 8, 9}, series.Int, "i"),
	)
	cols, err := Views(df)
	if err != nil {
		t.Fatal(err)
	}
	if len(cols) != 3 {
		t.Fatalf("%d views, want 3", len(cols))
	}
	for k, name := range df.Names() {
		t.Run(name, func(t *testing.T) {
			want := df.Col(name)
			got := cols[k]
			if got.Name != name || got.Type() != want.Type() {
				t.Fatalf("view %q %s, want %q %s", got.Name, got.Type(), name, want.Type())
			}
			if fmt.Sprint(got.Records(), got.IsNaN()) != fmt.Sprint(want.Records(), want.IsNaN()) {
				t.Errorf("view %v, Col %v", got.Records(), want.Records())
			}
		})
	}
	v, err := View(df, "f")
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Float(); got[2] != 3 {
		t.Errorf("View f = %v", got)
	}
	if _, err := View(df, "nope"); err == nil {
		t.Error("View of a missing column: no error")
	}
	if _, err := Views(dataframe.DataFrame{Err: fmt.Errorf("broken")}); err == nil {
		t.Error("Views of a frame with Err: no error")
	}
}

// TestStringsDictMatchesStrings is the differential test of the dictionary
// path against series.New, over few and many distinct values, missing
// masks and the "NaN" text gota always treats as missing.
func TestStringsDictMatchesStrings(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, tc := range []struct {
		name     string
		n, kinds int
		naEvery  int
	}{
		{"short", 10, 3, 0},
		{"few distinct", 5000, 32, 0},
		{"few distinct with missing", 5000, 32, 7},
		{"many distinct", 20000, 1 << 30, 11},
		{"all missing", 1000, 3, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := make([]string, tc.n)
			na := make([]bool, tc.n)
			for i := range v {
				v[i] = fmt.Sprint("v", r.Intn(tc.kinds))
				if i%97 == 0 {
					v[i] = "NaN"
				}
				if tc.naEvery > 0 && i%tc.naEvery == 0 {
					na[i] = true
				}
			}
			want := Strings("x", v, na)
			got := StringsDict("x", v, na)
			if got.Err != nil {
				t.Fatal(got.Err)
			}
			if got.Name != "x" || got.Len() != want.Len() {
				t.Fatalf("got %q len %d", got.Name, got.Len())
			}
			wr, gr := want.Records(), got.Records()
			wn, gn := want.IsNaN(), got.IsNaN()
			for i := range wr {
				if wr[i] != gr[i] || wn[i] != gn[i] {
					t.Fatalf("row %d: got %q %v, want %q %v", i, gr[i], gn[i], wr[i], wn[i])
				}
			}
		})
	}
}

func BenchmarkStringsBuild(b *testing.B) {
	v := make([]string, 1_000_000)
	for i := range v {
		v[i] = fmt.Sprint("Estado ", i%32)
	}
	b.Run("Strings", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			Strings("x", v, nil)
		}
	})
	b.Run("StringsDict", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			StringsDict("x", v, nil)
		}
	})
}

func BenchmarkColumnRead(b *testing.B) {
	v := make([]string, 1_000_000)
	for i := range v {
		v[i] = fmt.Sprint("Estado ", i%32)
	}
	df := dataframe.New(series.New(v, series.String, "x"))
	b.Run("Col", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			StringsOf(df.Col("x"))
		}
	})
	b.Run("View", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s, _ := View(df, "x")
			StringsOf(s)
		}
	})
}

func BenchmarkCodes(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	names := []string{"Adjudicación Directa", "Licitación Pública", "Invitación a 3", "Otro", "Ciudad de México", "Michoacán de Ocampo", "Veracruz de Ignacio de la Llave"}
	v := make([]string, 1_000_000)
	for i := range v {
		v[i] = names[r.Intn(len(names))]
	}
	b.Run("Dict", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			Codes(v, nil)
		}
	})
	b.Run("map", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			m := map[string]int{}
			codes := make([]int, len(v))
			for k, x := range v {
				c, ok := m[x]
				if !ok {
					c = len(m)
					m[x] = c
				}
				codes[k] = c
			}
		}
	})
}

// TestNumberDictsMatchPlain is the differential test of FloatsDict and
// IntsDict against Floats and Ints, with -0, NaN, repeated runs and
// missing masks.
func TestNumberDictsMatchPlain(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for _, tc := range []struct {
		name    string
		n, k    int
		naEvery int
	}{
		{"short", 50, 3, 0},
		{"few", 10_000, 40, 0},
		{"few with missing", 10_000, 40, 9},
		{"many", 30_000, 1 << 30, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := make([]float64, tc.n)
			iv := make([]int, tc.n)
			na := make([]bool, tc.n)
			for i := range f {
				x := r.Intn(tc.k)
				f[i] = float64(x) / 4
				iv[i] = x - 7
				switch {
				case i%101 == 0:
					f[i] = math.Copysign(0, -1)
				case i%103 == 0:
					f[i] = math.NaN()
				case i%5 == 0 && i > 0:
					f[i], iv[i] = f[i-1], iv[i-1] // runs
				}
				if tc.naEvery > 0 && i%tc.naEvery == 0 {
					na[i] = true
				}
			}
			pairs := [][2]series.Series{
				{Floats("f", f, na), FloatsDict("f", f, na)},
				{Ints("i", iv, na), IntsDict("i", iv, na)},
				{Floats("f", f, nil), FloatsDict("f", f, nil)},
			}
			for _, p := range pairs {
				want, got := p[0], p[1]
				if got.Err != nil || got.Len() != want.Len() || got.Type() != want.Type() {
					t.Fatalf("%s: len %d type %s err %v", want.Name, got.Len(), got.Type(), got.Err)
				}
				wn, gn := want.IsNaN(), got.IsNaN()
				wf, gf := want.Float(), got.Float()
				for i := range wn {
					if wn[i] != gn[i] || math.Float64bits(wf[i]) != math.Float64bits(gf[i]) && !(math.IsNaN(wf[i]) && math.IsNaN(gf[i])) {
						t.Fatalf("%s row %d: got %v %v, want %v %v", want.Name, i, gf[i], gn[i], wf[i], wn[i])
					}
				}
			}
		})
	}
}
