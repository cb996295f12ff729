package mx

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

func TestStateVariants(t *testing.T) {
	tests := []struct{ in, code string }{
		{"15", "15"}, {"9", "09"}, {"09", "09"}, {"9.0", "09"}, {" 9.000000 ", "09"},
		{"CDMX", "09"}, {"Distrito Federal", "09"}, {"D.F.", "09"}, {"Ciudad de Mexico", "09"},
		{"CIUDAD DE MÉXICO", "09"}, {"MX-CMX", "09"}, {"DIF", "09"}, {"DF", "09"},
		{"Edo. de México", "15"}, {"Estado de México", "15"}, {"México", "15"}, {"MÉXICO", "15"},
		{"Edomex", "15"}, {"MÃ©xico", "15"}, {"Mexico", "15"},
		{"Coahuila", "05"}, {"Coahuila de Zaragoza", "05"}, {"COAHUILA DE ZARAGOZA", "05"},
		{"Michoacán", "16"}, {"MICHOACAN DE OCAMPO", "16"}, {"MichoacÃ¡n de Ocampo", "16"},
		{"Veracruz", "30"}, {"Veracruz de Ignacio de la Llave", "30"}, {"Veracruz-Llave", "30"},
		{"Querétaro de Arteaga", "22"}, {"Queretaro", "22"}, {"QRO", "22"}, {"QUE", "22"},
		{"Nuevo León", "19"}, {"NUEVO LEON", "19"}, {"NuevoLeón", ""}, {"Nuevo   León ", "19"},
		{"Baja California Sur", "03"}, {"Baja California", "02"}, {"BCS", "03"}, {"BCN", "02"},
		{"Q. Roo", "23"}, {"QROO", "23"}, {"ROO", "23"},
		{"AGS", "01"}, {"AGU", "01"}, {"CHIS", "07"}, {"CHP", "07"}, {"CHIH", "08"}, {"CHH", "08"},
		{"TAMPS", "28"}, {"TAM", "28"}, {"TLAX", "29"}, {"TLA", "29"}, {"MICH", "16"}, {"MIC", "16"},
		{"San Luis Potosí", "24"}, {"SLP", "24"}, {"Yucatán", "31"},
		{"M\uFFFDxico", "15"}, {"Michoac\uFFFDn de Ocampo", "16"}, {"Nuevo Le\uFFFDn", "19"},
		{"00", ""}, {"0", ""}, {"Nacional", ""}, {"33", ""}, {"", ""}, {"   ", ""}, {"Texas", ""},
		{"-1", ""}, {"9.5", ""},
		{"Ciudad de México (CDMX)", "09"}, {"Estado de México (Edomex)", "15"}, {"México (Jalisco)", ""},
		{"09 Ciudad de México", "09"}, {"15 - México", "15"}, {"14 Sonora", ""}, {"(CDMX)", "09"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := State(tt.in)
			if tt.code == "" {
				if ok {
					t.Fatalf("State(%q) = %+v, want not found", tt.in, got)
				}
				return
			}
			if !ok || got.Code != tt.code {
				t.Fatalf("State(%q) = %+v, %v; want code %s", tt.in, got, ok, tt.code)
			}
		})
	}
}

func TestStateInfo(t *testing.T) {
	st, ok := State("edo. de méxico")
	want := StateInfo{Code: "15", Name: "México", Short: "Estado de México", Abbr: "MEX", ISO: "MX-MEX", Alpha3: "MEX", CURP: "MC"}
	if !ok || st != want {
		t.Fatalf("got %+v", st)
	}
	if st.Number() != 15 {
		t.Fatalf("Number = %d", st.Number())
	}
	all := States()
	if len(all) != 32 {
		t.Fatalf("%d states", len(all))
	}
	for i, s := range all {
		if s.Number() != i+1 {
			t.Errorf("state %d has code %s", i, s.Code)
		}
		for _, name := range []string{s.Name, s.Short, s.Abbr, s.ISO, s.Alpha3, s.CURP, strings.ToUpper(s.Name), s.Code} {
			if got, ok := State(name); !ok || got.Code != s.Code {
				t.Errorf("State(%q) = %v %v, want %s", name, got.Code, ok, s.Code)
			}
		}
	}
	all[0].Name = "changed"
	if s, _ := State("01"); s.Name != "Aguascalientes" {
		t.Fatal("States returned the catalogue itself")
	}
}

// TestStateKeysUnique guards the tables: no spelling may name two states.
func TestStateKeysUnique(t *testing.T) {
	owner := map[string]string{}
	for _, s := range states {
		names := append([]string{s.Name, s.Short, s.Abbr, s.ISO, s.Alpha3, s.CURP}, variants[s.Code]...)
		for _, n := range names {
			k := foldKey(n)
			if o, ok := owner[k]; ok && o != s.Code {
				t.Errorf("%q (%q) names both %s and %s", n, k, o, s.Code)
			}
			owner[k] = s.Code
		}
	}
}

func TestIsNational(t *testing.T) {
	for _, s := range []string{"00", "0", "Nacional", "NACIONAL", " República Mexicana ", "Estados Unidos Mexicanos", "Total nacional"} {
		if !IsNational(s) {
			t.Errorf("IsNational(%q) = false", s)
		}
	}
	for _, s := range []string{"01", "México", "", "Jalisco"} {
		if IsNational(s) {
			t.Errorf("IsNational(%q) = true", s)
		}
	}
}

// TestStateNamesInRealFiles maps every state name found in the project's
// real files to the code the same file gives it.
func TestStateNamesInRealFiles(t *testing.T) {
	f, err := os.Open("testdata/state_names.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	national, checked := 0, 0
	for _, r := range recs[1:] {
		file, col, val, code := r[0], r[1], r[2], r[3]
		if code == "00" {
			national++
			if !IsNational(val) {
				t.Errorf("%s %s: %q not national", file, col, val)
			}
			continue
		}
		checked++
		got, ok := State(val)
		if !ok || got.Code != code {
			t.Errorf("%s %s: State(%q) = %q %v, want %s", file, col, val, got.Code, ok, code)
		}
	}
	if checked != 448 || national != 4 {
		t.Fatalf("checked %d names and %d national rows; want 448 and 4", checked, national)
	}
}

func FuzzState(f *testing.F) {
	for _, s := range []string{"CDMX", "9.0", "M\uFFFDxico", "MÃ©xico", "Baja California Sur", "", "0000000000009", "Ã\xff", "\uFFFD\uFFFD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, ok := State(s)
		if ok != (st.Code != "") {
			t.Fatalf("State(%q) = %+v, %v", s, st, ok)
		}
		IsNational(s)
		Municipality(s, s)
		MunicipalityByCode(s)
	})
}
