package clean

import (
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/internal/frame"
)

// bindCompranet reads rows [from, to) of the real Compranet excerpt with
// encoding/csv: SIGLAS as text, IMPORTE_CONTRATO as Float, and
// APORTACION_FEDERAL (empty in every row) as an all-missing Float column,
// as a reader types it.
func bindCompranet(t testing.TB, from, to int) dataframe.DataFrame {
	t.Helper()
	f, err := os.Open("testdata/compranet_contratos_2014_muestra_100.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var siglas []string
	var importe, aportacion []float64
	for _, r := range rows[1+from : 1+to] {
		siglas = append(siglas, r[col["SIGLAS"]])
		v, err := strconv.ParseFloat(r[col["IMPORTE_CONTRATO"]], 64)
		if err != nil {
			t.Fatal(err)
		}
		importe = append(importe, v)
		if r[col["APORTACION_FEDERAL"]] != "" {
			t.Fatalf("APORTACION_FEDERAL is not empty: %q", r[col["APORTACION_FEDERAL"]])
		}
		aportacion = append(aportacion, math.NaN())
	}
	df, err := frame.New(frame.Strings("SIGLAS", siglas, nil), frame.Floats("IMPORTE_CONTRATO", importe, nil),
		frame.Floats("APORTACION_FEDERAL", aportacion, nil))
	if err != nil {
		t.Fatal(err)
	}
	return df
}

func TestBindCompranet(t *testing.T) {
	a, b := bindCompranet(t, 0, 60), bindCompranet(t, 60, 100)
	// The same columns in another order still bind by name.
	b = b.Select([]string{"IMPORTE_CONTRATO", "APORTACION_FEDERAL", "SIGLAS"})
	out, rep, err := BindLabeled("parte", []string{"a", "b"}, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.Names(); fmt.Sprint(got) != "[parte SIGLAS IMPORTE_CONTRATO APORTACION_FEDERAL]" {
		t.Fatalf("names %v", got)
	}
	if out.Nrow() != 100 {
		t.Fatalf("rows %d", out.Nrow())
	}
	sum := 0.0
	for _, v := range out.Col("IMPORTE_CONTRATO").Float() {
		sum += v
	}
	// The README of testdata gives the sum of the 100 amounts.
	if math.Abs(sum-46251674.48) > 0.005 {
		t.Errorf("sum of IMPORTE_CONTRATO = %.2f, want 46,251,674.48", sum)
	}
	if got := out.Col("parte").Records(); got[59] != "a" || got[60] != "b" {
		t.Errorf("labels around the seam: %q %q", got[59], got[60])
	}
	if out.Col("SIGLAS").Elem(0).String() != "AFSEDF" {
		t.Errorf("first SIGLAS %q", out.Col("SIGLAS").Elem(0).String())
	}
	if !allMissing(out.Col("APORTACION_FEDERAL")) {
		t.Error("APORTACION_FEDERAL should stay all missing")
	}
	if len(rep.Columns) != 0 || len(rep.Notes) != 1 || rep.Notes[0] != "2 tables bound: 60 + 40 = 100 rows" {
		t.Errorf("report:\n%s", rep)
	}
}

func TestBindTypes(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name     string
		a, b     series.Series
		wantType series.Type
		want     []string // Records of the result; "NaN" is missing
		changed  bool
	}{
		{"int and float give float",
			frame.Ints("x", []int{1, 2}, []bool{false, true}), frame.Floats("x", []float64{2.5}, nil),
			series.Float, []string{"1.000000", "NaN", "2.500000"}, true},
		{"int and int stay int",
			frame.Ints("x", []int{1, 0}, []bool{false, true}), frame.Ints("x", []int{7}, nil),
			series.Int, []string{"1", "NaN", "7"}, false},
		{"an empty float part does not count",
			frame.Floats("x", []float64{nan, nan}, nil), frame.Strings("x", []string{"01", "N/D"}, nil),
			series.String, []string{"NaN", "NaN", "01", "N/D"}, true},
		{"an empty string part does not count for ints",
			frame.Strings("x", []string{""}, []bool{true}), frame.Ints("x", []int{3}, nil),
			series.Int, []string{"NaN", "3"}, true},
		{"text and numbers give text, numbers written short",
			frame.Floats("x", []float64{1234.5, nan}, nil), frame.Strings("x", []string{"N/D"}, nil),
			series.String, []string{"1234.5", "NaN", "N/D"}, true},
		{"bool and int give text",
			frame.Bools("x", []bool{true}, nil), frame.Ints("x", []int{12}, nil),
			series.String, []string{"true", "12"}, true},
		{"bools stay bools",
			frame.Bools("x", []bool{true, false}, []bool{false, true}), frame.Bools("x", []bool{false}, nil),
			series.Bool, []string{"true", "NaN", "false"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := frame.New(tt.a)
			b, _ := frame.New(tt.b)
			out, rep, err := Bind(a, b)
			if err != nil {
				t.Fatal(err)
			}
			s := out.Col("x")
			if s.Type() != tt.wantType {
				t.Errorf("type %s, want %s", s.Type(), tt.wantType)
			}
			got := s.Records()
			na := s.IsNaN()
			for i := range got {
				if na[i] {
					got[i] = "NaN"
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("values %q, want %q", got, tt.want)
			}
			if changed := len(rep.Columns) == 1; changed != tt.changed {
				t.Errorf("report says changed=%v, want %v:\n%s", changed, tt.changed, rep)
			}
		})
	}
}

func TestBindErrors(t *testing.T) {
	a, _ := frame.New(frame.Strings("x", []string{"a"}, nil), frame.Ints("y", []int{1}, nil))
	noY, _ := frame.New(frame.Strings("x", []string{"b"}, nil))
	extra, _ := frame.New(frame.Strings("x", []string{"b"}, nil), frame.Ints("y", []int{1}, nil), frame.Ints("z", []int{1}, nil))
	bad := a.Col("nope")
	broken := dataframe.DataFrame{Err: bad.Err}
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"no tables", func() error { _, _, err := Bind(); return err }, ErrArgument},
		{"a column missing", func() error { _, _, err := Bind(a, noY); return err }, ErrNoColumn},
		{"an extra column", func() error { _, _, err := Bind(a, extra); return err }, ErrNoColumn},
		{"label count", func() error { _, _, err := BindLabeled("f", []string{"1"}, a, a); return err }, ErrArgument},
		{"empty label column", func() error { _, _, err := BindLabeled(" ", []string{"1"}, a); return err }, ErrArgument},
		{"label column exists", func() error { _, _, err := BindLabeled("x", []string{"1"}, a); return err }, ErrArgument},
		{"table with an error", func() error { _, _, err := Bind(a, broken); return err }, ErrFrame},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if err.Error()[:len("clean: bind")] != "clean: bind" {
				t.Errorf("message %q does not start with the package", err)
			}
		})
	}
}

func ExampleBindLabeled() {
	y2023 := dataframe.New(
		series.New([]string{"01", "02"}, series.String, "cve_ent"),
		series.New([]int{120, 98}, series.Int, "casos"))
	y2024 := dataframe.New(
		series.New([]string{"01", "02"}, series.String, "cve_ent"),
		series.New([]float64{131.5, 101}, series.Float, "casos"))
	df, rep, err := BindLabeled("anio", []string{"2023", "2024"}, y2023, y2024)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("anio").Records(), df.Col("cve_ent").Records(), df.Col("casos").Float())
	fmt.Print(rep)
	// Output:
	// [2023 2023 2024 2024] [01 02 01 02] [120 98 131.5 101]
	// 2 tables bound: 2 + 2 = 4 rows
	// "casos" [bind]: types differ (int, float): bound as float
}

func BenchmarkBind1M(b *testing.B) {
	n := 500_000
	s := make([]string, n)
	f := make([]float64, n)
	for i := range s {
		s[i] = strconv.Itoa(i % 977)
		f[i] = float64(i) / 3
	}
	x, _ := frame.New(frame.Strings("k", s, nil), frame.Floats("v", f, nil))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Bind(x, x); err != nil {
			b.Fatal(err)
		}
	}
}
