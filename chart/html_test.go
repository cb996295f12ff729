package chart_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

// A bar chart as a web embed: one HTML file with the chart, its data and
// everything a CMS needs; nothing loads from the network.
func ExampleChart_Render_html() {
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa",
		chart.Title("Colima, la entidad con más carpetas por homicidio doloso por habitante"),
		chart.Subtitle("Carpetas por homicidio doloso por cada 100 mil habitantes, enero–marzo de 2026"),
		chart.Highlight("Colima"),
		chart.AltText("Barras de las 32 entidades; Colima encabeza con 20.5, seis veces la tasa nacional de 3.0."),
		chart.Source("SESNSP; CONAPO"),
	)
	if err != nil {
		log.Fatal(err)
	}
	var page bytes.Buffer
	if err := ch.Render(&page, "html"); err != nil { // or ch.Save("tasa.html")
		log.Fatal(err)
	}
	s := page.String()
	fmt.Println(strings.Count(s, "<figure"), "figura,", strings.Count(s, "<svg"), "SVG (teléfono y escritorio)")
	fmt.Println(strings.Count(s, "<tr>")-1, "filas de datos")
	fmt.Println(strings.Contains(s, `<p class="cf-source">Fuente: SESNSP; CONAPO</p>`))
	fmt.Println(strings.Contains(s, "Descargar datos (CSV)"), strings.Contains(s, chart.HTMLMessage))
	// Output:
	// 1 figura, 2 SVG (teléfono y escritorio)
	// 32 filas de datos
	// true
	// true true
}

// A chart laid out for a phone: 360 CSS pixels wide, drawn at 2×.
func ExamplePhone() {
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa", chart.TopN(10),
		chart.Title("Colima, la entidad con más carpetas por homicidio doloso por habitante"),
		chart.Source("SESNSP; CONAPO"),
		chart.WithSize(chart.Phone))
	if err != nil {
		log.Fatal(err)
	}
	var png bytes.Buffer
	if err := ch.Render(&png, "png"); err != nil {
		log.Fatal(err)
	}
	w, h := pngSize(png.Bytes())
	fmt.Printf("%d px de ancho (360 px CSS a 2×), %d de alto\n", w, h)
	// Output:
	// 720 px de ancho (360 px CSS a 2×), 1040 de alto
}

func pngSize(b []byte) (w, h int) {
	if len(b) < 24 {
		return 0, 0
	}
	be := func(p []byte) int { return int(p[0])<<24 | int(p[1])<<16 | int(p[2])<<8 | int(p[3]) }
	return be(b[16:20]), be(b[20:24])
}

