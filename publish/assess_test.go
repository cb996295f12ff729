package publish

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func checkMap(a Assessment) map[string]Check {
	m := map[string]Check{}
	for _, c := range a.Checks {
		m[c.ID] = c
	}
	return m
}

func TestAssessRawFiles(t *testing.T) {
	cases := []struct {
		file       string
		fail, pass []string
		evidence   map[string]string
	}{
		{consulta,
			[]string{"utf8", "flat", "geo_codes", "no_totals", "no_units_in_values", "clear_names"},
			[]string{"one_type_per_column", "no_duplicate_rows"},
			map[string]string{
				"utf8":      "Windows-1252",
				"flat":      `line 2508 ("FUENTE: INEGI. Censo de Población y Vivienda 2020.")`,
				"geo_codes": `(" 01 001 ")`,
				"no_totals": "33 totals or subtotals rows: row 1 (\"Total\")",
			}},
		{"testdata/sesnsp_idefc_estatal_2026.csv",
			[]string{"utf8", "iso_dates", "clear_names"},
			[]string{"flat", "geo_codes", "no_totals", "one_type_per_column", "no_duplicate_rows", "one_spelling"},
			map[string]string{"iso_dates": "Enero, Febrero, Marzo", "geo_codes": "Clave_Ent"}},
		{"testdata/censo2020_poblacion_estatal.csv",
			[]string{"no_totals"},
			[]string{"utf8", "flat", "geo_codes"},
			map[string]string{"no_totals": `row 33 ("Nacional | Nacional | 00")`}},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			a, err := Assess(c.file)
			if err != nil {
				t.Fatal(err)
			}
			m := checkMap(a)
			for _, id := range c.fail {
				if ch := m[id]; !ch.Applies || ch.Passed {
					t.Errorf("%s should fail: %+v", id, ch)
				}
			}
			for _, id := range c.pass {
				if ch := m[id]; !ch.Passed {
					t.Errorf("%s should pass: %+v", id, ch)
				}
			}
			for id, s := range c.evidence {
				if !strings.Contains(m[id].Evidence, s) {
					t.Errorf("%s evidence %q lacks %q", id, m[id].Evidence, s)
				}
			}
			if m["dictionary"].Applies {
				t.Error("a lone file has no dictionary to check")
			}
			if len(a.Checks) != 11 {
				t.Errorf("%d checks", len(a.Checks))
			}
		})
	}
}

func TestAssessPublishedScoresHigher(t *testing.T) {
	raw, err := Assess(consulta)
	if err != nil {
		t.Fatal(err)
	}
	dir := publishConsulta(t, tidyConsulta(t))
	for _, path := range []string{filepath.Join(dir, "poblacion.csv"), dir} {
		pub, err := Assess(path)
		if err != nil {
			t.Fatal(err)
		}
		if f := pub.Failed(); len(f) > 0 || pub.Score() != 1 {
			t.Errorf("%s: score %.2f, failed %v\n%s", path, pub.Score(), f, pub)
		}
		if pub.Score() <= raw.Score() {
			t.Errorf("published %.2f, raw %.2f", pub.Score(), raw.Score())
		}
		m := checkMap(pub)
		if !m["dictionary"].Applies || !m["geo_codes"].Applies {
			t.Errorf("dictionary and geo_codes apply to the package: %+v %+v", m["dictionary"], m["geo_codes"])
		}
	}
	if raw.Score() > 0.3 {
		t.Errorf("raw consulta score %.2f\n%s", raw.Score(), raw)
	}
}

func TestAssessMissingFile(t *testing.T) {
	_, err := Assess("testdata/no-such.csv")
	if err == nil || !strings.Contains(err.Error(), "no-such.csv") || !errors.Is(err, fs.ErrNotExist) || strings.Count(err.Error(), ": ") < 1 ||
		strings.Contains(err.Error(), "fetch:") || !strings.HasPrefix(err.Error(), "publish: Assess: ") {
		t.Errorf("err = %v", err)
	}
}
