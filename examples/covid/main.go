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
	"path/filepath"
	"strings"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/ledger"
)

//go:embed data/*.csv data/*.xlsx
var datos embed.FS

const (
	casos     = "data/ssa_covid19_datos_abiertos_muestra_10k.csv"
	catalogos = "data/ssa_covid19_catalogos_201128.xlsx"
)

// fuentes dice, archivo por archivo, lo que el registro de cifras necesita
// saber y el archivo no dice (como lo cuenta data/README.md).
var fuentes = map[string][]ledger.SourceOption{
	casos: {
		ledger.SourceURL("https://github.com/RodrigoZepeda/covidmx/raw/56ee2f71ce3ba31f38fb09f13fe9f3d47dc6ea46/datos_abiertos_covid19.zip"),
		ledger.Publisher("Secretaría de Salud, Dirección General de Epidemiología (DGE)"),
		ledger.Processed("el paquete covidmx (Rodrigo Zepeda) armó pruebaCOVID19MEXICO.csv con los registros de Baja California y Baja California Sur y lo reexportó (FECHA_DEF dice -001-11-30 donde la SSA escribe 9999-99-99; PAIS_ORIGEN quedó cortado a 2 caracteres); de ese miembro del ZIP se tomaron el encabezado y las primeras 10,000 filas de 58,964, sin cambiar ninguna"),
		ledger.CutDate("2022-07-14"), ledger.Retrieved("2026-11-28"), ledger.License("Términos de Libre Uso MX"),
	},
	catalogos: {
		ledger.SourceURL("https://github.com/RodrigoZepeda/covidmx/raw/56ee2f71ce3ba31f38fb09f13fe9f3d47dc6ea46/diccionario_datos_covid19.zip"),
		ledger.Publisher("Secretaría de Salud, Dirección General de Epidemiología (DGE)"),
		ledger.Original(), ledger.CutDate("2020-11-28"), ledger.Retrieved("2026-11-28"), ledger.License("Términos de Libre Uso MX"),
	},
}

