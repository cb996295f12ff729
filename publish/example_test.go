package publish_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/publish"
)

// A tidy table from INEGI's census, published as a Data Package with its
// dictionary and catalogue record, then validated and read back.
func Example() {
	df, err := fetch.ReadCSVFile("testdata/censo2020_poblacion_municipal.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := publish.New("poblacion-municipal-2020",
		publish.Title("Población por municipio, Censo 2020"),
		publish.Contact("Mesa de datos", "datos@example.org"),
		publish.Temporal("2020"), publish.AccrualPeriodicity("R/P10Y"))
	err = p.AddTable("poblacion", df,
		publish.PrimaryKey("clave_entidad", "clave_municipio"),
		publish.MunicipalityKey("clave_entidad", "clave_municipio"),
		publish.Describe("poblacion", "Personas censadas."), publish.Unit("poblacion", "personas"))
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, _ := os.MkdirTemp("", "paquete")
	defer os.RemoveAll(dir)
	if err := p.Write(dir); err != nil {
		fmt.Println(err)
		return
	}
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		fmt.Println(f.Name())
	}
	rep, err := publish.Validate(filepath.Join(dir, "datapackage.json"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("valid:", rep.Valid())
	back, _ := fetch.ReadPackage(filepath.Join(dir, "datapackage.json"), "poblacion")
	fmt.Println(back.Names(), back.Types())
	fmt.Println(back.Subset([]int{0}).Records()[1])
	// Output:
	// catalogo.csv
	// catalogo.jsonld
	// datapackage.json
	// diccionario.csv
	// diccionario.md
	// entidades.csv
	// municipios.csv
	// poblacion.csv
	// valid: true
	// [clave_entidad entidad clave_municipio municipio poblacion] [string string string string int]
	// [01 Aguascalientes 001 Aguascalientes 948990]
}

// Validate names the resource, data row, file line and field of each
// problem.
func ExampleValidate() {
	dir, _ := os.MkdirTemp("", "paquete")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "estados.csv"), []byte("cve_ent,poblacion\n01,1425607\n2,3769020\n03,N/D\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(`{
  "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
  "resources": [{"name": "estados", "path": "estados.csv",
    "schema": {"fields": [
      {"name": "cve_ent", "type": "string", "constraints": {"pattern": "[0-9]{2}"}},
      {"name": "poblacion", "type": "integer"}]}}]}`), 0o644)
	rep, _ := publish.Validate(filepath.Join(dir, "datapackage.json"))
	for _, p := range rep.Problems {
		fmt.Println(p)
	}
	// Output:
	// resource "estados", row 2 (line 3), field "cve_ent": constraint-error: "2" does not match the pattern "[0-9]{2}"
	// resource "estados", row 3 (line 4), field "poblacion": type-error: "N/D" is not an integer
}

// Assess measures a raw government file against the open-data guide.
func ExampleAssess() {
	a, err := publish.Assess("testdata/sesnsp_idefc_estatal_2026.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("score %.2f, failed %s\n", a.Score(), strings.Join(a.Failed(), ", "))
	c, _ := a.Find("iso_dates")
	fmt.Println(c.Evidence)
	// Output:
	// score 0.70, failed utf8, iso_dates, clear_names
	// periods spread as column names (Enero, Febrero, Marzo and 9 more): one column per month instead of a period column (clean.Longer)
}
