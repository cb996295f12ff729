package publish

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// TableOption describes a table beyond what its values say: keys,
// titles, descriptions, units, provenance.
type TableOption func(*table)

// PrimaryKey names the columns whose values identify each row. AddTable
// checks that no two rows share a key and that no key cell is missing.
func PrimaryKey(cols ...string) TableOption {
	return func(t *table) { t.primaryKey = append([]string(nil), cols...) }
}

// ForeignKey says that the values of cols (together) are keys of the
// table named to (its refCols, in the same order), another table of the
// package or this one. Write checks that the other table exists; Validate
// checks every value.
func ForeignKey(cols []string, to string, refCols []string) TableOption {
	return func(t *table) {
		t.foreignKeys = append(t.foreignKeys, foreignKey{Fields: append([]string(nil), cols...),
			Reference: reference{Resource: to, Fields: append([]string(nil), refCols...)}})
	}
}

// TableTitle is the table's human title (the resource's title, rs:title).
func TableTitle(s string) TableOption { return func(t *table) { t.title = s } }

// TableDescription says what one row of the table is and what the table
// covers (rs:description).
func TableDescription(s string) TableOption { return func(t *table) { t.description = s } }

// Describe documents a column for the data dictionary: what it holds, in a
// sentence. Columns with well-known names (cve_ent, cve_mun, cvegeo…) get
// a description by default.
func Describe(col, text string) TableOption {
	return func(t *table) { t.set(col, func(m *colMeta) { m.description = text }) }
}

// ColumnTitle gives a column a human title ("Población total").
func ColumnTitle(col, title string) TableOption {
	return func(t *table) { t.set(col, func(m *colMeta) { m.title = title }) }
}

// Unit names a column's unit ("personas", "pesos de 2024", "km²"): the
// guide keeps units out of the values, so the dictionary says them.
func Unit(col, unit string) TableOption {
	return func(t *table) { t.set(col, func(m *colMeta) { m.unit = unit }) }
}

// AsNumber keeps a numeric column as Table Schema "number" even when every
// value is whole (by default such a Float column, a count read as float, is
// written as "integer").
func AsNumber(col string) TableOption {
	return func(t *table) { t.set(col, func(m *colMeta) { m.number = true }) }
}

// TableSource records the file the table was made from (its URL, SHA-256
// and download time) as a source of the resource and of the package.
func TableSource(r fetch.Resource, title string) TableOption {
	return func(t *table) { t.sources = append(t.sources, sourceOf(r, title)) }
}

// StateKey says that col holds INEGI state codes ("01"–"32"). The package
// then ships INEGI's state catalogue as the table "entidades" and the
// column gets a foreign key to it; AddTable checks every value is in it.
func StateKey(col string) TableOption {
	return func(t *table) { t.geoKeys = append(t.geoKeys, geoKey{catalogue: stateCatalogue, cols: []string{col}}) }
}

// MunicipalityKey says that the columns hold INEGI municipality codes:
// one column with the five-digit CVEGEO ("09002"), or two with the state
// ("09") and municipality ("002") codes. The package then ships the
// municipality catalogue (Marco Geoestadístico, 2,475 municipalities) as
// the table "municipios" with a foreign key to it; AddTable checks every
// value is in it.
func MunicipalityKey(cols ...string) TableOption {
	return func(t *table) {
		t.geoKeys = append(t.geoKeys, geoKey{catalogue: municipalityCatalogue, cols: append([]string(nil), cols...)})
	}
}

// table is an added table, its cells already written as CSV text.
type table struct {
	name        string
	title       string
	description string
	cols        []*column
	nrow        int
	primaryKey  []string
	foreignKeys []foreignKey
	meta        map[string]*colMeta
	metaOrder   []string
	sources     []source
	geoKeys     []geoKey
	catalogue   bool // a catalogue shipped by the package
}

type colMeta struct {
	title, description, unit string
	number                   bool
}

func (t *table) set(col string, f func(*colMeta)) {
	if t.meta == nil {
		t.meta = map[string]*colMeta{}
	}
	m, ok := t.meta[col]
	if !ok {
		m = &colMeta{}
		t.meta[col] = m
		t.metaOrder = append(t.metaOrder, col)
	}
	f(m)
}

// column is one column: its cells as they will be written and its field.
type column struct {
	name  string
	kind  series.Type
	cells []string // "" for missing
	na    []bool
	field field
}

