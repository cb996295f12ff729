package fetch

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
)

// xlsGrid collects a worksheet's cells as table text, with the same rules
// as the .xlsx reader: numbers as Excel shows them at most (15 significant
// digits), date-formatted serials as ISO dates, booleans as true/false,
// error cells by their text (read later as missing).
type xlsGrid struct {
	bk    *xlsBook
	conv  *excelSheet
	out   *xlSheetData
	lim   Limits
	width int // the widest row so far
	src   string
}

// set writes text at (row, col), growing the grid, within BIFF8's sheet
// and the Columns and Cells budgets (as the .xlsx reader: a sheet this
// sparse is read as a dense table). A cell written twice with different
// values is an error, as in the .xlsx reader.
func (g *xlsGrid) set(row, col int, text string) error {
	if row >= xlsMaxRows || col >= xlsMaxCols {
		return fmt.Errorf("fetch: %s: cell at row %d, column %d is beyond BIFF8's %d×%d sheet: %w", g.src, row+1, col+1, xlsMaxRows, xlsMaxCols, ErrFormat)
	}
	if col+1 > g.lim.Columns {
		return tooLarge(g.src, fmt.Sprintf("cell %s is in column %d", xlsCellName(row, col), col+1), int64(g.lim.Columns), "Columns")
	}
	if w := max(g.width, col+1); int64(row+1)*int64(w) > g.lim.Cells {
		return tooLarge(g.src, fmt.Sprintf("cell %s makes the table %d rows × %d columns (%d cells; a sheet this sparse is read as a dense table)",
			xlsCellName(row, col), row+1, w, int64(row+1)*int64(w)), g.lim.Cells, "Cells")
	}
	grid := g.out.grid
	for len(grid) <= row {
		grid = append(grid, nil)
	}
	if len(grid[row]) <= col {
		if cap(grid[row]) > col {
			grid[row] = grid[row][:col+1]
		} else {
			r := make([]string, col+1, max(col+1, 2*len(grid[row])))
			copy(r, grid[row])
			grid[row] = r
		}
	}
	g.out.grid = grid
	if col+1 > g.width {
		g.width = col + 1
	}
	if old := grid[row][col]; old != "" && old != text {
		return fmt.Errorf("fetch: %s: cell %s is written twice, as %q and as %q: %w", g.src, xlsCellName(row, col), shorten(old, 40), shorten(text, 40), ErrFormat)
	}
	grid[row][col] = text
	return nil
}

// number writes a number cell, as an ISO date when its style shows a date.
func (g *xlsGrid) number(row, col int, ixfe uint16, f float64) error {
	if k := g.bk.dateKindOf(ixfe); k != notDate && !math.IsNaN(f) {
		if s, ok := g.conv.isoDate(f, k); ok {
			g.out.dates++
			return g.set(row, col, s)
		}
	}
	s := excelNumber(f)
	if r, err := strconv.ParseFloat(s, 64); err == nil && r != f {
		g.out.rounded++
	}
	return g.set(row, col, s)
}

// errorCell writes an error cell's text and counts it.
func (g *xlsGrid) errorCell(row, col int, code byte) error {
	g.out.errorCells++
	return g.set(row, col, xlsErrorText(code))
}

