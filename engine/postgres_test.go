package engine_test

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/engine"
	"github.com/datacon-mx/cifra/engine/enginetest"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// openPostgres connects to the server named by CIFRA_PG_DSN. Without it
// the test is skipped, except in CI (CI set), where it fails: .ci/run
// starts a server and sets the variable.
func openPostgres(t testing.TB) *sql.DB {
	t.Helper()
	dsn := os.Getenv("CIFRA_PG_DSN")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CIFRA_PG_DSN is not set in CI: .ci/run starts a PostgreSQL server and sets it")
		}
		t.Skip("no PostgreSQL server: set CIFRA_PG_DSN (e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable) to run the suite on PostgreSQL")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		t.Fatalf("CIFRA_PG_DSN is set but the server does not answer: %v", err)
	}
	return db
}

// TestPostgres runs the differential suite on PostgreSQL.
func TestPostgres(t *testing.T) {
	enginetest.Run(t, openPostgres(t), engine.Postgres)
}
