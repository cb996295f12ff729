package clean

import (
	"errors"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

func TestCleanNames(t *testing.T) {
	cases := []struct {
		name string
		in   []string
		want []string
	}{
		{"spaces and accents", []string{"Clave de la Entidad ", "Año", "Población total"}, []string{"clave_de_la_entidad", "ano", "poblacion_total"}},
		{"camel", []string{"NombreEstado", "PIBEstatal", "idRegistro", "ID_REGISTRO"}, []string{"nombre_estado", "pib_estatal", "id_registro", "id_registro_2"}},
		{"digits and empty", []string{"2020", "", "  ", "% mujeres", "# casos"}, []string{"x2020", "col_2", "col_3", "pct_mujeres", "num_casos"}},
		{"repeats", []string{"x", "X", "x_2", "x"}, []string{"x", "x_3", "x_2", "x_4"}},
		{"mojibake and punctuation", []string{"PoblaciÃ³n (miles)", "MC ", "Bien jurídico afectado"}, []string{"poblacion_miles", "mc", "bien_juridico_afectado"}},
		{"only symbols", []string{"¿?", "—"}, []string{"col_1", "col_2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := NameStrings(c.in)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("NameStrings(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// TestNamesCuentaPublica cleans the real header of SHCP's Cuenta Pública
// totals, whose names carry accents (GC_GASTO_DE_OPERACIÓN).
func TestNamesCuentaPublica(t *testing.T) {
	df := Names(readTestCSV(t, "shcp_cuenta_publica_ramo_20.csv", false, 0))
	want := "ciclo,ente,ramo,presupuesto,gc_servicios_personales,gc_gasto_de_operacion,gc_subsidios,gc_otros_de_corriente,gc_suma," +
		"gi_pensiones_y_jubilaciones,gi_inversion_fisica,gi_subsidios,gi_otros_de_inversion,gi_suma,total,porcentaje_corriente," +
		"porcentaje_pensiones_y_jubilaciones,porcentaje_inversion"
	if got := strings.Join(df.Names(), ","); got != want {
		t.Errorf("names\n%s\nwant\n%s", got, want)
	}
	if df.Nrow() != 20 {
		t.Errorf("rows %d", df.Nrow())
	}
	bad := dataframe.DataFrame{Err: errors.New("boom")}
	if Names(bad).Err == nil {
		t.Error("Names dropped the error")
	}
}

func FuzzNames(f *testing.F) {
	for _, s := range []string{"Clave de la Entidad ", "GC_GASTO_DE_OPERACIÓN", "2020", "", "PIBEstatal", "MÃ©xico", "\xff"} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		names := NameStrings([]string{a, b, a})
		seen := map[string]bool{}
		for _, n := range names {
			if n == "" || seen[n] {
				t.Fatalf("NameStrings(%q, %q) = %q: empty or repeated", a, b, names)
			}
			seen[n] = true
			for _, r := range n {
				if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
					t.Fatalf("non snake_case name %q from %q", n, a)
				}
			}
			if n[0] >= '0' && n[0] <= '9' {
				t.Fatalf("name %q starts with a digit", n)
			}
		}
		if NameString(names[0]) != names[0] && names[0] != "col_1" {
			t.Fatalf("NameString not idempotent on %q", names[0])
		}
		df, err := frame.New(frame.Strings("a", []string{"1"}, nil))
		if err == nil && Names(df).Err != nil {
			t.Fatal(Names(df).Err)
		}
	})
}
