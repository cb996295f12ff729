// Historia «Un proveedor, muchos nombres»: en Compranet una misma empresa
// aparece escrita de varias maneras ("GRUPO RAUDALES, S.A. DE C.V." y
// "GRUPO RAUDALES SA DE CV"). Contarla como dos empresas reparte su peso y
// esconde la concentración. Aquí agrupamos las variantes, medimos cuánto
// cambia la concentración de proveedores y cruzamos los nombres con la lista
// de empresas sancionadas de la Secretaría de la Función Pública (SFP).
//
// Ejecución, desde la raíz del repositorio o desde esta carpeta:
//
//	go run ./examples/proveedores
//	go run ./examples/proveedores -salida /tmp/graficas
//
// Los datos van dentro del programa (go:embed): no necesita red.
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
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
)

//go:embed data/*.csv
var datos embed.FS

// Las dos muestras de Compranet (399 contratos cada una).
var muestras = []string{
	"data/compranet_contratos_2010_2012_muestra.csv",
	"data/compranet_contratos_2014_muestra.csv",
}

// La lista de la SFP, ya sin forma jurídica y en mayúsculas.
const sancionadas = "data/sfp_empresas_sancionadas_nombres.csv"

const proveedor = "PROVEEDOR_CONTRATISTA"

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "proveedores:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("proveedores", flag.ContinueOnError)
	salida := flags.String("salida", "salida", "carpeta donde se guardan las gráficas")
	if err := flags.Parse(args); err != nil {
		return err
	}
	w := &escritor{w: stdout}

	// 1. Leer los contratos (sólo las columnas que usamos) y la lista SFP.
	w.titulo("1. Los datos")
	var partes []dataframe.DataFrame
	for _, ruta := range muestras {
		// Se leen las 39 columnas para reconocer filas repetidas exactas
		// (el mismo contrato copiado dos veces cuenta doble) y se quitan,
		// junto con los contratos sin proveedor ("---", que no es un
		// nombre); luego se eligen las columnas que usamos.
		df, err := leer(w, ruta, "Compranet (SHCP/SFP), muestra de 399 contratos")
		if err != nil {
			return err
		}
		df, dedupe, err := clean.Dedupe(df)
		if err != nil {
			return err
		}
		w.bloque(dedupe.String())
		sinNombre := df.Filter(dataframe.F{Colname: proveedor, Comparator: series.Eq, Comparando: "---"}).Nrow()
		df = df.Filter(dataframe.F{Colname: proveedor, Comparator: series.Neq, Comparando: "---"}).
			Select([]string{proveedor, "IMPORTE_CONTRATO", "MONEDA"})
		if df.Err != nil {
			return df.Err
		}
		w.linea("Contratos con proveedor \"---\" (sin nombre), fuera: %d.", sinNombre)
		partes = append(partes, df)
	}
	contratos, union, err := clean.Bind(partes...)
	if err != nil {
		return err
	}
	w.bloque(union.String())
	sfp, err := leer(w, sancionadas, "SFP, Directorio de proveedores y contratistas sancionados (procesado por mxvscorrupcion)")
	if err != nil {
		return err
	}
	w.linea("%d contratos; %d nombres en la lista de sancionadas.", contratos.Nrow(), sfp.Nrow())
	w.linea("Son MUESTRAS: las cifras enseñan el método, no describen todo Compranet.")

	// Limpieza de texto: espacios repetidos, Unicode NFC, mojibake.
	contratos, texto, err := clean.Text(contratos, proveedor)
	if err != nil {
		return err
	}
	w.bloque(texto.String())

	// 2. Variantes del mismo nombre. Fingerprint junta los nombres que sólo
	// difieren en mayúsculas, acentos, puntuación, orden de palabras o forma
	// jurídica ("S.A. de C.V." = "SA DE CV"): se aplican sin más.
	w.titulo("2. Un proveedor, muchos nombres")
	nombres, err := clean.ColumnValues(contratos, proveedor)
	if err != nil {
		return err
	}
	huellas := clean.Clusters(nombres, clean.Fingerprint)
	w.linea("Fingerprint encontró %d proveedores escritos de más de una manera:", len(huellas))
	for _, c := range huellas {
		w.linea("  %-55s ← %s", c.Canonical, variantes(c))
	}
	fusionados, aplicar, err := clean.ApplyClusters(contratos, proveedor, huellas)
	if err != nil {
		return err
	}
	w.linea("Celdas cambiadas: %d.", cambiadas(aplicar))

	// Nearest (distancia de edición) encuentra erratas ("ORDOÑES" y
	// "ORDOÑEZ"), pero también puede juntar empresas distintas: sus grupos
	// NO se aplican solos; se listan para revisarlos a mano.
	nombres, err = clean.ColumnValues(fusionados, proveedor)
	if err != nil {
		return err
	}
	cercanos := clean.Clusters(nombres, clean.Nearest)
	w.linea("Nearest propone %d grupos más (revisar a mano antes de fusionar):", len(cercanos))
	for _, c := range cercanos {
		w.linea("  distancia %d: %s", c.Distance, variantes(c))
	}
	revisados, _, err := clean.ApplyClusters(fusionados, proveedor, cercanos)
	if err != nil {
		return err
	}

	// 3. Concentración antes y después de fusionar variantes.
	w.titulo("3. Concentración de proveedores")
	for _, etapa := range []struct {
		nombre string
		df     dataframe.DataFrame
	}{
		{"nombres tal como vienen (espacios limpios)", contratos},
		{"tras fusionar variantes (Fingerprint)", fusionados},
		{"si además se aceptan los grupos de Nearest", revisados},
	} {
		c, err := concentracion(etapa.df)
		if err != nil {
			return err
		}
		w.linea("%-48s %3d proveedores distintos; los 10 mayores tienen %.1f%% de los contratos y %.1f%% del importe",
			etapa.nombre+":", c.distintos, c.top10Contratos, c.top10Importe)
	}
	w.linea("(Importes sólo de contratos en pesos: %d contratos en otra moneda quedan fuera de las sumas.)",
		contratos.Nrow()-enPesos(contratos).Nrow())

	// 4. Cruce con la lista de la SFP.
	w.titulo("4. ¿Algún proveedor está en la lista de sancionadas?")
	pistas, err := cruzar(w, fusionados, sfp)
	if err != nil {
		return err
	}

	// 5. Gráfica: los 10 mayores proveedores por importe, ya fusionados.
	w.titulo("5. Gráfica")
	return graficar(w, fusionados, pistas, *salida)
}

