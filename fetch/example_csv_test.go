package fetch_test

import (
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
)

// Read a real INEGI file with no options: codes keep their leading zeros
// and the population is typed as a number.
func ExampleReadCSVFile() {
	df, err := fetch.ReadCSVFile("testdata/csv/censo2020_poblacion_estatal.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	cve := df.Col("cve_geo").Records()
	pob := df.Col("pob_total_2020").Float()
	total := 0.0
	for i := range cve {
		if cve[i] != "00" { // the national row
			total += pob[i]
		}
	}
	fmt.Println(df.Nrow(), "rows;", cve[0], "…", cve[31], df.Col("cve_geo").Type())
	fmt.Printf("32 states: %.0f people\n", total)
	// Output:
	// 33 rows; 01 … 32 string
	// 32 states: 126014024 people
}

// A typical export: title lines before the header, quoted numbers with
// thousands separators, "N/D" for a missing value and a source note at the
// end. The report says what the reader decided.
func ExampleReadCSV() {
	in := `"Población por entidad"
""
"Clave","Entidad","Población"
"01","Aguascalientes","1,425,607"
"02","Baja California","3,769,020"
"03","Baja California Sur","N/D"

"Fuente: INEGI. Censo 2020."
`
	var rep fetch.Report
	df, err := fetch.ReadCSV(strings.NewReader(in), fetch.WithReport(&rep), fetch.Source("poblacion.csv"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("Población").Float()[:2])
	fmt.Print(rep.String())
	// Output:
	// [1.425607e+06 3.76902e+06]
	// read poblacion.csv (csv, UTF-8, delimiter ,): 3 rows, 3 columns, header on line 3
	//   skipped line 1 (preamble): "Población por entidad"
	//   skipped line 8 (note): "Fuente: INEGI. Censo 2020."
	//   Clave                    string name looks like a code
	//   Entidad                  string
	//   Población                int    1 missing ("N/D"×1)
}

// Columns reads only some columns; the others are skipped while parsing.
func ExampleColumns() {
	df, err := fetch.ReadCSVFile("testdata/csv/censo2020_poblacion_municipal.csv",
		fetch.Columns("clave_entidad", "clave_municipio", "poblacion"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Names(), df.Nrow())
	fmt.Println(df.Col("clave_entidad").Records()[0] + df.Col("clave_municipio").Records()[0])
	// Output:
	// [clave_entidad clave_municipio poblacion] 2469
	// 01001
}

// EachChunk aggregates a file in chunks, with flat memory whatever its size.
func ExampleEachChunk() {
	in := "entidad,delitos\nColima,10\nSonora,5\nColima,7\nSonora,1\nYucatán,N/D\n"
	totals := map[string]float64{}
	err := fetch.EachChunk(strings.NewReader(in), 2, func(df dataframe.DataFrame) error {
		ent := df.Col("entidad").Records()
		n := df.Col("delitos").Float()
		miss := df.Col("delitos").IsNaN()
		for i := range ent {
			if !miss[i] {
				totals[ent[i]] += n[i]
			}
		}
		fmt.Println("chunk of", df.Nrow(), "rows")
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(totals["Colima"], totals["Sonora"])
	// Output:
	// chunk of 2 rows
	// chunk of 2 rows
	// chunk of 1 rows
	// 17 6
}
