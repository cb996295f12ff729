package ledger

import (
	"errors"

	"github.com/datacon-mx/cifra/internal/errs"
)

// Errors the ledger returns. Every error wraps one of them, so callers can
// test with errors.Is; the shared ones are the same values as the stages'
// (ledger.ErrDuplicate == clean.ErrDuplicate).
var (
	// ErrDuplicate: a figure name is recorded twice, or two sources with the
	// same URL or path have different contents.
	ErrDuplicate = errs.ErrDuplicate
	// ErrArgument: an option or value is invalid (a missing value, a
	// denominator of zero, a bad date, an unknown source or step name).
	ErrArgument = errs.ErrArgument
	// ErrEmpty: a cifras.json holds no ledger.
	ErrEmpty = errs.ErrEmpty
	// ErrNoFigure: Render met a name that no figure has.
	ErrNoFigure = errors.New("no such figure")
	// ErrTemplate: Render met text between "{{" and "}}" that is not
	// {{cifra "name"}}.
	ErrTemplate = errors.New("bad template")
	// ErrChanged: Check or Verify found published figures or sources that
	// moved.
	ErrChanged = errors.New("published figures changed")
	// ErrFormat: a cifras.json cannot be read as a ledger.
	ErrFormat = errors.New("not a ledger file")
)
