package chart_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/internal/frame"
)

// alcaldias reads the 2020 census population of Mexico City's 16
// alcaldías, keyed by their 5-digit CVEGEO.
func alcaldias(t *testing.T) (keys []string, names []string, pop []float64) {
	t.Helper()
	b, err := os.ReadFile("testdata/censo2020_poblacion_cdmx.csv")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, ",")
		var v float64
		for _, c := range f[4] {
			v = v*10 + float64(c-'0')
		}
		keys, names, pop = append(keys, f[0]+f[2]), append(names, f[3]), append(pop, v)
	}
	return keys, names, pop
}

func TestChoroplethGeoJSON(t *testing.T) {
	keys, names, pop := alcaldias(t)
	if len(keys) != 16 {
		t.Fatalf("%d alcaldías", len(keys))
	}
	df, err := frame.New(frame.Strings("cvegeo", keys, nil), frame.Strings("alcaldia", names, nil), frame.Floats("poblacion", pop, nil))
	if err != nil {
		t.Fatal(err)
	}
	geo := func() *os.File {
		f, err := os.Open("testdata/cdmx_alcaldias_inegi.geojson")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	ch, err := chart.ChoroplethGeoJSON(df, geo(), "cve_geo", "cvegeo", "poblacion",
		chart.Title("Iztapalapa, la alcaldía más poblada"), chart.Highlight("Iztapalapa"),
		chart.Abbreviate(), chart.LegendTitle("Habitantes, 2020"), chart.Source("INEGI, Censo 2020"))
	if err != nil {
		t.Fatal(err)
	}
	if got := ch.Report().String(); got != "chart map: 16 of 16 rows drawn\n" {
		t.Errorf("report %q", got)
	}
	var svg, page bytes.Buffer
	if err := ch.Render(&svg, "svg"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), ">Iztapalapa 1.8 millones</text>") {
		t.Error("the highlighted alcaldía is not labelled with its population")
	}
	if err := ch.Render(&page, "html"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), `<th scope="row">09007</th><td>Iztapalapa</td><td class="cf-num">1.8 millones</td>`) {
		t.Error("the embed's table lacks Iztapalapa")
	}
	if err := ch.Save("testdata/map_geojson.png"); err != nil {
		t.Fatal(err)
	}
	// keys without their leading zero still match
	short := df.Mutate(frame.Strings("cvegeo", func() []string {
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = strings.TrimLeft(k, "0")
		}
		return out
	}(), nil))
	if _, err := chart.ChoroplethGeoJSON(short, geo(), "cve_geo", "cvegeo", "poblacion"); err != nil {
		t.Errorf("keys without leading zeros: %v", err)
	}

	for _, tc := range []struct {
		name, geo, prop string
		want            error
	}{
		{"not json", "<html>", "cve_geo", chart.ErrArgument},
		{"no polygons", `{"type":"FeatureCollection","features":[]}`, "cve_geo", chart.ErrArgument},
		{"no such property", "", "clave", chart.ErrArgument},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r = strings.NewReader(tc.geo)
			var err error
			if tc.geo == "" {
				_, err = chart.ChoroplethGeoJSON(df, geo(), tc.prop, "cvegeo", "poblacion")
			} else {
				_, err = chart.ChoroplethGeoJSON(df, r, tc.prop, "cvegeo", "poblacion")
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
	bad := df.Mutate(frame.Strings("cvegeo", append([]string{"15001"}, keys[1:]...), nil))
	if _, err := chart.ChoroplethGeoJSON(bad, geo(), "cve_geo", "cvegeo", "poblacion"); !errors.Is(err, chart.ErrNoMatch) || !strings.Contains(err.Error(), `row 1: "15001"`) {
		t.Errorf("a key of no feature: %v", err)
	}
}

// FuzzChoroplethGeoJSON: any bytes give a chart or an error that wraps a
// sentinel, never a panic.
func FuzzChoroplethGeoJSON(f *testing.F) {
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"k":"01"},"geometry":{"type":"Polygon","coordinates":[[[-99,19],[-98,19],[-98,20],[-99,19]]]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"properties":{"k":1},"geometry":{"type":"MultiPolygon","coordinates":[[[[-99,19],[-98,19],[-98,20]]],[]]}}]}`))
	f.Add([]byte(`{"features":[{"properties":{"k":"1"},"geometry":{"type":"Polygon","coordinates":[[[1e308,19]]]}},{"properties":{"k":"01"}}]}`))
	f.Add([]byte(`{"features":[{"properties":{"k":null},"geometry":null}]}`))
	df, err := frame.New(frame.Strings("k", []string{"1"}, nil), frame.Floats("v", []float64{5}, nil))
	if err != nil {
		f.Fatal(err)
	}
	sentinels := []error{chart.ErrArgument, chart.ErrTooLarge, chart.ErrDuplicate, chart.ErrNoMatch, chart.ErrEmpty}
	f.Fuzz(func(t *testing.T, geo []byte) {
		ch, err := chart.ChoroplethGeoJSON(df, bytes.NewReader(geo), "k", "k", "v")
		if err != nil {
			for _, s := range sentinels {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		if err := ch.Render(io.Discard, "svg"); err != nil {
			t.Fatalf("render: %v", err)
		}
	})
}

// A map of the user's own areas: Mexico City's alcaldías from INEGI's
// outlines, coloured by their 2020 population.
func ExampleChoroplethGeoJSON() {
	geo, err := os.Open("testdata/cdmx_alcaldias_inegi.geojson")
	if err != nil {
		log.Fatal(err)
	}
	defer geo.Close()
	df, err := frame.New(
		frame.Strings("cvegeo", []string{"09007", "09005", "09010", "09003"}, nil),
		frame.Floats("poblacion", []float64{1835486, 1173351, 759137, 614447}, nil))
	if err != nil {
		log.Fatal(err)
	}
	ch, err := chart.ChoroplethGeoJSON(df, geo, "cve_geo", "cvegeo", "poblacion",
		chart.Title("Iztapalapa, la alcaldía más poblada"),
		chart.Abbreviate(), chart.LegendTitle("Habitantes, 2020"),
		chart.Highlight("Iztapalapa"), chart.Source("INEGI, Censo 2020"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(ch.Report())
	// Output:
	// chart map: 4 of 4 rows drawn
	//   no data for: Azcapotzalco, Benito Juárez, Cuajimalpa de Morelos, Cuauhtémoc, Iztacalco, La Magdalena Contreras, Miguel Hidalgo, Milpa Alta, Tlalpan, Tláhuac, Venustiano Carranza, Xochimilco
}
