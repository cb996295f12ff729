// Alto valor: ¿qué tan lejos está un archivo del gobierno de ser un dato
// abierto de alto valor, y cómo se acerca?
//
// Toma la exportación de la «Consulta interactiva» del Censo 2020 de INEGI
// (población por municipio y sexo, tal como la descarga el sitio: Latin-1,
// títulos arriba, nota al pie, claves pegadas, totales y subtotales entre
// los municipios), la evalúa contra la Guía de Implementación de la
// Política de Datos Abiertos, la limpia con cifra, la publica como Data
// Package v2 con diccionario de datos y metadatos para datos.gob.mx, la
// valida y vuelve a evaluar el resultado: antes y después, regla por regla.
//
//	go run ./examples/alto-valor
//	go run ./examples/alto-valor -salida /tmp/paquete
package main

import (
	"embed"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/ledger"
	"github.com/datacon-mx/cifra/publish"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// El archivo viaja dentro del programa: corre sin red y desde cualquier
// carpeta.
//
//go:embed data/*.csv
var datos embed.FS

const (
	archivoCenso = "data/inegi_censo2020_poblacion_municipio_sexo_consulta.csv"
	fuenteCenso  = "INEGI, Censo de Población y Vivienda 2020, Consulta interactiva: población total por entidad y municipio según sexo"

	// El identificador del conjunto de datos en el catálogo: ASCII, sin
	// acentos, estable entre versiones.
	identificador = "poblacion-municipal-sexo-2020"
)

// procedencia es lo que el registro de cifras necesita saber del archivo y
// el archivo no dice (como lo cuenta data/README.md).
var procedencia = []ledger.SourceOption{
	ledger.SourceURL("https://raw.githubusercontent.com/diegovalle/mxmaps/798708f6770a24ce86d54128b0f10433cdaaf09c/data-raw/censo/2020.csv"),
	ledger.Publisher("Instituto Nacional de Estadística y Geografía (INEGI), Censo de Población y Vivienda 2020, Consulta interactiva de datos"),
	ledger.Original(), ledger.CutDate("2021-01-25"), ledger.Retrieved("2026-12-03"),
	ledger.License("Términos de Libre Uso de la Información del INEGI"),
}

// reglas traduce los identificadores de las reglas de la guía.
var reglas = map[string]string{
	"utf8":                "Texto en UTF-8",
	"flat":                "Tabla plana, sin títulos ni notas",
	"geo_codes":           "Claves de INEGI con sus ceros",
	"iso_dates":           "Fechas en ISO 8601",
	"no_totals":           "Sin filas de totales",
	"no_units_in_values":  "Números sin unidades ni comas",
	"one_type_per_column": "Un tipo por columna",
	"no_duplicate_rows":   "Sin registros repetidos",
	"one_spelling":        "Una sola forma de escribir cada categoría",
	"clear_names":         "Nombres de columna claros",
	"dictionary":          "Diccionario de datos",
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "alto-valor:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("alto-valor", flag.ContinueOnError)
	salida := flags.String("salida", "salida/", "carpeta donde se escribe el paquete publicado")
	if err := flags.Parse(args); err != nil {
		return err
	}
	p := func(format string, a ...any) { fmt.Fprintf(stdout, format, a...) }
	entero := chart.Format{Decimals: chart.Whole}
	titulo := "¿Qué tan lejos está la consulta del Censo 2020 de ser un dato abierto de alto valor?"
	p("%s\n\n", titulo)
	// El registro de cifras anota el archivo, los pasos y cada cifra
	// publicada; los hallazgos se escriben desde él.
	l := ledger.New(titulo)

	// 1. Procedencia. El archivo va dentro del programa; para evaluarlo
	// como lo recibiría cualquiera, se copia tal cual a una carpeta
	// temporal.
	crudo, err := datos.ReadFile(archivoCenso)
	if err != nil {
		return err
	}
	origen := fetch.Describe(archivoCenso, crudo)
	p("Datos usados:\n  %s\n    %s; %s bytes; SHA-256 %s\n\n", archivoCenso, fuenteCenso, entero.Format(float64(origen.Size)), origen.SHA256)
	if err := l.SourceWith(origen, fuenteCenso, procedencia...); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "alto-valor")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	rutaCruda := filepath.Join(tmp, filepath.Base(archivoCenso))
	if err := os.WriteFile(rutaCruda, crudo, 0o644); err != nil {
		return err
	}

	// 2. Evaluar el archivo crudo contra la guía, regla por regla y con
	// evidencia: las mismas reglas que usan fetch y clean al leer y limpiar.
	antes, err := publish.Assess(rutaCruda)
	if err != nil {
		return err
	}
	// Los reportes nombran los archivos por su ruta en esta máquina; el
	// registro los guarda sin la carpeta temporal ni la de salida, para
	// que sea el mismo en cualquier máquina.
	relativo := func(r fmt.Stringer) fmt.Stringer { return sinCarpetas(r, tmp, *salida) }
	l.Step("evaluación del archivo original contra la guía", relativo(antes))
	if err := anotarEvaluacion(l, "antes", "el archivo de la consulta tal como lo publica INEGI", antes); err != nil {
		return err
	}
	t, err := l.Render(`El archivo como lo publica INEGI ({{cifra "pct_reglas_antes"}} de las reglas que aplican):`)
	if err != nil {
		return err
	}
	p("%s\n", t)
	for _, c := range antes.Checks {
		if c.Applies && !c.Passed {
			p("  ✗ %s: %s\n", reglas[c.ID], c.Evidence)
		}
	}

	// 3. Leer. fetch detecta la codificación (Windows-1252), salta los
	// títulos y la nota al pie y lee "1,425,607" como número.
	var lectura fetch.Report
	df, err := fetch.ReadCSVFile(rutaCruda, fetch.Source(archivoCenso), fetch.WithReport(&lectura))
	if err != nil {
		return err
	}
	p("\nCómo se leyó:\n%s", sangria(lectura.String()))
	l.Step("lectura de la consulta", lectura)

	// 4. Quitar el total nacional y los subtotales por entidad: filas que
	// son la suma de las que encabezan. Sumar la tabla como viene daría el
	// doble de la población del país.
	sinTotales, rep, err := clean.DropTotals(df)
	if err != nil {
		return err
	}
	p("\nTotales y subtotales:\n%s", sangria(primeras(rep.String(), 4)))
	l.Step("total nacional y subtotales por entidad quitados", rep)

	// 5. Separar la clave " 01 001 " en clave de entidad y de municipio,
	// como texto con sus ceros.
	tabla, err := separarClaves(sinTotales)
	if err != nil {
		return err
	}

	// 6. La columna Total repite Hombres + Mujeres: se comprueba y se
	// quita (un dato abierto no trae cálculos dentro de la tabla), y la
	// tabla pasa a formato largo: una fila por municipio y sexo.
	if err := comprobarTotal(tabla); err != nil {
		return err
	}
	tabla = tabla.Select([]string{"cve_ent", "cve_mun", "municipio", "Hombres", "Mujeres"})
	largo, err := clean.Longer(tabla, []string{"cve_ent", "cve_mun", "municipio"}, "sexo", "poblacion")
	if err != nil {
		return err
	}
	hombres, mujeres := sumaPorSexo(largo)
	censo := []ledger.Option{ledger.Period("15 de marzo de 2020"), ledger.Small(false)}
	for _, c := range []struct {
		nombre, unidad, def string
		valor               float64
	}{
		{"filas", "filas", "filas de la tabla limpia: una por municipio y sexo", float64(largo.Nrow())},
		{"municipios", "municipios", "municipios y alcaldías, sin el total nacional ni los subtotales por entidad", float64(largo.Nrow() / 2)},
		{"hombres", "hombres", "suma de los hombres de todos los municipios", hombres},
		{"mujeres", "mujeres", "suma de las mujeres de todos los municipios", mujeres},
		{"personas", "personas", "suma de hombres y mujeres de todos los municipios (coincide con el total nacional del Censo 2020)", hombres + mujeres},
	} {
		if err := l.Figure(c.nombre, c.valor, append([]ledger.Option{ledger.Unit(c.unidad), ledger.Definition(c.def)}, censo...)...); err != nil {
			return err
		}
	}
	t, err = l.Render("\n" + `Tabla limpia: {{cifra "filas"}} filas ({{cifra "municipios"}} municipios × 2 sexos); {{cifra "hombres"}} hombres y {{cifra "mujeres"}} mujeres, {{cifra "personas"}} personas.` + "\n")
	if err != nil {
		return err
	}
	p("%s", t)

	// 7. Publicar: archivos CSV en UTF-8, datapackage.json (Data Package
	// v2), diccionario de datos y metadatos para el catálogo de
	// datos.gob.mx. Las claves apuntan al catálogo de INEGI, que el paquete
	// incluye, para que un validador compruebe cada una.
	paquete := publish.New(identificador,
		publish.Title("Población por municipio y sexo, Censo 2020"),
		publish.Description("Población total por municipio (o alcaldía) y sexo según el Censo de Población y Vivienda 2020 de INEGI. "+
			"Una fila por municipio y sexo, sin totales ni subtotales; las claves siguen el Marco Geoestadístico."),
		publish.Contact("Mesa de datos del taller", "datos@example.org"),
		publish.Publisher("Taller de periodismo de datos"),
		publish.Keywords("población", "censo", "municipios", "sexo"),
		publish.Temporal("2020"),
		publish.Spatial("Estados Unidos Mexicanos"),
		publish.AccrualPeriodicity("R/P10Y"),
		publish.LandingPage("https://example.org/datos/poblacion-municipal-sexo-2020"),
		publish.DownloadURL("https://example.org/datos/poblacion-municipal-sexo-2020"),
		publish.Modified(time.Date(2021, 1, 25, 0, 0, 0, 0, time.UTC)), // INEGI publicó los resultados el 25 de enero de 2021
		publish.Source("INEGI, Censo de Población y Vivienda 2020", "https://www.inegi.org.mx/programas/ccpv/2020/"),
	)
	err = paquete.AddTable("poblacion", largo,
		publish.TableTitle("Población por municipio y sexo"),
		publish.TableDescription("Una fila por municipio y sexo: personas censadas el 15 de marzo de 2020."),
		publish.TableSource(origen, fuenteCenso),
		publish.PrimaryKey("cve_ent", "cve_mun", "sexo"),
		publish.StateKey("cve_ent"),
		publish.MunicipalityKey("cve_ent", "cve_mun"),
		publish.Describe("municipio", "Nombre del municipio o alcaldía como lo escribe el Censo 2020."),
		publish.Describe("sexo", "Sexo de las personas censadas."),
		publish.ColumnTitle("poblacion", "Población"),
		publish.Describe("poblacion", "Personas censadas en el municipio con ese sexo."),
		publish.Unit("poblacion", "personas"),
	)
	if err != nil {
		return err
	}
	// La ficha del catálogo debe llevar todos los campos de la plantilla
	// de la guía; CatalogueGaps dice cuáles faltan o están mal escritos.
	if faltan := paquete.CatalogueGaps(); len(faltan) > 0 {
		return fmt.Errorf("a la ficha del catálogo le falta:\n  %s", strings.Join(faltan, "\n  "))
	}
	carpeta := filepath.Join(*salida, identificador)
	if err := paquete.Write(carpeta); err != nil {
		return err
	}
	archivos, err := os.ReadDir(carpeta)
	if err != nil {
		return err
	}
	p("\nPaquete publicado en %s (ficha del catálogo completa: los %d campos de la plantilla):\n", carpeta, len(publish.CatalogueColumns))
	for _, a := range archivos {
		info, err := a.Info()
		if err != nil {
			return err
		}
		p("  %-18s %9s bytes\n", a.Name(), entero.Format(float64(info.Size())))
	}

	// 8. Validar contra el perfil oficial de Data Package v2 y cada valor
	// contra su esquema: tipos, claves, catálogo de INEGI, tamaños y huellas.
	descriptor := filepath.Join(carpeta, "datapackage.json")
	validacion, err := publish.Validate(descriptor)
	if err != nil {
		return err
	}
	if !validacion.Valid() {
		return fmt.Errorf("el paquete no es válido:\n%s", validacion)
	}
	p("\nValidación (perfil oficial Data Package %s y esquema de cada tabla): sin problemas.\n", validacion.Version)
	l.Step("validación del paquete publicado", relativo(validacion))
	for _, r := range validacion.Resources {
		p("  %-10s %6s filas revisadas\n", r.Name, entero.Format(float64(r.Rows)))
	}

	// 9. Leer el paquete de vuelta: la misma tabla, con las claves como
	// texto y la población como entero.
	deVuelta, err := fetch.ReadPackage(descriptor, "poblacion")
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(deVuelta.Records(), largo.Records()) || !reflect.DeepEqual(deVuelta.Types(), largo.Types()) {
		return fmt.Errorf("la tabla leída del paquete no es la que se publicó")
	}
	p("Leída de vuelta con fetch.ReadPackage: la misma tabla (%s).\n", tipos(deVuelta))

	// 10. Evaluar el paquete publicado y comparar.
	despues, err := publish.Assess(carpeta)
	if err != nil {
		return err
	}
	l.Step("evaluación del paquete publicado contra la guía", relativo(despues))
	if err := anotarEvaluacion(l, "despues", "el paquete publicado", despues); err != nil {
		return err
	}
	p("\nAntes y después, regla por regla:\n")
	p("  %-44s %-12s %s\n", "regla de la guía", "original", "publicado")
	for i, c := range antes.Checks {
		p("  %-44s %-12s %s\n", reglas[c.ID], veredicto(c), veredicto(despues.Checks[i]))
	}
	cumplidas, err := l.Render(`{{cifra "reglas_cumplidas_antes"}} de {{cifra "reglas_aplicables_antes"}}` + "\t" +
		`{{cifra "reglas_cumplidas_despues"}} de {{cifra "reglas_aplicables_despues"}}`)
	if err != nil {
		return err
	}
	c := strings.Split(cumplidas, "\t")
	p("  %-44s %-12s %s\n", "Reglas cumplidas", c[0], c[1])
	t, err = l.Render("\n" + `Hallazgo: el archivo de la consulta cumple {{cifra "pct_reglas_antes"}} de las reglas que le aplican; el paquete publicado, {{cifra "pct_reglas_despues"}}.` + "\n")
	if err != nil {
		return err
	}
	p("%s", t)
	p("Ojo: la evaluación mide la forma del archivo, no la calidad de las cifras; eso lo responde quien las produce.\n")

	// 11. El registro de cifras, junto al paquete.
	if err := l.WriteDir(*salida); err != nil {
		return err
	}
	p("\nRegistro de cifras y nota metodológica:\n  %s\n  %s\n  %s\n\n%s", filepath.Join(*salida, ledger.JSONFile),
		filepath.Join(*salida, ledger.CSVFile), filepath.Join(*salida, ledger.NoteFile), l.Summary())
	return nil
}

