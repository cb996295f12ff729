package chart_test

import (
	"encoding/csv"
	"os"
	"sort"
	"strconv"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/internal/frame"
)

// homicidios are homicidio doloso victims' case files (carpetas) January–March
// 2026 by state, summed over the four "Homicidio doloso" modalities of
// SESNSP's state incidence file (testdata/README.md), with CONAPO's
// mid-2026 population (genero = Total).
var homicidios = []struct {
	cve, entidad string
	casos, pob   int
}{
	{"01", "Aguascalientes", 13, 1567559},
	{"02", "Baja California", 323, 4189285},
	{"03", "Baja California Sur", 14, 921734},
	{"04", "Campeche", 22, 962014},
	{"05", "Coahuila de Zaragoza", 16, 3440385},
	{"06", "Colima", 158, 771538},
	{"07", "Chiapas", 83, 6185469},
	{"08", "Chihuahua", 317, 4087306},
	{"09", "Ciudad de México", 173, 9159966},
	{"10", "Durango", 12, 1939482},
	{"11", "Guanajuato", 334, 6590749},
	{"12", "Guerrero", 197, 3606296},
	{"13", "Hidalgo", 46, 3334060},
	{"14", "Jalisco", 183, 8982027},
	{"15", "México", 245, 17822420},
	{"16", "Michoacán de Ocampo", 162, 5089383},
	{"17", "Morelos", 255, 2067472},
	{"18", "Nayarit", 12, 1338499},
	{"19", "Nuevo León", 123, 6516202},
	{"20", "Oaxaca", 204, 4368997},
	{"21", "Puebla", 149, 7149139},
	{"22", "Querétaro", 27, 2700978},
	{"23", "Quintana Roo", 34, 2141082},
	{"24", "San Luis Potosí", 10, 3002651},
	{"25", "Sinaloa", 253, 3208039},
	{"26", "Sonora", 187, 3168624},
	{"27", "Tabasco", 134, 2472668},
	{"28", "Tamaulipas", 44, 3777472},
	{"29", "Tlaxcala", 28, 1464515},
	{"30", "Veracruz de Ignacio de la Llave", 215, 8111813},
	{"31", "Yucatán", 9, 2542536},
	{"32", "Zacatecas", 14, 1726898},
}

// nationalRate is 3,996 cases over 134,407,258 people, per 100,000.
const nationalRate = 3996.0 / 134407258 * 1e5

// homicideRates returns entidad, casos, poblacion and tasa (per 100,000).
func homicideRates() dataframe.DataFrame {
	n := len(homicidios)
	ent := make([]string, n)
	cas := make([]int, n)
	pob := make([]int, n)
	tasa := make([]float64, n)
	for i, h := range homicidios {
		ent[i], cas[i], pob[i] = h.entidad, h.casos, h.pob
		tasa[i] = float64(h.casos) / float64(h.pob) * 1e5
	}
	df, err := frame.New(frame.Strings("entidad", ent, nil), frame.Ints("casos", cas, nil),
		frame.Ints("poblacion", pob, nil), frame.Floats("tasa", tasa, nil))
	if err != nil {
		panic(err)
	}
	return df
}

