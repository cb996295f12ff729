package clean

import (
	"math"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

func TestUnwrapCell(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{`="01"`, "01", true},
		{`= "007" `, "007", true},
		{"=CONCATENAR(0,01) ", "01", true},
		{"=CONCATENAR( ,10) ", "10", true},
		{`=CONCATENATE("0","1")`, "01", true},
		{`=concatenar("09";"001")`, "09001", true},
		{"'01", "01", true},
		{"01", "01", false},
		{"=SUMA(A1:A3)", "=SUMA(A1:A3)", false},
		{"=CONCATENAR(A1,B1)", "=CONCATENAR(A1,B1)", false},
		{"=CONCATENAR(IZQ(A1),1)", "=CONCATENAR(IZQ(A1),1)", false},
		{"'O'Higgins'", "'O'Higgins'", false},
		{`="unterminated`, `="unterminated`, false},
		{"=", "=", false},
		{"", "", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, ok := StripFormulasString(c.in)
			if got != c.want || ok != c.ok {
				t.Errorf("StripFormulasString(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

// TestInegiConsulta cleans INEGI's "Consulta interactiva" export of the
// 2020 census: state keys written as =CONCATENAR(0,01), thousands
// separators, a footer and an empty last column.
func TestInegiConsulta(t *testing.T) {
	df := readTestCSV(t, "inegi_censo2020_poblacion_municipio_sexo_consulta.csv", true, 3)
	out, rep, err := StripFormulas(df)
	if err != nil {
		t.Fatal(err)
	}
	cr, ok := rep.Column("colA")
	if !ok || cr.Changed != 32 || len(cr.Seen) != 1 || cr.Seen[0] != (Tally{"CONCATENAR(…)", 32}) {
		t.Fatalf("report %+v", cr)
	}
	keys := col(t, out, "colA").Records()
	names := col(t, out, "colB").Records()
	idx := map[string]int{}
	for i, k := range keys {
		idx[k] = i
	}
	for code, name := range map[string]string{"01": "Aguascalientes", "09": "Ciudad de México", "10": "Durango", "15": "México", "32": "Zacatecas"} {
		i, ok := idx[code]
		if !ok || names[i] != name {
			t.Errorf("state %s: found %v, name %q", code, ok, names[i])
		}
	}
	out, rep, err = Numbers(out, "Total", "Hombres", "Mujeres")
	if err != nil {
		t.Fatal(err)
	}
	tot, na := frame.FloatsOf(col(t, out, "Total"))
	sum := 0.0
	states := 0
	for i, k := range keys {
		if len(k) == 2 && !na[i] {
			sum += tot[i]
			states++
		}
	}
	if states != 32 || sum != 126014024 || tot[0] != 126014024 {
		t.Errorf("32 states sum to %v (%d states), national row %v", sum, states, tot[0])
	}
	if cr, _ := rep.Column("Total"); cr.Failed != 0 || cr.BecameMissingCount() != 1 || math.IsNaN(tot[1]) {
		t.Errorf("Total report %+v", cr)
	}
	out, rep, err = RemoveEmpty(out)
	if err != nil {
		t.Fatal(err)
	}
	if out.Ncol() != 5 || len(rep.Columns) != 1 || rep.Columns[0].Column != "colF" {
		t.Errorf("remove empty: %d columns, report %v", out.Ncol(), rep)
	}
}
