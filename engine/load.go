package engine

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// maxParams bounds the parameters of one INSERT (SQLite allows 32,766,
// PostgreSQL 65,535), and maxBatchRows its rows: databases parse and plan
// a statement of a few hundred rows quickly, and it is prepared once.
const (
	maxParams    = 30000
	maxBatchRows = 500
)

// Load creates table in the database with the columns and types of df and
// writes its rows, in one transaction. Types: Int → BIGINT (INTEGER in
// SQLite), Float → DOUBLE PRECISION (REAL, DOUBLE), Bool → BOOLEAN, String
// → TEXT, so codes with leading zeros ("01", "09002") stay text. Missing
// values (and NaN) are written as NULL. A hidden BIGINT column _cifra_row
// keeps the row order, so that steps on the table give rows and groups in
// the same order as in memory.
//
// Rows go in multi-row INSERT statements with bound parameters, prepared
// once, in batches of up to 500 rows; then PostgreSQL and SQLite gather the table's
// statistics (ANALYZE). A table that already exists is an error (the
// database's own).
func (e *Engine) Load(ctx context.Context, table string, df dataframe.DataFrame) error {
	if table == "" {
		return fmt.Errorf("engine: Load: empty table name: %w", ErrArgument)
	}
	if df.Err != nil {
		return fmt.Errorf("engine: Load %q: %w: %v", table, ErrFrame, df.Err)
	}
	names := df.Names()
	if len(names) == 0 {
		return fmt.Errorf("engine: Load %q: the table has no columns: %w", table, ErrArgument)
	}
	cols := make([]series.Series, len(names))
	defs := make([]string, 0, len(names)+1)
	for i, n := range names {
		if n == rowCol {
			return fmt.Errorf("engine: Load %q: column %q is reserved for the row order: %w", table, n, ErrArgument)
		}
		cols[i] = df.Col(n)
		defs = append(defs, quote(n)+" "+e.d.typeName(cols[i].Type()))
	}
	defs = append(defs, quote(rowCol)+" BIGINT")
	tx, err := e.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("engine: Load %q: %w", table, err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	create := "CREATE TABLE " + quote(table) + " (" + strings.Join(defs, ", ") + ")"
	if _, err := tx.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("engine: Load %q: %w", table, err)
	}
	values, err := loadValues(table, cols)
	if err != nil {
		return err
	}
	width := len(cols) + 1
	nrow := df.Nrow()
	batch := min(maxParams/width, maxBatchRows)
	if batch < 1 {
		batch = 1
	}
	var colList []string
	for _, n := range names {
		colList = append(colList, quote(n))
	}
	colList = append(colList, quote(rowCol))
	head := "INSERT INTO " + quote(table) + " (" + strings.Join(colList, ", ") + ") VALUES "
	stmtFor := func(rows int) string {
		var b strings.Builder
		b.WriteString(head)
		p := 0
		for r := 0; r < rows; r++ {
			if r > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for c := 0; c < width; c++ {
				if c > 0 {
					b.WriteString(", ")
				}
				p++
				b.WriteString(e.d.placeholder(p))
			}
			b.WriteByte(')')
		}
		return b.String()
	}
	// One statement for the full batches, prepared once.
	var full *sql.Stmt
	if nrow >= batch {
		if full, err = tx.PrepareContext(ctx, stmtFor(batch)); err != nil {
			return fmt.Errorf("engine: Load %q: %w", table, err)
		}
		defer full.Close()
	}
	args := make([]any, 0, batch*width)
	for start := 0; start < nrow; start += batch {
		end := min(start+batch, nrow)
		args = args[:0]
		for r := start; r < end; r++ {
			for c := range cols {
				args = append(args, values[c](r))
			}
			args = append(args, int64(r+1))
		}
		if end-start == batch {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, stmtFor(end-start), args...)
		}
		if err != nil {
			return fmt.Errorf("engine: Load %q: rows %d–%d: %w", table, start+1, end, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("engine: Load %q: %w", table, err)
	}
	// Statistics let the planner see that a population catalogue is
	// small (a hash join, not a sort of the big side).
	if e.d == Postgres || e.d == SQLite {
		if _, err := e.db.ExecContext(ctx, "ANALYZE "+quote(table)); err != nil {
			return fmt.Errorf("engine: Load %q: ANALYZE: %w", table, err)
		}
	}
	return nil
}

// loadValues returns, per column, the value of row r as a driver value
// (nil when missing).
func loadValues(table string, cols []series.Series) ([]func(int) any, error) {
	out := make([]func(int) any, len(cols))
	for i, s := range cols {
		na := s.IsNaN()
		switch s.Type() {
		case series.Int:
			v := make([]int64, s.Len())
			for r := range v {
				if na[r] {
					continue
				}
				x, err := s.Elem(r).Int()
				if err != nil {
					return nil, fmt.Errorf("engine: Load %q: column %q row %d: %w", table, s.Name, r+1, err)
				}
				v[r] = int64(x)
			}
			out[i] = func(r int) any {
				if na[r] {
					return nil
				}
				return v[r]
			}
		case series.Float:
			v := s.Float()
			out[i] = func(r int) any {
				if na[r] || math.IsNaN(v[r]) {
					return nil
				}
				return v[r]
			}
		case series.Bool:
			v := s.Records()
			out[i] = func(r int) any {
				if na[r] {
					return nil
				}
				return v[r] == "true"
			}
		default:
			v := s.Records()
			out[i] = func(r int) any {
				if na[r] {
					return nil
				}
				return v[r]
			}
		}
	}
	return out, nil
}
