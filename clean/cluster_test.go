package clean

import (
	"encoding/csv"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/frame"
)

func readCSVColumn(t testing.TB, path, col string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	j := -1
	for i, h := range recs[0] {
		if h == col {
			j = i
		}
	}
	if j < 0 {
		t.Fatalf("%s: no column %q", path, col)
	}
	out := make([]string, 0, len(recs)-1)
	for _, r := range recs[1:] {
		out = append(out, r[j])
	}
	return out
}

func TestFingerprintKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Constructora Pérez, S.A. de C.V.", "constructora perez"},
		{"PEREZ CONSTRUCTORA SA DE CV", "constructora perez"},
		{"Constructora Pérez S. A. de C. V.", "constructora perez"},
		{"COMERCIALIZADORA DOS B, S.A. DE C.V.", "b comercializadora dos"},
		{"COMERCIALIZADORA DOS B SA DE CV", "b comercializadora dos"},
		{"Servicios Integrales, S. de R.L. de C.V.", "integrales servicios"},
		{"SERVICIOS INTEGRALES S DE RL DE CV", "integrales servicios"},
		{"Despacho Jurídico, S.C.", "despacho juridico"},
		{"Fondo Capital, S.A.P.I. de C.V., SOFOM, E.N.R.", "capital fondo"},
		{"Universidad La Salle, A.C.", "la salle universidad"},
		{"Cía. Minera del Norte", "compania del minera norte"},
		{"J.A. Pérez", "ja perez"},
		{"S.A. de C.V.", "sa"}, // never an empty name: the first word stays
		{"  ", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := FingerprintKey(tt.in); got != tt.want {
				t.Fatalf("FingerprintKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLegalForm(t *testing.T) {
	tests := []struct{ in, base, form string }{
		{"Grupo Azteca, S.A. de C.V.", "grupo azteca", "S.A. de C.V."},
		{"GRUPO AZTECA SA DE CV", "grupo azteca", "S.A. de C.V."},
		{"Grupo Azteca S. A. de C. V.", "grupo azteca", "S.A. de C.V."},
		{"Grupo Azteca SADECV", "grupo azteca", "S.A. de C.V."},
		{"Fondo X, S.A.P.I. de C.V., SOFOM, E.N.R.", "fondo x", "S.A.P.I. de C.V. SOFOM E.N.R."},
		{"Consultores S. de R.L. de C.V.", "consultores", "S. de R.L. de C.V."},
		{"Proveedora Toluca Sociedad Anónima de Capital Variable", "proveedora toluca", "S.A. de C.V."},
		{"Casa Pérez", "casa perez", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			b, f := LegalForm(tt.in)
			if b != tt.base || f != tt.form {
				t.Fatalf("LegalForm(%q) = %q, %q; want %q, %q", tt.in, b, f, tt.base, tt.form)
			}
		})
	}
}

func TestNGramKey(t *testing.T) {
	if a, b := NGramKey("IMPRO PUBLICIDAD", 2), NGramKey("IMPROPUBLICIDAD, S.A. de C.V.", 2); a != b {
		t.Fatalf("%q != %q", a, b)
	}
	if got := NGramKey("abab", 2); got != "abba" {
		t.Fatalf("NGramKey(abab) = %q", got)
	}
	if got := NGramKey("a", 2); got != "a" {
		t.Fatalf("NGramKey(a) = %q", got)
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"México", "Mexico", 1},
		{"ADMINSITRADORA", "ADMINISTRADORA", 2}, {"ñuu", "nuu", 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if d := Levenshtein(tt.a, tt.b); d != tt.d {
				t.Fatalf("got %d want %d", d, tt.d)
			}
			if d := Levenshtein(tt.b, tt.a); d != tt.d {
				t.Fatalf("reversed: got %d want %d", d, tt.d)
			}
			if d := levenshteinBounded(tt.a, tt.b, 1); d != min(tt.d, 2) {
				t.Fatalf("bounded: got %d", d)
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"Veracruz", "Veracruz de Ignacio de la Llave", 0.8, 0.96},
		{"Coahuila", "Coahuila de Zaragoza", 0.8, 0.96},
		{"Verakruz", "Veracruz", 0.85, 0.9},
		{"1", "01", 0.95, 0.95},
		{"MICHOACÁN", "michoacan", 1, 1},
		{"Sonora", "Tabasco", 0, 0.4},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if s := Similarity(tt.a, tt.b); s < tt.min || s > tt.max {
				t.Fatalf("Similarity = %.3f, want [%.2f, %.2f]", s, tt.min, tt.max)
			}
		})
	}
}

