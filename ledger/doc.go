// Package ledger is the fact-check ledger of a data story: every number
// the story publishes is recorded with its value, its rounding, its unit
// and period, the numerator and denominator it comes from, its caveats,
// the exact files (with SHA-256) and the steps (with their reports)
// behind it, and the file:line of the code that computed it.
//
// It sits above the four stages: it may import fetch, clean, analyze and
// chart, and none of them imports it.
//
//	l := ledger.New("¿Dónde se abren más carpetas por homicidio?")
//	res, err := fetch.DescribeFile("data/sesnsp.csv")
//	l.Source(res, "SESNSP, incidencia delictiva estatal 2026")
//	l.Step("unión con CONAPO", joinReport)              // any report of the stages
//	err = l.Figure("tasa_nacional", tasa,
//		ledger.Ratio(carpetas, poblacion),                // the value must follow from them
//		ledger.Unit("por cada 100 mil habitantes"), ledger.Period("enero–marzo de 2026"),
//		ledger.Caveat("carpetas de investigación, no víctimas"))
//	text, err := l.Render(`La tasa nacional fue de {{cifra "tasa_nacional"}} por cada 100 mil.`)
//	err = l.WriteDir("salida")                           // cifras.json, cifras.csv, metodologia.md
//	fmt.Print(l.Summary())
//
// In the story's test, compare the run with the ledger published last
// time, so CI fails with a readable list when code or data move a number:
//
//	if err := ledger.Verify("publicado/cifras.json", l); err != nil { t.Fatal(err) }
//
// # Published numbers
//
// A figure's Text is the number as published in es-MX: "." for decimals,
// "," between thousands from four integer digits ("29,498"; Thousands(false)
// writes "2026"). It is rounded half away from zero on the value's
// shortest decimal form (85.65 → "85.7", 2.675 → "2.68"), to Decimals
// places, or by default to none for whole numbers, two for numbers under
// 1 and one otherwise. A figure whose Unit is "%" holds a percentage
// (85.7, not 0.857) and its text carries the sign glued on ("85.7%", as
// Mexican style writes it); any other unit is left for the sentence to
// say. Missing (NaN) and infinite values cannot be published: Figure
// returns an error.
//
// A figure with a Ratio must follow from it: value = numerator /
// denominator × per, per being given with Per or found among the powers
// of ten from 1 to 1,000,000. Its n is the numerator (or N); under
// analyze.DefaultSmallCount (10) it is a small number, flagged in every
// file as analyze.Rate flags it ("cifra pequeña"); Small overrides.
//
// Without From, a figure depends on every source and step recorded before
// it. Names in From are a source's URL, path or file name, or a step's
// name; an unknown one is an error.
//
// # Files written
//
// cifras.json holds the title, the sources (url, path, sha256, bytes,
// retrieved, cut_date, copy: "original" or "processed"…), the steps (name,
// kind, report) and the figures (name, value unrounded, text, unit,
// period, definition, decimals, rounding, numerator, denominator, per, n,
// small, caveats, alternatives, sources, steps, code). cifras.csv has one
// row per figure with Spanish headers and blank verificado_por and fecha
// columns. metodologia.md is the Spanish methodology note. The same ledger
// writes the same bytes: the only time stamps are the sources' own, a
// source's absolute path is made relative to the module root (relative
// ones are kept as given), and code locations are "file:line" relative to
// the module that holds the file.
//
// # Files
//
//   - ledger.go: Ledger, New, Step, StepInfo and Text, Err and the accessors
//     (Title, Sources, Steps, Figures, Lookup).
//   - source.go: Source, SourceWith, SourceInfo and the SourceOption
//     constructors (SourceURL, Retrieved, CutDate, Original, Processed,
//     Publisher, License).
//   - figure.go: Figure, FigureInfo, Variant and the figure Options (Unit,
//     Period, Definition, Decimals, Thousands, Ratio, Per, N, Small, Caveat,
//     Alternative, From); the ratio and dependency checks.
//   - format.go: es-MX number text and the rounding rule.
//   - render.go: Render and its {{cifra "name"}} parser.
//   - write.go: WriteDir, JSON and CSV (cifras.json, cifras.csv).
//   - note.go: Note (metodologia.md) and Summary.
//   - read.go: Read.
//   - diff.go: Change, ChangeKind, Diff, Check and Verify.
//   - paths.go: module-relative paths of sources and of the code that
//     recorded a figure.
//   - errors.go: the error values.
//   - doc.go: this overview.
//
// The sibling package ledgertest holds Published, the check a story's test
// runs against the ledger it published.
//
// # Errors
//
// Every error starts with "ledger:" and wraps one of ErrDuplicate,
// ErrArgument, ErrEmpty (shared with the stages), ErrNoFigure,
// ErrTemplate, ErrChanged or ErrFormat.
package ledger
