// Package engine runs a cifra pipeline where the data live: the filter,
// group, join and rate steps are recorded lazily and compiled to one SQL
// statement for SQLite, PostgreSQL or DuckDB, and only the (small) result
// comes back as a gota DataFrame, with the same rows, columns, types and
// order as the same steps in memory (clean.Filter, analyze.GroupBy,
// clean.Join, analyze.Rate) and the same join reports, counted by the
// database.
//
//	e, err := engine.Open(db, engine.Postgres)
//	err = e.Load(ctx, "poblacion", pob)              // CREATE TABLE + INSERT, codes stay text
//	q := e.Table("defunciones").
//		Filter(engine.Eq("anio", 2021), engine.In("cve_ent", "09", "15")).
//		GroupBy("cve_ent").Agg(analyze.Count(), analyze.Sum("edad")).
//		Join(e.Table("poblacion"), clean.Left, "cve_ent").
//		Rate("count", "pob_total", 100_000, "tasa")
//	text, err := q.SQL()                             // for the methodology note
//	df, rep, err := q.Collect(ctx)                   // rep.Joins[0] is a clean.JoinReport
//
// # Exactly the in-memory answers
//
// Every step has the semantics of its in-memory twin, and a differential
// suite (package enginetest) runs each pipeline both ways on every dialect
// and compares the tables cell by cell and the join reports field by
// field:
//   - missing values are NULL; sums, means, minima and the rest skip them,
//     a group with no values gets a missing value (SQL's SUM over no rows,
//     not 0), and Count and Missing count them;
//   - sums of Int columns are exact integers (an overflow of int64 is an
//     error wrapping ErrTooLarge, as in analyze); float sums and means
//     agree to about 1e-15 relative (the database adds in its own order);
//   - groups come in order of first appearance, or sorted by their keys
//     with Grouped.Sorted; rows of a join come in clean.Join's order. A
//     hidden column written by Load, _cifra_row, carries the row order
//     through every step;
//   - text join keys are compared trimmed, and an empty key never
//     matches, as in clean.Join;
//   - the rate's small-number flag (as+"_small") is analyze.Rate's.
//
// What a dialect cannot compute exactly is an error wrapping
// ErrUnsupported that names the step (Quantile, Median and Std in SQLite;
// WeightedQuantile everywhere), never a silent fallback that pulls a big
// table into memory. A text key joined to a numeric key, which clean.Join
// compares as numbers, is an error wrapping ErrType.
//
// # Safe SQL
//
// Names are always quoted ("año", "select", "a""b") and values always bound
// as parameters, so neither breaks nor injects into the statement. SQL
// returns the statement Collect runs, one CTE per step, with the bound
// values listed in a trailing comment.
//
// # Beyond one machine
//
// The engine speaks to a database/sql connection and nothing else, so the
// same code reaches any engine that speaks one of these dialects: a
// distributed database with PostgreSQL's dialect and wire protocol (Citus,
// Greenplum, YugabyteDB…) through a PostgreSQL driver with engine.Postgres,
// or MotherDuck and
// DuckDB files with engine.DuckDB. Load is for small tables (a population
// catalogue); the big ones are already in the warehouse, read with
// Engine.Table (they have no stored row order, so their groups come in the
// database's order: use Sorted for a stable one). The statement is
// standard SQL with window functions and CTEs, which these engines
// plan and distribute themselves. Only SQLite, PostgreSQL and DuckDB are
// tested here; run enginetest.Run against another engine before trusting
// it with a story.
//
// # Files
//
//   - engine.go: Open, Engine, the errors, reading a table's columns.
//   - dialect.go: Dialect and the per-dialect printer (quoting, parameter
//     placeholders, type names, key trimming, binary collation).
//   - load.go: Load (CREATE TABLE and batched INSERTs in a transaction).
//   - query.go: Query, Table, Filter, GroupBy, Grouped.Agg, Join, Rate,
//     Select, Rename (the recorded steps).
//   - cond.go: Cond and its constructors (Eq, Ne, Lt, Le, Gt, Ge, In,
//     Between, IsNull, NotNull, And, Or, Not).
//   - compile.go: the compiler (one CTE per step), Table, Filter, Rate,
//     Select and Rename steps; agg.go: GroupBy and the analyze aggregates in SQL; join.go:
//     Join.
//   - collect.go: SQL, Collect, and reading driver values into typed
//     columns.
//   - report.go: Report and the join report computed in the database.
//
// fuzz_test.go fuzzes the quoting of names and values (seeds in
// testdata/fuzz).
//
// The differential suite lives in engine/enginetest; engine/duckdbtest is
// a separate module (DuckDB's driver needs cgo) that runs it on DuckDB.
package engine
