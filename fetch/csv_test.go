package fetch

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"golang.org/x/text/encoding/charmap"
)

func csvFile(name string) string { return filepath.Join("testdata", "csv", name) }

// col returns a column or fails the test.
func col(t *testing.T, df dataframe.DataFrame, name string) series.Series {
	t.Helper()
	s, err := frame.Column(df, name)
	if err != nil {
		t.Fatalf("column %q: %v", name, err)
	}
	return s
}

// sumCol sums the non-missing values of a numeric column.
func sumCol(t *testing.T, df dataframe.DataFrame, name string, keep func(i int) bool) float64 {
	t.Helper()
	v, na := frame.FloatsOf(col(t, df, name))
	total := 0.0
	for i, x := range v {
		if !na[i] && (keep == nil || keep(i)) {
			total += x
		}
	}
	return total
}

func TestReadCSVRealFiles(t *testing.T) {
	tests := []struct {
		file     string
		rows     int
		encoding string
		delim    string
		header   int
		check    func(t *testing.T, df dataframe.DataFrame, rep Report)
	}{
		{"censo2020_poblacion_estatal.csv", 33, "UTF-8", ",", 1, func(t *testing.T, df dataframe.DataFrame, rep Report) {
			cve, _ := frame.StringsOf(col(t, df, "cve_geo"))
			if col(t, df, "cve_geo").Type() != series.String {
				t.Fatalf("cve_geo is %s", col(t, df, "cve_geo").Type())
			}
			seen := map[string]bool{}
			for _, c := range cve {
				seen[c] = true
			}
			for _, c := range []string{"00", "01", "09", "15", "32"} {
				if !seen[c] {
					t.Errorf("cve_geo lacks %q: %v", c, cve)
				}
			}
			got := sumCol(t, df, "pob_total_2020", func(i int) bool { return cve[i] != "00" })
			if got != 126014024 {
				t.Errorf("32 states sum to %.0f, want 126,014,024", got)
			}
			if col(t, df, "pob_total_2020").Type() != series.Int {
				t.Errorf("pob_total_2020 is %s", col(t, df, "pob_total_2020").Type())
			}
		}},
		{"censo2020_poblacion_municipal.csv", 2469, "UTF-8", ",", 1, func(t *testing.T, df dataframe.DataFrame, rep Report) {
			mun, _ := frame.StringsOf(col(t, df, "clave_municipio"))
			for i, m := range mun {
				if len(m) != 3 {
					t.Fatalf("row %d: clave_municipio %q is not 3 digits", i, m)
				}
			}
			if mun[0] != "001" {
				t.Errorf("first clave_municipio %q, want 001", mun[0])
			}
			if got := sumCol(t, df, "poblacion", nil); got != 126014024 {
				t.Errorf("municipalities sum to %.0f", got)
			}
		}},
		{"sesnsp_idefc_estatal_2026.csv", 3648, "Windows-1252", ",", 1, func(t *testing.T, df dataframe.DataFrame, rep Report) {
			names := df.Names()
			if names[0] != "Año" || names[3] != "Bien jurídico afectado" {
				t.Errorf("names %q", names[:4])
			}
			ent, _ := frame.StringsOf(col(t, df, "Entidad"))
			found := false
			for _, e := range ent {
				found = found || e == "Michoacán de Ocampo"
			}
			if !found {
				t.Error(`"Michoacán de Ocampo" not decoded`)
			}
			if got := sumCol(t, df, "Enero", nil); got != 154812 {
				t.Errorf("Enero sums to %.0f, want 154,812", got)
			}
			if got := sumCol(t, df, "Marzo", nil); got != 175249 {
				t.Errorf("Marzo sums to %.0f, want 175,249", got)
			}
			for _, m := range []string{"Abril", "Diciembre"} {
				_, na := frame.FloatsOf(col(t, df, m))
				for i, x := range na {
					if !x {
						t.Fatalf("%s row %d is not missing", m, i)
					}
				}
			}
			for _, c := range rep.Columns {
				if c.Name == "Abril" && c.Missing != 3648 {
					t.Errorf("report: Abril missing %d", c.Missing)
				}
			}
			if col(t, df, "Clave_Ent").Type() != series.String {
				t.Error("Clave_Ent is not a string")
			}
		}},
		{"banxico_tipo_de_cambio_deg_2018_2020.csv", 602, "Windows-1252", ",", 18, func(t *testing.T, df dataframe.DataFrame, rep Report) {
			if df.Names()[0] != "Fecha" || df.Names()[1] != "SF46405" {
				t.Errorf("names %q", df.Names())
			}
			f, _ := frame.StringsOf(col(t, df, "Fecha"))
			if f[0] != "02/01/2018" || f[len(f)-1] != "27/05/2020" {
				t.Errorf("dates %q … %q", f[0], f[len(f)-1])
			}
			v, _ := frame.FloatsOf(col(t, df, "SF46405"))
			if v[0] != 19.4899 || v[len(v)-1] != 22.3633 {
				t.Errorf("SF46405 %v … %v", v[0], v[len(v)-1])
			}
			if len(rep.Skipped) < 10 || rep.Skipped[0].Reason != "preamble" {
				t.Errorf("preamble not reported: %+v", rep.Skipped)
			}
		}},
		{"inegi_censo2020_poblacion_municipio_sexo_consulta.csv", 2502, "Windows-1252", ",", 4, func(t *testing.T, df dataframe.DataFrame, rep Report) {
			if col(t, df, "Total").Type() != series.Int {
				t.Fatalf("Total is %s, want int (quoted \"1,425,607\")", col(t, df, "Total").Type())
			}
			v, _ := frame.FloatsOf(col(t, df, "Total"))
			if v[0] != 126014024 || v[1] != 1425607 {
				t.Errorf("Total %v %v", v[0], v[1])
			}
			last := rep.Skipped[len(rep.Skipped)-1]
			if last.Reason != "note" || !strings.HasPrefix(last.Text, "FUENTE: INEGI") || last.Line != 2508 {
				t.Errorf("footer not reported: %+v", last)
			}
			names, _ := frame.StringsOf(col(t, df, "col_2"))
			if names[len(names)-1] != "Zacatecas" {
				t.Errorf("last row %q, the footer was not dropped", names[len(names)-1])
			}
			if len(rep.DroppedColumns) != 1 {
				t.Errorf("dropped %v", rep.DroppedColumns)
			}
		}},
		{"ife_computos_distritales_diputados_2009.txt", 300, "Windows-1252", ";", 1, func(t *testing.T, df dataframe.DataFrame, rep Report) {
			if got := sumCol(t, df, "TOTAL_VOTOS", nil); got != 34560344 {
				t.Errorf("TOTAL_VOTOS sums to %.0f", got)
			}
			if got := sumCol(t, df, "LISTA_NOMINAL", nil); got != 77470785 {
				t.Errorf("LISTA_NOMINAL sums to %.0f", got)
			}
			cab, _ := frame.StringsOf(col(t, df, "CABECERA DISTRITAL"))
			if cab[0] != "Jesús María" {
				t.Errorf("CABECERA %q", cab[0])
			}
			obs, _ := frame.StringsOf(col(t, df, "OBSERVACIONES"))
			if !strings.Contains(obs[50], "; existen 7 diferencias") {
				t.Errorf("line 52 OBSERVACIONES not rejoined: %q", obs[50])
			}
			_, na := frame.FloatsOf(col(t, df, "PRIMERO_MEXICO"))
			n := 0
			for _, m := range na {
				if m {
					n++
				}
			}
			if n != 237 {
				t.Errorf("PRIMERO_MEXICO has %d missing, want 237", n)
			}
		}},
		{"ssa_covid19_datos_abiertos_muestra_2k.csv", 2000, "UTF-8 with BOM", ",", 1, func(t *testing.T, df dataframe.DataFrame, rep Report) {
			if df.Names()[0] != "FECHA_ACTUALIZACION" {
				t.Errorf("BOM left in the first name: %q", df.Names()[0])
			}
			for _, c := range []string{"ENTIDAD_UM", "ENTIDAD_RES", "MUNICIPIO_RES", "ID_REGISTRO"} {
				if col(t, df, c).Type() != series.String {
					t.Errorf("%s is %s", c, col(t, df, c).Type())
				}
			}
			e, _ := frame.StringsOf(col(t, df, "ENTIDAD_UM"))
			m, _ := frame.StringsOf(col(t, df, "MUNICIPIO_RES"))
			if e[0] != "03" || len(m[0]) != 3 {
				t.Errorf("codes %q %q", e[0], m[0])
			}
			if got := sumCol(t, df, "EDAD", nil); got != 67034 {
				t.Errorf("EDAD sums to %.0f", got)
			}
		}},
		{"conapo_zonas_metropolitanas_2015.csv", 417, "Windows-1252", ",", 1, func(t *testing.T, df dataframe.DataFrame, rep Report) {
			zm, _ := frame.StringsOf(col(t, df, "CVE_ZM"))
			if zm[0] != "01.01" {
				t.Errorf("CVE_ZM %q", zm[0])
			}
			col(t, df, "MC")
			col(t, df, "CF")
			if got := sumCol(t, df, "POB_2015", nil); got != 75082458 {
				t.Errorf("POB_2015 sums to %.0f", got)
			}
			for _, c := range rep.Columns {
				if c.Name == "MC" && c.Original != "MC " {
					t.Errorf("report does not say MC was %q", "MC ")
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var rep Report
			df, err := ReadCSVFile(csvFile(tt.file), WithReport(&rep))
			if err != nil {
				t.Fatal(err)
			}
			if df.Nrow() != tt.rows || rep.Rows != tt.rows {
				t.Errorf("%d rows (report %d), want %d", df.Nrow(), rep.Rows, tt.rows)
			}
			if rep.Encoding != tt.encoding || rep.Delimiter != tt.delim || rep.HeaderLine != tt.header {
				t.Errorf("report: encoding %q delimiter %q header %d; want %q %q %d", rep.Encoding, rep.Delimiter, rep.HeaderLine, tt.encoding, tt.delim, tt.header)
			}
			if len(rep.Columns) != df.Ncol() || rep.String() == "" {
				t.Errorf("report columns %d, frame %d", len(rep.Columns), df.Ncol())
			}
			tt.check(t, df, rep)
		})
	}
}

func TestReadCSVWorkersAgree(t *testing.T) {
	for _, f := range []string{"sesnsp_idefc_estatal_2026.csv", "ssa_covid19_datos_abiertos_muestra_2k.csv", "inegi_censo2020_poblacion_municipio_sexo_consulta.csv"} {
		t.Run(f, func(t *testing.T) {
			one, err := ReadCSVFile(csvFile(f), Workers(1))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []int{2, 3, 7} {
				many, err := ReadCSVFile(csvFile(f), Workers(w))
				if err != nil {
					t.Fatal(err)
				}
				if msg := frameDiff(one, many); msg != "" {
					t.Errorf("Workers(%d): %s", w, msg)
				}
			}
		})
	}
}

func TestReadCSVDialects(t *testing.T) {
	want := [][]string{{"nombre", "n"}, {"Colima", "3"}, {"León, Gto.", "4"}}
	tests := []struct {
		name, in string
		delim    string
	}{
		{"comma LF", "nombre,n\nColima,3\n\"León, Gto.\",4\n", ","},
		{"comma CRLF no final newline", "nombre,n\r\nColima,3\r\n\"León, Gto.\",4", ","},
		{"semicolon", "nombre;n\nColima;3\nLeón, Gto.;4\n", ";"},
		{"tab", "nombre\tn\nColima\t3\nLeón, Gto.\t4\n", "tab"},
		{"pipe", "nombre|n\nColima|3\nLeón, Gto.|4\n", "|"},
		{"excel sep line", "sep=;\nnombre;n\nColima;3\nLeón, Gto.;4\n", ";"},
		{"old mac CR", "nombre,n\rColima,3\r\"León, Gto.\",4\r", ","},
		{"UTF-16LE BOM", utf16le("nombre\tn\r\nColima\t3\r\nLeón, Gto.\t4\r\n"), "tab"},
		{"Windows-1252", win("nombre;n\nColima;3\nLeón, Gto.;4\n"), ";"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rep Report
			df, err := ReadCSV(strings.NewReader(tt.in), WithReport(&rep))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Delimiter != tt.delim {
				t.Errorf("delimiter %q, want %q", rep.Delimiter, tt.delim)
			}
			got := append([][]string{df.Names()}, df.Records()[1:]...)
			if !equalRecords(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
			if col(t, df, "n").Type() != series.Int {
				t.Errorf("n is %s", col(t, df, "n").Type())
			}
		})
	}
}

func utf16le(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func win(s string) string {
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

func equalRecords(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

func TestReadCSVTypes(t *testing.T) {
	in := "cve_ent,codigo,entero,real,miles,logico,texto,vacia,largo,con_na\n" +
		"01,007,10,1.5,\"1,234\",true,a,,123456789012345678,N/D\n" +
		"02,010,-3,2,\"12,345,678\",FALSE,b,,123456789012345679,5\n" +
		"15,100,0,3e2,999,true,c,,1,-\n"
	var rep Report
	df, err := ReadCSV(strings.NewReader(in), WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]series.Type{
		"cve_ent": series.String, "codigo": series.String, "entero": series.Int, "real": series.Float,
		"miles": series.Int, "logico": series.Bool, "texto": series.String, "vacia": series.Float,
		"largo": series.String, "con_na": series.Int,
	}
	for name, typ := range want {
		t.Run(name, func(t *testing.T) {
			if got := col(t, df, name).Type(); got != typ {
				t.Errorf("type %s, want %s (report: %s)", got, typ, rep.String())
			}
		})
	}
	v, _ := frame.FloatsOf(col(t, df, "miles"))
	if v[0] != 1234 || v[1] != 12345678 || v[2] != 999 {
		t.Errorf("miles %v", v)
	}
	_, na := frame.FloatsOf(col(t, df, "con_na"))
	if !na[0] || na[1] || !na[2] {
		t.Errorf("con_na missing mask %v", na)
	}
}

func TestReadCSVOptions(t *testing.T) {
	in := "titulo del cuadro\n\nclave,nombre,valor\n01,Ags,10\n02,BC,N/E\n"
	t.Run("Columns", func(t *testing.T) {
		df, err := ReadCSV(strings.NewReader(in), Columns("valor", "clave"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(df.Names(), ",") != "clave,valor" {
			t.Errorf("names %v", df.Names())
		}
	})
	t.Run("Columns missing", func(t *testing.T) {
		_, err := ReadCSV(strings.NewReader(in), Columns("poblacion"))
		if !errors.Is(err, ErrNoColumn) || !strings.Contains(err.Error(), `"poblacion"`) {
			t.Errorf("err %v", err)
		}
	})
	t.Run("ExtraMissing", func(t *testing.T) {
		df, err := ReadCSV(strings.NewReader(in), ExtraMissing("N/E"), MissingValues("N/E"))
		if err != nil {
			t.Fatal(err)
		}
		if col(t, df, "valor").Type() != series.Int {
			t.Errorf("valor %s", col(t, df, "valor").Type())
		}
	})
	t.Run("ColumnType", func(t *testing.T) {
		df, err := ReadCSV(strings.NewReader(in), ColumnType("valor", series.String), ColumnType("clave", series.Int))
		if err != nil {
			t.Fatal(err)
		}
		if col(t, df, "clave").Type() != series.Int || col(t, df, "valor").Type() != series.String {
			t.Errorf("types %v", df.Types())
		}
	})
	t.Run("ColumnType misfit", func(t *testing.T) {
		_, err := ReadCSV(strings.NewReader(in), ColumnType("nombre", series.Float), Source("x.csv"))
		if !errors.Is(err, ErrType) || !strings.Contains(err.Error(), `x.csv: line 4: column "nombre": "Ags"`) {
			t.Errorf("err %v", err)
		}
	})
	t.Run("NoInference", func(t *testing.T) {
		df, err := ReadCSV(strings.NewReader(in), NoInference())
		if err != nil {
			t.Fatal(err)
		}
		for _, ty := range df.Types() {
			if ty != series.String {
				t.Errorf("types %v", df.Types())
			}
		}
	})
	t.Run("HeaderRow", func(t *testing.T) {
		df, err := ReadCSV(strings.NewReader(in), HeaderRow(3))
		if err != nil {
			t.Fatal(err)
		}
		if df.Names()[0] != "clave" || df.Nrow() != 2 {
			t.Errorf("names %v rows %d", df.Names(), df.Nrow())
		}
	})
	t.Run("NoHeader", func(t *testing.T) {
		df, err := ReadCSV(strings.NewReader("1,2\n3,4\n"), NoHeader())
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(df.Names(), ",") != "col_1,col_2" || df.Nrow() != 2 {
			t.Errorf("names %v rows %d", df.Names(), df.Nrow())
		}
	})
	t.Run("Encoding", func(t *testing.T) {
		df, err := ReadCSV(strings.NewReader(win("año\nniño\n")), Encoding(charmap.ISO8859_1))
		if err != nil {
			t.Fatal(err)
		}
		if df.Names()[0] != "año" {
			t.Errorf("names %v", df.Names())
		}
	})
	t.Run("Delimiter", func(t *testing.T) {
		df, err := ReadCSV(strings.NewReader("a;b,c\n1;2,3\n"), Delimiter(';'))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(df.Names(), "|") != "a|b,c" {
			t.Errorf("names %v", df.Names())
		}
	})
}

func TestReadCSVRagged(t *testing.T) {
	in := "a,b,c,,\n1,2,3\n4,5,6,,\n7,8\n"
	var rep Report
	df, err := ReadCSV(strings.NewReader(in), WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if df.Ncol() != 3 || df.Nrow() != 3 {
		t.Fatalf("%dx%d", df.Nrow(), df.Ncol())
	}
	if rep.PaddedRows != 1 || rep.TrimmedRows != 1 || len(rep.DroppedColumns) != 2 {
		t.Errorf("padded %d trimmed %d dropped %v", rep.PaddedRows, rep.TrimmedRows, rep.DroppedColumns)
	}
	_, na := frame.FloatsOf(col(t, df, "c"))
	if !na[2] {
		t.Error("short row not padded with a missing value")
	}
	names, err := ReadCSV(strings.NewReader("x,x,,y,x\n1,2,3,4,5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names.Names(), ","); got != "x,x_2,col_3,y,x_3" {
		t.Errorf("names %s", got)
	}
}

func TestReadCSVBadInput(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		msg      string
	}{
		{"empty", "", ErrEmpty, "empty"},
		{"blank", " \n\r\n", ErrEmpty, "empty"},
		{"binary", "\x00\x01\x02\x03garbage\x00\x00\xff", ErrFormat, "binary"},
		{"zip", "PK\x03\x04\x14\x00\x06\x00", ErrFormat, "xlsx"},
		{"unterminated quote", "a,b\n1,2\n3,\"abc\n4,5\n", ErrFormat, `line 3: column 2: quoted field "\"abc\n4,5\n" is never closed`},
		{"too many fields", "a,b\n1,2\n3,4,99\n", ErrFieldCount, `line 3: column 3: "99"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.in), Source("datos.csv"))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "fetch: datos.csv: ") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q lacks %q", err, tt.msg)
			}
		})
	}
	if _, err := ReadCSVFile(filepath.Join(t.TempDir(), "nada.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadCSV(nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("nil reader: %v", err)
	}
}

// frameDiff describes the first difference between two frames, or "".
func frameDiff(a, b dataframe.DataFrame) string {
	if a.Err != nil || b.Err != nil {
		return "frame error: " + errString(a.Err) + " / " + errString(b.Err)
	}
	if strings.Join(a.Names(), "|") != strings.Join(b.Names(), "|") {
		return "names " + strings.Join(a.Names(), "|") + " vs " + strings.Join(b.Names(), "|")
	}
	if a.Nrow() != b.Nrow() {
		return "row counts differ"
	}
	for _, n := range a.Names() {
		x, y := a.Col(n), b.Col(n)
		if x.Type() != y.Type() {
			return "column " + n + ": types " + string(x.Type()) + " vs " + string(y.Type())
		}
		xr, yr := x.Records(), y.Records()
		xn, yn := x.IsNaN(), y.IsNaN()
		xf, yf := x.Float(), y.Float()
		for i := range xr {
			if xn[i] != yn[i] || xr[i] != yr[i] || x.Type() != series.String && !xn[i] && xf[i] != yf[i] && !(math.IsNaN(xf[i]) && math.IsNaN(yf[i])) {
				return "column " + n + " row " + itoa(i) + ": " + xr[i] + " vs " + yr[i]
			}
		}
	}
	return ""
}

func errString(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}

func itoa(i int) string { return strconv.Itoa(i) }

func readFileString(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}