func (t *table) col(name string) *column {
	for _, c := range t.cols {
		if c.name == name {
			return c
		}
	}
	return nil
}

func (t *table) colNames() []string {
	out := make([]string, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.name
	}
	return out
}

// AddTable adds df to the package as the table name (lower-case ASCII,
// digits, "-", "_", "."; the data file is name.csv). The table's Table
// Schema is built from its values: Int columns are "integer" ("year"
// when named ano, anio, year, ejercicio or ciclo and every value is a
// year), Float columns "integer" when every value is whole (counts read
// as floats; fetch.ReadPackage then reads them as Int) and "number"
// otherwise, Bool "boolean"; String columns stay "string" (codes keep
// their zeros) unless every value is an ISO date ("date"), year-month
// ("yearmonth") or date-time ("datetime").
// Text is written as it is, except that a line break written CRLF inside
// a value becomes LF (as every CSV reader reads it back). Constraints come
// from the data: "required" when nothing is missing,
// minimum and maximum of numbers and dates, a pattern such as "[0-9]{2}"
// for codes of fixed width, "unique" for a one-column primary key and for
// text columns whose values are all different, and "categories" for text
// with few distinct values.
//
// Errors: an invalid or repeated name (ErrArgument, ErrDuplicate); a
// table with a gota error, no rows or no columns (ErrType, ErrEmpty); a
// key or option naming a column the table does not have (ErrNoColumn); a
// primary key repeated or missing in some row (ErrDuplicate, naming the
// rows); a code not in INEGI's catalogue under StateKey or
// MunicipalityKey (ErrReference, naming the row and value).
func (p *Package) AddTable(name string, df dataframe.DataFrame, opts ...TableOption) error {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("publish: AddTable %q: "+format, append([]any{name}, a...)...)
	}
	if err := p.checkName(); err != nil {
		return err
	}
	if !namePattern.MatchString(name) {
		return fail("%w: a table name uses lower-case ASCII letters, digits, '-', '_' or '.' (e.g. %q)", ErrArgument, suggestName(name))
	}
	if p.table(name) != nil || name == stateCatalogue || name == municipalityCatalogue {
		return fail("%w: the package already has a table with this name", ErrDuplicate)
	}
	switch name {
	case "diccionario", "catalogo", "datapackage":
		return fail("%w: %s.csv would clash with the files Write adds (%s, %s, %s)", ErrArgument, name, DescriptorFile, DictionaryCSVFile, CatalogueFile)
	}
	if df.Err != nil {
		return fail("%w: the table carries an error: %v", ErrType, df.Err)
	}
	if df.Ncol() == 0 || df.Nrow() == 0 {
		return fail("%w: %d rows, %d columns", ErrEmpty, df.Nrow(), df.Ncol())
	}
	t := &table{name: name, nrow: df.Nrow()}
	for _, o := range opts {
		if o != nil {
			o(t)
		}
	}
	names := df.Names()
	has := func(c string) bool {
		for _, n := range names {
			if n == c {
				return true
			}
		}
		return false
	}
	check := func(what string, cols []string) error {
		for _, c := range cols {
			if !has(c) {
				return fail("%s: column %q: %w (columns: %s)", what, c, ErrNoColumn, strings.Join(names, ", "))
			}
		}
		return nil
	}
	if err := check("PrimaryKey", t.primaryKey); err != nil {
		return err
	}
	for _, fk := range t.foreignKeys {
		if err := check("ForeignKey", fk.Fields); err != nil {
			return err
		}
		if len(fk.Fields) == 0 || len(fk.Fields) != len(fk.Reference.Fields) {
			return fail("ForeignKey: %w: %d columns refer to %d columns of %q", ErrArgument, len(fk.Fields), len(fk.Reference.Fields), fk.Reference.Resource)
		}
	}
	for _, c := range t.metaOrder {
		if err := check("column option", []string{c}); err != nil {
			return err
		}
	}
	for _, g := range t.geoKeys {
		if err := check(g.option(), g.cols); err != nil {
			return err
		}
	}
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			return fail("%w: a column has no name (clean.Names gives every column one)", ErrArgument)
		}
		s, err := frame.Column(df, n)
		if err != nil {
			return fail("%w", err)
		}
		c, err := newColumn(s, t.meta[n])
		if err != nil {
			return fail("column %q: %w", n, err)
		}
		t.cols = append(t.cols, c)
	}
	if err := t.checkPrimaryKey(); err != nil {
		return fail("%w", err)
	}
	for _, g := range t.geoKeys {
		fk, err := g.check(t)
		if err != nil {
			return fail("%w", err)
		}
		t.foreignKeys = append(t.foreignKeys, fk)
		if p.geo == nil {
			p.geo = map[string]bool{}
		}
		p.geo[g.catalogue] = true
	}
	t.inferFields()
	p.tables = append(p.tables, t)
	return nil
}

