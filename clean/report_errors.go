package clean

import (
	"errors"
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/internal/errs"
)

// Sentinel errors. Every error the package returns wraps one of these, so
// callers can test with errors.Is; messages start with "clean:" once and
// name the column, row and raw value where they are known. The values
// shared by the stages are the same in every package:
// errors.Is(err, clean.ErrNoColumn) and errors.Is(err, analyze.ErrNoColumn)
// hold for the same error.
var (
	// ErrNoColumn: a column named in the call does not exist in the table.
	ErrNoColumn = errs.ErrNoColumn
	// ErrBadNumber: a value that should be a number does not parse (Strict
	// mode only; otherwise it becomes missing and is listed in the Report).
	ErrBadNumber = errors.New("not a number")
	// ErrBadDate: a value that should be a date does not parse (Strict mode
	// only; otherwise it becomes missing and is listed in the Report).
	ErrBadDate = errs.ErrBadDate
	// ErrFrame: the input DataFrame carries an error (df.Err) or gota failed
	// while building the result.
	ErrFrame = errs.ErrFrame
	// ErrArgument: an argument is unusable (an empty mapping, an unknown
	// option value).
	ErrArgument = errs.ErrArgument
	// ErrDuplicate: a key appears twice where each must be unique (Wider
	// with two values for one cell, a lookup table with a repeated key).
	ErrDuplicate = errs.ErrDuplicate
	// ErrType: a column has the wrong type for the operation.
	ErrType = errs.ErrType
	// ErrEmpty: the input has no data where some is needed.
	ErrEmpty = errs.ErrEmpty
	// ErrTooLarge: an input passed one of the size budgets.
	ErrTooLarge = errs.ErrTooLarge

	// ErrBadArgument is the former name of ErrArgument.
	//
	// Deprecated: use ErrArgument (the same value).
	ErrBadArgument = ErrArgument
)

// strictError is the error of a Strict step: the first failure and how
// many values failed, wrapping the step's sentinel without repeating its
// text when the failure already says it ("not a number").
func strictError(step, first string, n int, sentinel error) error {
	values := "values fail"
	if n == 1 {
		values = "value fails"
	}
	msg := fmt.Sprintf("clean: %s: %s (%d %s)", step, first, n, values)
	if !strings.Contains(first, sentinel.Error()) {
		msg += ": " + sentinel.Error()
	}
	return &wrapped{msg: msg, err: sentinel}
}

// wrapped is an error with its own message that unwraps to err.
type wrapped struct {
	msg string
	err error
}

func (e *wrapped) Error() string { return e.msg }
func (e *wrapped) Unwrap() error { return e.err }
