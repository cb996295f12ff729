// Historia «¿Quién compra sin licitar?»: qué parte de los contratos y del
// dinero de cada dependencia se entregó por adjudicación directa, en dos
// muestras de los datos abiertos de Compranet (2010–2012 y 2014).
//
// Ejecución, desde la raíz del repositorio o desde esta carpeta:
//
//	go run ./examples/adjudicaciones
//	go run ./examples/adjudicaciones -salida /tmp/graficas
//
// Los datos van dentro del programa (go:embed): no necesita red.
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/ledger"
)

//go:embed data/*.csv
var datos embed.FS

// Las dos muestras de Compranet y el periodo que cubre cada una.
var archivos = []struct{ ruta, periodo, url string }{
	{"data/compranet_contratos_2010_2012_muestra.csv", "2010-2012",
		"https://raw.githubusercontent.com/procurement-analytics/compranet-data/9d97e6275cf2a3add32c44e33222e40ff8721fff/data/sample/sample_Contratos2010_2012_150514080257.csv"},
	{"data/compranet_contratos_2014_muestra.csv", "2014",
		"https://raw.githubusercontent.com/procurement-analytics/compranet-data/9d97e6275cf2a3add32c44e33222e40ff8721fff/data/sample/sample_Contratos2014_150514075704.csv"},
}

// procedencia es lo que el registro de cifras necesita saber de las dos
// muestras y los archivos no dicen (como lo cuenta data/README.md).
var procedencia = []ledger.SourceOption{
	ledger.Publisher("Secretaría de Hacienda y Crédito Público (SHCP) y Secretaría de la Función Pública (SFP), Compranet, datos abiertos «Contratos»"),
	ledger.Processed("muestra de 399 filas del archivo oficial (que tiene cientos de miles), escrita como CSV UTF-8 con las 39 columnas de Compranet por procurement-analytics/compranet-data; el repositorio no dice cómo eligió las filas"),
	ledger.CutDate("2015-05-14"), ledger.Retrieved("2026-11-28"), ledger.License("Términos de Libre Uso MX"),
}

// Las columnas que la historia usa. Se leen las 39 completas para poder
// reconocer filas repetidas exactas (iguales en todas las columnas) y
// después se eligen éstas.
var columnas = []string{"SIGLAS", "DEPENDENCIA", "TIPO_PROCEDIMIENTO",
	"FECHA_INICIO", "IMPORTE_CONTRATO", "MONEDA"}

// proveedorVacio es lo que Compranet escribe cuando el contrato no dice a
// quién se le dio: no es un proveedor.
const proveedorVacio = "---"

