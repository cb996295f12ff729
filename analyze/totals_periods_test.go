package analyze

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

// The national rate is the sum of the states' homicides over the sum of
// their populations: 3,996 homicides (January–March 2026, SESNSP) over
// 134,407,258 inhabitants (CONAPO 2026 mid-year; the sum of the states is
// CONAPO's own national figure) = 2.973 per 100,000.
func TestRateTotalRow(t *testing.T) {
	states, _ := homicideRates(t)
	base := states.Drop([]string{"tasa", "tasa_small"})
	out, rep, err := RateOptions{Total: true, TotalLabel: "Nacional"}.RateWithReport(base, "homicidios", "poblacion", 100_000, "tasa")
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 33 || rep.TotalRows != 32 || rep.TotalNum != 3996 || rep.TotalDen != 134407258 {
		t.Fatalf("%d rows; report:\n%s", out.Nrow(), rep)
	}
	want := 3996.0 / 134407258 * 100000
	tasa := floatsOf(t, out, "tasa")
	keys := stringsOf(t, out, "Clave_Ent")
	flags := out.Col("tasa_total").Records()
	if !near(tasa[32], want, 1e-12) || !near(rep.Total, want, 1e-12) || keys[32] != "Nacional" || flags[32] != "true" || flags[0] != "false" {
		t.Errorf("total row: %v %q %s; want %v", tasa[32], keys[32], flags[32], want)
	}
	if hom := out.Col("homicidios"); hom.Type() != "int" || hom.Elem(32).Float() != 3996 {
		t.Errorf("homicidios on the total row: %v (%s)", hom.Elem(32), hom.Type())
	}
	// The mean of the state rates is another number: the option exists
	// because the two are confused.
	mean := 0.0
	for _, r := range tasa[:32] {
		mean += r / 32
	}
	if math.Abs(mean-want) < 0.1 {
		t.Errorf("mean of rates %v too close to the national rate %v for this test to mean anything", mean, want)
	}
	if !strings.Contains(rep.String(), "total row: 2.97305") {
		t.Errorf("report:\n%s", rep)
	}
	if _, _, err := (RateOptions{Total: true}).RateWithReport(out.Drop([]string{"tasa", "tasa_small"}), "homicidios", "poblacion", 100_000, "tasa"); !errors.Is(err, ErrArgument) {
		t.Errorf("existing tasa_total column: %v", err)
	}
}

// A table of one year's amounts needs no year column.
func TestConstantPeriod(t *testing.T) {
	amounts := []float64{6529590684, 7070446674.8}
	df := mustFrame(t, frame.Floats("monto", amounts, nil))
	withCol := mustFrame(t, frame.Floats("monto", amounts, nil), frame.Strings("anio", []string{"2013", "2013"}, nil))
	a, ra, err := Deflate(df, "monto", "2013", INPC(), "2023")
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Deflate(withCol, "monto", "anio", INPC(), "2023")
	if err != nil {
		t.Fatal(err)
	}
	if x, y := floatsOf(t, a, "monto_real"), floatsOf(t, b, "monto_real"); !reflect.DeepEqual(x, y) || ra.Period != "2013" || ra.Deflated != 2 || x[0] <= amounts[0] {
		t.Errorf("constant %v, column %v; report %+v", x, y, ra)
	}
	c, rc, err := Convert(df, "monto", "2024-10", FIX(), "mxn")
	if err != nil {
		t.Fatal(err)
	}
	if got := floatsOf(t, c, "mxn"); !near(got[0]/amounts[0], 19.7062, 1e-4) || rc.Period != "2024-10" || rc.Averaged != 2 {
		t.Errorf("Convert at 2024-10: %v; report %+v", got, rc)
	}
	// A column named like a period is a column.
	wide := mustFrame(t, frame.Floats("monto", amounts, nil), frame.Strings("2015", []string{"2020", "2020"}, nil))
	if _, r, err := Deflate(wide, "monto", "2015", INPC(), "2023"); err != nil || r.Period != "" {
		t.Errorf("column named 2015: %v, %+v", err, r)
	}
	if _, _, err := Deflate(df, "monto", "fecha", INPC(), "2023"); !errors.Is(err, ErrNoColumn) || !strings.Contains(err.Error(), "nor is it a period") {
		t.Errorf("neither: %v", err)
	}
}

// ChangeBetween keeps the columns that hold one value per group: the
// state's name beside its code in Banxico's remittances.
func TestChangeBetweenKeepsGroupColumns(t *testing.T) {
	df := recordsFrame(t, readCSV(t, "testdata/banxico_remesas_entidad_2024_2025.csv", false), []string{"CVE_ENT", "VALOR_USD"}, nil)
	out, rep, err := ChangeBetween(df, "VALOR_USD", "PERIODO", "2024-01-01", "2025-01-01", "CVE_ENT")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(out.Names(), ","); got != "CVE_ENT,ENTIDAD,VALOR_USD_2024-01-01,VALOR_USD_2025-01-01,change,pct_change,note" ||
		!reflect.DeepEqual(rep.Kept, []string{"ENTIDAD"}) || out.Nrow() != 32 {
		t.Fatalf("%d rows of %s; kept %v", out.Nrow(), got, rep.Kept)
	}
	ent := stringsOf(t, out, "ENTIDAD")
	ch := floatsOf(t, out, "change")
	if ent[0] != "Aguascalientes" || ch[0] != 217997562-205081351 {
		t.Errorf("first row %q %v", ent[0], ch[0])
	}
}
