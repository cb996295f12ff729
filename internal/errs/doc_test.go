package errs

import (
	"errors"
	"fmt"
	"testing"
)

func TestWrapped(t *testing.T) {
	err := fmt.Errorf("clean: Numbers: column %q: %w", "x", ErrNoColumn)
	if !errors.Is(err, ErrNoColumn) || errors.Is(err, ErrTooLarge) {
		t.Fatalf("errors.Is broken for %v", err)
	}
}
