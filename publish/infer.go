package publish

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/go-gota/gota/series"
)

var (
	isoDate      = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`)
	isoYearMonth = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
	isoDateTime  = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$`)
	allDigits    = regexp.MustCompile(`^\d+$`)
)

// maxCategories is the most distinct values a text column may have to be
// described with "categories".
const maxCategories = 15

// knownColumns are the descriptions given by default to the columns whose
// names INEGI's catalogues use, keyed by folded name.
var knownColumns = map[string]string{
	"cve ent":          "Clave de la entidad federativa, dos dígitos con cero a la izquierda (INEGI, Marco Geoestadístico).",
	"clave entidad":    "Clave de la entidad federativa, dos dígitos con cero a la izquierda (INEGI, Marco Geoestadístico).",
	"cve mun":          "Clave del municipio dentro de su entidad, tres dígitos con ceros a la izquierda (INEGI, Marco Geoestadístico).",
	"clave municipio":  "Clave del municipio dentro de su entidad, tres dígitos con ceros a la izquierda (INEGI, Marco Geoestadístico).",
	"cvegeo":           "Clave geoestadística del municipio: clave de entidad y clave de municipio, cinco dígitos (INEGI, Marco Geoestadístico).",
	"cve geo":          "Clave geoestadística: clave de entidad (dos dígitos) o de entidad y municipio (cinco dígitos) (INEGI, Marco Geoestadístico).",
	"cve loc":          "Clave de la localidad dentro de su municipio, cuatro dígitos (INEGI, Marco Geoestadístico).",
	"clave ent":        "Clave de la entidad federativa, dos dígitos con cero a la izquierda (INEGI, Marco Geoestadístico).",
	"cve entidad":      "Clave de la entidad federativa, dos dígitos con cero a la izquierda (INEGI, Marco Geoestadístico).",
	"clave estado":     "Clave de la entidad federativa, dos dígitos con cero a la izquierda (INEGI, Marco Geoestadístico).",
	"clave mun":        "Clave del municipio dentro de su entidad, tres dígitos con ceros a la izquierda (INEGI, Marco Geoestadístico).",
	"cve municipio":    "Clave del municipio dentro de su entidad, tres dígitos con ceros a la izquierda (INEGI, Marco Geoestadístico).",
	"clave geo":        "Clave geoestadística: clave de entidad (dos dígitos) o de entidad y municipio (cinco dígitos) (INEGI, Marco Geoestadístico).",
	"entidad":          "Nombre de la entidad federativa.",
	"nombre entidad":   "Nombre de la entidad federativa.",
	"municipio":        "Nombre del municipio o alcaldía.",
	"nombre municipio": "Nombre del municipio o alcaldía.",
}

func yearName(name string) bool {
	switch fold.Key(name) {
	case "ano", "anio", "year", "ejercicio", "ciclo", "ano de registro", "anio de registro":
		return true
	}
	return false
}

// codeName says whether a column name looks like a code (cve_*, clave*,
// id*, cvegeo, folio…), as fetch's readers decide.
func codeName(name string) bool {
	k := fold.Key(name)
	for _, p := range []string{"cve", "clave", "id", "cvegeo", "folio", "codigo", "cod"} {
		if k == p || strings.HasPrefix(k, p+" ") {
			return true
		}
	}
	return false
}