// leer lee un CSV incrustado, imprime su procedencia y el reporte de lectura.
func leer(w *escritor, ruta, fuente string, opts ...fetch.Option) (dataframe.DataFrame, error) {
	b, err := datos.ReadFile(ruta)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	w.linea("%s (%s)", ruta, fuente)
	res := fetch.Describe(ruta, b)
	w.linea("  %d bytes, SHA-256 %s", res.Size, res.SHA256)
	var rep fetch.Report
	opts = append(opts, fetch.Source(ruta), fetch.WithReport(&rep))
	df, err := fetch.ReadCSV(bytes.NewReader(b), opts...)
	if err != nil {
		return df, err
	}
	w.bloque(rep.String())
	return df, nil
}

type medida struct {
	distintos                    int
	top10Contratos, top10Importe float64
}

// concentracion cuenta proveedores distintos y la parte de los 10 mayores en
// número de contratos y en importe (contratos en pesos).
func concentracion(df dataframe.DataFrame) (medida, error) {
	var m medida
	porProveedor, err := analyze.GroupBy(df, proveedor).Agg(analyze.Count().As("contratos"))
	if err != nil {
		return m, err
	}
	m.distintos = porProveedor.Nrow()
	if m.top10Contratos, err = parteTop10(porProveedor, "contratos"); err != nil {
		return m, err
	}
	m.top10Importe, err = parteTop10(enPesos(df), "IMPORTE_CONTRATO")
	return m, err
}

// parteTop10 es el porcentaje del total de col que suman los 10 mayores.
func parteTop10(df dataframe.DataFrame, col string) (float64, error) {
	top, err := analyze.TopN(df, proveedor, col, 10)
	if err != nil {
		return 0, err
	}
	top, err = analyze.Share(top, col, "pct")
	if err != nil {
		return 0, err
	}
	suma := 0.0
	for i, nombre := range top.Col(proveedor).Records() {
		if nombre != analyze.OtherLabel {
			suma += top.Col("pct").Elem(i).Float()
		}
	}
	return suma, nil
}

// cruzar busca los proveedores en la lista SFP. clean.Join sobre la
// «huella» de cada nombre (sin forma jurídica, mayúsculas, acentos ni orden
// de palabras) da el reporte del cruce; clean.MatchNames dice cómo se hizo
// cada coincidencia: exacta, plegada, por huella o difusa (con su distancia
// de edición), y qué parecidos cercanos no se aceptaron.
func cruzar(w *escritor, contratos, sfp dataframe.DataFrame) ([]string, error) {
	prov, err := analyze.GroupBy(contratos, proveedor).Sorted().Agg(analyze.Count().As("contratos"))
	if err != nil {
		return nil, err
	}
	prov = prov.Mutate(huella(prov, proveedor))
	sfp = sfp.Mutate(huella(sfp, "empresa_sancionada"))
	if prov.Err != nil || sfp.Err != nil {
		return nil, fmt.Errorf("agregando la huella: %v %v", prov.Err, sfp.Err)
	}
	_, rep, err := clean.Join(prov, sfp, clean.Inner, "huella")
	if err != nil {
		return nil, err
	}
	w.bloque(rep.String())

	nombres, err := clean.ColumnValues(prov, proveedor)
	if err != nil {
		return nil, err
	}
	lista, err := clean.ColumnValues(sfp, "empresa_sancionada")
	if err != nil {
		return nil, err
	}
	pistas, cercanos := clean.MatchNames(nombres, lista, 3)
	w.linea("Pistas (%d proveedores de la muestra cuyo nombre se parece a uno de la lista SFP):", len(pistas))
	var encontrados []string
	porTipo := map[clean.MatchKind]int{}
	for _, p := range pistas {
		w.linea("  %s  ~  %s  [%s]", p.Left, p.Right, como(p))
		encontrados = append(encontrados, p.Left)
		porTipo[p.How]++
	}
	w.linea("Exactas: %d; plegadas: %d; por huella: %d; difusas: %d.", porTipo[clean.MatchExact],
		porTipo[clean.MatchFolded], porTipo[clean.MatchFingerprint], porTipo[clean.MatchFuzzy])
	w.linea("Parecidos cercanos que NO se aceptan (difieren sus palabras distintivas: son empresas distintas hasta que se demuestre lo contrario):")
	for _, p := range cercanos {
		w.linea("  %s  ~  %s  [distancia %d]", p.Left, p.Right, p.Distance)
	}
	w.linea("Un nombre parecido es una PISTA, no un hallazgo: hay que confirmar RFC, domicilio y fechas de la sanción")
	w.linea("antes de afirmar que una empresa sancionada recibió contratos. Y los contratos son sólo una muestra.")
	return encontrados, nil
}

