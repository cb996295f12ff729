package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/datacon-mx/cifra/internal/errs"
	"github.com/go-gota/gota/series"
)

// Sentinel errors. Every error returned by this package wraps one of these
// or the database driver's error; messages start with "engine:" once. The
// shared values are the same as clean.ErrNoColumn, analyze.ErrNoColumn….
var (
	// ErrNoColumn: a step names a column its input does not have.
	ErrNoColumn = errs.ErrNoColumn
	// ErrType: a column or value has the wrong type for the step (a sum
	// over text, a text key joined to a number, Eq("cve_ent", 9) on a
	// text column).
	ErrType = errs.ErrType
	// ErrArgument: an invalid argument (an empty name, an unknown join
	// kind, an output column that already exists).
	ErrArgument = errs.ErrArgument
	// ErrTooLarge: a result does not fit its type (an integer sum beyond
	// int64).
	ErrTooLarge = errs.ErrTooLarge
	// ErrFrame: the table given to Load carries a gota error.
	ErrFrame = errs.ErrFrame
	// ErrUnsupported: the step cannot be computed exactly in this
	// dialect (a quantile in SQLite, a weighted quantile anywhere). The
	// engine never falls back to computing it in memory.
	ErrUnsupported = errors.New("not supported by this engine")
)

// rowCol is the hidden column that carries row order through every step:
// Load writes it, and each compiled step keeps it, so results come in the
// same order as in memory.
const rowCol = "_cifra_row"

// Engine runs recorded steps on one database. It is safe for concurrent
// use, as *sql.DB is.
type Engine struct {
	db *sql.DB
	d  Dialect
}

// Open returns an Engine on db, which speaks dialect d. It does not
// connect; the first Load or Collect does.
func Open(db *sql.DB, d Dialect) (*Engine, error) {
	if db == nil {
		return nil, fmt.Errorf("engine: Open: nil *sql.DB: %w", ErrArgument)
	}
	if !d.valid() {
		return nil, fmt.Errorf("engine: Open: unknown dialect %d (use engine.SQLite, engine.Postgres or engine.DuckDB): %w", int(d), ErrArgument)
	}
	return &Engine{db: db, d: d}, nil
}

// Dialect returns the dialect of e.
func (e *Engine) Dialect() Dialect { return e.d }

// col is one column of a relation: its name and gota type.
type col struct {
	name string
	typ  series.Type
}

// schema reads the columns of a table (without reading rows) and whether it
// carries the row-order column written by Load.
func (e *Engine) schema(ctx context.Context, table string) ([]col, bool, error) {
	rows, err := e.db.QueryContext(ctx, "SELECT * FROM "+quote(table)+" WHERE 1 = 0")
	if err != nil {
		return nil, false, fmt.Errorf("engine: table %q: %w", table, err)
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, false, fmt.Errorf("engine: table %q: %w", table, err)
	}
	var cols []col
	ordered := false
	for _, t := range types {
		if t.Name() == rowCol {
			ordered = true
			continue
		}
		cols = append(cols, col{name: t.Name(), typ: columnType(t.DatabaseTypeName())})
	}
	return cols, ordered, rows.Err()
}