// Las tres familias de procedimiento de la Ley de Adquisiciones.
const (
	adjudicacion = "Adjudicación directa"
	invitacion   = "Invitación a 3 personas"
	licitacion   = "Licitación pública"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "adjudicaciones:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("adjudicaciones", flag.ContinueOnError)
	salida := flags.String("salida", "salida", "carpeta donde se guardan las gráficas")
	if err := flags.Parse(args); err != nil {
		return err
	}
	w := &escritor{w: stdout}
	// El registro de cifras anota archivos, pasos y cada cifra publicada;
	// los hallazgos se escriben desde él.
	l := ledger.New("¿Quién compra sin licitar? Adjudicación directa en dos muestras de Compranet")

	// 1. Leer las dos muestras y apilarlas en una sola tabla, con una columna
	// "periodo" que dice de qué archivo viene cada fila.
	w.titulo("1. Los datos")
	var partes []dataframe.DataFrame
	var periodos []string
	repetidas, sinProveedor := 0, 0 // filas quitadas
	for _, a := range archivos {
		b, err := datos.ReadFile(a.ruta)
		if err != nil {
			return err
		}
		res := fetch.Describe(a.ruta, b)
		w.linea("%s (Compranet, SHCP/SFP; muestra de 399 contratos %s)", a.ruta, a.periodo)
		w.linea("  %d bytes, SHA-256 %s", res.Size, res.SHA256)
		if err := l.SourceWith(res, "Compranet, contratos "+a.periodo+" (muestra de 399 filas)", append(procedencia, ledger.SourceURL(a.url))...); err != nil {
			return err
		}
		var lectura fetch.Report
		df, err := fetch.ReadCSV(bytes.NewReader(b), fetch.Source(a.ruta), fetch.WithReport(&lectura))
		if err != nil {
			return err
		}
		w.bloque(lectura.String())
		l.Step("lectura de la muestra "+a.periodo, lectura)
		var rep, sin int
		if df, rep, sin, err = depurar(w, l, df, a.ruta, a.periodo); err != nil {
			return err
		}
		repetidas += rep
		sinProveedor += sin
		if df = df.Select(columnas); df.Err != nil {
			return df.Err
		}
		partes = append(partes, df)
		periodos = append(periodos, a.periodo)
	}
	df, union, err := clean.BindLabeled("periodo", periodos, partes...)
	if err != nil {
		return err
	}
	w.bloque(union.String())
	l.Step("las dos muestras apiladas", union)
	w.linea("Tabla unida: %d contratos (sin repetidos ni proveedor %q). Es una MUESTRA de Compranet, no el total de las compras.",
		df.Nrow(), proveedorVacio)

	// 2. Tipos de procedimiento: Compranet escribe la misma cosa de varias
	// maneras ("Adjudicación Directa Federal", "ADJUDICACION DIRECTA"…).
	// Clasificamos cada variante por su forma plegada (sin acentos ni
	// mayúsculas) y dejamos que clean.Recode la aplique y cuente.
	w.titulo("2. Tipos de procedimiento normalizados")
	df, _, err = clean.Text(df, "TIPO_PROCEDIMIENTO")
	if err != nil {
		return err
	}
	valores, err := clean.ColumnValues(df, "TIPO_PROCEDIMIENTO")
	if err != nil {
		return err
	}
	mapa := map[string]string{}
	for _, v := range valores {
		if familia := familiaDe(v); familia != "" && familia != v {
			mapa[v] = familia
		}
	}
	df, recodificacion, err := clean.Recode(df, "TIPO_PROCEDIMIENTO", mapa)
	if err != nil {
		return err
	}
	w.bloque(recodificacion.String())
	l.Step("tipos de procedimiento en tres familias", recodificacion)
	otros := 0
	for _, v := range valores {
		if v != "" && familiaDe(v) == "" {
			otros++
		}
	}
	sinTipo := contar(valores, "")
	w.linea("Contratos sin tipo de procedimiento: %d; con un tipo fuera de las tres familias: %d.", sinTipo, otros)

	// 3. Importes: en pesos. Los contratos en dólares se convierten con el
	// tipo de cambio FIX del Banco de México cuando hay cotización para su
	// fecha; si no la hay, quedan fuera de las sumas de dinero (y lo decimos).
	w.titulo("3. Importes")
	df, numeros, err := clean.Numbers(df, "IMPORTE_CONTRATO")
	if err != nil {
		return err
	}
	w.bloque(numeros.String())
	l.Step("importes como números", numeros)
	df, fechas, err := clean.Dates(df, "FECHA_INICIO")
	if err != nil {
		return err
	}
	w.bloque(fechas.String())
	l.Step("fechas de inicio", fechas)
	fix := analyze.FIX()
	monedas := analyze.Currencies{Home: "MXN", Rates: map[string]analyze.ExchangeRates{"USD": fix}}
	df, conversion, err := monedas.ConvertMixed(df, "IMPORTE_CONTRATO", "MONEDA", "FECHA_INICIO", "importe_mxn")
	if err != nil {
		return err
	}
	w.linea("Dólares a pesos con %s (%s):", fix.Name, fix.Source)
	w.bloque(conversion.String())
	l.Step("dólares a pesos con el FIX", conversion)
	convertidos := 0
	for _, r := range conversion.Converted {
		convertidos += r.Converted
	}
	w.linea("Contratos en pesos: %d; en otras monedas: %d (convertidos a pesos: %d).",
		conversion.Kept, conversion.Rows-conversion.Kept, convertidos)
	w.linea("Fuera de las sumas de importe: %d contratos (sin moneda, sin tipo de cambio para su fecha o sin importe).",
		conversion.Missing())

	// 4. Por dependencia y tipo: contratos e importe, y su parte del total de
	// la dependencia (analyze.Share dentro de cada SIGLAS).
	w.titulo("4. Hallazgos")
	porTipo, err := analyze.GroupBy(df, "SIGLAS", "TIPO_PROCEDIMIENTO").Sorted().
		Agg(analyze.Count().As("contratos"), analyze.Sum("importe_mxn").As("importe"))
	if err != nil {
		return err
	}
	if porTipo, err = analyze.Share(porTipo, "contratos", "pct_contratos", "SIGLAS"); err != nil {
		return err
	}
	if porTipo, err = analyze.Share(porTipo, "importe", "pct_importe", "SIGLAS"); err != nil {
		return err
	}
	total, err := analyze.GroupBy(df, "SIGLAS").
		Agg(analyze.Count().As("contratos"), analyze.Sum("importe_mxn").As("importe"))
	if err != nil {
		return err
	}
	quitadas := fmt.Sprintf("Sin %d filas repetidas exactas ni %d contratos sin proveedor («%s»).", repetidas, sinProveedor, proveedorVacio)
	excluidas := fmt.Sprintf("Se excluyeron %d filas repetidas exactas (contarían doble) y %d contratos sin proveedor («%s»).",
		repetidas, sinProveedor, proveedorVacio)
	mayor, err := hallazgos(w, l, total, porTipo, excluidas, conversion.Missing())
	if err != nil {
		return err
	}

	// 5. La gráfica: barras al 100% con la composición del importe de los
	// compradores más grandes. El título sale de las cifras: la dependencia
	// que entregó por adjudicación directa la mayor parte de su importe.
	w.titulo("5. Gráfica")
	titulo, err := l.Render("En la muestra, la " + mayor.siglas + ` entregó por adjudicación directa el {{cifra "pct_importe_ad_` +
		clean.NameString(mayor.siglas) + `"}} del importe de sus contratos`)
	if err != nil {
		return err
	}
	w.linea("Título: %s", titulo)
	if err := graficar(w, porTipo, titulo, quitadas, *salida); err != nil {
		return err
	}
	if err := l.WriteDir(*salida); err != nil {
		return err
	}
	for _, f := range []string{ledger.JSONFile, ledger.CSVFile, ledger.NoteFile} {
		w.linea("Registro de cifras guardado: %s", filepath.Join(*salida, f))
	}
	w.titulo("6. Registro de cifras")
	w.bloque(l.Summary())
	return nil
}

