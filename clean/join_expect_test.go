package clean

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// states32 is the census state table without its national row.
func states32(t *testing.T) dataframe.DataFrame {
	t.Helper()
	df := loadCSV(t, "testdata/join/censo2020_poblacion_estatal.csv", "pob_total_2020")
	df = df.Filter(dataframe.F{Colname: "cve_geo", Comparator: series.Neq, Comparando: "00"})
	if df.Err != nil || df.Nrow() != 32 {
		t.Fatalf("states: %d rows, %v", df.Nrow(), df.Err)
	}
	return df
}

// TestExpectYearForgotten joins 32 states to population by state and year
// (SESNSP/México Evalúa, 18 years): every state row is multiplied by 18.
// Unmatched passes; Expect(ManyToOne) fails and names the keys.
func TestExpectYearForgotten(t *testing.T) {
	states := states32(t)
	pop := loadCSV(t, "testdata/join/mexicoevalua_homicidios_estado_1997_2013.csv", "state_code", "year", "population")
	out, rep, err := Config{RightOn: []string{"state_code"}}.Join(states, pop, Left, "cve_geo")
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 576 || rep.Rows != 576 {
		t.Fatalf("rows %d", out.Nrow())
	}
	if err := rep.Unmatched(); err != nil {
		t.Fatalf("every state matched, Unmatched should pass: %v", err)
	}
	if rep.Relation() != OneToMany || rep.ExtraRows() != 544 {
		t.Fatalf("relation %s, extra %d", rep.Relation(), rep.ExtraRows())
	}
	for _, c := range []Cardinality{OneToOne, ManyToOne} {
		err := rep.Expect(c)
		if !errors.Is(err, ErrCardinality) {
			t.Fatalf("Expect(%s) = %v", c, err)
		}
		msg := err.Error()
		for _, want := range []string{"expected " + c.String(), "found one-to-many", "32 keys", "multiply 32 left rows into 576 (+544 rows)", `"1" ×18 right rows`, "clean: left join on \"cve_geo\""} {
			if !strings.Contains(msg, want) {
				t.Errorf("Expect(%s): %q lacks %q", c, msg, want)
			}
		}
		if strings.Count(msg, "clean:") != 1 {
			t.Errorf("one prefix: %q", msg)
		}
	}
	if err := rep.Expect(OneToMany); err != nil {
		t.Errorf("OneToMany: %v", err)
	}
	if err := rep.Expect(ManyToMany); err != nil {
		t.Errorf("ManyToMany: %v", err)
	}
	first := strings.SplitN(rep.String(), "\n", 2)[0]
	if !strings.Contains(first, "ROWS MULTIPLIED: 32 right keys repeat, adding 544 rows") {
		t.Errorf("first line does not say rows were multiplied: %q", first)
	}

	// Filtered to one year, one population row per state: one-to-one.
	y := pop.Filter(dataframe.F{Colname: "year", Comparator: series.Eq, Comparando: 2013})
	out, rep, err = Config{RightOn: []string{"state_code"}}.Join(states, y, Left, "cve_geo")
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 32 {
		t.Fatalf("rows %d", out.Nrow())
	}
	for _, c := range []Cardinality{OneToOne, ManyToOne, OneToMany, ManyToMany} {
		if err := rep.Expect(c); err != nil {
			t.Errorf("Expect(%s): %v", c, err)
		}
	}
	if strings.Contains(rep.String(), "MULTIPLIED") {
		t.Errorf("no rows multiplied: %s", rep)
	}
	if err := rep.Expect(Cardinality(9)); !errors.Is(err, ErrArgument) {
		t.Errorf("unknown cardinality: %v", err)
	}
}

// TestExpectLookup: many municipalities share a state key (a lookup), which
// ManyToOne accepts and OneToOne refuses.
func TestExpectLookup(t *testing.T) {
	mun := loadCSV(t, "testdata/join/censo2020_poblacion_municipal.csv", "poblacion")
	states := states32(t)
	_, rep, err := Config{RightOn: []string{"cve_geo"}}.Join(mun, states, Left, "clave_entidad")
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Expect(ManyToOne); err != nil {
		t.Fatalf("lookup: %v", err)
	}
	err = rep.Expect(OneToOne)
	if !errors.Is(err, ErrCardinality) || !strings.Contains(err.Error(), "held by several left rows") || !strings.Contains(err.Error(), `"20" ×570 left rows`) {
		t.Fatalf("OneToOne: %v", err)
	}
}