// anotarEvaluacion anota en el registro cuántas reglas de la guía aplican,
// cuántas se cumplen y su porcentaje.
func anotarEvaluacion(l *ledger.Ledger, cuando, que string, a publish.Assessment) error {
	ok, n := contar(a)
	forma := ledger.Caveat("La evaluación mide la forma del archivo contra la Guía de Implementación de la Política de Datos Abiertos, no la calidad de las cifras.")
	if err := l.Figure("reglas_aplicables_"+cuando, float64(n), ledger.Unit("reglas"), ledger.Small(false),
		ledger.Definition("reglas de la guía que aplican a "+que)); err != nil {
		return err
	}
	if err := l.Figure("reglas_cumplidas_"+cuando, float64(ok), ledger.Unit("reglas"), ledger.Small(false), forma,
		ledger.Definition("reglas de la guía que cumple "+que)); err != nil {
		return err
	}
	return l.Figure("pct_reglas_"+cuando, 100*a.Score(), ledger.Unit("%"), ledger.Decimals(0), ledger.Ratio(float64(ok), float64(n)),
		ledger.Small(false), forma, ledger.Definition("reglas cumplidas entre las que aplican a "+que))
}

// separarClaves parte la clave " 01 001 " de la consulta en cve_ent "01" y
// cve_mun "001", y nombra las columnas.
func separarClaves(df dataframe.DataFrame) (dataframe.DataFrame, error) {
	claves := df.Col("col_1").Records()
	ent := make([]string, len(claves))
	mun := make([]string, len(claves))
	for i, c := range claves {
		partes := strings.Fields(c)
		if len(partes) != 2 || len(partes[0]) != 2 || len(partes[1]) != 3 {
			return df, fmt.Errorf("fila %d: la clave %q no es «entidad municipio»", i+1, c)
		}
		ent[i], mun[i] = partes[0], partes[1]
	}
	out := df.Mutate(series.New(ent, series.String, "cve_ent")).
		Mutate(series.New(mun, series.String, "cve_mun")).
		Rename("municipio", "col_2")
	if out.Err != nil {
		return df, out.Err
	}
	return out, nil
}

