package fetch

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// TestCodeNamesEveryReader checks that every reader applies the same
// code-name rule: SESNSP's "Cve. Municipio" and INEGI's ENTIDAD/MUN stay
// String, POBTOT stays a number.
func TestCodeNamesEveryReader(t *testing.T) {
	const csvText = "Cve. Municipio,ENTIDAD,MUN,POBTOT\n1001,19,1,5784442\n9007,19,2,3685\n"
	readers := map[string]func(t *testing.T) (dataframe.DataFrame, error){
		"csv": func(t *testing.T) (dataframe.DataFrame, error) { return ReadCSV(strings.NewReader(csvText)) },
		"json": func(t *testing.T) (dataframe.DataFrame, error) {
			return ReadJSON(strings.NewReader(`[{"Cve. Municipio":1001,"ENTIDAD":19,"MUN":1,"POBTOT":5784442},{"Cve. Municipio":9007,"ENTIDAD":19,"MUN":2,"POBTOT":3685}]`))
		},
		"html": func(t *testing.T) (dataframe.DataFrame, error) {
			ts, err := HTMLTables(strings.NewReader(`<table><tr><th>Cve. Municipio</th><th>ENTIDAD</th><th>MUN</th><th>POBTOT</th></tr>
<tr><td>1001</td><td>19</td><td>1</td><td>5,784,442</td></tr><tr><td>9007</td><td>19</td><td>2</td><td>3,685</td></tr></table>`))
			if err != nil || len(ts) != 1 {
				t.Fatalf("HTMLTables: %d tables, %v", len(ts), err)
			}
			return ts[0], nil
		},
		"excel": func(t *testing.T) (dataframe.DataFrame, error) {
			p := xlBuild(t, [][]any{{"Cve. Municipio", "ENTIDAD", "MUN", "POBTOT"}, {1001, 19, 1, 5784442}, {9007, 19, 2, 3685}}, nil)
			return ReadExcel(p)
		},
		"chunks": func(t *testing.T) (dataframe.DataFrame, error) {
			var got dataframe.DataFrame
			err := EachChunk(strings.NewReader(csvText), 1, func(df dataframe.DataFrame) error {
				if got.Nrow() == 0 {
					got = df
				}
				return nil
			})
			return got, err
		},
	}
	for name, read := range readers {
		t.Run(name, func(t *testing.T) {
			df, err := read(t)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []string{"Cve. Municipio", "ENTIDAD", "MUN"} {
				if got := df.Col(c).Type(); got != series.String {
					t.Errorf("%s is %s, want string", c, got)
				}
			}
			if got := df.Col("Cve. Municipio").Records()[0]; got != "1001" {
				t.Errorf("Cve. Municipio[0] = %q, want 1001", got)
			}
			if p := df.Col("POBTOT"); p.Type() != series.Int || p.Float()[0] != 5784442 {
				t.Errorf("POBTOT = %s %v, want Int 5784442 first", p.Type(), p.Records())
			}
		})
	}
}

func TestHTMLPageAsCSV(t *testing.T) {
	pages := map[string]string{
		"doctype":      "\n\n<!DOCTYPE html>\n<html><body><table><tr><td>a</td></tr></table></body></html>",
		"bom and case": "\xEF\xBB\xBF  <!doctype HTML PUBLIC \"-//W3C//DTD XHTML 1.0\">\n<html>",
		"html tag":     "<html lang=\"es\">\n<head><title>Error</title></head>",
		"xml decl":     "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!DOCTYPE html PUBLIC>\r\n<html>",
		"comment":      "<!-- generated -->\n<HTML>\n<BODY>Servicio no disponible</BODY></HTML>",
		"utf-16":       "\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00\n\x00",
	}
	for name, in := range pages {
		t.Run(name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(in), Source("datos.csv"))
			if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "HTML page") || !strings.HasPrefix(err.Error(), "fetch: datos.csv: ") {
				t.Errorf("err = %v, want ErrFormat saying it is an HTML page", err)
			}
			if name == "utf-16" {
				return // EachChunk checks UTF-16 input only as it decodes it
			}
			err = EachChunk(strings.NewReader(in), 10, func(dataframe.DataFrame) error { return nil })
			if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "HTML page") {
				t.Errorf("EachChunk err = %v, want ErrFormat saying it is an HTML page", err)
			}
		})
	}
	// Tables that merely mention HTML are still tables.
	for _, in := range []string{"html,n\n<b>,1\n", "<htmlx>,1\n<a>,2\n", "nombre\n<html>\n"} {
		if _, err := ReadCSV(strings.NewReader(in)); err != nil {
			t.Errorf("ReadCSV(%q): %v", in, err)
		}
	}
}

