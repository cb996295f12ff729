package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/sniff"
	"github.com/go-gota/gota/dataframe"
	"github.com/xuri/excelize/v2"
)

// ReadExcel reads one sheet of an .xlsx workbook, or of a legacy Excel
// 97–2003 .xls workbook (BIFF8, recognised by its bytes whatever its
// name), as a typed DataFrame.
//
// With no options it reads the first visible sheet that has data; Sheet
// chooses one by name (exact, then ignoring case and accents) and SheetIndex
// by 1-based position. The header row is found as in ReadCSV (title rows
// above it are skipped, "Fuente:"/"Nota:" rows below the data are dropped;
// both are listed in the report), or set with HeaderRow or NoHeader.
//
// Cells are read as their stored values, not as Excel displays them: a cell
// shown as "2,794" or "2.8 mil" is the number 2794, a number stored with
// binary noise (44.899350750000004) is rounded to Excel's 15 significant
// digits (44.89935075), and text that looks like a number ("01") stays
// text. A number in a cell with a date format becomes an ISO date
// ("2024-10-17", or "2024-10-17 13:45:00" with a time). Merged ranges are
// filled with their value in every cell, boolean cells read "true"/"false",
// error cells ("#DIV/0!", "#N/A") become missing values, and empty rows and
// columns at the edges (and columns with neither a header nor data) are
// dropped. Types are inferred as in ReadCSV: codes and leading zeros stay
// text.
//
// Portals often serve an HTML table or a CSV/TSV export under an .xls
// name: ReadExcel reads those too (the first data table of the page, with
// HTMLTables' rules; the text file with ReadCSVFile), and the report says
// so.
//
// A legacy .xls reads through the same rules and report: the sheet list,
// shared strings, stored numbers, serial dates by the cells' number
// formats (XF and FORMAT records), booleans, error cells, cached formula
// results and merged ranges.
//
// Errors wrap ErrUnsupported (an Excel 5.0/95 .xls, .xlsb or .ods file, an
// encrypted workbook), ErrTooLarge (a legacy workbook over 1 GiB or a
// sheet too sparse to hold), ErrFormat (a
// damaged file), ErrNoSheet (the message lists the sheets that exist),
// ErrEmpty, ErrNoColumn or ErrType.
func ReadExcel(path string, opts ...Option) (dataframe.DataFrame, error) {
	cfg := newConfig(opts)
	if cfg.source == "" {
		cfg.source = path
	}
	rep := &Report{Source: cfg.source, Format: "xlsx"}
	var df dataframe.DataFrame
	var err error
	switch disguisedKind(path) {
	case "xls":
		df, err = readXLS(path, cfg, rep)
	case "html":
		df, err = readDisguisedHTML(path, cfg, rep)
	case "text":
		// A CSV or TSV export saved with an Excel name: ReadCSVFile reads
		// it (and fills the report itself).
		return ReadCSVFile(path, opts...)
	default:
		df, err = readExcel(path, cfg, rep)
	}
	if cfg.report != nil {
		*cfg.report = *rep
	}
	return df, err
}

// disguisedKind tells "xls" for a legacy OLE2 workbook, and "html" or
// "text" for the files that portals often serve with an .xls or .xlsx name
// but that are an HTML table or delimited text; "" for anything else (an
// xlsx workbook, or an error openWorkbook names).
func disguisedKind(path string) string {
	fh, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer fh.Close()
	head := make([]byte, 2048)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	if bytes.HasPrefix(head, cfbSignature) {
		return "xls"
	}
	if n == 0 || bytes.HasPrefix(head, []byte("PK")) || bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return ""
	}
	if looksLikeHTMLTable(head) {
		return "html"
	}
	if bytes.IndexByte(head, 0) >= 0 || !bytes.ContainsAny(head, "\n\r") || !bytes.ContainsAny(head, ",;\t|") {
		return ""
	}
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			return ""
		}
	}
	return "text"
}

// looksLikeHTMLTable reports whether a file starts like an HTML page (or
// Excel's own HTML export), by the one test every package uses
// (internal/sniff.HTML).
func looksLikeHTMLTable(head []byte) bool { return sniff.HTML(head) }

// readDisguisedHTML reads the first data table of an HTML page saved with
// an Excel name (TableIndex, TableSelector and TableContaining choose
// another).
func readDisguisedHTML(path string, cfg *config, rep *Report) (dataframe.DataFrame, error) {
	if err := noLineColumn(cfg, "ReadExcel", "the file is an HTML page with an Excel name, and a page's rows are not its lines"); err != nil {
		return dataframe.DataFrame{}, err
	}
	fh, err := os.Open(path)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %w", path, err)
	}
	defer fh.Close()
	hcfg := *cfg
	hcfg.report = nil
	tables, notes, err := readHTMLTables(fh, &hcfg)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	*rep = tables[0].Report
	rep.Notes = append(rep.Notes, "an HTML page saved with an Excel name: its first data table was read")
	if len(tables) > 1 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("the page has %d more tables; choose with TableIndex", len(tables)-1))
	}
	rep.Notes = append(rep.Notes, notes...)
	return tables[0].Frame, nil
}

