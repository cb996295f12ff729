package enginetest

import (
	"bytes"
	"embed"
	"fmt"
	"math"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

//go:embed testdata/*.csv
var files embed.FS

// readCSV reads one embedded file with cifra's reader.
func readCSV(name string) (dataframe.DataFrame, error) {
	b, err := files.ReadFile("testdata/" + name)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	df, err := fetch.ReadCSV(bytes.NewReader(b))
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("%s: %w", name, err)
	}
	return df, nil
}

// Tables returns the tables the suite loads, by table name: three real files
// (homicidios, censo, catalogo) and two awkward tables built here (raro,
// raro_der).
func Tables() (map[string]dataframe.DataFrame, error) {
	hom, err := readCSV("mexicoevalua_homicidios_estado_1997_2013.csv")
	if err != nil {
		return nil, err
	}
	censo, err := readCSV("censo2020_poblacion_estatal.csv")
	if err != nil {
		return nil, err
	}
	cat, err := readCSV("catalogo_estados_cve_ent.csv")
	if err != nil {
		return nil, err
	}
	// The catalogue's code is cve_ent; the census calls it cve_geo.
	cat = cat.Rename("cve_geo", "cve_ent")
	// The homicide series names states by long_name; so does the census
	// copy joined to it.
	censo = censo.Rename("long_name", "nombre_estado_inegi")
	raro, err := frame.New(
		frame.Strings("cve", []string{"01", "09", " 09 ", "", "", "15", "01", "Michoacán de Ocampo", "32", "09", "07", "07"},
			[]bool{false, false, false, false, true, false, false, false, false, false, false, false}),
		frame.Ints("año", []int{2020, 2021, 2020, 2019, 2020, 2021, 2021, 2020, 2019, 2020, 2020, 0},
			[]bool{false, false, false, false, false, false, false, false, false, false, false, true}),
		frame.Floats("select", []float64{1.5, math.NaN(), 2.25, 3, 4, 0.1, 0.2, math.NaN(), 7, 0.3, math.NaN(), math.NaN()}, nil),
		frame.Strings("nota", []string{"O'Higgins", `dijo "no"`, "x'); DROP TABLE raro; --", "ñandú", "", "Año", "año", "", "Ünico", "O'Higgins", "a", "b"},
			[]bool{false, false, false, false, false, false, false, true, false, false, false, false}),
		frame.Ints("grande", []int{1 << 60, 1 << 60, 3, -(1 << 61), 5, 6, 1 << 62, 8, 1 << 62, 10, 11, 12}, nil),
		frame.Floats("solo_na", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, math.NaN(), math.NaN(), math.NaN()}, nil),
		frame.Bools("marca", []bool{true, false, true, false, true, false, true, false, true, false, true, false},
			[]bool{false, false, false, false, false, false, false, false, false, false, true, false}),
	)
	if err != nil {
		return nil, err
	}
	der, err := frame.New(
		frame.Strings("cve", []string{"01", "09", "09", "32", "15", "99", " ", "07"},
			[]bool{false, false, false, false, false, false, false, true}),
		frame.Ints("select", []int{1, 2, 3, 4, 5, 6, 7, 8}, nil),
		frame.Ints("pob", []int{1425607, 9209944, 9209944, 1622138, 16992418, 0, 7, 5543828}, nil),
	)
	if err != nil {
		return nil, err
	}
	return map[string]dataframe.DataFrame{
		"homicidios": hom, "censo": censo, "catalogo": cat, "raro": raro, "raro_der": der,
	}, nil
}

// checkTypes guards the fixtures: the codes must have stayed text.
func checkTypes(t map[string]dataframe.DataFrame) error {
	for _, c := range []struct{ table, col string }{{"censo", "cve_geo"}, {"catalogo", "cve_geo"}} {
		if got := t[c.table].Col(c.col).Type(); got != series.String {
			return fmt.Errorf("%s.%s is %s, want text", c.table, c.col, got)
		}
	}
	return nil
}
