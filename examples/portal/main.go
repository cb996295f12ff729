// Historia «Buscar y descargar en un portal de datos abiertos»: los portales
// de datos abiertos (datos.gob.mx, datos.cdmx.gob.mx y muchos más) usan CKAN.
// Aquí buscamos conjuntos de datos por su API, elegimos un archivo CSV,
// lo descargamos con caché y registro de procedencia, y lo "entrevistamos"
// con analyze.Profile antes de creerle.
//
// Para que corra sin red, un portal CKAN local (fetch/fetchtest) contesta con
// respuestas guardadas: las 10 fichas reales de una respuesta del portal del
// Ayuntamiento de Birmingham (Reino Unido) y una ficha que armamos para el
// CSV de población del Censo 2020 del INEGI. Todo pasa de verdad por HTTP:
// el portal local se llama http://portal.example (un nombre reservado que no
// existe en internet, para que nadie lo confunda con una fuente) y el CSV se
// pide a su dirección pública real, que el servidor local contesta.
//
//	go run ./examples/portal
//	go run ./examples/portal -salida /tmp/graficas
package main

import (
	"context"
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/fetch/ckan"
	"github.com/datacon-mx/cifra/fetch/fetchtest"
	"github.com/datacon-mx/cifra/ledger"
)

//go:embed data/*
var datos embed.FS

const (
	// Respuesta real de package_search del portal CKAN de Birmingham.
	respuestaGuardada = "data/ckan_package_search_birmingham_uk.json"
	// CSV real del Censo 2020 (INEGI) que el portal local publica.
	csvCenso = "data/censo2020_poblacion_estatal.csv"

	// El portal local de este ejemplo: no existe en internet.
	sitioPortal = "http://portal.example"
	// Dónde está publicado de verdad el CSV del censo: la copia procesada
	// que guardamos, en su repositorio, en el commit del que la copiamos.
	sitioCSV = "https://raw.githubusercontent.com"
	rutaCSV  = "/isaacarroyov/datos_facil_acceso/5f7295ae9f6f5abfb7b12cd10047f5d824bc4fce/GobiernoMexicano/inegi/CENSO/2020/censo_2020_mexico_estandarizado.csv"
	urlCSV   = sitioCSV + rutaCSV
)

// Lo que se cita de cada archivo: quién lo publica, dónde y cuándo.
var fuentes = map[string]string{
	respuestaGuardada: "respuesta real de https://data.birmingham.gov.uk/api/3/action/package_search " +
		"(Birmingham City Council, CKAN), guardada en 2021: su ficha más reciente es del 24 de mayo de 2021 " +
		"y se subió a hdorado/Purchase-Card-Transactions-in-Birmingham-City-Council el 17 de septiembre de 2021",
	csvCenso: "INEGI, Censo de Población y Vivienda 2020 (resultados publicados el 25 de enero de 2021); " +
		"copia procesada por isaacarroyov/datos_facil_acceso (versión del 20 de mayo de 2024), " + urlCSV,
}

