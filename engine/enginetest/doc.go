// Package enginetest holds the engine's differential suite: every pipeline
// runs in memory (fetch, clean, analyze) and through engine on a real
// database, and the two results are compared cell by cell, join reports
// included. The engine package runs it on SQLite and PostgreSQL; the
// separate module engine/duckdbtest runs it on DuckDB, whose driver needs
// cgo.
//
// Files:
//   - enginetest.go: Run, Load, Case and the cases.
//   - errors.go: the errors every dialect must give (and a value meant to
//     inject that must stay a value).
//   - data.go: the tables: three real files in testdata/ and two awkward
//     tables built in code.
//   - compare.go: Equal and EqualReports.
package enginetest
