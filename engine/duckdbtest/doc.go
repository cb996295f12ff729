// Package duckdbtest runs the engine's differential suite (package
// enginetest) on DuckDB. It is a module of its own because DuckDB's Go
// driver needs cgo and a C++ library, which cifra's pure-Go core must not
// require: `cd engine/duckdbtest && go test ./...` (CI runs it when a C
// compiler is present).
//
// Files: duckdb_test.go holds TestDuckDB; bench_test.go BenchmarkDuckDB
// (bench's engine tasks, and the same queries in DuckDB's own SQL);
// doc.go this note.
package duckdbtest
