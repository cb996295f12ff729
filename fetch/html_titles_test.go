package fetch

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/go-gota/gota/series"
)

// htTitle is the tooltip of the La Laguna "Delitos" cell (1,179) of the
// Torreón matrix page, as the page writes it.
const htTitle = "Cantidad, 2014-11-30, Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública"

func TestHTMLTablesCellTitlesTorreon(t *testing.T) {
	b, err := os.ReadFile(htMatriz)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `seguridad-delitos.html" data-toggle="tooltip" title="`+htTitle+`">1,179</a>`) {
		t.Fatal("the page does not hold the La Laguna cell 1,179 with its title")
	}
	all := "Subíndice,Indicador,Torreón,Torreón_title,Gómez Palacio,Gómez Palacio_title,Lerdo,Lerdo_title,Matamoros,Matamoros_title,La Laguna,La Laguna_title"
	for _, tc := range []struct {
		name  string
		opts  []Option
		names string
	}{
		{"every column", nil, all},
		{"a data column brings its titles", []Option{Columns("Indicador", "La Laguna")}, "Indicador,La Laguna,La Laguna_title"},
		{"a title column alone", []Option{Columns("Indicador", "La Laguna_title")}, "Indicador,La Laguna_title"},
		{"chosen by text", []Option{TableContaining("gomez palacio")}, all},
	} {
		t.Run(tc.name, func(t *testing.T) {
			df, rep := htOne(t, htMatriz, append(tc.opts, CellTitles())...)
			if got := strings.Join(df.Names(), ","); got != tc.names || df.Nrow() != 15 {
				t.Fatalf("%d rows of %s", df.Nrow(), got)
			}
			ind, _ := rdStrings(t, df, "Indicador")
			lt, na := rdStrings(t, df, "La Laguna_title")
			if ind[0] != "Delitos" || lt[0] != htTitle || lt[2] != "Cantidad, 2008-12-31, INEGI" ||
				lt[11] != "Por cada 100 mil, 2013-12-31, SNSP" || !na[14] || na[0] {
				t.Errorf("%s: %q; row 3 %q; Tasa de Homicidios %q; ND row %q missing %v", ind[0], lt[0], lt[2], lt[11], lt[14], na[14])
			}
			if tc.names == "Indicador,La Laguna_title" {
				return
			}
			if laguna := rdFloats(t, df, "La Laguna"); laguna[0] != 1179 {
				t.Errorf("La Laguna %v", laguna[0])
			}
			var cr *ColumnReport
			for i := range rep.Columns {
				if rep.Columns[i].Name == "La Laguna_title" {
					cr = &rep.Columns[i]
				}
			}
			if cr == nil || cr.Type != series.String || cr.Missing != 1 || !strings.Contains(cr.Why, `title attributes of the "La Laguna" cells`) {
				t.Errorf("report of La Laguna_title %+v:\n%s", cr, rep)
			}
			if len(rep.Columns) != df.Ncol() || rep.Rows != 15 {
				t.Errorf("report has %d columns, %d rows", len(rep.Columns), rep.Rows)
			}
			if tc.names != all {
				return
			}
			tt, _ := rdStrings(t, df, "Torreón_title")
			gp, _ := rdStrings(t, df, "Gómez Palacio")
			gpt, _ := rdStrings(t, df, "Gómez Palacio_title")
			if tt[10] != "Cantidad, 2013-12-31, SNSP" || tt[14] != "Cantidad, 2012-12-31, IMPLAN" ||
				gp[6] != "NO TIENE" || gpt[6] != htTitle {
				t.Errorf("Torreón titles %q, %q; Gómez Palacio %q titled %q", tt[10], tt[14], gp[6], gpt[6])
			}
		})
	}
}

