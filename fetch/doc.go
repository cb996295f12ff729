// Package fetch gets bytes and turns them into tables: cached HTTP downloads
// with provenance, and readers for CSV/TSV, JSON, Excel, HTML tables and SQL
// query results, all returning gota DataFrames.
//
// # Reading tables
//
// The readers work with no options on real government files:
//
//	df, err := fetch.ReadCSVFile("IDEFC_NM_dic24.csv")
//	df, err := fetch.ReadCSV(resp.Body, fetch.Source(url))
//	err := fetch.EachChunk(f, 100_000, func(df dataframe.DataFrame) error { … })
//
// Options (Columns, ColumnType, Encoding, Delimiter, HeaderRow, NoHeader,
// MissingValues, ExtraMissing, NoInference, Workers, Source, WithReport…)
// only override what a reader decides on its own. A Report, filled through
// WithReport and printable with its String method, records every decision:
// encoding, delimiter, header line, skipped preamble and note lines, padded
// and trimmed rows, dropped empty columns, and each column's type, why it
// was chosen and which raw values became missing. LineColumn adds the
// input line of every row as a column, so that after a filter a row can
// still be found in the file (ReadCSV, ReadCSVFile, ReadExcel).
//
// # Input rules (CSV; the other readers follow them where they apply)
//
//   - Encoding: a UTF-8 BOM, a UTF-16 BOM (or UTF-16 text without one),
//     valid UTF-8, else Windows-1252 (the Latin-1 of Mexican federal
//     files). Text that is UTF-8 but for a few stray bytes stays UTF-8 and
//     the strays are read as Windows-1252 (the report says how many).
//     Encoding forces one.
//   - Dialect: the delimiter is sniffed among comma, semicolon, tab and
//     pipe (or forced with Delimiter); Excel's "sep=;" first line is
//     honoured; fields may be quoted with "" for a quote and may hold line
//     breaks; LF, CRLF or CR line ends; the last line needs no line end.
//   - Header: title and metadata lines before the header are skipped (the
//     rule is in detectHeader); trailing "Fuente:", "Nota:", "1/ …" lines
//     are dropped; both are listed in the report. Header names are trimmed;
//     empty ones become col_N and duplicates x_2, x_3.
//   - Rows: blank lines are skipped; a short row is padded with missing
//     values; empty extra fields are ignored; a trailing header cell that no
//     row fills is dropped. When the last column is free text that held the
//     delimiter unquoted, its parts are joined back (and noted).
//   - Types: Int, Float, Bool or String per column, conservatively: values
//     with leading zeros ("01", "09002", "01.01"), integers of more than 15
//     digits and columns whose name looks like a code (cve_*, clave*, id*,
//     rfc, curp, cp, cvegeo, folio…) stay String; numbers with exact comma
//     thousands groups ("1,425,607") are numbers, decimal commas ("1,5")
//     are not; a column with no values at all is Float (all missing).
//     Names are compared after folding case, accents and punctuation, so
//     "Cve. Municipio" and "CVE_MUN" are codes; INEGI's short geographic
//     code names (ENTIDAD, ENT, MUN, LOC, MZA, alone or with one qualifier
//     such as ENT_REGIS) are codes when every value is an integer, so a
//     file that stored "01" as 1 gives the same type as one that did not.
//     The report says why each column got its type, e.g. `not a number:
//     "*"` for INEGI's confidential cells or `dates (text): "02/01/2018"`.
//     String values are kept exactly as written.
//   - Missing: "", "NA", "N/A", "N/D", "ND", "S/D", "-", "—", "NULL", "NaN",
//     "No disponible" and the rest of internal/missing.Default (compared
//     after trimming spaces) become missing values and do not stop a column
//     from being numeric. They are counted per column in the report.
//
// Errors (every one wraps a sentinel of errors.go and names the source, line,
// column and value where known): an empty input (ErrEmpty); binary data, a
// ZIP/xlsx/xls/PDF or an HTML page given as CSV, or a quoted field never closed
// (ErrFormat); a row with more non-empty fields than the header
// (ErrFieldCount); a column named in Columns or ColumnType that does not
// exist (ErrNoColumn); a value that does not fit a declared type, or in
// EachChunk a later chunk's value that does not fit the first chunk's type
// (ErrType). No input makes a reader panic. Messages say "line N" for the
// 1-based line of the file (or row of the sheet) a value came from and,
// where a value is named, "row N" for its 1-based row in the table
// returned (row 1 is the first data row), the row numbering of every cifra
// package. ErrEmpty, ErrNoColumn, ErrType and ErrTooLarge are the values
// the stages share: errors.Is(err, clean.ErrNoColumn) holds as well.
//
// # JSON, Excel and HTML tables
//
// ReadJSON, ReadExcel and HTMLTables turn their cells into text rows and
// type them with the same rules as ReadCSV (missing markers, leading zeros,
// code-like names, thousands groups), so a column reads the same whatever
// the format. ReadJSON takes an array of objects, JSON Lines or a document
// holding one array of records (found on its own, or named with
// RecordsPath: "result.records" in a CKAN answer), flattening nested objects
// with dotted names. ReadExcel reads stored values, not displayed ones,
// fills merged cells, turns date-formatted serial numbers into ISO dates and
// finds the header below title rows; a legacy Excel 97–2003 .xls (BIFF8)
// reads the same way, in pure Go. HTMLTables expands colspan and
// rowspan, combines multi-row headers ("2023 Enero"), reads the text of
// nested elements, drops footnote markers and honours the page's charset; a
// page with no table is an error wrapping ErrNoTable. Each function's own
// documentation lists its rules in full.
//
// # Budgets
//
// Every reader holds to budgets that keep a process alive on broken or
// hostile input, checked as the bytes stream in rather than after: a
// stream of NUL bytes fails on its first block ("byte 1 is NUL"), not
// after gigabytes. Passing one is an error wrapping ErrTooLarge (the same
// value as every stage's ErrTooLarge) that names the budget and how to
// raise it: fetch.WithLimits(fetch.Limits{…}), whose zero fields keep
// these defaults:
//
//	InputBytes   1 GiB         bytes ReadCSV, ReadCSVFile, ReadJSON, ReadExcelReader hold
//	LineBytes    16 MiB        one CSV line or record, one JSON or sheet text value
//	Columns      16,384        fields of a record, distinct JSON keys, sheet columns
//	Cells        20,000,000    rows × columns of a JSON, Excel or HTML table
//	MemberBytes  1 GiB         one member of an .xlsx package, declared and expanded
//	Merges       100,000       merged ranges of a sheet
//
// An .xlsx member that expands more than 250 times the bytes it can
// occupy in the file (once past 16 MiB) is a zip bomb whatever the
// budgets; OpenZipMember has its own ZipLimits. EachChunk reads input of
// any size with flat memory; only its LineBytes and Columns apply. Values
// a table cannot hold as read are reported, not changed silently: a
// number beyond float64's range ("1e400") keeps its text, a JSON key
// repeated in one object or a dotted key that meets a nested path of the
// same name is a report line, a row number written twice in a sheet
// merges with the earlier row only when no cell conflicts (else
// ErrFormat), a cell inside a merged range keeps its own value, a CSV
// that mixes UTF-8 and Windows-1252 rows is decoded value by value, and a
// lone CR inside an LF file stays in its value with a note.
//
// The tests named TestHostile generate such inputs; .ci/run runs them at
// full size (CIFRA_HOSTILE=1) under a memory limit. .ci/fuzz-long runs
// the parsers' fuzz targets for minutes each outside CI and keeps the
// corpus it builds in testdata/fuzzcorpus/ (see the script's header).
//
// # Speed
//
// ReadCSV reads the input into one string and scans it without copying:
// a field is a substring of the input. Large inputs are scanned by several
// goroutines split at line ends outside quotes (checked against a serial
// scan's boundaries). Columns are typed in parallel, each into a typed
// slice, and each gota series is built once; a column with few distinct
// values is built from its distinct values and expanded with
// Series.Subset, which avoids gota's per-element boxing. With Columns, the
// other columns' fields are located by the scanner but never copied,
// checked or typed, and ReadCSVFile does not hold the whole file: each
// block's selected fields are copied out as it is scanned and its text
// let go of (csv_reread.go reads back the rare record needed whole). A
// column of few distinct values, and with Columns any column that is not
// text, is typed straight from the scanned records, without a slice of
// strings in between. EachChunk streams in blocks of up to 4 MB and keeps
// memory flat.
//
// # Downloading, with a cache and provenance
//
//	c := fetch.NewClient(fetch.WithCacheDir("datos"))    // WithOffline(true) on the bus
//	res, err := c.Get(ctx, "https://repodatos.atdt.gob.mx/…/IDEFC.csv")
//	df, err := fetch.ReadCSVFile(res.Path)
//	err = c.WriteManifest(f)                             // URL, SHA-256, size, time, validators
//
// The first Get downloads to a temporary file and renames it into the cache
// (<dir>/<host>/<url hash>-<content hash>-<name> plus a .meta.json record),
// so a crash or a truncated body never leaves a half file that looks whole;
// a ZIP must end with its central directory and JSON must not stop
// mid-value, and a body that ends with the connection (no length) must not
// end inside a quoted CSV field, a CSV row or a gzip stream. Each version of a URL's bytes keeps a file of its own, so a
// Resource's Path always holds the bytes of its SHA-256, and a cached file
// is hashed again before it is served (a file changed on disk is never
// served with its old hash: offline it is an error wrapping ErrChanged).
// Gzip-encoded answers are expanded as they arrive and stop with ErrTooLarge
// past the size limit or a bomb's ratio. Redirects to other schemes and
// redirect loops fail at once. Later Gets
// revalidate with ETag/If-Modified-Since; a 304 serves the cached copy. In
// offline mode (WithOffline or CIFRA_OFFLINE=1) only the cache answers, and a
// URL not in it is an error wrapping ErrOffline. Timeouts, 429 and 5xx
// answers are retried with exponential backoff and jitter, honouring
// Retry-After; other 4xx are not. An HTML page served where data was expected
// is an error wrapping ErrNotData and is never cached or served: for a URL
// whose extension promises data (whatever the whitespace, comments or
// UTF-16 before its first tag), and for a URL that promises nothing when it
// names an API or a download script (/api/…, /descarga?id=5), the page calls
// itself an error, or it holds no table. When a re-download
// brings different bytes, the Resource says so (Changed, PreviousSHA256):
// governments revise published files without notice. The default User-Agent
// names cifra and its version; set another with WithUserAgent if a portal
// answers 403. Every client error names the URL (or archive!member) and wraps
// a sentinel of errors_net.go.
//
// OpenZipMember opens one member of a downloaded ZIP by name or glob without
// extracting the rest, with limits against zip-slip paths and zip bombs.
//
// Query turns the rows of any database/sql driver into a typed DataFrame
// (NULL becomes missing, dates ISO strings), so the same pipeline reads from
// SQLite, DuckDB (for files bigger than memory), PostgreSQL, ClickHouse or
// Trino.
//
// # Files
//
//	csv.go         ReadCSV, ReadCSVFile
//	csv_scan.go    the scanner: records of substrings, parallel split
//	csv_pipe.go    pipelined file reading: blocks checked and scanned while read
//	csv_reread.go  with Columns, blocks let go of their text; records read
//	               back from the file when the layout needs them whole
//	csv_layout.go  header, notes, width and ragged rows; typed columns
//	chunk.go       EachChunk, streaming with a fixed schema
//	chunk_parallel.go streaming on every core: blocks decoded and scanned in
//	               parallel, handed back in order
//	chunk_concurrent.go EachChunkParallel: chunks built and handed to fn on
//	               several goroutines, for aggregates merged afterwards
//	chunk_ahead.go EachChunk's chunks typed ahead of fn on other goroutines,
//	               handed to fn in order on the calling goroutine
//	decode.go      encoding detection and decoding
//	utf8_fast.go   validString: utf8.ValidString, faster on accented text
//	sniff.go       delimiter and "sep=" detection
//	header.go      detectHeader, trailingNotes (shared with Excel and HTML)
//	infer.go       type inference and number parsing rules
//	infer_dict.go  building gota series cheaply
//	infer_codes.go dictionary codes for text columns
//	infer_names.go code-like column names
//	infer_locale.go notes for tables written with decimal commas
//	table.go       tableFromRecords, the reference typed-table builder
//	options.go     Option and every reader option
//	line_column.go LineColumn: each row's input line as a column
//	limits.go      Limits and WithLimits: the reader budgets (ErrTooLarge)
//	report.go      Report
//	report_checks.go table-level findings every reader reports: exact
//	               duplicate rows (DuplicateRow), date placeholders in text
//	               columns, codes written as =CONCATENAR(0,01), ="01", '01
//	               or " 01 001 " (pointing to clean.StripFormulas and mx)
//	errors.go      sentinel errors
//	json*.go       ReadJSON; json_lex*.go hold the byte-level tokenizer it
//	               reads records with (tokens of encoding/json, held to it
//	               by a differential test)
//	excel*.go      ReadExcel, ReadExcelReader, Sheets
//	xls.go         legacy .xls (BIFF8) workbooks: sheet choice and table
//	xls_cfb.go     the OLE2 compound file around them (FAT, DIFAT, mini stream)
//	xls_biff.go    BIFF8 records: globals, shared strings, formats, styles
//	xls_sheet.go   a BIFF8 worksheet's cells and merged ranges as a grid
//	html*.go       HTMLTables, FindHTMLTables
//	deprecated.go  former names (HTMLTablesWithReports)
//	client*.go, cache.go, manifest.go, retry.go, progress.go, errors_net.go
//	               the HTTP client, its cache and provenance records
//	zip.go         ZIP members
//	query.go       SQL query results through database/sql
//	describe.go    provenance records for local or embedded files
//	package.go     ReadPackage: a resource of a Frictionless Data Package, typed by its Table Schema
//
// Subpackages: fetch/ckan (CKAN open-data portals) and fetch/fetchtest (a
// test server for saved pages and files).
package fetch
