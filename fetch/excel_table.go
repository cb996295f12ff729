package fetch

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// excelHeaderIndex returns the 0-based row of the header: HeaderRow when
// set, -1 with NoHeader, else the row detectHeader finds (the same rule as
// the CSV reader), looked for on the cells before merged ranges are filled
// (a merged title would otherwise look as wide as the table).
func excelHeaderIndex(grid [][]string, cfg *config) (int, error) {
	switch {
	case cfg.noHeader:
		return -1, nil
	case cfg.headerRow > 0:
		if cfg.headerRow > len(grid) {
			return 0, fmt.Errorf("header row %d: the sheet has %d rows: %w", cfg.headerRow, len(grid), ErrEmpty)
		}
		return cfg.headerRow - 1, nil
	}
	return detectHeader(grid), nil
}

// headerBlock widens the header row h into the block of rows h0..h1 that
// name the columns together: a group row above or below joined to it by a
// range merged across columns ("2026" over "Enero", "Febrero"…), or rows
// joined by ranges merged down ("Entidad" over two rows). A range across
// the whole table is a title, not a header. It looks at the cells before
// merged ranges are filled.
func headerBlock(grid [][]string, h int, merges []xlRange, cfg *config) (int, int) {
	if h < 0 || cfg.headerRow > 0 || cfg.noHeader {
		return h, h
	}
	width := 0
	for _, r := range grid {
		if len(r) > width {
			width = len(r)
		}
	}
	group := func(row int) bool { // a range across some (not all) columns starts here
		for _, m := range merges {
			if m.r0 == row && m.c1 > m.c0 && m.c1-m.c0+1 < width {
				return true
			}
		}
		return false
	}
	down := func(row int) bool { // a range starting here reaches the next row
		for _, m := range merges {
			if m.r0 <= row && m.r1 > row && m.c0 < width {
				return true
			}
		}
		return false
	}
	textOnly := func(row int) bool {
		if row >= len(grid) || xlRowText(grid[row]) == "" {
			return false
		}
		for _, c := range grid[row] {
			if looksNumeric(c) && !isYear(c) {
				return false
			}
		}
		return true
	}
	h0, h1 := h, h
	for h0 > 0 && h-h0 < 2 && (group(h0-1) || down(h0-1)) && textOnly(h0-1) {
		h0--
	}
	for h1+1 < len(grid) && h1-h < 2 && (down(h1) || group(h1)) && textOnly(h1+1) {
		h1++
	}
	return h0, h1
}

// sheetTable cuts the header and the data rows out of a sheet's grid (after
// merged ranges are filled): rows above the header block h0..h1 are
// preamble, the block's rows are combined per column ("2026 Enero"),
// trailing "Fuente:"/"Nota:" rows and blank rows are dropped, and columns
// with neither a header nor any data are removed. Every decision goes to
// rep. It returns the header, the rows, the 1-based sheet row of the
// first data row and the sheet row of each row kept (for LineColumn). h0 <
// 0 means no header.
func sheetTable(grid [][]string, h0, h1 int, cfg *config, rep *Report) ([]string, [][]string, int, []int) {
	var header []string
	start := 0
	if h0 >= 0 {
		header = combineHeader(grid[h0:h1+1], xlWidth(grid[h0:h1+1]))
		rep.HeaderLine = h0 + 1
		start = h1 + 1
		for i := 0; i < h0; i++ {
			if t := xlRowText(grid[i]); t != "" {
				rep.Skipped = append(rep.Skipped, SkippedLine{Line: i + 1, Reason: "preamble", Text: t})
			}
		}
		if h1 > h0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("header rows %d–%d combined", h0+1, h1+1))
		}
	} else {
		for start < len(grid) && xlRowText(grid[start]) == "" {
			start++
		}
	}
	data := grid[start:]
	end := trailingNotes(data)
	for i := end; i < len(data); i++ {
		if t := xlRowText(data[i]); t != "" {
			rep.Skipped = append(rep.Skipped, SkippedLine{Line: start + i + 1, Reason: "note", Text: t})
		}
	}
	data = data[:end]
	rows := make([][]string, 0, len(data))
	lines := make([]int, 0, len(data))
	blank := 0
	for i, r := range data {
		if xlRowText(r) == "" {
			blank++
			if blank <= 10 {
				rep.Skipped = append(rep.Skipped, SkippedLine{Line: start + i + 1, Reason: "blank"})
			}
			continue
		}
		rows = append(rows, r)
		lines = append(lines, start+i+1)
	}
	if blank > 10 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d blank rows skipped", blank))
	}
	// Keep the columns that have a header or any data.
	width := len(header)
	for _, r := range rows {
		if len(r) > width {
			width = len(r)
		}
	}
	keep := make([]bool, width)
	for j := 0; j < width; j++ {
		if j < len(header) && strings.TrimSpace(header[j]) != "" {
			keep[j] = true
			continue
		}
		for _, r := range rows {
			if j < len(r) && strings.TrimSpace(r[j]) != "" {
				keep[j] = true
				break
			}
		}
	}
	if h0 < 0 {
		header = make([]string, width)
		for j := range header {
			header[j] = "col_" + strconv.Itoa(j+1)
		}
	}
	for len(header) < width {
		header = append(header, "")
	}
	all := true
	for _, k := range keep {
		all = all && k
	}
	if !all {
		var cols []int
		for j, k := range keep {
			if k {
				cols = append(cols, j)
			} else if j < len(header) && h0 >= 0 {
				rep.DroppedColumns = append(rep.DroppedColumns, xlColumnName(j))
			}
		}
		header = xlPick(header, cols)
		for i, r := range rows {
			rows[i] = xlPick(r, cols)
		}
	}
	return header, rows, start + 1, lines
}