func TestDetectHeaderShortExport(t *testing.T) {
	meta := [][]string{
		{"Banco de México"}, {""}, {"Mercado cambiario"}, {"Fecha de consulta: 28/11/2024 10:15:33"}, {""},
		{"Título", "Tipo de cambio FIX"}, {"Periodo disponible", "12/11/1991 - 28/11/2024"}, {"Periodicidad", "Diaria"},
		{"Cifra", "Tipo de Cambio"}, {"Unidad", "Pesos por Dólar"}, {"Base", ""}, {"Aviso", ""},
		{"Tipo de información", "Niveles"}, {"Fecha", "SF43718"},
	}
	tests := []struct {
		name string
		data [][]string
		want int
	}{
		{"six days, first N/E", [][]string{{"01/01/2024", "N/E"}, {"02/01/2024", "16.9220"}, {"03/01/2024", "17.0332"},
			{"04/01/2024", "16.9887"}, {"05/01/2024", "16.9137"}, {"08/01/2024", "16.8605"}}, 13},
		{"two days", [][]string{{"02/01/2024", "16.9220"}, {"03/01/2024", "17.0332"}}, 13},
		{"one day", [][]string{{"02/01/2024", "16.9220"}}, 13},
		{"year/month periods", [][]string{{"2023/01", "100.1"}, {"2023/02", "101.3"}, {"2023/03", "N/E"}}, 13},
		{"iso dates, blank tail", [][]string{{"2024-01-02", "16.9220"}, {"2024-01-03", "17.0332"}, {""}}, 13},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows := append(append([][]string{}, meta...), tc.data...)
			if got := detectHeader(rows); got != tc.want {
				t.Errorf("detectHeader = %d (%v), want %d", got, rows[got], tc.want)
			}
		})
	}
	// A text table whose ids turn numeric near the end keeps its header.
	ids := [][]string{{"id", "nombre"}, {"A1", "Ana"}, {"A2", "Luis"}, {"A3", "Eva"}, {"A4", "Juan"}, {"A5", "Rosa"}, {"6", "Pedro"}, {"7", "Sara"}}
	if got := detectHeader(ids); got != 0 {
		t.Errorf("detectHeader(ids) = %d, want 0", got)
	}
	// A header with an empty name over a numeric column is still the
	// header; a metadata row above it is not.
	rows := [][]string{{"Serie", "Fuente", "FIX"}, {"Fecha", "Estado", ""}, {"02/01/2024", "Jalisco", "16.9"}, {"03/01/2024", "Jalisco", "17.0"},
		{"04/01/2024", "Colima", "17.1"}, {"05/01/2024", "Colima", "17.2"}}
	if got := detectHeader(rows); got != 1 {
		t.Errorf("detectHeader = %d, want 1 (the Fecha row)", got)
	}
}

// TestBanxicoLongExportHeader guards the long SIE export (the shared DEG
// file: 17 metadata lines, header on line 18, 602 days).
func TestBanxicoLongExportHeader(t *testing.T) {
	var rep Report
	df, err := ReadCSVFile("testdata/csv/banxico_tipo_de_cambio_deg_2018_2020.csv", WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if rep.HeaderLine != 18 || df.Nrow() != 602 || df.Names()[0] != "Fecha" || df.Col("SF46405").Float()[0] != 19.4899 {
		t.Errorf("header line %d, %d rows, names %v, first SF46405 %v", rep.HeaderLine, df.Nrow(), df.Names(), df.Col("SF46405").Records()[:1])
	}
	for _, c := range rep.Columns {
		if c.Name == "Fecha" && c.Why != `dates (text): "02/01/2018"` {
			t.Errorf("Fecha Why = %q, want dates (text)", c.Why)
		}
	}
}

// TestAcceptReportReasons reads the real ITER excerpt and the official
// layout and checks the report's reasons.
func TestAcceptReportReasons(t *testing.T) {
	var rep Report
	df, err := ReadCSVFile(acceptDir+"accept_iter_19_oficial_cp1252.csv", WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	why := map[string]string{}
	for _, c := range rep.Columns {
		why[c.Name] = c.Why
	}
	want := map[string]string{
		"ENTIDAD": `name looks like an INEGI geographic code (integers such as "19")`,
		"MUN":     `leading zeros: "000"`,
		"POBFEM":  `not a number: "*"`,
		"POBTOT":  "",
	}
	for col, w := range want {
		if why[col] != w {
			t.Errorf("%s Why = %q, want %q", col, why[col], w)
		}
	}
	if got := df.Col("POBTOT").Float()[0]; got != 5784442 {
		t.Errorf("Nuevo León POBTOT = %v, want 5784442", got)
	}
	if !strings.Contains(rep.String(), `not a number: "*"`) {
		t.Errorf("report does not name the \"*\":\n%s", rep.String())
	}
}
