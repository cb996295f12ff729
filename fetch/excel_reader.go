package fetch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// ReadExcelReader is ReadExcel for a workbook that is not a file on disk:
// a download body, bytes embedded in a program, a ZIP member. The workbook
// is copied to a temporary file (removed before returning), because an xlsx
// is a ZIP archive that must be read from its end. Name the input with
// Source for errors and reports; otherwise it is called "xlsx input".
// Everything else (sheet choice, header detection, disguised HTML or text
// files, errors) is as in ReadExcel.
func ReadExcelReader(r io.Reader, opts ...Option) (dataframe.DataFrame, error) {
	cfg := newConfig(opts)
	name := cfg.source
	if name == "" {
		name = "xlsx input"
	}
	tmp, err := os.CreateTemp("", "cifra-*.xlsx")
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	lim := cfg.lim().InputBytes
	in := bufio.NewReaderSize(&budgetReader{r: r, max: lim, source: name}, 64<<10)
	var src io.Reader = in
	if head, _ := in.Peek(8); !bytes.HasPrefix(head, []byte("PK")) && !bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		// Neither a ZIP (.xlsx) nor a compound file (.xls): its first
		// 64 KiB are enough for ReadExcel to say what it is (an HTML page,
		// a CSV, nothing), without copying up to InputBytes first.
		src = io.LimitReader(in, 64<<10)
	}
	if _, err := io.Copy(tmp, src); err != nil {
		tmp.Close()
		var budget *budgetError
		if errors.As(err, &budget) {
			return dataframe.DataFrame{}, err
		}
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: reading: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %w", name, err)
	}
	// Source first, so that a Source among opts still wins.
	df, err := ReadExcel(tmp.Name(), append([]Option{Source(name)}, opts...)...)
	if err != nil {
		// Errors name the input, not the temporary file.
		return df, &renamedError{msg: strings.ReplaceAll(err.Error(), tmp.Name(), name), err: err}
	}
	return df, nil
}

// renamedError is an error with a rewritten message that still unwraps to
// the original, so errors.Is keeps working.
type renamedError struct {
	msg string
	err error
}

func (e *renamedError) Error() string { return e.msg }
func (e *renamedError) Unwrap() error { return e.err }