// fila son las cifras de una dependencia.
type fila struct {
	siglas             string
	contratos, ad      int
	importe, importeAD float64
}

// depurar quita de una muestra las filas repetidas exactas (las 39
// columnas iguales: el mismo contrato copiado dos veces, que contaría doble)
// y los contratos sin proveedor ("---"), y dice cuáles quitó.
func depurar(w *escritor, l *ledger.Ledger, df dataframe.DataFrame, ruta, periodo string) (out dataframe.DataFrame, repetidas, sinProveedor int, err error) {
	dup, err := clean.Duplicates(df)
	if err != nil {
		return df, 0, 0, err
	}
	if dup.Nrow() > 0 {
		codigos := dup.Col("CODIGO_CONTRATO").Records()
		importes := dup.Col("IMPORTE_CONTRATO").Float()
		veces, _ := dup.Col("dupe_count").Int()
		w.linea("Filas repetidas exactas en %s (iguales en las %d columnas; cuentan doble si no se quitan):", ruta, df.Ncol())
		for i := 0; i < len(codigos); i += veces[i] {
			w.linea("  contrato %s, importe %s %s: %d filas idénticas", codigos[i], pesos.Format(importes[i]), "pesos", veces[i])
		}
	}
	df, rep, err := clean.Dedupe(df)
	if err != nil {
		return df, 0, 0, err
	}
	w.bloque(sangrar(rep.String()))
	l.Step("filas repetidas exactas quitadas, "+periodo, rep)
	repetidas = len(rep.RemovedRows)
	vacios := df.Filter(dataframe.F{Colname: "PROVEEDOR_CONTRATISTA", Comparator: series.Eq, Comparando: proveedorVacio})
	if vacios.Err != nil {
		return df, 0, 0, vacios.Err
	}
	if n := vacios.Nrow(); n > 0 {
		codigos := vacios.Col("CODIGO_CONTRATO").Records()
		importes := vacios.Col("IMPORTE_CONTRATO").Float()
		monedas := vacios.Col("MONEDA").Records()
		tipos := vacios.Col("TIPO_PROCEDIMIENTO").Records()
		nota := fmt.Sprintf("Contratos con proveedor %q (no dicen a quién se le dio) en %s: %d; quedan fuera:\n", proveedorVacio, ruta, n)
		for i := range codigos {
			nota += fmt.Sprintf("  contrato %s, importe %s %s, %s\n", codigos[i], pesos.Format(importes[i]), monedas[i], tipos[i])
		}
		w.bloque(nota)
		l.Step("contratos sin proveedor quitados, "+periodo, ledger.Text(nota))
		df = df.Filter(dataframe.F{Colname: "PROVEEDOR_CONTRATISTA", Comparator: series.Neq, Comparando: proveedorVacio})
		if df.Err != nil {
			return df, 0, 0, df.Err
		}
		sinProveedor = n
	}
	return df, repetidas, sinProveedor, nil
}

