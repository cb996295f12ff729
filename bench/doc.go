// Package bench holds the performance harness of cifra: the four whole
// pipeline tasks T1–T4 of BENCHMARKS.md written with the public API only
// (fetch → clean → analyze), used by the Go benchmarks in this folder and by
// the cifra-bench command, which times them as whole processes.
//
// tasks.go holds T1–T4, Stream and Population. Stream is the streaming
// task: fetch.EachChunk over the same file with
// an analyze.Partial, whose memory stays flat in the file size.
// engine.go holds the engine tasks (the group-by of T2 and a join with its
// report, through package engine beside the same steps in memory) and
// BenchEngine, which checks them against the in-memory answers and times
// them; engine_test.go runs it on SQLite and PostgreSQL, and the
// engine/duckdbtest module on DuckDB.
// micro_test.go holds micro-benchmarks of shared internals (fold); the
// numbers are recorded in BENCHMARKS.md at the repository root.
//
// The input files come from internal/gen: a deterministic federal-contracts
// CSV (id, dd/mm/yyyy date, state code, state name, agency, supplier,
// procedure type, amount, currency) and its messy Windows-1252 twin.
package bench
