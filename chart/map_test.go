package chart_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

func TestChoroplethKeys(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  []string
		vals  []float64
		opts  []chart.Option
		want  error
		alt   string
		noted string
	}{
		{"codes without zero", []string{"6", "24", "9"}, []float64{20.5, 0.3, 1.9}, nil, nil,
			"Mapa de 3 entidades; mayor: Colima 20.5; menor: San Luis Potosí 0.3.", "Sin dato (en gris): Aguascalientes"},
		{"names and national row", []string{"Nacional", "Michoacán de Ocampo", "CDMX", "Veracruz de Ignacio de la Llave"}, []float64{3, 3.2, 1.9, 2.7}, nil, nil,
			"Mapa de 3 entidades; mayor: Michoacán 3.2; menor: Ciudad de México 1.9.", ""},
		{"abbreviations and variants as clean/mx reads them", []string{"Coah", "Edomex", "Q. Roo", "MX-CMX"}, []float64{4, 3, 2, 1}, nil, nil,
			"Mapa de 4 entidades; mayor: Coahuila 4; menor: Ciudad de México 1.", ""},
		{"unknown key", []string{"Texas"}, []float64{1}, nil, chart.ErrNoMatch, "", ""},
		{"code 33", []string{"33"}, []float64{1}, nil, chart.ErrNoMatch, "", ""},
		{"duplicate", []string{"01", "1"}, []float64{1, 2}, nil, chart.ErrDuplicate, "", ""},
		{"missing value", []string{"01", "02"}, []float64{1, math.NaN()}, nil, chart.ErrMissing, "", ""},
		{"missing skipped", []string{"01", "02"}, []float64{1, math.NaN()}, []chart.Option{chart.SkipMissing()}, nil,
			"Mapa con un solo valor: Aguascalientes 1.", "Baja California"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			df := build(t, frameCol{name: "cve", s: tc.keys}, frameCol{name: "v", f: tc.vals})
			ch, err := chart.Choropleth(df, "cve", "v", tc.opts...)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if err != nil {
				return
			}
			if ch.AltText() != tc.alt {
				t.Errorf("alt = %q, want %q", ch.AltText(), tc.alt)
			}
			if tc.noted != "" && !strings.Contains(svgOf(t, ch), tc.noted) {
				t.Errorf("SVG lacks note %q", tc.noted)
			}
		})
	}
}

func TestPairsAndMultiplesErrors(t *testing.T) {
	df := evalua("2007", "2013", "Colima", "Morelos")
	if _, err := chart.Dumbbell(df, "entidad", "2007", "2020"); !errors.Is(err, chart.ErrNoColumn) {
		t.Errorf("Dumbbell missing column: %v", err)
	}
	if _, err := chart.Slope(df, "entidad", "2007", "2013", chart.Highlight("Sonora")); !errors.Is(err, chart.ErrNoMatch) {
		t.Errorf("Slope highlight: %v", err)
	}
	long := evaluaLong("Colima", "Morelos")
	if _, err := chart.SmallMultiples(long, "entidad", "anio", "nada"); !errors.Is(err, chart.ErrNoColumn) {
		t.Errorf("SmallMultiples missing column: %v", err)
	}
	// a long table without Series repeats each year: Line says so
	if _, err := chart.Line(long, "anio", "tasa"); !errors.Is(err, chart.ErrDuplicate) || !strings.Contains(err.Error(), "x 1997 appears twice") {
		t.Errorf("Line on a long table: %v", err)
	}
}