// pesos escribe importes con separador de miles y dos decimales.
var pesos = chart.Format{Decimals: 2}

// sangrar mete dos espacios al principio de cada línea de un reporte.
func sangrar(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}

// familiaDe devuelve la familia de un tipo de procedimiento escrito de
// cualquier manera, o "" si no es ninguna de las tres.
func familiaDe(tipo string) string {
	k := clean.FoldString(tipo)
	switch {
	case strings.Contains(k, "adjudicacion"):
		return adjudicacion
	case strings.Contains(k, "invitacion"):
		return invitacion
	case strings.Contains(k, "licitacion"):
		return licitacion
	}
	return ""
}

// hallazgos anota en el registro y luego imprime, por dependencia (de mayor
// a menor importe), cuántos contratos y qué parte del dinero fue por
// adjudicación directa, y devuelve la dependencia con la mayor parte de su
// importe por adjudicación directa.
func hallazgos(w *escritor, l *ledger.Ledger, total, porTipo dataframe.DataFrame, excluidas string, sinImporte int) (fila, error) {
	filas := map[string]*fila{}
	var orden []*fila
	siglas := total.Col("SIGLAS").Records()
	contratos, _ := total.Col("contratos").Int()
	importe := total.Col("importe").Float()
	for i, s := range siglas {
		f := &fila{siglas: s, contratos: contratos[i], importe: importe[i]}
		filas[s] = f
		orden = append(orden, f)
	}
	ts := porTipo.Col("TIPO_PROCEDIMIENTO").Records()
	ss := porTipo.Col("SIGLAS").Records()
	cs, _ := porTipo.Col("contratos").Int()
	is := porTipo.Col("importe").Float()
	for i := range ts {
		if ts[i] == adjudicacion {
			filas[ss[i]].ad += cs[i]
			if !math.IsNaN(is[i]) {
				filas[ss[i]].importeAD += is[i]
			}
		}
	}
	sort.SliceStable(orden, func(i, j int) bool { return orden[i].importe > orden[j].importe })

	// Lo que acompaña a toda cifra de esta historia.
	comun := []ledger.Option{ledger.Period("muestras de 2010–2012 y de 2014"),
		ledger.Caveat("Muestras de 399 contratos por archivo, elegidas por un tercero sin decir cómo: sirven para el método, no para afirmar cuánto compra cada dependencia."),
		ledger.Caveat(excluidas)}
	dinero := ledger.Caveat(fmt.Sprintf("Pesos corrientes; los contratos en dólares se convierten con el FIX de su fecha y %d sin moneda, tipo de cambio o importe quedan fuera de las sumas.", sinImporte))
	anotar := func(id, quien string, f fila) error {
		for _, c := range []struct {
			nombre string
			valor  float64
			o      []ledger.Option
		}{
			{"contratos_" + id, float64(f.contratos), []ledger.Option{ledger.Unit("contratos"),
				ledger.Definition("contratos de " + quien + " en las muestras")}},
			{"pct_contratos_ad_" + id, pct(f.ad, f.contratos), []ledger.Option{ledger.Unit("%"), ledger.Decimals(1),
				ledger.Ratio(float64(f.ad), float64(f.contratos)), ledger.N(float64(f.contratos)),
				ledger.Definition("contratos por adjudicación directa entre todos los contratos de " + quien)}},
			{"millones_" + id, f.importe / 1e6, []ledger.Option{ledger.Unit("millones de pesos"), ledger.Decimals(1), dinero,
				ledger.Definition("importe de los contratos de " + quien)}},
			{"pct_importe_ad_" + id, 100 * f.importeAD / f.importe, []ledger.Option{ledger.Unit("%"), ledger.Decimals(1),
				ledger.Ratio(f.importeAD, f.importe), ledger.N(float64(f.contratos)), dinero,
				ledger.Definition("importe de los contratos por adjudicación directa entre el importe de todos los contratos de " + quien)}},
		} {
			if err := l.Figure(c.nombre, c.valor, append(c.o, comun...)...); err != nil {
				return err
			}
		}
		return nil
	}
	var todos fila
	for _, f := range orden {
		todos.contratos += f.contratos
		todos.ad += f.ad
		todos.importe += f.importe
		todos.importeAD += f.importeAD
		id := clean.NameString(f.siglas)
		if err := anotar(id, f.siglas, *f); err != nil {
			return fila{}, err
		}
		c := func(n string) string { return `{{cifra "` + n + "_" + id + `"}}` }
		t, err := l.Render(c("contratos") + "\t" + c("pct_contratos_ad") + "\t" + c("millones") + "\t" + c("pct_importe_ad"))
		if err != nil {
			return fila{}, err
		}
		v := strings.Split(t, "\t")
		w.linea("%-20s %3s contratos, %6s por adjudicación directa; %s millones de pesos, %6s del importe por adjudicación directa",
			f.siglas, v[0], v[1], v[2], v[3])
	}
	if err := anotar("total", "las siete dependencias", todos); err != nil {
		return fila{}, err
	}
	if err := l.Figure("contratos_ad_total", float64(todos.ad), append([]ledger.Option{ledger.Unit("contratos"),
		ledger.Definition("contratos por adjudicación directa de las siete dependencias")}, comun...)...); err != nil {
		return fila{}, err
	}
	if err := l.Figure("millones_ad_total", todos.importeAD/1e6, append([]ledger.Option{ledger.Unit("millones de pesos"),
		ledger.Decimals(1), dinero, ledger.Definition("importe de los contratos por adjudicación directa de las siete dependencias")}, comun...)...); err != nil {
		return fila{}, err
	}
	if err := w.render(l, `TOTAL: {{cifra "contratos_total"}} contratos, {{cifra "contratos_ad_total"}} ({{cifra "pct_contratos_ad_total"}}) por adjudicación directa; `+
		`{{cifra "millones_total"}} millones de pesos, de los cuales {{cifra "millones_ad_total"}} millones de pesos ({{cifra "pct_importe_ad_total"}}) por adjudicación directa.`); err != nil {
		return fila{}, err
	}
	w.linea("Ojo: son muestras de 399 contratos por archivo; sirven para aprender el método, no para afirmar cuánto compra cada dependencia.")
	mayor := orden[0]
	for _, f := range orden {
		if f.importe > 0 && f.importeAD/f.importe > mayor.importeAD/mayor.importe {
			mayor = f
		}
	}
	return *mayor, nil
}

