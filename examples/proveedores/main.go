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
	"path/filepath"
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

// Las dos muestras de Compranet (399 contratos cada una).
var muestras = []string{
	"data/compranet_contratos_2010_2012_muestra.csv",
	"data/compranet_contratos_2014_muestra.csv",
}

// La lista de la SFP, ya sin forma jurídica y en mayúsculas.
const sancionadas = "data/sfp_empresas_sancionadas_nombres.csv"

const proveedor = "PROVEEDOR_CONTRATISTA"

// fuentes dice, archivo por archivo, lo que el registro de cifras necesita
// saber y el archivo no dice (como lo cuenta data/README.md).
var fuentes = map[string][]ledger.SourceOption{
	muestras[0]: compranet("https://raw.githubusercontent.com/procurement-analytics/compranet-data/9d97e6275cf2a3add32c44e33222e40ff8721fff/data/sample/sample_Contratos2010_2012_150514080257.csv"),
	muestras[1]: compranet("https://raw.githubusercontent.com/procurement-analytics/compranet-data/9d97e6275cf2a3add32c44e33222e40ff8721fff/data/sample/sample_Contratos2014_150514075704.csv"),
	sancionadas: {
		ledger.SourceURL("https://raw.githubusercontent.com/mxvscorrupcion/pemex_contrataciones/6c5e44aa29bf7f7d1bc17f376fd11eb3d146d55d/data/processed/lista_empresas_sancionadas.csv"),
		ledger.Publisher("Secretaría de la Función Pública (SFP), Directorio de proveedores y contratistas sancionados"),
		ledger.Processed("mxvscorrupcion/pemex_contrataciones quitó las formas jurídicas, pasó los nombres a mayúsculas y dejó sólo el nombre (sin RFC, sin dependencia que sancionó, sin fechas de la sanción)"),
		ledger.Retrieved("2026-11-28"), ledger.License("Términos de Libre Uso MX"),
	},
}

func compranet(url string) []ledger.SourceOption {
	return []ledger.SourceOption{ledger.SourceURL(url),
		ledger.Publisher("Secretaría de Hacienda y Crédito Público (SHCP) y Secretaría de la Función Pública (SFP), Compranet, datos abiertos «Contratos»"),
		ledger.Processed("muestra de 399 filas del archivo oficial (que tiene cientos de miles), escrita como CSV UTF-8 con las 39 columnas de Compranet por procurement-analytics/compranet-data; el repositorio no dice cómo eligió las filas"),
		ledger.CutDate("2015-05-14"), ledger.Retrieved("2026-11-28"), ledger.License("Términos de Libre Uso MX")}
}

