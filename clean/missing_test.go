package clean

import (
	"testing"
)

// TestMissingCovid applies the SSA codes 97 (no aplica), 98 (se ignora)
// and 99 (no especificado) to the real COVID-19 open data.
func TestMissingCovid(t *testing.T) {
	df := readTestCSV(t, "ssa_covid19_muestra_1000.csv", false, 0)
	_, renamed, err := Config{ExtraMissing: map[string][]string{"INTUBADO": {"97"}}}.SetMissing(Names(df), "intubado")
	if cr, _ := renamed.Column("intubado"); err != nil || cr.Changed != 938 {
		t.Errorf("codes not applied after Names: %+v %v", cr, err)
	}
	_, plain, err := Numbers(df, "UCI")
	if err != nil {
		t.Fatal(err)
	}
	if cr, _ := plain.Column("UCI"); !hasNote(cr, "values 97 look like missing-value codes") {
		t.Errorf("no hint about the codes: %q", cr.Notes)
	}
	c := Config{ExtraMissing: map[string][]string{"INTUBADO": {"97", "98", "99"}, "UCI": {"97", "98", "99"}}}
	out, rep, err := c.SetMissing(df, "INTUBADO", "UCI", "SEXO")
	if err != nil {
		t.Fatal(err)
	}
	cr, _ := rep.Column("INTUBADO")
	if cr.Changed != 938 || cr.BecameMissing[0] != (Tally{"97", 938}) {
		t.Errorf("INTUBADO %+v", cr)
	}
	if cr, _ := rep.Column("SEXO"); cr.Changed != 0 {
		t.Errorf("SEXO %+v", cr)
	}
	out, rep, err = c.Numbers(out, "INTUBADO", "UCI")
	if err != nil {
		t.Fatal(err)
	}
	in := col(t, out, "INTUBADO")
	yes, no, miss := 0, 0, 0
	for i, r := range in.Records() {
		switch {
		case in.IsNaN()[i]:
			miss++
		case r == "1":
			yes++
		case r == "2":
			no++
		}
	}
	if yes != 6 || no != 56 || miss != 938 {
		t.Errorf("INTUBADO yes %d no %d missing %d", yes, no, miss)
	}
	if cr, _ := rep.Column("UCI"); cr.Result != "converted to Int" || cr.Missing != 938 || cr.Parsed != 62 {
		t.Errorf("UCI %+v", cr)
	}
}
