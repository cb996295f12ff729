// Mapa: ¿a qué entidades llegan más remesas por habitante?
//
// Lee las remesas trimestrales por entidad de Banxico, suma los cuatro
// trimestres de 2025, las une con la población de CONAPO a mitad de 2025 y
// calcula los dólares por habitante. La trampa: Banxico escribe la clave de
// entidad sin el cero a la izquierda ("1", no "01"), así que la unión directa
// con CONAPO no encuentra nada. Dibuja un mapa de las 32 entidades y una
// gráfica de barras ordenada.
//
//	go run ./examples/mapa
//	go run ./examples/mapa -salida /tmp/graficas
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/clean/mx"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

//go:embed data/*.csv
var datos embed.FS

const (
	archivoRemesas   = "data/banxico_remesas_entidad_trimestral.csv"
	archivoPoblacion = "data/conapo_poblacion_estatal_sexo_1950_2070.csv"
	anio             = "2025"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mapa:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("mapa", flag.ContinueOnError)
	salida := flags.String("salida", "salida/", "carpeta donde se guardan las gráficas (PNG y SVG)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	p := func(format string, a ...any) { fmt.Fprintf(stdout, format, a...) }
	entero, undecimal := chart.Format{Decimals: chart.Whole}, chart.Format{Decimals: 1}
	p("¿A qué entidades llegan más remesas por habitante? (%s)\n\n", anio)

	// 1. Leer.
	p("Datos usados:\n")
	var repRemesas fetch.Report
	remesas, err := leer(stdout, archivoRemesas, "Banxico, ingresos por remesas por entidad federativa, trimestral", &repRemesas)
	if err != nil {
		return err
	}
	poblacion, err := leer(stdout, archivoPoblacion, "CONAPO, proyecciones de población 2020-2070, estatal por sexo", nil)
	if err != nil {
		return err
	}
	p("\nCómo se leyó el archivo de Banxico:\n%s", sangria(repRemesas.String()))
	remesas = clean.Names(remesas) // PERIODO → periodo, CVE_ENT → cve_ent, VALOR_USD → valor_usd

	// 2. Los cuatro trimestres del año. Banxico fecha cada trimestre con su
	// primer día: 2025-01-01, 2025-04-01, 2025-07-01 y 2025-10-01.
	delAnio := remesas.Filter(dataframe.F{Colname: "periodo", Comparator: series.CompFunc,
		Comparando: func(e series.Element) bool { return strings.HasPrefix(e.String(), anio+"-") }})
	if delAnio.Err != nil {
		return delAnio.Err
	}
	porEntidad, err := analyze.GroupBy(delAnio, "cve_ent").Agg(analyze.Sum("valor_usd").As("dolares"), analyze.Count().As("trimestres"))
	if err != nil {
		return err
	}
	incompletas := porEntidad.Filter(dataframe.F{Colname: "trimestres", Comparator: series.Neq, Comparando: 4})
	p("\nTrimestres de %s: %d entidades con los 4 trimestres, %d incompletas.\n",
		anio, porEntidad.Nrow()-incompletas.Nrow(), incompletas.Nrow())
	if incompletas.Nrow() > 0 {
		return fmt.Errorf("%s: %d entidades no tienen los 4 trimestres de %s; la suma anual no sería comparable", archivoRemesas, incompletas.Nrow(), anio)
	}

	// 3. La población a mitad de año, sólo las filas Total.
	poblacion = poblacion.
		Filter(dataframe.F{Colname: "n_year", Comparator: series.Eq, Comparando: anio}).
		Filter(dataframe.F{Colname: "genero", Comparator: series.Eq, Comparando: "Total"}).
		Select([]string{"cve_ent", "nombre_estado", "pob_mid_year"}).
		Rename("poblacion", "pob_mid_year")
	if poblacion.Err != nil {
		return poblacion.Err
	}

	// 4. La trampa: Banxico escribe "1", CONAPO "01". Unidas tal cual, no
	// coincide ninguna entidad.
	_, directa, err := clean.Join(porEntidad, poblacion, clean.Left, "cve_ent")
	if err != nil {
		return err
	}
	p("\nUnión directa por cve_ent (Banxico \"1\" contra CONAPO \"01\"): sólo %d de %d entidades coinciden.\n",
		directa.MatchedLeft, directa.LeftRows)
	p("Una unión interna sin reporte borraría sin aviso las demás. El reporte:\n%s", sangria(directa.String()))

	// 5. El arreglo: mx.State reconoce "1" y "01" (y nombres como
	// "Edo. de México"); mx.AddStateCode lo aplica a toda una columna y
	// escribe la clave oficial de dos dígitos.
	uno, _ := mx.State("1")
	ceroUno, _ := mx.State("01")
	p("\nmx.State(\"1\") → %s %s; mx.State(\"01\") → %s %s: la misma entidad.\n", uno.Code, uno.Name, ceroUno.Code, ceroUno.Name)
	porEntidad, codigos, err := mx.AddStateCode(porEntidad, "cve_ent", "clave")
	if err != nil {
		return err
	}
	p("Claves de INEGI de dos dígitos con mx.AddStateCode:\n%s", sangria(codigos.String()))
	unidos, union, err := clean.Config{RightOn: []string{"cve_ent"}}.Join(porEntidad, poblacion, clean.Left, "clave")
	if err != nil {
		return err
	}
	p("\nUnión por la clave de dos dígitos con CONAPO %s (filas Total):\n%s", anio, sangria(union.String()))

	// 6. Dólares por habitante (per = 1), por entidad y nacional.
	tasas, err := analyze.RateOptions{SmallCount: -1}.Rate(unidos, "dolares", "poblacion", 1, "por_habitante")
	if err != nil {
		return err
	}
	tasas = tasas.Arrange(dataframe.RevSort("por_habitante"))
	if tasas.Err != nil {
		return tasas.Err
	}
	nacional, err := analyze.GroupBy(tasas).Agg(analyze.Sum("dolares").As("dolares"), analyze.Sum("poblacion").As("poblacion"))
	if err != nil {
		return err
	}
	if nacional, err = analyze.Rate(nacional, "dolares", "poblacion", 1, "por_habitante"); err != nil {
		return err
	}
	porHabNacional := nacional.Col("por_habitante").Float()[0]

	// 7. Hallazgos.
	p("\nHallazgos (remesas recibidas en %s, dólares por habitante):\n", anio)
	p("  Nacional: %s millones de dólares, %s habitantes, %s dólares por habitante.\n",
		entero.Format(nacional.Col("dolares").Float()[0]/1e6), entero.Format(nacional.Col("poblacion").Float()[0]), undecimal.Format(porHabNacional))
	nombres := tasas.Col("nombre_estado").Records()
	dolares, habitantes, porHab := tasas.Col("dolares").Float(), tasas.Col("poblacion").Float(), tasas.Col("por_habitante").Float()
	linea := func(i int) {
		p("  %2d. %-20s %7s millones de dólares  %11s hab.  %7s dólares por habitante\n", i+1, nombres[i],
			entero.Format(dolares[i]/1e6), entero.Format(habitantes[i]), undecimal.Format(porHab[i]))
	}
	for i := 0; i < 5 && i < len(nombres); i++ {
		linea(i)
	}
	p("  …\n")
	for i := len(nombres) - 3; i < len(nombres); i++ {
		linea(i)
	}
	p("  %s recibe %s veces más por habitante que %s.\n", nombres[0], undecimal.Format(porHab[0]/porHab[len(porHab)-1]), nombres[len(nombres)-1])
	p("  Montos en dólares corrientes; no se convierten a pesos (el FIX incluido en cifra termina en agosto de 2025).\n")

	// 8. Gráficas: el mapa de las 32 entidades y las barras ordenadas.
	fuente := chart.Source("Banxico, ingresos por remesas por entidad federativa; CONAPO, proyecciones de población.")
	mapa, err := chart.Choropleth(tasas, "clave", "por_habitante",
		chart.Title(fmt.Sprintf("%s y %s, las entidades con más remesas por habitante", nombres[0], nombres[1])),
		chart.Subtitle(fmt.Sprintf("Remesas recibidas en %s, dólares por habitante", anio)),
		chart.Decimals(0),
		chart.Note(fmt.Sprintf("Suma de los cuatro trimestres de %s entre la población a mitad de año (CONAPO).", anio)),
		fuente)
	if err != nil {
		return err
	}
	barras, err := chart.Bar(tasas, "nombre_estado", "por_habitante",
		chart.Title(fmt.Sprintf("%s, la entidad con más remesas por habitante", nombres[0])),
		chart.Subtitle(fmt.Sprintf("Remesas recibidas en %s, dólares por habitante", anio)),
		chart.Highlight(nombres[0]),
		chart.RefLine(porHabNacional, "Nacional: "+entero.Format(porHabNacional)),
		chart.Decimals(0),
		fuente)
	if err != nil {
		return err
	}
	p("\nGráficas:\n")
	if err := guardar(stdout, mapa, *salida, "remesas_por_habitante_mapa"); err != nil {
		return err
	}
	return guardar(stdout, barras, *salida, "remesas_por_habitante_barras")
}

// leer lee un CSV incluido en el programa e imprime su procedencia.
func leer(stdout io.Writer, nombre, fuente string, rep *fetch.Report) (dataframe.DataFrame, error) {
	b, err := datos.ReadFile(nombre)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	r := fetch.Describe(nombre, b) // tamaño y huella SHA-256: identifican el archivo exacto
	fmt.Fprintf(stdout, "  %s\n    %s; %s bytes; SHA-256 %s\n", nombre, fuente, chart.Format{}.Format(float64(r.Size)), r.SHA256)
	opts := []fetch.Option{fetch.Source(nombre)}
	if rep != nil {
		opts = append(opts, fetch.WithReport(rep))
	}
	return fetch.ReadCSV(bytes.NewReader(b), opts...)
}

// guardar escribe la gráfica en PNG y SVG dentro de la carpeta de salida.
func guardar(stdout io.Writer, g *chart.Chart, carpeta, nombre string) error {
	rutas, err := g.SaveAll(carpeta, nombre)
	for _, r := range rutas {
		fmt.Fprintf(stdout, "  %s\n", r)
	}
	return err
}

// sangria mete dos espacios al principio de cada línea de un reporte.
func sangria(s string) string {
	s = strings.TrimRight(s, "\n")
	return "  " + strings.ReplaceAll(s, "\n", "\n  ") + "\n"
}