// Lo que acompaña a las cifras de esta historia.
var (
	periodo = ledger.Period("muestras de 2010–2012 y de 2014")
	muestra = ledger.Caveat("Muestras de 399 contratos por archivo, elegidas por un tercero sin decir cómo: enseñan el método, no describen todo Compranet.")
	pista   = ledger.Caveat("Un nombre parecido al de una empresa sancionada es una pista, no un hallazgo: falta confirmar RFC, domicilio y fechas de la sanción.")
)

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
	// El registro de cifras anota archivos, pasos y cada cifra publicada;
	// los hallazgos se escriben desde él.
	l := ledger.New("Un proveedor, muchos nombres: concentración de proveedores y cruce con la lista de sancionadas de la SFP")

	// 1. Leer los contratos (sólo las columnas que usamos) y la lista SFP.
	w.titulo("1. Los datos")
	var partes []dataframe.DataFrame
	repetidas, sinProveedor := 0, 0 // filas quitadas
	for _, ruta := range muestras {
		// Se leen las 39 columnas para reconocer filas repetidas exactas
		// (el mismo contrato copiado dos veces cuenta doble) y se quitan,
		// junto con los contratos sin proveedor ("---", que no es un
		// nombre); luego se eligen las columnas que usamos.
		df, err := leer(w, l, ruta, "Compranet (SHCP/SFP), muestra de 399 contratos")
		if err != nil {
			return err
		}
		df, dedupe, err := clean.Dedupe(df)
		if err != nil {
			return err
		}
		w.bloque(dedupe.String())
		l.Step("filas repetidas exactas quitadas, "+ruta, dedupe)
		sinNombre := df.Filter(dataframe.F{Colname: proveedor, Comparator: series.Eq, Comparando: "---"}).Nrow()
		repetidas += len(dedupe.RemovedRows)
		sinProveedor += sinNombre
		df = df.Filter(dataframe.F{Colname: proveedor, Comparator: series.Neq, Comparando: "---"}).
			Select([]string{proveedor, "IMPORTE_CONTRATO", "MONEDA"})
		if df.Err != nil {
			return df.Err
		}
		w.linea("Contratos con proveedor \"---\" (sin nombre), fuera: %d.", sinNombre)
		l.Step("contratos sin proveedor quitados, "+ruta, nota(fmt.Sprintf("Contratos con proveedor \"---\" (sin nombre), fuera: %d.", sinNombre)))
		partes = append(partes, df)
	}
	contratos, union, err := clean.Bind(partes...)
	if err != nil {
		return err
	}
	w.bloque(union.String())
	l.Step("las dos muestras apiladas", union)
	sfp, err := leer(w, l, sancionadas, "SFP, Directorio de proveedores y contratistas sancionados (procesado por mxvscorrupcion)")
	if err != nil {
		return err
	}
	excluidas := ledger.Caveat(fmt.Sprintf("Se excluyeron %d filas repetidas exactas (contarían doble) y %d contratos sin proveedor («---»).", repetidas, sinProveedor))
	if err := l.Figure("contratos", float64(contratos.Nrow()), ledger.Unit("contratos"), periodo, muestra, excluidas,
		ledger.Definition("contratos de las dos muestras, sin filas repetidas exactas ni proveedor «---»")); err != nil {
		return err
	}
	if err := l.Figure("nombres_sfp", float64(sfp.Nrow()), ledger.Unit("nombres"),
		ledger.Definition("nombres de empresas en la lista de sancionadas de la SFP (copia procesada)")); err != nil {
		return err
	}
	if err := w.render(l, `{{cifra "contratos"}} contratos; {{cifra "nombres_sfp"}} nombres en la lista de sancionadas.`); err != nil {
		return err
	}
	w.linea("Son MUESTRAS: las cifras enseñan el método, no describen todo Compranet.")

	// Limpieza de texto: espacios repetidos, Unicode NFC, mojibake.
	contratos, texto, err := clean.Text(contratos, proveedor)
	if err != nil {
		return err
	}
	w.bloque(texto.String())
	l.Step("limpieza de texto de los nombres", texto)

	// 2. Variantes del mismo nombre. Fingerprint junta los nombres que sólo
	// difieren en mayúsculas, acentos, puntuación, orden de palabras o forma
	// jurídica ("S.A. de C.V." = "SA DE CV"): se aplican sin más.
	w.titulo("2. Un proveedor, muchos nombres")
	nombres, err := clean.ColumnValues(contratos, proveedor)
	if err != nil {
		return err
	}
	huellas := clean.Clusters(nombres, clean.Fingerprint)
	if err := l.Figure("proveedores_con_variantes", float64(len(huellas)), ledger.Unit("proveedores"), periodo, muestra,
		ledger.Definition("proveedores escritos de más de una manera que sólo difieren en mayúsculas, acentos, puntuación, orden de palabras o forma jurídica (clean.Fingerprint)")); err != nil {
		return err
	}
	if err := w.render(l, `Fingerprint encontró {{cifra "proveedores_con_variantes"}} proveedores escritos de más de una manera:`); err != nil {
		return err
	}
	grupos := ""
	for _, c := range huellas {
		grupos += fmt.Sprintf("  %-55s ← %s\n", c.Canonical, variantes(c))
	}
	w.bloque(grupos)
	fusionados, aplicar, err := clean.ApplyClusters(contratos, proveedor, huellas)
	if err != nil {
		return err
	}
	w.linea("Celdas cambiadas: %d.", cambiadas(aplicar))
	l.Step("variantes fusionadas (Fingerprint)", nota(grupos+aplicar.String()))

	// Nearest (distancia de edición) encuentra erratas ("ORDOÑES" y
	// "ORDOÑEZ"), pero también puede juntar empresas distintas: sus grupos
	// NO se aplican solos; se listan para revisarlos a mano.
	nombres, err = clean.ColumnValues(fusionados, proveedor)
	if err != nil {
		return err
	}
	cercanos := clean.Clusters(nombres, clean.Nearest)
	propuestos := fmt.Sprintf("Nearest propone %d grupos más (revisar a mano antes de fusionar):\n", len(cercanos))
	for _, c := range cercanos {
		propuestos += fmt.Sprintf("  distancia %d: %s\n", c.Distance, variantes(c))
	}
	w.bloque(propuestos)
	l.Step("grupos de Nearest (no se aplican en los hallazgos)", nota(propuestos))
	revisados, _, err := clean.ApplyClusters(fusionados, proveedor, cercanos)
	if err != nil {
		return err
	}

	// 3. Concentración antes y después de fusionar variantes.
	w.titulo("3. Concentración de proveedores")
	otraMoneda := contratos.Nrow() - enPesos(contratos).Nrow()
	soloPesos := ledger.Caveat(fmt.Sprintf("Importes sólo de contratos en pesos: %d contratos en otra moneda quedan fuera de las sumas.", otraMoneda))
	for _, etapa := range []struct {
		id, nombre string
		df         dataframe.DataFrame
	}{
		{"crudos", "nombres tal como vienen (espacios limpios)", contratos},
		{"fusionados", "tras fusionar variantes (Fingerprint)", fusionados},
		{"nearest", "si además se aceptan los grupos de Nearest", revisados},
	} {
		c, err := concentracion(etapa.df)
		if err != nil {
			return err
		}
		como := " (" + etapa.nombre + ")"
		for _, f := range []struct {
			nombre string
			valor  float64
			o      []ledger.Option
		}{
			{"proveedores_distintos_" + etapa.id, float64(c.distintos), []ledger.Option{ledger.Unit("proveedores"),
				ledger.Definition("nombres de proveedor distintos" + como)}},
			{"pct_contratos_top10_" + etapa.id, 100 * c.contratosTop / c.contratosTotal, []ledger.Option{ledger.Unit("%"), ledger.Decimals(1),
				ledger.Ratio(c.contratosTop, c.contratosTotal), ledger.N(c.contratosTotal),
				ledger.Definition("contratos de los 10 proveedores con más contratos entre todos los contratos" + como)}},
			{"pct_importe_top10_" + etapa.id, 100 * c.importeTop / c.importeTotal, []ledger.Option{ledger.Unit("%"), ledger.Decimals(1),
				ledger.Ratio(c.importeTop, c.importeTotal), ledger.N(float64(c.contratosPesos)), soloPesos,
				ledger.Definition("importe de los 10 proveedores con más importe entre el importe de todos los contratos en pesos" + como)}},
		} {
			if err := l.Figure(f.nombre, f.valor, append(f.o, periodo, muestra, excluidas)...); err != nil {
				return err
			}
		}
		t, err := l.Render(`{{cifra "proveedores_distintos_` + etapa.id + `"}}` + "\t" +
			`{{cifra "pct_contratos_top10_` + etapa.id + `"}}` + "\t" + `{{cifra "pct_importe_top10_` + etapa.id + `"}}`)
		if err != nil {
			return err
		}
		v := strings.Split(t, "\t")
		w.linea("%-48s %3s proveedores distintos; los 10 mayores tienen %s de los contratos y %s del importe",
			etapa.nombre+":", v[0], v[1], v[2])
	}
	if err := l.Figure("contratos_otra_moneda", float64(otraMoneda), ledger.Unit("contratos"), periodo, muestra,
		ledger.Definition("contratos en una moneda distinta del peso, fuera de las sumas de importe")); err != nil {
		return err
	}
	if err := w.render(l, `(Importes sólo de contratos en pesos: {{cifra "contratos_otra_moneda"}} contratos en otra moneda quedan fuera de las sumas.)`); err != nil {
		return err
	}

	// 4. Cruce con la lista de la SFP.
	w.titulo("4. ¿Algún proveedor está en la lista de sancionadas?")
	pistas, err := cruzar(w, l, fusionados, sfp)
	if err != nil {
		return err
	}

	// 5. Gráfica: los 10 mayores proveedores por importe, ya fusionados.
	w.titulo("5. Gráfica")
	if err := graficar(w, l, fusionados, pistas, *salida); err != nil {
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

// nota es el texto de un paso que no tiene reporte propio.
type nota string

func (n nota) String() string { return string(n) }

// leer lee un CSV incrustado, imprime su procedencia y el reporte de
// lectura, y anota los dos en el registro de cifras.
func leer(w *escritor, l *ledger.Ledger, ruta, fuente string, opts ...fetch.Option) (dataframe.DataFrame, error) {
	b, err := datos.ReadFile(ruta)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	w.linea("%s (%s)", ruta, fuente)
	res := fetch.Describe(ruta, b)
	w.linea("  %d bytes, SHA-256 %s", res.Size, res.SHA256)
	if err := l.SourceWith(res, fuente, fuentes[ruta]...); err != nil {
		return dataframe.DataFrame{}, err
	}
	var rep fetch.Report
	opts = append(opts, fetch.Source(ruta), fetch.WithReport(&rep))
	df, err := fetch.ReadCSV(bytes.NewReader(b), opts...)
	if err != nil {
		return df, err
	}
	w.bloque(rep.String())
	l.Step("lectura de "+ruta, rep)
	return df, nil
}

type medida struct {
	distintos, contratosPesos    int
	contratosTop, contratosTotal float64
	importeTop, importeTotal     float64
}

// concentracion cuenta proveedores distintos y cuánto suman los 10 mayores
// en número de contratos y en importe (contratos en pesos), con los totales.
func concentracion(df dataframe.DataFrame) (medida, error) {
	var m medida
	porProveedor, err := analyze.GroupBy(df, proveedor).Agg(analyze.Count().As("contratos"))
	if err != nil {
		return m, err
	}
	m.distintos = porProveedor.Nrow()
	if m.contratosTop, m.contratosTotal, err = sumaTop10(porProveedor, "contratos"); err != nil {
		return m, err
	}
	pesos := enPesos(df)
	m.contratosPesos = pesos.Nrow()
	m.importeTop, m.importeTotal, err = sumaTop10(pesos, "IMPORTE_CONTRATO")
	return m, err
}

// sumaTop10 suma col de los 10 mayores y de todos.
func sumaTop10(df dataframe.DataFrame, col string) (top, total float64, err error) {
	t, err := analyze.TopN(df, proveedor, col, 10)
	if err != nil {
		return 0, 0, err
	}
	valores := t.Col(col).Float()
	for i, nombre := range t.Col(proveedor).Records() {
		total += valores[i]
		if nombre != analyze.OtherLabel {
			top += valores[i]
		}
	}
	if total == 0 {
		return 0, 0, fmt.Errorf("%s: la suma de %s es cero", proveedor, col)
	}
	return top, total, nil
}

// cruzar busca los proveedores en la lista SFP. clean.Join sobre la
// «huella» de cada nombre (sin forma jurídica, mayúsculas, acentos ni orden
// de palabras) da el reporte del cruce; clean.MatchNames dice cómo se hizo
// cada coincidencia: exacta, plegada, por huella o difusa (con su distancia
// de edición), y qué parecidos cercanos no se aceptaron.
func cruzar(w *escritor, l *ledger.Ledger, contratos, sfp dataframe.DataFrame) ([]string, error) {
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
	l.Step("cruce por huella con la lista de la SFP", rep)

	nombres, err := clean.ColumnValues(prov, proveedor)
	if err != nil {
		return nil, err
	}
	lista, err := clean.ColumnValues(sfp, "empresa_sancionada")
	if err != nil {
		return nil, err
	}
	pistas, cercanos := clean.MatchNames(nombres, lista, 3)
	var encontrados []string
	porTipo := map[clean.MatchKind]int{}
	lineas := ""
	for _, p := range pistas {
		lineas += fmt.Sprintf("  %s  ~  %s  [%s]\n", p.Left, p.Right, como(p))
		encontrados = append(encontrados, p.Left)
		porTipo[p.How]++
	}
	for _, c := range []struct {
		nombre, def string
		n           int
	}{
		{"pistas_sfp", "proveedores de la muestra cuyo nombre coincide con uno de la lista de la SFP (clean.MatchNames)", len(pistas)},
		{"pistas_exactas", "coincidencias exactas", porTipo[clean.MatchExact]},
		{"pistas_plegadas", "coincidencias sin mayúsculas, acentos ni puntuación", porTipo[clean.MatchFolded]},
		{"pistas_por_huella", "coincidencias por huella: sin forma jurídica, acentos ni orden de palabras", porTipo[clean.MatchFingerprint]},
		{"pistas_difusas", "coincidencias por distancia de edición", porTipo[clean.MatchFuzzy]},
	} {
		if err := l.Figure(c.nombre, float64(c.n), ledger.Unit("proveedores"), ledger.Small(false), periodo, muestra, pista,
			ledger.Definition(c.def)); err != nil {
			return nil, err
		}
	}
	if err := w.render(l, `Pistas ({{cifra "pistas_sfp"}} proveedores de la muestra cuyo nombre se parece a uno de la lista SFP):`); err != nil {
		return nil, err
	}
	w.bloque(lineas)
	if err := w.render(l, `Exactas: {{cifra "pistas_exactas"}}; plegadas: {{cifra "pistas_plegadas"}}; por huella: {{cifra "pistas_por_huella"}}; difusas: {{cifra "pistas_difusas"}}.`); err != nil {
		return nil, err
	}
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
func graficar(w *escritor, l *ledger.Ledger, df dataframe.DataFrame, pistas []string, salida string) error {
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
	if err := l.Figure("top10_con_nombre_sancionado", float64(len(resaltar)), ledger.Unit("de los 10 mayores proveedores"), ledger.Small(false),
		periodo, muestra, pista,
		ledger.Definition("proveedores entre los 10 con más importe en pesos (variantes fusionadas) cuyo nombre coincide con uno de la lista de la SFP (título de la gráfica)")); err != nil {
		return err
	}
	titulo, err := l.Render(`{{cifra "top10_con_nombre_sancionado"}} de los 10 mayores proveedores de la muestra tienen el nombre de una empresa sancionada: una pista, no un hallazgo`)
	if err != nil {
		return err
	}
	opciones := []chart.Option{
		chart.Title(titulo),
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
	if s = strings.TrimRight(s, "\n"); s != "" {
		fmt.Fprintln(e.w, s)
	}
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
