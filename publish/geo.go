package publish

import (
	"fmt"
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/clean/mx"
	"github.com/go-gota/gota/series"
)

// The INEGI catalogues a package can ship so that its code columns have
// foreign keys a validator can check.
const (
	stateCatalogue        = "entidades"
	municipalityCatalogue = "municipios"
)

type geoKey struct {
	catalogue string
	cols      []string
}

func (g geoKey) option() string {
	if g.catalogue == stateCatalogue {
		return "StateKey"
	}
	return "MunicipalityKey"
}

// check verifies every value of the key columns is in the catalogue and
// returns the foreign key.
func (g geoKey) check(t *table) (foreignKey, error) {
	var ref []string
	var known func(parts []string) bool
	switch {
	case g.catalogue == stateCatalogue && len(g.cols) == 1:
		ref = []string{"cve_ent"}
		known = func(p []string) bool {
			s, ok := mx.State(p[0])
			return ok && s.Code == p[0]
		}
	case g.catalogue == municipalityCatalogue && len(g.cols) == 1:
		ref = []string{"cvegeo"}
		known = func(p []string) bool {
			m, ok := mx.MunicipalityByCode(p[0])
			return ok && m.CVEGEO == p[0]
		}
	case g.catalogue == municipalityCatalogue && len(g.cols) == 2:
		ref = []string{"cve_ent", "cve_mun"}
		known = func(p []string) bool {
			m, ok := mx.MunicipalityByCode(p[0] + p[1])
			return ok && len(p[0]) == 2 && len(p[1]) == 3 && m.CVEGEO == p[0]+p[1]
		}
	default:
		return foreignKey{}, fmt.Errorf("%s: %w: give %s", g.option(), ErrArgument,
			map[string]string{stateCatalogue: "one column", municipalityCatalogue: "one column (CVEGEO) or two (state, municipality)"}[g.catalogue])
	}
	cols := make([]*column, len(g.cols))
	for i, n := range g.cols {
		cols[i] = t.col(n)
	}
	parts := make([]string, len(cols))
	for r := 0; r < t.nrow; r++ {
		skip := false
		for i, c := range cols {
			if c.na[r] {
				skip = true
			}
			parts[i] = c.cells[r]
		}
		if skip {
			continue
		}
		if !known(parts) {
			hint := ""
			if parts[0] == "00" || parts[0] == "0" {
				hint = "; \"00\" is the national total: remove totals before publishing"
			} else if cols[0].kind != series.String {
				hint = "; the column is numeric, so codes lost their leading zeros: keep codes as text"
			}
			return foreignKey{}, fmt.Errorf("%s(%s): row %d: %s is not in INEGI's catalogue%s: %w",
				g.option(), strings.Join(g.cols, ", "), r+1, quoteAll(parts), hint, ErrReference)
		}
	}
	return foreignKey{Fields: g.cols, Reference: reference{Resource: g.catalogue, Fields: ref}}, nil
}

// catalogueTables builds the catalogue tables the package's keys need.
func (p *Package) catalogueTables() []*table {
	var out []*table
	src := source{Title: "INEGI, Marco Geoestadístico: Catálogo Único de Claves de Áreas Geoestadísticas Estatales, Municipales y Localidades",
		Path: "https://www.inegi.org.mx/app/ageeml/"}
	if p.geo[stateCatalogue] || p.geo[municipalityCatalogue] {
		t := &table{name: stateCatalogue, catalogue: true, primaryKey: []string{"cve_ent"}, sources: []source{src},
			title:       "Entidades federativas (catálogo de INEGI)",
			description: "Las 32 entidades federativas con su clave de INEGI; una fila por entidad."}
		var code, name, short, abbr []string
		for _, s := range mx.States() {
			code, name, short, abbr = append(code, s.Code), append(name, s.Name), append(short, s.Short), append(abbr, s.Abbr)
		}
		t.addText("cve_ent", code)
		t.addText("nombre_entidad", name)
		t.addText("nombre_corto", short)
		t.addText("abreviatura", abbr)
		t.set("nombre_entidad", func(m *colMeta) { m.description = "Nombre oficial de la entidad (INEGI)." })
		t.set("nombre_corto", func(m *colMeta) { m.description = "Nombre corto de uso común." })
		t.set("abreviatura", func(m *colMeta) { m.description = "Abreviatura de INEGI." })
		t.inferFields()
		out = append(out, t)
	}
	if p.geo[municipalityCatalogue] {
		t := &table{name: municipalityCatalogue, catalogue: true, primaryKey: []string{"cvegeo"}, sources: []source{src},
			title: "Municipios (catálogo de INEGI)",
			description: "Los municipios y alcaldías del Marco Geoestadístico con su clave de INEGI; una fila por municipio. " +
				"Incluye los creados después del Censo 2020."}
		ms := mx.Municipalities()
		sort.Slice(ms, func(i, j int) bool { return ms[i].CVEGEO < ms[j].CVEGEO })
		var geo, ent, mun, name []string
		for _, m := range ms {
			geo, ent, mun, name = append(geo, m.CVEGEO), append(ent, m.StateCode), append(mun, m.Code), append(name, m.Name)
		}
		t.addText("cvegeo", geo)
		t.addText("cve_ent", ent)
		t.addText("cve_mun", mun)
		t.addText("nombre_municipio", name)
		t.foreignKeys = []foreignKey{{Fields: []string{"cve_ent"}, Reference: reference{Resource: stateCatalogue, Fields: []string{"cve_ent"}}}}
		t.inferFields()
		out = append(out, t)
	}
	return out
}

func (t *table) addText(name string, v []string) {
	t.cols = append(t.cols, &column{name: name, kind: series.String, cells: v, na: make([]bool, len(v))})
	t.nrow = len(v)
}
