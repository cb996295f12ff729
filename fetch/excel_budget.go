package fetch

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
)

// Budgets of the xlsx reader. A worksheet is XML inside a zip: a few
// kilobytes can describe cells at A and XFD on every row (a dense table of
// gigabytes), a row number written twice, or a sheet of whitespace that
// expands to gigabytes. The fast path checks these as it streams.

// xmlGuard passes a member's bytes to the XML decoder, failing with
// ErrTooLarge once the member expands past MemberBytes or runs for more
// than LineBytes without a '<' (the decoder would buffer such a text,
// attribute or run of whitespace whole).
type xmlGuard struct {
	r         io.Reader
	part, src string
	lim       Limits
	n, since  int64
}

func (g *xmlGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.n += int64(n)
	if g.n > g.lim.MemberBytes {
		return n, tooLarge(g.src, fmt.Sprintf("member %s expands past %d bytes", g.part, g.lim.MemberBytes), g.lim.MemberBytes, "MemberBytes")
	}
	if i := bytes.LastIndexByte(p[:n], '<'); i >= 0 {
		g.since = int64(n - i - 1)
	} else {
		g.since += int64(n)
	}
	if g.since > int64(g.lim.LineBytes) {
		return n, tooLarge(g.src, fmt.Sprintf("member %s holds more than %d bytes without markup (one huge text or run of whitespace)", g.part, g.lim.LineBytes), int64(g.lim.LineBytes), "LineBytes")
	}
	return n, err
}

// sheetBudget places a worksheet's cells and rows into the grid, within
// the Columns and Cells budgets, and refuses to let a repeated row or cell
// overwrite a different value.
type sheetBudget struct {
	x     *xlPackage
	sheet string
	out   *xlSheetData
	width int // the widest row so far
}

// cell stores value v at column col (1-based) of the row being read.
func (b *sheetBudget) cell(row *[]string, rowNum, col int, v string) error {
	l := b.x.lim
	if col < 1 || rowNum < 1 || rowNum > 1048576 {
		return fmt.Errorf("fetch: %s: sheet %q: cell %s: outside Excel's grid (row %d, column %d): %w", b.x.src, b.sheet, cellName(col, rowNum), rowNum, col, ErrFormat)
	}
	if col > l.Columns {
		return tooLarge(b.x.src, fmt.Sprintf("sheet %q: cell %s is in column %d", b.sheet, cellName(col, rowNum), col), int64(l.Columns), "Columns")
	}
	if w := max(b.width, col); int64(rowNum)*int64(w) > l.Cells {
		return tooLarge(b.x.src, fmt.Sprintf("sheet %q: cell %s makes the table %d rows × %d columns (%d cells; a sheet this sparse is read as a dense table)",
			b.sheet, cellName(col, rowNum), rowNum, w, int64(rowNum)*int64(w)), l.Cells, "Cells")
	}
	r := *row
	if len(r) < col {
		r = append(r, make([]string, col-len(r))...)
	}
	if old := r[col-1]; old != "" {
		if old != v {
			return fmt.Errorf("fetch: %s: sheet %q: cell %s is written twice, as %q and as %q: %w",
				b.x.src, b.sheet, cellName(col, rowNum), shorten(old, 40), shorten(v, 40), ErrFormat)
		}
		b.out.repeated++
	}
	r[col-1] = v
	*row = r
	if col > b.width {
		b.width = col
	}
	return nil
}

// row stores a finished row at its 1-based number. A row number seen
// before is merged into the earlier row when their cells do not conflict
// (and counted for the report); a conflicting cell is an error.
func (b *sheetBudget) row(row []string, rowNum int) error {
	g := b.out.grid
	if rowNum-1 >= len(g) {
		if rowNum-1 > len(g) {
			g = append(g, make([][]string, rowNum-1-len(g))...)
		}
		b.out.grid = append(g, row)
		return nil
	}
	old := g[rowNum-1]
	if old == nil {
		g[rowNum-1] = row
		return nil
	}
	b.out.repeatedRows++
	if b.out.firstRepeated == 0 {
		b.out.firstRepeated = rowNum
	}
	if len(old) < len(row) {
		old = append(old, make([]string, len(row)-len(old))...)
	}
	for j, v := range row {
		if v == "" {
			continue
		}
		if old[j] != "" && old[j] != v {
			return fmt.Errorf("fetch: %s: sheet %q: row %d appears twice, and cell %s holds %q in one and %q in the other: %w",
				b.x.src, b.sheet, rowNum, cellName(j+1, rowNum), shorten(old[j], 40), shorten(v, 40), ErrFormat)
		}
		old[j] = v
	}
	g[rowNum-1] = old
	return nil
}

// checkWorkbookBudget checks the members of the xlsx at path (see
// checkZipBudget) before excelize, which expands every member when it
// opens a workbook, sees it. A file that is not a zip is left to
// openWorkbook to name.
func checkWorkbookBudget(path string, l Limits) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	size := int64(0)
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	return checkZipBudget(path, zr.File, size, l)
}

// checkMerges bounds the work of filling merged ranges: at most Merges
// ranges, covering at most Cells cells of the grid in all (each range cut
// to the cells the grid has).
func checkMerges(grid [][]string, merges []xlRange, l Limits) error {
	if len(merges) > l.Merges {
		return fmt.Errorf("%d merged ranges: over the limit of %d: %w (raise it with fetch.WithLimits(fetch.Limits{Merges: …}))", len(merges), l.Merges, ErrTooLarge)
	}
	width := gridWidth(grid)
	var area int64
	for _, m := range merges {
		area += mergeArea(m, len(grid), width)
		if area > l.Cells {
			return fmt.Errorf("merged ranges cover more than %d cells (ranges overlap, or span the whole sheet): %w (raise it with fetch.WithLimits(fetch.Limits{Cells: …}))", l.Cells, ErrTooLarge)
		}
	}
	return nil
}

// gridWidth is the length of the longest row.
func gridWidth(grid [][]string) int {
	w := 0
	for _, r := range grid {
		w = max(w, len(r))
	}
	return w
}

// mergeArea is the number of cells of m inside a grid of rows × width.
func mergeArea(m xlRange, rows, width int) int64 {
	r1, c1 := min(m.r1, rows-1), min(m.c1, width-1)
	if m.r0 > r1 || m.c0 > c1 {
		return 0
	}
	return int64(r1-m.r0+1) * int64(c1-m.c0+1)
}

// refColumn returns the 1-based column of a cell reference such as
// "XFE1" (letters, then digits) whatever its size, or 0 when ref is not
// one. Columns past the budget are capped, never overflow.
func refColumn(ref string) int {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		if col < 1<<30 {
			col = col*26 + int(c-'a'+1)
		}
	}
	if i == 0 || i == len(ref) {
		return 0
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0
		}
	}
	return col
}
