package fetch

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

const (
	htDelitos = "testdata/html/implan_torreon_smi_delitos_torreon_2014.html"
	htMatriz  = "testdata/html/implan_torreon_smi_matriz_delincuencia.html"
	htSpans   = "testdata/html/fixture_sesnsp_2026_spans.html"
	htLatin1  = "testdata/html/fixture_inegi_censo2020_windows1252.html"
)

// htOne reads a page that must yield exactly one table.
func htOne(t *testing.T, path string, opts ...Option) (dataframe.DataFrame, Report) {
	t.Helper()
	var rep Report
	dfs, err := HTMLTables(rdOpen(t, path), append(opts, WithReport(&rep), Source(path))...)
	if err != nil {
		t.Fatal(err)
	}
	if len(dfs) != 1 {
		t.Fatalf("%d tables, want 1", len(dfs))
	}
	return dfs[0], rep
}

func TestHTMLTablesTorreonDelitos(t *testing.T) {
	df, rep := htOne(t, htDelitos)
	if got := strings.Join(df.Names(), ","); got != "Fecha,Dato,Fuente,Notas" || df.Nrow() != 11 {
		t.Fatalf("%d rows of %s", df.Nrow(), got)
	}
	dato := rdColumn(t, df, "Dato")
	if dato.Type() != series.Int || dato.Elem(4).String() != "1054" || dato.Sum() != 8743 {
		t.Errorf("Dato %s %v sum %v; want int, May 1054, total 8743", dato.Type(), dato.Elem(4), dato.Sum())
	}
	fecha, _ := rdStrings(t, df, "Fecha")
	fuente, _ := rdStrings(t, df, "Fuente")
	if fecha[0] != "31/01/2014" || fecha[10] != "30/11/2014" || fuente[0] != "Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública" {
		t.Errorf("Fecha %q…%q, Fuente %q", fecha[0], fecha[10], fuente[0])
	}
	if _, na := rdStrings(t, df, "Notas"); !na[0] {
		t.Error("empty Notas cell is not missing")
	}
	if rep.Encoding != "UTF-8" || rep.HeaderLine != 1 {
		t.Errorf("report:\n%s", rep)
	}
}

func TestHTMLTablesTorreonMatriz(t *testing.T) {
	df, rep := htOne(t, htMatriz)
	if got := strings.Join(df.Names(), ","); got != "Subíndice,Indicador,Torreón,Gómez Palacio,Lerdo,Matamoros,La Laguna" || df.Nrow() != 15 {
		t.Fatalf("%d rows of %s", df.Nrow(), got)
	}
	laguna := rdFloats(t, df, "La Laguna")
	torreon := rdFloats(t, df, "Torreón")
	ind, _ := rdStrings(t, df, "Indicador")
	if ind[0] != "Delitos" || laguna[0] != 1179 || torreon[0] != 597 || laguna[2] != 1301 || torreon[10] != 1466.36 {
		t.Errorf("%s: La Laguna %v, Torreón %v; row 3 %v; Tasa de Delitos %v", ind[0], laguna[0], torreon[0], laguna[2], torreon[10])
	}
	if !math.IsNaN(laguna[14]) {
		t.Errorf("ND is not missing: %v", laguna[14])
	}
	gp, _ := rdStrings(t, df, "Gómez Palacio")
	if gp[6] != "NO TIENE" {
		t.Errorf("Gómez Palacio secuestros %q", gp[6])
	}
	if !strings.Contains(rep.String(), `"Por cada 100 mil, 2013-12-31, SNSP"×15`) {
		t.Errorf("report does not show the tooltips:\n%s", rep)
	}
}

