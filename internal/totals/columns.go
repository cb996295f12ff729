package totals

import (
	"math"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
)

// notSummed are folded name words of numeric columns that hold codes,
// positions or ratios: their totals row is not their sum.
var notSummed = map[string]bool{
	"cve": true, "clave": true, "cvegeo": true, "id": true, "codigo": true, "cod": true,
	"code": true, "folio": true, "cp": true, "inegi": true,
	"porcentaje": true, "pct": true, "tasa": true, "rate": true, "promedio": true,
	"media": true, "mean": true, "mediana": true, "median": true, "indice": true,
	"index": true, "ratio": true, "proporcion": true, "share": true, "lat": true,
	"lon": true, "latitud": true, "longitud": true, "renglon": true, "orden": true,
	"rank": true, "ranking": true, "esperanza": true, "densidad": true, "edad": true,
	"percent": true, "ev": true, "relacion": true, "razon": true, "capita": true,
	"percapita": true, "promedios": true, "porcentajes": true, "tasas": true,
}

// notSummedFirst are words that mark such a column only as its first word
// ("mes", "anio_registro", "entidad"; not "pob_start_year").
var notSummedFirst = map[string]bool{
	"ano": true, "anio": true, "year": true, "ejercicio": true, "ciclo": true,
	"periodo": true, "mes": true, "month": true, "dia": true, "day": true,
	"fecha": true, "date": true, "distrito": true, "seccion": true,
	"circunscripcion": true, "entidad": true, "municipio": true, "estado": true,
	"ent": true, "mun": true, "loc": true, "localidad": true, "state": true,
}

// Summable reports whether a numeric column can be checked for totals:
// its name is not that of a code, period, position or ratio ("cve_ent",
// "año", "mes", "tasa", "porcentaje"…) and its values are not all years
// (integers from 1800 to 2200).
func Summable(name string, values []float64, na []bool) bool {
	for i, w := range strings.Fields(fold.Key(strings.ReplaceAll(name, "_", " "))) {
		if notSummed[w] || i == 0 && notSummedFirst[w] {
			return false
		}
	}
	years, seen := true, 0
	for i, v := range values {
		if (na != nil && na[i]) || math.IsNaN(v) {
			continue
		}
		seen++
		if v != math.Trunc(v) || v < 1800 || v > 2200 {
			years = false
			break
		}
	}
	return seen > 0 && !years
}
