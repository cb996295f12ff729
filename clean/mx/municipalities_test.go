package mx

import (
	"errors"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

func TestMunicipalityCatalogue(t *testing.T) {
	all := Municipalities()
	census, pop := 0, 0
	var after []string
	for _, m := range all {
		if m.Census2020 {
			census++
			pop += m.Population2020
		} else {
			after = append(after, m.CVEGEO+" "+m.Name)
		}
	}
	if len(all) != 2475 || census != 2469 {
		t.Fatalf("%d municipalities, %d in the census; want 2475 and 2469", len(all), census)
	}
	// INEGI's national total in the same census export.
	if pop != 126014024 {
		t.Fatalf("census population %d, want 126014024", pop)
	}
	want := "02007 San Felipe|04013 Dzitbalché|12082 Las Vigas|12083 Ñuu Savi|12084 Santa Cruz del Rincón|12085 San Nicolás"
	if got := strings.Join(after, "|"); got != want {
		t.Fatalf("created after 2020: %s", got)
	}
}

func TestMunicipality(t *testing.T) {
	tests := []struct {
		state, muni, want string
	}{
		{"CDMX", "Coyoacán", "09003"},
		{"9", "2", "09002"},
		{"09", "002", "09002"},
		{"Ciudad de México", "09002", "09002"},
		{"Jalisco", "Tecolotlán", "14088"},
		{"jalisco", "TECHALUTA DE MONTENEGRO", "14089"},
		{"Guanajuato", "Dolores Hidalgo", "11014"},
		{"Guanajuato", "Dolores Hidalgo Cuna de la Independencia Nacional", "11014"},
		{"Sonora", "Alamos", "26003"},
		{"Guerrero", "Ñuu Savi", "12083"},
		{"Guerrero", "nuu savi", "12083"},
		{"Oaxaca", "San Juan Mixtepec", ""}, // two municipalities: ambiguous
		{"Oaxaca", "20208", "20208"},
		{"Jalisco", "09002", ""}, // code of another state
		{"Texas", "Houston", ""},
		{"Jalisco", "Atlantis", ""},
		{"Jalisco", "0", ""},
		{"", "14039", "14039"},
		{" ", "Guadalajara", ""},
	}
	for _, tt := range tests {
		t.Run(tt.state+"/"+tt.muni, func(t *testing.T) {
			m, ok := Municipality(tt.state, tt.muni)
			if tt.want == "" {
				if ok {
					t.Fatalf("got %+v, want not found", m)
				}
				return
			}
			if !ok || m.CVEGEO != tt.want {
				t.Fatalf("got %+v %v, want %s", m, ok, tt.want)
			}
		})
	}
	m, ok := MunicipalityByCode("9002")
	if !ok || m.Name != "Azcapotzalco" || m.Population2020 != 432205 || m.State().Name != "Ciudad de México" {
		t.Fatalf("MunicipalityByCode(9002) = %+v", m)
	}
	if m, ok := MunicipalityByCode("04013"); !ok || m.Census2020 || m.Name != "Dzitbalché" {
		t.Fatalf("Dzitbalché: %+v %v", m, ok)
	}
	for _, bad := range []string{"", "09999", "abc", "33001", "0"} {
		if _, ok := MunicipalityByCode(bad); ok {
			t.Errorf("MunicipalityByCode(%q) found", bad)
		}
	}
}

func TestAddStateCode(t *testing.T) {
	df, err := frame.New(frame.Strings("entidad", []string{"CDMX", "Nacional", "Edo. Méx.", "Veracrúz", "Veracrúz", "", "Jalisco"}, []bool{false, false, false, false, false, true, false}))
	if err != nil {
		t.Fatal(err)
	}
	out, rep, err := AddStateCode(df, "entidad", "cve_ent")
	if err != nil {
		t.Fatal(err)
	}
	codes, na := frame.StringsOf(out.Col("cve_ent"))
	if got := strings.Join(codes, ","); got != "09,00,15,30,30,,14" {
		t.Fatalf("codes %s", got)
	}
	if !na[5] || na[3] {
		t.Fatalf("missing mask %v", na)
	}
	if rep.Placed != 5 || rep.National != 1 || rep.Missing != 1 || len(rep.Unplaced) != 0 {
		t.Fatalf("report %+v", rep)
	}

	df2, _ := frame.New(frame.Strings("estado", []string{"Verakruz", "Verakruz", "Coahuila", "Yucatan del Norte"}, nil))
	_, rep, err = AddStateCode(df2, "estado", "cve")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Placed != 1 || len(rep.Unplaced) != 2 || rep.Unplaced[0].Value != "Verakruz" || rep.Unplaced[0].Rows != 2 {
		t.Fatalf("report %+v", rep)
	}
	if s := rep.Unplaced[0].Suggestions; len(s) == 0 || s[0] != "Veracruz de Ignacio de la Llave" {
		t.Fatalf("suggestions %v", s)
	}
	if s := rep.Unplaced[1].Suggestions; len(s) == 0 || s[0] != "Yucatán" {
		t.Fatalf("suggestions %v", s)
	}
	if !strings.Contains(rep.String(), `"Verakruz" ×2`) {
		t.Fatalf("String:\n%s", rep)
	}
	if _, _, err := AddStateCode(df2, "nope", "cve"); !errors.Is(err, ErrNoColumn) || !errors.Is(err, ErrColumn) || !strings.Contains(err.Error(), `"nope"`) {
		t.Fatalf("err %v", err)
	}
	if _, _, err := AddStateCode(df2, "estado", "estado"); !errors.Is(err, ErrDuplicate) || !errors.Is(err, ErrColumn) {
		t.Fatalf("err %v", err)
	}
}

func TestAddMunicipalityCode(t *testing.T) {
	df, _ := frame.New(
		frame.Strings("estado", []string{"CDMX", "Oaxaca", "Campeche", "Jalisco", "Narnia"}, nil),
		frame.Strings("municipio", []string{"Benito Juárez", "San Juan Mixtepec", "Dzitbalché", "Guadalajra", "X"}, nil),
	)
	out, rep, err := AddMunicipalityCode(df, "estado", "municipio", "cvegeo")
	if err != nil {
		t.Fatal(err)
	}
	codes, _ := frame.StringsOf(out.Col("cvegeo"))
	if got := strings.Join(codes, ","); got != "09014,,04013,," {
		t.Fatalf("codes %s", got)
	}
	if rep.Placed != 2 || rep.After2020 != 1 || len(rep.Unplaced) != 3 {
		t.Fatalf("report %+v", rep)
	}
	reasons := map[string]string{}
	for _, u := range rep.Unplaced {
		reasons[u.Value] = u.Reason
		if u.Value == "Jalisco / Guadalajra" && (len(u.Suggestions) == 0 || u.Suggestions[0] != "Guadalajara (14039)") {
			t.Errorf("suggestions %v", u.Suggestions)
		}
	}
	if reasons["Oaxaca / San Juan Mixtepec"] != "ambiguous" || reasons["Narnia / X"] != "unknown state" || reasons["Jalisco / Guadalajra"] != "unknown" {
		t.Fatalf("reasons %v", reasons)
	}
}

// Everyday short names of municipalities, as they appear in news copy and
// in state-level spreadsheets: found when unique in the state, refused
// when another municipality of the state begins the same way.
func TestMunicipalityShortNames(t *testing.T) {
	tests := []struct {
		state, name, want string // want "" = not found
	}{
		{"México", "Ecatepec", "15033"},
		{"Edo. de México", "Naucalpan", "15057"},
		{"Guerrero", "Acapulco", "12001"},
		{"Oaxaca", "Oaxaca", "20067"},
		{"Puebla", "Puebla", "21114"},
		{"Sonora", "Nogales", "26043"},
		{"Jalisco", "San Martín", ""},              // San Martín de Bolaños or San Martín Hidalgo
		{"Oaxaca", "Guadalupe", ""},                // Guadalupe de Ramírez or Guadalupe Etla
		{"Jalisco", "San Juan", ""},                // San Juan de los Lagos keeps "de los Lagos"
		{"México", "Ecatepec de Morelos", "15033"}, // the official name still works
		{"Chihuahua", "Juárez", "08037"},
	}
	for _, tc := range tests {
		t.Run(tc.state+"/"+tc.name, func(t *testing.T) {
			m, ok := Municipality(tc.state, tc.name)
			got := ""
			if ok {
				got = m.CVEGEO
			}
			if got != tc.want {
				t.Errorf("Municipality(%q, %q) = %q (%s), want %q", tc.state, tc.name, got, m.Name, tc.want)
			}
		})
	}
}
