package clean

import "errors"

// Sentinel errors. Every error the package returns wraps one of these, so
// callers can test with errors.Is; messages start with "clean:" and name
// the column, row and raw value where they are known.
var (
	// ErrNoColumn: a column named in the call does not exist in the table.
	ErrNoColumn = errors.New("no such column")
	// ErrBadNumber: a value that should be a number does not parse (Strict
	// mode only; otherwise it becomes missing and is listed in the Report).
	ErrBadNumber = errors.New("not a number")
	// ErrBadDate: a value that should be a date does not parse (Strict mode
	// only; otherwise it becomes missing and is listed in the Report).
	ErrBadDate = errors.New("not a date")
	// ErrFrame: the input DataFrame carries an error (df.Err) or gota failed
	// while building the result.
	ErrFrame = errors.New("bad data frame")
	// ErrBadArgument: an argument is unusable (an empty mapping, an unknown
	// option value).
	ErrBadArgument = errors.New("bad argument")
)
