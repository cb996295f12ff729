package cifra_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/clean/mx"
	"github.com/datacon-mx/cifra/fetch"
)

// censusWithBadCell reads the 2020 census by state and writes "928,36,3"
// (a value typed with broken thousands groups) in place of Campeche's
// population: row 4 of the table, line 5 of the file.
func censusWithBadCell(t *testing.T) dataframe.DataFrame {
	t.Helper()
	raw, err := os.ReadFile("testdata/censo2020_poblacion_estatal.csv")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	const good = "Campeche,Campeche,04,928363,"
	if !strings.Contains(text, good) {
		t.Fatalf("fixture changed: no %q", good)
	}
	text = strings.Replace(text, good, `Campeche,Campeche,04,"928,36,3",`, 1)
	df, err := fetch.ReadCSV(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := df.Col("pob_total_2020").Elem(3).String(); got != "928,36,3" {
		t.Fatalf("row 4 of pob_total_2020 = %q, want the damaged cell", got)
	}
	return df
}

// TestSameRowEverywhere feeds the same bad cell to clean, analyze and
// chart: each names it as row 4, the 1-based row of the table it received.
func TestSameRowEverywhere(t *testing.T) {
	df := censusWithBadCell(t)
	const col, want = "pob_total_2020", "row 4"

	_, rep, err := clean.Numbers(df, col)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Columns) != 1 || len(rep.Columns[0].FailedRows) != 1 || rep.Columns[0].FailedRows[0] != 4 {
		t.Errorf("clean.Numbers report: %+v, want failed row 4", rep.Columns)
	}
	_, _, err = clean.Config{Strict: true}.Numbers(df, col)
	checkRow(t, "clean", "clean.Config{Strict: true}.Numbers", err, clean.ErrBadNumber, want)

	_, err = analyze.GroupBy(df, "nombre_estado").Agg(analyze.Sum(col))
	checkRow(t, "analyze", "analyze.GroupBy(…).Agg(Sum)", err, analyze.ErrNotNumeric, want)
	_, err = analyze.Rate(df, "pob_h_2020", col, 100, "pct_hombres")
	checkRow(t, "analyze", "analyze.Rate", err, analyze.ErrNotNumeric, want)

	_, err = chart.Bar(df, "nombre_estado", col)
	checkRow(t, "chart", "chart.Bar", err, chart.ErrNotNumeric, want)

	// Once clean has turned the bad cell into a missing value, chart
	// leaves it out and reports the same row.
	fixed, _, err := clean.Numbers(df, col)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := chart.Bar(fixed, "nombre_estado", col, chart.SkipMissing(), chart.AllowMany())
	if err != nil {
		t.Fatal(err)
	}
	if sk := ch.Report().Skipped; len(sk) != 1 || sk[0].Row != 4 || sk[0].Label != "Campeche" {
		t.Errorf("chart report skipped %+v, want row 4 (Campeche)", sk)
	}
}

// TestNoColumnEverywhere asks every stage for a column the table lacks:
// each error satisfies errors.Is with every package's ErrNoColumn, and
// carries one package prefix.
func TestNoColumnEverywhere(t *testing.T) {
	df := censusWithBadCell(t)
	const nope = "poblacion"
	sentinels := map[string]error{
		"fetch": fetch.ErrNoColumn, "clean": clean.ErrNoColumn, "mx": mx.ErrNoColumn,
		"analyze": analyze.ErrNoColumn, "chart": chart.ErrNoColumn,
	}
	errOf := func(_ any, err error) error { return err }
	errOf3 := func(_, _ any, err error) error { return err }
	for _, tc := range []struct {
		pkg, call string
		err       error
	}{
		{"fetch", "fetch.ReadCSVFile(Columns)", errOf(fetch.ReadCSVFile("testdata/censo2020_poblacion_estatal.csv", fetch.Columns(nope)))},
		{"clean", "clean.Numbers", errOf3(clean.Numbers(df, nope))},
		{"clean", "clean.Join", errOf3(clean.Join(df, df, clean.Left, nope))},
		{"mx", "mx.AddStateCode", errOf3(mx.AddStateCode(df, nope, "cve"))},
		{"analyze", "analyze.GroupBy", errOf(analyze.GroupBy(df, nope).Agg(analyze.Count()))},
		{"analyze", "analyze.Rate", errOf(analyze.Rate(df, nope, "pob_total_2020", 100, "t"))},
		{"chart", "chart.Bar", errOf(chart.Bar(df, "nombre_estado", nope))},
		{"chart", "chart.Line", errOf(chart.Line(df, nope, "pob_h_2020"))},
	} {
		if tc.err == nil {
			t.Errorf("%s: no error for a missing column", tc.call)
			continue
		}
		for name, s := range sentinels {
			if !errors.Is(tc.err, s) {
				t.Errorf("%s: errors.Is(err, %s.ErrNoColumn) is false for %q", tc.call, name, tc.err)
			}
		}
		msg := tc.err.Error()
		if !strings.HasPrefix(msg, tc.pkg+": ") || strings.Count(msg, tc.pkg+": ") != 1 {
			t.Errorf("%s: %q should start with %q once", tc.call, msg, tc.pkg+": ")
		}
		if want := `column "` + nope + `": no such column (columns: `; !strings.Contains(msg, want) {
			t.Errorf("%s: %q lacks the shared shape %q…", tc.call, msg, want)
		}
	}
}

func checkRow(t *testing.T, pkg, call string, err, sentinel error, row string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error for the bad cell", call)
		return
	}
	msg := err.Error()
	if !errors.Is(err, sentinel) {
		t.Errorf("%s: %q does not wrap %v", call, msg, sentinel)
	}
	if !strings.Contains(msg, row+":") && !strings.Contains(msg, row+" ") {
		t.Errorf("%s: %q does not name %s", call, msg, row)
	}
	if !strings.HasPrefix(msg, pkg+": ") || strings.Count(msg, pkg+":") != 1 {
		t.Errorf("%s: %q should start with %q once", call, msg, pkg+": ")
	}
}
