package chart_test

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/internal/frame"
)

// A map of the user's areas speaks of "áreas" or of the noun given, not of
// states; its phone drawing in the embed is as tall as the areas ask for.
func TestChoroplethGeoJSONWeb(t *testing.T) {
	keys, names, pop := alcaldias(t)
	df, err := frame.New(frame.Strings("cvegeo", keys, nil), frame.Strings("alcaldia", names, nil), frame.Floats("poblacion", pop, nil))
	if err != nil {
		t.Fatal(err)
	}
	draw := func(opts ...chart.Option) *chart.Chart {
		t.Helper()
		f, err := os.Open("testdata/cdmx_alcaldias_inegi.geojson")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		ch, err := chart.ChoroplethGeoJSON(df, f, "cve_geo", "cvegeo", "poblacion", opts...)
		if err != nil {
			t.Fatal(err)
		}
		return ch
	}
	for _, tc := range []struct {
		opts []chart.Option
		want string
	}{
		{nil, "Mapa de 16 áreas; mayor: Iztapalapa 1,835,486; menor: Milpa Alta 152,685."},
		{[]chart.Option{chart.AreaNoun("alcaldías")}, "Mapa de 16 alcaldías; mayor: Iztapalapa 1,835,486; menor: Milpa Alta 152,685."},
		{[]chart.Option{chart.WithLocale("en-US")}, "Map of 16 areas; highest: Iztapalapa 1,835,486; lowest: Milpa Alta 152,685."},
	} {
		if got := draw(tc.opts...).AltText(); got != tc.want {
			t.Errorf("alt text %q, want %q", got, tc.want)
		}
	}

	// the phone drawing: Mexico City is taller than wide (0.54° of
	// latitude by 0.42° of longitude at 19.3°N), so the phone map is
	// taller than Mexico's 9:10
	var b bytes.Buffer
	if err := draw(chart.Title("Iztapalapa, la alcaldía más poblada")).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	i := strings.Index(s, `class="cf-svg cf-narrow"`)
	if i < 0 {
		t.Fatal("no phone drawing")
	}
	m := regexp.MustCompile(`viewBox="0 0 ([0-9.]+) ([0-9.]+)"`).FindStringSubmatch(s[i:])
	if m == nil {
		t.Fatal("no viewBox")
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	if r := h / w; r < 1.4 || r > 2 {
		t.Errorf("phone map %g×%g points: height/width %.2f, want the alcaldías' shape (about 1.67)", w, h, r)
	}
	if os.Getenv("CIFRA_LOOK") != "" {
		if err := os.WriteFile(os.Getenv("CIFRA_LOOK")+"/cdmx.html", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
