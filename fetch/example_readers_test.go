package fetch_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/datacon-mx/cifra/fetch"
)

// A CKAN datastore answer: the records are found on their own, nested
// objects become dotted columns, and codes keep their zeros.
func ExampleReadJSON() {
	answer := `{"success": true, "result": {
	  "records": [
	    {"cve_ent": "16", "entidad": "Michoacán de Ocampo", "poblacion": 4748846, "fuente": {"id": "censo2020"}},
	    {"cve_ent": "09", "entidad": "Ciudad de México", "poblacion": 9209944, "fuente": {"id": "censo2020"}}
	  ]}}`
	df, err := fetch.ReadJSON(strings.NewReader(answer))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(df.Names())
	for _, c := range df.Names() {
		fmt.Printf("%s %s %s\n", c, df.Col(c).Type(), df.Col(c).Elem(1))
	}
	// Output:
	// [cve_ent entidad poblacion fuente.id]
	// cve_ent string 09
	// entidad string Ciudad de México
	// poblacion int 9209944
	// fuente.id string censo2020
}

// A Banxico SIE API answer, with the path to its records named.
func ExampleRecordsPath() {
	f, err := os.Open("testdata/json/banxico_sie_api_fix_SF43718_2018_2025.json")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	df, err := fetch.ReadJSON(f, fetch.RecordsPath("bmx.series.0.datos"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(df.Nrow(), "days")
	fmt.Println(df.Elem(0, 0), df.Elem(0, 1))
	fmt.Printf("max %.4f pesos per dollar\n", df.Col("dato").Max())
	// Output:
	// 1908 days
	// 02/01/2018 19.489900
	// max 25.1185 pesos per dollar
}

// An electoral results workbook whose header sits on row 6, under a title
// block: the header is found and the title rows are reported.
func ExampleReadExcel() {
	var rep fetch.Report
	df, err := fetch.ReadExcel("testdata/excel/ieem_gubernatura_2023_por_distrito_local.xlsx", fetch.WithReport(&rep))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("header on row", rep.HeaderLine, "of", rep.Source)
	for _, s := range rep.Skipped {
		fmt.Printf("skipped row %d: %s\n", s.Line, s.Text)
	}
	fmt.Println(df.Nrow(), "districts; votes cast:", df.Col("TOTAL_VOTOS").Sum())
	// Output:
	// header on row 6 of testdata/excel/ieem_gubernatura_2023_por_distrito_local.xlsx
	// skipped row 2: Instituto Electoral del Estado de México
	// skipped row 3: Secretaría Ejecutiva
	// skipped row 4: Resultados definitivos por Distrito Local de la Elección de Gubernatura 2023
	// 48 districts; votes cast: 6.375763e+06
}

// A sheet chosen by name, written without accents or capitals; the state
// codes stay text with their leading zero.
func ExampleSheet() {
	df, err := fetch.ReadExcel("testdata/excel/ssa_covid19_catalogos_201128.xlsx", fetch.Sheet("catalogo de entidades"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(df.Subset([]int{15}).Records()[1])
	// Output:
	// [16 MICHOACÁN DE OCAMPO MN]
}

func ExampleSheets() {
	names, err := fetch.Sheets("testdata/excel/ssa_covid19_catalogos_201128.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(names), "sheets:", names[0], "…", names[len(names)-1])
	// Output:
	// 11 sheets: Catálogo ORIGEN … Catálogo MUNICIPIOS
}

// A table with a two-row header (a year spanning its months), a cell
// spanning two rows, numbers written for display and a footnote.
func ExampleHTMLTables() {
	page := `<table>
	  <thead>
	    <tr><th rowspan="2">Entidad</th><th colspan="2">2026</th></tr>
	    <tr><th>Enero</th><th>Febrero</th></tr>
	  </thead>
	  <tr><td><a href="/bc">Baja California</a> [1]</td><td>7,089</td><td>6,881</td></tr>
	  <tr><td>Campeche</td><td>349</td><td>N/D</td></tr>
	  <tfoot><tr><td colspan="3">Fuente: SESNSP.</td></tr></tfoot>
	</table>`
	var rep fetch.Report
	tables, err := fetch.HTMLTables(strings.NewReader(page), fetch.WithReport(&rep))
	if err != nil {
		log.Fatal(err)
	}
	df := tables[0]
	fmt.Println(df.Names())
	fmt.Println(df.Records()[1:])
	fmt.Println(df.Col("2026 Enero").Type(), df.Col("2026 Enero").Sum())
	fmt.Printf("skipped: %s (%s)\n", rep.Skipped[0].Text, rep.Skipped[0].Reason)
	// Output:
	// [Entidad 2026 Enero 2026 Febrero]
	// [[Baja California 7089 6881] [Campeche 349 NaN]]
	// int 7438
	// skipped: Fuente: SESNSP. (note)
}

// The table of a saved government page, chosen by the text it contains.
func ExampleTableContaining() {
	f, err := os.Open("testdata/html/implan_torreon_smi_matriz_delincuencia.html")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	tables, err := fetch.HTMLTables(f, fetch.TableContaining("gomez palacio"))
	if err != nil {
		log.Fatal(err)
	}
	df := tables[0]
	fmt.Println(df.Nrow(), "indicators;", df.Elem(0, 1), "in La Laguna:", df.Col("La Laguna").Float()[0])
	// Output:
	// 15 indicators; Delitos in La Laguna: 1179
}

// A matrix whose cells write the unit, date and source of each value only
// in a tooltip: CellTitles keeps it next to the value. The ND cell has no
// tooltip, so its title is missing too.
func ExampleCellTitles() {
	f, err := os.Open("testdata/html/implan_torreon_smi_matriz_delincuencia.html")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	tables, err := fetch.HTMLTables(f, fetch.CellTitles(), fetch.Columns("Indicador", "La Laguna"))
	if err != nil {
		log.Fatal(err)
	}
	df := tables[0]
	fmt.Println(df.Names())
	for _, i := range []int{0, 11, 14} {
		title := df.Elem(i, 2).String()
		if df.Elem(i, 2).IsNA() {
			title = "no title"
		}
		fmt.Printf("%s: %v (%s)\n", df.Elem(i, 0), df.Elem(i, 1).Float(), title)
	}
	// Output:
	// [Indicador La Laguna La Laguna_title]
	// Delitos: 1179 (Cantidad, 2014-11-30, Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública)
	// Tasa de Homicidios: 49.88 (Por cada 100 mil, 2013-12-31, SNSP)
	// Estimación de Menores Huérfanos por Agresiones: NaN (no title)
}
