package analyze

import (
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// consulta reads INEGI's consulta export as a reader would: the preamble
// and footer left out, numbers without their thousands commas.
func consulta(t *testing.T) dataframe.DataFrame {
	t.Helper()
	recs := readCSV(t, "testdata/inegi_censo2020_poblacion_municipio_sexo_consulta.csv", true)
	var key, name []string
	nums := make([][]int, 3)
	for _, r := range recs[4:] {
		if len(r) < 5 {
			continue
		}
		key, name = append(key, r[0]), append(name, r[1])
		for j := 0; j < 3; j++ {
			n, err := strconv.Atoi(strings.ReplaceAll(r[2+j], ",", ""))
			if err != nil {
				t.Fatal(err)
			}
			nums[j] = append(nums[j], n)
		}
	}
	df, err := frame.New(frame.Strings("clave", key, nil), frame.Strings("nombre", name, nil),
		frame.Ints("Total", nums[0], nil), frame.Ints("Hombres", nums[1], nil), frame.Ints("Mujeres", nums[2], nil))
	if err != nil {
		t.Fatal(err)
	}
	return df
}

// TestProfileTotalsByNumbers: the national row and the 32 state rows are
// found by their sums; the municipality "Suma" (Yucatán) is not a total.
func TestProfileTotalsByNumbers(t *testing.T) {
	df := consulta(t)
	if df.Nrow() != 2502 {
		t.Fatalf("%d rows", df.Nrow())
	}
	p := Profile(df)
	if len(p.TotalsRows) != 33 || p.TotalsRows[0] != 1 || p.TotalsRows[1] != 2 || p.TotalsRows[2] != 14 {
		t.Fatalf("totals rows %v", p.TotalsRows)
	}
	for _, col := range []string{"Total", "Hombres", "Mujeres", "nombre"} {
		c, _ := p.Column(col)
		if !c.HasWarning(WarnTotalsRow) {
			t.Errorf("%s: no totals warning: %v", col, c.Warnings)
		}
	}
	if w := strings.Join(p.Warnings(), "\n"); strings.Contains(w, "Suma") {
		t.Errorf("the municipality Suma is flagged:\n%s", w)
	}
	if !strings.Contains(p.String(), "! totals-row: rows 1, 2, 14, 21, 27, 40, 79, 90, 215, 283, … 23 more equal the sum of the rows they head or close") {
		t.Errorf("String:\n%s", p.String()[:600])
	}
	if p.DuplicateRows != 0 {
		t.Errorf("duplicates %d", p.DuplicateRows)
	}

	// Yucatán's municipalities alone: "Suma" is only a name.
	yuc := df.Filter(dataframe.F{Colname: "clave", Comparator: series.CompFunc, Comparando: func(e series.Element) bool {
		return strings.HasPrefix(e.String(), " 31 ")
	}})
	if yuc.Nrow() != 106 {
		t.Fatalf("Yucatán: %d municipalities", yuc.Nrow())
	}
	p = Profile(yuc)
	if len(p.TotalsRows) != 0 || len(p.Warnings()) > 0 && strings.Contains(strings.Join(p.Warnings(), "\n"), "totals-row") {
		t.Errorf("Yucatán: %v\n%s", p.TotalsRows, strings.Join(p.Warnings(), "\n"))
	}
}

// TestProfileTotalsCONAPO: CONAPO's 2026 table holds a Total row after
// each Hombres/Mujeres pair, and a Nacional block (rows 52–54) sorted by
// name between Morelos and Nayarit.
func TestProfileTotalsCONAPO(t *testing.T) {
	df := recordsFrame(t, readCSV(t, "testdata/conapo_poblacion_estatal_sexo_2026.csv", false), []string{"n_year", "pob_start_year", "pob_mid_year"}, nil)
	p := Profile(df)
	if len(p.TotalsRows) != 35 || p.TotalsRows[0] != 3 || p.TotalsRows[17] != 52 || p.TotalsRows[18] != 53 || p.TotalsRows[19] != 54 {
		t.Fatalf("totals rows %v", p.TotalsRows)
	}
	if c, _ := p.Column("n_year"); c.HasWarning(WarnTotalsRow) {
		t.Error("the year column is not summed")
	}
}

func TestProfileDuplicatesPlaceholdersBlanks(t *testing.T) {
	compranet := recordsFrame(t, readCSV(t, "testdata/compranet_contratos_2014_muestra_200.csv", false), nil, []string{"IMPORTE_CONTRATO"})
	p := Profile(compranet)
	if p.DuplicateRows != 1 || len(p.Duplicates) != 1 || p.Duplicates[0] != 79 {
		t.Errorf("compranet duplicates %d %v", p.DuplicateRows, p.Duplicates)
	}
	if !strings.Contains(p.String(), "! duplicate-rows: 1 rows repeat an earlier row exactly (rows 79)") || p.Warnings()[0] != "(rows): duplicate-rows: 1 rows repeat an earlier row exactly (rows 79)" {
		t.Errorf("String:\n%s\nWarnings: %q", p.String()[:300], p.Warnings()[:1])
	}
	if len(p.TotalsRows) != 0 {
		t.Errorf("compranet totals %v", p.TotalsRows)
	}

	covid := recordsFrame(t, readCSV(t, "testdata/ssa_covid19_muestra_400.csv", false), nil, nil)
	p = Profile(covid)
	c, _ := p.Column("FECHA_DEF")
	if !c.HasWarning(WarnDatePlaceholder) {
		t.Fatalf("FECHA_DEF: %v", c.Warnings)
	}
	for _, w := range c.Warnings {
		if w.Code == WarnDatePlaceholder && !strings.Contains(w.Message, `"-001-11-30" ×`) {
			t.Errorf("message %q", w.Message)
		}
	}
	if c, _ := p.Column("FECHA_INGRESO"); c.HasWarning(WarnDatePlaceholder) {
		t.Errorf("FECHA_INGRESO: %v", c.Warnings)
	}

	shcp := textFrame(t, readCSV(t, "testdata/shcp_cuenta_publica_ramo_60.csv", false))
	p = Profile(shcp)
	c, _ = p.Column("PORCENTAJE_CORRIENTE")
	found := false
	for _, w := range c.Warnings {
		found = found || w.Code == WarnBlank && strings.Contains(w.Message, `" " ×3`) && !strings.Contains(w.Message, `"" ×`)
	}
	if !found {
		t.Errorf("PORCENTAJE_CORRIENTE: %v", c.Warnings)
	}
	c, _ = p.Column("GI_PENSIONES_Y_JUBILACIONES")
	found = false
	for _, w := range c.Warnings {
		found = found || w.Code == WarnBlank && strings.Contains(w.Message, `"" ×60`)
	}
	if !found {
		t.Errorf("GI_PENSIONES_Y_JUBILACIONES: %v", c.Warnings)
	}
	if len(p.TotalsRows) != 0 {
		t.Errorf("shcp totals %v", p.TotalsRows)
	}
}

// textFrame keeps every cell as written: no cell is missing.
func textFrame(t *testing.T, recs [][]string) dataframe.DataFrame {
	t.Helper()
	var cols []series.Series
	for j, name := range recs[0] {
		v := make([]string, len(recs)-1)
		for i, r := range recs[1:] {
			v[i] = r[j]
		}
		cols = append(cols, frame.Strings(name, v, nil))
	}
	df, err := frame.New(cols...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}
