package chart_test

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

func fillOf(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("fill:#%02X%02X%02X", r>>8, g>>8, b>>8)
}

// A dumbbell's key shows the colours its dots are drawn in: blue without
// Highlight, the accent with it (and then no blue anywhere).
func TestDumbbellKeyMatchesDots(t *testing.T) {
	th := chart.DefaultTheme()
	df := evalua("2007", "2013", "Guerrero", "Sinaloa", "Chihuahua", "Morelos", "Durango", "Colima")
	for _, hl := range []bool{false, true} {
		opts := []chart.Option{chart.Title("Homicidios por cada 100 mil habitantes")}
		if hl {
			opts = append(opts, chart.Highlight("Colima"))
		}
		ch, err := chart.Dumbbell(df, "entidad", "2007", "2013", opts...)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := ch.Render(&b, "svg"); err != nil {
			t.Fatal(err)
		}
		s := b.String()
		want, not := th.Primary, th.Accent
		if hl {
			want, not = th.Accent, th.Primary
		}
		// the swatch of the key and a dot: the colour twice at least
		if n := strings.Count(s, fillOf(want)); n < 2 {
			t.Errorf("highlight %v: %s drawn %d times, want key and dots", hl, fillOf(want), n)
		}
		if strings.Contains(s, fillOf(not)) {
			t.Errorf("highlight %v: %s drawn, but no dot has it", hl, fillOf(not))
		}
		if dir := os.Getenv("CIFRA_LOOK"); dir != "" {
			if err := ch.Save(fmt.Sprintf("%s/dumbbell_hl_%v.png", dir, hl)); err != nil {
				t.Fatal(err)
			}
		}
	}
}
