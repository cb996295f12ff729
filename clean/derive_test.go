package clean

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// covidTyped is the 1,000-row COVID-19 sample with EDAD a number and
// FECHA_DEF a date (the "-001-11-30" placeholder missing).
func covidTyped(t *testing.T) dataframe.DataFrame {
	t.Helper()
	df := readTestCSV(t, "ssa_covid19_muestra_1000.csv", false, 0)
	df, _, err := Numbers(df, "EDAD")
	if err != nil {
		t.Fatal(err)
	}
	df, _, err = Dates(df, "FECHA_DEF", "FECHA_INGRESO")
	if err != nil {
		t.Fatal(err)
	}
	return df
}

// budgetTyped is the first 20 rows of the SHCP Cuenta Pública table with
// its amounts as numbers.
func budgetTyped(t *testing.T) dataframe.DataFrame {
	t.Helper()
	df := readTestCSV(t, "shcp_cuenta_publica_ramo_20.csv", false, 0)
	df, _, err := Numbers(df, "CICLO", "GC_SUMA", "GI_SUMA", "TOTAL", "GI_PENSIONES_Y_JUBILACIONES")
	if err != nil {
		t.Fatal(err)
	}
	return df
}

func TestDeriveTypes(t *testing.T) {
	df := covidTyped(t)
	out, rep, err := Derive(df, "murio", func(r Row) (bool, error) { return !r.Missing("FECHA_DEF"), nil })
	if err != nil {
		t.Fatal(err)
	}
	s := out.Col("murio")
	if b, _ := s.Bool(); s.Type() != series.Bool || trues(b) != 22 || out.Ncol() != df.Ncol()+1 {
		t.Errorf("murio: %s %v", s.Type(), s)
	}
	if c := rep.Columns[0]; c.Parsed != 1000 || c.Missing != 0 || c.Result != "new bool column" {
		t.Errorf("report %+v", c)
	}
	// A constant year: Int.
	out, _, err = Derive(out, "anio", func(r Row) (int, error) { return 2021, nil })
	if err != nil || out.Col("anio").Type() != series.Int || out.Col("anio").Sum() != 2021000 {
		t.Fatalf("anio: %v", err)
	}
	// Text from two columns, in place of an existing column.
	out, rep, err = Derive(out, "ENTIDAD_RES", func(r Row) (string, error) {
		return r.String("ENTIDAD_RES") + "-" + r.String("MUNICIPIO_RES"), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := frame.StringsOf(out.Col("ENTIDAD_RES")); v[0] != "03-003" || out.Names()[7] != "ENTIDAD_RES" {
		t.Errorf("ENTIDAD_RES[0] = %q, names %v", v[0], out.Names())
	}
	if rep.Columns[0].Result != "replaced by a string column" {
		t.Errorf("report %+v", rep.Columns[0])
	}
}

// A missing input leaves the cell missing, and the report says which column
// was missing; FloatOr decides instead.
func TestDeriveMissingPropagates(t *testing.T) {
	df := budgetTyped(t)
	out, rep, err := Derive(df, "pensiones_e_inversion", func(r Row) (float64, error) {
		return r.Float("GI_PENSIONES_Y_JUBILACIONES") + r.Float("GI_SUMA"), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	v, na := frame.FloatsOf(out.Col("pensiones_e_inversion"))
	c := rep.Columns[0]
	if !na[0] || !math.IsNaN(v[19]) || c.Missing != 20 || c.Parsed != 0 ||
		!reflect.DeepEqual(c.Notes, []string{`20 cells: "GI_PENSIONES_Y_JUBILACIONES" was missing`}) {
		t.Errorf("%v %v; report %+v", v[:2], na[:2], c)
	}
	out, rep, err = Derive(df, "pensiones_e_inversion", func(r Row) (float64, error) {
		return r.FloatOr("GI_PENSIONES_Y_JUBILACIONES", 0) + r.Float("GI_SUMA"), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	v, _ = frame.FloatsOf(out.Col("pensiones_e_inversion"))
	if v[0] != 52442736 || v[19] != 1967226577.5100002 || rep.Columns[0].Parsed != 20 {
		t.Errorf("%v…%v, report %+v", v[0], v[19], rep.Columns[0])
	}
	// The check a story makes: current plus investment spending is the
	// total in every row, to the cent.
	out, _, err = Derive(df, "diferencia", func(r Row) (float64, error) {
		return math.Round((r.Float("GC_SUMA")+r.Float("GI_SUMA")-r.Float("TOTAL"))*100) / 100, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := out.Col("diferencia"); d.Max() != 0 || d.Min() != 0 {
		t.Errorf("GC_SUMA+GI_SUMA-TOTAL from %v to %v", d.Min(), d.Max())
	}
}

func TestDeriveFailures(t *testing.T) {
	df := budgetTyped(t)
	// RAMO is text: reading it as a number fails for every row.
	_, rep, err := Derive(df, "x", func(r Row) (float64, error) { return r.Float("RAMO"), nil })
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Columns[0]
	if c.Failed != 20 || len(c.FailedRows) != 20 || c.FailedRows[0] != 1 ||
		c.FailedExamples[0].Text != `column "RAMO": "H. Cámara de Diputados" is not a number` {
		t.Errorf("report %+v", c)
	}
	// The function's own errors and NA.
	_, rep, err = Derive(df, "x", func(r Row) (float64, error) {
		switch r.Number() {
		case 1:
			return 0, errors.New("sin dato")
		case 2:
			return 0, NA
		}
		return r.Float("TOTAL") / 1e6, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Columns[0]; c.Failed != 1 || c.FailedRows[0] != 1 || c.Missing != 1 || c.Parsed != 18 {
		t.Errorf("report %+v", c)
	}
	if _, _, err := Derive(df, "x", func(r Row) (int, error) { return r.Int("NO_EXISTE"), nil }); !errors.Is(err, ErrNoColumn) ||
		!strings.Contains(err.Error(), `clean: derive: column "NO_EXISTE"`) || strings.Count(err.Error(), "clean:") != 1 {
		t.Errorf("unknown column: %v", err)
	}
	if _, _, err := Derive(df, "", func(r Row) (int, error) { return 0, nil }); !errors.Is(err, ErrArgument) {
		t.Errorf("no name: %v", err)
	}
}

func TestFilter(t *testing.T) {
	df := covidTyped(t)
	for _, tc := range []struct {
		name    string
		keep    Predicate
		rows    int
		missing int
	}{
		{"not missing", NotMissing("FECHA_DEF"), 22, 0},
		{"is missing", IsMissing("FECHA_DEF"), 978, 0},
		{"in", In("ENTIDAD_RES", "02"), 372, 0},
		{"between", Between("EDAD", 60, 200), 57, 0},
		{"all", All(NotMissing("FECHA_DEF"), Between("EDAD", 60, 200)), 8, 0},
		{"dates, a whole month", DatesBetween("FECHA_DEF", "2021-07-01", "2021-07"), 22, 978},
		{"closure", func(r Row) bool { return r.Float("EDAD") >= 60 && !r.Missing("FECHA_DEF") }, 8, 0},
		// Unknown answers stay out even under Not.
		{"not of a missing date", Not(DatesBetween("FECHA_DEF", "2021-07-10", "2021-07-31")), 11, 978},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, rep, err := Filter(df, tc.keep)
			if err != nil {
				t.Fatal(err)
			}
			missing := 0
			if len(rep.Columns) > 0 {
				missing = rep.Columns[0].Missing
			}
			if out.Nrow() != tc.rows || len(rep.RemovedRows) != 1000-tc.rows || missing != tc.missing || out.Ncol() != df.Ncol() {
				t.Errorf("%d rows, %d removed, %d unknown; want %d, %d unknown\n%s", out.Nrow(), len(rep.RemovedRows), missing, tc.rows, tc.missing, rep)
			}
		})
	}
	out, _, err := Filter(df, In("ENTIDAD_RES", "99"))
	if err != nil || out.Nrow() != 0 || out.Ncol() != df.Ncol() || out.Col("EDAD").Type() != series.Int {
		t.Errorf("empty result: %v, %d×%d", err, out.Nrow(), out.Ncol())
	}
	if _, _, err := Filter(df, In("entidad", "02")); !errors.Is(err, ErrNoColumn) {
		t.Errorf("unknown column: %v", err)
	}
}

func TestCoalesce(t *testing.T) {
	df := covidTyped(t)
	out, rep, err := Coalesce(df, "fecha_fin", "FECHA_DEF", "FECHA_INGRESO")
	if err != nil {
		t.Fatal(err)
	}
	v, na := frame.StringsOf(out.Col("fecha_fin"))
	c := rep.Columns[0]
	if v[0] != "2021-07-08" || na[0] || c.Parsed != 1000 || c.Seen[0].Count != 22 || c.Seen[1].Count != 978 {
		t.Errorf("fecha_fin[0] = %q; report %+v", v[0], c)
	}
	b := budgetTyped(t)
	out, rep, err = Coalesce(b, "pensiones", "GI_PENSIONES_Y_JUBILACIONES", "GI_SUMA")
	if err != nil {
		t.Fatal(err)
	}
	if s := out.Col("pensiones"); s.Type() != series.Float || s.Elem(0).Float() != 52442736 || rep.Columns[0].Seen[1].Count != 20 {
		t.Errorf("pensiones %s %v; %+v", s.Type(), s.Elem(0), rep.Columns[0])
	}
	if _, _, err := Coalesce(b, "x", "GI_SUMA", "NO"); !errors.Is(err, ErrNoColumn) {
		t.Errorf("unknown column: %v", err)
	}
}

func trues(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}
