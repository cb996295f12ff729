package clean_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/clean"
	"github.com/go-gota/gota/series"
)

// An INEGI consulta export puts a national row and a row per state above
// the municipalities (figures of the 2020 census, two states cut to three
// municipalities each, with their state rows equal to those sums).
func ExampleDropTotals() {
	df := table(
		series.New([]string{"", "=CONCATENAR(0,01)", " 01 001 ", " 01 002 ", " 01 003 ", "=CONCATENAR(0,06)", " 06 001 ", " 06 002 ", " 06 003 "}, series.String, "clave"),
		series.New([]string{"Total", "Aguascalientes", "Aguascalientes", "Asientos", "Calvillo", "Colima", "Armería", "Colima", "Comala"}, series.String, "nombre"),
		series.New([]int{1265111, 1058776, 948990, 51536, 58250, 206335, 27626, 157048, 21661}, series.Int, "poblacion"),
	)
	out, rep, err := clean.DropTotals(df, "poblacion")
	if err != nil {
		fmt.Println(err)
		return
	}
	sum := 0
	for _, v := range out.Col("poblacion").Records() {
		var n int
		fmt.Sscan(v, &n)
		sum += n
	}
	fmt.Println(out.Nrow(), "municipios, población", sum)
	fmt.Print(rep)
	// Output:
	// 6 municipios, población 1265111
	// totals: 3 rows removed (2 levels of totals) that equal the sum of the rows they head or close on "poblacion"; 6 rows kept
	// totals: row 1 ("Total") heads rows 2–9 (2 subtotals and the rows they sum) and equals their sum on "poblacion"; labelled "Total"
	// totals: row 2 ("=CONCATENAR(0,01) | Aguascalientes") heads rows 3–5 (3 rows) and equals their sum on "poblacion"
	// totals: row 6 ("=CONCATENAR(0,06) | Colima") heads rows 7–9 (3 rows) and equals their sum on "poblacion"
}

// A population table with one row per state and year, joined to the states
// with the year filter forgotten: every state comes out once per year.
func ExampleJoinReport_Expect() {
	states := table(
		series.New([]string{"01", "02"}, series.String, "cve_ent"),
		series.New([]string{"Aguascalientes", "Baja California"}, series.String, "entidad"),
	)
	pop := table(
		series.New([]string{"01", "01", "02", "02"}, series.String, "cve_ent"),
		series.New([]int{2019, 2020, 2019, 2020}, series.Int, "anio"),
		series.New([]int{1434635, 1425607, 3634868, 3769020}, series.Int, "poblacion"),
	)
	_, rep, err := clean.Join(states, pop, clean.Left, "cve_ent")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Unmatched()) // every state matched: this guard passes
	fmt.Println(rep.Expect(clean.ManyToOne))
	// Output:
	// <nil>
	// clean: left join on "cve_ent": join multiplied rows: expected many-to-one, found one-to-many (2 rows in, 4 out): 2 keys are held by several right rows and multiply 2 left rows into 4 (+2 rows): "01" ×2 right rows, "02" ×2 right rows; filter or aggregate the right table to one row per key before joining
}