// TestClustersCompranet clusters the real supplier names of two Compranet
// samples (798 contracts).
func TestClustersCompranet(t *testing.T) {
	vals := readCSVColumn(t, "testdata/cluster/compranet_proveedores.csv", "PROVEEDOR_CONTRATISTA")
	if len(vals) != 798 {
		t.Fatalf("%d rows", len(vals))
	}
	for _, m := range []Method{Fingerprint, NGram} {
		t.Run(m.String(), func(t *testing.T) {
			cs := Clusters(vals, m)
			if len(cs) != 19 {
				t.Fatalf("%d clusters, want 19", len(cs))
			}
			first := cs[0]
			if first.Canonical != "FUNDACION DE INVESTIGACIÓN PARA EL DESARROLLO PROFESIONAL" || len(first.Values) != 3 || first.Rows != 3 {
				t.Fatalf("first cluster %+v", first)
			}
			mp := Mapping(cs)
			want := map[string]string{
				"Construcción Eficiente, S.A de C.V.":                             "CONSTRUCCION EFICIENTE SA DE CV",
				"GRUPO COMERCIAL REYFE, S.A. DE C.V.":                             "GRUPO COMERCIAL REYFE SA DE CV",
				"UNIVERSIDAD LA SALLE AC":                                         "UNIVERSIDAD LA SALLE, A.C.",
				"COMERCIALIZADORA DOS B SA DE CV":                                 "COMERCIALIZADORA DOS B, S.A. DE C.V.",
				"PATRICIA FLORES SANCHEZ":                                         "PATRICIA FLORES SÁNCHEZ",
				"COMISION FEDERAL DE ELECTRICIDAD ":                               "COMISION FEDERAL DE ELECTRICIDAD",
				"FUNDACION DE INVESTIGACION PARA EL DESARROLLO PROFESIONAL, S.C.": "FUNDACION DE INVESTIGACIÓN PARA EL DESARROLLO PROFESIONAL",
			}
			for from, to := range want {
				if mp[from] != to {
					t.Errorf("Mapping[%q] = %q, want %q", from, mp[from], to)
				}
			}
			if len(mp) != 20 {
				t.Errorf("%d mappings, want 20", len(mp))
			}
			for _, c := range cs {
				if c.Values[0].Count < c.Values[len(c.Values)-1].Count {
					t.Errorf("values not sorted: %+v", c.Values)
				}
			}
		})
	}
	near := Clusters(vals, Nearest)
	found := false
	for _, c := range near {
		if c.Canonical == "ORTEGA ORDOÑES ASOCIADOS SA DE CV" && c.Values[1].Value == "ORTEGA ORDOÑEZ Y ASOCIADOS SC" && c.Distance == 3 {
			found = true
		}
	}
	if len(near) != 20 || !found {
		t.Fatalf("%d nearest clusters (want 20), ORTEGA ORDOÑES found: %v", len(near), found)
	}
}

// TestClustersSFP finds typos in the SFP list of sanctioned companies.
func TestClustersSFP(t *testing.T) {
	vals := readCSVColumn(t, "testdata/cluster/sfp_empresas_sancionadas_nombres.csv", "empresa_sancionada")
	if len(vals) != 1594 {
		t.Fatalf("%d rows", len(vals))
	}
	fp := Clusters(vals, Fingerprint)
	near := Clusters(vals, Nearest)
	if len(fp) != 12 || len(near) != 24 {
		t.Fatalf("%d fingerprint and %d nearest clusters; want 12 and 24", len(fp), len(near))
	}
	want := map[string][]string{
		"CLAVER SERVICIOS":                   {"CLAVER SERVICIOS", "CLAVER SEVICIOS"},
		"MEDIAFUSION":                        {"MEDFUSION", "MEDIAFUSION"},
		"SUMINISTROS DE INSUMOS DEL SURESTE": {"SUMINISTRO DE INSUMOS DEL SURESTE", "SUMINISTROS DE INSUMOS DEL SURESTE"},
		"PROVEEDORA COMERCIAL TOLUCA SOCIEDAD ANONIMA DE CAPITAL VARIABLE": {"PROVEEDORA COMERCIAL DE TOLUCA", "PROVEEDORA COMERCIAL TOLUCA", "PROVEEDORA COMERCIAL TOLUCA SOCIEDAD ANONIMA DE CAPITAL VARIABLE"},
	}
	got := map[string][]string{}
	for _, c := range near {
		for _, v := range c.Values {
			got[c.Canonical] = append(got[c.Canonical], v.Value)
		}
		// Short distinctive words keep different companies apart.
		if strings.HasPrefix(c.Canonical, "REPRESENTACIONES") || strings.HasPrefix(c.Canonical, "CONSTRUCTORA") {
			t.Errorf("false cluster %+v", c)
		}
	}
	for k, v := range want {
		if strings.Join(got[k], "|") != strings.Join(v, "|") {
			t.Errorf("cluster %q = %q, want %q", k, got[k], v)
		}
	}
}

