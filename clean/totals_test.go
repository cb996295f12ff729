package clean

import (
	"errors"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

func colSum(t *testing.T, df dataframe.DataFrame, name string) (float64, int) {
	t.Helper()
	s, err := frame.Column(df, name)
	if err != nil {
		t.Fatal(err)
	}
	v, na := frame.FloatsOf(s)
	sum, n := 0.0, 0
	for i := range v {
		if !na[i] {
			sum += v[i]
			n++
		}
	}
	return sum, n
}

// TestDropTotalsConsulta: INEGI's consulta export of the 2020 census holds
// a national row and 32 state rows among the 2,469 municipalities. As read,
// its columns sum to double the country plus the country; after DropTotals
// they sum to the official national totals and every municipality is kept.
func TestDropTotalsConsulta(t *testing.T) {
	df := readTestCSV(t, "inegi_censo2020_poblacion_municipio_sexo_consulta.csv", true, 3)
	df, _, err := Numbers(df, "Total", "Hombres", "Mujeres")
	if err != nil {
		t.Fatal(err)
	}
	if sum, _ := colSum(t, df, "Total"); sum != 3*126014024 {
		t.Fatalf("as read, Total sums to %.0f", sum)
	}
	out, rep, err := DropTotals(df, "Total", "Hombres", "Mujeres")
	if err != nil {
		t.Fatal(err)
	}
	for col, want := range map[string]float64{"Total": 126014024, "Hombres": 61473390, "Mujeres": 64540634} {
		sum, n := colSum(t, out, col)
		if sum != want || n != 2469 {
			t.Errorf("%s: sum %.0f over %d rows, want %.0f over 2469", col, sum, n, want)
		}
	}
	// 2,469 municipalities and the source footer (no numbers) remain.
	if out.Nrow() != 2470 || len(rep.RemovedRows) != 33 {
		t.Fatalf("%d rows kept, %d removed", out.Nrow(), len(rep.RemovedRows))
	}
	if rep.RemovedRows[0] != 1 || rep.RemovedRows[1] != 2 || rep.RemovedRows[2] != 14 {
		t.Errorf("removed rows %v", rep.RemovedRows[:3])
	}
	keys := col(t, out, "colA").Records()
	for _, k := range keys[:len(keys)-1] {
		if len(strings.Fields(k)) != 2 {
			t.Fatalf("a kept row is not a municipality: %q", k)
		}
	}
	// Yucatán's municipality "Suma" (1,876 people) is kept.
	names := col(t, out, "colB").Records()
	found := false
	for _, n := range names {
		found = found || n == "Suma"
	}
	if !found {
		t.Error("the municipality Suma was dropped")
	}
	s := rep.String()
	for _, want := range []string{
		`totals: 33 rows removed (2 levels of totals)`,
		`totals: row 1 ("Total") heads rows 2–2502 (32 subtotals and the rows they sum) and equals their sum on "Total", "Hombres", "Mujeres"; labelled "Total"`,
		`totals: row 2 ("=CONCATENAR(0,01) | Aguascalientes") heads rows 3–13 (11 rows)`,
		`… and 18 more rows`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%s", want, s)
		}
	}
}

// TestDropTotalsStates: the census state table closes with its national
// row; the value columns are found without naming them.
func TestDropTotalsStates(t *testing.T) {
	df := loadCSV(t, "testdata/join/censo2020_poblacion_estatal.csv", "pob_total_2020", "pob_h_2020", "pob_m_2020")
	out, rep, err := DropTotals(df)
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 32 || len(rep.RemovedRows) != 1 || rep.RemovedRows[0] != 33 {
		t.Fatalf("%d rows, removed %v\n%s", out.Nrow(), rep.RemovedRows, rep)
	}
	if sum, _ := colSum(t, out, "pob_total_2020"); sum != 126014024 {
		t.Errorf("sum %.0f", sum)
	}
	if !strings.Contains(rep.String(), `row 33 ("Nacional | Nacional | 00") closes rows 1–32 (32 rows)`) {
		t.Errorf("report:\n%s", rep)
	}
}

