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
	"sort"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
)

//go:embed data/*.csv
var datos embed.FS

// Las dos muestras de Compranet y el periodo que cubre cada una.
var archivos = []struct{ ruta, periodo string }{
	{"data/compranet_contratos_2010_2012_muestra.csv", "2010-2012"},
	{"data/compranet_contratos_2014_muestra.csv", "2014"},
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
		var lectura fetch.Report
		df, err := fetch.ReadCSV(bytes.NewReader(b), fetch.Source(a.ruta), fetch.WithReport(&lectura))
		if err != nil {
			return err
		}
		w.bloque(lectura.String())
		var rep, sin int
		if df, rep, sin, err = depurar(w, df, a.ruta); err != nil {
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
	df, fechas, err := clean.Dates(df, "FECHA_INICIO")
	if err != nil {
		return err
	}
	w.bloque(fechas.String())
	fix := analyze.FIX()
	monedas := analyze.Currencies{Home: "MXN", Rates: map[string]analyze.ExchangeRates{"USD": fix}}
	df, conversion, err := monedas.ConvertMixed(df, "IMPORTE_CONTRATO", "MONEDA", "FECHA_INICIO", "importe_mxn")
	if err != nil {
		return err
	}
	w.linea("Dólares a pesos con %s (%s):", fix.Name, fix.Source)
	w.bloque(conversion.String())
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
	mayor := hallazgos(w, total, porTipo)

	// 5. La gráfica: barras al 100% con la composición del importe de los
	// compradores más grandes. El título sale de las cifras: la dependencia
	// que entregó por adjudicación directa la mayor parte de su importe.
	w.titulo("5. Gráfica")
	titulo := fmt.Sprintf("En la muestra, la %s entregó por adjudicación directa el %.1f%% del importe de sus contratos",
		mayor.siglas, 100*mayor.importeAD/mayor.importe)
	w.linea("Título: %s", titulo)
	quitadas := fmt.Sprintf("Sin %d filas repetidas exactas ni %d contratos sin proveedor («%s»).", repetidas, sinProveedor, proveedorVacio)
	return graficar(w, porTipo, titulo, quitadas, *salida)
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
func depurar(w *escritor, df dataframe.DataFrame, ruta string) (out dataframe.DataFrame, repetidas, sinProveedor int, err error) {
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
		w.linea("Contratos con proveedor %q (no dicen a quién se le dio) en %s: %d; quedan fuera:", proveedorVacio, ruta, n)
		for i := range codigos {
			w.linea("  contrato %s, importe %s %s, %s", codigos[i], pesos.Format(importes[i]), monedas[i], tipos[i])
		}
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

// hallazgos imprime, por dependencia (de mayor a menor importe), cuántos
// contratos y qué parte del dinero fue por adjudicación directa, y devuelve
// la dependencia con la mayor parte de su importe por adjudicación directa.
func hallazgos(w *escritor, total, porTipo dataframe.DataFrame) fila {
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
	var todos fila
	for _, f := range orden {
		todos.contratos += f.contratos
		todos.ad += f.ad
		todos.importe += f.importe
		todos.importeAD += f.importeAD
		w.linea("%-20s %3d contratos, %5.1f%% por adjudicación directa; %s, %5.1f%% del importe por adjudicación directa",
			f.siglas, f.contratos, pct(f.ad, f.contratos), millones(f.importe), 100*f.importeAD/f.importe)
	}
	w.linea("TOTAL: %d contratos, %d (%.1f%%) por adjudicación directa; %s, de los cuales %s (%.1f%%) por adjudicación directa.",
		todos.contratos, todos.ad, pct(todos.ad, todos.contratos), millones(todos.importe),
		millones(todos.importeAD), 100*todos.importeAD/todos.importe)
	w.linea("Ojo: son muestras de 399 contratos por archivo; sirven para aprender el método, no para afirmar cuánto compra cada dependencia.")
	mayor := orden[0]
	for _, f := range orden {
		if f.importe > 0 && f.importeAD/f.importe > mayor.importeAD/mayor.importe {
			mayor = f
		}
	}
	return *mayor
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

// millones escribe un importe en millones de pesos con un decimal.
func millones(x float64) string { return fmt.Sprintf("%.1f millones de pesos", x/1e6) }

// escritor imprime títulos, líneas y bloques de reporte.
type escritor struct{ w io.Writer }

func (e *escritor) titulo(s string) { fmt.Fprintf(e.w, "\n== %s\n", s) }
func (e *escritor) linea(f string, a ...any) {
	fmt.Fprintf(e.w, f+"\n", a...)
}
func (e *escritor) bloque(s string) {
	fmt.Fprintln(e.w, strings.TrimRight(s, "\n"))
}
