// Pesos constantes: el presupuesto federal en pesos de hoy.
//
// Lee los totales de la Cuenta Pública por ramo, 2013 a 2023 (SHCP), elige
// una etapa del presupuesto (el gasto ejercido), los convierte a pesos de
// 2023 con el INPC de INEGI y compara el cambio nominal con el real, para el
// total y para los ramos más grandes. Guarda una gráfica de líneas (pesos de
// cada año contra pesos de 2023) y una de pendiente por ramo.
//
//	go run ./examples/pesos-constantes
//	go run ./examples/pesos-constantes -salida /tmp/graficas
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

//go:embed data/*.csv
var datos embed.FS

const (
	archivoCuenta = "data/shcp_cuenta_publica_totales_ramo_2013_2023.csv"
	archivoINPC   = "data/inegi_inpc_mensual_1969_2024.csv"

	etapa   = "Ejercicio" // la etapa del presupuesto que se analiza
	desde   = "2013"
	hasta   = "2023"
	base    = "2023" // pesos de 2023: promedio anual del INPC
	nRamos  = 6      // los ramos más grandes que se comparan
	milMill = 1e9    // mil millones de pesos
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pesos-constantes:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("pesos-constantes", flag.ContinueOnError)
	salida := flags.String("salida", "salida/", "carpeta donde se guardan las gráficas (PNG y SVG)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	p := func(format string, a ...any) { fmt.Fprintf(stdout, format, a...) }
	mm := func(pesos float64) string { return chart.Format{Decimals: 1}.Format(pesos/milMill) + " mil millones" }
	pct := func(x float64) string { return chart.Format{Decimals: 1}.Format(x) + "%" }
	p("El presupuesto en pesos de hoy: Cuenta Pública %s–%s\n\n", desde, hasta)

	// 1. Leer la Cuenta Pública y el INPC.
	p("Datos usados:\n")
	var repCuenta fetch.Report
	cuenta, err := leer(stdout, archivoCuenta, "SHCP, Cuenta Pública, gasto por ramo (totales)", &repCuenta)
	if err != nil {
		return err
	}
	tablaINPC, err := leer(stdout, archivoINPC, "INEGI, Índice Nacional de Precios al Consumidor, mensual", nil)
	if err != nil {
		return err
	}
	p("\nCómo se leyó la Cuenta Pública:\n%s", sangria(repCuenta.String()))
	cuenta = clean.Names(cuenta) // CICLO → ciclo, GC_GASTO_DE_OPERACIÓN → gc_gasto_de_operacion

	// 2. Las cuatro etapas del presupuesto vienen apiladas en una columna.
	// Aprobado es lo que aprobó la Cámara; Modificado, con las adecuaciones
	// del año; Devengado y Ejercicio, lo que de verdad se gastó.
	etapas, err := analyze.GroupBy(filtrar(cuenta, "ciclo", series.Eq, hasta), "presupuesto").Agg(analyze.Sum("total"))
	if err != nil {
		return err
	}
	p("\nLas cuatro etapas del presupuesto en %s (suma de los ramos, pesos de ese año):\n", hasta)
	nombres, sumas := etapas.Col("presupuesto").Records(), etapas.Col("total_sum").Float()
	for i := range nombres {
		p("  %-11s %s de pesos\n", nombres[i], mm(sumas[i]))
	}
	p("  Se usa %q: el gasto que la Cuenta Pública reporta como ejercido. Aprobado\n"+
		"  es lo que autorizó la Cámara, no gasto.\n", etapa)
	if err := compararDevengado(p, cuenta); err != nil {
		return err
	}
	gasto := filtrar(cuenta, "presupuesto", series.Eq, etapa)
	if gasto.Err != nil {
		return gasto.Err
	}
	if gasto.Nrow() == 0 {
		return fmt.Errorf("%s: no hay filas con PRESUPUESTO %q", archivoCuenta, etapa)
	}

	// 3. Pesos constantes: monto × INPC(2023) / INPC(año del monto), con el
	// promedio anual del índice porque los montos son anuales.
	inpc, err := analyze.PriceIndexFromFrame(tablaINPC, "Fecha", "IPC")
	if err != nil {
		return err
	}
	gasto, deflactado, err := analyze.Deflate(gasto, "total", "ciclo", inpc, base)
	if err != nil {
		return err
	}
	p("\nPesos constantes de %s (promedio anual del INPC, base 2a quincena de julio de 2018 = 100):\n%s", base, sangria(deflactado.String()))

	// 4. El total por año, nominal y real.
	anual, err := analyze.GroupBy(gasto, "ciclo").Sorted().Agg(
		analyze.Sum("total").As("nominal"), analyze.Sum("total_real").As("real"))
	if err != nil {
		return err
	}
	nominal, _, err := analyze.ChangeBetween(anual, "nominal", "ciclo", desde, hasta)
	if err != nil {
		return err
	}
	real, _, err := analyze.ChangeBetween(anual, "real", "ciclo", desde, hasta)
	if err != nil {
		return err
	}
	nom0, nom1 := nominal.Col("nominal_" + desde).Float()[0], nominal.Col("nominal_" + hasta).Float()[0]
	real0 := real.Col("real_" + desde).Float()[0]
	cambioNominal, cambioReal := nominal.Col("pct_change").Float()[0], real.Col("pct_change").Float()[0]

	p("\nHallazgos (gasto ejercido, suma de los ramos de la Cuenta Pública):\n")
	p("  Total %s: %s de pesos de ese año = %s de pesos de %s.\n", desde, mm(nom0), mm(real0), base)
	p("  Total %s: %s de pesos.\n", hasta, mm(nom1))
	p("  Cambio %s→%s: nominal %s, real %s.\n", desde, hasta, pct(cambioNominal), pct(cambioReal))
	p("  La inflación explica %s de cada 100 pesos del aumento nominal.\n",
		chart.Format{Decimals: chart.Whole}.Format(100*(real0-nom0)/(nom1-nom0)))

	// 5. Un ramo debería aparecer una vez por año. En esta copia procesada el
	// Consejo de la Judicatura Federal aparece dos veces en algunos años:
	// se listan los duplicados y se suman por ramo y año antes de comparar.
	dup, err := clean.Duplicates(gasto, "ciclo", "ramo")
	if err != nil {
		return err
	}
	if dup.Nrow() > 0 {
		p("\n  Ojo: %d filas repiten ramo y año (se suman por ramo y año):\n", dup.Nrow())
		c, n, t := dup.Col("ciclo").Records(), dup.Col("ramo").Records(), dup.Col("total").Float()
		for i := range c {
			p("    %s  %s  %s de pesos\n", c[i], n[i], mm(t[i]))
		}
	}
	porRamo, err := analyze.GroupBy(gasto, "ramo", "ciclo").Agg(
		analyze.Sum("total").As("total"), analyze.Sum("total_real").As("total_real"))
	if err != nil {
		return err
	}

	// 6. Los ramos más grandes en el último año, en pesos constantes.
	ramos, _, err := analyze.ChangeBetween(porRamo, "total_real", "ciclo", desde, hasta, "ramo")
	if err != nil {
		return err
	}
	ramosNom, _, err := analyze.ChangeBetween(porRamo, "total", "ciclo", desde, hasta, "ramo")
	if err != nil {
		return err
	}
	cambioNominalDe := map[string]float64{}
	pctNominal := ramosNom.Col("pct_change").Float()
	for i, n := range ramosNom.Col("ramo").Records() {
		cambioNominalDe[n] = pctNominal[i]
	}
	var sinComparar []string // ramos que no existen en los dos años
	notas := ramos.Col("note").Records()
	for i, n := range ramos.Col("ramo").Records() {
		if notas[i] == analyze.NoteMissing {
			sinComparar = append(sinComparar, n)
		}
	}
	anios := aniosPorRamo(porRamo)
	ramos = ramos.Arrange(dataframe.RevSort("total_real_" + hasta)).Subset(seq(nRamos))
	if ramos.Err != nil {
		return ramos.Err
	}
	p("\n  Los %d ramos con más gasto en %s (en pesos de %s):\n", nRamos, hasta, base)
	r, r0, r1, rp := ramos.Col("ramo").Records(), ramos.Col("total_real_"+desde).Float(), ramos.Col("total_real_"+hasta).Float(), ramos.Col("pct_change").Float()
	peor := 0 // el ramo grande al que peor le fue en términos reales
	for i := range r {
		p("  %d. %s\n       %s: %s → %s: %s; cambio real %s (nominal %s)\n", i+1, r[i],
			desde, mm(r0[i]), hasta, mm(r1[i]), pct(rp[i]), pct(cambioNominalDe[r[i]]))
		if rp[i] < rp[peor] {
			peor = i
		}
	}
	// Un ramo sin gasto en uno de los dos años no se compara. Se listan por
	// separado los que sólo existen en el primer año, los que sólo existen
	// en el último y los que no existen en ninguno de los dos (aparecen en
	// años intermedios).
	var soloDesde, soloHasta, ninguno []string
	for _, n := range sinComparar {
		switch a := anios[n]; {
		case a[desde] && !a[hasta]:
			soloDesde = append(soloDesde, n)
		case a[hasta] && !a[desde]:
			soloHasta = append(soloHasta, n)
		default:
			ninguno = append(ninguno, n)
		}
	}
	p("  No se comparan %d ramos: no tienen gasto con ese nombre en los dos años.\n", len(sinComparar))
	for _, g := range []struct {
		que   string
		lista []string
	}{
		{"Sólo en " + desde, soloDesde},
		{"Sólo en " + hasta, soloHasta},
		{"Ni en " + desde + " ni en " + hasta + " (sólo en años intermedios)", ninguno},
	} {
		if len(g.lista) == 0 {
			continue
		}
		p("    %s (%d):\n", g.que, len(g.lista))
		for _, n := range g.lista {
			p("      - %s\n", n)
		}
	}
	p("  Ojo: los programas cambian de ramo de un año a otro (se crean ramos, se\n" +
		"  fusionan, se pasan programas de uno a otro). El cambio de un ramo no dice\n" +
		"  sólo si se gastó más o menos en lo mismo: revise su historia antes de titular.\n")

	// 7. Gráficas: el total nominal contra el real, y la pendiente de los
	// ramos más grandes en pesos constantes (en miles de millones, con
	// nombres cortos para que quepan).
	largo, err := clean.Longer(anual.Rename("Pesos de cada año", "nominal").Rename("Pesos de "+base, "real"),
		[]string{"ciclo"}, "serie", "pesos")
	if err != nil {
		return err
	}
	lineas, err := chart.Line(largo, "ciclo", "pesos", chart.Series("serie"),
		chart.Title(fmt.Sprintf("Descontada la inflación, el gasto creció %s y no %s", pct(cambioReal), pct(cambioNominal))),
		chart.Subtitle(fmt.Sprintf("Gasto ejercido de los ramos federales, %s–%s, en pesos", desde, hasta)),
		chart.Highlight("Pesos de "+base),
		chart.Abbreviate(),
		chart.Note(fmt.Sprintf("Pesos de %s: deflactado con el promedio anual del INPC. Suma de los ramos de la Cuenta Pública.", base)),
		chart.Source("SHCP, Cuenta Pública; INEGI, INPC."))
	if err != nil {
		return err
	}
	graf := ramos.Select([]string{"ramo"}).
		Mutate(series.New(dividir(r0, milMill), series.Float, desde)).
		Mutate(series.New(dividir(r1, milMill), series.Float, hasta))
	if graf.Err != nil {
		return graf.Err
	}
	graf, _, err = clean.Recode(graf, "ramo", nombresCortos)
	if err != nil {
		return err
	}
	corto := graf.Col("ramo").Records()[peor]
	pendiente, err := chart.Slope(graf, "ramo", desde, hasta,
		chart.Title(titularRamo(corto, rp[peor], desde)),
		chart.Subtitle(fmt.Sprintf("Gasto ejercido de los %d ramos más grandes, miles de millones de pesos de %s", nRamos, base)),
		chart.Highlight(corto),
		chart.Decimals(0),
		chart.Note(fmt.Sprintf("Pesos de %s: deflactado con el promedio anual del INPC.", base)),
		chart.Note("Los programas cambian de ramo de un año a otro: el cambio de un ramo no mide sólo más o menos gasto en lo mismo."),
		chart.Source("SHCP, Cuenta Pública; INEGI, INPC."))
	if err != nil {
		return err
	}
	p("\nGráficas:\n")
	if err := guardar(stdout, lineas, *salida, "gasto_nominal_vs_real"); err != nil {
		return err
	}
	return guardar(stdout, pendiente, *salida, "ramos_pesos_constantes")
}

// compararDevengado imprime cuánto difieren Devengado y Ejercicio (la suma
// de los ramos, año por año) y cuánto cambiaría el hallazgo con la otra
// etapa: la elección de etapa es una decisión que se dice, no se esconde.
func compararDevengado(p func(string, ...any), cuenta dataframe.DataFrame) error {
	sumas, err := analyze.GroupBy(cuenta, "ciclo", "presupuesto").Sorted().Agg(analyze.Sum("total").As("total"))
	if err != nil {
		return err
	}
	dev, ej := map[string]float64{}, map[string]float64{}
	c, e, t := sumas.Col("ciclo").Records(), sumas.Col("presupuesto").Records(), sumas.Col("total").Float()
	var anios []string
	for i := range c {
		switch e[i] {
		case "Devengado":
			dev[c[i]] = t[i]
		case "Ejercicio":
			ej[c[i]] = t[i]
			anios = append(anios, c[i])
		}
	}
	peor, anioPeor := 0.0, ""
	for _, a := range anios {
		if d := 100 * (dev[a] - ej[a]) / ej[a]; anioPeor == "" || d > peor {
			peor, anioPeor = d, a
		}
	}
	f2 := chart.Format{Decimals: 2}
	p("  Devengado contra Ejercicio (suma de los ramos): la mayor diferencia es de %s%% (%s);\n"+
		"  en %s, %s%%; en %s, %s%%. Con Devengado, el cambio nominal %s→%s sería %s%%\n"+
		"  (con Ejercicio, %s%%): la elección no cambia el hallazgo.\n",
		f2.Format(peor), anioPeor, desde, f2.Format(100*(dev[desde]-ej[desde])/ej[desde]),
		hasta, f2.Format(100*(dev[hasta]-ej[hasta])/ej[hasta]), desde, hasta,
		f2.Format(100*(dev[hasta]/dev[desde]-1)), f2.Format(100*(ej[hasta]/ej[desde]-1)))
	return nil
}

// aniosPorRamo dice en qué años tiene gasto cada ramo.
func aniosPorRamo(porRamo dataframe.DataFrame) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	r, c, t := porRamo.Col("ramo").Records(), porRamo.Col("ciclo").Records(), porRamo.Col("total").Float()
	for i := range r {
		if out[r[i]] == nil {
			out[r[i]] = map[string]bool{}
		}
		if !math.IsNaN(t[i]) {
			out[r[i]][c[i]] = true
		}
	}
	return out
}

