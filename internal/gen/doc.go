// Package gen writes the deterministic benchmark files of issue 8: a
// federal-contracts CSV (id, dd/mm/yyyy date, 2-digit state code, state
// name, agency, supplier, procedure type, amount, currency), clean in UTF-8,
// and its messy Windows-1252 twin (amounts as "$1,234.56" or "N/D", state
// names in common variants). The same n and seed always give the same
// bytes, so benchmarks and tests can regenerate instead of storing files;
// 1,000,000 clean rows are about 151 MB.
//
// Files:
//   - gen.go: the clean and messy contract files.
package gen
