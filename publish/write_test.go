package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func TestTidyConsulta(t *testing.T) {
	df := tidyConsulta(t)
	if df.Nrow() != 2469*2 {
		t.Fatalf("rows = %d, want %d (2,469 municipalities × 2 sexes)", df.Nrow(), 2469*2)
	}
	// Aguascalientes, Aguascalientes: 462,073 men and 486,917 women.
	first := df.Subset([]int{0}).Records()
	if got := strings.Join(first[1], "|"); got != "01|001|Aguascalientes|Hombres|462073" {
		t.Errorf("first row = %s", got)
	}
}

func TestWriteDescriptor(t *testing.T) {
	dir := publishConsulta(t, tidyConsulta(t))
	for _, f := range []string{"poblacion.csv", "entidades.csv", "municipios.csv", DescriptorFile, DictionaryCSVFile,
		DictionaryFile, CatalogueFile, CatalogueDCATFile} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, DescriptorFile))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Schema    string `json:"$schema"`
		Licenses  []struct{ Name, Title string }
		Resources []struct {
			Name, Path, Hash string
			Bytes            int64
			Schema           struct {
				Fields []struct {
					Name, Type  string
					Categories  []string
					Constraints map[string]any
				}
				PrimaryKey  []string
				ForeignKeys []struct {
					Fields    []string
					Reference struct {
						Resource string
						Fields   []string
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if d.Schema != ProfileURL {
		t.Errorf("$schema = %q", d.Schema)
	}
	if len(d.Licenses) != 1 || d.Licenses[0].Title != "Términos de Libre Uso MX" {
		t.Errorf("licenses = %+v", d.Licenses)
	}
	r := d.Resources[0]
	types := map[string]string{}
	for _, f := range r.Schema.Fields {
		types[f.Name] = f.Type
	}
	want := map[string]string{"cve_ent": "string", "cve_mun": "string", "municipio": "string", "sexo": "string", "poblacion": "integer"}
	for k, v := range want {
		if types[k] != v {
			t.Errorf("field %s: type %q, want %q", k, types[k], v)
		}
	}
	if got := r.Schema.Fields[3].Categories; strings.Join(got, ",") != "Hombres,Mujeres" {
		t.Errorf("sexo categories = %v", got)
	}
	if p := r.Schema.Fields[0].Constraints["pattern"]; p != "[0-9]{2}" {
		t.Errorf("cve_ent pattern = %v", p)
	}
	if min := r.Schema.Fields[4].Constraints["minimum"]; min != float64(40) {
		t.Errorf("poblacion minimum = %v (Santa Magdalena Jicotlán, Oaxaca: 40 women)", min)
	}
	if strings.Join(r.Schema.PrimaryKey, ",") != "cve_ent,cve_mun,sexo" {
		t.Errorf("primaryKey = %v", r.Schema.PrimaryKey)
	}
	if len(r.Schema.ForeignKeys) != 2 || r.Schema.ForeignKeys[1].Reference.Resource != "municipios" {
		t.Errorf("foreignKeys = %+v", r.Schema.ForeignKeys)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "poblacion.csv"))
	if r.Bytes != int64(len(data)) || !strings.HasPrefix(r.Hash, "sha256:") {
		t.Errorf("bytes %d hash %q; file %d bytes", r.Bytes, r.Hash, len(data))
	}
	if !bytes.HasPrefix(data, []byte("cve_ent,cve_mun,municipio,sexo,poblacion\n01,001,Aguascalientes,Hombres,462073\n")) {
		t.Errorf("poblacion.csv starts %q", data[:80])
	}
	cat, _ := os.ReadFile(filepath.Join(dir, CatalogueFile))
	lines := strings.Split(string(cat), "\n")
	if lines[0] != strings.Join(CatalogueColumns, ",") {
		t.Errorf("catalogue header = %q", lines[0])
	}
	if !strings.Contains(lines[1], "https://example.org/datos/poblacion/poblacion.csv,text/csv,") {
		t.Errorf("catalogue row = %q", lines[1])
	}
	dict, _ := os.ReadFile(filepath.Join(dir, DictionaryFile))
	for _, s := range []string{"| `poblacion` | entero | Personas censadas. Unidad: personas. |", "uno de: Hombres \\| Mujeres",
		"Llave primaria; foránea → entidades.cve_ent; foránea → municipios.cve_ent"} {
		if !strings.Contains(string(dict), s) {
			t.Errorf("diccionario.md lacks %q", s)
		}
	}
}

// TestWriteTemplateMatchesGuide: the catalogue columns are the guide's
// template, byte for byte.
func TestWriteTemplateMatchesGuide(t *testing.T) {
	b, err := os.ReadFile("testdata/mx-catalogo_v3.0.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(CatalogueColumns, ","); strings.TrimSpace(string(b)) != got {
		t.Errorf("columns %q, template %q", got, b)
	}
}

func TestWriteDeterministic(t *testing.T) {
	df := tidyConsulta(t)
	a, b := publishConsulta(t, df), publishConsulta(t, df)
	files, _ := os.ReadDir(a)
	if len(files) != 8 {
		t.Fatalf("%d files", len(files))
	}
	for _, f := range files {
		x, _ := os.ReadFile(filepath.Join(a, f.Name()))
		y, _ := os.ReadFile(filepath.Join(b, f.Name()))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two writes", f.Name())
		}
	}
}

func TestWholeFloatsAreIntegers(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"01", "02"}, series.String, "cve_ent"),
		series.New([]float64{1425607, 3769020}, series.Float, "poblacion"),
		series.New([]float64{12.5, 3}, series.Float, "tasa"),
	)
	p := New("prueba")
	if err := p.AddTable("t", df); err != nil {
		t.Fatal(err)
	}
	tb := p.tables[0]
	if tb.cols[1].field.Type != "integer" || tb.cols[1].cells[0] != "1425607" {
		t.Errorf("poblacion: %s %q", tb.cols[1].field.Type, tb.cols[1].cells[0])
	}
	if tb.cols[2].field.Type != "number" || tb.cols[2].cells[1] != "3" {
		t.Errorf("tasa: %s %q", tb.cols[2].field.Type, tb.cols[2].cells[1])
	}
}

