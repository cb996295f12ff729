package engine_test

import (
	"database/sql"
	"testing"

	"github.com/datacon-mx/cifra/engine"
	"github.com/datacon-mx/cifra/engine/enginetest"
	_ "modernc.org/sqlite"
)

// openSQLite opens a private in-memory SQLite database.
func openSQLite(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	t.Cleanup(func() { db.Close() })
	return db
}

// TestSQLite runs the differential suite on SQLite.
func TestSQLite(t *testing.T) {
	enginetest.Run(t, openSQLite(t), engine.SQLite)
}
