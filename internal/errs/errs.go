package errs

import "errors"

var (
	// ErrNoColumn: a named column does not exist in the table.
	ErrNoColumn = errors.New("no such column")
	// ErrTooLarge: an input passed one of the budgets that keep a process
	// alive (bytes, cells, columns, distinct keys, pixels, pages).
	ErrTooLarge = errors.New("too large")
	// ErrDuplicate: a key, category or value appears twice where each must
	// be unique.
	ErrDuplicate = errors.New("duplicate value")
	// ErrType: a column or value has the wrong type for the operation.
	ErrType = errors.New("wrong type")
	// ErrArgument: an argument or option is invalid.
	ErrArgument = errors.New("invalid argument")
	// ErrEmpty: the input has no data.
	ErrEmpty = errors.New("no data")
)

var (
	// ErrNotNumeric: a value or column that must hold numbers holds text
	// that is not a number, or booleans.
	ErrNotNumeric = errors.New("not numeric")
	// ErrBadDate: a value that must be a date is not one the stage reads.
	ErrBadDate = errors.New("not a date")
	// ErrFrame: the input table carries a gota error (df.Err), or gota
	// failed while building a result.
	ErrFrame = errors.New("table carries an error")
)