func TestHTMLTablesSpans(t *testing.T) {
	df, rep := htOne(t, htSpans)
	want := "Región,Entidad,2026 Enero,2026 Febrero,2026 Marzo,Total trimestre"
	if got := strings.Join(df.Names(), ","); got != want || df.Nrow() != 4 {
		t.Fatalf("%d rows of %s\n%s", df.Nrow(), got, rep)
	}
	region, _ := rdStrings(t, df, "Región")
	ent, _ := rdStrings(t, df, "Entidad")
	if strings.Join(region, ",") != "Centro,Noroeste,Noroeste,Sureste" ||
		strings.Join(ent, ",") != "Aguascalientes,Baja California,Baja California Sur,Campeche" {
		t.Errorf("rowspan, footnote, &nbsp; or hidden text: %q %q", region, ent)
	}
	marzo := rdFloats(t, df, "2026 Marzo")
	if marzo[1] != 8238 || !math.IsNaN(marzo[3]) {
		t.Errorf("Marzo %v (superscript 1 after 8,238; N/D missing)", marzo)
	}
	if s := rdColumn(t, df, "Total trimestre"); s.Type() != series.Int || s.Sum() != 9880+22208+5599+682 {
		t.Errorf("Total %s %v", s.Type(), s.Sum())
	}
	out := rep.String()
	for _, s := range []string{
		`skipped line 6 (full-width row): "Sureste"`, `skipped line 8 (note): "Fuente: SESNSP`,
		"caption: Delitos del fuero común", "heading: Incidencia delictiva por entidad",
		"table 1 skipped: it holds other tables", "table 2 skipped: a single cell", "2 header rows combined",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
}

func TestHTMLTablesWindows1252(t *testing.T) {
	df, rep := htOne(t, htLatin1)
	if rep.Encoding != "windows-1252" {
		t.Errorf("encoding %q", rep.Encoding)
	}
	ent, _ := rdStrings(t, df, "Entidad federativa")
	if ent[1] != "Michoacán de Ocampo" || ent[4] != "Yucatán" {
		t.Errorf("names %q", ent)
	}
	if s := rdColumn(t, df, "Población total"); s.Sum() != 16992418+4748846+5784442+2368467+2320898 {
		t.Errorf("population sums %v", s.Sum())
	}
}

func TestHTMLTablesChoose(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opts    []Option
		n       int
		firstCo string
	}{
		{"selector", []Option{TableSelector("table.datos")}, 1, "Región"},
		{"selector on a container", []Option{TableSelector("td > table.datos, #nada")}, 1, "Región"},
		{"text, innermost table", []Option{TableContaining("FUERO COMUN")}, 1, "Región"},
		{"text in the heading", []Option{TableContaining("primer trimestre")}, 1, "Región"},
		{"index", []Option{TableIndex(3)}, 1, "Región"},
		{"index of a layout table", []Option{TableIndex(2)}, 1, "Aviso: cifras preliminares"},
		{"columns pick the table", []Option{Columns("Entidad", "Total trimestre")}, 1, "Entidad"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dfs, err := HTMLTables(rdOpen(t, htSpans), tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if len(dfs) != tc.n || dfs[0].Names()[0] != tc.firstCo {
				t.Errorf("%d tables, first column %q", len(dfs), dfs[0].Names()[0])
			}
		})
	}
}

func TestHTMLTablesMarkup(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		cols     string
		cell     string // first cell of the last column
	}{
		{"no thead, td header", `<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>x</td></tr></table>`, "a,b", "x"},
		{"br and nested spans", `<table><tr><th>Total<br/>2023</th></tr><tr><td><span><b>uno</b> dos</span></td></tr></table>`, "Total 2023", "uno dos"},
		{"blocks are spaces", `<table><tr><th>x</th></tr><tr><td><p>uno</p><p>dos</p></td></tr></table>`, "x", "uno dos"},
		{"footnote call", `<table><tr><th>Entidad[2]</th></tr><tr><td>Colima [a]</td></tr></table>`, "Entidad", "Colima"},
		{"surely a footnote", `<table><tr><th>Total<sup>1/</sup></th></tr><tr><td>4<sup>*</sup></td></tr></table>`, "Total", "4"},
		{"unit superscript kept", `<table><tr><th>Superficie km<sup>2</sup></th></tr><tr><td>5</td></tr></table>`, "Superficie km2", "5"},
		{"colspan past the rows", `<table><tr><th colspan="2">a</th><th>b</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>`, "a,a_2,b", "3"},
		{"rowspan zero", `<table><tr><th>a</th><th>b</th></tr><tr><td rowspan="0">x</td><td>1</td></tr><tr><td>2</td></tr></table>`, "a,b", "1"},
		{"ragged rows", `<table><tr><th>a</th><th>b</th><th>c</th></tr><tr><td>1</td></tr></table>`, "a,b,c", ""},
		{"bogus spans", `<table><tr><th colspan="x">a</th><th rowspan="-3">b</th></tr><tr><td>1</td><td>2</td></tr></table>`, "a,b", "2"},
		{"td group header", `<table><tr><td>Entidad</td><td colspan="2">2020</td></tr><tr><td>Entidad</td><td>Hombres</td><td>Mujeres</td></tr><tr><td>Colima</td><td>360,622</td><td>370,769</td></tr></table>`, "Entidad,2020 Hombres,2020 Mujeres", "370769"},
		{"td header with rowspan", `<table><tr><td rowspan="2">Entidad</td><td colspan="2">2020</td></tr><tr><td>Hombres</td><td>Mujeres</td></tr><tr><td>Colima</td><td>360,622</td><td>370,769</td></tr></table>`, "Entidad,2020 Hombres,2020 Mujeres", "370769"},
		{"script and style", `<table><tr><th>a<script>x()</script><style>p{}</style></th></tr><tr><td>1</td></tr></table>`, "a", "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dfs, err := HTMLTables(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			df := dfs[0]
			if got := strings.Join(df.Names(), ","); got != tc.cols {
				t.Fatalf("columns %q, want %q", got, tc.cols)
			}
			v, _ := rdStrings(t, df, df.Names()[df.Ncol()-1])
			if v[0] != tc.cell {
				t.Errorf("cell %q, want %q", v[0], tc.cell)
			}
		})
	}
}

