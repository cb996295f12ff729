package duckdbtest

import (
	"database/sql"
	"testing"

	"github.com/datacon-mx/cifra/engine"
	"github.com/datacon-mx/cifra/engine/enginetest"
	_ "github.com/duckdb/duckdb-go/v2"
)

// TestDuckDB runs the differential suite on an in-memory DuckDB database.
func TestDuckDB(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	enginetest.Run(t, db, engine.DuckDB)
}