// TestDropTotalsNone: tables without totals lose nothing.
func TestDropTotalsNone(t *testing.T) {
	cases := []struct {
		name string
		df   dataframe.DataFrame
		cols []string
	}{
		{"municipalities", loadCSV(t, "testdata/join/censo2020_poblacion_municipal.csv", "poblacion"), nil},
		{"homicides by state and year", loadCSV(t, "testdata/join/mexicoevalua_homicidios_estado_1997_2013.csv", "state_code", "year", "averiguaciones", "population"), nil},
		{"homicides, one column", loadCSV(t, "testdata/join/mexicoevalua_homicidios_estado_1997_2013.csv", "averiguaciones"), []string{"averiguaciones"}},
	}
	compranet := readTestCSV(t, "compranet_contratos_2014_muestra_100.csv", false, 0)
	compranet, _, err := Numbers(compranet, "IMPORTE_CONTRATO")
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, struct {
		name string
		df   dataframe.DataFrame
		cols []string
	}{"compranet amounts", compranet, []string{"IMPORTE_CONTRATO"}})
	for _, tc := range cases {
		out, rep, err := DropTotals(tc.df, tc.cols...)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if out.Nrow() != tc.df.Nrow() || len(rep.RemovedRows) != 0 || !strings.Contains(rep.String(), "nothing removed") {
			t.Errorf("%s: %d of %d rows kept:\n%s", tc.name, out.Nrow(), tc.df.Nrow(), rep)
		}
	}
}

func TestDropTotalsErrors(t *testing.T) {
	df := loadCSV(t, "testdata/join/censo2020_poblacion_estatal.csv", "pob_total_2020")
	if _, _, err := DropTotals(df, "nope"); !errors.Is(err, ErrNoColumn) || strings.Count(err.Error(), "clean:") != 1 {
		t.Errorf("missing column: %v", err)
	}
	if _, _, err := DropTotals(df, "pob_h_2020"); !errors.Is(err, ErrType) || !strings.Contains(err.Error(), "clean.Numbers") {
		t.Errorf("text column: %v", err)
	}
	if _, _, err := DropTotals(dataframe.DataFrame{Err: errors.New("x")}); !errors.Is(err, ErrFrame) {
		t.Errorf("bad frame: %v", err)
	}
}

// TestDropTotalsCONAPO: CONAPO's 2026 projection closes each state's
// Hombres and Mujeres with a Total row, and its Nacional block sits among
// the states (sorted by name). After DropTotals the 64 rows left sum to
// the national mid-year population.
func TestDropTotalsCONAPO(t *testing.T) {
	df := loadCSV(t, "testdata/conapo_poblacion_estatal_sexo_2026.csv", "n_year", "pob_start_year", "pob_mid_year")
	out, rep, err := DropTotals(df)
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 64 || len(rep.RemovedRows) != 35 {
		t.Fatalf("%d rows left, %d removed\n%s", out.Nrow(), len(rep.RemovedRows), rep)
	}
	if sum, _ := colSum(t, out, "pob_mid_year"); sum != 134407258 {
		t.Errorf("sum %.0f", sum)
	}
	if g := strs(t, out, "genero"); strings.Contains(g, "Total") {
		t.Fatalf("a Total row is left: %s", g)
	}
	s := rep.String()
	if !strings.Contains(s, `row 54 ("Nacional | 00 | Total") sits among rows 1–99 and equals the sum of the others (32 subtotals and the rows they sum) on "pob_start_year", "pob_mid_year"`) {
		t.Errorf("report:\n%s", s)
	}
}

// TestDropTotalsCONAPOYears: two years of CONAPO's projection; each year's
// Nacional block is sorted by name among its states. Both national blocks
// and every Total row go; the rest sums to the two national figures.
func TestDropTotalsCONAPOYears(t *testing.T) {
	df := loadCSV(t, "testdata/conapo_poblacion_estatal_sexo_2025_2026.csv", "n_year", "pob_start_year", "pob_mid_year")
	out, rep, err := DropTotals(df)
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 128 || len(rep.RemovedRows) != 70 {
		t.Fatalf("%d rows left, %d removed\n%s", out.Nrow(), len(rep.RemovedRows), rep)
	}
	if sum, _ := colSum(t, out, "pob_mid_year"); sum != 133367428+134407258 {
		t.Errorf("sum %.0f", sum)
	}
	if n := strs(t, out, "nombre_estado"); strings.Contains(n, "Nacional") {
		t.Error("a Nacional row is left")
	}
}
