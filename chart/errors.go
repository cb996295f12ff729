package chart

import "errors"

// Sentinel errors. Every error returned by this package wraps one of them,
// so callers can test with errors.Is.
var (
	// ErrNoData means the table has no rows, or no drawable rows remain
	// after skipping missing values.
	ErrNoData = errors.New("chart: no data")
	// ErrNoColumn means a named column does not exist in the table.
	ErrNoColumn = errors.New("chart: no such column")
	// ErrNotNumeric means a value column holds text that is not a number.
	ErrNotNumeric = errors.New("chart: not numeric")
	// ErrMissing means a value is missing (NaN, N/D, empty); pass
	// SkipMissing to drop such rows with a note on the chart instead.
	ErrMissing = errors.New("chart: missing value")
	// ErrNotFinite means a value is +Inf or -Inf; SkipMissing drops such
	// rows too.
	ErrNotFinite = errors.New("chart: infinite value")
	// ErrBadDate means an x value is neither an ISO date ("2024-10-17",
	// "2024-10", "2024") nor a number.
	ErrBadDate = errors.New("chart: bad date")
	// ErrTooMany means there are too many categories or series to draw
	// readably; the message suggests TopN or AllowMany.
	ErrTooMany = errors.New("chart: too many categories")
	// ErrDuplicate means a category or an x value appears twice where
	// each must be unique (aggregate first, or name a Series column).
	ErrDuplicate = errors.New("chart: duplicate value")
	// ErrNoMatch means a label given to Highlight names no category.
	ErrNoMatch = errors.New("chart: no such label")
	// ErrFormat means an unknown output format or file extension.
	ErrFormat = errors.New("chart: unknown format")
	// ErrNegative means a stacked bar chart got a negative value.
	ErrNegative = errors.New("chart: negative value in a stack")
	// ErrOption means an option was given an invalid argument.
	ErrOption = errors.New("chart: invalid option")
)
