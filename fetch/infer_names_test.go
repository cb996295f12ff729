package fetch

import (
	"strings"
	"testing"

	"github.com/go-gota/gota/series"
)

func TestLooksLikeCodeName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"cve_ent", true}, {"CVE_MUN", true}, {"Cve. Municipio", true}, {"Cve. Entidad", true},
		{"cve-loc", true}, {"CVEGEO", true}, {"cve_geo", true}, {"Clave_Ent", true},
		{"clave de entidad", true}, {"claveMun", true}, {"Código postal", true}, {"codigo", true},
		{"id", true}, {"ID Persona", true}, {"persona_id", true}, {"RFC", true}, {"rfc_emisor", true},
		{"CURP", true}, {"cp", true}, {"folio", true}, {"FOLIO_SOLICITUD", true}, {"numero_folio", true},
		{"CLUES", true}, {"mun_cve", true}, {"ent.clave", true},
		{"POBTOT", false}, {"poblacion", false}, {"Entidad", false}, {"identidad", false},
		{"paid", false}, {"cpu", false}, {"Rapid", false}, {"valor", false}, {"", false}, {"...", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := looksLikeCodeName(tc.name); got != tc.want {
				t.Errorf("looksLikeCodeName(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestLooksLikeGeoCodeName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"ENTIDAD", true}, {"ENT", true}, {"MUN", true}, {"LOC", true}, {"MZA", true},
		{"Municipio", true}, {"localidad", true}, {"ENT_REGIS", true}, {"MUN_RESID", true},
		{"ENTIDAD_RES", true}, {"Entidad federativa", true},
		{"POBTOT", false}, {"NOM_ENT", false}, {"NOM_MUN", false}, {"entidad de residencia habitual", false},
		{"poblacion", false}, {"entidades", false}, {"", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := looksLikeGeoCodeName(tc.name); got != tc.want {
				t.Errorf("looksLikeGeoCodeName(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

// TestDecideWhy checks the type and the reason the report gives for it.
func TestDecideWhy(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   series.Type
		why    string
	}{
		{"ENTIDAD", []string{"19", "19"}, series.String, `INEGI geographic code (integers such as "19")`},
		{"MUN", []string{"0", "1", "51"}, series.String, "INEGI geographic code"},
		{"ENTIDAD", []string{"Nuevo León", "Coahuila"}, series.String, ""},
		{"Entidad", []string{"3.5", "2"}, series.Float, ""},
		{"Cve. Municipio", []string{"1001", "9007"}, series.String, "name looks like a code"},
		{"POBTOT", []string{"5784442", "3,685"}, series.Int, ""},
		{"POBFEM", []string{"2908045", "*", "*"}, series.String, `not a number: "*"`},
		{"ALTITUD", []string{"0502", "*"}, series.String, `leading zeros: "0502"`},
		{"Fecha", []string{"02/01/2018", "15/01/2018"}, series.String, `dates (text): "02/01/2018"`},
		{"Fecha", []string{"02-01-2018", "15-01-2018"}, series.String, `dates (text): "02-01-2018"`},
		{"fecha", []string{"2018-01-02 10:00:00"}, series.String, `dates (text): "2018-01-02 10:00:00"`},
		{"periodo", []string{"2023-Q1", "2023-Q2"}, series.String, `dates (text): "2023-Q1"`},
		{"periodo", []string{"2023-01", "2023-02"}, series.String, `dates (text): "2023-01"`},
		{"codigo_zona", []string{"01.01", "02.01"}, series.String, "name looks like a code"},
		{"zona", []string{"01.01", "02.01"}, series.String, `leading zeros: "01.01"`},
		{"zm", []string{"01.01.001", "09.01.002"}, series.String, `leading zeros: "01.01.001"`},
		{"mixto", []string{"true", "1"}, series.String, "mixed numbers and true/false"},
		{"titulo", []string{"1", "CONTRATACIÓN DEL SERVICIO DE CAPACITACIÓN PARA IMPARTIR EL TALLER"}, series.String,
			`not a number: "CONTRATACIÓN DEL SERVICIO DE CAPACITACIÓ…"`},
	}
	for _, tc := range tests {
		t.Run(tc.name+"/"+strings.Join(tc.values, ","), func(t *testing.T) {
			var in inference
			for _, v := range tc.values {
				in.add(v)
			}
			got, why := in.decide(tc.name, false, false)
			if got != tc.want || !strings.Contains(why, tc.why) || tc.why == "" && why != "" {
				t.Errorf("decide = %s %q, want %s %q", got, why, tc.want, tc.why)
			}
		})
	}
}

func TestLooksLikeDateText(t *testing.T) {
	for _, s := range []string{"02/01/2018", "2/1/18", "2018-01-02", "2018/1/2", "02-01-2018", "2023-Q4", "2024-10", "17.10.2024", "2018-01-02T08:00", "2023/04"} {
		if !looksLikeDateText(s) {
			t.Errorf("looksLikeDateText(%q) = false", s)
		}
	}
	for _, s := range []string{"0502", "01", "1,234", "2018", "2018-1", "2023-Q5", "12/11/1991 - 28/11/2024", "01/02/03/04", "1-2", "2018-01-02x", "Q1", "N/E", "02/01-2018", "2018-01-02 x", "2018-01-02 :00", "2023.01", "18/01"} {
		if looksLikeDateText(s) {
			t.Errorf("looksLikeDateText(%q) = true", s)
		}
	}
}
