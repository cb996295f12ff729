package clean

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The names below are copied from the real files: Compranet's contract
// samples (PROVEEDOR_CONTRATISTA) and the SFP list of sanctioned companies.

func TestMatchNames(t *testing.T) {
	sfp := []string{"ALVARGA CONSTRUCCIONES", "FRISA INGENIERIA", "CLAVER SERVICIOS", "TENAM CONSTRUCCIONES",
		"PATRICIA FLORES SANCHEZ", "ORTEGA ORDOÑEZ Y ASOCIADOS SC", "", "  "}
	tests := []struct {
		left    string
		want    string // NameMatch.String of the only match, "" for none
		nearMis string // NameMatch.String of the only near miss, "" for none
	}{
		{"ALVARGA CONSTRUCCIONES", `"ALVARGA CONSTRUCCIONES" ~ "ALVARGA CONSTRUCCIONES" (exact)`, ""},
		{"ALVARGA CONSTRUCCIONES ", `"ALVARGA CONSTRUCCIONES " ~ "ALVARGA CONSTRUCCIONES" (exact)`, ""},
		{"PATRICIA FLORES SÁNCHEZ", `"PATRICIA FLORES SÁNCHEZ" ~ "PATRICIA FLORES SANCHEZ" (folded)`, ""},
		{"FRISA INGENIERIA, S.A. DE C.V.", `"FRISA INGENIERIA, S.A. DE C.V." ~ "FRISA INGENIERIA" (fingerprint)`, ""},
		{"CLAVER SEVICIOS", `"CLAVER SEVICIOS" ~ "CLAVER SERVICIOS" (fuzzy, distance 1)`, ""},
		{"ORTEGA ORDOÑES ASOCIADOS SA DE CV", `"ORTEGA ORDOÑES ASOCIADOS SA DE CV" ~ "ORTEGA ORDOÑEZ Y ASOCIADOS SC" (fuzzy, distance 3)`, ""},
		{"TENEK CONSTRUCCIONES SA DE CV", "", `"TENEK CONSTRUCCIONES SA DE CV" ~ "TENAM CONSTRUCCIONES" (fuzzy, distance 2)`},
		{"DREDGING INTERNATIONAL MEXICO SA DE CV", "", ""},
		{"", "", ""},
		{"---", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.left, func(t *testing.T) {
			m, nm := MatchNames([]string{tt.left}, sfp, 3)
			if got := joinMatches(m); got != tt.want {
				t.Errorf("matches %s, want %s", got, tt.want)
			}
			if got := joinMatches(nm); got != tt.nearMis {
				t.Errorf("near misses %s, want %s", got, tt.nearMis)
			}
		})
	}
	t.Run("fuzzy off", func(t *testing.T) {
		m, nm := MatchNames([]string{"CLAVER SEVICIOS"}, sfp, 0)
		if len(m)+len(nm) != 0 {
			t.Errorf("maxDist 0 still matched: %v %v", m, nm)
		}
	})
	t.Run("every right name at the best level", func(t *testing.T) {
		m, _ := MatchNames([]string{"Alvarga Construcciones"}, []string{"ALVARGA CONSTRUCCIONES", "ALVARGA CONSTRUCCIONES, S.A.", "alvarga construcciones"}, 2)
		if got := joinMatches(m); got != `"Alvarga Construcciones" ~ "ALVARGA CONSTRUCCIONES" (folded); "Alvarga Construcciones" ~ "alvarga construcciones" (folded)` {
			t.Errorf("got %s", got)
		}
	})
}

