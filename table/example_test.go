package table_test

import (
	"fmt"
	"os"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/table"
)

// Ver una tabla completa en la terminal: todas las columnas, montos con
// comas de miles, valores faltantes marcados y el número de fila que usan
// los mensajes de cifra.
func ExamplePrint() {
	df, err := fetch.ReadCSVFile("testdata/shcp_cuenta_publica_ramo_8.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	df = df.Select([]string{"CICLO", "RAMO", "PRESUPUESTO", "GI_PENSIONES_Y_JUBILACIONES", "TOTAL"})
	if err := table.Print(os.Stdout, df, table.MaxRows(4)); err != nil {
		fmt.Println(err)
	}
	// Output:
	//    CICLO  RAMO                    PRESUPUESTO  GI_PENSIONES_Y_JUBILACIONES             TOTAL
	// -  -----  ----------------------  -----------  ---------------------------  ----------------
	// 1   2013  H. Cámara de Diputados  Aprobado                              NA  6,529,590,684.00
	// 2   2013  H. Cámara de Diputados  Modificado                            NA  7,070,446,674.80
	// 3   2013  H. Cámara de Diputados  Devengado                             NA  6,960,821,157.59
	// 4   2013  H. Cámara de Diputados  Ejercicio                             NA  6,960,821,157.59
	// … 4 more rows (8 in all)
}

// Una tabla para la nota metodológica o el README.
func ExampleMarkdown() {
	df, err := fetch.ReadCSVFile("testdata/shcp_cuenta_publica_ramo_8.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	df = df.Select([]string{"RAMO", "PRESUPUESTO", "GC_SUBSIDIOS", "PORCENTAJE_INVERSIÓN"})
	if err := table.Markdown(os.Stdout, df, table.MaxRows(6), table.MissingText("—"), table.Decimals(1)); err != nil {
		fmt.Println(err)
	}
	// Output:
	// | RAMO | PRESUPUESTO | GC_SUBSIDIOS | PORCENTAJE_INVERSIÓN |
	// | --- | --- | ---: | ---: |
	// | H. Cámara de Diputados | Aprobado | 0.0 | 0.8 |
	// | H. Cámara de Diputados | Modificado | 1,042,673,000.0 | 3.0 |
	// | H. Cámara de Diputados | Devengado | 1,166,674,737.0 | 1.6 |
	// | H. Cámara de Diputados | Ejercicio | 1,166,674,737.0 | 1.6 |
	// | H. Cámara de Senadores | Aprobado | — | 4.2 |
	// | H. Cámara de Senadores | Modificado | — | 5.7 |
	//
	// … 2 more rows (8 in all)
}
