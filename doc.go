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
// re-run moves a published number, and [github.com/datacon-mx/cifra/table]
// shows a table in the terminal or as Markdown, every column aligned.
//
// Every step that can drop, change or fail to parse a value says so in a
// report, and every error names the file, row, column and value where one is
// known. The worked stories in examples/ run offline on shipped data.
package cifra
