package fetch

import (
	"strings"
	"testing"
)

func readReport(t *testing.T, path string) Report {
	t.Helper()
	var rep Report
	if _, err := ReadCSVFile(path, WithReport(&rep)); err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestReportDuplicateRows: the Compranet 2014 sample repeats two contracts
// exactly.
func TestReportDuplicateRows(t *testing.T) {
	rep := readReport(t, "testdata/csv/compranet_contratos_2014_muestra.csv")
	if rep.DuplicateRows != 2 || len(rep.Duplicates) != 2 {
		t.Fatalf("duplicates %d %+v", rep.DuplicateRows, rep.Duplicates)
	}
	if d := rep.Duplicates[0]; d != (DuplicateRow{Row: 79, Line: 80, First: 78}) {
		t.Errorf("first duplicate %+v", d)
	}
	if d := rep.Duplicates[1]; d != (DuplicateRow{Row: 286, Line: 287, First: 285}) {
		t.Errorf("second duplicate %+v", d)
	}
	if !strings.Contains(rep.String(), "2 rows repeat an earlier row exactly: row 79 (line 80) = row 78, row 286 (line 287) = row 285 (clean.Dedupe removes them)") {
		t.Errorf("report:\n%s", rep)
	}
	// The state table has none.
	if rep := readReport(t, "testdata/csv/censo2020_poblacion_estatal.csv"); rep.DuplicateRows != 0 || strings.Contains(rep.String(), "repeat") {
		t.Errorf("censo: %d", rep.DuplicateRows)
	}
}

// TestReportBlankCells: a cell of one space is not reported as an empty
// cell.
func TestReportBlankCells(t *testing.T) {
	rep := readReport(t, "testdata/csv/shcp_cuenta_publica_ramo_60.csv")
	for _, c := range rep.Columns {
		if c.Name != "PORCENTAJE_CORRIENTE" {
			continue
		}
		if c.Missing != 3 || c.MissingValues[" "] != 3 || c.MissingValues[""] != 0 {
			t.Fatalf("PORCENTAJE_CORRIENTE: %+v", c)
		}
		if !strings.Contains(rep.String(), `3 missing (" "×3)`) {
			t.Errorf("report:\n%s", rep)
		}
		return
	}
	t.Fatal("no column PORCENTAJE_CORRIENTE")
}

// TestReportDatePlaceholders: SSA writes a placeholder for "did not die";
// this copy has it garbled as -001-11-30.
func TestReportDatePlaceholders(t *testing.T) {
	rep := readReport(t, "testdata/csv/ssa_covid19_datos_abiertos_muestra_2k.csv")
	for _, c := range rep.Columns {
		switch c.Name {
		case "FECHA_DEF":
			if c.DatePlaceholders["-001-11-30"] < 1900 {
				t.Errorf("FECHA_DEF: %+v", c.DatePlaceholders)
			}
		case "FECHA_INGRESO", "FECHA_SINTOMAS":
			if len(c.DatePlaceholders) > 0 {
				t.Errorf("%s: %+v", c.Name, c.DatePlaceholders)
			}
		}
	}
	if !strings.Contains(rep.String(), `date placeholders "-001-11-30"×`) {
		t.Errorf("report:\n%s", rep)
	}
}

// TestReportCodeForms: INEGI's consulta export writes state keys as
// =CONCATENAR(0,01) and municipality keys as " 01 001 "; the report points
// to clean's unwrapping and to mx.
func TestReportCodeForms(t *testing.T) {
	rep := readReport(t, "testdata/csv/inegi_censo2020_poblacion_municipio_sexo_consulta.csv")
	notes := strings.Join(rep.Notes, "\n")
	for _, want := range []string{
		`column "col_1": 32 codes written as spreadsheet formulas or text markers ("=CONCATENAR( ,10) "×1`,
		"clean.StripFormulas",
		`column "col_1": 2469 codes padded with spaces (" 01 001 "×1`,
		"mx.MunicipalityByCode",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// The national row's key is a single space: not an empty cell.
	for _, c := range rep.Columns {
		if c.Name == "col_1" && (c.MissingValues[" "] != 1 || c.MissingValues[""] != 0) {
			t.Errorf("col_1 missing values %v", c.MissingValues)
		}
	}
	// A plain file gets no such notes.
	rep = readReport(t, "testdata/csv/censo2020_poblacion_municipal.csv")
	if strings.Contains(strings.Join(rep.Notes, "\n"), "codes") {
		t.Errorf("municipal: %v", rep.Notes)
	}
}