// inferFields builds each column's Table Schema field from its values.
func (t *table) inferFields() {
	single := len(t.primaryKey) == 1
	for _, c := range t.cols {
		f := field{Name: c.name}
		m := t.meta[c.name]
		if m != nil {
			f.Title, f.Description, f.unit = m.title, m.description, m.unit
		}
		if f.Description == "" {
			f.Description = knownColumns[fold.Key(c.name)]
		}
		if f.Description == "" {
			f.Description = t.geoDescription(c.name)
		}
		var cons constraints
		missing := 0
		for i := range c.cells {
			if c.na[i] {
				missing++
			} else if f.sample == "" {
				f.sample = c.cells[i]
			}
		}
		f.nMiss = missing
		cons.Required = missing == 0
		values := c.distinct()
		switch c.kind {
		case series.Int:
			f.Type = "integer"
			if yearName(c.name) && allYears(values) {
				f.Type = "year"
			}
			lo, hi := intRange(c)
			if len(values) > 0 {
				cons.Minimum, cons.Maximum = lo, hi
			}
		case series.Float:
			f.Type = "number"
			lo, hi, ok := floatRange(c)
			if ok {
				cons.Minimum, cons.Maximum = lo, hi
			}
		case series.Bool:
			f.Type = "boolean"
		default:
			f.Type = "string"
			switch {
			case len(values) > 0 && all(values, isoDate.MatchString):
				f.Type = "date"
				cons.Minimum, cons.Maximum = values[0], values[len(values)-1]
			case len(values) > 0 && all(values, isoYearMonth.MatchString):
				f.Type = "yearmonth"
				cons.Minimum, cons.Maximum = values[0], values[len(values)-1]
			case len(values) > 0 && all(values, isoDateTime.MatchString):
				f.Type = "datetime"
				cons.Minimum, cons.Maximum = values[0], values[len(values)-1]
			default:
				if w := codeWidth(c.name, values); w > 0 {
					cons.Pattern = fmt.Sprintf("[0-9]{%d}", w)
				}
				nonMissing := len(c.cells) - missing
				if len(values) == nonMissing && nonMissing > 1 {
					cons.Unique = true
				} else if len(values) <= maxCategories && len(values)*3 <= nonMissing && cons.Pattern == "" {
					for _, v := range values {
						f.Categories = append(f.Categories, v)
					}
				}
			}
		}
		if single && t.primaryKey[0] == c.name {
			cons.Unique, cons.Required = true, true
		}
		if cons != (constraints{}) {
			cc := cons
			f.Constraints = &cc
		}
		c.field = f
	}
}

func all(xs []string, f func(string) bool) bool {
	for _, x := range xs {
		if !f(x) {
			return false
		}
	}
	return true
}

func allYears(values []string) bool {
	for _, v := range values {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1000 || n > 2999 {
			return false
		}
	}
	return true
}

// codeWidth is the width of a code column whose values are all digits of
// one width, with a leading zero somewhere or a code-like name; else 0.
func codeWidth(name string, values []string) int {
	if len(values) == 0 {
		return 0
	}
	w := len(values[0])
	zero := false
	for _, v := range values {
		if len(v) != w || !allDigits.MatchString(v) {
			return 0
		}
		if v[0] == '0' {
			zero = true
		}
	}
	if zero || codeName(name) {
		return w
	}
	return 0
}

func intRange(c *column) (lo, hi int64) {
	first := true
	for i, v := range c.cells {
		if c.na[i] {
			continue
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			continue
		}
		if first || n < lo {
			lo = n
		}
		if first || n > hi {
			hi = n
		}
		first = false
	}
	return lo, hi
}

func floatRange(c *column) (lo, hi float64, ok bool) {
	for i, v := range c.cells {
		if c.na[i] || v == "INF" || v == "-INF" {
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		if !ok || x < lo {
			lo = x
		}
		if !ok || x > hi {
			hi = x
		}
		ok = true
	}
	return lo, hi, ok
}

// geoDescription describes a column that a StateKey or MunicipalityKey
// ties to INEGI's catalogue.
func (t *table) geoDescription(col string) string {
	for _, g := range t.geoKeys {
		for i, c := range g.cols {
			if c != col {
				continue
			}
			switch {
			case g.catalogue == stateCatalogue:
				return knownColumns["cve ent"]
			case len(g.cols) == 1:
				return knownColumns["cvegeo"]
			case i == 0:
				return knownColumns["cve ent"]
			default:
				return knownColumns["cve mun"]
			}
		}
	}
	return ""
}