// remesas reads Banxico's monthly remittances (testdata copy) and returns
// periodo ("2024-05"), flujo (Ingresos/Egresos) and millones (USD millions).
func remesas() dataframe.DataFrame {
	f, err := os.Open("testdata/banxico_remesas_mensuales_1995_2026.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	var per, flujo []string
	var val []float64
	for _, r := range recs[1:] {
		v, err := strconv.ParseFloat(r[4], 64)
		if err != nil {
			panic(err)
		}
		per = append(per, r[0][:7])
		flujo = append(flujo, r[2])
		val = append(val, v/1e6)
	}
	df, err := frame.New(frame.Strings("periodo", per, nil), frame.Strings("flujo", flujo, nil), frame.Floats("millones", val, nil))
	if err != nil {
		panic(err)
	}
	return df
}

// rolling12 returns the 12-month rolling sum of Ingresos from 2016 on, in
// thousands of millions of dollars (miles de millones), as periodo, valor.
func rolling12() dataframe.DataFrame {
	df := remesas()
	per, _ := frame.StringsOf(df.Col("periodo"))
	fl, _ := frame.StringsOf(df.Col("flujo"))
	v, _ := frame.FloatsOf(df.Col("millones"))
	type pt struct {
		p string
		v float64
	}
	var in []pt
	for i := range per {
		if fl[i] == "Ingresos" {
			in = append(in, pt{per[i], v[i]})
		}
	}
	sort.Slice(in, func(a, b int) bool { return in[a].p < in[b].p })
	var ps []string
	var vs []float64
	for i := 11; i < len(in); i++ {
		if in[i].p < "2016-12" {
			continue
		}
		s := 0.0
		for k := i - 11; k <= i; k++ {
			s += in[k].v
		}
		ps = append(ps, in[i].p)
		vs = append(vs, s/1e3)
	}
	out, err := frame.New(frame.Strings("periodo", ps, nil), frame.Floats("valor", vs, nil))
	if err != nil {
		panic(err)
	}
	return out
}

// modalidades are homicidio doloso cases January–March 2026 in the six
// states with most cases, by SESNSP modality (same file as homicidios).
var modalidades = []struct {
	entidad                           string
	fuego, blanca, otro, noEspecifica int
}{
	{"Guanajuato", 301, 2, 31, 0},
	{"Baja California", 229, 27, 57, 10},
	{"Chihuahua", 140, 18, 53, 106},
	{"Morelos", 216, 7, 32, 0},
	{"Sinaloa", 225, 17, 0, 11},
	{"México", 205, 6, 34, 0},
}

// meses are the same states' cases by month.
var meses = []struct {
	entidad       string
	ene, feb, mar int
}{
	{"Guanajuato", 98, 109, 127},
	{"Baja California", 110, 101, 112},
	{"Chihuahua", 108, 91, 118},
	{"Morelos", 90, 76, 89},
	{"Sinaloa", 93, 94, 66},
	{"México", 98, 61, 86},
}

// longTable builds entidad, serie, valor from rows of (entidad, values…).
func longTable(names []string, rows map[string][]int, order []string) dataframe.DataFrame {
	var ent, ser []string
	var val []int
	for _, e := range order {
		for k, n := range names {
			ent = append(ent, e)
			ser = append(ser, n)
			val = append(val, rows[e][k])
		}
	}
	df, err := frame.New(frame.Strings("entidad", ent, nil), frame.Strings("serie", ser, nil), frame.Ints("valor", val, nil))
	if err != nil {
		panic(err)
	}
	return df
}

func modalityTable() dataframe.DataFrame {
	rows := map[string][]int{}
	var order []string
	for _, m := range modalidades {
		rows[m.entidad] = []int{m.fuego, m.blanca, m.otro, m.noEspecifica}
		order = append(order, m.entidad)
	}
	return longTable([]string{"Arma de fuego", "Arma blanca", "Otro elemento", "No especificado"}, rows, order)
}

func monthTable() dataframe.DataFrame {
	rows := map[string][]int{}
	var order []string
	for _, m := range meses {
		rows[m.entidad] = []int{m.ene, m.feb, m.mar}
		order = append(order, m.entidad)
	}
	return longTable([]string{"Enero", "Febrero", "Marzo"}, rows, order)
}

// annualRemittances sums Ingresos by calendar year 2014–2025 (USD
// thousands of millions): anio ("2024"), valor.
func annualRemittances() dataframe.DataFrame {
	df := remesas()
	per, _ := frame.StringsOf(df.Col("periodo"))
	fl, _ := frame.StringsOf(df.Col("flujo"))
	v, _ := frame.FloatsOf(df.Col("millones"))
	sum := map[string]float64{}
	for i := range per {
		y := per[i][:4]
		if fl[i] == "Ingresos" && y >= "2014" && y <= "2025" {
			sum[y] += v[i] / 1e3
		}
	}
	var ys []string
	for y := range sum {
		ys = append(ys, y)
	}
	sort.Strings(ys)
	vals := make([]float64, len(ys))
	for i, y := range ys {
		vals[i] = sum[y]
	}
	out, err := frame.New(frame.Strings("anio", ys, nil), frame.Floats("valor", vals, nil))
	if err != nil {
		panic(err)
	}
	return out
}

// evalua reads México Evalúa's state homicide rates (testdata copy) and
// returns entidad with the rate per 100,000 in two years as columns named
// after the years, for the states in want.
func evalua(y0, y1 string, want ...string) dataframe.DataFrame {
	f, err := os.Open("testdata/mexicoevalua_homicidios_estado_1997_2013.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	rate := map[string]map[string]float64{}
	for _, r := range recs[1:] {
		v, err := strconv.ParseFloat(r[5], 64)
		if err != nil {
			panic(err)
		}
		if rate[r[7]] == nil {
			rate[r[7]] = map[string]float64{}
		}
		rate[r[7]][r[1]] = v
	}
	a := make([]float64, len(want))
	b := make([]float64, len(want))
	for i, e := range want {
		a[i], b[i] = rate[e][y0], rate[e][y1]
	}
	df, err := frame.New(frame.Strings("entidad", want, nil), frame.Floats(y0, a, nil), frame.Floats(y1, b, nil))
	if err != nil {
		panic(err)
	}
	return df
}

// evaluaLong returns México Evalúa's yearly homicide rates for the given
// states as a long table: entidad, anio (Int), tasa.
func evaluaLong(want ...string) dataframe.DataFrame {
	f, err := os.Open("testdata/mexicoevalua_homicidios_estado_1997_2013.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	keep := map[string]bool{}
	for _, w := range want {
		keep[w] = true
	}
	var ent []string
	var year []int
	var rate []float64
	for _, r := range recs[1:] {
		if !keep[r[7]] {
			continue
		}
		y, _ := strconv.Atoi(r[1])
		v, _ := strconv.ParseFloat(r[5], 64)
		ent = append(ent, r[7])
		year = append(year, y)
		rate = append(rate, v)
	}
	df, err := frame.New(frame.Strings("entidad", ent, nil), frame.Ints("anio", year, nil), frame.Floats("tasa", rate, nil))
	if err != nil {
		panic(err)
	}
	return df
}
