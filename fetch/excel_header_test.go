package fetch

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// xlBuild writes a workbook of one sheet from rows of cells (nil skips a
// cell) and merged ranges, for tests of header layouts.
func xlBuild(t *testing.T, rows [][]any, merges [][2]string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		for j, v := range r {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, m := range merges {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "tabulado.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// An INEGI-style tabulado: a title, a three-level header made of merged
// ranges, and notes under the data. Figures: Censo 2020.
func TestReadExcelTabulado(t *testing.T) {
	p := xlBuild(t, [][]any{
		{"Población total por entidad federativa según sexo, 2020"},
		{},
		{"Entidad federativa", "Población"},
		{nil, "2020"},
		{nil, "Total", "Hombres", "Mujeres"},
		{"Estados Unidos Mexicanos", 126014024, 61473390, 64540634},
		{"Aguascalientes", 1425607, 696683, 728924},
		{"Baja California", 3769020, 1900589, 1868431},
		{},
		{"Nota: cifras del cuestionario básico."},
		{"Fuente: INEGI. Censo de Población y Vivienda 2020."},
	}, [][2]string{{"A1", "D1"}, {"A3", "A5"}, {"B3", "D3"}, {"B4", "D4"}})
	var rep Report
	df, err := ReadExcel(p, WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	want := "Entidad federativa,Población 2020 Total,Población 2020 Hombres,Población 2020 Mujeres"
	if got := strings.Join(df.Names(), ","); got != want || df.Nrow() != 3 {
		t.Fatalf("%d rows of %q\n%s", df.Nrow(), got, rep)
	}
	if s := rdColumn(t, df, "Población 2020 Total"); s.Elem(0).String() != "126014024" {
		t.Errorf("total %v", s.Elem(0))
	}
	if rep.HeaderLine != 3 || len(rep.Skipped) != 3 {
		t.Errorf("header line %d, skipped %+v", rep.HeaderLine, rep.Skipped)
	}
}
