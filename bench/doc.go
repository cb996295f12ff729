// Package bench holds the performance harness of cifra: the four whole
// pipeline tasks T1–T4 of BENCHMARKS.md written with the public API only
// (fetch → clean → analyze), used by the Go benchmarks in this folder and by
// the cifra-bench command, which times them as whole processes.
//
// The input files come from internal/gen: a deterministic federal-contracts
// CSV (id, dd/mm/yyyy date, state code, state name, agency, supplier,
// procedure type, amount, currency) and its messy Windows-1252 twin.
package bench