// isYear reports whether s is a year from 1800 to 2199, as group headers
// write them ("2020" over its months).
func isYear(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) != 4 {
		return false
	}
	y, err := strconv.Atoi(s)
	return err == nil && y >= 1800 && y <= 2199
}

// xlWidth is the length of the longest row.
func xlWidth(rows [][]string) int {
	w := 0
	for _, r := range rows {
		if len(r) > w {
			w = len(r)
		}
	}
	return w
}

// xlPick returns r's cells at cols ("" past its end).
func xlPick(r []string, cols []int) []string {
	out := make([]string, len(cols))
	for k, j := range cols {
		if j < len(r) {
			out[k] = r[j]
		}
	}
	return out
}

// xlColumnName gives the letters of a 0-based column ("A", "AB").
func xlColumnName(j int) string {
	s := ""
	for j++; j > 0; j = (j - 1) / 26 {
		s = string(rune('A'+(j-1)%26)) + s
	}
	return "column " + s
}

// xlRowText joins the non-empty cells of a row, shortened, for reports; ""
// for a blank row.
func xlRowText(r []string) string {
	var parts []string
	for _, c := range r {
		if c = strings.TrimSpace(c); c != "" && (len(parts) == 0 || parts[len(parts)-1] != c) {
			parts = append(parts, c)
		}
	}
	t := strings.Join(parts, " | ")
	if len([]rune(t)) > 80 {
		t = string([]rune(t)[:77]) + "…"
	}
	return t
}

// sheetFrame turns the cells of a chosen sheet into the table, the same way
// for .xlsx and .xls: it finds the header rows, checks and fills merged
// ranges, and types the records. Errors name the sheet.
func sheetFrame(cfg *config, sheet string, data *xlSheetData, rep *Report) (dataframe.DataFrame, error) {
	src := fmt.Sprintf("%s: sheet %q", cfg.source, sheet)
	grid, merges := data.grid, data.merges
	data.notes(rep)
	h, err := excelHeaderIndex(grid, cfg)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %w", src, err)
	}
	h0, h1 := headerBlock(grid, h, merges, cfg)
	if err := checkMerges(grid, merges, cfg.lim()); err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %w", src, err)
	}
	fillMerged(grid, merges, rep)
	header, rows, first, lines := sheetTable(grid, h0, h1, cfg, rep)
	if len(header) == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: no columns: %w", src, ErrEmpty)
	}
	if data.errorCells > 0 {
		cfg.extraMissing = append(cfg.extraMissing, excelErrorValues...)
	}
	scfg := *cfg
	scfg.source = src
	scfg.rowLines = lines
	df, err := tableFromRecords(&scfg, header, rows, first, rep)
	if err != nil {
		return df, err
	}
	return addLineColumn(cfg, df, func(i int) int { return lines[i] })
}