func TestAddTableErrors(t *testing.T) {
	df, err := fetch.ReadCSVFile("testdata/censo2020_poblacion_estatal.csv")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, table string
		opts        []TableOption
		want        error
		text        string
	}{
		{"bad name", "Población", nil, ErrArgument, `"poblacion"`},
		{"a name Write uses", "diccionario", nil, ErrArgument, "diccionario.csv"},
		{"no column", "t", []TableOption{PrimaryKey("cve_ent")}, ErrNoColumn, "cve_geo"},
		{"national row is not a state", "t", []TableOption{StateKey("cve_geo")}, ErrReference, `row 33: "00"`},
		{"repeated key", "t", []TableOption{PrimaryKey("pob_total_2020"), PrimaryKey("nombre_estado")}, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := New("prueba").AddTable(c.table, df, c.opts...)
			if c.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %v; want %v mentioning %s", err, c.want, c.text)
			}
			if strings.Count(err.Error(), "publish:") != 1 {
				t.Errorf("one package prefix: %v", err)
			}
		})
	}
	dup := dataframe.New(series.New([]string{"01", "01"}, series.String, "k"))
	err = New("x").AddTable("t", dup, PrimaryKey("k"))
	if !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), "rows 1 and 2") {
		t.Errorf("duplicate key: %v", err)
	}
	if err := New("x").Write(t.TempDir()); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty package: %v", err)
	}
	p := New("x")
	_ = p.AddTable("t", dup, ForeignKey([]string{"k"}, "otra", []string{"k"}))
	if err := p.Write(t.TempDir()); !errors.Is(err, ErrReference) {
		t.Errorf("foreign key to a missing table: %v", err)
	}
}

func TestCatalogueGaps(t *testing.T) {
	p := New("x", Title("T"), Contact("Mesa", "datos.example.org"), AccrualPeriodicity("mensual"), Keywords("a,b"))
	got := strings.Join(p.CatalogueGaps(), "\n")
	for _, want := range []string{"ds:description: empty (publish.Description)", `ds:mbox: "datos.example.org" is not an e-mail address`,
		`ds:accrualPeriodicity: "mensual" is neither`, "rs:downloadURL: empty", `ds:keyword: "a,b" holds a comma`} {
		if !strings.Contains(got, want) {
			t.Errorf("gaps lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "ds:title") || strings.Contains(got, "ds:contactPoint") {
		t.Errorf("filled fields listed:\n%s", got)
	}
}

func TestWriteTextRoundTrip(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"01", "02", "03", "04"}, series.String, "id"),
		series.New([]string{"línea 1\r\nlínea 2", `con "comillas", y coma`, "  espacios  ", "N/D"}, series.String, "nota"),
	)
	dir := filepath.Join(t.TempDir(), "p")
	p := New("texto")
	if err := p.AddTable("t", df, PrimaryKey("id")); err != nil {
		t.Fatal(err)
	}
	if err := p.Write(dir); err != nil {
		t.Fatal(err)
	}
	rep, err := Validate(dir)
	if err != nil || !rep.Valid() {
		t.Fatalf("%v\n%s", err, rep)
	}
	back, err := fetch.ReadPackage(dir, "t")
	if err != nil {
		t.Fatal(err)
	}
	got := back.Col("nota").Records()
	want := []string{"línea 1\nlínea 2", `con "comillas", y coma`, "  espacios  ", "N/D"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("notes read back %q", got)
	}
	if err := New("x").AddTable("t", dataframe.New(series.New([]string{"a"}, series.String, " ")), PrimaryKey()); !errors.Is(err, ErrArgument) {
		t.Errorf("a column without a name: %v", err)
	}
}
