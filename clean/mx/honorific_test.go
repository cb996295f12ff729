package mx

import "testing"

// TestMunicipalityHonorificPrefix: names written with an honorific prefix
// the catalogue does not carry (INEGI's AGEEML and state publications
// write "Heroica Ciudad de Juchitán de Zaragoza", "Heroica Nogales") find
// their municipality; a prefix on an unknown or ambiguous name still does
// not.
func TestMunicipalityHonorificPrefix(t *testing.T) {
	tests := []struct {
		state, name, want string
	}{
		{"Oaxaca", "Heroica Ciudad de Juchitán de Zaragoza", "20043"},
		{"Oaxaca", "HEROICA CIUDAD DE JUCHITAN DE ZARAGOZA", "20043"},
		{"Sonora", "Heroica Caborca", "26017"},
		{"Sonora", "Heroica Ciudad de Cananea", "26019"},
		{"Sonora", "Heroica Nogales", "26043"},
		{"Michoacán", "Heroica Zitácuaro", "16112"},
		{"Veracruz", "Heroica Córdoba", "30044"},
		{"Tamaulipas", "H. Matamoros", "28022"},
		{"Oaxaca", "Heroica Ciudad de Huajuapan de León", "20039"}, // the catalogue's own name
		{"Sonora", "Heroica Atlantis", ""},
		{"Oaxaca", "Heroica San Juan Mixtepec", ""}, // two municipalities share the name
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := Municipality(tc.state, tc.name)
			if ok != (tc.want != "") || m.CVEGEO != tc.want {
				t.Errorf("Municipality(%q, %q) = %q, %v; want %q", tc.state, tc.name, m.CVEGEO, ok, tc.want)
			}
		})
	}
}
