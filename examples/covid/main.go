// Historia «Los códigos 97, 98 y 99»: los datos abiertos de COVID-19 de la
// Secretaría de Salud vienen en claves ("1", "2", "97") que sólo se entienden
// con los catálogos oficiales. Aquí traducimos las claves con los catálogos
// (un libro de Excel con una hoja por catálogo), marcamos como faltantes los
// códigos que significan "no aplica", "se ignora" y "no especificado" y la
// fecha de defunción "9999-99-99" (que esta copia trae deformada), y vemos
// cómo mienten los promedios y los conteos hechos sin ese cuidado.
//
// Ojo: los datos son una MUESTRA TRUNCADA: las primeras 10,000 filas de un
// archivo de prueba con sólo Baja California y Baja California Sur, julio de
// 2021. Sirven para aprender el método, no para describir la pandemia.
//
//	go run ./examples/covid
//	go run ./examples/covid -salida /tmp/graficas
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
)

//go:embed data/*.csv data/*.xlsx
var datos embed.FS

const (
	casos     = "data/ssa_covid19_datos_abiertos_muestra_10k.csv"
	catalogos = "data/ssa_covid19_catalogos_201128.xlsx"
)

// Las columnas que usan el catálogo SI_NO, donde 97, 98 y 99 no son
// respuestas sino "no aplica", "se ignora" y "no especificado".
// EDAD no está aquí: 97, 98 y 99 años son edades reales.
var siNo = []string{"INTUBADO", "NEUMONIA", "DIABETES", "EPOC", "ASMA", "INMUSUPR",
	"HIPERTENSION", "OTRA_COM", "CARDIOVASCULAR", "OBESIDAD", "RENAL_CRONICA",
	"TABAQUISMO", "OTRO_CASO", "EMBARAZO", "HABLA_LENGUA_INDIG", "INDIGENA", "MIGRANTE", "UCI"}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "covid:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("covid", flag.ContinueOnError)
	salida := flags.String("salida", "salida", "carpeta donde se guardan las gráficas")
	if err := flags.Parse(args); err != nil {
		return err
	}
	w := &escritor{w: stdout}

	// 1. Los casos: UTF-8 con BOM, claves con ceros a la izquierda ("03").
	w.titulo("1. Los datos")
	b, err := datos.ReadFile(casos)
	if err != nil {
		return err
	}
	procedencia(w, casos, "Secretaría de Salud, Dirección General de Epidemiología, datos abiertos COVID-19 (corte del 14 de julio de 2022)", b)
	var lectura fetch.Report
	df, err := fetch.ReadCSV(bytes.NewReader(b), fetch.Source(casos), fetch.WithReport(&lectura))
	if err != nil {
		return err
	}
	w.bloque(lectura.String())
	w.linea("MUESTRA TRUNCADA: %d registros de Baja California y Baja California Sur (julio de 2021), no todo el país.", df.Nrow())

	// 2. Los catálogos: fetch.ReadExcelReader lee una hoja por su nombre
	// (con acentos y espacios) y encuentra la fila de encabezados aunque no
	// sea la primera.
	w.titulo("2. Traducir las claves con los catálogos oficiales")
	libro, err := datos.ReadFile(catalogos)
	if err != nil {
		return err
	}
	procedencia(w, catalogos, "Secretaría de Salud, DGE, diccionario de datos (versión del 28 de noviembre de 2020)", libro)
	for _, d := range []struct{ columna, hoja, clave, etiqueta string }{
		{"SEXO", "Catálogo SEXO", "CLAVE", "DESCRIPCIÓN"},
		{"TIPO_PACIENTE", "Catálogo TIPO_PACIENTE", "CLAVE", "DESCRIPCIÓN"},
		{"ENTIDAD_UM", "Catálogo de ENTIDADES", "CLAVE_ENTIDAD", "ENTIDAD_FEDERATIVA"},
		{"INTUBADO", "Catálogo SI_NO", "CLAVE", "DESCRIPCIÓN"},
		{"CLASIFICACION_FINAL", "Catálogo CLASIFICACION_FINAL", "CLAVE", "CLASIFICACIÓN"},
	} {
		if df, err = decodificar(w, df, libro, d.columna, d.hoja, d.clave, d.etiqueta); err != nil {
			return err
		}
	}

	// 3. Trampa 1: un promedio de claves. INTUBADO vale 1 (sí), 2 (no) o 97
	// (no aplica: el paciente no fue hospitalizado).
	w.titulo("3. Trampa 1: promediar claves")
	ingenuo, err := analyze.GroupBy(df).Agg(analyze.Mean("INTUBADO"))
	if err != nil {
		return err
	}
	w.linea("Promedio ingenuo de INTUBADO: %.1f (no significa nada: casi todo es 97 = NO APLICA).",
		ingenuo.Col("INTUBADO_mean").Elem(0).Float())
	etiquetas, err := analyze.GroupBy(df, "INTUBADO_etiqueta").Agg(analyze.Count())
	if err != nil {
		return err
	}
	nombres := etiquetas.Col("INTUBADO_etiqueta").Records()
	conteos, _ := etiquetas.Col("count").Int()
	for i, e := range nombres {
		w.linea("  INTUBADO = %-16s %5d", e, conteos[i])
	}
	faltantes := map[string][]string{}
	for _, c := range siNo {
		faltantes[c] = []string{"97", "98", "99"}
	}
	df, codigos, err := clean.Config{ExtraMissing: faltantes}.SetMissing(df, siNo...)
	if err != nil {
		return err
	}
	w.bloque(codigos.String())
	intubados, err := analyze.GroupBy(df, "INTUBADO").Sorted().Agg(analyze.Count())
	if err != nil {
		return err
	}
	si, no := cuenta(intubados, "INTUBADO", 1), cuenta(intubados, "INTUBADO", 2)
	w.linea("Con 97, 98 y 99 como faltantes: %d pacientes con respuesta; %d intubados (%.1f%%).",
		si+no, si, 100*float64(si)/float64(si+no))

	// 4. Trampa 2: la fecha de defunción. El sistema escribe "9999-99-99"
	// cuando la persona no murió; esta copia la trae deformada como
	// "-001-11-30". clean.Dates reconoce ambas como "sin fecha".
	w.titulo("4. Trampa 2: la fecha de defunción")
	conTexto, err := analyze.GroupBy(df).Agg(analyze.Count(), analyze.Missing("FECHA_DEF"))
	if err != nil {
		return err
	}
	filas, _ := conTexto.Col("count").Int()
	vacias, _ := conTexto.Col("FECHA_DEF_missing").Int()
	w.linea("Filas con algo escrito en FECHA_DEF: %d de %d (contarlas como defunciones sería un error).", filas[0]-vacias[0], filas[0])
	df, fechas, err := clean.Dates(df, "FECHA_DEF", "FECHA_SINTOMAS")
	if err != nil {
		return err
	}
	w.bloque(fechas.String())
	muertes, err := analyze.GroupBy(df).Agg(analyze.Count(), analyze.Missing("FECHA_DEF"))
	if err != nil {
		return err
	}
	sinFecha, _ := muertes.Col("FECHA_DEF_missing").Int()
	defunciones := filas[0] - sinFecha[0]
	w.linea("Defunciones (FECHA_DEF con una fecha real): %d, el %.1f%% de los registros.",
		defunciones, 100*float64(defunciones)/float64(filas[0]))

	// 5. Hallazgos: los registros por clasificación final, ya con su nombre.
	w.titulo("5. Hallazgos")
	porClase, err := analyze.GroupBy(df, "CLASIFICACION_FINAL", "CLASIFICACION_FINAL_etiqueta").Sorted().
		Agg(analyze.Count().As("registros"))
	if err != nil {
		return err
	}
	confirmados, negativos := 0, 0
	clases := porClase.Col("CLASIFICACION_FINAL_etiqueta").Records()
	registros, _ := porClase.Col("registros").Int()
	for i, c := range clases {
		w.linea("  %-70s %5d", c, registros[i])
		if strings.Contains(c, "CONFIRMADO") {
			confirmados += registros[i]
		}
		if strings.HasPrefix(c, "NEGATIVO") {
			negativos += registros[i]
		}
	}
	w.linea("Casos confirmados (las clases con \"CONFIRMADO\" presentes en la muestra): %d de %d registros (%.1f%%).",
		confirmados, df.Nrow(), 100*float64(confirmados)/float64(df.Nrow()))
	w.linea("Recuerda: muestra truncada de dos estados; no es la positividad del país.")

	// 6. La gráfica.
	w.titulo("6. Gráfica")
	// Cada fila es un registro (una persona atendida en una unidad que
	// reporta al sistema), no una prueba: hay registros sin muestra y su
	// clasificación final no siempre sale de un laboratorio.
	titulo := fmt.Sprintf("En la muestra, %.0f de cada 10 registros tienen clasificación final negativa", 10*float64(negativos)/float64(df.Nrow()))
	return graficar(w, porClase, titulo, *salida)
}

