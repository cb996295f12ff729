package analyze

import (
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/internal/frame"
)

// The FIX values checked here are Banxico's own (SIE series SF43718, as the
// API answers it): 19.4899 on 2 January 2018 and 19.2737 on Friday 5
// January 2018.

func mixedTable(t *testing.T) dataframe.DataFrame {
	t.Helper()
	df, err := frame.New(
		frame.Floats("importe", []float64{100, 10, 10, 7, 5, 3, math.NaN(), 2, 1}, nil),
		frame.Strings("moneda", []string{"MXN", "USD", " usd", "USD", "EUR", "", "MXN", "USD", "mxn"},
			[]bool{false, false, false, false, false, true, false, false, false}),
		frame.Strings("fecha", []string{"2014-11-28", "2018-01-02", "2018-01-06", "2014-11-28", "2018-01-02", "2018-01-02", "2018-01-02", "", "2014-11-28"},
			[]bool{false, false, false, false, false, false, false, true, false}),
	)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

func TestCurrenciesConvert(t *testing.T) {
	c := Currencies{Home: "MXN", Rates: map[string]ExchangeRates{"USD": FIX()}}
	out, rep, err := c.ConvertMixed(mixedTable(t), "importe", "moneda", "fecha", "importe_mxn")
	if err != nil {
		t.Fatal(err)
	}
	got := out.Col("importe_mxn").Float()
	want := []float64{100, 194.899, 192.737, math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), 1}
	why := []string{"home currency", "FIX of the day", "Saturday: Friday's FIX", "2014: no FIX", "EUR: no rates",
		"no currency", "missing amount", "missing date", "home currency, lower case"}
	for i := range want {
		t.Run(why[i], func(t *testing.T) {
			if math.IsNaN(want[i]) != math.IsNaN(got[i]) || (!math.IsNaN(want[i]) && math.Abs(got[i]-want[i]) > 1e-9) {
				t.Errorf("row %d: got %v, want %v", i+1, got[i], want[i])
			}
		})
	}
	usd := rep.Converted["USD"]
	if rep.Rows != 9 || rep.Kept != 3 || usd.Rows != 4 || usd.Converted != 2 || usd.NoRate != 1 || usd.MissingDate != 1 || usd.PreviousDay != 1 {
		t.Errorf("report: %+v\nUSD: %+v", rep, usd)
	}
	if rep.NoRates["EUR"] != 1 || rep.NoRates[""] != 1 || rep.Missing() != 5 {
		t.Errorf("no rates %v, missing %d", rep.NoRates, rep.Missing())
	}
	// The input is not changed and keeps its columns; the result is added.
	if fmt.Sprint(out.Names()) != "[importe moneda fecha importe_mxn]" {
		t.Errorf("names %v", out.Names())
	}
	s := rep.String()
	for _, frag := range []string{"9 rows into MXN; 3 already in MXN (1 with a missing amount); 5 left missing", "USD: 4 rows, 2 converted; 1 with no rate for their date (2014-11-28)", "EUR: 1 rows, no rates given", "1 rows with no currency"} {
		if !strings.Contains(s, frag) {
			t.Errorf("report lacks %q:\n%s", frag, s)
		}
	}
}

// TestCurrenciesCompranet keeps the 200 peso contracts of the real
// Compranet sample as they are: their sum matches the file's.
func TestCurrenciesCompranet(t *testing.T) {
	f, err := os.Open("testdata/compranet_contratos_2014_muestra_200.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, h := range rows[0] {
		idx[h] = i
	}
	var amt []float64
	var cur, day []string
	for _, r := range rows[1:] {
		v, err := strconv.ParseFloat(r[idx["IMPORTE_CONTRATO"]], 64)
		if err != nil {
			t.Fatal(err)
		}
		amt = append(amt, v)
		cur = append(cur, r[idx["MONEDA"]])
		day = append(day, r[idx["FECHA_INICIO"]])
	}
	df := dataframe.New(series.New(amt, series.Float, "IMPORTE_CONTRATO"),
		series.New(cur, series.String, "MONEDA"), series.New(day, series.String, "FECHA_INICIO"))
	out, rep, err := Currencies{Home: "MXN", Rates: map[string]ExchangeRates{"USD": FIX()}}.ConvertMixed(df, "IMPORTE_CONTRATO", "MONEDA", "FECHA_INICIO", "importe_mxn")
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, v := range out.Col("importe_mxn").Float() {
		sum += v
	}
	if rep.Kept != 200 || rep.Missing() != 0 || math.Abs(sum-267614571.86) > 0.005 {
		t.Errorf("kept %d, missing %d, sum %.2f (want 200, 0, 267,614,571.86)", rep.Kept, rep.Missing(), sum)
	}
}

func TestCurrenciesErrors(t *testing.T) {
	df := mixedTable(t)
	usd := map[string]ExchangeRates{"USD": FIX()}
	bad, _ := frame.New(frame.Floats("importe", []float64{1}, nil), frame.Strings("moneda", []string{"USD"}, nil),
		frame.Strings("fecha", []string{"17/10/2024"}, nil))
	tests := []struct {
		name string
		c    Currencies
		df   dataframe.DataFrame
		cols [4]string
		want error
	}{
		{"no home", Currencies{Rates: usd}, df, [4]string{"importe", "moneda", "fecha", "x"}, ErrArgument},
		{"no amount column", Currencies{Home: "MXN"}, df, [4]string{"monto", "moneda", "fecha", "x"}, ErrNoColumn},
		{"no currency column", Currencies{Home: "MXN"}, df, [4]string{"importe", "divisa", "fecha", "x"}, ErrNoColumn},
		{"text amounts", Currencies{Home: "MXN"}, df, [4]string{"moneda", "importe", "fecha", "x"}, ErrNotNumeric},
		{"output overwrites", Currencies{Home: "MXN"}, df, [4]string{"importe", "moneda", "fecha", "importe"}, ErrArgument},
		{"date not ISO", Currencies{Home: "MXN", Rates: usd}, bad, [4]string{"importe", "moneda", "fecha", "x"}, ErrBadDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.c.ConvertMixed(tt.df, tt.cols[0], tt.cols[1], tt.cols[2], tt.cols[3])
			if !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), "analyze: ") {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("bad date names the row", func(t *testing.T) {
		_, _, err := Currencies{Home: "MXN", Rates: usd}.ConvertMixed(bad, "importe", "moneda", "fecha", "x")
		if err == nil || !strings.Contains(err.Error(), `column "fecha" row 1`) {
			t.Errorf("error %v", err)
		}
	})
}

func ExampleCurrencies_ConvertMixed() {
	df := dataframe.New(
		series.New([]float64{129310.34, 30600}, series.Float, "importe"),
		series.New([]string{"MXN", "USD"}, series.String, "moneda"),
		series.New([]string{"2014-11-24", "2018-01-02"}, series.String, "fecha"))
	c := Currencies{Home: "MXN", Rates: map[string]ExchangeRates{"USD": FIX()}}
	out, rep, err := c.ConvertMixed(df, "importe", "moneda", "fecha", "importe_mxn")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.2f\n", out.Col("importe_mxn").Float())
	fmt.Print(rep)
	// Output:
	// [129310.34 596390.94]
	// currencies: 2 rows into MXN; 1 already in MXN
	//   USD: 1 rows, 1 converted
}
