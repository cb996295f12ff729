package chart_test

import (
	"bytes"
	"image/png"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
	"github.com/go-gota/gota/dataframe"
)

// svgTexts returns the text of each <text> element of an SVG.
func svgTexts(svg []byte) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllSubmatch(svg, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// Long names on scatter and slope charts wrap onto a second line instead
// of being cut with an ellipsis, on a phone and on the web.
func TestLongNamesWrap(t *testing.T) {
	long := []string{"Veracruz de Ignacio de la Llave", "Michoacán de Ocampo", "Coahuila de Zaragoza"}
	charts := map[string]func(chart.Size) (*chart.Chart, error){
		"scatter": func(s chart.Size) (*chart.Chart, error) {
			return chart.Scatter(homicideRates(), "poblacion", "casos", chart.Labels("entidad"),
				chart.Highlight(long...), chart.WithSize(s))
		},
		"slope": func(s chart.Size) (*chart.Chart, error) {
			return chart.Slope(evalua("2007", "2013", append([]string{"Guerrero", "Baja California Sur"}, long...)...),
				"entidad", "2007", "2013", chart.WithSize(s))
		},
	}
	for name, mk := range charts {
		for _, size := range []struct {
			name string
			s    chart.Size
		}{{"phone", chart.Phone}, {"web", chart.Web}} {
			t.Run(name+"/"+size.name, func(t *testing.T) {
				ch, err := mk(size.s)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := ch.Render(&b, "svg"); err != nil {
					t.Fatal(err)
				}
				texts := svgTexts(b.Bytes())
				all := strings.Join(texts, "\n")
				if strings.Contains(all, "…") {
					t.Errorf("a label is cut: %q", texts)
				}
				// every word of every long name is drawn
				for _, n := range long {
					for _, w := range strings.Fields(n) {
						if !strings.Contains(all, w) {
							t.Errorf("%q of %q not drawn; texts %q", w, n, texts)
						}
					}
				}
				if size.name == "phone" {
					// on a phone, Veracruz's name takes two lines
					wrapped := false
					for _, s := range texts {
						if strings.HasPrefix(s, "Veracruz") && !strings.Contains(s, "Llave") {
							wrapped = true
						}
					}
					if !wrapped {
						t.Errorf("Veracruz de Ignacio de la Llave not wrapped on a phone: %q", texts)
					}
				}
				if dir := os.Getenv("CIFRA_LOOK"); dir != "" {
					if err := ch.Save(dir + "/" + name + "_" + size.name + ".png"); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}

// TestColumnsTooNarrowForNames: 32 state columns on a phone would cut
// every name to "…" (they did: a row of ellipses under the columns). The
// bars are drawn horizontally there instead, every name whole, and the
// picture grows to hold them; ten states on the web and five on a phone
// keep their columns.
func TestColumnsTooNarrowForNames(t *testing.T) {
	states := homicideRates()
	if states.Nrow() != 32 {
		t.Fatalf("%d states", states.Nrow())
	}
	render := func(df dataframe.DataFrame, s chart.Size) (string, int) {
		t.Helper()
		ch, err := chart.Bar(df, "entidad", "tasa", chart.Vertical(), chart.WithSize(s), chart.Decimals(1))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := ch.Render(&b, "svg"); err != nil {
			t.Fatal(err)
		}
		var pic bytes.Buffer
		if err := ch.Render(&pic, "png"); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(pic.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(svgTexts(b.Bytes()), "\n"), img.Bounds().Dy()
	}
	texts, h := render(states, chart.Phone)
	if strings.Contains(texts, "…") || !strings.Contains(texts, "Veracruz de") || !strings.Contains(texts, "Aguascalientes") {
		t.Errorf("phone: names cut or missing:\n%s", texts)
	}
	if h <= chart.Phone.Height {
		t.Errorf("phone: %d px high, want taller than %d for 32 horizontal bars", h, chart.Phone.Height)
	}
	if texts, h := render(states.Subset([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), chart.Web); h != chart.Web.Height || strings.Contains(texts, "…") {
		t.Errorf("web, 10 columns: %d px high (want %d), texts %q", h, chart.Web.Height, texts)
	}
	few := states.Subset([]int{0, 1, 2, 3, 4})
	if texts, h := render(few, chart.Phone); h != chart.Phone.Height || strings.Contains(texts, "…") {
		t.Errorf("phone, 5 columns: %d px high (want %d), texts %q", h, chart.Phone.Height, texts)
	}
}
