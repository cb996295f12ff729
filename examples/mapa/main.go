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
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/clean/mx"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/ledger"
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

// fuentes dice, archivo por archivo, lo que el registro de cifras necesita
// saber y el archivo no dice (como lo cuenta data/README.md).
var fuentes = map[string][]ledger.SourceOption{
	archivoRemesas: {
		ledger.SourceURL("https://raw.githubusercontent.com/lapanquecita/remesas/7b108a400d5edc2b2166db8ba6f5f5f552f7feb8/data/remesas_entidad.csv"),
		ledger.Publisher("Banco de México (Banxico), Sistema de Información Económica"),
		ledger.Processed("el autor de lapanquecita/remesas juntó las series de Banxico en una tabla larga con sus propios nombres de columna, fechó cada trimestre con su primer día y escribió la clave de entidad sin cero a la izquierda; las cifras son de Banxico"),
		ledger.CutDate("2026-03"), ledger.Retrieved("2026-11-28"),
		ledger.License("términos de uso de Banco de México (reutilización con atribución)"),
	},
	archivoPoblacion: {
		ledger.SourceURL("https://raw.githubusercontent.com/isaacarroyov/datos_facil_acceso/5f7295ae9f6f5abfb7b12cd10047f5d824bc4fce/GobiernoMexicano/conapo_proyecciones/conapo_pob_ent_gender_1950_2070.csv"),
		ledger.Publisher("Consejo Nacional de Población (CONAPO), proyecciones 2020-2070, edición 2023"),
		ledger.Processed("Isaac Arroyo juntó los archivos 0_Pob_Inicio_1950_2070 y 0_Pob_Mitad_1950_2070 de CONAPO en una tabla larga con sus propios nombres de columna; las cifras son de CONAPO"),
		ledger.Retrieved("2026-11-28"), ledger.License("Términos de Libre Uso MX"),
	},
}

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
	entero := chart.Format{Decimals: chart.Whole}
	titulo := fmt.Sprintf("¿A qué entidades llegan más remesas por habitante? (%s)", anio)
	p("%s\n\n", titulo)
	// El registro de cifras anota archivos, pasos y cada cifra publicada;
	// los hallazgos se escriben desde él.
	l := ledger.New(titulo)

	// 1. Leer.
	p("Datos usados:\n")
	var repRemesas, repPoblacion fetch.Report
	remesas, err := leer(stdout, l, archivoRemesas, "Banxico, ingresos por remesas por entidad federativa, trimestral", &repRemesas)
	if err != nil {
		return err
	}
	poblacion, err := leer(stdout, l, archivoPoblacion, "CONAPO, proyecciones de población 2020-2070, estatal por sexo", &repPoblacion)
	if err != nil {
		return err
	}
	p("\nCómo se leyó el archivo de Banxico:\n%s", sangria(repRemesas.String()))
	l.Step("lectura del archivo de Banxico", repRemesas)
	l.Step("lectura del archivo de CONAPO", repPoblacion)
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
	trimestres := fmt.Sprintf("Trimestres de %s: %d entidades con los 4 trimestres, %d incompletas.\n",
		anio, porEntidad.Nrow()-incompletas.Nrow(), incompletas.Nrow())
	p("\n%s", trimestres)
	l.Step("suma de los trimestres de "+anio+" por entidad", ledger.Text(trimestres))
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
	l.Step("unión directa por cve_ent (descartada)", directa)
	l.Step("claves de entidad de dos dígitos (mx.AddStateCode)", codigos)
	unidos, union, err := clean.Config{RightOn: []string{"cve_ent"}}.Join(porEntidad, poblacion, clean.Left, "clave")
	if err != nil {
		return err
	}
	p("\nUnión por la clave de dos dígitos con CONAPO %s (filas Total):\n%s", anio, sangria(union.String()))
	l.Step("unión con la población de CONAPO "+anio+" (filas Total)", union)

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

	// 7. Hallazgos. Cada número se anota antes en el registro, con su
	// unidad, su periodo y sus salvedades, y las frases se llenan desde él.
	periodo := ledger.Period("enero–diciembre de " + anio)
	corrientes := ledger.Caveat("Dólares corrientes, sin convertir a pesos ni ajustar por inflación.")
	porPersona := ledger.Caveat("Remesas por habitante, no por hogar receptor: la población es la de toda la entidad.")
	anotar := func(id, nombre string, dolares, habitantes, porHab float64) error {
		if err := l.Figure("millones_dolares_"+id, dolares/1e6, ledger.Decimals(0), ledger.Unit("millones de dólares"), periodo, corrientes,
			ledger.Definition("remesas recibidas en "+nombre+", suma de los cuatro trimestres")); err != nil {
			return err
		}
		if err := l.Figure("poblacion_"+id, habitantes, ledger.Unit("habitantes"), ledger.Period(anio),
			ledger.Definition("población a mitad de año de "+nombre+" (CONAPO, fila Total)")); err != nil {
			return err
		}
		return l.Figure("por_habitante_"+id, porHab, ledger.Ratio(dolares, habitantes), ledger.Decimals(1),
			ledger.Unit("dólares por habitante"), periodo, corrientes, porPersona,
			ledger.Definition("remesas de "+nombre+" entre su población a mitad de año"))
	}
	celdas := func(id string) (dol, hab, ph string, err error) {
		f := func(n string) string { return `{{cifra "` + n + "_" + id + `"}}` }
		t, err := l.Render(f("millones_dolares") + "\t" + f("poblacion") + "\t" + f("por_habitante"))
		c := strings.Split(t, "\t")
		if err != nil || len(c) != 3 {
			return "", "", "", err
		}
		return c[0], c[1], c[2], nil
	}
	if err := anotar("nacional", "las 32 entidades", nacional.Col("dolares").Float()[0], nacional.Col("poblacion").Float()[0], porHabNacional); err != nil {
		return err
	}
	dol, hab, ph, err := celdas("nacional")
	if err != nil {
		return err
	}
	p("\nHallazgos (remesas recibidas en %s, dólares por habitante):\n", anio)
	p("  Nacional: %s millones de dólares, %s habitantes, %s dólares por habitante.\n", dol, hab, ph)
	nombres := tasas.Col("nombre_estado").Records()
	dolares, habitantes, porHab := tasas.Col("dolares").Float(), tasas.Col("poblacion").Float(), tasas.Col("por_habitante").Float()
	linea := func(i int) error {
		id := clean.NameString(nombres[i])
		if err := anotar(id, nombres[i], dolares[i], habitantes[i], porHab[i]); err != nil {
			return err
		}
		dol, hab, ph, err := celdas(id)
		if err != nil {
			return err
		}
		p("  %2d. %-20s %7s millones de dólares  %11s hab.  %7s dólares por habitante\n", i+1, nombres[i], dol, hab, ph)
		return nil
	}
	for i := 0; i < 5 && i < len(nombres); i++ {
		if err := linea(i); err != nil {
			return err
		}
	}
	p("  …\n")
	for i := len(nombres) - 3; i < len(nombres); i++ {
		if err := linea(i); err != nil {
			return err
		}
	}
	ultimo := len(porHab) - 1
	if err := l.Figure("veces_primera_ultima", porHab[0]/porHab[ultimo], ledger.Decimals(1), ledger.Unit("veces"), periodo, porPersona,
		ledger.Definition("dólares por habitante de "+nombres[0]+" entre los de "+nombres[ultimo]+", los dos sin redondear")); err != nil {
		return err
	}
	veces, err := l.Render(`  ` + nombres[0] + ` recibe {{cifra "veces_primera_ultima"}} veces más por habitante que ` + nombres[ultimo] + ".\n")
	if err != nil {
		return err
	}
	p("%s", veces)
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
	p("\nGráficas, cifras y nota metodológica:\n")
	if err := guardar(stdout, mapa, *salida, "remesas_por_habitante_mapa"); err != nil {
		return err
	}
	if err := guardar(stdout, barras, *salida, "remesas_por_habitante_barras"); err != nil {
		return err
	}
	return publicar(stdout, l, *salida)
}

// publicar guarda el registro de cifras junto a las gráficas (cifras.json,
// cifras.csv y metodologia.md) e imprime su resumen.
func publicar(stdout io.Writer, l *ledger.Ledger, carpeta string) error {
	if err := l.WriteDir(carpeta); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "  %s\n  %s\n  %s\n\n%s", filepath.Join(carpeta, ledger.JSONFile), filepath.Join(carpeta, ledger.CSVFile),
		filepath.Join(carpeta, ledger.NoteFile), l.Summary())
	return nil
}

// leer lee un CSV incluido en el programa, imprime su procedencia y la
// anota en el registro de cifras.
func leer(stdout io.Writer, l *ledger.Ledger, nombre, fuente string, rep *fetch.Report) (dataframe.DataFrame, error) {
	b, err := datos.ReadFile(nombre)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	r := fetch.Describe(nombre, b) // tamaño y huella SHA-256: identifican el archivo exacto
	fmt.Fprintf(stdout, "  %s\n    %s; %s bytes; SHA-256 %s\n", nombre, fuente, chart.Format{}.Format(float64(r.Size)), r.SHA256)
	if err := l.SourceWith(r, fuente, fuentes[nombre]...); err != nil {
		return dataframe.DataFrame{}, err
	}
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
