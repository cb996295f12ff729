package chart_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/internal/frame"
)

// torreon reads the monthly table of IMPLAN Torreón's "Delitos" page
// (testdata copy of the published HTML): fecha as the ISO form of the
// page's day/month/year dates, each the last day of its month
// ("2014-05-31"), and delitos.
func torreon() dataframe.DataFrame {
	page, err := os.ReadFile("testdata/implan_torreon_smi_delitos_torreon_2014.html")
	if err != nil {
		panic(err)
	}
	re := regexp.MustCompile(`<td class="centrado">(\d\d)/(\d\d)/(\d{4})</td><td class="derecha">([\d,]+)</td>`)
	var fecha []string
	var n []float64
	for _, m := range re.FindAllStringSubmatch(string(page), -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[4], ",", ""), 64)
		if err != nil {
			panic(err)
		}
		fecha = append(fecha, m[3]+"-"+m[2]+"-"+m[1])
		n = append(n, v)
	}
	df, err := frame.New(frame.Strings("fecha", fecha, nil), frame.Floats("delitos", n, nil))
	if err != nil {
		panic(err)
	}
	return df
}

// yearEnd returns one state's yearly homicide rate from México Evalúa's
// series, 2007–2012, dated on 31 December of each year as INEGI dates
// annual values: fecha ("2010-12-31"), tasa.
func yearEnd(state string) dataframe.DataFrame {
	long := evaluaLong(state)
	years := long.Col("anio").Records()
	rates := long.Col("tasa").Float()
	var fecha []string
	var tasa []float64
	for i, y := range years {
		if y >= "2007" && y <= "2012" {
			fecha = append(fecha, y+"-12-31")
			tasa = append(tasa, rates[i])
		}
	}
	df, err := frame.New(frame.Strings("fecha", fecha, nil), frame.Floats("tasa", tasa, nil))
	if err != nil {
		panic(err)
	}
	return df
}