// Lo que debe acompañar a toda cifra de esta historia.
var (
	periodo  = ledger.Period("síntomas en julio de 2021, corte del 14 de julio de 2022")
	muestra  = ledger.Caveat("Muestra truncada: las primeras 10,000 filas de un archivo de ejemplo con sólo Baja California y Baja California Sur; no representa al país.")
	noPrueba = ledger.Caveat("Cada fila es un registro del sistema de vigilancia epidemiológica, no una prueba ni una persona con diagnóstico de laboratorio.")
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
	// El registro de cifras anota archivos, pasos y cada cifra publicada;
	// las frases con números se escriben desde él.
	l := ledger.New("Los códigos 97, 98 y 99: registros COVID-19 de Baja California y Baja California Sur (muestra)")

	// 1. Los casos: UTF-8 con BOM, claves con ceros a la izquierda ("03").
	w.titulo("1. Los datos")
	b, err := datos.ReadFile(casos)
	if err != nil {
		return err
	}
	if err := procedencia(w, l, casos, "Secretaría de Salud, Dirección General de Epidemiología, datos abiertos COVID-19 (corte del 14 de julio de 2022)", b); err != nil {
		return err
	}
	var lectura fetch.Report
	df, err := fetch.ReadCSV(bytes.NewReader(b), fetch.Source(casos), fetch.WithReport(&lectura))
	if err != nil {
		return err
	}
	w.bloque(lectura.String())
	l.Step("lectura de los registros", lectura)
	w.linea("MUESTRA TRUNCADA: %d registros de Baja California y Baja California Sur (julio de 2021), no todo el país.", df.Nrow())

	// 2. Los catálogos: fetch.ReadExcelReader lee una hoja por su nombre
	// (con acentos y espacios) y encuentra la fila de encabezados aunque no
	// sea la primera.
	w.titulo("2. Traducir las claves con los catálogos oficiales")
	libro, err := datos.ReadFile(catalogos)
	if err != nil {
		return err
	}
	if err := procedencia(w, l, catalogos, "Secretaría de Salud, DGE, diccionario de datos (versión del 28 de noviembre de 2020)", libro); err != nil {
		return err
	}
	for _, d := range []struct{ columna, hoja, clave, etiqueta string }{
		{"SEXO", "Catálogo SEXO", "CLAVE", "DESCRIPCIÓN"},
		{"TIPO_PACIENTE", "Catálogo TIPO_PACIENTE", "CLAVE", "DESCRIPCIÓN"},
		{"ENTIDAD_UM", "Catálogo de ENTIDADES", "CLAVE_ENTIDAD", "ENTIDAD_FEDERATIVA"},
		{"INTUBADO", "Catálogo SI_NO", "CLAVE", "DESCRIPCIÓN"},
		{"CLASIFICACION_FINAL", "Catálogo CLASIFICACION_FINAL", "CLAVE", "CLASIFICACIÓN"},
	} {
		if df, err = decodificar(w, l, df, libro, d.columna, d.hoja, d.clave, d.etiqueta); err != nil {
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
	if err := l.Figure("promedio_ingenuo_intubado", ingenuo.Col("INTUBADO_mean").Elem(0).Float(), ledger.Decimals(1),
		ledger.Unit("clave promedio"), periodo, muestra,
		ledger.Definition("promedio de las claves de INTUBADO (1 sí, 2 no, 97 no aplica…) antes de marcar 97, 98 y 99 como faltantes"),
		ledger.Caveat("Es el error que la historia enseña: un promedio de claves no significa nada y no se publica como dato.")); err != nil {
		return err
	}
	if err := w.render(l, `Promedio ingenuo de INTUBADO: {{cifra "promedio_ingenuo_intubado"}} (no significa nada: casi todo es 97 = NO APLICA).`); err != nil {
		return err
	}
	etiquetas, err := analyze.GroupBy(df, "INTUBADO_etiqueta").Agg(analyze.Count())
	if err != nil {
		return err
	}
	nombres := etiquetas.Col("INTUBADO_etiqueta").Records()
	conteos, _ := etiquetas.Col("count").Int()
	for i, e := range nombres {
		nombre := "registros_intubado_" + clean.NameString(e)
		if err := l.Figure(nombre, float64(conteos[i]), ledger.Unit("registros"), periodo, muestra, noPrueba,
			ledger.Definition("registros con INTUBADO = "+e+" según el catálogo SI_NO")); err != nil {
			return err
		}
		t, err := l.Render(`{{cifra "` + nombre + `"}}`)
		if err != nil {
			return err
		}
		w.linea("  INTUBADO = %-16s %5s", e, t)
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
	l.Step("97, 98 y 99 como faltantes en las columnas SI_NO", codigos)
	intubados, err := analyze.GroupBy(df, "INTUBADO").Sorted().Agg(analyze.Count())
	if err != nil {
		return err
	}
	si, no := cuenta(intubados, "INTUBADO", 1), cuenta(intubados, "INTUBADO", 2)
	for _, c := range []struct {
		nombre string
		valor  float64
		o      []ledger.Option
	}{
		{"pacientes_con_respuesta_intubado", float64(si + no), []ledger.Option{ledger.Unit("registros"),
			ledger.Definition("registros con INTUBADO 1 (sí) o 2 (no): los hospitalizados con respuesta")}},
		{"intubados", float64(si), []ledger.Option{ledger.Unit("registros"), ledger.Definition("registros con INTUBADO 1 (sí)")}},
		{"pct_intubados", 100 * float64(si) / float64(si+no), []ledger.Option{ledger.Unit("%"), ledger.Ratio(float64(si), float64(si+no)),
			ledger.Definition("intubados entre los registros con respuesta sí o no, sin 97, 98 ni 99 en el denominador")}},
	} {
		if err := l.Figure(c.nombre, c.valor, append(c.o, periodo, muestra, noPrueba)...); err != nil {
			return err
		}
	}
	if err := w.render(l, `Con 97, 98 y 99 como faltantes: {{cifra "pacientes_con_respuesta_intubado"}} pacientes con respuesta; {{cifra "intubados"}} intubados ({{cifra "pct_intubados"}}).`); err != nil {
		return err
	}

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
	if err := l.Figure("registros", float64(filas[0]), ledger.Unit("registros"), periodo, muestra, noPrueba,
		ledger.Definition("filas de la muestra")); err != nil {
		return err
	}
	if err := l.Figure("filas_con_texto_fecha_def", float64(filas[0]-vacias[0]), ledger.Unit("registros"), periodo, muestra,
		ledger.Definition("filas con algo escrito en FECHA_DEF, antes de leerla como fecha"),
		ledger.Caveat("No son defunciones: incluye la fecha centinela de quien no murió.")); err != nil {
		return err
	}
	if err := w.render(l, `Filas con algo escrito en FECHA_DEF: {{cifra "filas_con_texto_fecha_def"}} de {{cifra "registros"}} (contarlas como defunciones sería un error).`); err != nil {
		return err
	}
	df, fechas, err := clean.Dates(df, "FECHA_DEF", "FECHA_SINTOMAS")
	if err != nil {
		return err
	}
	w.bloque(fechas.String())
	l.Step("fechas de defunción y de síntomas (centinelas como faltantes)", fechas)
	muertes, err := analyze.GroupBy(df).Agg(analyze.Count(), analyze.Missing("FECHA_DEF"))
	if err != nil {
		return err
	}
	sinFecha, _ := muertes.Col("FECHA_DEF_missing").Int()
	defunciones := filas[0] - sinFecha[0]
	if err := l.Figure("defunciones", float64(defunciones), ledger.Unit("registros con fecha de defunción"), periodo, muestra,
		ledger.Definition("registros cuya FECHA_DEF es una fecha real (no 9999-99-99 ni -001-11-30)")); err != nil {
		return err
	}
	if err := l.Figure("pct_defunciones", 100*float64(defunciones)/float64(filas[0]), ledger.Unit("%"),
		ledger.Ratio(float64(defunciones), float64(filas[0])), periodo, muestra, noPrueba,
		ledger.Definition("registros con fecha de defunción entre todos los registros de la muestra"),
		ledger.Caveat("No es una letalidad: el denominador son registros, no casos confirmados.")); err != nil {
		return err
	}
	if err := w.render(l, `Defunciones (FECHA_DEF con una fecha real): {{cifra "defunciones"}}, el {{cifra "pct_defunciones"}} de los registros.`); err != nil {
		return err
	}

	// 5. Hallazgos: los registros por clasificación final, ya con su nombre.
	w.titulo("5. Hallazgos")
	porClase, err := analyze.GroupBy(df, "CLASIFICACION_FINAL", "CLASIFICACION_FINAL_etiqueta").Sorted().
		Agg(analyze.Count().As("registros"))
	if err != nil {
		return err
	}
	confirmados, negativos := 0, 0
	clases := porClase.Col("CLASIFICACION_FINAL_etiqueta").Records()
	claves := porClase.Col("CLASIFICACION_FINAL").Records()
	registros, _ := porClase.Col("registros").Int()
	for i, c := range clases {
		nombre := "registros_clasificacion_" + claves[i]
		if err := l.Figure(nombre, float64(registros[i]), ledger.Unit("registros"), periodo, muestra, noPrueba,
			ledger.Definition("registros con CLASIFICACION_FINAL "+claves[i]+": "+c)); err != nil {
			return err
		}
		t, err := l.Render(`{{cifra "` + nombre + `"}}`)
		if err != nil {
			return err
		}
		w.linea("  %-70s %5s", c, t)
		if strings.Contains(c, "CONFIRMADO") {
			confirmados += registros[i]
		}
		if strings.HasPrefix(c, "NEGATIVO") {
			negativos += registros[i]
		}
	}
	if err := l.Figure("confirmados", float64(confirmados), ledger.Unit("registros"), periodo, muestra, noPrueba,
		ledger.Definition("registros de las clases con CONFIRMADO en su nombre presentes en la muestra")); err != nil {
		return err
	}
	if err := l.Figure("pct_confirmados", 100*float64(confirmados)/float64(df.Nrow()), ledger.Unit("%"),
		ledger.Ratio(float64(confirmados), float64(df.Nrow())), periodo, muestra, noPrueba,
		ledger.Definition("registros confirmados entre todos los registros de la muestra"),
		ledger.Caveat("No es la positividad: el denominador son registros, no pruebas.")); err != nil {
		return err
	}
	if err := w.render(l, `Casos confirmados (las clases con "CONFIRMADO" presentes en la muestra): {{cifra "confirmados"}} de {{cifra "registros"}} registros ({{cifra "pct_confirmados"}}).`); err != nil {
		return err
	}
	w.linea("Recuerda: muestra truncada de dos estados; no es la positividad del país.")

	// 6. La gráfica.
	w.titulo("6. Gráfica")
	// Cada fila es un registro (una persona atendida en una unidad que
	// reporta al sistema), no una prueba: hay registros sin muestra y su
	// clasificación final no siempre sale de un laboratorio.
	if err := l.Figure("negativos_de_cada_10", 10*float64(negativos)/float64(df.Nrow()), ledger.Decimals(0),
		ledger.Ratio(float64(negativos), float64(df.Nrow())), ledger.Per(10), ledger.Unit("de cada 10 registros"),
		periodo, muestra, noPrueba,
		ledger.Definition("registros con clasificación final NEGATIVO entre todos los registros, por 10 (título de la gráfica)")); err != nil {
		return err
	}
	titulo, err := l.Render(`En la muestra, {{cifra "negativos_de_cada_10"}} de cada 10 registros tienen clasificación final negativa`)
	if err != nil {
		return err
	}
	if err := graficar(w, porClase, titulo, *salida); err != nil {
		return err
	}
	if err := l.WriteDir(*salida); err != nil {
		return err
	}
	for _, f := range []string{ledger.JSONFile, ledger.CSVFile, ledger.NoteFile} {
		w.linea("Registro de cifras guardado: %s", filepath.Join(*salida, f))
	}
	w.titulo("7. Registro de cifras")
	w.bloque(l.Summary())
	return nil
}

// decodificar agrega la columna <columna>_etiqueta con la etiqueta del
// catálogo (una hoja del libro) e imprime el reporte del cruce.
func decodificar(w *escritor, l *ledger.Ledger, df dataframe.DataFrame, libro []byte, columna, hoja, clave, etiqueta string) (dataframe.DataFrame, error) {
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
	l.Step(fmt.Sprintf("%s traducida con la hoja %q", columna, hoja), rep)
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

// procedencia imprime el archivo, su fuente, su tamaño y su SHA-256, y lo
// anota en el registro de cifras.
func procedencia(w *escritor, l *ledger.Ledger, ruta, fuente string, b []byte) error {
	w.linea("%s (%s)", ruta, fuente)
	res := fetch.Describe(ruta, b)
	w.linea("  %d bytes, SHA-256 %s", res.Size, res.SHA256)
	return l.SourceWith(res, fuente, fuentes[ruta]...)
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

// render imprime una frase cuyos números salen del registro de cifras.
func (e *escritor) render(l *ledger.Ledger, frase string) error {
	t, err := l.Render(frase)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.w, t)
	return nil
}
