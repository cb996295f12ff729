package fetch

import "errors"

// Sentinel errors. Every error a reader returns wraps one of these, so
// callers can test with errors.Is; the message names the source, line or
// row, column and value where they are known.
var (
	// ErrEmpty: the input has no data (an empty file, a sheet with no cells).
	ErrEmpty = errors.New("no data")
	// ErrFormat: the input is not the format expected (binary garbage, an
	// unterminated quote, invalid JSON).
	ErrFormat = errors.New("malformed input")
	// ErrFieldCount: a row has more non-empty fields than the header.
	ErrFieldCount = errors.New("wrong number of fields")
	// ErrNoColumn: a column named in an option does not exist.
	ErrNoColumn = errors.New("no such column")
	// ErrType: a value does not fit the type declared for its column.
	ErrType = errors.New("value does not fit column type")
	// ErrNoSheet: the requested Excel sheet does not exist.
	ErrNoSheet = errors.New("no such sheet")
	// ErrNoTable: the HTML page has no table (or none that matches).
	ErrNoTable = errors.New("no table")
	// ErrUnsupported: a format the readers do not read (e.g. legacy .xls).
	ErrUnsupported = errors.New("unsupported format")
)