// newColumn writes a series' cells as CSV text.
func newColumn(s series.Series, m *colMeta) (*column, error) {
	c := &column{name: s.Name, kind: s.Type()}
	n := s.Len()
	c.cells = make([]string, n)
	c.na = make([]bool, n)
	switch s.Type() {
	case series.String:
		v, na := frame.StringsOf(s)
		copy(c.cells, v)
		copy(c.na, na)
		for i := range c.cells {
			if c.cells[i] == "" {
				c.na[i] = true
			}
			// CSV readers turn a CRLF inside a quoted field into LF; writing
			// LF keeps the value the same when it is read back.
			if strings.Contains(c.cells[i], "\r\n") {
				c.cells[i] = strings.ReplaceAll(c.cells[i], "\r\n", "\n")
			}
		}
	case series.Int, series.Float:
		v, na := frame.FloatsOf(s)
		whole := s.Type() == series.Int || m == nil || !m.number
		if s.Type() == series.Float {
			for i, x := range v {
				if !na[i] && (x != math.Trunc(x) || math.IsInf(x, 0) || math.Abs(x) > 1<<53) {
					whole = false
					break
				}
			}
		}
		if s.Type() == series.Int {
			recs := s.Records()
			for i := range recs {
				if !na[i] {
					c.cells[i] = recs[i]
				}
			}
		} else {
			for i, x := range v {
				if na[i] {
					continue
				}
				switch {
				case math.IsInf(x, 1):
					c.cells[i] = "INF"
				case math.IsInf(x, -1):
					c.cells[i] = "-INF"
				case whole:
					c.cells[i] = strconv.FormatFloat(x, 'f', 0, 64)
				default:
					c.cells[i] = strconv.FormatFloat(x, 'f', -1, 64)
				}
			}
		}
		copy(c.na, na)
		if whole {
			c.kind = series.Int
		} else {
			c.kind = series.Float
		}
	case series.Bool:
		recs := s.Records()
		nan := s.IsNaN()
		for i, r := range recs {
			if nan[i] {
				c.na[i] = true
				continue
			}
			c.cells[i] = r
		}
	default:
		return nil, fmt.Errorf("%w: type %s", ErrType, s.Type())
	}
	return c, nil
}

// checkPrimaryKey: no missing key cell, no repeated key.
func (t *table) checkPrimaryKey() error {
	if len(t.primaryKey) == 0 {
		return nil
	}
	cols := make([]*column, len(t.primaryKey))
	for i, n := range t.primaryKey {
		cols[i] = t.col(n)
	}
	seen := make(map[string]int, t.nrow)
	for r := 0; r < t.nrow; r++ {
		parts := make([]string, len(cols))
		for i, c := range cols {
			if c.na[r] {
				return fmt.Errorf("PrimaryKey: row %d: column %q is missing: %w", r+1, c.name, ErrDuplicate)
			}
			parts[i] = c.cells[r]
		}
		k := strings.Join(parts, "\x00")
		if first, ok := seen[k]; ok {
			return fmt.Errorf("PrimaryKey (%s): rows %d and %d both have %s: %w",
				strings.Join(t.primaryKey, ", "), first, r+1, quoteAll(parts), ErrDuplicate)
		}
		seen[k] = r + 1
	}
	return nil
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	return strings.Join(q, ", ")
}

// foldAccents removes accents (for names and identifiers).
func foldAccents(s string) string { return fold.Accents(s) }

// distinct returns the distinct non-missing cells, sorted.
func (c *column) distinct() []string {
	m := map[string]bool{}
	for i, v := range c.cells {
		if !c.na[i] {
			m[v] = true
		}
	}
	out := make([]string, 0, len(m))
	for v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