// nombresCortos acorta los nombres oficiales largos para las etiquetas.
var nombresCortos = map[string]string{
	"Participaciones a Entidades Federativas y Municipios":           "Participaciones",
	"Aportaciones Federales para Entidades Federativas y Municipios": "Aportaciones federales",
	"Aportaciones a Seguridad Social":                                "Seguridad social",
	"Provisiones Salariales y Económicas":                            "Provisiones salariales",
	"Infraestructura, Comunicaciones y Transportes":                  "Comunicaciones y transportes",
}

// titularRamo escribe el título de la gráfica de pendiente.
func titularRamo(ramo string, cambio float64, desde string) string {
	if cambio < 0 {
		return fmt.Sprintf("%s gastó %s menos que en %s, descontada la inflación", ramo, chart.Format{Decimals: 1}.Format(-cambio)+"%", desde)
	}
	return fmt.Sprintf("%s creció sólo %s desde %s, descontada la inflación", ramo, chart.Format{Decimals: 1}.Format(cambio)+"%", desde)
}

// dividir divide cada valor entre d.
func dividir(v []float64, d float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x / d
	}
	return out
}

// leer lee un CSV incluido en el programa e imprime su procedencia.
func leer(stdout io.Writer, nombre, fuente string, rep *fetch.Report) (dataframe.DataFrame, error) {
	b, err := datos.ReadFile(nombre)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	r := fetch.Describe(nombre, b) // tamaño y huella SHA-256: identifican el archivo exacto
	fmt.Fprintf(stdout, "  %s\n    %s; %s bytes; SHA-256 %s\n", nombre, fuente, chart.Format{}.Format(float64(r.Size)), r.SHA256)
	opts := []fetch.Option{fetch.Source(nombre)}
	if rep != nil {
		opts = append(opts, fetch.WithReport(rep))
	}
	return fetch.ReadCSV(bytes.NewReader(b), opts...)
}

// filtrar deja las filas cuya columna cumple la comparación.
func filtrar(df dataframe.DataFrame, col string, cmp series.Comparator, valor any) dataframe.DataFrame {
	return df.Filter(dataframe.F{Colname: col, Comparator: cmp, Comparando: valor})
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
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
