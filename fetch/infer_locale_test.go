package fetch

import (
	"strings"
	"testing"

	"github.com/go-gota/gota/series"
)

// TestCommaDecimalNotes: a Spanish-locale export (CONAPO 2020 and INEGI
// 2015 state figures written "1.434.635" and "233,7150997151") keeps those
// columns as text and says why, and warns that the surface column read as
// 5.616 may be 5,616 km²; an ordinary file gets no such notes.
func TestCommaDecimalNotes(t *testing.T) {
	tests := []struct {
		name string
		path string
		want []string
		none bool
	}{
		{"spanish locale", "testdata/csv/accept_pob_estado_es.csv", []string{
			`columns "poblacion_2015", "conapo_2020" hold numbers written with point thousands and decimal commas ("1.312.544")`,
			`column "superficie_km2" was read with a decimal point (5.616)`,
			`5.616 as 5616`,
		}, false},
		{"decimal points", "testdata/csv/accept_iter_19_excerpt.csv", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var rep Report
			df, err := ReadCSVFile(tc.path, WithReport(&rep))
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(rep.Notes, "\n")
			for _, w := range tc.want {
				if !strings.Contains(notes, w) {
					t.Errorf("notes lack %q:\n%s", w, notes)
				}
			}
			if tc.none && strings.Contains(notes, "decimal comma") {
				t.Errorf("unexpected note:\n%s", notes)
			}
			if tc.name == "spanish locale" {
				if c := df.Col("superficie_km2"); c.Type() != series.Float || c.Elem(0).Float() != 5.616 {
					t.Errorf("superficie_km2 = %v %v", c.Type(), c.Elem(0))
				}
				if c := df.Col("conapo_2020"); c.Type() != series.String || c.Elem(7).String() != "17.427.790" {
					t.Errorf("conapo_2020 = %v %v", c.Type(), c.Elem(7))
				}
			}
		})
	}
}

func TestCommaDecimalText(t *testing.T) {
	for s, want := range map[string]bool{
		"1.312.544": true, "1.234,5": true, "-1.000,00": true, "$1.234,56": true,
		"5.616": false, "1,234.5": false, "1,5": false, "2024.01.05x": false, "a.b.c": false, "": false,
	} {
		if got := commaDecimalText(s); got != want {
			t.Errorf("commaDecimalText(%q) = %v, want %v", s, got, want)
		}
	}
}
