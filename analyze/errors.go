package analyze

import (
	"errors"

	"github.com/datacon-mx/cifra/internal/errs"
)

// Sentinel errors. Every error returned by this package wraps one of these,
// so callers can test with errors.Is; messages start with "analyze:" once.
// The values shared by the stages are the same in every package:
// errors.Is(err, analyze.ErrNoColumn) and errors.Is(err, clean.ErrNoColumn)
// hold for the same error.
var (
	// ErrNoColumn means a named column is not in the table.
	ErrNoColumn = errs.ErrNoColumn
	// ErrNotNumeric means a numeric calculation was asked of a column whose
	// values are not numbers (a String column with a value that does not
	// parse as a number, or a Bool column where numbers are needed).
	ErrNotNumeric = errs.ErrNotNumeric
	// ErrArgument means an argument is out of range: a quantile outside
	// [0, 1], a window under 1, an unknown option, an empty column name.
	ErrArgument = errs.ErrArgument
	// ErrBadDate means a date value is not an ISO date ("2024-10-17",
	// "2024-10" or "2024").
	ErrBadDate = errs.ErrBadDate
	// ErrFrame means the input table carries a gota error (df.Err) or
	// gota failed to build the output.
	ErrFrame = errs.ErrFrame
	// ErrDuplicate means a key appears twice where each must be unique.
	ErrDuplicate = errs.ErrDuplicate
	// ErrType means a column has the wrong type for the operation.
	ErrType = errs.ErrType
	// ErrEmpty means the input has no data where some is needed.
	ErrEmpty = errs.ErrEmpty
	// ErrTooLarge means an input passed one of the size budgets.
	ErrTooLarge = errs.ErrTooLarge
	// ErrNoBase means the base period asked for is not in the data or the
	// index.
	ErrNoBase = errors.New("base period not found")

	// ErrBadArgument is the former name of ErrArgument.
	//
	// Deprecated: use ErrArgument (the same value).
	ErrBadArgument = ErrArgument
	// ErrBadFrame is the former name of ErrFrame.
	//
	// Deprecated: use ErrFrame (the same value).
	ErrBadFrame = ErrFrame
)
