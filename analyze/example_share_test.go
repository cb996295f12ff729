package analyze_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/internal/frame"
)

func ExampleShareWithReport() {
	df, _ := frame.New(
		frame.Strings("dependencia", []string{"IMSS", "IMSS", "SEP", "SEP"}, nil),
		frame.Strings("tipo", []string{"Adjudicación directa", "Licitación pública", "Adjudicación directa", "Licitación pública"}, nil),
		frame.Ints("contratos", []int{30, 10, 0, 0}, nil),
	)
	out, rep, _ := analyze.ShareWithReport(df, "contratos", "pct", "dependencia")
	show(out)
	fmt.Print(rep)
	// Output:
	// dependencia | tipo | contratos | pct
	// IMSS | Adjudicación directa | 30 | 75.000000
	// IMSS | Licitación pública | 10 | 25.000000
	// SEP | Adjudicación directa | 0 | NaN
	// SEP | Licitación pública | 0 | NaN
	// share: 4 rows, 2 shares computed
	//   2 rows belong to a group whose total is 0: share missing
}
