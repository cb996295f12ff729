package mx

import (
	"encoding/csv"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"golang.org/x/text/encoding/charmap"
)

func TestLevel(t *testing.T) {
	for code, want := range map[string]GeoLevel{
		"00": LevelNational, "0": LevelNational, "000": LevelNational, "00000": LevelNational,
		" 00 000 ": LevelNational, "Nacional": LevelNational, "Estados Unidos Mexicanos": LevelNational,
		"01": LevelState, "9": LevelState, "9.0": LevelState, "=CONCATENAR(0,01) ": LevelState,
		"=CONCATENAR( ,10) ": LevelState, `="07"`: LevelState, "'32": LevelState, "01000": LevelState, " 15 000 ": LevelState,
		" 01 001 ": LevelMunicipality, "01001": LevelMunicipality, "1001": LevelMunicipality, "09-002": LevelMunicipality,
		"010010000": LevelMunicipality, "10010000": LevelMunicipality, "10010001": LevelLocality,
		"010010001": LevelLocality, "01 001 0001": LevelLocality,
		"": LevelUnknown, " ": LevelUnknown, "33": LevelUnknown, "33001": LevelUnknown, "00001": LevelUnknown,
		"123": LevelUnknown, "Aguascalientes": LevelUnknown, "01 000 0001": LevelUnknown, "1.5": LevelUnknown,
	} {
		if got := Level(code); got != want {
			t.Errorf("Level(%q) = %s, want %s", code, got, want)
		}
	}
}

// consulta reads INEGI's consulta export of the 2020 census (Latin-1, a
// four-line title, the national row keyed with a blank code) as text.
func consulta(t *testing.T) dataframe.DataFrame {
	t.Helper()
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
	var key, name, total []string
	for _, rec := range recs[4:] {
		if len(rec) < 3 {
			continue
		}
		key, name, total = append(key, rec[0]), append(name, rec[1]), append(total, rec[2])
	}
	df, err := frame.New(frame.Strings("clave", key, nil), frame.Strings("nombre", name, nil), frame.Strings("total", total, nil))
	if err != nil {
		t.Fatal(err)
	}
	return df
}

// The levels of the consulta export: one national row, 32 states and the
// 2,469 municipalities; each level sums to the country once, and the rows
// that are not municipalities are the rows clean.DropTotals finds from the
// numbers alone.
func TestAddLevelConsulta(t *testing.T) {
	df := consulta(t)
	df, _, err := clean.Numbers(df, "total")
	if err != nil {
		t.Fatal(err)
	}
	out, rep, err := AddLevel(df, "clave", "nombre", "nivel")
	if err != nil {
		t.Fatal(err)
	}
	want := map[GeoLevel]int{LevelNational: 1, LevelState: 32, LevelMunicipality: 2469}
	if !reflect.DeepEqual(rep.Levels, want) || rep.Placed != out.Nrow() || len(rep.Unplaced) != 0 || rep.Missing != 0 {
		t.Fatalf("%d rows: %s", out.Nrow(), rep)
	}
	lv, _ := frame.StringsOf(out.Col("nivel"))
	pop, _ := frame.FloatsOf(out.Col("total"))
	sums := map[string]float64{}
	var notMun []int
	for i, l := range lv {
		sums[l] += pop[i]
		if l != "municipality" {
			notMun = append(notMun, i+1)
		}
	}
	for l, s := range sums {
		if s != 126014024 {
			t.Errorf("%s rows sum to %.0f", l, s)
		}
	}
	_, drep, err := clean.DropTotals(df, "total")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(drep.RemovedRows, notMun) {
		t.Errorf("DropTotals removed %d rows (%v…), the levels say %d (%v…)", len(drep.RemovedRows), head(drep.RemovedRows), len(notMun), head(notMun))
	}
	if !strings.Contains(rep.String(), "1 national, 32 state, 2469 municipality") {
		t.Errorf("report: %s", rep)
	}
}

func head(v []int) []int {
	if len(v) > 5 {
		return v[:5]
	}
	return v
}

func TestAddLevelErrors(t *testing.T) {
	df, _ := frame.New(frame.Strings("cve", []string{"01", "x99", "", "x99"}, []bool{false, false, false, false}))
	out, rep, err := AddLevel(df, "cve", "", "nivel")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Missing != 1 || len(rep.Unplaced) != 1 || rep.Unplaced[0].Rows != 2 || rep.Unplaced[0].FirstRow != 2 {
		t.Errorf("report %+v", rep)
	}
	if v, na := frame.StringsOf(out.Col("nivel")); v[0] != "state" || !na[1] || !na[2] {
		t.Errorf("nivel %q %v", v, na)
	}
	if _, _, err := AddLevel(df, "cve_ent", "", "nivel"); !strings.Contains(err.Error(), `"cve_ent"`) {
		t.Errorf("unknown column: %v", err)
	}
	if _, _, err := AddLevel(df, "cve", "", "cve"); err == nil {
		t.Error("existing column: no error")
	}
}
