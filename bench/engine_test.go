package bench

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/datacon-mx/cifra/engine"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// BenchmarkEngine times the group-by and the join with its report in
// memory, and through engine on SQLite (a file database) and, when
// CIFRA_PG_DSN is set, PostgreSQL. DuckDB's run lives in the
// engine/duckdbtest module (cgo).
func BenchmarkEngine(b *testing.B) {
	n := rowsFor(b)
	path, _ := files(b, n)
	contracts, population, err := EngineData(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("memory", func(b *testing.B) {
		b.Run("groupby", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := MemoryGroupBy(contracts); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("join", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, _, err := MemoryJoin(contracts, population); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("sqlite", func(b *testing.B) {
		db, err := sql.Open("sqlite", filepath.Join(b.TempDir(), "cifra.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		e, err := engine.Open(db, engine.SQLite)
		if err != nil {
			b.Fatal(err)
		}
		BenchEngine(b, e, contracts, population)
	})
	b.Run("postgres", func(b *testing.B) {
		dsn := os.Getenv("CIFRA_PG_DSN")
		if dsn == "" {
			b.Skip("CIFRA_PG_DSN not set")
		}
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		for _, t := range []string{"contratos", "poblacion"} {
			if _, err := db.Exec(`DROP TABLE IF EXISTS "` + t + `"`); err != nil {
				b.Fatal(err)
			}
		}
		e, err := engine.Open(db, engine.Postgres)
		if err != nil {
			b.Fatal(err)
		}
		BenchEngine(b, e, contracts, population)
	})
}
