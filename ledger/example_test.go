package ledger_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/ledger"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Example records where a story's number comes from: the Censo 2020 file
// with its SHA-256, how it was read, the share of women computed with
// analyze.Rate and recorded with its numerator and denominator, and the
// sentence of the story filled from the ledger.
func Example() {
	const archivo = "testdata/censo2020_poblacion_estatal.csv"
	l := ledger.New("Mujeres en México, Censo 2020")

	res, err := fetch.DescribeFile(archivo)
	if err != nil {
		log.Fatal(err)
	}
	l.Source(res, "INEGI, Censo de Población y Vivienda 2020, población por entidad")
	var lectura fetch.Report
	df, err := fetch.ReadCSVFile(archivo, fetch.WithReport(&lectura))
	if err != nil {
		log.Fatal(err)
	}
	l.Step("lectura del censo", lectura)

	// Las 32 entidades, sin la fila "Nacional" (clave 00).
	estados := df.Filter(dataframe.F{Colname: "cve_geo", Comparator: series.Neq, Comparando: "00"})
	pais, err := analyze.GroupBy(estados).Agg(analyze.Sum("pob_m_2020").As("mujeres"), analyze.Sum("pob_total_2020").As("total"))
	if err != nil {
		log.Fatal(err)
	}
	pais, err = analyze.Rate(pais, "mujeres", "total", 100, "pct")
	if err != nil {
		log.Fatal(err)
	}
	mujeres, total := pais.Col("mujeres").Float()[0], pais.Col("total").Float()[0]
	err = l.Figure("pct_mujeres", pais.Col("pct").Float()[0],
		ledger.Ratio(mujeres, total), ledger.Unit("%"), ledger.Period("2020"),
		ledger.Definition("mujeres entre la población total, por 100"))
	if err != nil {
		log.Fatal(err)
	}
	if err := l.Figure("poblacion", total, ledger.Unit("habitantes"), ledger.Period("2020")); err != nil {
		log.Fatal(err)
	}

	texto, err := l.Render(`En 2020, las mujeres eran el {{cifra "pct_mujeres"}} de los {{cifra "poblacion"}} habitantes de México.`)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(texto)
	fmt.Print(l.Summary())
	f, _ := l.Lookup("pct_mujeres")
	fmt.Printf("%s = %.0f / %.0f × %.0f; SHA-256 %s…\n", f.Name, *f.Numerator, *f.Denominator, f.Per, l.Sources()[0].SHA256[:16])
	// Output:
	// En 2020, las mujeres eran el 51.2% de los 126,014,024 habitantes de México.
	// Registro de cifras: Mujeres en México, Censo 2020
	//   1 fuente, 1 paso, 2 cifras
	//   pct_mujeres: 51.2%, 2020
	//   poblacion: 126,014,024 habitantes, 2020
	// pct_mujeres = 64540634 / 126014024 × 100; SHA-256 c8b46ae1011773ae…
}

// ExampleLedger_Figure records a rate per 100,000 people resting on a
// small number: the ledger finds the scale from the ratio and flags it as
// analyze.Rate does.
func ExampleLedger_Figure() {
	l := ledger.New("Homicidios en un municipio")
	err := l.Figure("tasa", 6.0/48_210*100_000,
		ledger.Ratio(6, 48_210), ledger.Unit("por cada 100 mil habitantes"),
		ledger.Period("enero–marzo de 2026"),
		ledger.Caveat("carpetas de investigación, no víctimas"),
		ledger.Alternative("con la población del Censo 2020", 6.0/46_500*100_000))
	if err != nil {
		log.Fatal(err)
	}
	f, _ := l.Lookup("tasa")
	fmt.Println(f.Text, f.Unit)
	fmt.Println("por", f.Per, "pequeña:", f.Small)
	fmt.Println(f.Alternatives[0].Label+":", f.Alternatives[0].Text)

	// A value that does not follow from its ratio is refused.
	err = l.Figure("mal", 14.2, ledger.Ratio(6, 48_210))
	fmt.Println(err)
	// Output:
	// 12.4 por cada 100 mil habitantes
	// por 100000 pequeña: true
	// con la población del Censo 2020: 12.9
	// ledger: Figure "mal": value 14.2 does not follow from Ratio(6, 48210) = 0.00012445550715619165 (record the unrounded value, and pass Per(scale) if the scale is not a power of ten): invalid argument
}

// ExampleLedger_WriteDir writes the three files and shows the table of
// figures of the methodology note, with the blank columns for the editor.
func ExampleLedger_WriteDir() {
	l := ledger.New("Carpetas por homicidio")
	l.Source(fetch.Describe("data/sesnsp.csv", []byte("clave_ent,carpetas\n06,120\n")), "SESNSP, incidencia delictiva estatal")
	if err := l.Figure("carpetas", 120, ledger.Unit("carpetas"), ledger.Definition("carpetas por homicidio doloso")); err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "ledger")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := l.WriteDir(dir); err != nil {
		log.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, n := range names {
		fmt.Println(filepath.Base(n))
	}
	note, _ := os.ReadFile(filepath.Join(dir, ledger.NoteFile))
	for _, line := range strings.Split(string(note), "\n") {
		if strings.HasPrefix(line, "|") || strings.HasPrefix(line, "   - SHA-256") {
			fmt.Println(line)
		}
	}
	// Output:
	// cifras.csv
	// cifras.json
	// metodologia.md
	//    - SHA-256: `48dd494c863e1ddf97d5710233162d7a212df30e78743eaeedafb14c03508e41`
	// | Cifra | Definición | Valor publicado | Numerador / denominador | n | Periodo | Salvedades | Verificado por | Fecha |
	// |---|---|---|---|---|---|---|---|---|
	// | carpetas | carpetas por homicidio doloso | 120 carpetas |  |  |  |  |  |  |
}

// ExampleDiff compares the ledger a story published with a new run after
// the publisher replaced its file: the hash changed, one figure moved
// beyond its rounding, the other did not.
func ExampleDiff() {
	run := func(data string, tasa, total float64) *ledger.Ledger {
		l := ledger.New("Homicidios")
		l.Source(fetch.Describe("data/sesnsp.csv", []byte(data)), "SESNSP")
		if err := l.Figure("tasa", tasa); err != nil {
			log.Fatal(err)
		}
		if err := l.Figure("total", total); err != nil {
			log.Fatal(err)
		}
		return l
	}
	publicado := run("a,b\n1,2\n", 12.34, 29_498)
	nuevo := run("a,b\n1,3\n", 12.31, 29_510) // 12.31 still reads 12.3
	for _, c := range ledger.Diff(publicado, nuevo) {
		fmt.Println(c.Kind == ledger.SourceChanged, c.Name)
	}
	fmt.Println(ledger.Diff(publicado, nuevo)[0])
	// Output:
	// false total
	// true data/sesnsp.csv
	// figure "total": 29,498 → 29,510 (value 29498 → 29510)
}