// comprobarTotal verifica que Total = Hombres + Mujeres en cada fila.
func comprobarTotal(df dataframe.DataFrame) error {
	t, h, m := df.Col("Total").Float(), df.Col("Hombres").Float(), df.Col("Mujeres").Float()
	for i := range t {
		if t[i] != h[i]+m[i] {
			return fmt.Errorf("fila %d: Total %v no es Hombres %v + Mujeres %v", i+1, t[i], h[i], m[i])
		}
	}
	return nil
}

func sumaPorSexo(df dataframe.DataFrame) (hombres, mujeres float64) {
	sexo, pob := df.Col("sexo").Records(), df.Col("poblacion").Float()
	for i, s := range sexo {
		if s == "Hombres" {
			hombres += pob[i]
		} else {
			mujeres += pob[i]
		}
	}
	return hombres, mujeres
}

func veredicto(c publish.Check) string {
	switch {
	case !c.Applies:
		return "no aplica"
	case c.Passed:
		return "sí"
	}
	return "no"
}

// reporte es el texto de un reporte, ya sin las carpetas de la corrida.
type reporte string

func (r reporte) String() string { return string(r) }

// sinCarpetas quita de un reporte las carpetas dadas al principio de las
// rutas que nombra ("/tmp/alto-valor123/archivo.csv" → "archivo.csv").
func sinCarpetas(r fmt.Stringer, carpetas ...string) reporte {
	s := r.String()
	for _, c := range carpetas {
		if abs, err := filepath.Abs(c); err == nil {
			s = strings.ReplaceAll(s, abs+string(filepath.Separator), "")
		}
		s = strings.ReplaceAll(s, filepath.Clean(c)+string(filepath.Separator), "")
	}
	return reporte(s)
}

// contar dice cuántas reglas se cumplen y cuántas aplican.
func contar(a publish.Assessment) (ok, n int) {
	for _, c := range a.Checks {
		if c.Applies {
			n++
			if c.Passed {
				ok++
			}
		}
	}
	return ok, n
}

func tipos(df dataframe.DataFrame) string {
	var partes []string
	for i, n := range df.Names() {
		partes = append(partes, n+" "+string(df.Types()[i]))
	}
	return strings.Join(partes, ", ")
}

// primeras deja las primeras n líneas de un reporte largo.
func primeras(s string, n int) string {
	lineas := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lineas) <= n {
		return s
	}
	return strings.Join(lineas[:n], "\n") + fmt.Sprintf("\n… (%d líneas más en el reporte)\n", len(lineas)-n)
}

func sangria(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}
