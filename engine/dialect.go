package engine

import (
	"strconv"
	"strings"

	"github.com/go-gota/gota/series"
)

// Dialect is the SQL spoken by the database behind an Engine. Each dialect
// has one small printer: how it quotes names, numbers parameters, names
// column types and spells the few functions that differ.
type Dialect int

const (
	// SQLite is SQLite 3.39 or later (window functions, RIGHT and FULL
	// joins), for example through the pure-Go modernc.org/sqlite driver.
	SQLite Dialect = iota + 1
	// Postgres is PostgreSQL 12 or later, or an engine that speaks its
	// dialect.
	Postgres
	// DuckDB is DuckDB 0.10 or later.
	DuckDB
)

// String names the dialect: "sqlite", "postgres", "duckdb".
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case Postgres:
		return "postgres"
	case DuckDB:
		return "duckdb"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

func (d Dialect) valid() bool { return d >= SQLite && d <= DuckDB }

// quote quotes an identifier: "año", "select", "a""b". The three dialects
// share the standard double quotes.
func quote(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// placeholder is the text of the n-th bound parameter (1-based).
func (d Dialect) placeholder(n int) string {
	if d == Postgres {
		return "$" + strconv.Itoa(n)
	}
	return "?"
}

// typeName is the column type Load declares for a gota type.
func (d Dialect) typeName(t series.Type) string {
	switch t {
	case series.Int:
		if d == SQLite {
			return "INTEGER"
		}
		return "BIGINT"
	case series.Float:
		return d.double()
	case series.Bool:
		return "BOOLEAN"
	}
	return "TEXT"
}

// double is the name of the 64-bit float type.
func (d Dialect) double() string {
	switch d {
	case SQLite:
		return "REAL"
	case Postgres:
		return "DOUBLE PRECISION"
	}
	return "DOUBLE"
}

// keyText is the comparison form of a text join key: surrounding white
// space trimmed (as strings.TrimSpace does for the common spaces: tab, line
// feed, vertical tab, form feed, carriage return, space, U+0085 and the
// no-break space U+00A0), and empty text made missing, so it never matches.
func (d Dialect) keyText(expr string) string {
	switch d {
	case SQLite:
		return "NULLIF(trim(" + expr + ", char(9, 10, 11, 12, 13, 32, 133, 160)), '')"
	case Postgres:
		return "NULLIF(btrim(" + expr + ", " + chrSet + "), '')"
	}
	return "NULLIF(trim(" + expr + ", " + chrSet + "), '')"
}

// chrSet is the white space that keyText trims, for PostgreSQL and DuckDB.
const chrSet = "chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160)"

// columnType maps a type name reported by the driver to a gota type.
func columnType(dbType string) series.Type {
	t := strings.ToUpper(strings.TrimSpace(dbType))
	if i := strings.IndexByte(t, '('); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	switch t {
	case "INTEGER", "INT", "BIGINT", "INT8", "INT4", "INT2", "SMALLINT", "TINYINT",
		"MEDIUMINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT", "INT64", "INT32":
		return series.Int
	case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT4", "FLOAT8", "NUMERIC", "DECIMAL":
		return series.Float
	case "BOOLEAN", "BOOL":
		return series.Bool
	}
	return series.String
}

// typeLabel names a gota type in messages.
func typeLabel(t series.Type) string {
	switch t {
	case series.Int:
		return "integer"
	case series.Float:
		return "float"
	case series.Bool:
		return "boolean"
	}
	return "text"
}

// binary makes text compare by bytes (Grouped.Sorted's order) where the
// dialect would otherwise use a locale's collation.
func (d Dialect) binary(expr string) string {
	if d == Postgres {
		return expr + ` COLLATE "C"`
	}
	return expr
}