// procedencia es lo que el registro de cifras necesita saber de cada
// archivo y el archivo no dice (como lo cuenta data/README.md).
var procedencia = map[string][]ledger.SourceOption{
	respuestaGuardada: {
		ledger.SourceURL("https://raw.githubusercontent.com/hdorado/Purchase-Card-Transactions-in-Birmingham-City-Council/4010243642238d685c7b8b58fc31e46c8df3137a/package_search.json"),
		ledger.Publisher("Birmingham City Council, portal CKAN data.birmingham.gov.uk (respuesta de package_search)"),
		ledger.Original(), ledger.CutDate("2021-05-24"), ledger.Retrieved("2026-11-28"),
		ledger.License("UK Open Government Licence"),
	},
	csvCenso: {
		ledger.Publisher("Instituto Nacional de Estadística y Geografía (INEGI), Censo de Población y Vivienda 2020"),
		ledger.Processed("Isaac Arroyo (isaacarroyov/datos_facil_acceso, versión del 20 de mayo de 2024) estandarizó la tabla con sus propios nombres de columna, dos columnas de nombre y una fila final Nacional con clave 00; las cifras son del INEGI"),
		ledger.CutDate("2021-01-25"), ledger.Retrieved("2026-11-28"),
		ledger.License("Términos de Libre Uso de la Información del INEGI"),
	},
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("portal", flag.ContinueOnError)
	salida := flags.String("salida", "salida", "carpeta donde se guardan las gráficas")
	if err := flags.Parse(args); err != nil {
		return err
	}
	w := &escritor{w: stdout}
	ctx := context.Background()
	// El registro de cifras anota archivos, pasos y cada cifra publicada;
	// los hallazgos se escriben desde él.
	l := ledger.New("Buscar y descargar en un portal de datos abiertos: la población del Censo 2020")

	// 0. El portal local: fichas de conjuntos de datos y un archivo CSV.
	tmp, err := os.MkdirTemp("", "cifra-portal-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	srv, err := portalLocal(tmp)
	if err != nil {
		return err
	}
	defer srv.Close()

	// El cliente de fetch guarda cada respuesta en una caché (aquí, una
	// carpeta temporal; en tu historia, una carpeta junto a tu código) y
	// anota su procedencia.
	cache := filepath.Join(tmp, "cache")
	// srv.ClientFor: las peticiones al portal y a la dirección pública del
	// CSV las contesta el servidor local.
	cliente := fetch.NewClient(fetch.WithCacheDir(cache), fetch.WithHTTPClient(srv.ClientFor(sitioPortal, sitioCSV)),
		fetch.WithProgress(nil), fetch.WithLog(stdout), fetch.WithRateLimit(0))
	portal := ckan.New(sitioPortal+"/api/3/action", cliente)

	// Lo que viene dentro del programa: la respuesta guardada y el CSV.
	w.titulo("0. Los archivos guardados")
	for _, ruta := range []string{respuestaGuardada, csvCenso} {
		b, err := datos.ReadFile(ruta)
		if err != nil {
			return err
		}
		res := fetch.Describe(ruta, b)
		w.linea("%s: %d bytes, SHA-256 %s", ruta, res.Size, res.SHA256)
		w.linea("  %s", fuentes[ruta])
		if ruta == respuestaGuardada {
			// El CSV se anota más abajo, como lo descarga el cliente.
			if err := l.SourceWith(res, "Respuesta de package_search del portal CKAN de Birmingham", procedencia[ruta]...); err != nil {
				return err
			}
		}
	}
	w.linea("El portal %s es el de este ejemplo, en esta máquina: contesta con la respuesta de Birmingham", sitioPortal)
	w.linea("y con una ficha del censo que armamos nosotros (no es una ficha real de ningún portal).")

	// 1. Buscar. Search pide página tras página hasta juntar las que el
	// portal dice tener (count).
	w.titulo("1. Buscar en el portal")
	compras, err := portal.Search(ctx, "purchase card")
	if err != nil {
		return err
	}
	if err := l.Figure("conjuntos_purchase_card", float64(len(compras)), ledger.Unit("conjuntos de datos"), ledger.Small(false),
		ledger.From(respuestaGuardada), ledger.Definition("fichas que devuelve la búsqueda «purchase card», juntando todas las páginas de package_search"),
		ledger.Caveat("El portal del ejemplo contesta con las 10 fichas guardadas de Birmingham, no con las 38 que su respuesta dice tener.")); err != nil {
		return err
	}
	busqueda, err := l.Render(`Búsqueda "purchase card": {{cifra "conjuntos_purchase_card"}} conjuntos, en `)
	if err != nil {
		return err
	}
	w.linea("%s%d páginas pedidas a package_search.", busqueda, srv.Requests("/api/3/action/package_search"))
	for _, d := range compras[:3] {
		w.linea("  %s (%s): %d archivos, formatos %s", d.Title, d.Organization, len(d.Resources), formatos(d))
	}
	w.linea("  …")
	antes := srv.Requests("/api/3/action/package_search")
	poblacion, err := portal.Search(ctx, "censo 2020")
	if err != nil {
		return err
	}
	w.linea("Búsqueda \"censo 2020\": %d conjunto(s), en %d página(s).", len(poblacion),
		srv.Requests("/api/3/action/package_search")-antes)
	if len(poblacion) == 0 {
		return fmt.Errorf("la búsqueda no encontró el conjunto del censo")
	}

	// 2. La ficha completa del conjunto (package_show) y su archivo CSV.
	w.titulo("2. La ficha del conjunto")
	ficha, err := portal.Dataset(ctx, poblacion[0].Name)
	if err != nil {
		return err
	}
	w.bloque(ficha.String())
	csvs := ficha.ByFormat("csv")
	if len(csvs) == 0 {
		return fmt.Errorf("el conjunto %q no tiene archivos CSV", ficha.Name)
	}
	w.linea("Formato declarado por el portal: %q; normalizado: %q.", csvs[0].RawFormat, csvs[0].Format)

	// 3. Descargar con caché. La segunda vez el servidor contesta 304 (sin
	// cambios) y se usa la copia guardada; sin red (WithOffline) también.
	w.titulo("3. Descargar")
	recurso, err := portal.Download(ctx, csvs[0])
	if err != nil {
		return err
	}
	w.linea("Primera descarga: %d bytes, de la caché: %v", recurso.Size, recurso.FromCache)
	otraVez, err := portal.Download(ctx, csvs[0])
	if err != nil {
		return err
	}
	w.linea("Segunda descarga: de la caché: %v (mismo SHA-256: %v)", otraVez.FromCache, otraVez.SHA256 == recurso.SHA256)
	sinRed := fetch.NewClient(fetch.WithCacheDir(cache), fetch.WithOffline(true), fetch.WithLog(stdout))
	offline, err := sinRed.Get(ctx, csvs[0].URL)
	if err != nil {
		return err
	}
	w.linea("Sin red (WithOffline): de la caché: %v, SHA-256 %s", offline.FromCache, offline.SHA256)

	// La procedencia: lo que la nota metodológica debe citar. El manifiesto
	// del cliente (cliente.WriteManifest) guarda además la hora de cada
	// descarga; aquí no se imprime porque es la hora de esta corrida, no la
	// fecha de la fuente.
	w.titulo("4. Procedencia")
	for _, r := range cliente.Manifest().Resources {
		if r.URL == urlCSV {
			w.linea("%s: %d bytes, SHA-256 %s", r.URL, r.Size, r.SHA256)
			w.linea("  %s", fuentes[csvCenso])
			// La fecha de consulta es la de la copia, no la hora de esta
			// corrida (el portal es local).
			if err := l.SourceWith(r, "INEGI, Censo de Población y Vivienda 2020, población por entidad", procedencia[csvCenso]...); err != nil {
				return err
			}
			continue
		}
		w.linea("%s: %d bytes (respuesta del portal local del ejemplo)", r.URL, r.Size)
	}

	// 5. Leer y entrevistar los datos antes de usarlos.
	w.titulo("5. Perfil de los datos")
	var lectura fetch.Report
	df, err := fetch.ReadCSVFile(recurso.Path, fetch.Source(recurso.URL), fetch.WithReport(&lectura))
	if err != nil {
		return err
	}
	w.bloque(lectura.String())
	l.Step("lectura del CSV del censo", lectura)
	perfil := analyze.Profile(df)
	w.bloque(perfil.String())
	l.Step("perfil de los datos", perfil)

	// El perfil avisa de una fila de totales ("Nacional"): si la sumamos con
	// los estados, contamos dos veces a todo el país.
	estados := df.Filter(dataframe.F{Colname: "cve_geo", Comparator: series.Neq, Comparando: "00"})
	if estados.Err != nil {
		return estados.Err
	}
	suma, err := analyze.GroupBy(estados).Agg(analyze.Sum("pob_total_2020"), analyze.Count())
	if err != nil {
		return err
	}
	total, _ := suma.Col("pob_total_2020_sum").Int()
	nacional := df.Filter(dataframe.F{Colname: "cve_geo", Comparator: series.Eq, Comparando: "00"})
	w.titulo("6. Hallazgos")
	l.Step("fila Nacional (clave 00) fuera de la suma", ledger.Text(fmt.Sprintf("%d filas: %d entidades y %d fila de totales (Nacional, clave 00), que se deja fuera de la suma.",
		df.Nrow(), estados.Nrow(), nacional.Nrow())))
	censo := []ledger.Option{ledger.From(urlCSV), ledger.Period("2020")}
	pobNacional := entero(nacional, "pob_total_2020")
	for _, c := range []struct {
		nombre string
		valor  float64
		o      []ledger.Option
	}{
		{"filas", float64(df.Nrow()), []ledger.Option{ledger.Unit("filas"), ledger.Small(false), ledger.Definition("filas del CSV descargado")}},
		{"entidades", float64(estados.Nrow()), []ledger.Option{ledger.Unit("entidades"), ledger.Small(false), ledger.Definition("filas con clave de entidad distinta de 00")}},
		{"filas_de_totales", float64(nacional.Nrow()), []ledger.Option{ledger.Unit("filas"), ledger.Small(false), ledger.Definition("filas Nacional (clave 00)")}},
		{"poblacion_entidades", float64(total[0]), []ledger.Option{ledger.Unit("habitantes"),
			ledger.Definition("suma de la población total de las 32 entidades, sin la fila Nacional")}},
		{"poblacion_fila_nacional", float64(pobNacional), []ledger.Option{ledger.Unit("habitantes"),
			ledger.Definition("población total de la fila Nacional (clave 00)")}},
		{"suma_con_fila_nacional", float64(total[0] + pobNacional), []ledger.Option{ledger.Unit("habitantes"),
			ledger.Definition("lo que daría sumar la columna entera sin quitar la fila Nacional"),
			ledger.Caveat("Es el error que la historia enseña: cuenta dos veces a todo el país; no se publica como dato.")}},
	} {
		if err := l.Figure(c.nombre, c.valor, append(c.o, censo...)...); err != nil {
			return err
		}
	}
	if err := w.render(l, `Filas: {{cifra "filas"}} ({{cifra "entidades"}} entidades y {{cifra "filas_de_totales"}} fila de totales).`); err != nil {
		return err
	}
	if err := w.render(l, `Población de las {{cifra "entidades"}} entidades sumadas: {{cifra "poblacion_entidades"}}; la fila Nacional dice {{cifra "poblacion_fila_nacional"}}.`); err != nil {
		return err
	}
	if err := w.render(l, `Sumar la columna entera sin quitar la fila Nacional daría {{cifra "suma_con_fila_nacional"}}: el doble.`); err != nil {
		return err
	}

	// 7. Una gráfica pequeña: las entidades más pobladas.
	w.titulo("7. Gráfica")
	if err := graficar(w, estados, *salida); err != nil {
		return err
	}
	if err := l.WriteDir(*salida); err != nil {
		return err
	}
	for _, f := range []string{ledger.JSONFile, ledger.CSVFile, ledger.NoteFile} {
		w.linea("Registro de cifras guardado: %s", filepath.Join(*salida, f))
	}
	w.titulo("8. Registro de cifras")
	w.bloque(l.Summary())
	return nil
}

// portalLocal arranca el servidor CKAN local: las fichas reales de
// Birmingham, más la ficha del CSV del censo que servimos en rutaCSV.
func portalLocal(tmp string) (*fetchtest.Server, error) {
	respuesta, err := datos.ReadFile(respuestaGuardada)
	if err != nil {
		return nil, err
	}
	guardada := filepath.Join(tmp, "package_search.json")
	if err := os.WriteFile(guardada, respuesta, 0o644); err != nil {
		return nil, err
	}
	fichas, err := fetchtest.PackageSearchResults(guardada)
	if err != nil {
		return nil, err
	}
	censo, err := datos.ReadFile(csvCenso)
	if err != nil {
		return nil, err
	}
	srv := fetchtest.NewServer("")
	srv.Set(rutaCSV, censo)
	ficha, err := json.Marshal(map[string]any{
		"id":    "poblacion-censo-2020",
		"name":  "poblacion-censo-2020",
		"title": "Población por entidad federativa, Censo 2020",
		"notes": "Población total, hombres y mujeres por entidad federativa (INEGI, Censo de Población y Vivienda 2020).",
		"organization": map[string]any{
			"name": "inegi", "title": "Instituto Nacional de Estadística y Geografía (INEGI)"},
		"license_title":     "Términos de Libre Uso de la Información del INEGI",
		"metadata_modified": "2021-01-25T00:00:00",
		"resources": []map[string]any{{
			"id": "poblacion_estatal", "name": "Población estatal 2020 ",
			"format": " csv", "url": urlCSV}},
	})
	if err != nil {
		srv.Close()
		return nil, err
	}
	// Un portal real da hasta 1000 fichas por página; éste da 4, para que
	// se vea cómo el cliente pide las páginas que faltan.
	srv.ServeCKAN(&fetchtest.CKAN{Datasets: append(fichas, ficha), MaxRows: 4})
	return srv, nil
}

func graficar(w *escritor, estados dataframe.DataFrame, salida string) error {
	estados, _, err := clean.Text(estados, "nombre_estado")
	if err != nil {
		return err
	}
	g, err := chart.Bar(estados, "nombre_estado", "pob_total_2020",
		chart.TopN(10), chart.Abbreviate(),
		chart.Title("Estado de México y CDMX, las entidades más pobladas"),
		chart.Subtitle("Población total en 2020, las 10 entidades con más habitantes"),
		chart.Source("INEGI, Censo de Población y Vivienda 2020 (copia procesada por isaacarroyov/datos_facil_acceso)"))
	if err != nil {
		return err
	}
	// PNG para la web y redes; SVG para que la mesa de gráficos la retoque.
	rutas, err := g.SaveAll(salida, "portal")
	if err != nil {
		return err
	}
	for _, ruta := range rutas {
		w.linea("Gráfica guardada: %s", ruta)
	}
	return nil
}

// formatos lista los formatos de los archivos de un conjunto.
func formatos(d ckan.Dataset) string {
	vistos := map[string]int{}
	var orden []string
	for _, r := range d.Resources {
		f := r.Format
		if f == "" {
			f = "(sin formato)"
		}
		if vistos[f] == 0 {
			orden = append(orden, f)
		}
		vistos[f]++
	}
	var partes []string
	for _, f := range orden {
		partes = append(partes, fmt.Sprintf("%s ×%d", f, vistos[f]))
	}
	return strings.Join(partes, ", ")
}

func entero(df dataframe.DataFrame, col string) int {
	v, err := df.Col(col).Int()
	if err != nil || len(v) == 0 {
		return 0
	}
	return v[0]
}

// miles escribe un entero con comas de miles: 126014024 → "126,014,024".
func miles(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escritor imprime títulos, líneas y bloques de reporte.
type escritor struct{ w io.Writer }

func (e *escritor) titulo(s string) { fmt.Fprintf(e.w, "\n== %s\n", s) }
func (e *escritor) linea(f string, a ...any) {
	fmt.Fprintf(e.w, f+"\n", a...)
}
func (e *escritor) bloque(s string) {
	fmt.Fprintln(e.w, strings.TrimRight(s, "\n"))
}

// render imprime una frase cuyos números salen del registro de cifras.
func (e *escritor) render(l *ledger.Ledger, frase string) error {
	t, err := l.Render(frase)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.w, t)
	return nil
}
