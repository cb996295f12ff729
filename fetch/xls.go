package fetch

import (
	"fmt"
	"os"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/go-gota/gota/dataframe"
)

// readXLS reads one sheet of a legacy Excel 97–2003 (.xls, BIFF8)
// workbook with the rules of ReadExcel: the same sheet choice, header
// detection, merged-range filling, report and typing.
func readXLS(path string, cfg *config, rep *Report) (df dataframe.DataFrame, err error) {
	defer func() {
		// The parser checks every length; this is the last guard that no
		// input crashes the caller.
		if r := recover(); r != nil {
			df, err = dataframe.DataFrame{}, fmt.Errorf("fetch: %s: the workbook could not be read (%v): %w", cfg.source, r, ErrFormat)
		}
	}()
	rep.Format = "xls"
	bk, err := openXLS(path, cfg.source, cfg.limits.withDefaults())
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	names := make([]string, len(bk.sheets))
	for i, s := range bk.sheets {
		names[i] = s.name
	}
	if len(names) == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: the workbook has no sheets: %w", cfg.source, ErrEmpty)
	}
	i, data, err := chooseXLSSheet(bk, names, cfg)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	sheet := names[i]
	rep.Notes = append(rep.Notes, "a legacy Excel 97–2003 workbook (BIFF8)")
	rep.Notes = append(rep.Notes, fmt.Sprintf("sheet %q (%d of %d)", sheet, i+1, len(names)))
	return sheetFrame(cfg, sheet, data, rep)
}

// openXLS reads a compound file (held whole in memory, within the
// InputBytes budget) and parses the globals of its BIFF8 Workbook stream.
// Errors name src and wrap ErrFormat, ErrUnsupported or ErrTooLarge.
func openXLS(path, src string, lim Limits) (*xlsBook, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", src, err)
	}
	if st.Size() > lim.InputBytes {
		return nil, tooLarge(src, fmt.Sprintf("a legacy workbook of %d bytes", st.Size()), lim.InputBytes, "InputBytes")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", src, err)
	}
	bk, err := parseXLS(data)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", src, err)
	}
	return bk, nil
}

// parseXLS parses an in-memory .xls file: the compound file, then the
// globals of its Workbook stream.
func parseXLS(data []byte) (*xlsBook, error) {
	c, err := openCFB(data)
	if err != nil {
		return nil, err
	}
	names := c.rootStreams()
	if _, ok := names["EncryptionInfo"]; ok {
		return nil, fmt.Errorf("the workbook is encrypted (password protected); save an unprotected copy: %w", ErrUnsupported)
	}
	wb, ok, err := c.stream(names, "Workbook")
	if err != nil {
		return nil, err
	}
	if !ok {
		if _, book := names["Book"]; book {
			return nil, fmt.Errorf("an Excel 5.0/95 workbook (BIFF5) is not supported; open it in Excel or LibreOffice and save it as .xlsx: %w", ErrUnsupported)
		}
		return nil, fmt.Errorf("an OLE2 file with no Workbook stream (a Word or other Office document?): %w", ErrUnsupported)
	}
	return parseXLSGlobals(wb)
}

// chooseXLSSheet finds the sheet the options ask for (or the first visible
// sheet with data, as for .xlsx) and returns its index and cells.
func chooseXLSSheet(bk *xlsBook, names []string, cfg *config) (int, *xlSheetData, error) {
	list := func() string {
		q := make([]string, len(names))
		for i, s := range names {
			q[i] = fmt.Sprintf("%q", s)
		}
		return strings.Join(q, ", ")
	}
	load := func(i int) (*xlSheetData, error) {
		return bk.readXLSSheet(bk.sheets[i], fmt.Sprintf("%s: sheet %q", cfg.source, names[i]), cfg.limits)
	}
	idx := -1
	switch {
	case cfg.sheet != "":
		idx = xlIndexOf(names, cfg.sheet)
		if idx >= 0 {
			break
		}
		k := fold.Key(cfg.sheet)
		var matches []int
		for i, s := range names {
			if fold.Key(s) == k {
				matches = append(matches, i)
			}
		}
		if len(matches) != 1 {
			return 0, nil, fmt.Errorf("fetch: %s: sheet %q: %w (sheets: %s)", cfg.source, cfg.sheet, ErrNoSheet, list())
		}
		idx = matches[0]
	case cfg.sheetIndex != 0:
		if cfg.sheetIndex < 1 || cfg.sheetIndex > len(names) {
			return 0, nil, fmt.Errorf("fetch: %s: sheet number %d: %w (the workbook has %d: %s)",
				cfg.source, cfg.sheetIndex, ErrNoSheet, len(names), list())
		}
		idx = cfg.sheetIndex - 1
	}
	if idx >= 0 {
		d, err := load(idx)
		if err != nil {
			return 0, nil, err
		}
		if !gridHasData(d.grid) {
			return 0, nil, fmt.Errorf("fetch: %s: sheet %q has no cells: %w", cfg.source, names[idx], ErrEmpty)
		}
		return idx, d, nil
	}
	hidden := -1
	for i, s := range bk.sheets {
		if s.hidden {
			if hidden < 0 {
				hidden = i
			}
			continue
		}
		d, err := load(i)
		if err != nil {
			return 0, nil, err
		}
		if gridHasData(d.grid) {
			return i, d, nil
		}
	}
	if hidden >= 0 {
		if d, err := load(hidden); err == nil && gridHasData(d.grid) {
			return hidden, d, nil
		}
	}
	return 0, nil, fmt.Errorf("fetch: %s: no sheet has data (sheets: %s): %w", cfg.source, list(), ErrEmpty)
}

// xlsSheetNames lists the sheets of a legacy workbook, in workbook order.
func xlsSheetNames(path string) (names []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			names, err = nil, fmt.Errorf("fetch: %s: the workbook could not be read (%v): %w", path, r, ErrFormat)
		}
	}()
	bk, err := openXLS(path, path, Limits{}.withDefaults())
	if err != nil {
		return nil, err
	}
	for _, s := range bk.sheets {
		names = append(names, s.name)
	}
	return names, nil
}