func TestHTMLTablesCharset(t *testing.T) {
	for _, tc := range []struct{ name, page, enc string }{
		{"meta charset windows-1252", "<meta charset=\"windows-1252\"><table><tr><th>Estado</th></tr><tr><td>Michoac\xe1n de Ocampo</td></tr></table>", "windows-1252"},
		{"no declaration, Latin-1 bytes", "<table><tr><th>Estado</th></tr><tr><td>Michoac\xe1n de Ocampo</td></tr></table>", "Windows-1252"},
		{"declared UTF-8, Latin-1 bytes", "<meta charset=\"utf-8\"><table><tr><th>Estado</th></tr><tr><td>Michoac\xe1n de Ocampo</td></tr></table>", "Windows-1252"},
		{"declared Latin-1, UTF-8 bytes", "<meta charset=\"iso-8859-1\"><table><tr><th>Estado</th></tr><tr><td>Michoacán de Ocampo</td></tr></table>", "UTF-8"},
		{"UTF-8 BOM", "\xef\xbb\xbf<table><tr><th>Estado</th></tr><tr><td>Michoacán de Ocampo</td></tr></table>", "UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rep Report
			dfs, err := HTMLTables(strings.NewReader(tc.page), WithReport(&rep))
			if err != nil {
				t.Fatal(err)
			}
			v, _ := rdStrings(t, dfs[0], "Estado")
			if v[0] != "Michoacán de Ocampo" || rep.Encoding != tc.enc {
				t.Errorf("%q read as %q", v[0], rep.Encoding)
			}
		})
	}
}

func TestHTMLTablesErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opts     []Option
		want     error
		msg      string
	}{
		{"empty", "", nil, ErrEmpty, "empty page"},
		{"no table", "<html><body><p>Sin datos</p></body></html>", nil, ErrNoTable, "no <table>"},
		{"built by JavaScript", "<html><body><div id=t></div><script>render()</script></body></html>", nil, ErrNoTable, "JavaScript"},
		{"only layout", "<table><tr><td>menu</td></tr></table>", nil, ErrNoTable, "a single cell"},
		{"bad selector", "<table><tr><td>a</td><td>b</td></tr></table>", []Option{TableSelector("table[")}, ErrFormat, `selector "table["`},
		{"selector matches nothing", "<table><tr><td>a</td><td>b</td></tr></table>", []Option{TableSelector("#nada")}, ErrNoTable, "has 1 tables"},
		{"text not found", "<table><tr><td>a</td><td>b</td></tr></table>", []Option{TableContaining("homicidios")}, ErrNoTable, `"homicidios"`},
		{"index out of range", "<table><tr><td>a</td><td>b</td></tr></table>", []Option{TableIndex(2)}, ErrNoTable, "table 2"},
		{"missing column", "<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>", []Option{Columns("c")}, ErrNoColumn, `"c"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := HTMLTables(strings.NewReader(tc.in), append(tc.opts, Source("pagina.html"))...)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "fetch: pagina.html") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q lacks %q", err, tc.msg)
			}
		})
	}
}

func TestFindHTMLTables(t *testing.T) {
	tables, notes, err := FindHTMLTables(rdOpen(t, htSpans))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 || len(notes) != 2 {
		t.Fatalf("%d tables, notes %q", len(tables), notes)
	}
	tb := tables[0]
	if tb.Index != 3 || tb.ID != "incidencia" || tb.Caption != "Delitos del fuero común, total por mes" ||
		tb.Heading != "Incidencia delictiva por entidad, primer trimestre de 2026" || tb.Report.Rows != 4 {
		t.Errorf("%+v", tb)
	}
}

func FuzzHTMLTables(f *testing.F) {
	for _, p := range []string{htSpans, htLatin1} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`<table><tr><th colspan="3">a</th></tr><tr><td rowspan="0">1</td><td>2</td><td>3</td></tr></table>`,
		`<table><thead><tr><th>x</th></tr></thead><tfoot><tr><td>Fuente: y</td></tr></tfoot><tbody><tr><td>1,054</td></tr></tbody></table>`,
		`<table><tr><td colspan="1000" rowspan="65534">a</td></tr><tr></tr><tr><td>b</td></tr></table>`,
		"<meta charset=\"windows-1252\"><table><tr><td>\xe1</td><td>b</td></tr></table>",
		`<table><tr><td><table><tr><td>1</td><td>2</td></tr></table></td></tr></table>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dfs, err := HTMLTables(strings.NewReader(string(data)))
		if err != nil {
			for _, s := range []error{ErrEmpty, ErrNoTable, ErrFormat, ErrNoColumn, ErrType} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		for _, df := range dfs {
			if df.Err != nil || df.Ncol() == 0 {
				t.Fatalf("table with error %v or no columns", df.Err)
			}
		}
		// CellTitles only adds String columns after the same columns.
		titled, err := HTMLTables(strings.NewReader(string(data)), CellTitles())
		if err != nil {
			t.Fatalf("error %v with CellTitles only", err)
		}
		if len(titled) != len(dfs) {
			t.Fatalf("%d tables, %d with CellTitles", len(dfs), len(titled))
		}
		for i, df := range titled {
			var data []string
			for _, n := range df.Names() {
				if c := df.Col(n); strings.Contains(n, "_title") && c.Type() == series.String && !contains(dfs[i].Names(), n) {
					continue
				}
				data = append(data, n)
			}
			if df.Err != nil || df.Nrow() != dfs[i].Nrow() || strings.Join(data, "\x00") != strings.Join(dfs[i].Names(), "\x00") {
				t.Fatalf("with CellTitles: %v, %d rows, columns %q; without: %d rows, %q", df.Err, df.Nrow(), df.Names(), dfs[i].Nrow(), dfs[i].Names())
			}
		}
	})
}

func BenchmarkHTMLTablesMatriz(b *testing.B) {
	data, err := os.ReadFile(htMatriz)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := HTMLTables(strings.NewReader(string(data))); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHTMLTablesColumnsChooseTable(t *testing.T) {
	page := `<table><tr><th>Menú</th><th>Liga</th></tr><tr><td>Inicio</td><td>/</td></tr></table>
	<table><tr><th>Entidad</th><th>Población</th></tr><tr><td>Colima</td><td>731,391</td></tr></table>`
	var rep Report
	dfs, err := HTMLTables(strings.NewReader(page), Columns("Población"), WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if len(dfs) != 1 || dfs[0].Names()[0] != "Población" || rdFloats(t, dfs[0], "Población")[0] != 731391 {
		t.Errorf("%d tables: %v", len(dfs), dfs)
	}
	if !strings.Contains(rep.String(), "table 1 skipped: it lacks a column") {
		t.Errorf("report:\n%s", rep)
	}
	if _, err := HTMLTables(strings.NewReader(page), Columns("Hombres")); !errors.Is(err, ErrNoColumn) {
		t.Errorf("error %v, want ErrNoColumn", err)
	}
}
