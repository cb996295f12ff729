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

// The fast path and excelize must read the same cells from every test
// workbook.
func TestExcelFastPathMatchesExcelize(t *testing.T) {
	trim := func(g [][]string) [][]string {
		out := make([][]string, len(g))
		for i, r := range g {
			for len(r) > 0 && r[len(r)-1] == "" {
				r = r[:len(r)-1]
			}
			out[i] = r
		}
		for len(out) > 0 && len(out[len(out)-1]) == 0 {
			out = out[:len(out)-1]
		}
		return out
	}
	tab := xlBuild(t, [][]any{{"a", true, 1.5}, {nil, "x", 2}}, [][2]string{{"A2", "A3"}})
	for _, p := range []string{xlCONAPO, xlIEEM, xlCatalogos, xlFixture, tab} {
		f, err := openWorkbook(p)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := openXLPackage(p, Limits{}.withDefaults())
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, sheet := range f.GetSheetList() {
			fast, err := pkg.readSheet(sheet)
			if err != nil {
				t.Errorf("%s %q: fast path: %v", p, sheet, err)
				continue
			}
			ld := &sheetLoader{f: f, src: p}
			slow, err := ld.loadSlow(sheet)
			if err != nil {
				t.Fatal(err)
			}
			a, b := trim(fast.grid), trim(slow.grid)
			if len(a) != len(b) {
				t.Errorf("%s %q: %d rows fast, %d slow", p, sheet, len(a), len(b))
				continue
			}
			for i := range a {
				if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
					t.Errorf("%s %q row %d:\nfast %q\nslow %q", p, sheet, i+1, a[i], b[i])
					break
				}
			}
			if len(fast.merges) != len(slow.merges) || fast.dates != slow.dates || fast.rounded != slow.rounded {
				t.Errorf("%s %q: merges %d/%d dates %d/%d rounded %d/%d", p, sheet, len(fast.merges), len(slow.merges),
					fast.dates, slow.dates, fast.rounded, slow.rounded)
			}
		}
		pkg.Close()
		f.Close()
	}
}

func TestExcelNumber(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{44.899350750000004, "44.89935075"},
		{0.30000000000000004, "0.3"},
		{2794, "2794"},
		{126014024, "126014024"},
		{1e-3, "0.001"},
		{-1.5, "-1.5"},
		{1234567890123456, "1234567890123456"},
		{1e22, "1e+22"},
	} {
		if got := excelNumber(tc.in); got != tc.want {
			t.Errorf("excelNumber(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatDateKind(t *testing.T) {
	for _, tc := range []struct {
		code string
		want dateKind
	}{
		{"dd/mm/yyyy", dateOnly},
		{"mmm-yy", dateOnly},
		{`[$-80A]dddd, d" de "mmmm" de "yyyy`, dateOnly},
		{"yyyy-mm-dd hh:mm:ss", dateTime},
		{"h:mm", timeOnly},
		{"[h]:mm:ss", timeOnly},
		{"General", notDate},
		{"#,##0", notDate},
		{"0.00%", notDate},
		{"[Red]0.00", notDate},
		{`0" días"`, notDate},
		{`_-* #,##0_-;-* #,##0_-;_-* "-"??_-;_-@_-`, notDate},
		{`"$"#,##0.00`, notDate},
	} {
		if got := formatDateKind(tc.code); got != tc.want {
			t.Errorf("formatDateKind(%q) = %d, want %d", tc.code, got, tc.want)
		}
	}
}
