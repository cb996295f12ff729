package mx

import (
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// TestAddMunicipalityCodeShortNames checks that rows placed by an everyday
// short name are counted and listed, and rows placed by official names or
// codes are not. Codes: INEGI Marco Geoestadístico.
func TestAddMunicipalityCodeShortNames(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"México", "México", "Edomex", "Guerrero", "Guerrero", "Jalisco", "Sonora", "Ciudad de México"}, series.String, "estado"),
		series.New([]string{"Ecatepec", "Ecatepec", "Ecatepec de Morelos", "Acapulco", "001", "Guadalajara", "Nogales", "Iztapalapa"}, series.String, "municipio"),
	)
	out, rep, err := AddMunicipalityCode(df, "estado", "municipio", "cvegeo")
	if err != nil {
		t.Fatal(err)
	}
	got := out.Col("cvegeo").Records()
	want := []string{"15033", "15033", "15033", "12001", "12001", "14039", "26043", "09007"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %s, want %s", i, got[i], want[i])
		}
	}
	if rep.Placed != 8 || rep.ShortName != 3 || len(rep.ShortNames) != 2 {
		t.Fatalf("placed %d, short name %d (%d distinct), want 8, 3, 2\n%s", rep.Placed, rep.ShortName, len(rep.ShortNames), rep)
	}
	first := rep.ShortNames[0]
	if first.Value != "México / Ecatepec" || first.Rows != 2 || first.CVEGEO != "15033" || !strings.HasPrefix(first.Name, "Ecatepec de Morelos") {
		t.Errorf("first short name = %+v", first)
	}
	s := rep.String()
	for _, w := range []string{"3 by short name", `"México / Ecatepec" ×2 placed by short name as Ecatepec de Morelos (15033)`,
		`"Guerrero / Acapulco" ×1 placed by short name as Acapulco de Juárez (12001)`} {
		if !strings.Contains(s, w) {
			t.Errorf("report lacks %q:\n%s", w, s)
		}
	}
	// Official names ("Nogales" is Sonora's official name) and codes are
	// not short names.
	if strings.Contains(s, "Nogales") || strings.Contains(s, "/ 001") {
		t.Errorf("report lists an official name or a code as a short name:\n%s", s)
	}
}
