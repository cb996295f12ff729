package fetch

import (
	"fmt"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// LineColumn adds an Int column of that name holding, for each row, the
// line of the input it came from (the line where its record starts, so a
// quoted field with line breaks does not shift the rows after it; blank
// and skipped lines are counted). Every cifra message names a row of the
// table the call received; once a table is filtered or sorted, this column
// still says which line of the file a reporter should open. ReadCSV,
// ReadCSVFile, EachChunk, EachChunkParallel and ReadExcel (.xlsx and .xls:
// the sheet's row number, as Excel shows it) honour it; the column comes
// last. ReadJSON, HTMLTables and FindHTMLTables refuse it with an error
// wrapping ErrUnsupported. A column of that name in the input is an error
// wrapping ErrDuplicate.
func LineColumn(name string) Option {
	return func(c *config) { c.lineColumn = name }
}

// addLineColumn appends the line column of LineColumn to df; lineOf maps
// a row index to its input line.
func addLineColumn(cfg *config, df dataframe.DataFrame, lineOf func(int) int) (dataframe.DataFrame, error) {
	if cfg.lineColumn == "" {
		return df, nil
	}
	for _, n := range df.Names() {
		if n == cfg.lineColumn {
			return df, fmt.Errorf("fetch: %s: LineColumn(%q): the table already has a column of that name: %w", orDash(cfg.source), n, ErrDuplicate)
		}
	}
	lines := make([]int, df.Nrow())
	for i := range lines {
		lines[i] = lineOf(i)
	}
	out := df.Mutate(frame.Ints(cfg.lineColumn, lines, nil))
	if out.Err != nil {
		return df, fmt.Errorf("fetch: %s: LineColumn(%q): %w: %v", orDash(cfg.source), cfg.lineColumn, ErrFormat, out.Err)
	}
	return out, nil
}

// noLineColumn is the error of a reader that has no input lines to give
// (JSON records, HTML rows): LineColumn is refused rather than ignored.
func noLineColumn(cfg *config, reader, why string) error {
	if cfg.lineColumn == "" {
		return nil
	}
	return fmt.Errorf("fetch: %s: LineColumn(%q): %s cannot say a row's line (%s): %w", orDash(cfg.source), cfg.lineColumn, reader, why, ErrUnsupported)
}
