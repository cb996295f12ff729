package clean_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/internal/frame"
)

// Una columna derivada y un filtro sin recorrer la tabla a mano: la fecha
// de defunción vacía no se vuelve un cero silencioso.
func ExampleDerive() {
	df, _ := frame.New(
		frame.Strings("entidad", []string{"03", "02", "02"}, nil),
		frame.Floats("edad", []float64{17, 71, 64}, nil),
		frame.Strings("fecha_def", []string{"", "2021-07-12", ""}, []bool{true, false, true}),
	)
	df, rep, err := clean.Derive(df, "murio", func(r clean.Row) (bool, error) {
		return !r.Missing("fecha_def"), nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("murio").Records(), rep.Columns[0].Result)

	mayores, rep, _ := clean.Filter(df, clean.All(clean.In("entidad", "02"), clean.Between("edad", 60, 120)))
	fmt.Println(mayores.Nrow(), "de", df.Nrow(), "filas; quitadas:", rep.RemovedRows)

	// Leer una fecha que falta deja la celda vacía y el reporte lo dice.
	_, rep, _ = clean.Derive(df, "anio_def", func(r clean.Row) (string, error) {
		return r.String("fecha_def")[:4], nil
	})
	fmt.Println(rep.Columns[0].Notes)
	// Output:
	// [false true false] new bool column
	// 2 de 3 filas; quitadas: [1]
	// [2 cells: "fecha_def" was missing]
}
