package chart_test

import (
	"bytes"
	"errors"
	"regexp"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

// Highlight on stacked and grouped bars names a category (its name turns
// bold, other bars fade) or a series (other series fade).
func TestHighlightStacked(t *testing.T) {
	bold := regexp.MustCompile(`font-weight:bold[^>]*>([^<]+)</text>`)
	for _, tc := range []struct {
		name, hl, bold string
		mk             func(...chart.Option) (*chart.Chart, error)
	}{
		{"stacked category", "Chihuahua", "Chihuahua", func(o ...chart.Option) (*chart.Chart, error) {
			return chart.StackedBar(modalityTable(), "entidad", "serie", "valor", o...)
		}},
		{"grouped category", "chihuahua", "Chihuahua", func(o ...chart.Option) (*chart.Chart, error) {
			return chart.GroupedBar(modalityTable(), "entidad", "serie", "valor", o...)
		}},
		{"stacked series", "No especificado", "", func(o ...chart.Option) (*chart.Chart, error) {
			return chart.StackedBar(modalityTable(), "entidad", "serie", "valor", o...)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain, err := tc.mk()
			if err != nil {
				t.Fatal(err)
			}
			ch, err := tc.mk(chart.Highlight(tc.hl))
			if err != nil {
				t.Fatal(err)
			}
			var a, b bytes.Buffer
			if err := plain.Render(&a, "svg"); err != nil {
				t.Fatal(err)
			}
			if err := ch.Render(&b, "svg"); err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("Highlight changed nothing")
			}
			var got []string
			for _, m := range bold.FindAllStringSubmatch(b.String(), -1) {
				got = append(got, m[1])
			}
			if tc.bold != "" && (len(got) != 1 || got[0] != tc.bold) {
				t.Errorf("bold labels %q, want %q", got, tc.bold)
			}
		})
	}
	_, err := chart.StackedBar(modalityTable(), "entidad", "serie", "valor", chart.Highlight("Yucatán"))
	if !errors.Is(err, chart.ErrNoMatch) {
		t.Errorf("Highlight of an absent category: %v, want ErrNoMatch", err)
	}
}
