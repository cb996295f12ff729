package mx_test

import (
	"fmt"

	"github.com/datacon-mx/cifra/clean/mx"
	"github.com/datacon-mx/cifra/internal/frame"
)

func ExampleState() {
	for _, s := range []string{"Edo. de México", "CDMX", "9", "VERACRUZ", "MichoacÃ¡n", "Baja California Sur", "Nacional"} {
		st, ok := mx.State(s)
		fmt.Printf("%-20q %v %s %s\n", s, ok, st.Code, st.Name)
	}
	// Output:
	// "Edo. de México"     true 15 México
	// "CDMX"               true 09 Ciudad de México
	// "9"                  true 09 Ciudad de México
	// "VERACRUZ"           true 30 Veracruz de Ignacio de la Llave
	// "MichoacÃ¡n"         true 16 Michoacán de Ocampo
	// "Baja California Sur" true 03 Baja California Sur
	// "Nacional"           false
}

func ExampleMunicipality() {
	m, _ := mx.Municipality("CDMX", "Coyoacán")
	fmt.Println(m.CVEGEO, m.Name, m.Population2020)
	m, _ = mx.MunicipalityByCode("4013")
	fmt.Println(m.CVEGEO, m.Name, "in the 2020 census:", m.Census2020)
	// Output:
	// 09003 Coyoacán 614447
	// 04013 Dzitbalché in the 2020 census: false
}

func ExampleAddStateCode() {
	df, _ := frame.New(frame.Strings("entidad", []string{"Nacional", "Coahuila", "Edo. Méx.", "Verakruz", "D.F."}, nil))
	df, rep, err := mx.AddStateCode(df, "entidad", "cve_ent")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Col("cve_ent").Records())
	fmt.Print(rep)
	// Output:
	// [00 05 15 NaN 09]
	// mx: "entidad" → "cve_ent": 5 rows, 3 placed, 1 national ("00"), 1 unplaced (1 distinct)
	//   "Verakruz" ×1 (unknown, first row 4), closest: Veracruz de Ignacio de la Llave
}

// El nivel de cada fila de una exportación de INEGI: nacional, estatal o
// municipal, sin adivinar por el nombre.
func ExampleLevel() {
	for _, clave := range []string{" 00 000 ", "=CONCATENAR(0,01) ", " 01 001 ", "09002", "010010001"} {
		fmt.Printf("%q → %s\n", clave, mx.Level(clave))
	}
	// Output:
	// " 00 000 " → national
	// "=CONCATENAR(0,01) " → state
	// " 01 001 " → municipality
	// "09002" → municipality
	// "010010001" → locality
}