// Monthly values dated on the last day of each month (as IMPLAN and INEGI
// publish them) are drawn and labelled by month: the May peak sits on May
// and the last value reads "nov 2014".
func ExampleLine_monthEnd() {
	ch, err := chart.Line(torreon(), "fecha", "delitos",
		chart.Title("Mayo fue el peor mes de 2014 en Torreón"),
		chart.Subtitle("Delitos del fuero común denunciados por mes, enero–noviembre de 2014"),
		chart.Source("IMPLAN Torreón, Sistema Metropolitano de Indicadores, con cifras del SESNSP"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/line_monthend.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Print(ch.Report())
	fmt.Println(ch.AltText())
	// Output:
	// chart line: 11 of 11 rows drawn
	//   x drawn by period: monthly, dated at the end of each period
	// Líneas: ene 2014 935 → nov 2014 597.
}

// Annual values dated 31 December sit on their own year's tick.
func ExampleLine_yearEnd() {
	ch, err := chart.Line(yearEnd("Chihuahua"), "fecha", "tasa",
		chart.Title("En Chihuahua, los homicidios dolosos tocaron techo en 2010"),
		chart.Subtitle("Averiguaciones previas por homicidio doloso por cada 100 mil habitantes, 2007–2012"),
		chart.Source("SESNSP, procesado por México Evalúa"),
	)
	if err != nil {
		log.Fatal(err)
	}
	if err := ch.Save("testdata/line_yearend.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Print(ch.Report())
	fmt.Println(ch.AltText())
	// Output:
	// chart line: 6 of 6 rows drawn
	//   x drawn by period: annual, dated at the end of each period
	// Líneas: 2007 18.3 → 2012 55.5.
}

// svgText renders a chart as SVG and returns it.
func svgText(t *testing.T, ch *chart.Chart) string {
	t.Helper()
	var buf bytes.Buffer
	if err := ch.Render(&buf, "svg"); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// tickX returns the x position of the first SVG text element equal to s.
func tickX(t *testing.T, svg, s string) float64 {
	t.Helper()
	re := regexp.MustCompile(`<text x="([0-9.]+)"[^>]*>` + regexp.QuoteMeta(s) + `</text>`)
	m := re.FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no text %q in the SVG", s)
	}
	x, _ := strconv.ParseFloat(m[1], 64)
	return x
}

func TestPeriodEndDates(t *testing.T) {
	t.Run("monthly IMPLAN page", func(t *testing.T) {
		df := torreon()
		if df.Nrow() != 11 || df.Col("fecha").Elem(4).String() != "2014-05-31" || df.Col("delitos").Elem(4).Float() != 1054 {
			t.Fatalf("page read wrong: %v", df)
		}
		ch, err := chart.Line(df, "fecha", "delitos")
		if err != nil {
			t.Fatal(err)
		}
		// the end label names the month, not its last day
		svg := svgText(t, ch)
		if strings.Contains(svg, "30 nov") || !strings.Contains(svg, ">nov 2014<") {
			t.Errorf("end label is not by month")
		}
		// the same data dated on the first day of each month draw the same
		// picture: May sits on the May tick
		first := make([]string, df.Nrow())
		for i, f := range df.Col("fecha").Records() {
			first[i] = f[:8] + "01"
		}
		starts, _ := frame.New(frame.Strings("fecha", first, nil), df.Col("delitos"))
		ch2, err := chart.Line(starts, "fecha", "delitos")
		if err != nil {
			t.Fatal(err)
		}
		svg2 := svgText(t, ch2)
		if svg2 != svg {
			t.Errorf("period-end and period-start dates draw different charts")
		}
		// "2014-05" text draws the same chart too
		months := make([]string, df.Nrow())
		for i, f := range df.Col("fecha").Records() {
			months[i] = f[:7]
		}
		mdf, _ := frame.New(frame.Strings("fecha", months, nil), df.Col("delitos"))
		ch3, err := chart.Line(mdf, "fecha", "delitos")
		if err != nil {
			t.Fatal(err)
		}
		if svgText(t, ch3) != svg2 {
			t.Errorf("\"2014-05\" text and period-start dates draw different charts")
		}
		// ExactDates keeps the days: the end label is the day
		ch4, err := chart.Line(df, "fecha", "delitos", chart.ExactDates())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(svgText(t, ch4), ">30 nov 2014<") {
			t.Errorf("ExactDates lost the day")
		}
	})
	t.Run("annual 31 December", func(t *testing.T) {
		ch, err := chart.Line(yearEnd("Chihuahua"), "fecha", "tasa")
		if err != nil {
			t.Fatal(err)
		}
		svg := svgText(t, ch)
		for _, y := range []string{"2007", "2008", "2009", "2010", "2011"} {
			tickX(t, svg, y)
		}
		if strings.Contains(svg, ">2013<") || strings.Contains(svg, "dic") {
			t.Errorf("annual values drawn a year late or by month")
		}
		if got := ch.Report().Period; got != "annual, dated at the end of each period" {
			t.Errorf("Period = %q", got)
		}
	})
	t.Run("quarterly first day", func(t *testing.T) {
		df, _ := frame.New(frame.Strings("fecha", []string{"2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"}, nil),
			frame.Floats("usd", []float64{1, 2, 3, 4, 5}, nil))
		ch, err := chart.Line(df, "fecha", "usd")
		if err != nil {
			t.Fatal(err)
		}
		svg := svgText(t, ch)
		if !strings.Contains(svg, ">T1 2026<") || !strings.Contains(svg, ">T2<") {
			t.Errorf("quarters not labelled by quarter")
		}
	})
	t.Run("bars by period", func(t *testing.T) {
		ch, err := chart.Bar(torreon(), "fecha", "delitos", chart.Vertical())
		if err != nil {
			t.Fatal(err)
		}
		if got := ch.AltText(); !strings.HasPrefix(got, "Barras: ene 2014 935; feb 2014 841;") {
			t.Errorf("AltText = %q", got)
		}
	})
	t.Run("a single 31 December is a day", func(t *testing.T) {
		df, _ := frame.New(frame.Strings("fecha", []string{"2014-12-31"}, nil), frame.Floats("v", []float64{1}, nil))
		ch, err := chart.Line(df, "fecha", "v")
		if err != nil {
			t.Fatal(err)
		}
		if ch.Report().Period != "" {
			t.Errorf("one date read as a period: %q", ch.Report().Period)
		}
	})
}

// A join that forgot a filter repeats a state: Bar must refuse, naming the
// state and its rows, instead of drawing two bars.
func TestRepeatedCategory(t *testing.T) {
	rates := homicideRates()
	colima := rates.Filter(dataframe.F{Colname: "entidad", Comparator: "==", Comparando: "Colima"})
	twice := rates.RBind(colima)
	if twice.Err != nil {
		t.Fatal(twice.Err)
	}
	row := 0
	for i, e := range rates.Col("entidad").Records() {
		if e == "Colima" {
			row = i + 1
		}
	}
	want := fmt.Sprintf(`category "Colima" appears in rows %d, 33`, row)
	for name, draw := range map[string]func() error{
		"Bar": func() error { _, err := chart.Bar(twice, "entidad", "tasa"); return err },
		"Dumbbell": func() error {
			_, err := chart.Dumbbell(twice, "entidad", "casos", "tasa")
			return err
		},
		"Slope": func() error { _, err := chart.Slope(twice, "entidad", "casos", "tasa"); return err },
	} {
		err := draw()
		if !errors.Is(err, chart.ErrDuplicate) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want ErrDuplicate naming %s", name, err, want)
		}
		if err != nil && strings.Count(err.Error(), "chart:") != 1 {
			t.Errorf("%s: prefix repeated: %v", name, err)
		}
	}
	// spelled two ways, still the same state
	accents := rates.Copy()
	names := accents.Col("entidad").Records()
	names = append(names, "MEXICO")
	vals := append(rates.Col("tasa").Float(), 1)
	df, _ := frame.New(frame.Strings("entidad", names, nil), frame.Floats("tasa", vals, nil))
	if _, err := chart.Bar(df, "entidad", "tasa"); !errors.Is(err, chart.ErrDuplicate) || !strings.Contains(err.Error(), `"México" / "MEXICO"`) {
		t.Errorf("folded repeat: %v", err)
	}
	if _, err := chart.GroupedBar(monthTable().RBind(monthTable()), "entidad", "serie", "valor"); !errors.Is(err, chart.ErrDuplicate) {
		t.Errorf("GroupedBar: %v", err)
	}
}

// A second Note adds a line; it does not replace the first.
func TestNotesAddUp(t *testing.T) {
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa", chart.TopN(10),
		chart.Note("Nota: muestra de 399 contratos."),
		chart.Note("Una coincidencia de nombre es una pista, no un hallazgo."))
	if err != nil {
		t.Fatal(err)
	}
	svg := svgText(t, ch)
	// SVG y grows upwards here (scale(1, -1)): the first note is highest
	a := textY(t, svg, "Nota: muestra de 399 contratos.")
	b := textY(t, svg, "Una coincidencia de nombre es una pista, no un hallazgo.")
	c := textY(t, svg, "Se muestran 10 de 32 categorías.")
	if !(a > b && b > c) {
		t.Errorf("notes out of order: y %v, %v, %v", a, b, c)
	}
}

// textY returns the (flipped) y position of the SVG text element equal to s.
func textY(t *testing.T, svg, s string) float64 {
	t.Helper()
	re := regexp.MustCompile(`<text x="[0-9.]+" y="(-?[0-9.]+)"[^>]*>` + regexp.QuoteMeta(s) + `</text>`)
	m := re.FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no text %q in the SVG", s)
	}
	y, _ := strconv.ParseFloat(m[1], 64)
	return -y
}

