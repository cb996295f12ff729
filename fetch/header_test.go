package fetch

import "testing"

func TestDetectHeader(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		want int
	}{
		{"plain", [][]string{{"a", "b"}, {"1", "2"}, {"3", "4"}}, 0},
		{"all text", [][]string{{"nombre", "estado"}, {"Ana", "Jalisco"}, {"Luis", "Colima"}}, 0},
		{"title lines", [][]string{{"Población total"}, {""}, {"Consulta de: …"}, {"", "", "Total", "Hombres", "Mujeres", ""},
			{" ", "Total", "126,014,024", "61,473,390", "64,540,634"}, {" 01 001 ", "Aguascalientes", "948,990", "462,073", "486,917"}}, 3},
		{"title over text table", [][]string{{"Catálogo de estados"}, {}, {"clave", "nombre"}, {"01", "Aguascalientes"}, {"02", "Baja California"}, {"03", "Baja California Sur"}}, 2},
		{"banxico metadata as wide as the data", [][]string{
			{"Banco de México"}, {}, {"Tipos de cambio"}, {"Fecha de consulta: 27/05/2020"}, {""},
			{"Título", "Dólar", "Euro"}, {"Periodicidad", "Diaria", "Diaria"}, {"Unidad", "Pesos", "Pesos"}, {"Base", "", ""},
			{"Fecha", "SF46405", "SF46410"}, {"02/01/2018", "19.4899", "23.5058"}, {"03/01/2018", "19.3717", "23.2722"},
			{"04/01/2018", "19.2427", "23.1926"}, {"05/01/2018", "19.2", "23.1"}, {"08/01/2018", "19.3", "23.0"},
			{"09/01/2018", "19.1", "22.9"}, {"10/01/2018", "19.0", "22.8"}, {"11/01/2018", "N/E", "22.7"}}, 9},
		{"year header after a title", [][]string{{"Homicidios por entidad"}, {"Entidad", "2019", "2020", "2021"},
			{"Aguascalientes", "80", "71", "69"}, {"Baja California", "2,910", "2,850", "2,963"}}, 1},
		{"year header first", [][]string{{"Entidad", "2019", "2020"}, {"Colima", "700", "600"}, {"Sonora", "1,000", "1,200"}}, 0},
		{"missing markers in data", [][]string{{"x", "y"}, {"N/D", "2"}, {"3", "-"}, {"5", "6"}}, 0},
		// a title, the header, then a first data row whose only number is
		// missing: that row is data, not the header (it was taken as the
		// header, and the real header skipped as a preamble line)
		{"first row's amount missing after a title", [][]string{{"Fuente: Secretaría de Salud"},
			{"folio", "estado", "monto", "nota"}, {"F-0001", "Jalisco", "N/D", "nota, 1"},
			{"F-0002", "Colima", "120.50", "nota, 2"}, {"F-0003", "Sonora", "98.00", "nota, 3"}}, 1},
		{"empty", nil, 0},
		{"single column", [][]string{{"empresa"}, {"ACME"}, {"Omega"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectHeader(tt.rows); got != tt.want {
				t.Errorf("detectHeader = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestTrailingNotes(t *testing.T) {
	data := [][]string{{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5", "6"}}
	with := func(extra ...[]string) [][]string { return append(append([][]string{}, data...), extra...) }
	tests := []struct {
		name string
		rows [][]string
		want int
	}{
		{"none", data, 3},
		{"fuente", with([]string{""}, []string{"FUENTE: INEGI. Censo de Población y Vivienda 2020."}), 3},
		{"nota and fuente with commas split", with([]string{"Nota: cifras preliminares", " sujetas a revisión"}, []string{"Fuente: SESNSP"}), 3},
		{"footnote marks", with([]string{"1/ Incluye feminicidio"}, []string{"* Datos al corte"}), 3},
		{"continuation between notes", with([]string{"Nota: las cifras"}, []string{"pueden cambiar."}, []string{"Fuente: INEGI"}), 3},
		{"blank lines at end", with([]string{""}, []string{}), 3},
		{"short data row at end is data", with([]string{"Zacatecas", "", ""}), 4},
		{"notaria is not a note", with([]string{"Notaría 5", "7", "8"}), 4},
		{"one column strict", [][]string{{"empresa"}, {"NOTARIA 5"}, {"Nota del editor"}, {"Fuente: SFP"}}, 3},
		{"empty", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trailingNotes(tt.rows); got != tt.want {
				t.Errorf("trailingNotes = %d, want %d", got, tt.want)
			}
		})
	}
}