// decodificar agrega la columna <columna>_etiqueta con la etiqueta del
// catálogo (una hoja del libro) e imprime el reporte del cruce.
func decodificar(w *escritor, df dataframe.DataFrame, libro []byte, columna, hoja, clave, etiqueta string) (dataframe.DataFrame, error) {
	cat, err := fetch.ReadExcelReader(bytes.NewReader(libro), fetch.Source(catalogos),
		fetch.Sheet(hoja), fetch.Columns(clave, etiqueta))
	if err != nil {
		return df, err
	}
	// Las etiquetas traen espacios de más ("SI ", "COMITÉ DE  DICTAMINACIÓN").
	cat, _, err = clean.Text(cat, etiqueta)
	if err != nil {
		return df, err
	}
	cat = cat.Rename(columna+"_etiqueta", etiqueta)
	if cat.Err != nil {
		return df, cat.Err
	}
	out, rep, err := clean.Config{RightOn: []string{clave}}.Join(df, cat, clean.Left, columna)
	if err != nil {
		return df, err
	}
	w.linea("%s ← hoja %q:", columna, hoja)
	w.bloque(sangrar(rep.String()))
	return out, nil
}

func graficar(w *escritor, porClase dataframe.DataFrame, titulo, salida string) error {
	g, err := chart.Bar(porClase, "CLASIFICACION_FINAL_etiqueta", "registros",
		chart.Title(titulo),
		chart.Subtitle("Registros por clasificación final, Baja California y Baja California Sur, síntomas en julio de 2021"),
		chart.Note("Cada fila es un registro del sistema de vigilancia, no una prueba. Muestra truncada: las primeras 10,000 filas de un archivo de ejemplo reexportado por el paquete covidmx, sólo Baja California y Baja California Sur; no representa al país."),
		chart.Source("Secretaría de Salud, DGE, datos abiertos COVID-19 (corte 14/07/2022) y catálogos del 28/11/2020"))
	if err != nil {
		return err
	}
	// PNG para la web y redes; SVG para que la mesa de gráficos la retoque.
	rutas, err := g.SaveAll(salida, "covid")
	if err != nil {
		return err
	}
	for _, ruta := range rutas {
		w.linea("Gráfica guardada: %s", ruta)
	}
	return nil
}

// cuenta devuelve el conteo del grupo cuya clave col vale v.
func cuenta(df dataframe.DataFrame, col string, v int) int {
	claves := df.Col(col)
	conteos, _ := df.Col("count").Int()
	for i := 0; i < claves.Len(); i++ {
		if k, err := claves.Elem(i).Int(); err == nil && !claves.Elem(i).IsNA() && k == v {
			return conteos[i]
		}
	}
	return 0
}

// procedencia imprime el archivo, su fuente, su tamaño y su SHA-256.
func procedencia(w *escritor, ruta, fuente string, b []byte) {
	w.linea("%s (%s)", ruta, fuente)
	res := fetch.Describe(ruta, b)
	w.linea("  %d bytes, SHA-256 %s", res.Size, res.SHA256)
}

func sangrar(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
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
