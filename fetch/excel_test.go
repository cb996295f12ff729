package fetch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-gota/gota/series"
)

const (
	xlCONAPO    = "testdata/excel/conapo_esperanza_vida_1950_2070.xlsx"
	xlIEEM      = "testdata/excel/ieem_gubernatura_2023_por_distrito_local.xlsx"
	xlCatalogos = "testdata/excel/ssa_covid19_catalogos_201128.xlsx"
	xlFixture   = "testdata/excel/fixture_sesnsp_2026_merged.xlsx"
)

func TestReadExcelCONAPO(t *testing.T) {
	var rep Report
	df, err := ReadExcel(xlCONAPO, WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(df.Names(), ","); got != "RENGLON,AÑO,ENTIDAD,CVE_GEO,SEXO,EV" || df.Nrow() != 10059 {
		t.Fatalf("%d rows of %s", df.Nrow(), got)
	}
	ev := rdFloats(t, df, "EV")
	// Stored as 44.899350750000004, 68.912679830000002, 82.430564619999998.
	for i, want := range map[int]float64{0: 44.89935075, 212: 68.91267983, 10058: 82.43056462} {
		if ev[i] != want {
			t.Errorf("EV row %d = %v, want %v", i+1, ev[i], want)
		}
	}
	if typ := rdColumn(t, df, "AÑO").Type(); typ != series.Int {
		t.Errorf("AÑO is %s", typ)
	}
	geo, _ := rdStrings(t, df, "CVE_GEO")
	ent, _ := rdStrings(t, df, "ENTIDAD")
	if geo[0] != "0" || geo[10058] != "32" || ent[0] != "República Mexicana" || ent[10058] != "Zacatecas" {
		t.Errorf("CVE_GEO %q…%q, ENTIDAD %q…%q", geo[0], geo[10058], ent[0], ent[10058])
	}
	if rep.HeaderLine != 1 || !strings.Contains(rep.String(), `sheet "EV_completa" (1 of 1)`) {
		t.Errorf("report:\n%s", rep)
	}
}

func TestReadExcelIEEM(t *testing.T) {
	var rep Report
	df, err := ReadExcel(xlIEEM, WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if rep.HeaderLine != 6 || df.Nrow() != 48 || df.Ncol() != 28 {
		t.Fatalf("header line %d, %d×%d; want line 6, 48×28\n%s", rep.HeaderLine, df.Nrow(), df.Ncol(), rep)
	}
	if len(rep.Skipped) != 3 || rep.Skipped[0].Text != "Instituto Electoral del Estado de México" {
		t.Errorf("skipped %+v", rep.Skipped)
	}
	for col, want := range map[string]float64{"TOTAL_VOTOS": 6375763, "LISTA_NOMINAL": 12739629, "PVEM_PT_MORENA": 3360589} {
		s := rdColumn(t, df, col)
		if s.Type() != series.Int || s.Sum() != want {
			t.Errorf("%s: %s summing %v, want int %v", col, s.Type(), s.Sum(), want)
		}
	}
	dist, _ := rdStrings(t, df, "ID_DISTRITO_LOCAL")
	cab, _ := rdStrings(t, df, "CABECERA_DISTRITAL_LOCAL")
	if dist[0] != "0" || cab[0] != "VOTO ANTICIPADO" || dist[47] != "45" {
		t.Errorf("first district %q %q, last %q", dist[0], cab[0], dist[47])
	}
}

func TestReadExcelCatalogos(t *testing.T) {
	for _, tc := range []struct {
		name       string
		opts       []Option
		sheet      string
		headerLine int
		rows       int
		cols       string
		col, first string
	}{
		{"default: first sheet with data", nil, "Catálogo ORIGEN", 1, 3, "CLAVE,DESCRIPCIÓN", "DESCRIPCIÓN", "USMER"},
		{"exact name", []Option{Sheet("Catálogo de ENTIDADES")}, "Catálogo de ENTIDADES", 1, 36, "CLAVE_ENTIDAD,ENTIDAD_FEDERATIVA,ABREVIATURA", "CLAVE_ENTIDAD", "01"},
		{"name without accents or case", []Option{Sheet("catalogo de entidades")}, "Catálogo de ENTIDADES", 1, 36, "CLAVE_ENTIDAD,ENTIDAD_FEDERATIVA,ABREVIATURA", "ENTIDAD_FEDERATIVA", "AGUASCALIENTES"},
		{"table from row 3", []Option{Sheet("Catálogo CLASIFICACION_FINAL")}, "Catálogo CLASIFICACION_FINAL", 3, 7, "CLAVE,CLASIFICACIÓN,DESCRIPCIÓN", "CLASIFICACIÓN", "CASO DE COVID-19 CONFIRMADO POR ASOCIACIÓN CLÍNICA EPIDEMIOLÓGICA"},
		{"index, table from row 2", []Option{SheetIndex(8)}, "Catálogo RESULTADO_ANTIGENO", 2, 3, "CLAVE,DESCRIPCIÓN", "DESCRIPCIÓN", "POSITIVO A SARS-COV-2"},
		{"municipios", []Option{Sheet("Catálogo MUNICIPIOS")}, "Catálogo MUNICIPIOS", 1, 2501, "CLAVE_MUNICIPIO,MUNICIPIO,CLAVE_ENTIDAD", "CLAVE_MUNICIPIO", "001"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rep Report
			df, err := ReadExcel(xlCatalogos, append(tc.opts, WithReport(&rep))...)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(df.Names(), ","); got != tc.cols || df.Nrow() != tc.rows || rep.HeaderLine != tc.headerLine {
				t.Fatalf("%d rows of %s, header line %d; want %d of %s, line %d", df.Nrow(), got, rep.HeaderLine, tc.rows, tc.cols, tc.headerLine)
			}
			v, _ := rdStrings(t, df, tc.col)
			if v[0] != tc.first {
				t.Errorf("%s[0] = %q, want %q", tc.col, v[0], tc.first)
			}
			if !strings.Contains(rep.String(), `sheet "`+tc.sheet+`"`) {
				t.Errorf("report does not name the sheet:\n%s", rep)
			}
		})
	}
}

func TestSheets(t *testing.T) {
	got, err := Sheets(xlCatalogos)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 11 || got[0] != "Catálogo ORIGEN" || got[10] != "Catálogo MUNICIPIOS" {
		t.Errorf("sheets %q", got)
	}
}

func TestReadExcelFixture(t *testing.T) {
	t.Run("merged two-row header, dates, notes", func(t *testing.T) {
		var rep Report
		df, err := ReadExcel(xlFixture, WithReport(&rep))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(df.Names(), ","); got != "Clave,Entidad,2026 Enero,2026 Febrero,2026 Marzo,Corte,Variación" || df.Nrow() != 4 {
			t.Fatalf("%d rows of %s\n%s", df.Nrow(), got, rep)
		}
		if s := rdColumn(t, df, "2026 Marzo"); s.Type() != series.Int || s.Sum() != 3600+8238+2021+397 {
			t.Errorf("Marzo %s sums %v", s.Type(), s.Sum())
		}
		corte, _ := rdStrings(t, df, "Corte")
		clave, _ := rdStrings(t, df, "Clave")
		if corte[0] != "2026-04-20" || clave[3] != "04" {
			t.Errorf("Corte %q, Clave %q", corte[0], clave[3])
		}
		v := rdFloats(t, df, "Variación")
		if v[0] != 0.179941002949853 {
			t.Errorf("Variación %v", v[0])
		}
		if len(rep.Skipped) != 2 || rep.Skipped[0].Reason != "preamble" || rep.Skipped[1].Reason != "note" ||
			rep.Skipped[0].Text != "Incidencia delictiva del fuero común 2026 (total de delitos)" {
			t.Errorf("skipped %+v", rep.Skipped)
		}
	})
	t.Run("booleans, date-times, empty first column", func(t *testing.T) {
		var rep Report
		df, err := ReadExcel(xlFixture, SheetIndex(2), WithReport(&rep))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(df.Names(), ","); got != "cve_geo,municipio,capital,actualizado,ev" {
			t.Fatalf("columns %s", got)
		}
		act, _ := rdStrings(t, df, "actualizado")
		geo, _ := rdStrings(t, df, "cve_geo")
		if act[0] != "2024-10-17 13:45:00" || act[1] != "2024-10-17 00:00:00" || geo[0] != "09002" {
			t.Errorf("actualizado %q, cve_geo %q", act, geo)
		}
		if s := rdColumn(t, df, "capital"); s.Type() != series.Bool || s.Elem(1).String() != "true" {
			t.Errorf("capital %s %v", s.Type(), s)
		}
		if len(rep.DroppedColumns) != 1 || rep.DroppedColumns[0] != "column A" {
			t.Errorf("dropped %q", rep.DroppedColumns)
		}
	})
	t.Run("columns", func(t *testing.T) {
		df, err := ReadExcel(xlFixture, Columns("Entidad", "2026 Enero"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(df.Names(), ","); got != "Entidad,2026 Enero" {
			t.Errorf("columns %s", got)
		}
	})
}

func TestReadExcelErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := os.ReadFile(xlFixture)
	if err != nil {
		t.Fatal(err)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	for _, tc := range []struct {
		name, path string
		opts       []Option
		want       error
		msg        string
	}{
		{"OLE2 header alone", write("cuenta_publica.xls", ole), nil, ErrFormat, "damaged compound file"},
		{"html named xls, no table", write("reporte.xls", []byte("<html><body><table><tr><td>menu</td></tr></table>")), nil, ErrNoTable, "a single cell"},
		{"empty file", write("vacio.xlsx", nil), nil, ErrEmpty, "empty file"},
		{"garbage", write("basura.xlsx", []byte("\x00\x01\x02 not a workbook")), nil, ErrFormat, "not an xlsx"},
		{"truncated zip", write("cortado.xlsx", good[:len(good)/2]), nil, ErrFormat, "cortado.xlsx"},
		{"missing sheet", xlCatalogos, []Option{Sheet("Catálogo PAISES")}, ErrNoSheet, `"Catálogo ORIGEN", "Catálogo SECTOR"`},
		{"sheet index", xlCatalogos, []Option{SheetIndex(12)}, ErrNoSheet, "has 11"},
		{"empty sheet", xlFixture, []Option{Sheet("Vacía")}, ErrEmpty, `sheet "Vacía" has no cells`},
		{"missing column", xlFixture, []Option{Columns("Abril")}, ErrNoColumn, `"Abril"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadExcel(tc.path, tc.opts...)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "fetch: "+tc.path) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q lacks %q", err, tc.msg)
			}
		})
	}
	if _, err := ReadExcel(filepath.Join(dir, "no_existe.xlsx")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// Portals serve HTML tables and CSV files under an .xls name.
func TestReadExcelDisguised(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "incidencia.xls")
	html, err := os.ReadFile(htSpans)
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(dir, "poblacion.xls")
	for p, b := range map[string][]byte{page: html, csv: []byte("cve_ent\tentidad\tpoblacion\r\n06\tColima\t731391\r\n16\tMichoac\xe1n de Ocampo\t4748846\r\n")} {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var rep Report
	df, err := ReadExcel(page, WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != 4 || df.Names()[2] != "2026 Enero" || !strings.Contains(rep.String(), "an HTML page saved with an Excel name") {
		t.Errorf("%d rows of %v\n%s", df.Nrow(), df.Names(), rep)
	}
	df, err = ReadExcel(csv)
	if err != nil {
		t.Fatal(err)
	}
	ent, _ := rdStrings(t, df, "entidad")
	cve, _ := rdStrings(t, df, "cve_ent")
	if df.Nrow() != 2 || ent[1] != "Michoacán de Ocampo" || cve[0] != "06" {
		t.Errorf("%d rows: %q %q", df.Nrow(), cve, ent)
	}
}

func FuzzReadExcel(f *testing.F) {
	good, err := os.ReadFile(xlFixture)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, 0, byte(0))
	f.Add(good, len(good)/3, byte(0xff))
	f.Add([]byte("PK\x03\x04garbage"), 4, byte(1))
	f.Fuzz(func(t *testing.T, data []byte, at int, b byte) {
		if len(data) > 1<<20 {
			return
		}
		data = append([]byte(nil), data...)
		if at >= 0 && at < len(data) {
			data[at] ^= b // corrupt one byte
		}
		p := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		df, err := ReadExcel(p)
		if err != nil {
			for _, s := range []error{ErrFormat, ErrEmpty, ErrUnsupported, ErrNoSheet, ErrNoColumn, ErrType, ErrNoTable, ErrFieldCount} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		if df.Err != nil || df.Ncol() == 0 {
			t.Fatalf("no error but frame %v / %d columns", df.Err, df.Ncol())
		}
	})
}

func BenchmarkReadExcelCONAPO(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ReadExcel(xlCONAPO); err != nil {
			b.Fatal(err)
		}
	}
}
