package publish

import (
	"errors"

	"github.com/datacon-mx/cifra/internal/errs"
)

// Errors shared with the stages: errors.Is(err, publish.ErrNoColumn) and
// errors.Is(err, clean.ErrNoColumn) both hold for the same error.
var (
	// ErrNoColumn: a column named in an option does not exist in the table.
	ErrNoColumn = errs.ErrNoColumn
	// ErrDuplicate: a table name, or a primary-key value, appears twice.
	ErrDuplicate = errs.ErrDuplicate
	// ErrArgument: an invalid name, option or argument.
	ErrArgument = errs.ErrArgument
	// ErrEmpty: a table with no rows or no columns, or a package with no
	// tables.
	ErrEmpty = errs.ErrEmpty
	// ErrType: a column whose type cannot be written (a gota error in the
	// table).
	ErrType = errs.ErrType
	// ErrTooLarge: a descriptor beyond the size Validate reads.
	ErrTooLarge = errs.ErrTooLarge
)

// ErrReference: a value of a foreign-key column is not in the table it
// refers to (for example a state code that is not in INEGI's catalogue).
var ErrReference = errors.New("value not in the referenced table")
