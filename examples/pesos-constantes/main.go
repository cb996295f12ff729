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
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/ledger"
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

// fuentes dice, archivo por archivo, lo que el registro de cifras necesita
// saber y el archivo no dice (como lo cuenta data/README.md).
var fuentes = map[string][]ledger.SourceOption{
	archivoCuenta: {
		ledger.SourceURL("https://raw.githubusercontent.com/lapanquecita/cuenta-publica/c7f322ebb5043733a847f6e554d20622e40beefa/data_total.csv"),
		ledger.Publisher("Secretaría de Hacienda y Crédito Público (SHCP), Cuenta Pública"),
		ledger.Processed("el autor de lapanquecita/cuenta-publica leyó los tomos .xls oficiales de cada año y los juntó en un CSV con una fila por año, ramo y etapa, con sus propios nombres de columna; en 2021–2023 el Consejo de la Judicatura Federal aparece dos veces"),
		ledger.CutDate("2023"), ledger.Retrieved("2026-11-28"), ledger.License("Términos de Libre Uso MX"),
	},
	archivoINPC: {
		ledger.SourceURL("https://raw.githubusercontent.com/lapanquecita/cuenta-publica/c7f322ebb5043733a847f6e554d20622e40beefa/assets/IPC.csv"),
		ledger.Publisher("Instituto Nacional de Estadística y Geografía (INEGI), Índice Nacional de Precios al Consumidor"),
		ledger.Processed("sólo el índice general en dos columnas (Fecha, IPC), sin los encabezados ni las notas con que INEGI lo publica"),
		ledger.CutDate("2024-03"), ledger.Retrieved("2026-11-28"), ledger.License("Términos de Libre Uso de la Información del INEGI"),
	},
}

