package chart

import (
	"errors"

	"github.com/datacon-mx/cifra/internal/errs"
)

// Sentinel errors. Every error returned by this package wraps one of them,
// so callers can test with errors.Is; messages start with "chart:" once.
// The values shared by the stages are the same in every package:
// errors.Is(err, chart.ErrNoColumn) and errors.Is(err, clean.ErrNoColumn)
// hold for the same error.
var (
	// ErrEmpty means the table has no rows, or no drawable rows remain
	// after skipping missing values.
	ErrEmpty = errs.ErrEmpty
	// ErrNoColumn means a named column does not exist in the table.
	ErrNoColumn = errs.ErrNoColumn
	// ErrNotNumeric means a value column holds text that is not a number.
	ErrNotNumeric = errs.ErrNotNumeric
	// ErrMissing means a value is missing (NaN, N/D, empty); pass
	// SkipMissing to drop such rows with a note on the chart instead.
	ErrMissing = errors.New("missing value")
	// ErrNotFinite means a value is +Inf or -Inf; SkipMissing drops such
	// rows too.
	ErrNotFinite = errors.New("infinite value")
	// ErrBadDate means an x value is neither an ISO date ("2024-10-17",
	// "2024-10", "2024") nor a number.
	ErrBadDate = errs.ErrBadDate
	// ErrTooMany means there are too many categories or series to draw
	// readably; the message suggests TopN or AllowMany.
	ErrTooMany = errors.New("too many categories")
	// ErrDuplicate means a category or an x value appears twice where
	// each must be unique (aggregate first, or name a Series column).
	ErrDuplicate = errs.ErrDuplicate
	// ErrNoMatch means a label given to Highlight names no category, or a
	// map key names no state.
	ErrNoMatch = errors.New("no such label")
	// ErrFormat means an unknown output format or file extension.
	ErrFormat = errors.New("unknown format")
	// ErrNegative means a stacked bar chart got a negative value.
	ErrNegative = errors.New("negative value in a stack")
	// ErrArgument means an option or argument is invalid.
	ErrArgument = errs.ErrArgument
	// ErrFrame means the input table carries a gota error (df.Err).
	ErrFrame = errs.ErrFrame
	// ErrType means a column has the wrong type for the operation.
	ErrType = errs.ErrType
	// ErrTooLarge means an input passed one of the size budgets (pixels,
	// rows, labels).
	ErrTooLarge = errs.ErrTooLarge

	// ErrNoData is the former name of ErrEmpty.
	//
	// Deprecated: use ErrEmpty (the same value).
	ErrNoData = ErrEmpty
	// ErrOption is the former name of ErrArgument.
	//
	// Deprecated: use ErrArgument (the same value).
	ErrOption = ErrArgument
)
