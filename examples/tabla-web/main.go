// Tabla web: datos que sólo están en una página.
//
// El IMPLAN de Torreón publicaba sus indicadores de seguridad como tablas
// HTML, sin archivo descargable. Este programa sirve en la propia máquina
// (con fetchtest) las dos páginas guardadas, las descarga por HTTP con el
// cliente de cifra (caché y registro de procedencia), lee sus tablas con
// fetch.HTMLTables, limpia números y fechas, y grafica la serie mensual de
// delitos en Torreón y la tasa de homicidios de los cuatro municipios de La
// Laguna.
//
//	go run ./examples/tabla-web
//	go run ./examples/tabla-web -salida /tmp/graficas
package main

import (
	"context"
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
	"github.com/datacon-mx/cifra/fetch/fetchtest"
	"github.com/datacon-mx/cifra/ledger"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

//go:embed data/*.html
var paginas embed.FS

// Las páginas guardadas y la ruta que tenían en el sitio del IMPLAN
// (trcimplan.gob.mx/smi/...).
var rutas = map[string]string{
	"/indicadores-torreon/seguridad-delitos.html": "data/implan_torreon_smi_delitos_torreon_2014.html",
	"/matrices/categoria-delincuencia.html":       "data/implan_torreon_smi_matriz_delincuencia.html",
}

// sitio es la dirección pública de las páginas (la que cada una declara en
// su og:url). El programa pide esas direcciones; el servidor local las
// contesta con las copias guardadas para correr sin red, y es un detalle:
// no es la fuente y no se cita.
const sitio = "http://trcimplan.github.io"

// versionDe es la fecha de la versión guardada de cada página: el corte del
// 22 de enero de 2015 del repositorio TRCIMPLAN/SMIv1, de donde salen las
// copias, que es la última versión de las dos páginas en ese repositorio.
var versionDe = map[string]string{
	sitio + paginaSerie:  "22 de enero de 2015",
	sitio + paginaMatriz: "22 de enero de 2015",
}

// origenCopias dice de dónde salen las copias guardadas.
const origenCopias = "copias byte por byte del repositorio TRCIMPLAN/SMIv1, commit b16c84a3 («Corte al 22/ene 14:00», 2015-01-22)"

// procedencia es lo que el registro de cifras necesita saber de las dos
// páginas y la descarga no dice (como lo cuenta data/README.md): la
// versión guardada es la del corte del 22 de enero de 2015, tomada el
// 28 de noviembre de 2026, y es el HTML original del publicador.
var procedencia = []ledger.SourceOption{
	ledger.Original(), ledger.CutDate("2015-01-22"), ledger.Retrieved("2026-11-28"),
	ledger.Publisher("Instituto Municipal de Planeación y Competitividad de Torreón (IMPLAN Torreón), Sistema Metropolitano de Indicadores, con cifras del SESNSP y de INEGI"),
	ledger.License("términos de uso del sitio del IMPLAN (trcimplan.gob.mx/terminos)"),
}

const (
	paginaSerie  = "/indicadores-torreon/seguridad-delitos.html"
	paginaMatriz = "/matrices/categoria-delincuencia.html"
	indicador    = "Tasa de Homicidios"
)

// Los cuatro municipios de la zona metropolitana de La Laguna, en el orden
// de las columnas de la matriz; "La Laguna" es el total de la zona.
var municipios = []string{"Torreón", "Gómez Palacio", "Lerdo", "Matamoros"}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tabla-web:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("tabla-web", flag.ContinueOnError)
	salida := flags.String("salida", "salida/", "carpeta donde se guardan las gráficas (PNG y SVG)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	p := func(format string, a ...any) { fmt.Fprintf(stdout, format, a...) }
	entero := chart.Format{Decimals: chart.Whole}
	ctx := context.Background()
	titulo := "Datos que sólo están en una página: seguridad en La Laguna (IMPLAN Torreón)"
	p("%s\n\n", titulo)
	// El registro de cifras anota páginas, pasos y cada cifra publicada;
	// los hallazgos se escriben desde él.
	l := ledger.New(titulo)

	// 1. Un servidor web local con las páginas guardadas, en las rutas que
	// tenían en el sitio: el programa pide las direcciones públicas por HTTP
	// y el servidor local las contesta, así que corre sin red.
	srv := fetchtest.NewServer("")
	defer srv.Close()
	for ruta, archivo := range rutas {
		b, err := paginas.ReadFile(archivo)
		if err != nil {
			return err
		}
		srv.Set(ruta, b)
	}

	// 2. El cliente de cifra descarga a una caché (aquí, temporal) y anota
	// la procedencia de cada archivo: URL, tamaño, SHA-256 y hora.
	cache, err := os.MkdirTemp("", "cifra-tabla-web-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cache)
	cliente := fetch.NewClient(fetch.WithCacheDir(cache), fetch.WithHTTPClient(srv.ClientFor(sitio)),
		fetch.WithProgress(nil), fetch.WithRateLimit(0))
	serie, err := tabla(ctx, cliente, sitio+paginaSerie, "Fecha")
	if err != nil {
		return err
	}
	// En la matriz, la unidad, la fecha y la fuente de cada cifra no están
	// en la tabla sino en el atributo title de cada celda ("Por cada 100
	// mil, 2013-12-31, SNSP"): fetch.CellTitles las lee en columnas
	// "<columna>_title".
	matriz, err := tabla(ctx, cliente, sitio+paginaMatriz, indicador, fetch.CellTitles())
	if err != nil {
		return err
	}
	// La nota metodológica cita la página pública y la fecha de su versión,
	// no el servidor local ni la hora de esta corrida; el tamaño y el
	// SHA-256 del manifiesto del cliente identifican los bytes leídos. (Con
	// el sitio real, cliente.WriteManifest guarda la URL y la hora de
	// descarga como JSON junto a los resultados.)
	p("Procedencia:\n")
	for _, r := range cliente.Manifest().Resources {
		version, ok := versionDe[r.URL]
		if !ok {
			return fmt.Errorf("no se sabe la fecha de %s", r.URL)
		}
		p("  IMPLAN Torreón, %s\n    versión del %s; %s bytes; SHA-256 %s\n", r.URL, version, entero.Format(float64(r.Size)), r.SHA256)
		if err := l.SourceWith(r, "IMPLAN Torreón, página "+r.URL, procedencia...); err != nil {
			return err
		}
	}
	p("  (Leídas de %s y %s, %s; se sirven en esta máquina para correr sin red.)\n", rutas[paginaSerie], rutas[paginaMatriz], origenCopias)
	p("\nTabla de la serie mensual:\n%s", sangria(serie.reporte.String()))
	p("Tabla de la matriz:\n%s", sangria(matriz.reporte.String()))
	l.Step("tabla de la serie mensual", serie.reporte)
	l.Step("tabla de la matriz", matriz.reporte)

	// 3. La serie mensual: fechas "31/01/2014" → "2014-01-31". Los números
	// "1,054" ya llegan como números: el lector quita la coma de miles.
	delitos, repFechas, err := clean.Dates(clean.Names(serie.df), "fecha")
	if err != nil {
		return err
	}
	p("Fechas:\n%s", sangria(repFechas.String()))
	l.Step("fechas de la serie", repFechas)
	delitos = delitos.Select([]string{"fecha", "dato"}).Rename("delitos", "dato").Arrange(dataframe.Sort("fecha"))
	if delitos.Err != nil {
		return delitos.Err
	}
	fechas, cuentas := delitos.Col("fecha").Records(), delitos.Col("delitos").Float()
	suma, maximo, minimo := 0.0, 0, 0
	for i, v := range cuentas {
		suma += v
		if v > cuentas[maximo] {
			maximo = i
		}
		if v < cuentas[minimo] {
			minimo = i
		}
	}

	// 4. La matriz: los valores vienen dentro de enlaces; "1,466.36" y "ND"
	// (no disponible) los resuelve el lector, pero "NO TIENE" no es un
	// número: clean.Numbers lo deja como faltante y lo reporta.
	m := clean.Names(matriz.df)
	nombres := clean.NameStrings(append(append([]string{}, municipios...), "La Laguna"))
	m, repNumeros, err := clean.Numbers(m, nombres...)
	if err != nil {
		return err
	}
	p("Números de la matriz:\n%s", sangria(repNumeros.String()))
	l.Step("números de la matriz", repNumeros)
	tasas := m.Filter(dataframe.F{Colname: "indicador", Comparator: series.Eq, Comparando: indicador})
	if tasas.Err != nil {
		return tasas.Err
	}
	if tasas.Nrow() != 1 {
		return fmt.Errorf("la matriz tiene %d filas %q; se esperaba una", tasas.Nrow(), indicador)
	}
	laguna := tasas.Col(nombres[len(nombres)-1]).Float()[0]
	// El año de la tasa sale del title de la celda de La Laguna.
	anioTasa, err := anioDeTitle(tasas.Col(nombres[len(nombres)-1] + "_title").Records()[0])
	if err != nil {
		return err
	}
	// De ancho a largo: una fila por municipio.
	largo, err := clean.Longer(tasas.Select(nombres[:len(municipios)]), nil, "municipio", "tasa")
	if err != nil {
		return err
	}
	largo, _, err = clean.Recode(largo, "municipio", map[string]string{
		nombres[0]: municipios[0], nombres[1]: municipios[1], nombres[2]: municipios[2], nombres[3]: municipios[3]})
	if err != nil {
		return err
	}
	largo, err = analyze.Rank(largo, "tasa")
	if err != nil {
		return err
	}
	largo = largo.Arrange(dataframe.Sort("tasa_rank"))
	if largo.Err != nil {
		return largo.Err
	}

	// 5. Hallazgos.
	// Cada número se anota antes en el registro, con su unidad, su periodo
	// y sus salvedades, y las frases se llenan desde él.
	republicadas := ledger.Caveat("Cifras del SESNSP republicadas por el IMPLAN; no se compararon con las del SESNSP.")
	for _, c := range []struct {
		nombre string
		valor  float64
		o      []ledger.Option
	}{
		{"delitos_torreon", suma, []ledger.Option{ledger.Unit("delitos del fuero común"), ledger.Period(periodo(fechas)), republicadas,
			ledger.Caveat("Diciembre no estaba publicado: no es el total del año."),
			ledger.Definition("suma de los delitos del fuero común por mes en Torreón, de la serie de la página")}},
		{"meses_publicados", float64(len(fechas)), []ledger.Option{ledger.Unit("meses"), ledger.Small(false), ledger.Period(periodo(fechas)),
			ledger.Definition("meses con dato en la serie de la página")}},
		{"delitos_mes_maximo", cuentas[maximo], []ledger.Option{ledger.Unit("delitos del fuero común"), ledger.Period(mes(fechas[maximo])), republicadas,
			ledger.Definition("delitos del mes con más delitos en Torreón")}},
		{"delitos_mes_minimo", cuentas[minimo], []ledger.Option{ledger.Unit("delitos del fuero común"), ledger.Period(mes(fechas[minimo])), republicadas,
			ledger.Definition("delitos del mes con menos delitos en Torreón")}},
	} {
		if err := l.Figure(c.nombre, c.valor, c.o...); err != nil {
			return err
		}
	}
	hallazgo, err := l.Render("\nHallazgos:\n" +
		"  Delitos del fuero común en Torreón, " + periodo(fechas) + `: {{cifra "delitos_torreon"}} en {{cifra "meses_publicados"}} meses publicados.` + "\n" +
		"  Mes con más delitos: " + mes(fechas[maximo]) + ` ({{cifra "delitos_mes_maximo"}}). Con menos: ` + mes(fechas[minimo]) + ` ({{cifra "delitos_mes_minimo"}}).` + "\n")
	if err != nil {
		return err
	}
	p("%s", hallazgo)
	// Dos páginas del mismo sitio deben coincidir: la fila "Delitos" de la
	// matriz es el último mes de la serie.
	enMatriz := m.Filter(dataframe.F{Colname: "indicador", Comparator: series.Eq, Comparando: "Delitos"})
	if enMatriz.Err == nil && enMatriz.Nrow() == 1 {
		v := enMatriz.Col(nombres[0]).Float()[0]
		veredicto := "coinciden"
		if v != cuentas[len(cuentas)-1] {
			veredicto = "NO coinciden"
		}
		ultimo := ledger.Period(mes(fechas[len(fechas)-1]))
		if err := l.Figure("delitos_matriz", v, ledger.Unit("delitos del fuero común"), ultimo, republicadas,
			ledger.Definition("fila Delitos de la matriz, columna Torreón")); err != nil {
			return err
		}
		if err := l.Figure("delitos_serie_ultimo_mes", cuentas[len(cuentas)-1], ledger.Unit("delitos del fuero común"), ultimo, republicadas,
			ledger.Definition("último mes de la serie mensual de Torreón")); err != nil {
			return err
		}
		t, err := l.Render(`  Comprobación: la matriz da {{cifra "delitos_matriz"}} delitos a Torreón y la serie {{cifra "delitos_serie_ultimo_mes"}} en ` +
			mes(fechas[len(fechas)-1]) + ": " + veredicto + ".\n")
		if err != nil {
			return err
		}
		p("%s", t)
	}
	p("  %s por cada 100 mil habitantes, %s (matriz de la zona metropolitana):\n", indicador, anioTasa)
	mun, tasa := largo.Col("municipio").Records(), largo.Col("tasa").Float()
	deLaMatriz := []ledger.Option{ledger.Decimals(2), ledger.Unit("homicidios por cada 100 mil habitantes"), ledger.Period(anioTasa), republicadas,
		ledger.Caveat("Tasa como la publica la matriz del IMPLAN; su numerador y su denominador no están en la página."),
		ledger.Caveat("La matriz mezcla datos de 2008 a 2014: el año de cada celda está sólo en su atributo title.")}
	anotar := func(nombre, quien string, v float64) (string, error) {
		o := append([]ledger.Option{ledger.Definition(indicador + " de " + quien + " en la matriz de la categoría Delincuencia")}, deLaMatriz...)
		if err := l.Figure(nombre, v, o...); err != nil {
			return "", err
		}
		return l.Render(`{{cifra "` + nombre + `"}}`)
	}
	for i := range mun {
		t, err := anotar("tasa_homicidios_"+clean.NameString(mun[i]), mun[i], tasa[i])
		if err != nil {
			return err
		}
		p("    %d. %-14s %6s\n", i+1, mun[i], t)
	}
	t, err := anotar("tasa_homicidios_la_laguna", "La Laguna (zona metropolitana)", laguna)
	if err != nil {
		return err
	}
	p("    La Laguna (zona metropolitana): %s\n", t)
	p("  Ojo: cada celda de la matriz tiene su propia fecha y fuente, escritas sólo en el\n" +
		"  atributo title del enlace (ver las notas de la tabla): la matriz mezcla datos de 2008 a 2014.\n")

	// 6. Gráficas: la línea mensual y las barras de la tasa de homicidios.
	fuente := chart.Source("IMPLAN Torreón, Sistema Metropolitano de Indicadores, con datos del SESNSP.")
	linea, err := chart.Line(delitos, "fecha", "delitos",
		chart.Title(fmt.Sprintf("Torreón: el pico de delitos fue en %s", mes(fechas[maximo]))),
		chart.Subtitle(fmt.Sprintf("Delitos del fuero común por mes, %s", periodo(fechas))),
		chart.Note("Datos tomados de una tabla HTML; diciembre no estaba publicado."),
		fuente)
	if err != nil {
		return err
	}
	barras, err := chart.Bar(largo, "municipio", "tasa",
		chart.Title(fmt.Sprintf("%s, el municipio de La Laguna con la tasa de homicidios más alta", mun[0])),
		chart.Subtitle("Homicidios por cada 100 mil habitantes, "+anioTasa),
		chart.Highlight(mun[0]),
		chart.RefLine(laguna, "La Laguna: "+chart.Format{Decimals: 1}.Format(laguna)),
		chart.Decimals(1),
		chart.Note("Matriz de indicadores del IMPLAN; el año de la tasa está sólo en el atributo title de cada celda."),
		fuente)
	if err != nil {
		return err
	}
	p("\nGráficas, cifras y nota metodológica:\n")
	if err := guardar(stdout, linea, *salida, "delitos_torreon_mensual"); err != nil {
		return err
	}
	if err := guardar(stdout, barras, *salida, "tasa_homicidios_laguna"); err != nil {
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

// leida es una tabla de una página con el reporte de su lectura.
type leida struct {
	df      dataframe.DataFrame
	reporte fetch.Report
}

// tabla descarga una página con el cliente y lee la tabla que contiene el
// texto dado.
func tabla(ctx context.Context, c *fetch.Client, url, contiene string, opciones ...fetch.Option) (leida, error) {
	r, _, err := c.Open(ctx, url)
	if err != nil {
		return leida{}, err
	}
	defer r.Close()
	opciones = append([]fetch.Option{fetch.Source(url), fetch.TableContaining(contiene)}, opciones...)
	tablas, _, err := fetch.FindHTMLTables(r, opciones...)
	if err != nil {
		return leida{}, err
	}
	if len(tablas) != 1 {
		return leida{}, fmt.Errorf("%s: %d tablas contienen %q; se esperaba una", url, len(tablas), contiene)
	}
	return leida{tablas[0].Frame, tablas[0].Report}, nil
}

// anioDeTitle saca el año de un title como "Por cada 100 mil, 2013-12-31,
// SNSP": unidad, fecha y fuente separadas por comas.
func anioDeTitle(title string) (string, error) {
	for _, parte := range strings.Split(title, ",") {
		parte = strings.TrimSpace(parte)
		if len(parte) == 10 && parte[4] == '-' && parte[7] == '-' {
			return parte[:4], nil
		}
	}
	return "", fmt.Errorf("el title %q no trae una fecha AAAA-MM-DD", title)
}

var nombresMes = []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre"}

// mes escribe "2014-05-31" como "mayo de 2014".
func mes(iso string) string {
	var a, m, d int
	if _, err := fmt.Sscanf(iso, "%d-%d-%d", &a, &m, &d); err != nil || m < 1 || m > 12 {
		return iso
	}
	return fmt.Sprintf("%s de %d", nombresMes[m-1], a)
}

// periodo escribe el primer y el último mes de una serie: "enero–noviembre de 2014".
func periodo(fechas []string) string {
	ini, fin := mes(fechas[0]), mes(fechas[len(fechas)-1])
	if i := strings.Index(ini, " de "); i > 0 && ini[i:] == fin[strings.Index(fin, " de "):] {
		return ini[:i] + "–" + fin
	}
	return ini + "–" + fin
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