// como explica en español cómo se hizo una coincidencia.
func como(m clean.NameMatch) string {
	switch m.How {
	case clean.MatchExact:
		return "exacta"
	case clean.MatchFolded:
		return "plegada: sin mayúsculas, acentos ni puntuación"
	case clean.MatchFingerprint:
		return "por huella: sin forma jurídica, acentos ni orden de palabras"
	}
	return fmt.Sprintf("difusa, distancia %d: revisar", m.Distance)
}

// huella devuelve la columna "huella" con la clave Fingerprint de col.
func huella(df dataframe.DataFrame, col string) series.Series {
	valores := df.Col(col).Records()
	claves := make([]string, len(valores))
	for i, v := range valores {
		claves[i] = clean.FingerprintKey(v)
	}
	return series.New(claves, series.String, "huella")
}

// graficar dibuja los 10 proveedores con más importe (en pesos) tras
// fusionar variantes.
func graficar(w *escritor, df dataframe.DataFrame, pistas []string, salida string) error {
	top, err := analyze.TopN(enPesos(df), proveedor, "IMPORTE_CONTRATO", 10)
	if err != nil {
		return err
	}
	top = top.Filter(dataframe.F{Colname: proveedor, Comparator: series.Neq, Comparando: analyze.OtherLabel})
	if top.Err != nil {
		return top.Err
	}
	// Resaltamos los que se llaman como una empresa de la lista SFP.
	var resaltar []string
	for _, nombre := range top.Col(proveedor).Records() {
		for _, p := range pistas {
			if nombre == p {
				resaltar = append(resaltar, nombre)
			}
		}
	}
	opciones := []chart.Option{
		chart.Title(fmt.Sprintf("%d de los 10 mayores proveedores de la muestra tienen el nombre de una empresa sancionada: una pista, no un hallazgo", len(resaltar))),
		chart.Subtitle("Importe de sus contratos, millones de pesos, tras fusionar las variantes de cada nombre; en color, nombre igual al de la lista SFP"),
		chart.MillionsOfPesos(),
		chart.Note("Muestras de 399 contratos de 2010–2012 y 399 de 2014 de Compranet; sólo contratos en pesos."),
		chart.Note("Un nombre igual es una pista, no un hallazgo: falta verificar RFC, domicilio y fechas de la sanción antes de afirmar que una empresa sancionada recibió contratos."),
		chart.Source("Compranet (SHCP/SFP), datos abiertos de contratos, descarga del 14 de mayo de 2015; SFP, proveedores sancionados"),
	}
	if len(resaltar) > 0 {
		opciones = append(opciones, chart.Highlight(resaltar...))
	}
	g, err := chart.Bar(top, proveedor, "IMPORTE_CONTRATO", opciones...)
	if err != nil {
		return err
	}
	// PNG para la web y redes; SVG para que la mesa de gráficos la retoque.
	rutas, err := g.SaveAll(salida, "proveedores")
	if err != nil {
		return err
	}
	for _, ruta := range rutas {
		w.linea("Gráfica guardada: %s", ruta)
	}
	return nil
}

// enPesos deja sólo los contratos en pesos mexicanos.
func enPesos(df dataframe.DataFrame) dataframe.DataFrame {
	return df.Filter(dataframe.F{Colname: "MONEDA", Comparator: series.Eq, Comparando: "MXN"})
}

// variantes escribe las grafías de un grupo con su número de contratos.
func variantes(c clean.Cluster) string {
	var partes []string
	for _, v := range c.Values {
		partes = append(partes, fmt.Sprintf("%q ×%d", v.Value, v.Count))
	}
	return strings.Join(partes, ", ")
}

func cambiadas(r clean.Report) int {
	n := 0
	for _, c := range r.Columns {
		n += c.Changed
	}
	return n
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
