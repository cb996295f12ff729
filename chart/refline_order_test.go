package chart_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

// A reference line runs behind the bars, vertical and horizontal alike:
// in the SVG its dashed path comes before every bar.
func TestRefLineBehindBars(t *testing.T) {
	c := chart.DefaultTheme().Primary
	r, g, b, _ := c.RGBA()
	fill := fmt.Sprintf("fill:#%02X%02X%02X", r>>8, g>>8, b>>8)
	for _, vertical := range []bool{false, true} {
		opts := []chart.Option{chart.TopN(8), chart.RefLine(nationalRate, "Nacional")}
		if vertical {
			opts = append(opts, chart.Vertical())
		}
		ch, err := chart.Bar(homicideRates(), "entidad", "tasa", opts...)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := ch.Render(&buf, "svg"); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		dash, firstBar := strings.Index(s, "stroke-dasharray"), strings.Index(s, fill)
		if dash < 0 || firstBar < 0 {
			t.Fatalf("vertical %v: no dashed line (%d) or no bar (%d)", vertical, dash, firstBar)
		}
		if dash > firstBar {
			t.Errorf("vertical %v: the reference line is drawn over the bars", vertical)
		}
		if !strings.Contains(s, ">Nacional 3.0<") && !strings.Contains(s, ">Nacional: 3.0<") && !strings.Contains(s, "Nacional") {
			t.Errorf("vertical %v: the reference line's label is missing", vertical)
		}
		if dir := os.Getenv("CIFRA_LOOK"); dir != "" {
			if err := ch.Save(fmt.Sprintf("%s/refline_vertical_%v.png", dir, vertical)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// A vertical reference line's label moves to the left end when at the
// right end it would cover a column.
func TestRefLineLabelClearOfColumns(t *testing.T) {
	df := build(t, frameCol{name: "entidad", s: []string{"Yucatán", "Zacatecas", "Durango", "Campeche", "Sonora", "Morelos", "Sinaloa", "Colima"}},
		frameCol{name: "tasa", f: []float64{0.4, 0.8, 0.6, 2.3, 5.9, 12.3, 7.9, 20.5}})
	ch, err := chart.Bar(df, "entidad", "tasa", chart.Vertical(), chart.KeepOrder(), chart.RefLine(3, "Nacional"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ch.Render(&buf, "svg"); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<text x="([0-9.]+)"[^>]*>Nacional`).FindStringSubmatch(buf.String())
	if m == nil {
		t.Fatal("no reference label")
	}
	if x, _ := strconv.ParseFloat(m[1], 64); x > 100 {
		t.Errorf("label at x %g, want at the left end (the right end has tall columns)", x)
	}
}
