package fetch

import (
	"errors"

	"github.com/datacon-mx/cifra/internal/errs"
)

// Sentinel errors. Every error a reader returns wraps one of these, so
// callers can test with errors.Is; the message starts with "fetch:" once and
// names the source, line or row, column and value where they are known.
// ErrEmpty, ErrNoColumn, ErrType and ErrTooLarge are the values every stage
// shares: errors.Is(err, fetch.ErrNoColumn) and errors.Is(err,
// clean.ErrNoColumn) hold for the same error.
var (
	// ErrEmpty: the input has no data (an empty file, a sheet with no cells).
	ErrEmpty = errs.ErrEmpty
	// ErrFormat: the input is not the format expected (binary garbage, an
	// unterminated quote, invalid JSON).
	ErrFormat = errors.New("malformed input")
	// ErrFieldCount: a row has more non-empty fields than the header.
	ErrFieldCount = errors.New("wrong number of fields")
	// ErrNoColumn: a column named in an option does not exist.
	ErrNoColumn = errs.ErrNoColumn
	// ErrType: a value does not fit the type declared for its column.
	ErrType = errs.ErrType
	// ErrNoSheet: the requested Excel sheet does not exist.
	ErrNoSheet = errors.New("no such sheet")
	// ErrNoTable: the HTML page has no table (or none that matches).
	ErrNoTable = errors.New("no table")
	// ErrUnsupported: a format the readers do not read (an Excel 95 .xls,
	// an encrypted workbook).
	ErrUnsupported = errors.New("unsupported format")
	// ErrDuplicate: a column an option adds already exists (LineColumn).
	ErrDuplicate = errs.ErrDuplicate
)
