package fetch

// Acceptance regressions found by reading real government files with no
// options (see /tmp/accept/regressions/README.md for the sources). Copy the
// testdata/accept_* files to fetch/testdata/csv/ and this file to fetch/.

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-gota/gota/series"
)

const acceptDir = "testdata/csv/"

// SESNSP municipal incidence (IDEFC_NM_*.csv) writes "Cve. Municipio" as a
// number (1001); INEGI's ITER writes ENTIDAD, MUN and LOC as codes that lose
// their zeros when a file is re-saved (19, 1, 0). All are codes: they must
// stay String whatever digits they hold, like Clave_Ent already does.
func TestAcceptCodeColumnNames(t *testing.T) {
	tests := []struct {
		file string
		cols []string
	}{
		{"accept_homicidios_gto_raw_excerpt.csv", []string{"Clave_Ent", "Cve. Municipio"}},
		{"accept_idefc_nm_cp1252.csv", []string{"Clave_Ent", "Cve. Municipio"}},
		{"accept_iter_19_excerpt.csv", []string{"ENTIDAD", "MUN", "LOC"}},
		{"accept_iter_19_oficial_cp1252.csv", []string{"ENTIDAD", "MUN", "LOC"}},
	}
	for _, tc := range tests {
		for _, col := range tc.cols {
			t.Run(tc.file+"/"+col, func(t *testing.T) {
				df, err := ReadCSVFile(acceptDir + tc.file)
				if err != nil {
					t.Fatal(err)
				}
				if got := df.Col(col).Type(); got != series.String {
					t.Errorf("%s is %s, want string (a code); values %v", col, got, df.Col(col).Records())
				}
			})
		}
	}
	// The numbers next to them stay numbers.
	df, err := ReadCSVFile(acceptDir + "accept_iter_19_excerpt.csv")
	if err != nil {
		t.Fatal(err)
	}
	if df.Col("POBTOT").Type() != series.Int || df.Col("POBTOT").Float()[0] != 5784442 {
		t.Errorf("POBTOT = %v, want Int with Nuevo León 5,784,442 first", df.Col("POBTOT").Records()[:1])
	}
}

// INEGI's "Banco de Indicadores" export endpoint sometimes answers with an
// empty ASP.NET page saved under a .csv name (mexicovid19/Mexico-datos,
// datos/geograficos/Indicadores20200622155630.csv). Reading it as CSV must
// say it is an HTML page (ErrFormat), not report a field-count problem on
// line 19.
func TestAcceptHTMLPageAsCSV(t *testing.T) {
	_, err := ReadCSVFile(acceptDir + "accept_inegi_indicadores_html.csv")
	if err == nil {
		t.Fatal("no error")
	}
	if !errors.Is(err, ErrFormat) {
		t.Errorf("err = %v, want ErrFormat", err)
	}
	if !strings.Contains(strings.ToLower(err.Error()), "html") {
		t.Errorf("err = %v, want it to say the file is an HTML page", err)
	}
}

// A Banxico SIE CSV export of one series over a short period: the metadata
// block ("Título", "Periodo disponible", … "Tipo de información") has the
// same two columns as the data and outnumbers the data rows. The header is
// the "Fecha","SF43718" row.
func TestAcceptBanxicoSIEShortSeries(t *testing.T) {
	var rep Report
	df, err := ReadCSVFile(acceptDir+"accept_banxico_sie_fix_short.csv", WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(df.Names(), ","); got != "Fecha,SF43718" {
		t.Fatalf("names = %s, want Fecha,SF43718\n%s", got, rep.String())
	}
	if df.Nrow() != 6 {
		t.Errorf("rows = %d, want 6", df.Nrow())
	}
	fix := df.Col("SF43718")
	if fix.Type() != series.Float || !fix.IsNaN()[0] || fix.Float()[1] != 16.9220 {
		t.Errorf("SF43718 = %s %v, want Float, N/E missing, 16.9220", fix.Type(), fix.Records())
	}
}

// INEGI's ITER marks confidential cells with "*". The column then stays
// String, which is right, but the report must say why, so the journalist
// knows to clean it (clean.Numbers turns "*" into missing and counts it).
func TestAcceptReportSaysWhyString(t *testing.T) {
	var rep Report
	_, err := ReadCSVFile(acceptDir+"accept_iter_19_oficial_cp1252.csv", WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rep.Columns {
		if c.Name != "POBFEM" {
			continue
		}
		if c.Type != series.String {
			t.Fatalf("POBFEM is %s, want String: \"*\" is not a missing marker of the readers (clean.Numbers decides)", c.Type)
		}
		if !strings.Contains(c.Why, `"*"`) {
			t.Errorf("POBFEM Why = %q, want it to name the non-number \"*\"", c.Why)
		}
		return
	}
	t.Fatal("no POBFEM in report")
}