// Sheets lists the sheet names of an .xlsx or legacy .xls workbook, in
// workbook order (hidden sheets included).
func Sheets(path string) (names []string, err error) {
	if disguisedKind(path) == "xls" {
		return xlsSheetNames(path)
	}
	defer func() {
		if r := recover(); r != nil {
			names, err = nil, fmt.Errorf("fetch: %s: the workbook could not be read (%v): %w", path, r, ErrFormat)
		}
	}()
	if err := checkWorkbookBudget(path, Limits{}.withDefaults()); err != nil {
		return nil, err
	}
	f, err := openWorkbook(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetSheetList(), nil
}

// openWorkbook opens path with excelize after checking that it is an xlsx
// file and not one of the formats people save with an Excel name.
func openWorkbook(path string) (*excelize.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", path, err)
	}
	defer fh.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(fh, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, fmt.Errorf("fetch: %s: %v: %w", path, err, ErrFormat)
	}
	head = head[:n]
	if err := checkWorkbookBytes(path, head); err != nil {
		return nil, err
	}
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", path, err)
	}
	f, err := excelize.OpenReader(fh)
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) || errors.Is(err, excelize.ErrWorkbookFileFormat) {
			return nil, fmt.Errorf("fetch: %s: %v: %w", path, err, ErrUnsupported)
		}
		return nil, fmt.Errorf("fetch: %s: not a readable xlsx workbook: %v: %w", path, err, ErrFormat)
	}
	return f, nil
}

// checkWorkbookBytes rejects, with a message that says what to do, the
// files that are not xlsx: legacy .xls (an OLE2 compound file), HTML or
// text saved with an Excel name, and empty files.
func checkWorkbookBytes(path string, head []byte) error {
	ext := strings.ToLower(filepath.Ext(path))
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	switch {
	case len(head) == 0:
		return fmt.Errorf("fetch: %s: empty file: %w", path, ErrEmpty)
	case bytes.HasPrefix(head, ole):
		return fmt.Errorf("fetch: %s: a legacy Excel 97-2003 (.xls) or other OLE2 file is not supported "+
			"(or the workbook is encrypted); open it in Excel or LibreOffice and save it as .xlsx, "+
			"or run: libreoffice --headless --convert-to xlsx %s: %w", path, filepath.Base(path), ErrUnsupported)
	case ext == ".ods":
		return fmt.Errorf("fetch: %s: OpenDocument spreadsheets are not supported; save it as .xlsx: %w", path, ErrUnsupported)
	case ext == ".xlsb":
		return fmt.Errorf("fetch: %s: binary workbooks (.xlsb) are not supported; save it as .xlsx: %w", path, ErrUnsupported)
	case bytes.HasPrefix(head, []byte("PK")):
		return nil
	}
	if looksLikeHTMLTable(head) {
		return fmt.Errorf("fetch: %s: an HTML page saved with an Excel name, not a workbook; read it with HTMLTables: %w", path, ErrUnsupported)
	}
	if ext == ".xls" {
		return fmt.Errorf("fetch: %s: not an xlsx workbook (legacy .xls is not supported; save it as .xlsx, "+
			"or read it with ReadCSVFile if it is text): %w", path, ErrUnsupported)
	}
	return fmt.Errorf("fetch: %s: not an xlsx workbook (no zip signature): %w", path, ErrFormat)
}

func readExcel(path string, cfg *config, rep *Report) (df dataframe.DataFrame, err error) {
	defer func() {
		// A damaged workbook can make excelize panic; no input may crash
		// the caller.
		if r := recover(); r != nil {
			df, err = dataframe.DataFrame{}, fmt.Errorf("fetch: %s: the workbook could not be read (%v): %w", path, r, ErrFormat)
		}
	}()
	if err := checkWorkbookBudget(path, cfg.lim()); err != nil {
		return dataframe.DataFrame{}, err
	}
	f, err := openWorkbook(path)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: the workbook has no sheets: %w", cfg.source, ErrEmpty)
	}
	ld := &sheetLoader{f: f, src: cfg.source, lim: cfg.lim()}
	if pkg, err := openXLPackage(path, cfg.lim()); err == nil {
		ld.pkg = pkg
		defer pkg.Close()
	} else if errors.Is(err, ErrTooLarge) {
		return dataframe.DataFrame{}, err
	}
	sheet, data, err := chooseSheet(f, sheets, cfg, ld)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("sheet %q (%d of %d)", sheet, xlIndexOf(sheets, sheet)+1, len(sheets)))
	return sheetFrame(cfg, sheet, data, rep)
}

func xlIndexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// chooseSheet finds the sheet the options ask for (or the first visible
// sheet with data) and returns its raw cells.
func chooseSheet(f *excelize.File, sheets []string, cfg *config, ld *sheetLoader) (string, *xlSheetData, error) {
	list := func() string {
		q := make([]string, len(sheets))
		for i, s := range sheets {
			q[i] = fmt.Sprintf("%q", s)
		}
		return strings.Join(q, ", ")
	}
	name := ""
	switch {
	case cfg.sheet != "":
		if i := xlIndexOf(sheets, cfg.sheet); i >= 0 {
			name = sheets[i]
			break
		}
		k := fold.Key(cfg.sheet)
		var matches []string
		for _, s := range sheets {
			if fold.Key(s) == k {
				matches = append(matches, s)
			}
		}
		if len(matches) != 1 {
			return "", nil, fmt.Errorf("fetch: %s: sheet %q: %w (sheets: %s)", cfg.source, cfg.sheet, ErrNoSheet, list())
		}
		name = matches[0]
	case cfg.sheetIndex != 0:
		if cfg.sheetIndex < 1 || cfg.sheetIndex > len(sheets) {
			return "", nil, fmt.Errorf("fetch: %s: sheet number %d: %w (the workbook has %d: %s)",
				cfg.source, cfg.sheetIndex, ErrNoSheet, len(sheets), list())
		}
		name = sheets[cfg.sheetIndex-1]
	}
	if name != "" {
		d, err := ld.load(name)
		if err != nil {
			return "", nil, err
		}
		if !gridHasData(d.grid) {
			return "", nil, fmt.Errorf("fetch: %s: sheet %q has no cells: %w", cfg.source, name, ErrEmpty)
		}
		return name, d, nil
	}
	var hidden string
	for _, s := range sheets {
		if vis, err := f.GetSheetVisible(s); err == nil && !vis {
			if hidden == "" {
				hidden = s
			}
			continue
		}
		d, err := ld.load(s)
		if err != nil {
			return "", nil, err
		}
		if gridHasData(d.grid) {
			return s, d, nil
		}
	}
	if hidden != "" {
		d, err := ld.load(hidden)
		if err == nil && gridHasData(d.grid) {
			return hidden, d, nil
		}
	}
	return "", nil, fmt.Errorf("fetch: %s: no sheet has data (sheets: %s): %w", cfg.source, list(), ErrEmpty)
}

// sheetLoader reads a sheet's cells with the fast path when the package
// could be opened and the sheet parses, and with excelize otherwise.
type sheetLoader struct {
	f   *excelize.File
	pkg *xlPackage
	src string
	lim Limits
	// slow counts sheets read through excelize (for tests).
	slow int
}

func (ld *sheetLoader) load(name string) (*xlSheetData, error) {
	if ld.pkg != nil {
		d, err := ld.pkg.readSheet(name)
		if err == nil {
			return d, nil
		}
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrFormat) {
			// a budget passed, or cells that contradict each other:
			// the slow path would only take longer to say so.
			return nil, err
		}
	}
	return ld.loadSlow(name)
}

// loadSlow reads a sheet through excelize: raw values, then each cell's
// type and style.
func (ld *sheetLoader) loadSlow(name string) (*xlSheetData, error) {
	ld.slow++
	grid, err := rawRows(ld.f, name, ld.src, ld.lim.withDefaults())
	if err != nil {
		return nil, err
	}
	d := &xlSheetData{grid: grid}
	xs := &excelSheet{f: ld.f, name: name, src: fmt.Sprintf("%s: sheet %q", ld.src, name)}
	if err := xs.fixCells(grid, d); err != nil {
		return nil, err
	}
	if d.merges, err = xs.mergedRanges(); err != nil {
		return nil, err
	}
	return d, nil
}

// rawRows is excelize's GetRows, row by row within the Cells budget.
func rawRows(f *excelize.File, sheet, src string, l Limits) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: sheet %q: %v: %w", src, sheet, err, ErrFormat)
	}
	defer rows.Close()
	var grid [][]string
	used, width := 0, 0
	for rows.Next() {
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("fetch: %s: sheet %q: %v: %w", src, sheet, err, ErrFormat)
		}
		width = max(width, len(row))
		if int64(len(grid)+1)*int64(width) > l.Cells {
			return nil, tooLarge(src, fmt.Sprintf("sheet %q: %d rows × %d columns", sheet, len(grid)+1, width), l.Cells, "Cells")
		}
		grid = append(grid, row)
		if len(row) > 0 {
			used = len(grid)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("fetch: %s: sheet %q: %v: %w", src, sheet, err, ErrFormat)
	}
	return grid[:used], nil
}

func gridHasData(grid [][]string) bool {
	for _, r := range grid {
		for _, c := range r {
			if strings.TrimSpace(c) != "" {
				return true
			}
		}
	}
	return false
}
