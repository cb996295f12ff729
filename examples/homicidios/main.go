// Homicidios: ¿dónde se abren más carpetas de investigación por homicidio
// doloso por habitante?
//
// Es el inicio rápido de cifra. Lee la incidencia delictiva estatal del
// SESNSP (Windows-1252, una columna por mes), la pasa a formato largo, suma
// los meses publicados, la une con la población de CONAPO a mitad de año y
// calcula la tasa por cada 100 mil habitantes, con aviso de cifras pequeñas.
// Imprime de dónde salieron los datos, qué pasó al leerlos y unirlos, y los
// hallazgos; guarda la gráfica en PNG y SVG.
//
//	go run ./examples/homicidios
//	go run ./examples/homicidios -salida /tmp/graficas
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
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/ledger"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Los datos viajan dentro del programa: corre sin red y desde cualquier
// carpeta.
//
//go:embed data/*.csv
var datos embed.FS

const (
	archivoDelitos   = "data/sesnsp_idefc_estatal_2026.csv"
	archivoPoblacion = "data/conapo_poblacion_estatal_sexo_1950_2070.csv"

	// El subtipo de delito que se cuenta. Para otra historia, cámbielo por
	// otro de la columna "Subtipo de delito" (y ajuste los textos).
	subtipo = "Homicidio doloso"

	titulo = "¿Dónde se abren más carpetas por homicidio doloso por habitante?"
)

