package mx

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestINEGICodeForms reads every key of INEGI's consulta export of the 2020
// census: 32 state rows keyed `=CONCATENAR(0,01) ` and 2,469 municipality
// rows keyed " 01 001 ". Every one is found, with the name the file gives.
func TestINEGICodeForms(t *testing.T) {
	f, err := os.Open("testdata/inegi_censo2020_poblacion_municipio_sexo_consulta.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(charmap.ISO8859_1.NewDecoder().Reader(f))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	states, muns := 0, 0
	for _, rec := range recs {
		if len(rec) < 2 {
			continue
		}
		key, name := rec[0], rec[1]
		switch {
		case strings.HasPrefix(key, "=CONCATENAR("):
			st, ok := State(key)
			if !ok || st.Name != name {
				t.Errorf("State(%q) = %+v, %v; the file names it %q", key, st, ok, name)
			}
			states++
		case len(strings.Fields(key)) == 2:
			m, ok := MunicipalityByCode(key)
			want := strings.Join(strings.Fields(key), "")
			if !ok || m.CVEGEO != want || m.Name != name {
				t.Errorf("MunicipalityByCode(%q) = %+v, %v; want %s %q", key, m, ok, want, name)
			}
			muns++
		}
	}
	if states != 32 || muns != 2469 {
		t.Fatalf("%d states, %d municipalities", states, muns)
	}
}

func TestCodeForms(t *testing.T) {
	for _, s := range []string{" 01 ", "=CONCATENAR(0,01)", "=CONCATENAR(0,01) ", `="01"`, "'01", "1", "01", "1.0"} {
		if st, ok := State(s); !ok || st.Code != "01" {
			t.Errorf("State(%q) = %+v, %v", s, st, ok)
		}
	}
	for _, s := range []string{" 09 002 ", "09 002", "9 2", "09-002", `="09002"`, "'09002", "=CONCATENAR(0,9002)", "09002", "9002"} {
		if m, ok := MunicipalityByCode(s); !ok || m.CVEGEO != "09002" {
			t.Errorf("MunicipalityByCode(%q) = %+v, %v", s, m, ok)
		}
	}
	for _, s := range []string{"09 0021", "099 002", "=SUMA(A1)", "'", "09 002 003", "33 001"} {
		if m, ok := MunicipalityByCode(s); ok {
			t.Errorf("MunicipalityByCode(%q) = %+v", s, m)
		}
	}
	if _, ok := State("=CONCATENAR(0,00)"); ok {
		t.Error("the national code is not a state")
	}
}

// FuzzMunicipalityByCode checks that no input panics and that a code found
// is a real five-digit CVEGEO that finds itself.
func FuzzMunicipalityByCode(f *testing.F) {
	for _, s := range []string{" 01 001 ", "=CONCATENAR(0,01)", `="09002"`, "'09002", "9002", "09-002", "9 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := MunicipalityByCode(s)
		if !ok {
			return
		}
		if len(m.CVEGEO) != 5 || m.CVEGEO != m.StateCode+m.Code {
			t.Fatalf("%q → %+v", s, m)
		}
		if again, ok := MunicipalityByCode(m.CVEGEO); !ok || again.CVEGEO != m.CVEGEO {
			t.Fatalf("%q → %s does not find itself", s, m.CVEGEO)
		}
		State(s) // never panics
	})
}
