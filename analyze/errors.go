package analyze

import "errors"

// Sentinel errors. Every error returned by this package wraps one of these,
// so callers can test with errors.Is.
var (
	// ErrNoColumn means a named column is not in the table.
	ErrNoColumn = errors.New("no such column")
	// ErrNotNumeric means a numeric calculation was asked of a column whose
	// values are not numbers (a String column with a value that does not
	// parse as a number, or a Bool column where numbers are needed).
	ErrNotNumeric = errors.New("column is not numeric")
	// ErrBadArgument means an argument is out of range: a quantile outside
	// [0, 1], a window under 1, an unknown option, an empty column name.
	ErrBadArgument = errors.New("bad argument")
	// ErrBadDate means a date value is not an ISO date ("2024-10-17",
	// "2024-10" or "2024").
	ErrBadDate = errors.New("bad date")
	// ErrBadFrame means the input table carries a gota error (df.Err) or
	// gota failed to build the output.
	ErrBadFrame = errors.New("bad table")
	// ErrNoBase means the base period asked for is not in the data or the
	// index.
	ErrNoBase = errors.New("base period not found")
)