func TestClustersEdgeCases(t *testing.T) {
	if cs := Clusters(nil, Fingerprint); len(cs) != 0 {
		t.Fatalf("nil: %v", cs)
	}
	if cs := Clusters([]string{"a", "a", "", "  "}, Nearest); len(cs) != 0 {
		t.Fatalf("one spelling is no cluster: %v", cs)
	}
	if cs := Clusters([]string{"x"}, Method(9)); cs != nil {
		t.Fatalf("unknown method: %v", cs)
	}
	// Ties: accents win, then tidy spacing, then length.
	cs := Clusters([]string{"Mexico", "México", "MEXICO "}, Fingerprint)
	if len(cs) != 1 || cs[0].Canonical != "México" || cs[0].Rows != 3 {
		t.Fatalf("%+v", cs)
	}
	// Deterministic order: more spellings first, then more rows.
	vals := []string{"b", "B", "a", "A", "A", "c", "C", "c."}
	cs = Clusters(vals, Fingerprint)
	if len(cs) != 3 || cs[0].Key != "c" || cs[1].Key != "a" || cs[2].Key != "b" {
		t.Fatalf("order %+v", cs)
	}
}

func TestApplyClusters(t *testing.T) {
	vals := []string{"GRUPO RAUDALES, S.A. DE C.V.", "GRUPO RAUDALES SA DE CV", "Otro", "GRUPO RAUDALES, S.A. DE C.V.", ""}
	df, err := frame.New(frame.Strings("proveedor", vals, []bool{false, false, false, false, true}), frame.Floats("importe", []float64{1, 2, 3, 4, 5}, nil))
	if err != nil {
		t.Fatal(err)
	}
	col, err := ColumnValues(df, "proveedor")
	if err != nil {
		t.Fatal(err)
	}
	out, rep, err := ApplyClusters(df, "proveedor", Clusters(col, Fingerprint))
	if err != nil {
		t.Fatal(err)
	}
	got, na := frame.StringsOf(out.Col("proveedor"))
	cr, ok := rep.Column("proveedor")
	if got[1] != "GRUPO RAUDALES, S.A. DE C.V." || !na[4] || !ok || cr.Changed != 1 {
		t.Fatalf("got %q, report %+v", got, rep)
	}
	if !strings.Contains(rep.String(), "GRUPO RAUDALES SA DE CV → GRUPO RAUDALES, S.A. DE C.V.") {
		t.Fatalf("String:\n%s", rep)
	}
	if _, _, err := ApplyClusters(df, "nope", nil); !errors.Is(err, ErrNoColumn) {
		t.Fatalf("err %v", err)
	}
	if _, err := ColumnValues(df, "nope"); !errors.Is(err, ErrNoColumn) {
		t.Fatalf("err %v", err)
	}
}

func FuzzFingerprint(f *testing.F) {
	for _, s := range []string{"Constructora Pérez, S.A. de C.V.", "S. de R.L. de C.V.", "a b c d", "\xff\xfe", "MÃ©xico", "", "Cía.", "s a de c v s a de c v"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := FingerprintKey(s)
		if !utf8.ValidString(k) || strings.Contains(k, "  ") || strings.TrimSpace(k) != k {
			t.Fatalf("FingerprintKey(%q) = %q", s, k)
		}
		if k != strings.ToLower(k) && k == FoldString(k) {
			t.Fatalf("not folded: %q", k)
		}
		NGramKey(s, 2)
		LegalForm(s)
		Clusters([]string{s, strings.ToUpper(s), s + " SA DE CV"}, Nearest)
	})
}

// names50k makes 50,000 distinct supplier-like names with typos.
func names50k() []string {
	rng := rand.New(rand.NewSource(1))
	a := []string{"COMERCIALIZADORA", "CONSTRUCTORA", "SERVICIOS", "GRUPO", "DISTRIBUIDORA", "PROVEEDORA", "CONSULTORES", "INGENIERIA", "TRANSPORTES", "SISTEMAS"}
	b := []string{"DEL NORTE", "INTEGRALES", "DE MEXICO", "DEL BAJIO", "DEL SURESTE", "INDUSTRIALES", "MEDICOS", "AGRICOLAS", "URBANOS", "GLOBALES"}
	forms := []string{"SA DE CV", "S.A. DE C.V.", "S DE RL DE CV", "SC", ""}
	seen := map[string]bool{}
	var out []string
	for len(out) < 50000 {
		w := []byte(fmt.Sprintf("%s %s %c%c%c%d", a[rng.Intn(len(a))], b[rng.Intn(len(b))], 'A'+rng.Intn(26), 'A'+rng.Intn(26), 'A'+rng.Intn(26), rng.Intn(1000)))
		if rng.Intn(4) == 0 {
			i := rng.Intn(len(w))
			w[i] = byte('A' + rng.Intn(26))
		}
		s := string(w) + " " + forms[rng.Intn(len(forms))]
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func BenchmarkClustersNearest50k(b *testing.B) {
	vals := names50k()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Clusters(vals, Nearest)
	}
}

func BenchmarkClustersFingerprint50k(b *testing.B) {
	vals := names50k()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Clusters(vals, Fingerprint)
	}
}