func TestHTMLEmbed(t *testing.T) {
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa",
		chart.Title(`Colima <primero> & "último"`),
		chart.Subtitle("Carpetas por cada 100 mil habitantes"),
		chart.Note("Nota: población a mitad de año."),
		chart.AltText("Colima encabeza con 20.5."),
		chart.Source("SESNSP; CONAPO"), chart.Credit("cifra"))
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := ch.Render(&a, "html"); err != nil {
		t.Fatal(err)
	}
	if err := ch.Render(&b, "html"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of the same chart differ")
	}
	s := a.String()
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="es">`, `<figure class="cifra" id="cifra-`,
		`<h2 class="cf-title">Colima &lt;primero&gt; &amp; &#34;último&#34;</h2>`,
		`<p class="cf-sub">Carpetas por cada 100 mil habitantes</p>`,
		"<figcaption>", `<p class="cf-note">Nota: población a mitad de año.</p>`,
		`<p class="cf-source">Fuente: SESNSP; CONAPO</p>`, `<span class="cf-credit">cifra</span>`,
		`role="img"`, "Colima encabeza con 20.5.</desc>", `viewBox="0 0 480 `, `viewBox="0 0 270 `,
		`<th scope="row">Colima</th><td class="cf-num">20.5</td>`,
		`<th scope="col">entidad</th><th scope="col">tasa</th>`,
		"prefers-color-scheme: dark", `"datawrapper-height"`, "postMessage",
		"Descargar datos (CSV)", `href="data:text/csv;charset=utf-8;base64,`,
		`<rect class="cf-hit" tabindex="0" role="img" `, `aria-label="Colima: 20.5"><title>Colima: 20.5</title></rect>`,
		`role="group" aria-labelledby="cifra-`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("embed lacks %q", want)
		}
	}
	// the drawing has no fixed size and no text of the frame (that is HTML)
	if regexp.MustCompile(`<svg[^>]*width="[0-9.]+pt"`).MatchString(s) {
		t.Error("an SVG keeps a fixed width")
	}
	if strings.Contains(s, ">Fuente: SESNSP; CONAPO</text>") {
		t.Error("the source is drawn inside the SVG as well")
	}
	// nothing loads from the network
	for _, bad := range []string{"<link", "@import", "url(", ` src="`, "<img", `href="http`} {
		if strings.Contains(s, bad) {
			t.Errorf("embed holds %q", bad)
		}
	}
	// ids are unique within the page
	ids := regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(s, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %q twice", m[1])
		}
		seen[m[1]] = true
	}
	// the CSV travels inside the file, with full precision
	m := regexp.MustCompile(`base64,([A-Za-z0-9+/=]+)"`).FindStringSubmatch(s)
	if m == nil {
		t.Fatal("no CSV data URI")
	}
	csv, err := base64.StdEncoding.DecodeString(m[1])
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimPrefix(string(csv), "\ufeff"), "\r\n")
	if lines[0] != "entidad,tasa" || !strings.HasPrefix(lines[1], "Colima,20.47") || len(lines) != 34 {
		t.Errorf("CSV starts %q, %q; %d lines", lines[0], lines[1], len(lines))
	}

	// Save by extension, and the fragment for a page
	path := filepath.Join(t.TempDir(), "tasa.html")
	if err := ch.Save(path); err != nil {
		t.Fatal(err)
	}
	saved, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(saved, a.Bytes()) {
		t.Errorf("Save(.html) wrote %d bytes (%v), want the same as Render", len(saved), err)
	}
	var frag bytes.Buffer
	if err := ch.WriteHTML(&frag); err != nil {
		t.Fatal(err)
	}
	if fs := frag.String(); !strings.HasPrefix(fs, "<style>") || !strings.Contains(a.String(), fs[strings.Index(fs, "<figure"):]) {
		t.Error("WriteHTML is not the figure of the document")
	}
	// a figcaption is the last child of its figure; no style inside it
	fig := s[strings.Index(s, "<figure"):strings.Index(s, "</figure>")]
	if !strings.HasSuffix(fig, "</figcaption>\n") || strings.Contains(fig, "<style") || strings.Contains(fig, "<script") {
		t.Error("figure markup: want the figcaption last and no style or script inside")
	}
	if i := strings.Index(s, "<style>\n#cifra-"); i < 0 || i > strings.Index(s, "</head>") {
		t.Error("the embed's style sheet is not in the document head")
	}
}

// Every chart type gives an embed with a data table of what it drew.
func TestHTMLEveryKind(t *testing.T) {
	for _, tc := range []struct {
		name string
		mk   func() (*chart.Chart, error)
		row  string
	}{
		{"line", func() (*chart.Chart, error) { return chart.Line(rolling12(), "periodo", "valor") }, `<th scope="row">may 2026</th><td class="cf-num">63.2</td>`},
		{"stacked", func() (*chart.Chart, error) {
			return chart.StackedBar(modalityTable(), "entidad", "serie", "valor")
		}, `<th scope="col">entidad</th>`},
		{"histogram", func() (*chart.Chart, error) { return chart.Histogram(homicideRates(), "tasa") }, `<th scope="col">frecuencia</th>`},
		{"scatter", func() (*chart.Chart, error) {
			return chart.Scatter(homicideRates(), "poblacion", "tasa", chart.Labels("entidad"))
		}, `<th scope="row">Colima</th>`},
		{"dumbbell", func() (*chart.Chart, error) {
			return chart.Dumbbell(homicideRates(), "entidad", "tasa", "tasa")
		}, `<th scope="row">Colima</th><td class="cf-num">20.5</td><td class="cf-num">20.5</td>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := tc.mk()
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := ch.Render(&b, "html"); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tc.row) {
				t.Errorf("embed lacks %q", tc.row)
			}
		})
	}
}
