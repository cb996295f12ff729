// Package clean turns messy government tables into tidy ones and reports
// exactly what it changed.
//
// Every step is one call on a gota DataFrame. Steps that can lose or change
// values return a Report that says, per column, how many values were
// parsed, which raw strings became missing (with counts), which values
// failed (with their 1-based data rows and examples) and what was noticed
// on the way (currencies, percentages, ambiguous dates, date formats). A
// Report prints as a short block for a methodology note, and the reports of
// several calls merge into one.
//
//	df = clean.Names(df)                               // "Clave de la Entidad " → clave_de_la_entidad
//	df, rep, err := clean.Numbers(df, "importe")        // "$1,234.56", "N/D" → 1234.56, missing
//	df, rep2, err := clean.Dates(df, "fecha")           // "17/10/2024", "17 de octubre de 2024" → "2024-10-17"
//	rep.Merge(rep2)
//	fmt.Print(rep)
//
// The package functions are the zero-configuration calls. Config is their
// companion: its methods have the same signatures and apply a locale
// (MX, ES, US), Strict mode (failures become an error wrapping ErrBadNumber
// or ErrBadDate), other missing markers, per-column extra codes (97, 98 and
// 99 in health data), forced date layouts, Dedupe's KeepLast and Recode's
// folded matching.
//
// # Files
//
//   - config.go: Config and Locale.
//   - report.go, report_errors.go: Report, ColumnReport, Tally; the error
//     sentinels.
//   - names.go: Names, NameStrings, NameString (snake_case ASCII column names).
//   - text.go, text_frame.go: FoldString, Squish, NFC, FixMojibake, Damaged,
//     TitleString; Text, Upper, Lower, Title and FoldColumn on columns.
//   - numbers.go: Numbers (parsing itself lives in internal/num, shared with
//     fetch); numbers_exact.go: exact integers beyond 2^53 and values that
//     underflow to 0; numbers_locale.go: decimal-comma columns under the default
//     locale.
//   - dates.go, dates_parse.go, dates_quarter.go: Dates, MonthNumber,
//     IsDateSentinel; quarters ("2023T1" → "2023-Q1").
//   - missing.go: SetMissing (markers and extra codes to missing values).
//   - spreadsheet.go: StripFormulasString and StripFormulas (`="01"`,
//     `=CONCATENAR(0,01)`, `'01`).
//   - deprecated.go: the former names (CleanName, TitleCase, Unwrap…).
//   - row.go: Row, the typed, missing-aware view of one row (Float, Int,
//     String, Bool, Missing, FloatOr…). derive.go: Derive (a new column
//     from a function of each row, in the type it returns) and NA.
//     filter.go: Filter, its predicates (IsMissing, NotMissing, In,
//     Between, DatesBetween, All, Any, Not) and Coalesce.
//   - tidy.go: RemoveEmpty, RemoveEmptyRows, RemoveEmptyColumns,
//     DropConstant, FillDown.
//   - recode.go: Recode. dedupe.go: Dedupe, Duplicates.
//   - bind.go: Bind and BindLabeled (stack tables with the same columns).
//     match_names.go: MatchNames (exact, folded, fingerprint and fuzzy
//     name matching between two lists, with how each match was made).
//   - join*.go: Join and JoinReport; join_expect.go: Cardinality,
//     JoinReport.Expect, Relation and ExtraRows (a join that multiplies
//     rows fails loudly).
//   - totals.go: DropTotals (totals and subtotals rows found by their
//     numbers, through internal/totals). cluster*.go, legal.go, levenshtein.go:
//     Clusters of variant spellings. reshape*.go: Longer, Wider and month
//     columns. Package clean/mx: Mexican states and municipalities.
//
// Names follow one pattern: a step on a table takes the DataFrame first,
// has the plain name and returns the table and a Report (Names, Title,
// StripFormulas); the same step on one string has that name followed by
// String (NameString, TitleString, StripFormulasString, FoldString). A step
// that adds a derived column says so (FoldColumn). Settings come in a
// Config value whose zero value is the default; each step is also a Config
// method with the same signature (Config{Strict: true}.Numbers).
// deprecated.go keeps the former names (CleanName, TitleCase, Unwrap…).
//
// # Input rules
//
// A column named in a call that the table does not have is an error
// wrapping ErrNoColumn, never an empty result. A DataFrame that carries an
// error (df.Err) is an error wrapping ErrFrame (Names, which returns no
// error, returns such a frame unchanged). No input string makes a function
// panic. Errors carry "clean:" once and wrap a sentinel shared by every
// stage where one fits (ErrNoColumn here is analyze.ErrNoColumn and
// chart.ErrNoColumn too).
//
// Rows: every row number in a message or a report field (FailedRows,
// RemovedRows, UnmatchedKey.FirstRow…) is a 1-based row of the table the
// call received: row 1 is the first data row, whatever the file line it
// came from. The same bad cell is the same row in clean, analyze and chart.
//
// Missing values: a value already missing in gota stays missing and is
// counted as such. In text columns, the default markers of the readers
// ("", "NA", "N/A", "N/D", "ND", "S/D", "-", "—", "NULL", "NaN", "No
// disponible", "#N/A"… after trimming spaces; see Config.Missing) become
// missing values, never zero, and the report lists which raw strings did
// it. Config.ExtraMissing adds codes per column. Dates also treats the "no
// date" placeholders of IsDateSentinel ("9999-99-99", "0000-00-00",
// "-001-11-30"…) as missing.
//
// Failures: a value that is not a marker and does not parse becomes missing
// and is listed in the report with its row; in Strict mode it is an error
// and the table is returned unchanged.
//
// Automatic columns: Numbers and Dates called with no column names try
// every text column and convert only those in which every non-missing value
// parses (Numbers also leaves columns that look like codes: values with
// leading zeros such as "01", or names such as cve_ent, clave, id, folio;
// Dates leaves columns of plain numbers or month names unless the column's
// name says fecha or date). The report says which columns were converted
// and why the others were left.
//
// Dates travel as ISO-8601 strings ("2024-10-17", "2024-10", "2024", and
// "--10" for a month with no year), because gota has no date type.
package clean
