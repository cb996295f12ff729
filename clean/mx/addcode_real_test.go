package mx

import (
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/series"
)

// TestAddMunicipalityCodeCensus places the 2,469 municipalities of the
// processed census file by state name and municipality name, and compares
// with the codes the file gives.
func TestAddMunicipalityCodeCensus(t *testing.T) {
	f, err := os.Open("testdata/censo2020_poblacion_municipal.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	recs = recs[1:]
	col := func(j int) []string {
		v := make([]string, len(recs))
		for i, r := range recs {
			v[i] = r[j]
		}
		return v
	}
	ent, mun := col(0), col(2)
	pop := make([]int, len(recs))
	for i, r := range recs {
		pop[i], _ = strconv.Atoi(r[4])
	}
	df, err := frame.New(frame.Strings("entidad", col(1), nil), frame.Strings("municipio", col(3), nil))
	if err != nil {
		t.Fatal(err)
	}
	out, rep, err := AddMunicipalityCode(df, "entidad", "municipio", "cvegeo")
	if err != nil {
		t.Fatal(err)
	}
	// Two pairs of Oaxaca municipalities share a name (San Juan Mixtepec,
	// San Pedro Mixtepec): by name they are ambiguous, never guessed.
	if rep.Placed != 2465 || rep.UnplacedRows() != 4 || len(rep.Unplaced) != 3 {
		t.Fatalf("report:\n%s", rep)
	}
	for _, u := range rep.Unplaced {
		if u.Reason != "ambiguous" || !strings.HasPrefix(u.Value, "Oaxaca / San ") {
			t.Errorf("unplaced %+v", u)
		}
	}
	codes, na := frame.StringsOf(out.Col("cvegeo"))
	var differ []string
	for i := range codes {
		if na[i] {
			continue
		}
		if codes[i] != ent[i]+mun[i] {
			differ = append(differ, ent[i]+mun[i]+"→"+codes[i])
		}
		m, _ := MunicipalityByCode(codes[i])
		if codes[i] == ent[i]+mun[i] && m.Population2020 != pop[i] {
			t.Errorf("%s population %d, file %d", codes[i], m.Population2020, pop[i])
		}
	}
	// The processed file swaps Tecolotlán and Techaluta de Montenegro.
	if strings.Join(differ, ",") != "14088→14089,14089→14088" {
		t.Fatalf("codes that differ from the file: %v", differ)
	}

	// State codes from numbers, as files that lost the leading zero have them.
	nums := make([]int, len(ent))
	for i, e := range ent {
		nums[i], _ = strconv.Atoi(e)
	}
	df2, _ := frame.New(series.New(nums, series.Int, "clave"))
	out2, rep2, err := AddStateCode(df2, "clave", "cve_ent")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := frame.StringsOf(out2.Col("cve_ent"))
	if rep2.Placed != 2469 || strings.Join(got, "") != strings.Join(ent, "") {
		t.Fatalf("report:\n%s", rep2)
	}
}

func BenchmarkState(b *testing.B) {
	names := []string{"Veracruz de Ignacio de la Llave", "CDMX", "09", "MÃ©xico", "Nuevo León", "Texas"}
	for i := 0; i < b.N; i++ {
		State(names[i%len(names)])
	}
}

func BenchmarkAddStateCode1M(b *testing.B) {
	names := make([]string, 1_000_000)
	for i := range names {
		names[i] = states[i%32].Short
	}
	df, _ := frame.New(frame.Strings("entidad", names, nil))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := AddStateCode(df, "entidad", "cve"); err != nil {
			b.Fatal(err)
		}
	}
}
