package clean_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/internal/frame"
)

// A SESNSP-style table with one column per month becomes one row per
// month; months not yet reported stay missing, never 0.
func ExampleLonger() {
	wide, _ := frame.New(
		frame.Ints("Año", []int{2026}, nil),
		frame.Strings("Entidad", []string{"Ciudad de México"}, nil),
		frame.Ints("Enero", []int{46}, nil),
		frame.Ints("Febrero", []int{34}, nil),
		frame.Ints("Marzo", []int{50}, nil),
		frame.Ints("Abril", []int{0}, []bool{true}),
	)
	long, err := clean.Longer(wide, []string{"Año", "Entidad"}, "mes", "homicidios")
	if err != nil {
		fmt.Println(err)
		return
	}
	long, err = clean.ISOMonth(long, "Año", "mes", "periodo")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(long.Select([]string{"periodo", "homicidios"}))
	// Output:
	// [4x2] DataFrame
	//
	//     periodo  homicidios
	//  0: 2026-01  46
	//  1: 2026-02  34
	//  2: 2026-03  50
	//  3: 2026-04  NaN
	//     <string> <int>
}

func ExampleWider() {
	long, _ := frame.New(
		frame.Strings("estado", []string{"Jalisco", "Jalisco", "Sonora"}, nil),
		frame.Strings("anio", []string{"2023", "2024", "2024"}, nil),
		frame.Ints("delitos", []int{10, 12, 7}, nil),
	)
	wide, err := clean.Wider(long, []string{"estado"}, "anio", "delitos")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(wide)
	// Output:
	// [2x3] DataFrame
	//
	//     estado   2023  2024
	//  0: Jalisco  10    12
	//  1: Sonora   NaN   7
	//     <string> <int> <int>
}

func ExampleMonthNumber() {
	for _, m := range []string{"Enero", "SEPT", "dic.", "03"} {
		n, _ := clean.MonthNumber(m)
		fmt.Print(n, " ")
	}
	fmt.Println()
	// Output:
	// 1 9 12 3
}
