package clean

import (
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func TestParseQuarter(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" = not a quarter
	}{
		{"2023-Q1", "2023-Q1"},
		{"Q4 2024", "2024-Q4"},
		{"2023T2", "2023-Q2"},
		{"1T2023", "2023-Q1"},
		{"T3/2022", "2022-Q3"},
		{"1er trimestre de 2023", "2023-Q1"},
		{"Primer trimestre 2023", "2023-Q1"},
		{"IV trimestre 2019", "2019-Q4"},
		{"trimestre 2 2021", "2021-Q2"},
		{"4º trimestre 2020", "2020-Q4"},
		{"2023-Q5", ""},
		{"2023/01", ""},      // a month (or a BIE quarter: ambiguous)
		{"I/2023", ""},       // no marker
		{"Q1 Q2 2023", ""},   // two numbers
		{"QT1 2023", ""},     // two markers
		{"trimestre", ""},    // no year
		{"2023 2024 T1", ""}, // two years
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, ok := parseQuarter(tc.in)
			got := ""
			if ok {
				if err := p.check(); err != nil {
					t.Fatalf("parseQuarter(%q) gave %+v, which fails check: %v", tc.in, p, err)
				}
				got = p.iso()
			}
			if got != tc.want {
				t.Errorf("parseQuarter(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// ENOE and BIE-style quarterly periods, as journalists meet them, read by
// Dates with no options.
func TestDatesQuarters(t *testing.T) {
	vals := []string{"2023T1", "2023T2", "2023T3", "2023T4", "N/D", "1T2024"}
	df := dataframe.New(series.New(vals, series.String, "periodo"))
	out, rep, err := Dates(df, "periodo")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(out.Col("periodo").Records(), ",")
	want := "2023-Q1,2023-Q2,2023-Q3,2023-Q4,NaN,2024-Q1"
	if got != want {
		t.Errorf("periodo = %s, want %s", got, want)
	}
	cr, ok := rep.Column("periodo")
	if !ok || cr.Parsed != 5 || cr.Failed != 0 {
		t.Errorf("report: %+v", cr)
	}
	// Day-first dates are untouched by the quarter fallback.
	df = dataframe.New(series.New([]string{"31/01/2024", "12/31/2023"}, series.String, "fecha"))
	out, _, err = Dates(df, "fecha")
	if err != nil {
		t.Fatal(err)
	}
	if got := out.Col("fecha").Records()[0]; got != "2024-01-31" {
		t.Errorf("fecha[0] = %s", got)
	}
}

func FuzzParseQuarter(f *testing.F) {
	for _, s := range []string{"2023-Q1", "1T2023", "IV trimestre 2019", "", "T", "9999q9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := parseQuarter(s)
		if !ok {
			return
		}
		if err := p.check(); err != nil {
			t.Fatalf("parseQuarter(%q) = %+v fails check: %v", s, p, err)
		}
		if iso := p.iso(); len(iso) != 7 || iso[4:6] != "-Q" {
			t.Fatalf("parseQuarter(%q).iso() = %q", s, iso)
		}
	})
}