// analyze.TopN's "Otros" row is drawn last even when it is the largest.
func TestOthersLast(t *testing.T) {
	rates := homicideRates().Arrange(dataframe.RevSort("casos")).Subset([]int{0, 1, 2, 3, 4})
	labels := append(rates.Col("entidad").Records(), "Otros")
	total := 0.0
	for _, v := range homicideRates().Col("casos").Float() {
		total += v
	}
	top := 0.0
	for _, v := range rates.Col("casos").Float() {
		top += v
	}
	vals := append(rates.Col("casos").Float(), total-top)
	df, _ := frame.New(frame.Strings("entidad", labels, nil), frame.Floats("casos", vals, nil))
	ch, err := chart.Bar(df, "entidad", "casos")
	if err != nil {
		t.Fatal(err)
	}
	want := "Barras: Guanajuato 334; Baja California 323; Chihuahua 317; Morelos 255; Sinaloa 253; … (6)."
	if got := ch.AltText(); got != want {
		t.Errorf("AltText = %q, want %q", got, want)
	}
	svg := svgText(t, ch)
	if strings.Index(svg, ">Otros<") < strings.Index(svg, ">Sinaloa<") {
		t.Errorf("Otros is not drawn last")
	}
	// a renamed catch-all
	df2, _ := frame.New(frame.Strings("entidad", append(labels[:5:5], "Resto del país"), nil), frame.Floats("casos", vals, nil))
	ch, err = chart.Bar(df2, "entidad", "casos", chart.OtherLabel("Resto del país"), chart.Ascending())
	if err != nil {
		t.Fatal(err)
	}
	svg = svgText(t, ch)
	if strings.Index(svg, ">Resto del país<") < strings.Index(svg, ">Guanajuato<") {
		t.Errorf("OtherLabel not drawn last")
	}
	// the zero value keeps the default
	ch, err = chart.Bar(df, "entidad", "casos", chart.OtherLabel(""))
	if err != nil || !strings.HasSuffix(svgLast(t, ch), "Otros") {
		t.Errorf("OtherLabel(\"\"): %v", err)
	}
}

// svgLast returns the last category Bar drew (its AltText lists the first
// five; the SVG lists them all, top to bottom).
func svgLast(t *testing.T, ch *chart.Chart) string {
	t.Helper()
	svg := svgText(t, ch)
	last, at := "", -1
	for _, l := range []string{"Guanajuato", "Baja California", "Chihuahua", "Morelos", "Sinaloa", "Otros"} {
		if i := strings.Index(svg, ">"+l+"<"); i > at {
			last, at = l, i
		}
	}
	return last
}
