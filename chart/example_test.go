package chart_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/internal/frame"
)

// Horizontal bars sorted by value, one state highlighted, the national rate
// as a reference line.
func ExampleBar() {
	df := homicideRates()
	ch, err := chart.Bar(df, "entidad", "tasa",
		chart.Title("Colima, la entidad con más carpetas por homicidio doloso por habitante"),
		chart.Subtitle("Carpetas de investigación por homicidio doloso por cada 100 mil habitantes, enero–marzo de 2026"),
		chart.Highlight("Colima"),
		chart.RefLine(nationalRate, "Nacional"),
		chart.Note("Nota: carpetas de investigación. Población a mitad de año."),
		chart.Source("SESNSP, incidencia delictiva estatal; CONAPO, proyecciones de población"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/bar.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Report())
	// Output:
	// chart bar: 32 of 32 rows drawn
}

// A monthly series: ISO months on x, Spanish month ticks, the last value
// labelled at the line end.
func ExampleLine() {
	df := rolling12()
	ch, err := chart.Line(df, "periodo", "valor",
		chart.Title("Las remesas a México crecieron 2.3 veces desde 2016"),
		chart.Subtitle("Ingresos por remesas de los últimos 12 meses, miles de millones de dólares"),
		chart.Source("Banco de México, ingresos por remesas. Suma móvil de 12 meses."),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/line.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.AltText())
	// Output:
	// Líneas: dic 2016 27.6 → may 2026 63.2.
}

// Several lines from a long table, labelled at their ends instead of a
// legend.
func ExampleLine_series() {
	df := remesas().Filter(dataframe.F{Colname: "periodo", Comparator: series.GreaterEq, Comparando: "2022-01"})
	ch, err := chart.Line(df, "periodo", "millones", chart.Series("flujo"),
		chart.Title("México recibe 50 veces más remesas de las que envía"),
		chart.Subtitle("Remesas mensuales, millones de dólares"),
		chart.Source("Banco de México"),
		chart.Credit("cifra"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/line_series.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Report())
	// Output:
	// chart line: 106 of 106 rows drawn
}

// Columns: years keep their order; values in thousands of millions.
func ExampleBar_vertical() {
	ch, err := chart.Bar(annualRemittances(), "anio", "valor", chart.Vertical(),
		chart.Title("Las remesas se duplicaron en una década"),
		chart.Subtitle("Ingresos por remesas al año, miles de millones de dólares"),
		chart.Highlight("2025"),
		chart.Source("Banco de México"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/column.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Kind())
	// Output:
	// column
}

// Stacked bars from a long table: one segment per modality, totals at the
// bar ends, a colour key under the subtitle.
func ExampleStackedBar() {
	ch, err := chart.StackedBar(modalityTable(), "entidad", "serie", "valor",
		chart.Title("Las armas de fuego dominan las carpetas por homicidio doloso"),
		chart.Subtitle("Carpetas por homicidio doloso según el medio, enero–marzo de 2026, entidades con más carpetas"),
		chart.Source("SESNSP, incidencia delictiva estatal"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/stacked.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.AltText())
	// Output:
	// Barras por Arma de fuego, Arma blanca, Otro elemento, No especificado. Guanajuato: Arma de fuego 301, Arma blanca 2, Otro elemento 31, No especificado 0; Baja California: Arma de fuego 229, Arma blanca 27, Otro elemento 57, No especificado 10; Chihuahua: Arma de fuego 140, Arma blanca 18, Otro elemento 53, No especificado 106; … (6).
}

// 100% stacked bars: shares of each state's total.
func ExampleStackedBar_percent() {
	ch, err := chart.StackedBar(modalityTable(), "entidad", "serie", "valor", chart.Stacked100(),
		chart.Title("En Chihuahua, un tercio de las carpetas por homicidio no dice con qué arma"),
		chart.Subtitle("Carpetas por homicidio doloso según el medio, % del total de cada entidad, enero–marzo de 2026"),
		chart.Source("SESNSP, incidencia delictiva estatal"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/stacked100.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Kind())
	// Output:
	// stacked100
}

// Grouped bars: one bar per month within each state.
func ExampleGroupedBar() {
	ch, err := chart.GroupedBar(monthTable(), "entidad", "serie", "valor", chart.KeepOrder(),
		chart.Title("Guanajuato subió cada mes y encabezó febrero y marzo"),
		chart.Subtitle("Carpetas de investigación por homicidio doloso por mes, enero–marzo de 2026, en las seis entidades con más carpetas del trimestre"),
		chart.Source("SESNSP, incidencia delictiva estatal"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/grouped.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Report())
	// Output:
	// chart grouped: 18 of 18 rows drawn
}

// Scatter with labelled points and a trend line.
func ExampleScatter() {
	df := homicideRates()
	pob := df.Col("poblacion").Float()
	mill := make([]float64, len(pob))
	for i, p := range pob {
		mill[i] = p / 1e6
	}
	df = df.Mutate(frame.Floats("millones", mill, nil))
	ch, err := chart.Scatter(df, "millones", "casos", chart.Labels("entidad"), chart.TrendLine(),
		chart.Highlight("Colima", "Guanajuato", "México", "Morelos"),
		chart.Title("Más habitantes no siempre significa más carpetas por homicidio"),
		chart.Subtitle("Carpetas por homicidio doloso, enero–marzo de 2026, y población en millones, por entidad"),
		chart.XLabel("Población (millones)"),
		chart.Source("SESNSP; CONAPO"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/scatter.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.AltText())
	// Output:
	// Dispersión: 32 puntos; tendencia: pendiente 14.726, r² 0.222.
}

// Histogram with round bin edges chosen from the data.
func ExampleHistogram() {
	ch, err := chart.Histogram(homicideRates(), "tasa",
		chart.Title("La mayoría de las entidades tiene menos de 3 carpetas por homicidio por 100 mil"),
		chart.Subtitle("Número de entidades según su tasa de carpetas por homicidio doloso, enero–marzo de 2026"),
		chart.RefLine(nationalRate, "Nacional"),
		chart.XLabel("Carpetas por cada 100 mil habitantes"),
		chart.Source("SESNSP; CONAPO"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/histogram.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.AltText())
	// Output:
	// Histograma: 32 valores en 9 intervalos de 0 a 22.5.
}

// Dumbbell: two periods per category.
func ExampleDumbbell() {
	df := evalua("2007", "2013", "Guerrero", "Sinaloa", "Chihuahua", "Morelos", "Durango", "Colima",
		"Baja California", "Coahuila de Zaragoza", "Sonora", "Michoacán de Ocampo")
	ch, err := chart.Dumbbell(df, "entidad", "2007", "2013",
		chart.Title("Colima, Coahuila y Morelos multiplicaron por cerca de cinco su tasa de homicidios"),
		chart.Subtitle("Averiguaciones previas por homicidio doloso por cada 100 mil habitantes, 2007 y 2013"),
		chart.Source("SESNSP, procesado por México Evalúa"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/dumbbell.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.AltText())
	// Output:
	// 2007 → 2013: Guerrero 23.9 → 59.2; Sinaloa 26.9 → 41.2; Chihuahua 18.3 → 39.7; Morelos 6.5 → 31.9; Durango 15.6 → 27.5; … (10).
}

// Slope chart: labelled at both ends, highlighted lines in colour.
func ExampleSlope() {
	df := evalua("2007", "2013", "Guerrero", "Sinaloa", "Chihuahua", "Morelos", "Durango", "Colima",
		"Baja California", "Coahuila de Zaragoza", "Sonora", "Michoacán de Ocampo")
	ch, err := chart.Slope(df, "entidad", "2007", "2013",
		chart.Highlight("Colima", "Coahuila de Zaragoza", "Morelos"),
		chart.Title("La tasa subió en las diez; en Colima, Coahuila y Morelos, casi cinco veces"),
		chart.Subtitle("Averiguaciones previas por homicidio doloso por cada 100 mil habitantes, 2007 y 2013"),
		chart.Source("SESNSP, procesado por México Evalúa"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/slope.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Report())
	// Output:
	// chart slope: 10 of 10 rows drawn
}

// Choropleth of the 32 states joined by INEGI code.
func ExampleChoropleth() {
	df := homicideRates()
	codes := make([]string, len(homicidios))
	for i, h := range homicidios {
		codes[i] = h.cve
	}
	df = df.Mutate(frame.Strings("cve_ent", codes, nil))
	ch, err := chart.Choropleth(df, "cve_ent", "tasa",
		chart.Title("El homicidio se concentra en el Pacífico y el norte"),
		chart.Subtitle("Carpetas por homicidio doloso por cada 100 mil habitantes, enero–marzo de 2026"),
		chart.Source("SESNSP; CONAPO; INEGI, Marco Geoestadístico"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/map.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.AltText())
	// Output:
	// Mapa de 32 entidades; mayor: Colima 20.5; menor: San Luis Potosí 0.3.
}

// Small multiples: one panel per state, shared scales.
func ExampleSmallMultiples() {
	df := evaluaLong("Chihuahua", "Guerrero", "Sinaloa", "Durango", "Tamaulipas", "Nuevo León")
	ch, err := chart.SmallMultiples(df, "entidad", "anio", "tasa",
		chart.Highlight("Chihuahua"),
		chart.Title("Chihuahua vivió el pico más alto de la violencia"),
		chart.Subtitle("Averiguaciones previas por homicidio doloso por cada 100 mil habitantes, 1997–2014"),
		chart.Source("SESNSP, procesado por México Evalúa"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/multiples.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Report())
	// Output:
	// chart multiples: 108 of 108 rows drawn
}

// Numbers written for readers, per locale.
func ExampleFormat() {
	mx := chart.Format{Decimals: chart.Auto}
	es := chart.Format{Locale: chart.EsES, Decimals: chart.Auto}
	abbr := chart.Format{Scale: chart.ScaleAuto, Decimals: chart.Auto}
	mdp := chart.Format{Scale: chart.ScaleMillionsOfPesos, Decimals: chart.Auto}
	fmt.Println(mx.Format(1234567), es.Format(1234567), mx.Format(85.714))
	fmt.Println(abbr.Format(1234), abbr.Format(3_400_000), abbr.Format(63_200_000_000))
	fmt.Println(mdp.Format(3_400_000_000), chart.Format{Prefix: "$", Decimals: 2}.Format(1234.5))
	// Output:
	// 1,234,567 1.234.567 85.7
	// 1.2 mil 3.4 millones 63.2 mil millones
	// 3,400 mdp $1,234.50
}

// Render writes to any io.Writer; the SVG keeps its text as text and
// carries the title and an alt text for screen readers.
func ExampleChart_Render() {
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa", chart.TopN(3),
		chart.Title("Colima encabeza la tasa de homicidios"))
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ch.Render(&buf, "svg"); err != nil {
		log.Fatal(err)
	}
	svg := buf.String()
	fmt.Println(strings.Contains(svg, "<title id=\"chart-title\">Colima encabeza la tasa de homicidios</title>"))
	fmt.Println(ch.AltText())
	fmt.Print(ch.Report())
	// Output:
	// true
	// Barras: Colima 20.5; Morelos 12.3; Sinaloa 7.9.
	// chart bar: 3 of 32 rows drawn
	//   29 categories hidden by TopN
}
