package cifra_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
)

// Example is the whole pipeline in twenty lines: a Windows-1252 SESNSP file
// with one column per month, reshaped, summed, joined to CONAPO population,
// turned into a rate per 100,000 people and charted.
func Example() {
	crimes, err := fetch.ReadCSVFile("examples/homicidios/data/sesnsp_idefc_estatal_2026.csv")
	if err != nil {
		log.Fatal(err)
	}
	crimes = crimes.Filter(dataframe.F{Colname: "Subtipo de delito", Comparator: "==", Comparando: "Homicidio doloso"})
	ids := []string{"Clave_Ent", "Entidad", "Modalidad"}
	long, err := clean.Longer(crimes.Select(append(ids, clean.MonthColumns(crimes)...)), ids, "mes", "carpetas")
	if err != nil {
		log.Fatal(err)
	}
	byState, err := analyze.GroupBy(long, "Clave_Ent", "Entidad").Agg(analyze.Sum("carpetas").As("carpetas"))
	if err != nil {
		log.Fatal(err)
	}
	pop, err := fetch.ReadCSVFile("examples/homicidios/data/conapo_poblacion_estatal_sexo_1950_2070.csv")
	if err != nil {
		log.Fatal(err)
	}
	pop = pop.Filter(dataframe.F{Colname: "n_year", Comparator: "==", Comparando: 2026}).
		Filter(dataframe.F{Colname: "genero", Comparator: "==", Comparando: "Total"})
	joined, rep, err := clean.Config{RightOn: []string{"cve_ent"}}.Join(byState, pop, clean.Left, "Clave_Ent")
	if err != nil {
		log.Fatal(err)
	}
	rates, err := analyze.Rate(joined, "carpetas", "pob_mid_year", 100_000, "tasa")
	if err != nil {
		log.Fatal(err)
	}
	ch, err := chart.Bar(rates, "Entidad", "tasa", chart.Title("Colima, la entidad con más carpetas por homicidio doloso por habitante"),
		chart.Subtitle("Carpetas de investigación por homicidio doloso por cada 100 mil habitantes, enero–marzo de 2026"),
		chart.Source("SESNSP; CONAPO"), chart.Highlight("Colima"))
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save(filepath.Join(os.TempDir(), "tasa.svg")); err != nil {
		log.Fatal(err)
	}
	top := rates.Arrange(dataframe.RevSort("tasa"))
	fmt.Printf("%d states matched; %s: %.1f per 100,000\n", rep.MatchedLeft, top.Elem(0, 1), top.Col("tasa").Elem(0).Float())
	// Output: 32 states matched; Colima: 20.5 per 100,000
}
