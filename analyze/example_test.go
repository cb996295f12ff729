package analyze_test

import (
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// show prints a table as aligned CSV-like rows.
func show(df dataframe.DataFrame) {
	for _, r := range df.Records() {
		fmt.Println(strings.TrimRight(strings.Join(r, " | "), " "))
	}
}

func ExampleGroupBy() {
	df, _ := frame.New(
		frame.Strings("cve_ent", []string{"09", "15", "09", "15", "09"}, nil),
		frame.Strings("tipo", []string{"AD", "AD", "LP", "AD", "AD"}, nil),
		frame.Floats("importe", []float64{100, 250, 900, 50, 300}, nil),
	)
	out, err := analyze.GroupBy(df, "cve_ent").Agg(
		analyze.Count(),
		analyze.Sum("importe").As("total"),
		analyze.Median("importe"),
		analyze.Quantile("importe", 0.9),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	show(out)
	// Output:
	// cve_ent | count | total | importe_median | importe_q90
	// 09 | 3 | 1300.000000 | 300.000000 | 780.000000
	// 15 | 2 | 300.000000 | 150.000000 | 230.000000
}

func ExampleRate() {
	df, _ := frame.New(
		frame.Strings("entidad", []string{"Colima", "Aguascalientes", "Yucatán"}, nil),
		frame.Ints("homicidios", []int{158, 13, 4}, nil),
		frame.Ints("poblacion", []int{771538, 1567559, 2433497}, nil),
	)
	out, err := analyze.Rate(df, "homicidios", "poblacion", 100_000, "tasa")
	if err != nil {
		fmt.Println(err)
		return
	}
	show(out)
	// Output:
	// entidad | homicidios | poblacion | tasa | tasa_small
	// Colima | 158 | 771538 | 20.478577 | false
	// Aguascalientes | 13 | 1567559 | 0.829315 | false
	// Yucatán | 4 | 2433497 | 0.164373 | true
}

func ExampleProfile() {
	df, _ := frame.New(
		frame.Strings("entidad", []string{"Aguascalientes", "Baja California", "Nacional"}, nil),
		frame.Ints("cve_ent", []int{1, 2, 0}, nil),
		frame.Ints("poblacion", []int{1425607, 3769020, 5194627}, nil),
	)
	fmt.Print(analyze.Profile(df))
	// Output:
	// profile: 3 rows × 3 columns
	// ! totals-row: row 3 equals the sum of the rows it heads or closes; clean.DropTotals removes it
	// entidad (string): 3 values, 0 missing, 3 distinct, min "Aguascalientes", max "Nacional"
	//   top: every value appears once
	//   ! totals-row: "Nacional" labels a totals row that equals the sum of the rows it heads or closes (row 3); drop it (clean.DropTotals) before summing
	// cve_ent (int): 3 values, 0 missing, 3 distinct, min "0", max "2", mean 1, median 1
	//   top: every value appears once
	//   ! lost-leading-zeros: code column read as numbers (0 to 2): read codes as text
	//   ! code-zero: code 0 appears 1 times: often the national total (Nacional); filter it out before summing
	// poblacion (int): 3 values, 0 missing, 3 distinct, min "1425607", max "5194627", mean 3.46308e+06, median 3.76902e+06
	//   top: every value appears once
	//   ! totals-row: row 3 ("Nacional") closes rows 1–2 (2 rows) and equals their sum on "poblacion"; labelled "Nacional": a sum of the column counts it twice; clean.DropTotals removes it
}

func ExampleDeflate() {
	df, _ := frame.New(
		frame.Strings("fecha", []string{"2023-01-15", "2023", "2025-01"}, nil),
		frame.Floats("importe", []float64{1000, 1000, 1000}, nil),
	)
	out, rep, err := analyze.Deflate(df, "importe", "fecha", analyze.INPC(), "2024-03")
	if err != nil {
		fmt.Println(err)
		return
	}
	show(out)
	fmt.Print(rep)
	// Output:
	// fecha | importe | importe_real
	// 2023-01-15 | 1000.000000 | 1052.844443
	// 2023 | 1000.000000 | 1037.015359
	// 2025-01 | 1000.000000 | NaN
	// deflate: 3 rows, 2 amounts in constant pesos of 2024-03 (index 134.065)
	//   1 amounts have no index value for their period: 2025-01
}

func ExampleConvert() {
	df, _ := frame.New(
		frame.Strings("fecha", []string{"2024-12-31", "2025-01-01"}, nil),
		frame.Floats("usd", []float64{100, 100}, nil),
	)
	out, rep, err := analyze.Convert(df, "usd", "fecha", analyze.FIX(), "mxn")
	if err != nil {
		fmt.Println(err)
		return
	}
	show(out)
	fmt.Print(rep)
	// Output:
	// fecha | usd | mxn
	// 2024-12-31 | 100.000000 | 2078.620000
	// 2025-01-01 | 100.000000 | 2078.620000
	// convert: 2 rows, 2 amounts converted
	//   1 used the quote of an earlier day (e.g. 2025-01-01 → 2024-12-31)
}

func ExampleCrosstab() {
	df, _ := frame.New(
		frame.Strings("sexo", []string{"Mujer", "Hombre", "Mujer", "Hombre", "Hombre"}, nil),
		frame.Strings("resultado", []string{"Positivo", "Negativo", "Negativo", "Positivo", "Positivo"}, nil),
	)
	out, _ := analyze.Crosstab(df, "sexo", "resultado")
	show(out)
	pct, _ := analyze.CrosstabOptions{Percent: analyze.RowPercent}.Crosstab(df, "sexo", "resultado")
	show(pct)
	// Output:
	// sexo | Negativo | Positivo | Total
	// Hombre | 1 | 2 | 3
	// Mujer | 1 | 1 | 2
	// Total | 2 | 3 | 5
	// sexo | Negativo | Positivo | Total
	// Hombre | 33.333333 | 66.666667 | 100.000000
	// Mujer | 50.000000 | 50.000000 | 100.000000
	// Total | 40.000000 | 60.000000 | 100.000000
}

func ExampleChange() {
	df, _ := frame.New(
		frame.Strings("anio", []string{"2022", "2023", "2024"}, nil),
		frame.Floats("delitos", []float64{0, 40, 50}, nil),
	)
	out, rep, _ := analyze.Change(df, "delitos", "anio")
	show(out)
	fmt.Print(rep)
	// Output:
	// anio | delitos | delitos_change | delitos_pct_change | delitos_note
	// 2022 | 0.000000 | NaN | NaN | first period
	// 2023 | 40.000000 | 40.000000 | NaN | from zero
	// 2024 | 50.000000 | 10.000000 | 25.000000 |
	// change: 3 rows, 1 computed
	//   1 rows have no earlier period to compare with
	//   1 rows change from zero: percent change missing
}

func ExampleTopN() {
	df, _ := frame.New(
		frame.Strings("proveedor", []string{"A", "B", "C", "D", "A"}, nil),
		frame.Floats("importe", []float64{50, 30, 10, 5, 20}, nil),
	)
	out, _ := analyze.TopN(df, "proveedor", "importe", 2)
	show(out)
	// Output:
	// proveedor | importe
	// A | 70.000000
	// B | 30.000000
	// Otros | 15.000000
}

func ExampleNewPartial() {
	p, _ := analyze.NewPartial([]string{"cve_ent"}, analyze.Count(), analyze.Sum("casos"))
	for _, chunk := range [][]string{{"01", "02"}, {"01", "01"}} {
		df, _ := frame.New(frame.Strings("cve_ent", chunk, nil), frame.Ints("casos", []int{1, 2}, nil))
		if err := p.Add(df); err != nil {
			fmt.Println(err)
			return
		}
	}
	out, _ := p.Result()
	show(out)
	// Output:
	// cve_ent | count | casos_sum
	// 01 | 3 | 4
	// 02 | 1 | 2
}
