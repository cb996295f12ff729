package clean_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/internal/frame"
)

// A left join of crime counts to population by state name: the report
// shows what did not match and the closest names on the other side.
func ExampleJoin() {
	crimes, _ := frame.New(
		frame.Strings("entidad", []string{"Jalisco", "Veracruz", "Coahuila", "Jalisco"}, nil),
		frame.Ints("delitos", []int{120, 80, 40, 5}, nil),
	)
	pop, _ := frame.New(
		frame.Strings("entidad", []string{"Jalisco", "Veracruz de Ignacio de la Llave", "Coahuila de Zaragoza"}, nil),
		frame.Ints("poblacion", []int{8348151, 8062579, 3146771}, nil),
	)
	out, rep, err := clean.Join(crimes, pop, clean.Left, "entidad")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out.Nrow(), "rows")
	fmt.Print(rep)
	// Output:
	// 4 rows
	// clean: left join on "entidad": left 4 rows, right 3 rows → 4 rows (many-to-one)
	//   matched: 2 left rows, 1 right rows
	//   left keys with no match: 2 (2 rows)
	//     "Veracruz" ×1  closest: "Veracruz de Ignacio de la Llave"
	//     "Coahuila" ×1  closest: "Coahuila de Zaragoza"
	//   right keys with no match: 2 (2 rows)
	//     "Veracruz de Ignacio de la Llave" ×1  closest: "Veracruz"
	//     "Coahuila de Zaragoza" ×1  closest: "Coahuila"
	//   left keys repeated: 1 keys share matched right rows (a lookup: right values are copied onto each of their left rows; rows added by right duplicates are counted on their own line)
	//     "Jalisco": 2 left rows × 1 right rows
}

// Keys with different names, types and spellings: Config names the right
// key and folds keys, so "01" matches 1 and case or accents do not matter.
func ExampleConfig_Join() {
	remesas, _ := frame.New(
		frame.Strings("CVE_ENT", []string{"1", "9", "32"}, nil),
		frame.Floats("usd", []float64{62.4, 410.2, 301.7}, nil),
	)
	estados, _ := frame.New(
		frame.Strings("cve_geo", []string{"01", "09", "32"}, nil),
		frame.Strings("nombre", []string{"Aguascalientes", "Ciudad de México", "Zacatecas"}, nil),
	)
	c := clean.Config{RightOn: []string{"cve_geo"}, FoldKeys: true}
	out, rep, err := c.Join(remesas, estados, clean.Inner, "CVE_ENT")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out.Col("nombre").Records())
	fmt.Println(rep.MatchedLeft, "of", rep.LeftRows, "matched")
	// Output:
	// [Aguascalientes Ciudad de México Zacatecas]
	// 3 of 3 matched
}