// graficar dibuja la composición del importe de cada dependencia por tipo de
// procedimiento, al 100%, y la guarda en PNG y SVG.
func graficar(w *escritor, porTipo dataframe.DataFrame, titulo, quitadas, salida string) error {
	// Las filas sin tipo de procedimiento (dato faltante) no tienen etiqueta
	// para la gráfica: se quedan fuera y la nota lo dice.
	conTipo := porTipo.Filter(dataframe.F{Colname: "TIPO_PROCEDIMIENTO", Comparator: series.CompFunc,
		Comparando: func(e series.Element) bool { return !e.IsNA() }})
	if conTipo.Err != nil {
		return conTipo.Err
	}
	g, err := chart.StackedBar(conTipo, "SIGLAS", "TIPO_PROCEDIMIENTO", "importe",
		chart.Stacked100(),
		chart.Title(titulo),
		chart.Subtitle("Parte del importe de los contratos de cada dependencia, por tipo de procedimiento (%)"),
		chart.Note("Muestras de 399 contratos de 2010–2012 y de 399 de 2014; no es el total de las compras."),
		chart.Note(quitadas+" Contratos en dólares sin tipo de cambio FIX para su fecha, fuera."),
		chart.Source("Compranet (SHCP/SFP), datos abiertos de contratos, descarga del 14 de mayo de 2015"))
	if err != nil {
		return err
	}
	// PNG para la web y redes; SVG para que la mesa de gráficos la retoque.
	rutas, err := g.SaveAll(salida, "adjudicaciones")
	if err != nil {
		return err
	}
	for _, ruta := range rutas {
		w.linea("Gráfica guardada: %s", ruta)
	}
	return nil
}

func contar(valores []string, v string) int {
	n := 0
	for _, x := range valores {
		if x == v {
			n++
		}
	}
	return n
}

func pct(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return 100 * float64(a) / float64(b)
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
