package analyze_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/internal/frame"
)

func ExampleShare() {
	df, _ := frame.New(
		frame.Strings("tipo", []string{"Adjudicación directa", "Licitación pública", "Invitación"}, nil),
		frame.Floats("importe", []float64{750, 200, 50}, nil),
	)
	out, _ := analyze.Share(df, "importe", "pct")
	show(out)
	// Output:
	// tipo | importe | pct
	// Adjudicación directa | 750.000000 | 75.000000
	// Licitación pública | 200.000000 | 20.000000
	// Invitación | 50.000000 | 5.000000
}

func ExampleRankOptions() {
	df, _ := frame.New(
		frame.Strings("entidad", []string{"Colima", "Guanajuato", "Sonora", "Yucatán"}, nil),
		frame.Floats("tasa", []float64{20.5, 5.1, 20.5, 0.2}, nil),
	)
	out, _ := analyze.RankOptions{Ties: analyze.TiesDense}.Rank(df, "tasa")
	show(out)
	// Output:
	// entidad | tasa | tasa_rank
	// Colima | 20.500000 | 1
	// Guanajuato | 5.100000 | 2
	// Sonora | 20.500000 | 1
	// Yucatán | 0.200000 | 3
}

func ExampleYoY() {
	df, _ := frame.New(
		frame.Strings("mes", []string{"2023-10", "2023-11", "2024-10", "2024-11"}, nil),
		frame.Ints("casos", []int{80, 0, 100, 12}, nil),
	)
	out, _, _ := analyze.YoY(df, "casos", "mes")
	show(out)
	// Output:
	// mes | casos | casos_yoy_change | casos_yoy_pct_change | casos_yoy_note
	// 2023-10 | 80 | NaN | NaN | no prior period
	// 2023-11 | 0 | NaN | NaN | no prior period
	// 2024-10 | 100 | 20.000000 | 25.000000 |
	// 2024-11 | 12 | 12.000000 | NaN | from zero
}

func ExampleOutliers() {
	df, _ := frame.New(frame.Floats("importe", []float64{10, 12, 11, 9, 10, 500}, nil))
	_, rep, _ := analyze.Outliers(df, "importe", analyze.MAD)
	fmt.Print(rep)
	// Output:
	// outliers (MAD, k=3.5): 1 of 6 values flagged, 0 missing
	//   row 6: 500
}

func ExampleTrend() {
	df, _ := frame.New(
		frame.Ints("anio", []int{2019, 2020, 2021, 2022}, nil),
		frame.Floats("homicidios", []float64{100, 110, 118, 131}, nil),
	)
	tr, _ := analyze.Trend(df, "anio", "homicidios")
	fmt.Printf("%.1f per year, r² %.3f\n", tr.Slope, tr.R2)
	// Output:
	// 10.1 per year, r² 0.991
}

func ExampleINPC() {
	ix := analyze.INPC()
	first, last := ix.Range()
	v, _ := ix.Value("2024-03")
	y, _ := ix.Value("2023")
	fmt.Println(first, last, v)
	fmt.Printf("2023 average %.4f\n", y)
	// Output:
	// 1969-01 2024-03 134.065
	// 2023 average 129.2797
}
