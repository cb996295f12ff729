package fetch

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
)

// TestStringCodesMatchDictCodes is the differential test of the cached
// text dictionary against the plain map version.
func TestStringCodesMatchDictCodes(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, tc := range []struct {
		name  string
		n, k  int
		naPct int
	}{
		{"few", 10_000, 5, 0},
		{"states with missing", 10_000, 40, 10},
		{"near the limit", 20_000, 4500, 5},
		{"mostly distinct", 20_000, 1 << 30, 0},
		{"empty strings", 1000, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := make([]string, tc.n)
			na := make([]bool, tc.n)
			for i := range v {
				x := r.Intn(tc.k)
				switch x % 3 {
				case 0:
					v[i] = fmt.Sprint(x)
				case 1:
					v[i] = fmt.Sprintf("Estado de nombre largo número %d", x)
				default:
					v[i] = fmt.Sprintf("%08d", x)
				}
				if tc.k == 2 && x == 0 {
					v[i] = ""
				}
				na[i] = r.Intn(100) < tc.naPct
			}
			c1, f1, n1, ok1 := stringCodes(wholeText(v), na, nil)
			c2, f2, n2, ok2 := dictCodes(len(v), func(i int) string { return v[i] }, na, nil)
			if ok1 != ok2 || n1 != n2 || !reflect.DeepEqual(f1, f2) || ok1 && !reflect.DeepEqual(c1, c2) {
				t.Fatalf("stringCodes ok %v na %d %d firsts; dictCodes ok %v na %d %d firsts", ok1, n1, len(f1), ok2, n2, len(f2))
			}
		})
	}
}

func BenchmarkStringCodes(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	names := []string{"Adjudicación Directa", "Licitación Pública", "Invitación a 3", "Otro", "01", "15", "Ciudad de México", "Veracruz de Ignacio de la Llave"}
	v := make([]string, 1_000_000)
	na := make([]bool, len(v))
	for i := range v {
		v[i] = names[r.Intn(len(names))]
	}
	b.Run("cached", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			stringCodes(wholeText(v), na, nil)
		}
	})
	b.Run("map", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			dictCodes(len(v), func(i int) string { return v[i] }, na, nil)
		}
	})
}

func BenchmarkStringCodesSpread(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	names := []string{"Adjudicación Directa", "Licitación Pública", "Invitación a 3", "Otro"}
	var sb []byte
	offs := make([][2]int, 1_000_000)
	for i := range offs {
		x := names[r.Intn(len(names))]
		sb = append(sb, "CT-2020-123-0000001,12/05/2021,15,México,Secretaría de Salud,\"Grupo Azteca 12 SA DE CV\","...)
		offs[i] = [2]int{len(sb), len(x)}
		sb = append(sb, x...)
		sb = append(sb, ",12345.67,MXN\n"...)
	}
	s := string(sb)
	v := make([]string, len(offs))
	for i, o := range offs {
		v[i] = s[o[0] : o[0]+o[1]]
	}
	na := make([]bool, len(v))
	b.Run("cached", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			stringCodes(wholeText(v), na, nil)
		}
	})
	b.Run("map", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			dictCodes(len(v), func(i int) string { return v[i] }, na, nil)
		}
	})
}
