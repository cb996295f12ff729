package publish

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

const consulta = "testdata/inegi_censo2020_poblacion_municipio_sexo_consulta.csv"

// tidyConsulta cleans INEGI's consulta export into a tidy table: one row
// per municipality and sex, codes split into cve_ent and cve_mun, totals
// and subtotals dropped.
func tidyConsulta(t testing.TB) dataframe.DataFrame {
	t.Helper()
	df, err := fetch.ReadCSVFile(consulta)
	if err != nil {
		t.Fatal(err)
	}
	df, _, err = clean.DropTotals(df)
	if err != nil {
		t.Fatal(err)
	}
	keys := df.Col("col_1").Records()
	ent := make([]string, len(keys))
	mun := make([]string, len(keys))
	for i, k := range keys {
		f := strings.Fields(k)
		if len(f) != 2 {
			t.Fatalf("row %d: key %q", i+1, k)
		}
		ent[i], mun[i] = f[0], f[1]
	}
	wide := dataframe.New(
		series.New(ent, series.String, "cve_ent"),
		series.New(mun, series.String, "cve_mun"),
		df.Col("col_2").Copy(),
		df.Col("Hombres").Copy(),
		df.Col("Mujeres").Copy(),
	).Rename("municipio", "col_2")
	long, err := clean.Longer(wide, []string{"cve_ent", "cve_mun", "municipio"}, "sexo", "poblacion")
	if err != nil {
		t.Fatal(err)
	}
	return long
}

// publishConsulta writes the tidy consulta as a package in a temporary
// folder and returns the folder.
func publishConsulta(t testing.TB, df dataframe.DataFrame) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "paquete")
	p := New("poblacion-municipal-sexo-2020",
		Title("Población por municipio y sexo, Censo 2020"),
		Description("Población total por municipio y sexo según el Censo de Población y Vivienda 2020 de INEGI."),
		Contact("Mesa de datos", "datos@example.org"),
		Publisher("Ejemplo, mesa de datos"),
		Keywords("población", "censo", "municipios"),
		Temporal("2020"), Spatial("Estados Unidos Mexicanos"), AccrualPeriodicity("R/P10Y"),
		LandingPage("https://example.org/datos/poblacion"), DownloadURL("https://example.org/datos/poblacion"),
	)
	err := p.AddTable("poblacion", df,
		TableTitle("Población por municipio y sexo"),
		TableDescription("Una fila por municipio y sexo."),
		PrimaryKey("cve_ent", "cve_mun", "sexo"),
		StateKey("cve_ent"), MunicipalityKey("cve_ent", "cve_mun"),
		Describe("sexo", "Sexo de las personas censadas."),
		Describe("poblacion", "Personas censadas."), Unit("poblacion", "personas"))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}
