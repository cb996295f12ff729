package clean_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/clean"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func table(cols ...series.Series) dataframe.DataFrame { return dataframe.New(cols...) }

func ExampleNames() {
	df := table(
		series.New([]string{"01"}, series.String, "Clave de la Entidad "),
		series.New([]string{"Aguascalientes"}, series.String, "NombreEstado"),
		series.New([]float64{1}, series.Float, "GC_GASTO_DE_OPERACIÓN"),
		series.New([]int{2020}, series.Int, "2020"),
	)
	fmt.Println(clean.Names(df).Names())
	// Output: [clave_de_la_entidad nombre_estado gc_gasto_de_operacion x2020]
}

func ExampleNumbers() {
	df := table(series.New([]string{"$1,234,567.89", "(1,234)", "N/D", "12,3,4", "MXN 500"}, series.String, "importe"))
	df, rep, err := clean.Numbers(df, "importe")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("importe").Float())
	fmt.Print(rep)
	// Output:
	// [1.23456789e+06 -1234 NaN NaN 500]
	// "importe" [numbers]: converted to Float; 1 values that do not parse are now missing (3 parsed, 1 became missing, 1 failed)
	//   became missing: "N/D" ×1
	//   failed rows: 4; values: "12,3,4" ×1
	//   seen: "$" ×1, "MXN" ×1
	//   note: currencies written with the values: "$" ×1, "MXN" ×1
}

func ExampleConfig_Numbers() {
	df := table(series.New([]string{"1.234.567,89", "0,5"}, series.String, "monto"))
	df, _, err := clean.Config{Locale: clean.ES}.Numbers(df, "monto")
	if err != nil {
		fmt.Println(err)
		return
	}
	v := df.Col("monto").Float()
	fmt.Println(v[0], v[1])
	// Output: 1.23456789e+06 0.5
}

func ExampleDates() {
	df := table(series.New([]string{
		"17/10/2024", "17 de octubre de 2024", "2015-03-01 12:00:00 GMT", "OCT/24", "9999-99-99", "45582",
	}, series.String, "fecha"))
	df, rep, err := clean.Dates(df, "fecha")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("fecha").Records())
	fmt.Print(rep)
	// Output:
	// [2024-10-17 2024-10-17 2015-03-01 2024-10 NaN 2024-10-17]
	// "fecha" [dates]: converted to ISO dates (5 parsed, 1 became missing)
	//   became missing: "9999-99-99" ×1
	//   seen: "Excel serial" ×1, "dd de mes de yyyy" ×1, "dd/mm/yyyy" ×1, "mmm/yy" ×1, "yyyy-mm-dd" ×1
	//   note: 1 values had a time of day, dropped: the date is kept as written, with no time-zone shift
}

func ExampleFixMojibake() {
	s, fixed := clean.FixMojibake("MÃ©xico")
	fmt.Println(s, fixed)
	fmt.Println(clean.Damaged("M\ufffdxico"))
	// Output:
	// México true
	// true
}

func ExampleText() {
	df := table(series.New([]string{"  Ciudad de   MÃ©xico ", "Jalisco"}, series.String, "entidad"))
	df, rep, err := clean.Text(df)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", df.Col("entidad").Records())
	fmt.Print(rep)
	// Output:
	// ["Ciudad de México" "Jalisco"]
	// "entidad" [text]: 1 values changed (1 changed)
	//   seen: "mojibake repaired" ×1
}

func ExampleStripFormulas() {
	df := table(series.New([]string{"=CONCATENAR(0,01) ", `="09"`, "'15", "32"}, series.String, "cve_ent"))
	df, rep, err := clean.StripFormulas(df)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("cve_ent").Records())
	fmt.Print(rep)
	// Output:
	// [01 09 15 32]
	// "cve_ent" [spreadsheet]: 3 cells unwrapped from spreadsheet formulas or apostrophes (3 changed)
	//   seen: "'…" ×1, "=\"…\"" ×1, "CONCATENAR(…)" ×1
}

func ExampleRecode() {
	df := table(series.New([]int{1, 2, 2, 99}, series.Int, "SEXO"))
	df, rep, err := clean.Recode(df, "SEXO", map[string]string{"1": "MUJER", "2": "HOMBRE"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("SEXO").Records())
	fmt.Print(rep)
	// Output:
	// [MUJER HOMBRE HOMBRE 99]
	// "SEXO" [recode]: 3 cells recoded (3 changed)
	//   seen: "2 → HOMBRE" ×2, "1 → MUJER" ×1
}

func ExampleDedupe() {
	df := table(
		series.New([]string{"ACME SA DE CV", "ACME SA DE CV", "Otra"}, series.String, "proveedor"),
		series.New([]int{100, 100, 7}, series.Int, "importe"),
	)
	df, rep, err := clean.Dedupe(df)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Nrow())
	fmt.Print(rep)
	// Output:
	// 2
	// dedupe on all columns: 1 duplicate rows removed, keeping the first of each (1 groups); removed rows 2
	// dedupe: key proveedor "ACME SA DE CV", importe "100": 2 rows; kept row 1, removed 2
}

func ExampleSetMissing() {
	df := table(series.New([]int{97, 2, 1, 99}, series.Int, "INTUBADO"))
	c := clean.Config{ExtraMissing: map[string][]string{"INTUBADO": {"97", "98", "99"}}}
	df, rep, err := c.SetMissing(df)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("INTUBADO").Records())
	fmt.Print(rep)
	// Output:
	// [NaN 2 1 NaN]
	// "INTUBADO" [missing]: 2 markers set to missing (2 changed, 2 became missing)
	//   became missing: "97" ×1, "99" ×1
}