// TestMatchNamesSFP matches the real typos of the SFP list against the rest
// of the list: "CLAVER SEVICIOS" is a near-duplicate of "CLAVER SERVICIOS".
func TestMatchNamesSFP(t *testing.T) {
	f, err := os.Open("testdata/sfp_empresas_sancionadas_300.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rest []string
	for _, r := range rows[1:] {
		if r[0] != "CLAVER SEVICIOS" {
			rest = append(rest, r[0])
		}
	}
	if len(rest) != 299 {
		t.Fatalf("%d names", len(rest))
	}
	m, _ := MatchNames([]string{"CLAVER SEVICIOS", "ALVARGA CONSTRUCCIONES SA DE CV"}, rest, 2)
	want := `"ALVARGA CONSTRUCCIONES SA DE CV" ~ "ALVARGA CONSTRUCCIONES" (fingerprint); "CLAVER SEVICIOS" ~ "CLAVER SERVICIOS" (fuzzy, distance 1)`
	if got := joinMatches(m); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func joinMatches(m []NameMatch) string {
	s := make([]string, len(m))
	for i, x := range m {
		s[i] = x.String()
	}
	return strings.Join(s, "; ")
}

func ExampleMatchNames() {
	proveedores := []string{"FRISA INGENIERIA, S.A. DE C.V.", "CLAVER SEVICIOS", "TENEK CONSTRUCCIONES SA DE CV"}
	sancionadas := []string{"FRISA INGENIERIA", "CLAVER SERVICIOS", "TENAM CONSTRUCCIONES"}
	matches, nearMisses := MatchNames(proveedores, sancionadas, 2)
	for _, m := range matches {
		fmt.Println(m)
	}
	for _, m := range nearMisses {
		fmt.Println("not accepted:", m)
	}
	// Output:
	// "CLAVER SEVICIOS" ~ "CLAVER SERVICIOS" (fuzzy, distance 1)
	// "FRISA INGENIERIA, S.A. DE C.V." ~ "FRISA INGENIERIA" (fingerprint)
	// not accepted: "TENEK CONSTRUCCIONES SA DE CV" ~ "TENAM CONSTRUCCIONES" (fuzzy, distance 2)
}

// BenchmarkMatchNames matches 5,000 generated supplier names against 2,000.
func BenchmarkMatchNames(b *testing.B) {
	words := []string{"CONSTRUCCIONES", "SERVICIOS", "GRUPO", "INGENIERIA", "COMERCIALIZADORA", "DEL", "NORTE",
		"PROYECTOS", "INTEGRALES", "MEXICO", "SURESTE", "ASOCIADOS", "DISTRIBUIDORA", "TECNICOS"}
	gen := func(n, seed int) []string {
		out := make([]string, n)
		x := uint32(seed)
		for i := range out {
			var w []string
			for j := 0; j < 3; j++ {
				x = x*1664525 + 1013904223
				w = append(w, words[int(x>>8)%len(words)])
			}
			x = x*1664525 + 1013904223
			out[i] = strings.Join(w, " ") + " " + string(rune('A'+x>>8%26)) + string(rune('A'+x>>16%26)) + " SA DE CV"
		}
		return out
	}
	names, right := gen(5000, 1), gen(2000, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		MatchNames(names, right, 2)
	}
}

// FuzzMatchNames checks that no pair of names makes MatchNames panic and
// that every match it gives is what its kind says.
func FuzzMatchNames(f *testing.F) {
	f.Add("FRISA INGENIERIA, S.A. DE C.V.", "FRISA INGENIERIA", 2)
	f.Add("CLAVER SEVICIOS", "CLAVER SERVICIOS", 3)
	f.Add("TENEK CONSTRUCCIONES SA DE CV", "TENAM CONSTRUCCIONES", 2)
	f.Add("Ñandú, S. de R.L. de C.V.", "ÑANDU", 1)
	f.Add("", "\xff\xfe", 0)
	f.Fuzz(func(t *testing.T, l, r string, maxDist int) {
		maxDist %= 6
		m, nm := MatchNames([]string{l, r + " "}, []string{r, l}, maxDist)
		for _, x := range append(m, nm...) {
			if (x.Left != l && x.Left != r+" ") || (x.Right != r && x.Right != l) {
				t.Fatalf("match of names not given: %v", x)
			}
			switch x.How {
			case MatchExact:
				if strings.TrimSpace(x.Left) != strings.TrimSpace(x.Right) {
					t.Fatalf("exact match of different names: %v", x)
				}
			case MatchFolded:
				if FoldString(x.Left) != FoldString(x.Right) {
					t.Fatalf("folded match with different keys: %v", x)
				}
			case MatchFuzzy:
				if x.Distance < 1 || x.Distance > maxDist {
					t.Fatalf("fuzzy distance %d outside 1..%d: %v", x.Distance, maxDist, x)
				}
			}
		}
	})
}
