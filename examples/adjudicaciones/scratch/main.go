package main

import (
	"fmt"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/clean"
)

func main() {
	var rep fetch.Report
	df, err := fetch.ReadCSVFile("examples/adjudicaciones/data/compranet_contratos_2014_muestra.csv", fetch.WithReport(&rep))
	fmt.Println(err)
	fmt.Println(rep)
	fmt.Println(df.Types())
	df2, crep, err := clean.Dates(df, "FECHA_INICIO", "FECHA_CELEBRACION")
	fmt.Println(err, crep)
	fmt.Println(df2.Select([]string{"FECHA_INICIO", "FECHA_CELEBRACION", "MONEDA", "IMPORTE_CONTRATO"}).Subset([]int{0,1,2}))
}