func TestHTMLTablesCellTitlesSpans(t *testing.T) {
	page := `<table>
	  <thead>
	    <tr><th rowspan="2" title="Entidad federativa">Entidad</th><th colspan="2">2026</th></tr>
	    <tr><th>Enero</th><th>Febrero</th></tr>
	  </thead>
	  <tbody>
	    <tr><td rowspan="2"><abbr title="Baja  California
	        (BC)">BC</abbr></td><td colspan="2"><span title="Cifra preliminar">7,089</span></td></tr>
	    <tr><td title="Revisada, 2026-03-01"> 6,881 </td><td>6,900</td></tr>
	    <tr><td>Campeche</td><td><a href="/camp" title="Con nota">349</a><sup>1</sup></td><td> <span><b title="Anidado">12</b></span> </td></tr>
	    <tr><td>Colima <abbr title="preliminar">p</abbr></td><td>1 <span title="no es del valor">2</span></td><td><span title="N/D"></span></td></tr>
	  </tbody>
	</table>`
	type col struct {
		name   string
		values string // "|"-joined, "NA" for missing
	}
	for _, tc := range []struct {
		name string
		opts []Option
		cols []col
	}{
		{"all columns", nil, []col{
			{"Entidad", "BC|BC|Campeche|Colima p"},
			{"Entidad_title", "Baja California (BC)|Baja California (BC)|NA|NA"},
			{"2026 Enero", "7,089|6,881|349|1 2"}, // text: "1 2" is no number
			{"2026 Enero_title", "Cifra preliminar|Revisada, 2026-03-01|Con nota|NA"},
			{"2026 Febrero", "7089|6900|12|NA"},
			{"2026 Febrero_title", "Cifra preliminar|NA|Anidado|N/D"},
		}},
		{"columns", []Option{Columns("2026 Febrero", "Entidad_title")}, []col{
			{"Entidad_title", "Baja California (BC)|Baja California (BC)|NA|NA"},
			{"2026 Febrero", "7089|6900|12|NA"},
			{"2026 Febrero_title", "Cifra preliminar|NA|Anidado|N/D"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rep Report
			dfs, err := HTMLTables(strings.NewReader(page), append(tc.opts, CellTitles(), WithReport(&rep))...)
			if err != nil {
				t.Fatal(err)
			}
			df := dfs[0]
			var names []string
			for _, c := range tc.cols {
				names = append(names, c.name)
			}
			if got := strings.Join(df.Names(), ","); got != strings.Join(names, ",") {
				t.Fatalf("columns %s, want %s", got, strings.Join(names, ","))
			}
			for _, c := range tc.cols {
				v, na := rdStrings(t, df, c.name)
				for i := range v {
					if na[i] {
						v[i] = "NA"
					}
				}
				if got := strings.Join(v, "|"); got != c.values {
					t.Errorf("%s = %s, want %s", c.name, got, c.values)
				}
				if strings.HasSuffix(c.name, "_title") && df.Col(c.name).Type() != series.String {
					t.Errorf("%s is %s", c.name, df.Col(c.name).Type())
				}
			}
			if len(rep.Columns) != len(tc.cols) || rep.Columns[len(rep.Columns)-1].Missing != 1 {
				t.Errorf("report:\n%s", rep)
			}
		})
	}
}

func TestHTMLTablesCellTitlesNone(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   func(t *testing.T) string
	}{
		{"Windows-1252 page", func(t *testing.T) string { return htRead(t, htLatin1) }},
		{"title only in the head", func(t *testing.T) string { return htRead(t, htDelitos) }},
		{"titles not alone in the cell", func(t *testing.T) string {
			return `<table><tr><th>a</th><th>b</th></tr><tr><td>1 <abbr title="p">p</abbr></td><td><a title="x">1</a><a title="y">2</a></td></tr></table>`
		}},
		{"titles only in the header", func(t *testing.T) string {
			return `<table><tr><th title="Clave">a</th><th><abbr title="Población">b</abbr></th></tr><tr><td>1</td><td>2</td></tr></table>`
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := tc.in(t)
			var r1, r2 Report
			plain, err := HTMLTables(strings.NewReader(page), WithReport(&r1))
			if err != nil {
				t.Fatal(err)
			}
			titled, err := HTMLTables(strings.NewReader(page), CellTitles(), WithReport(&r2))
			if err != nil {
				t.Fatal(err)
			}
			if len(plain) != len(titled) {
				t.Fatalf("%d tables, %d with CellTitles", len(plain), len(titled))
			}
			for i := range plain {
				a, b := strings.Join(plain[i].Names(), ","), strings.Join(titled[i].Names(), ",")
				if a != b || strings.Contains(b, "_title") {
					t.Errorf("columns %s, with CellTitles %s", a, b)
				}
			}
			if r1.String() != r2.String() {
				t.Errorf("reports differ:\n%s\n%s", r1, r2)
			}
		})
	}
}

func TestHTMLTablesCellTitlesNames(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opts     []Option
		cols     string
		err      error
	}{
		{"name taken", `<table><tr><th>a</th><th>a_title</th></tr><tr><td title="t">1</td><td>2</td></tr></table>`, nil, "a,a_title_2,a_title", nil},
		{"repeated header", `<table><tr><th>a</th><th>a</th></tr><tr><td>1</td><td title="t">2</td></tr></table>`, nil, "a,a_2,a_2_title", nil},
		{"footnote after the link", `<table><tr><th>a</th><th>b</th></tr><tr><td><a title="Clave 01">Aguascalientes</a> [1]</td><td>2</td></tr></table>`, nil, "a,a_title,b", nil},
		{"missing column", `<table><tr><th>a</th></tr><tr><td title="t">1</td></tr></table>`, []Option{Columns("b_title")}, "", ErrNoColumn},
		{"title column typed", `<table><tr><th>a</th></tr><tr><td title="2014">1</td></tr></table>`, []Option{ColumnType("a_title", series.Int)}, "a,a_title", nil},
		{"title column badly typed", `<table><tr><th>a</th></tr><tr><td title="dos">1</td></tr></table>`, []Option{ColumnType("a_title", series.Int)}, "", ErrType},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dfs, err := HTMLTables(strings.NewReader(tc.in), append(tc.opts, CellTitles())...)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("error %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(dfs[0].Names(), ","); got != tc.cols {
				t.Errorf("columns %s, want %s", got, tc.cols)
			}
		})
	}
}

func htRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
