// Package cifra is a Go toolkit for data journalism: get a government
// dataset, clean it, find the story in it and chart it for publication,
// without losing a value on the way.
//
// The work goes through four stages, each a package that does not import the
// others; a gota dataframe.DataFrame is the only thing passed between them:
//
//		fetch ──────────► clean ──────────► analyze ──────────► chart
//		bytes → table     table → tidy       tidy → findings     findings → picture
//
//	  - [github.com/datacon-mx/cifra/fetch] downloads datasets with a cache and a
//	    provenance record, and reads CSV/TSV (any encoding, preamble rows, safe
//	    types), JSON, Excel and HTML tables, CKAN portals and SQL databases;
//	    large files stream in chunks.
//	  - [github.com/datacon-mx/cifra/clean] tidies names and text, parses
//	    numbers, dates and missing markers the way Mexican data writes them,
//	    clusters variant spellings, dedupes, reshapes and joins with a report of
//	    what did not match; [github.com/datacon-mx/cifra/clean/mx] maps state
//	    and municipality names to INEGI codes.
//	  - [github.com/datacon-mx/cifra/analyze] profiles a table, groups and
//	    summarises, and computes rates, changes, shares, ranks, rolling windows,
//	    constant pesos and outliers.
//	  - [github.com/datacon-mx/cifra/chart] draws publication charts with a
//	    newsroom look on gonum/plot and saves them as PNG, SVG or PDF.
//
// Above the stages, [github.com/datacon-mx/cifra/ledger] records every
// number a story publishes with the files, steps and code behind it, fills
// the story's text from it, writes the methodology note and tells when a
// re-run moves a published number, [github.com/datacon-mx/cifra/engine]
// compiles the filter, group, join and rate steps to SQL for SQLite,
// PostgreSQL or DuckDB so a pipeline runs where the data live, and
// [github.com/datacon-mx/cifra/table] shows a table in the terminal or as
// Markdown, every column aligned.
//
// Every step that can drop, change or fail to parse a value says so in a
// report, and every error names the file, row, column and value where one is
// known. The worked stories in examples/ run offline on shipped data.
//
// # Conventions
//
// Every package follows the same rules, so what is learnt in one holds in
// the others.
//
// Settings. A call takes what it needs as arguments and works with no
// settings at all; a setting is never positional. The stages whose steps
// have few independent settings, clean and analyze, take them as a value
// with exported fields whose zero value is the default, and each step is
// also a method of that value with the same name and signature:
// clean.Numbers(df) is clean.Config{}.Numbers(df), and
// clean.Config{Strict: true}.Numbers(df) changes one thing; analyze.Rate is
// analyze.RateOptions{}.Rate. The packages whose settings are many and
// interact, fetch and chart (and the packages above the stages), take
// functional options (opts ...Option). Options give the same result in any
// order; a later option for the same setting replaces an earlier one. A
// zero value means the default: a zero settings field, a zero struct or
// field given to an option (chart.WithFormat(chart.Format{}) and
// chart.WithSize(chart.Size{}) change nothing), an empty name, and a zero
// count where zero has no other meaning (chart.TopN(0)). Where zero is a
// real request it is documented as such (fetch.WithRetries(0) turns
// retries off). No method shares its name with a type.
//
// Rows. A row number in any message or report field is the 1-based row of
// the table the call received: row 1 is the first data row. The same bad
// cell is the same row in clean, analyze and chart. Readers, which know
// the file, also give the line ("line 5") in a separate field or phrase.
//
// Errors. Messages start with their package name once
// (chart: Bar: column "x": no such column) and wrap a sentinel for
// errors.Is. The sentinels the stages share (ErrNoColumn, ErrEmpty,
// ErrType, ErrArgument, ErrDuplicate, ErrTooLarge, ErrFrame, ErrBadDate,
// ErrNotNumeric) are one value each, re-exported by every stage that
// returns it: errors.Is(err, clean.ErrNoColumn) and errors.Is(err,
// chart.ErrNoColumn) hold for the same error.
//
// Names. A step on a table takes the DataFrame first and has the plain
// name; the same step on one string adds String (clean.Title and
// clean.TitleString). Renamed identifiers stay as Deprecated wrappers that
// name their replacement; CHANGELOG.md lists every rename.
package cifra