// readXLSSheet reads the worksheet substream of ref into table text and
// merged ranges.
func (bk *xlsBook) readXLSSheet(ref xlsSheetRef, src string, lim Limits) (*xlSheetData, error) {
	out := &xlSheetData{}
	if ref.kind != 0 {
		return out, nil // a chart or macro sheet holds no table
	}
	if int64(ref.offset) >= int64(len(bk.stream)) {
		return nil, fmt.Errorf("%s: the sheet starts at byte %d of a %d-byte stream: %w", src, ref.offset, len(bk.stream), ErrFormat)
	}
	g := &xlsGrid{bk: bk, conv: &excelSheet{date1904: bk.date1904}, out: out, src: src, lim: lim.withDefaults()}
	r := &biffReader{b: bk.stream, pos: int(ref.offset)}
	rec, ok, err := r.next()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	if !ok || rec.typ != biffBOF {
		return nil, fmt.Errorf("%s: no BOF record at byte %d: %w", src, ref.offset, ErrFormat)
	}
	depth := 0 // BOF/EOF pairs nested in the sheet (embedded charts)
	// A FORMULA whose cached result is text is followed by a STRING
	// record that holds it.
	pendRow, pendCol := -1, -1
	for {
		rec, ok, err := r.next()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		if !ok {
			return nil, fmt.Errorf("%s: the sheet has no EOF record: %w", src, ErrFormat)
		}
		switch rec.typ {
		case biffBOF:
			depth++
			continue
		case biffEOF:
			if depth == 0 {
				return out, nil
			}
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		if err := g.record(rec, &pendRow, &pendCol); err != nil {
			return nil, err
		}
	}
}

// record reads one worksheet record into the grid.
func (g *xlsGrid) record(rec biffRecord, pendRow, pendCol *int) error {
	d := rec.frags[0]
	le := binary.LittleEndian
	short := func(n int) error {
		if len(d) < n {
			return fmt.Errorf("%s: record 0x%04X at byte %d has %d bytes, needs %d: %w", g.src, rec.typ, rec.pos, len(d), n, ErrFormat)
		}
		return nil
	}
	var row, col int
	var ixfe uint16
	switch rec.typ {
	case biffLabelSST, biffNumber, biffLabel, biffRString, biffBoolErr, biffRK, biffFormula, biffMulRK:
		if err := short(6); err != nil {
			return err
		}
		row, col, ixfe = int(le.Uint16(d)), int(le.Uint16(d[2:])), le.Uint16(d[4:])
	}
	switch rec.typ {
	case biffString, biffShrFmla, biffArray, biffTable:
		// The text of a formula comes after the formula's shared, array
		// or table record.
	default:
		*pendRow, *pendCol = -1, -1
	}
	switch rec.typ {
	case biffLabelSST:
		if err := short(10); err != nil {
			return err
		}
		i := le.Uint32(d[6:])
		if int64(i) >= int64(len(g.bk.sst)) {
			return fmt.Errorf("%s: cell %s: shared string %d of a table of %d: %w", g.src, xlsCellName(row, col), i, len(g.bk.sst), ErrFormat)
		}
		return g.set(row, col, g.bk.sst[i])
	case biffLabel, biffRString:
		f := &fragReader{frags: rec.frags, off: 6}
		s := f.unicodeString(false)
		if f.err != nil {
			return fmt.Errorf("%s: cell %s: %w", g.src, xlsCellName(row, col), f.err)
		}
		return g.set(row, col, s)
	case biffNumber:
		if err := short(14); err != nil {
			return err
		}
		return g.number(row, col, ixfe, math.Float64frombits(le.Uint64(d[6:])))
	case biffRK:
		if err := short(10); err != nil {
			return err
		}
		return g.number(row, col, ixfe, rkNumber(le.Uint32(d[6:])))
	case biffMulRK:
		// row, first column, then (style, RK) pairs, then the last column.
		n := (len(d) - 6) / 6
		if len(d) < 12 || (len(d)-6)%6 != 0 {
			return fmt.Errorf("%s: MULRK record at byte %d has %d bytes: %w", g.src, rec.pos, len(d), ErrFormat)
		}
		for k := 0; k < n; k++ {
			p := d[4+6*k:]
			if err := g.number(row, col+k, le.Uint16(p), rkNumber(le.Uint32(p[2:]))); err != nil {
				return err
			}
		}
	case biffBoolErr:
		if err := short(8); err != nil {
			return err
		}
		if d[7] != 0 {
			return g.errorCell(row, col, d[6])
		}
		if d[6] != 0 {
			return g.set(row, col, "true")
		}
		return g.set(row, col, "false")
	case biffFormula:
		if err := short(14); err != nil {
			return err
		}
		v := d[6:14]
		if v[6] != 0xFF || v[7] != 0xFF {
			return g.number(row, col, ixfe, math.Float64frombits(le.Uint64(v)))
		}
		switch v[0] {
		case 0: // text, in the STRING record that follows
			*pendRow, *pendCol = row, col
		case 1:
			if v[2] != 0 {
				return g.set(row, col, "true")
			}
			return g.set(row, col, "false")
		case 2:
			return g.errorCell(row, col, v[2])
		}
	case biffString:
		if *pendRow < 0 {
			return nil
		}
		f := &fragReader{frags: rec.frags}
		s := f.unicodeString(false)
		if f.err != nil {
			return fmt.Errorf("%s: cell %s: formula text: %w", g.src, xlsCellName(*pendRow, *pendCol), f.err)
		}
		r, c := *pendRow, *pendCol
		*pendRow, *pendCol = -1, -1
		return g.set(r, c, s)
	case biffMergedCells:
		f := &fragReader{frags: rec.frags}
		n := int(f.u16())
		for k := 0; k < n && f.err == nil; k++ {
			r0, r1, c0, c1 := int(f.u16()), int(f.u16()), int(f.u16()), int(f.u16())
			if f.err == nil && r1 >= r0 && c1 >= c0 && c1 < xlsMaxCols {
				if len(g.out.merges) >= g.lim.Merges {
					return tooLarge(g.src, "more merged ranges", int64(g.lim.Merges), "Merges")
				}
				g.out.merges = append(g.out.merges, xlRange{r0: r0, c0: c0, r1: r1, c1: c1})
			}
		}
		if f.err != nil {
			return fmt.Errorf("%s: merged cells at byte %d: %w", g.src, rec.pos, f.err)
		}
	}
	return nil
}

// xlsCellName writes a 0-based cell position as "B7".
func xlsCellName(row, col int) string {
	s := ""
	for j := col + 1; j > 0; j = (j - 1) / 26 {
		s = string(rune('A'+(j-1)%26)) + s
	}
	return fmt.Sprintf("%s%d", s, row+1)
}
