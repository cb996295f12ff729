package duckdbtest

import (
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/datacon-mx/cifra/bench"
	"github.com/datacon-mx/cifra/engine"
	"github.com/datacon-mx/cifra/internal/gen"
)

// BenchmarkDuckDB times bench's engine tasks on DuckDB (checked against
// the in-memory answers first), and the same two queries written by hand
// in DuckDB's SQL. CIFRA_BENCH_ROWS sets the size (100,000 by default).
func BenchmarkDuckDB(b *testing.B) {
	n := 100_000
	if s := os.Getenv("CIFRA_BENCH_ROWS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n <= 0 {
			b.Fatalf("CIFRA_BENCH_ROWS=%q: want a positive integer", s)
		}
	}
	path := filepath.Join(b.TempDir(), "contratos.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := gen.Contracts(f, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	contracts, population, err := bench.EngineData(path)
	if err != nil {
		b.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	e, err := engine.Open(db, engine.DuckDB)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("engine", func(b *testing.B) { bench.BenchEngine(b, e, contracts, population) })
	for _, q := range []struct{ name, sql string }{
		{"groupby", `SELECT cve_ent, tipo_procedimiento, COUNT(*), SUM(importe), AVG(importe)
			FROM contratos GROUP BY cve_ent, tipo_procedimiento`},
		{"join", `SELECT c.cve_ent, COUNT(*), SUM(importe), MAX(poblacion), SUM(importe) / MAX(poblacion)
			FROM contratos c LEFT JOIN poblacion p ON c.cve_ent = p.cve_ent GROUP BY c.cve_ent`},
	} {
		b.Run("sql/"+q.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				rows, err := db.Query(q.sql)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				if err := rows.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
