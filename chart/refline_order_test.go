package chart_test

import (
	"bytes"
	"fmt"
	"os"
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