// fuentes dice, archivo por archivo, lo que el registro de cifras necesita
// saber y el archivo no dice: de dónde se tomó la copia, quién publica, la
// fecha de corte y si es el original o una copia procesada (como lo cuenta
// data/README.md).
var fuentes = map[string][]ledger.SourceOption{
	archivoDelitos: {
		ledger.SourceURL("https://raw.githubusercontent.com/lapanquecita/incidencia-delictiva/882728669770c9cf674a6cd6ecd06fd47d81e02e/data/estatal_n.csv"),
		ledger.Publisher("Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública (SESNSP)"),
		ledger.Original(), ledger.CutDate("2026-03"), ledger.Retrieved("2026-11-28"),
		ledger.License("Términos de Libre Uso MX"),
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
		fmt.Fprintln(os.Stderr, "homicidios:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("homicidios", flag.ContinueOnError)
	salida := flags.String("salida", "salida/", "carpeta donde se guardan las gráficas (PNG y SVG)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	p := func(format string, a ...any) { fmt.Fprintf(stdout, format, a...) }
	p("%s\n\n", titulo)

	// El registro de cifras (ledger) anota cada archivo con su huella, cada
	// paso con su reporte y cada cifra que se publica con su numerador, su
	// denominador y sus salvedades. Los hallazgos se escriben desde él.
	l := ledger.New(titulo)

	// 1. Leer. fetch detecta solo la codificación (Windows-1252), el
	// separador y el tipo de cada columna; Clave_Ent se queda como texto
	// ("01") y los meses vacíos se vuelven valores faltantes, no ceros.
	p("Datos usados:\n")
	var repDelitos, repPoblacion fetch.Report
	delitos, err := leer(stdout, l, archivoDelitos,
		"SESNSP, incidencia delictiva del fuero común, estatal, 2026 (datos abiertos)", &repDelitos)
	if err != nil {
		return err
	}
	poblacion, err := leer(stdout, l, archivoPoblacion,
		"CONAPO, proyecciones de población 2020-2070, estatal por sexo", &repPoblacion)
	if err != nil {
		return err
	}
	p("\nCómo se leyeron los archivos:\n%s%s\n", sangria(repDelitos.String()), sangria(repPoblacion.String()))
	l.Step("lectura del archivo del SESNSP", repDelitos)
	l.Step("lectura del archivo de CONAPO", repPoblacion)

	// 2. Limpiar los nombres de columna: "Subtipo de delito" → subtipo_de_delito.
	delitos = clean.Names(delitos)

	// 3. Pasar a formato largo: una fila por entidad, delito y mes.
	ids := []string{"ano", "clave_ent", "entidad", "bien_juridico_afectado",
		"tipo_de_delito", "subtipo_de_delito", "modalidad"}
	largo, err := clean.Longer(delitos, ids, "mes", "carpetas")
	if err != nil {
		return err
	}

	// 4. Sólo homicidio doloso (no la tentativa, no el culposo, no el
	// feminicidio, que el SESNSP cuenta aparte).
	homicidios := largo.Filter(dataframe.F{Colname: "subtipo_de_delito",
		Comparator: series.Eq, Comparando: subtipo})
	if homicidios.Err != nil {
		return homicidios.Err
	}
	if homicidios.Nrow() == 0 {
		return fmt.Errorf("no hay filas con subtipo %q en %s", subtipo, archivoDelitos)
	}
	anio := homicidios.Col("ano").Records()[0]

	// 5. ¿Qué meses están publicados? Un mes sin ningún valor todavía no
	// se publica: se salta al sumar, nunca cuenta como cero.
	porMes, err := analyze.GroupBy(homicidios, "mes").Agg(analyze.Sum("carpetas"), analyze.Missing("carpetas"), analyze.Count())
	if err != nil {
		return err
	}
	publicados, pendientes := mesesPublicados(porMes)
	if len(publicados) == 0 {
		return fmt.Errorf("%s no tiene ningún mes con datos", archivoDelitos)
	}
	periodo := publicados[0] + "–" + publicados[len(publicados)-1] + " de " + anio
	if len(publicados) == 1 {
		periodo = publicados[0] + " de " + anio
	}
	meses := fmt.Sprintf("Meses con datos: %s.\n", strings.Join(publicados, ", "))
	if len(pendientes) > 0 {
		meses += fmt.Sprintf("Meses vacíos (aún no publicados; no se cuentan como cero): %s.\n", strings.Join(pendientes, ", "))
	}
	p("%s", meses)
	l.Step("formato largo, subtipo "+subtipo+" y meses publicados", ledger.Text(meses))

	// 6. Sumar por entidad los meses publicados.
	estados, err := analyze.GroupBy(homicidios, "clave_ent").Agg(analyze.Sum("carpetas").As("carpetas"))
	if err != nil {
		return err
	}

	// 7. Población a mitad de año del mismo año, sólo las filas "Total":
	// el archivo también trae Hombres y Mujeres, que duplicarían la suma.
	poblacion = poblacion.
		Filter(dataframe.F{Colname: "n_year", Comparator: series.Eq, Comparando: anio}).
		Filter(dataframe.F{Colname: "genero", Comparator: series.Eq, Comparando: "Total"}).
		Select([]string{"cve_ent", "nombre_estado", "pob_mid_year"}).
		Rename("poblacion", "pob_mid_year")
	if poblacion.Err != nil {
		return poblacion.Err
	}

	// 8. Unir por clave de entidad y decir qué no se unió.
	unidos, union, err := clean.Config{RightOn: []string{"cve_ent"}}.Join(estados, poblacion, clean.Left, "clave_ent")
	if err != nil {
		return err
	}
	p("\nUnión con la población de CONAPO %s (filas Total):\n%s", anio, sangria(union.String()))
	l.Step("unión con la población de CONAPO "+anio+" (filas Total)", union)
	p("  (La clave \"00\" de CONAPO es el total nacional: no es una entidad y no debe unirse.)\n")

	// 9. Tasa por cada 100 mil habitantes; "tasa_small" marca las entidades
	// con menos de 10 carpetas, donde una o dos carpetas mueven mucho la tasa.
	tasas, rep, err := analyze.RateWithReport(unidos, "carpetas", "poblacion", 100_000, "tasa")
	if err != nil {
		return err
	}
	p("\nTasas: %s\n", strings.TrimSpace(rep.String()))
	l.Step("tasa por cada 100 mil habitantes", rep)
	tasas = tasas.Arrange(dataframe.RevSort("tasa"))
	if tasas.Err != nil {
		return tasas.Err
	}

	// 10. La tasa nacional: todas las carpetas entre toda la población (no
	// el promedio de las tasas estatales).
	nacional, err := analyze.GroupBy(tasas).Agg(analyze.Sum("carpetas").As("carpetas"), analyze.Sum("poblacion").As("poblacion"))
	if err != nil {
		return err
	}
	if nacional, err = analyze.Rate(nacional, "carpetas", "poblacion", 100_000, "tasa"); err != nil {
		return err
	}

	// 11. Hallazgos. Cada número que se imprime se anota antes en el
	// registro, con su unidad, su periodo y sus salvedades; las frases se
	// llenan desde el registro ({{cifra "nombre"}}), así que ningún número
	// del texto puede salir de otro lado.
	carpetasNac, pobNac := nacional.Col("carpetas").Float()[0], nacional.Col("poblacion").Float()[0]
	tasaNacional := nacional.Col("tasa").Float()[0]
	noVictimas := ledger.Caveat("Son carpetas de investigación abiertas, no víctimas ni homicidios: una carpeta puede tener varias víctimas.")
	conteo := func(o ...ledger.Option) []ledger.Option {
		return append(o, ledger.Period(periodo), noVictimas,
			ledger.Caveat("Suma de los meses publicados ("+periodo+"), no del año completo."))
	}
	tasaDe := func(o ...ledger.Option) []ledger.Option {
		return append(o, ledger.Period(periodo), noVictimas,
			ledger.Caveat("Tasa de "+periodo+", no anual: no se compara con tasas anuales sin decirlo."),
			ledger.Caveat("Población a mitad de año, total (sin sumar hombres y mujeres)."))
	}
	cifras := []struct {
		nombre string
		valor  float64
		o      []ledger.Option
	}{
		{"carpetas_nacional", carpetasNac, conteo(ledger.Unit("carpetas"),
			ledger.Definition("carpetas de investigación por "+strings.ToLower(subtipo)+" abiertas en las 32 entidades"))},
		{"poblacion_nacional", pobNac, []ledger.Option{ledger.Unit("habitantes"), ledger.Period(anio),
			ledger.Definition("población a mitad de año de las 32 entidades (filas Total de CONAPO)")}},
		{"tasa_nacional", tasaNacional, tasaDe(ledger.Ratio(carpetasNac, pobNac), ledger.Decimals(1),
			ledger.Unit("carpetas por cada 100 mil habitantes"),
			ledger.Definition("todas las carpetas entre toda la población, por 100 mil (no el promedio de las tasas estatales)"))},
	}
	for _, c := range cifras {
		if err := l.Figure(c.nombre, c.valor, c.o...); err != nil {
			return err
		}
	}
	hallazgo, err := l.Render("\nHallazgos (carpetas de investigación por " + strings.ToLower(subtipo) + ", " + periodo + "):\n" +
		`  Nacional: {{cifra "carpetas_nacional"}} carpetas, {{cifra "poblacion_nacional"}} habitantes, {{cifra "tasa_nacional"}} por cada 100 mil.` + "\n")
	if err != nil {
		return err
	}
	p("%s", hallazgo)
	nombres := tasas.Col("nombre_estado").Records()
	carpetas, habitantes, tasa := tasas.Col("carpetas").Float(), tasas.Col("poblacion").Float(), tasas.Col("tasa").Float()
	pequenas := tasas.Col("tasa_small").Records()
	for i := 0; i < len(nombres) && i < 10; i++ {
		id := clean.NameString(nombres[i])
		estado := []struct {
			nombre string
			valor  float64
			o      []ledger.Option
		}{
			{"carpetas_" + id, carpetas[i], conteo(ledger.Unit("carpetas"),
				ledger.Definition("carpetas por "+strings.ToLower(subtipo)+" abiertas en "+nombres[i]))},
			{"poblacion_" + id, habitantes[i], []ledger.Option{ledger.Unit("habitantes"), ledger.Period(anio),
				ledger.Definition("población a mitad de año de " + nombres[i] + " (CONAPO, fila Total)")}},
			{"tasa_" + id, tasa[i], tasaDe(ledger.Ratio(carpetas[i], habitantes[i]), ledger.Decimals(1),
				ledger.Unit("carpetas por cada 100 mil habitantes"), ledger.Small(pequenas[i] == "true"),
				ledger.Definition("carpetas entre la población a mitad de año de "+nombres[i]+", por 100 mil"))},
			{"veces_nacional_" + id, tasa[i] / tasaNacional, tasaDe(ledger.N(carpetas[i]), ledger.Decimals(1),
				ledger.Unit("veces la tasa nacional"),
				ledger.Definition("tasa de "+nombres[i]+" entre la tasa nacional, las dos sin redondear"))},
		}
		for _, c := range estado {
			if err := l.Figure(c.nombre, c.valor, c.o...); err != nil {
				return err
			}
		}
		var celdas [4]string
		for j, c := range estado {
			if celdas[j], err = l.Render(`{{cifra "` + c.nombre + `"}}`); err != nil {
				return err
			}
		}
		p("  %2d. %-20s %6s carpetas  %11s hab.  %5s por 100 mil  (%s veces la nacional)\n", i+1, nombres[i],
			celdas[0], celdas[1], celdas[2], celdas[3])
	}
	var chicas []string
	for i, s := range pequenas {
		if s != "true" {
			continue
		}
		nombre := "carpetas_" + clean.NameString(nombres[i])
		if _, ya := l.Lookup(nombre); !ya {
			if err := l.Figure(nombre, carpetas[i], conteo(ledger.Unit("carpetas"), ledger.Small(true),
				ledger.Definition("carpetas por "+strings.ToLower(subtipo)+" abiertas en "+nombres[i]))...); err != nil {
				return err
			}
		}
		t, err := l.Render(nombres[i] + ` ({{cifra "` + nombre + `"}})`)
		if err != nil {
			return err
		}
		chicas = append(chicas, t)
	}
	nota := "Nota: carpetas de investigación, no víctimas; tasa de " + periodo + ", no anual. Población a mitad de año (total, sin sumar hombres y mujeres)."
	if len(chicas) > 0 {
		p("  Cifras pequeñas (menos de 10 carpetas; la tasa es inestable): %s.\n", strings.Join(chicas, ", "))
		nota += " Menos de 10 carpetas: " + strings.Join(chicas, ", ") + "."
	}
	p("  Ojo: son carpetas de investigación abiertas, no víctimas; una carpeta puede tener varias víctimas.\n")

	// 12. La gráfica: barras ordenadas, la primera entidad resaltada y la
	// tasa nacional como línea de referencia, con su etiqueta tomada del
	// registro.
	textoNacional, err := l.Render(`{{cifra "tasa_nacional"}}`)
	if err != nil {
		return err
	}
	g, err := chart.Bar(tasas, "nombre_estado", "tasa",
		chart.Title(nombres[0]+", la entidad con más carpetas por homicidio doloso por habitante en "+periodo),
		chart.Subtitle("Carpetas por "+strings.ToLower(subtipo)+" por cada 100 mil habitantes, "+periodo),
		chart.Highlight(nombres[0]),
		chart.RefLine(tasaNacional, "Nacional: "+textoNacional),
		chart.Decimals(1),
		chart.Note(nota),
		chart.Source("SESNSP, incidencia delictiva estatal; CONAPO, proyecciones de población."))
	if err != nil {
		return err
	}
	p("\nGráfica, cifras y nota metodológica:\n")
	if err := guardar(stdout, g, *salida, "tasa_homicidio_doloso"); err != nil {
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
	return fetch.ReadCSV(bytes.NewReader(b), fetch.Source(nombre), fetch.WithReport(rep))
}

// mesesPublicados separa los meses con al menos un dato de los vacíos.
func mesesPublicados(porMes dataframe.DataFrame) (publicados, pendientes []string) {
	meses := porMes.Col("mes").Records()
	faltan, filas := porMes.Col("carpetas_missing").Float(), porMes.Col("count").Float()
	for i, m := range meses {
		if faltan[i] < filas[i] {
			publicados = append(publicados, m)
		} else {
			pendientes = append(pendientes, m)
		}
	}
	return publicados, pendientes
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
