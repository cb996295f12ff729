// Package fetch gets bytes and turns them into tables: cached HTTP downloads
// with provenance, and readers for CSV/TSV, JSON, Excel, HTML tables and SQL
// query results, all returning gota DataFrames.
package fetch
