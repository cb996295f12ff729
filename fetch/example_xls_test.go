package fetch_test

import (
	"fmt"
	"log"

	"github.com/datacon-mx/cifra/fetch"
)

// A legacy Excel 97–2003 workbook (.xls) shaped like SHCP's Cuenta Pública:
// title rows, a two-row header with merged groups and a source note. It
// reads in pure Go, with the same rules and report as an .xlsx.
func ExampleReadExcel_xls() {
	var rep fetch.Report
	df, err := fetch.ReadExcel("testdata/excel/shcp_cuenta_publica_ramos_2023.xls", fetch.WithReport(&rep), fetch.LineColumn("fila"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.Format, "— header on row", rep.HeaderLine, "—", df.Nrow(), "rows")
	fmt.Println(df.Names()[4])
	fmt.Printf("%s %s: %.2f pesos (row %d of the sheet)\n",
		df.Col("Ramo").Elem(0), df.Col("Presupuesto").Elem(0), df.Col("Total").Elem(0).Float(), df.Col("fila").Elem(0).Val())
	for _, s := range rep.Skipped {
		fmt.Printf("skipped row %d (%s): %s\n", s.Line, s.Reason, s.Text)
	}
	// Output:
	// xls — header on row 5 — 192 rows
	// Gasto corriente Servicios personales
	// H. Cámara de Diputados Aprobado: 8572194974.00 pesos (row 7 of the sheet)
	// skipped row 1 (preamble): CUENTA PÚBLICA 2023
	// skipped row 2 (preamble): Gasto por ramo, clasificación económica
	// skipped row 3 (preamble): (Pesos)
	// skipped row 200 (note): Fuente: SHCP, Cuenta Pública 2023.
}
