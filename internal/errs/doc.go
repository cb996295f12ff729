// Package errs holds the error values that every stage shares. Each stage
// re-exports the ones it returns (clean.ErrNoColumn, analyze.ErrNoColumn,
// chart.ErrNoColumn… are the same value), so errors.Is holds whichever
// package's name the caller uses.
//
// The messages carry no package prefix: the error that wraps one names the
// package once ("clean: Numbers: column \"x\": no such column").
//
// Files:
//   - errs.go: the shared sentinels (ErrNoColumn, ErrEmpty, ErrType, ErrArgument,
//     ErrDuplicate, ErrTooLarge, ErrNotNumeric, ErrBadDate, ErrFrame).
package errs