// Lo que acompaña a las cifras de esta historia.
var (
	ejercido      = ledger.Caveat("Gasto ejercido (etapa Ejercicio) de la Cuenta Pública, suma de los ramos; el Aprobado no es gasto.")
	deflactor     = ledger.Caveat("Pesos de " + base + ": deflactado con el promedio anual del INPC (base 2a quincena de julio de 2018 = 100).")
	cambianDeRamo = ledger.Caveat("Los programas cambian de ramo de un año a otro (se crean ramos, se fusionan, se pasan programas de uno a otro): el cambio de un ramo no mide sólo más o menos gasto en lo mismo.")
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
	titulo := fmt.Sprintf("El presupuesto en pesos de hoy: Cuenta Pública %s–%s", desde, hasta)
	p("%s\n\n", titulo)
	// El registro de cifras anota archivos, pasos y cada cifra publicada;
	// los hallazgos se escriben desde él.
	l := ledger.New(titulo)
	// cifra anota una cifra y devuelve su texto publicado.
	cifra := func(nombre string, valor float64, o ...ledger.Option) (string, error) {
		if err := l.Figure(nombre, valor, o...); err != nil {
			return "", err
		}
		return l.Render(`{{cifra "` + nombre + `"}}`)
	}
	enMM := []ledger.Option{ledger.Decimals(1)}
	enPct := []ledger.Option{ledger.Unit("%"), ledger.Decimals(1)}
	con := func(base []ledger.Option, o ...ledger.Option) []ledger.Option {
		return append(append([]ledger.Option{}, base...), o...)
	}

	// 1. Leer la Cuenta Pública y el INPC.
	p("Datos usados:\n")
	var repCuenta, repINPC fetch.Report
	cuenta, err := leer(stdout, l, archivoCuenta, "SHCP, Cuenta Pública, gasto por ramo (totales)", &repCuenta)
	if err != nil {
		return err
	}
	tablaINPC, err := leer(stdout, l, archivoINPC, "INEGI, Índice Nacional de Precios al Consumidor, mensual", &repINPC)
	if err != nil {
		return err
	}
	p("\nCómo se leyó la Cuenta Pública:\n%s", sangria(repCuenta.String()))
	l.Step("lectura de la Cuenta Pública", repCuenta)
	l.Step("lectura del INPC", repINPC)
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
		t, err := cifra("etapa_"+clean.NameString(nombres[i])+"_"+hasta, sumas[i]/milMill, con(enMM,
			ledger.Unit("mil millones de pesos de "+hasta), ledger.Period(hasta),
			ledger.Definition("suma de los ramos de la Cuenta Pública en la etapa "+nombres[i]))...)
		if err != nil {
			return err
		}
		p("  %-11s %s mil millones de pesos\n", nombres[i], t)
	}
	p("  Se usa %q: el gasto que la Cuenta Pública reporta como ejercido. Aprobado\n"+
		"  es lo que autorizó la Cámara, no gasto.\n", etapa)
	devengado, err := compararDevengado(p, l, cuenta)
	if err != nil {
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
	l.Step("pesos constantes de "+base+" (gasto ejercido)", deflactado)

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

	periodo := ledger.Period(desde + "–" + hasta)
	for _, c := range []struct {
		nombre string
		valor  float64
		o      []ledger.Option
	}{
		{"total_nominal_" + desde, nom0 / milMill, con(enMM, ledger.Unit("mil millones de pesos de "+desde), ledger.Period(desde), ejercido,
			ledger.Definition("gasto ejercido de todos los ramos en "+desde+", en pesos de ese año"))},
		{"total_real_" + desde, real0 / milMill, con(enMM, ledger.Unit("mil millones de pesos de "+base), ledger.Period(desde), ejercido, deflactor,
			ledger.Definition("gasto ejercido de todos los ramos en "+desde+", en pesos de "+base))},
		{"total_nominal_" + hasta, nom1 / milMill, con(enMM, ledger.Unit("mil millones de pesos de "+hasta), ledger.Period(hasta), ejercido,
			ledger.Definition("gasto ejercido de todos los ramos en "+hasta))},
		{"cambio_nominal", cambioNominal, con(enPct, ledger.Ratio(nom1-nom0, nom0), ledger.N(nom0), periodo, ejercido,
			ledger.Alternative("con la etapa Devengado en lugar de Ejercicio", devengado),
			ledger.Definition("cambio del gasto ejercido total de "+desde+" a "+hasta+" en pesos de cada año"))},
		{"cambio_real", cambioReal, con(enPct, ledger.Ratio(nom1-real0, real0), ledger.N(real0), periodo, ejercido, deflactor,
			ledger.Definition("cambio del gasto ejercido total de "+desde+" a "+hasta+" en pesos de "+base))},
		{"inflacion_de_cada_100", 100 * (real0 - nom0) / (nom1 - nom0), []ledger.Option{ledger.Decimals(0), ledger.Unit("de cada 100 pesos del aumento nominal"),
			ledger.Ratio(real0-nom0, nom1-nom0), ledger.N(nom1 - nom0), periodo, ejercido, deflactor,
			ledger.Definition("lo que el gasto de " + desde + " sube sólo por la inflación entre todo el aumento nominal, por 100")}},
	} {
		if err := l.Figure(c.nombre, c.valor, c.o...); err != nil {
			return err
		}
	}
	hallazgo, err := l.Render("\nHallazgos (gasto ejercido, suma de los ramos de la Cuenta Pública):\n" +
		"  Total " + desde + `: {{cifra "total_nominal_` + desde + `"}} mil millones de pesos de ese año = {{cifra "total_real_` + desde + `"}} mil millones de pesos de ` + base + ".\n" +
		"  Total " + hasta + `: {{cifra "total_nominal_` + hasta + `"}} mil millones de pesos.` + "\n" +
		"  Cambio " + desde + "→" + hasta + `: nominal {{cifra "cambio_nominal"}}, real {{cifra "cambio_real"}}.` + "\n" +
		`  La inflación explica {{cifra "inflacion_de_cada_100"}} de cada 100 pesos del aumento nominal.` + "\n")
	if err != nil {
		return err
	}
	p("%s", hallazgo)

	// 5. Un ramo debería aparecer una vez por año. En esta copia procesada el
	// Consejo de la Judicatura Federal aparece dos veces en algunos años:
	// se listan los duplicados y se suman por ramo y año antes de comparar.
	dup, err := clean.Duplicates(gasto, "ciclo", "ramo")
	if err != nil {
		return err
	}
	if dup.Nrow() > 0 {
		ojo := fmt.Sprintf("Ojo: %d filas repiten ramo y año (se suman por ramo y año):\n", dup.Nrow())
		c, n, t := dup.Col("ciclo").Records(), dup.Col("ramo").Records(), dup.Col("total").Float()
		for i := range c {
			ojo += fmt.Sprintf("  %s  %s  %s de pesos\n", c[i], n[i], mm(t[i]))
		}
		p("\n%s", sangria(ojo))
		l.Step("filas que repiten ramo y año, sumadas", ledger.Text(ojo))
	}
	repetidas := ledger.Caveat(fmt.Sprintf("En esta copia procesada %d filas repiten ramo y año (el Consejo de la Judicatura Federal en 2021–2023): se suman por ramo y año.", dup.Nrow()))
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
	idPeor := ""
	for i := range r {
		id := clean.NameString(r[i])
		var t [4]string
		for j, c := range []struct {
			nombre string
			valor  float64
			o      []ledger.Option
		}{
			{"real_" + desde + "_" + id, r0[i] / milMill, con(enMM, ledger.Unit("mil millones de pesos de "+base), ledger.Period(desde), deflactor,
				ledger.Definition("gasto ejercido del ramo "+r[i]+" en "+desde+", en pesos de "+base))},
			{"real_" + hasta + "_" + id, r1[i] / milMill, con(enMM, ledger.Unit("mil millones de pesos de "+base), ledger.Period(hasta),
				ledger.Definition("gasto ejercido del ramo "+r[i]+" en "+hasta))},
			{"cambio_real_" + id, rp[i], con(enPct, ledger.Ratio(r1[i]-r0[i], r0[i]), ledger.N(r0[i]), periodo, deflactor,
				ledger.Definition("cambio del gasto ejercido del ramo "+r[i]+" de "+desde+" a "+hasta+" en pesos de "+base))},
			{"cambio_nominal_" + id, cambioNominalDe[r[i]], con(enPct, periodo,
				ledger.Definition("cambio del gasto ejercido del ramo "+r[i]+" de "+desde+" a "+hasta+" en pesos de cada año"))},
		} {
			if t[j], err = cifra(c.nombre, c.valor, con(c.o, ejercido, cambianDeRamo, repetidas)...); err != nil {
				return err
			}
		}
		p("  %d. %s\n       %s: %s mil millones → %s: %s mil millones; cambio real %s (nominal %s)\n", i+1, r[i],
			desde, t[0], hasta, t[1], t[2], t[3])
		if rp[i] < rp[peor] || i == 0 {
			peor, idPeor = i, id
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
	sinComp, err := cifra("ramos_sin_comparar", float64(len(sinComparar)), ledger.Unit("ramos"), ledger.Small(false), periodo,
		ledger.Definition("ramos sin gasto con ese nombre en "+desde+" o en "+hasta), cambianDeRamo)
	if err != nil {
		return err
	}
	p("  No se comparan %s ramos: no tienen gasto con ese nombre en los dos años.\n", sinComp)
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
	tituloLineas, err := l.Render(`Descontada la inflación, el gasto creció {{cifra "cambio_real"}} y no {{cifra "cambio_nominal"}}`)
	if err != nil {
		return err
	}
	cambioPeor, err := l.Render(`{{cifra "cambio_real_` + idPeor + `"}}`)
	if err != nil {
		return err
	}
	lineas, err := chart.Line(largo, "ciclo", "pesos", chart.Series("serie"),
		chart.Title(tituloLineas),
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
		chart.Title(titularRamo(corto, cambioPeor, desde)),
		chart.Subtitle(fmt.Sprintf("Gasto ejercido de los %d ramos más grandes, miles de millones de pesos de %s", nRamos, base)),
		chart.Highlight(corto),
		chart.Decimals(0),
		chart.Note(fmt.Sprintf("Pesos de %s: deflactado con el promedio anual del INPC.", base)),
		chart.Note("Los programas cambian de ramo de un año a otro: el cambio de un ramo no mide sólo más o menos gasto en lo mismo."),
		chart.Source("SHCP, Cuenta Pública; INEGI, INPC."))
	if err != nil {
		return err
	}
	p("\nGráficas, cifras y nota metodológica:\n")
	if err := guardar(stdout, lineas, *salida, "gasto_nominal_vs_real"); err != nil {
		return err
	}
	if err := guardar(stdout, pendiente, *salida, "ramos_pesos_constantes"); err != nil {
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

// compararDevengado imprime cuánto difieren Devengado y Ejercicio (la suma
// de los ramos, año por año) y cuánto cambiaría el hallazgo con la otra
// etapa: la elección de etapa es una decisión que se dice, no se esconde.
func compararDevengado(p func(string, ...any), l *ledger.Ledger, cuenta dataframe.DataFrame) (cambioDevengado float64, err error) {
	sumas, err := analyze.GroupBy(cuenta, "ciclo", "presupuesto").Sorted().Agg(analyze.Sum("total").As("total"))
	if err != nil {
		return 0, err
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
	cambioDevengado = 100 * (dev[hasta]/dev[desde] - 1)
	dif := func(a string) ledger.Option { return ledger.Period(a) }
	for _, c := range []struct {
		nombre, def string
		valor       float64
		o           ledger.Option
	}{
		{"dif_devengado_max", "mayor diferencia anual entre Devengado y Ejercicio, en % del Ejercicio (" + anioPeor + ")", peor, dif(anioPeor)},
		{"dif_devengado_" + desde, "diferencia entre Devengado y Ejercicio en " + desde + ", en % del Ejercicio", 100 * (dev[desde] - ej[desde]) / ej[desde], dif(desde)},
		{"dif_devengado_" + hasta, "diferencia entre Devengado y Ejercicio en " + hasta + ", en % del Ejercicio", 100 * (dev[hasta] - ej[hasta]) / ej[hasta], dif(hasta)},
		{"cambio_nominal_devengado", "cambio nominal " + desde + "→" + hasta + " de la suma de los ramos en la etapa Devengado", cambioDevengado, ledger.Period(desde + "–" + hasta)},
		{"cambio_nominal_ejercicio", "cambio nominal " + desde + "→" + hasta + " de la suma de los ramos en la etapa Ejercicio", 100 * (ej[hasta]/ej[desde] - 1), ledger.Period(desde + "–" + hasta)},
	} {
		if err := l.Figure(c.nombre, c.valor, ledger.Unit("%"), ledger.Decimals(2), ledger.Small(false), c.o,
			ledger.Definition(c.def)); err != nil {
			return 0, err
		}
	}
	frase, err := l.Render(`  Devengado contra Ejercicio (suma de los ramos): la mayor diferencia es de {{cifra "dif_devengado_max"}} (` + anioPeor + ");\n" +
		"  en " + desde + `, {{cifra "dif_devengado_` + desde + `"}}; en ` + hasta + `, {{cifra "dif_devengado_` + hasta + `"}}. ` +
		"Con Devengado, el cambio nominal " + desde + "→" + hasta + ` sería {{cifra "cambio_nominal_devengado"}}` + "\n" +
		`  (con Ejercicio, {{cifra "cambio_nominal_ejercicio"}}): la elección no cambia el hallazgo.` + "\n")
	if err != nil {
		return 0, err
	}
	p("%s", frase)
	return cambioDevengado, nil
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

// titularRamo escribe el título de la gráfica de pendiente con el cambio
// real del ramo tal como se publica ("-8.1%").
func titularRamo(ramo, cambio, desde string) string {
	if menos, ok := strings.CutPrefix(cambio, "-"); ok {
		return fmt.Sprintf("%s gastó %s menos que en %s, descontada la inflación", ramo, menos, desde)
	}
	return fmt.Sprintf("%s creció sólo %s desde %s, descontada la inflación", ramo, cambio, desde)
}

// dividir divide cada valor entre d.
func dividir(v []float64, d float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x / d
	}
	return out
}

// leer lee un CSV incluido en el programa, imprime su procedencia y la
// anota en el registro de cifras.
func leer(stdout io.Writer, l *ledger.Ledger, nombre, fuente string, rep *fetch.Report) (dataframe.DataFrame, error) {
	b, err := datos.ReadFile(nombre)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	r := fetch.Describe(nombre, b) // tamaño y huella SHA-256: identifican el archivo exacto
	fmt.Fprintf(stdout, "  %s\n    %s; %s bytes; SHA-256 %s\n", nombre, fuente, chart.Format{}.Format(float64(r.Size)), r.SHA256)
	if err := l.SourceWith(r, fuente, fuentes[nombre]...); err != nil {
		return dataframe.DataFrame{}, err
	}
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
