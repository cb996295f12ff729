package chart_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/internal/frame"
)

// Natural breaks leave Colima (20.5 per 100,000) alone in the darkest
// class; custom breaks draw the classes given; the legend title reaches
// the drawing.
func TestMapBreaks(t *testing.T) {
	codes := make([]string, len(homicidios))
	for i, h := range homicidios {
		codes[i] = h.cve
	}
	df := homicideRates().Mutate(frame.Strings("cve_ent", codes, nil))
	legend := func(opts ...chart.Option) string {
		t.Helper()
		ch, err := chart.Choropleth(df, "cve_ent", "tasa", opts...)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := ch.Render(&b, "svg"); err != nil {
			t.Fatal(err)
		}
		var labels []string
		parts := strings.Split(b.String(), "</text>")
		if len(parts) > 12 {
			parts = parts[:12]
		}
		for _, part := range parts {
			if i := strings.LastIndex(part, ">"); i >= 0 {
				labels = append(labels, part[i+1:])
			}
		}
		return strings.Join(labels, " ")
	}
	for _, tc := range []struct {
		name string
		opts []chart.Option
		want string
	}{
		{"quantiles", nil, "0.3 0.9 1.5 2.2 5.5 20.5"},
		{"natural", []chart.Option{chart.NaturalBreaks()}, "0.3 3.9 6.8 10.0 16.0 20.5"},
		{"custom", []chart.Option{chart.Breaks(1, 2, 5, 10)}, "0.3 1.0 2.0 5.0 10.0 20.5"},
		{"title", []chart.Option{chart.LegendTitle("Carpetas por cada 100 mil habitantes")}, "Carpetas por cada 100 mil habitantes 0.3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := legend(tc.opts...); !strings.Contains(got, tc.want) {
				t.Errorf("legend reads %q, want %q", got, tc.want)
			}
		})
	}
	_, err := chart.Choropleth(df, "cve_ent", "tasa", chart.Breaks(5, 2))
	if !errors.Is(err, chart.ErrArgument) {
		t.Errorf("Breaks(5, 2): %v, want ErrArgument", err)
	}
}

// Highlight on a map outlines the states it names (by name, code or
// common abbreviation) and writes their values beside them.
func TestMapHighlight(t *testing.T) {
	codes := make([]string, len(homicidios))
	for i, h := range homicidios {
		codes[i] = h.cve
	}
	df := homicideRates().Mutate(frame.Strings("cve_ent", codes, nil))
	ch, err := chart.Choropleth(df, "cve_ent", "tasa", chart.Highlight("Colima", "CDMX"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ch.Render(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{">Colima 20.5</text>", ">Ciudad de México 1.9</text>"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("map lacks the label %q", want)
		}
	}
	if _, err := chart.Choropleth(df, "cve_ent", "tasa", chart.Highlight("Atlántida")); !errors.Is(err, chart.ErrNoMatch) {
		t.Errorf("Highlight of no state: %v, want ErrNoMatch", err)
	}
}
