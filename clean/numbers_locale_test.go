package clean

import (
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// loadSemicolon reads a semicolon CSV as text columns.
func loadSemicolon(t *testing.T, path string) dataframe.DataFrame {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var cols []series.Series
	for j, name := range recs[0] {
		v := make([]string, len(recs)-1)
		for i, rec := range recs[1:] {
			v[i] = rec[j]
		}
		cols = append(cols, frame.Strings(name, v, nil))
	}
	df, err := frame.New(cols...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

// TestNumbersDecimalCommaDefault: with no Config, a column written with
// point thousands and decimal commas (CONAPO 2020 state populations and
// INEGI 2015 densities re-written as a Spanish-locale export) is read with
// decimal commas, and the report says so.
func TestNumbersDecimalCommaDefault(t *testing.T) {
	df := loadSemicolon(t, "testdata/accept_pob_estado_es.csv")
	out, rep, err := Numbers(df, "poblacion_2015", "densidad_2015", "conapo_2020")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		col  string
		row  int
		want float64
	}{
		{"conapo_2020", 0, 1434635},
		{"conapo_2020", 7, 17427790},
		{"poblacion_2015", 7, 16187608},
		{"densidad_2015", 0, 233.7150997151},
		{"densidad_2015", 6, 5965.654180602},
	}
	for _, tc := range tests {
		t.Run(tc.col, func(t *testing.T) {
			got := out.Col(tc.col).Elem(tc.row).Float()
			if got != tc.want {
				t.Errorf("%s row %d = %v, want %v", tc.col, tc.row, got, tc.want)
			}
		})
	}
	var sum float64
	for _, v := range out.Col("conapo_2020").Float() {
		sum += v
	}
	if sum != 1434635+3634868+804708+1000617+5730367+3801487+9018645+17427790 {
		t.Errorf("conapo_2020 sum = %.0f", sum)
	}
	if s := rep.String(); !strings.Contains(s, "decimal commas") {
		t.Errorf("report does not say the column was read with decimal commas:\n%s", s)
	}
	// With no columns named, the same columns are converted.
	auto, _, err := Numbers(df)
	if err != nil {
		t.Fatal(err)
	}
	if got := auto.Col("conapo_2020").Elem(7).Float(); got != 17427790 {
		t.Errorf("auto conapo_2020 row 7 = %v", got)
	}
}

func TestNumbersDecimalCommaGuard(t *testing.T) {
	col := func(v ...string) dataframe.DataFrame {
		df, err := frame.New(frame.Strings("x", v, nil))
		if err != nil {
			t.Fatal(err)
		}
		return df
	}
	tests := []struct {
		name   string
		values []string
		want   []float64 // NaN-free expectations; nil for an error
	}{
		{"only decimal commas", []string{"1,5", "2,25"}, []float64{1.5, 2.25}},
		{"grouped with comma decimals", []string{"1.234.567,89", "-1.000,00", "12"}, []float64{1234567.89, -1000, 12}},
		// No value can only be a decimal comma: the MX reading stays,
		// "1,5" fails and is reported.
		{"MX thousands kept", []string{"1,234", "2,500", "1,5"}, []float64{1234, 2500}},
		{"MX decimals kept", []string{"20.5", "1,234.5", "1.234,5"}, []float64{20.5, 1234.5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := Numbers(col(tc.values...), "x")
			if err != nil {
				t.Fatal(err)
			}
			got := out.Col("x").Float()
			for i, w := range tc.want {
				if got[i] != w {
					t.Errorf("row %d = %v, want %v", i, got[i], w)
				}
			}
		})
	}
	// An explicit locale is never second-guessed.
	_, _, err := Config{Locale: US}.Numbers(col("1.234.567,89"), "x")
	if !errors.Is(err, ErrBadNumber) {
		t.Errorf("US locale: err = %v, want ErrBadNumber", err)
	}
}
