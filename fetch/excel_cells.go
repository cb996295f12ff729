package fetch

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// excelErrorValues are the texts of Excel error cells; they read as
// missing values.
var excelErrorValues = []string{"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA", "#SPILL!", "#CALC!"}

// excelSheet holds what reading cells of one sheet needs.
type excelSheet struct {
	f          *excelize.File
	name, src  string
	date1904   bool
	styles     map[int]dateKind // style index → date kind, memoised
	errorCells int
}

// dateKind says whether a number format shows a date, a time or both.
type dateKind uint8

const (
	notDate dateKind = iota
	dateOnly
	timeOnly
	dateTime
)

// fixCells turns raw cell values into table text: numbers rounded to 15
// significant digits, serial numbers under a date format into ISO dates,
// booleans into true/false. Text cells are left as written.
func (x *excelSheet) fixCells(grid [][]string, out *xlSheetData) error {
	if p, err := x.f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		x.date1904 = *p.Date1904
	}
	x.styles = make(map[int]dateKind)
	dates, rounded := 0, 0
	for i, row := range grid {
		for j, v := range row {
			if v == "" {
				continue
			}
			if _, err := strconv.ParseFloat(v, 64); err != nil && !strings.HasPrefix(v, "#") {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return fmt.Errorf("fetch: %s: %v: %w", x.src, err, ErrFormat)
			}
			typ, err := x.f.GetCellType(x.name, cell)
			if err != nil {
				return fmt.Errorf("fetch: %s: cell %s: %v: %w", x.src, cell, err, ErrFormat)
			}
			switch typ {
			case excelize.CellTypeBool:
				if v == "1" || strings.EqualFold(v, "true") {
					row[j] = "true"
				} else {
					row[j] = "false"
				}
				continue
			case excelize.CellTypeError:
				x.errorCells++
				continue
			case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeDate:
			default:
				continue // text, or a formula's text result
			}
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			kind, err := x.dateKindOf(cell)
			if err != nil {
				return err
			}
			if kind != notDate {
				if s, ok := x.isoDate(f, kind); ok {
					row[j] = s
					dates++
					continue
				}
			}
			if s := excelNumber(f); s != v {
				row[j] = s
				if s != strings.TrimSuffix(strings.TrimSuffix(v, ".0"), ".") {
					rounded++
				}
			}
		}
	}
	out.dates += dates
	out.rounded += rounded
	out.errorCells += x.errorCells
	return nil
}

// notes writes what reading the cells changed into rep.
func (d *xlSheetData) notes(rep *Report) {
	if d.dates > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d Excel serial dates written as ISO dates", d.dates))
	}
	if d.rounded > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d numbers rounded to 15 significant digits, as Excel shows them", d.rounded))
	}
	if d.errorCells > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d error cells (#DIV/0!, #N/A…) read as missing", d.errorCells))
	}
	if d.repeatedRows > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d row numbers appear twice in the sheet (first: row %d); their cells did not conflict and were merged", d.repeatedRows, d.firstRepeated))
	}
	if d.repeated > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d cells written twice with the same value", d.repeated))
	}
}

// excelNumber writes f as Excel shows it at most: 15 significant digits
// (44.899350750000004 is 44.89935075), integers without a decimal point or
// exponent; integers of 16 to 21 digits keep every digit.
func excelNumber(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	if f == math.Trunc(f) && math.Abs(f) >= 1e15 && math.Abs(f) < 1e21 {
		// A long integer (an identifier written by a program): keep every
		// digit rather than round it.
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if err != nil {
		r = f
	}
	if r == math.Trunc(r) && math.Abs(r) < 1e15 {
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	return strconv.FormatFloat(r, 'g', -1, 64)
}

// dateKindOf tells whether the number format of cell shows a date.
func (x *excelSheet) dateKindOf(cell string) (dateKind, error) {
	idx, err := x.f.GetCellStyle(x.name, cell)
	if err != nil {
		return notDate, fmt.Errorf("fetch: %s: cell %s: %v: %w", x.src, cell, err, ErrFormat)
	}
	if k, ok := x.styles[idx]; ok {
		return k, nil
	}
	k := notDate
	if st, err := x.f.GetStyle(idx); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			k = formatDateKind(*st.CustomNumFmt)
		} else {
			k = builtinDateKind(st.NumFmt)
		}
	}
	x.styles[idx] = k
	return k, nil
}

// builtinDateKind classifies Excel's built-in number formats.
func builtinDateKind(id int) dateKind {
	switch {
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id >= 34 && id <= 36, id >= 50 && id <= 58, id >= 71 && id <= 74:
		return dateOnly
	case id == 22, id == 75:
		return dateTime
	case id >= 18 && id <= 21, id >= 45 && id <= 47, id == 32, id == 33, id >= 76 && id <= 81:
		return timeOnly
	}
	return notDate
}

// formatDateKind classifies a custom number format code such as
// "dd/mm/yyyy", "[$-80A]dddd, d \"de\" mmmm \"de\" yyyy" or "h:mm".
// Quoted text, escapes, [colour]/[locale] sections and the fill/padding
// characters after '*' and '_' are ignored; only the first section (before
// ';') counts.
func formatDateKind(code string) dateKind {
	if strings.EqualFold(strings.TrimSpace(code), "general") {
		return notDate
	}
	hasDate, hasTime := false, false
	var lastLetter byte // the last date or time letter seen, lower case
	for i := 0; i < len(code); i++ {
		c := code[i]
		if c == 'h' || c == 'H' || c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 's' || c == 'S' {
			lastLetter = c | 0x20
		}
		switch c {
		case ';':
			i = len(code)
		case '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case '\\', '*', '_':
			i++
		case '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return notDate
			}
			sec := strings.ToLower(code[i+1 : i+end])
			if sec == "h" || sec == "hh" || sec == "m" || sec == "mm" || sec == "s" || sec == "ss" {
				hasTime = true
			}
			i += end
		case 'y', 'Y', 'd', 'D', 'e', 'E', 'g', 'G', 'b', 'B':
			hasDate = true
		case 'm', 'M':
			// Minutes after an hour or before seconds ("h:mm", "mm:ss");
			// a month otherwise.
			j := i
			for j < len(code) && (code[j] == 'm' || code[j] == 'M') {
				j++
			}
			if lastLetter == 'h' || nextLetter(code, j) == 's' {
				hasTime = true
			} else {
				hasDate = true
			}
			i = j - 1
			lastLetter = 'm'
			continue
		case 'h', 'H', 's', 'S':
			hasTime = true
		case '0', '#', '?':
			if !hasDate && !hasTime {
				return notDate // a number format
			}
		}
	}
	switch {
	case hasDate && hasTime:
		return dateTime
	case hasDate:
		return dateOnly
	case hasTime:
		return timeOnly
	}
	return notDate
}

// nextLetter returns the next date or time letter of a format code from
// position i (lower case), skipping separators, or 0.
func nextLetter(code string, i int) byte {
	for ; i < len(code); i++ {
		switch code[i] {
		case '"', ';', '[':
			return 0
		}
		switch c := code[i] | 0x20; c {
		case 'h', 'd', 'y', 's', 'm':
			return c
		}
	}
	return 0
}

// isoDate writes an Excel serial number as an ISO date or time.
func (x *excelSheet) isoDate(f float64, kind dateKind) (string, bool) {
	if f < 0 || f > 2958465 { // after 9999-12-31
		return "", false
	}
	t, err := excelize.ExcelDateToTime(f, x.date1904)
	if err != nil {
		return "", false
	}
	// Round to the second: serials carry binary noise.
	t = t.Add(500 * time.Millisecond).Truncate(time.Second)
	frac := f - math.Floor(f)
	switch {
	case kind == timeOnly && f < 1:
		return t.Format("15:04:05"), true
	case kind == dateOnly || kind == timeOnly && frac*86400 < 0.5:
		return t.Format("2006-01-02"), true
	}
	return t.Format("2006-01-02 15:04:05"), true
}

// xlRange is a merged range, 0-based and inclusive.
type xlRange struct{ r0, c0, r1, c1 int }

// mergedRanges lists the sheet's merged ranges.
func (x *excelSheet) mergedRanges() ([]xlRange, error) {
	merges, err := x.f.GetMergeCells(x.name)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: merged cells: %v: %w", x.src, err, ErrFormat)
	}
	out := make([]xlRange, 0, len(merges))
	for _, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 < r0 || c1 < c0 || c1-c0 > 16384 {
			continue
		}
		out = append(out, xlRange{r0 - 1, c0 - 1, r1 - 1, c1 - 1})
	}
	return out, nil
}

// fillMerged writes the value of each merged range's first cell into every
// cell of the range, cut to the grid's rows and widest row (a range
// reaching column XFD does not widen the table). A cell inside a range
// that holds a different value of its own keeps it, and the report counts
// it: Excel shows only the first cell's value, but the file holds both.
// Ranges that together cover more than DefaultCells cells are not filled
// (checkMerges turns that into an error first where the caller's Limits
// are known), and the report says so.
func fillMerged(grid [][]string, merges []xlRange, rep *Report) {
	width := gridWidth(grid)
	if err := checkMerges(grid, merges, Limits{Cells: DefaultCells, Merges: DefaultMerges}.withDefaults()); err != nil {
		rep.Notes = append(rep.Notes, fmt.Sprintf("merged ranges not filled: %v", err))
		return
	}
	filled, kept := 0, 0
	for _, m := range merges {
		if m.r0 >= len(grid) || m.c0 >= len(grid[m.r0]) {
			continue
		}
		v := grid[m.r0][m.c0]
		if v == "" {
			continue
		}
		r1, c1 := min(m.r1, len(grid)-1), min(m.c1, width-1)
		for r := m.r0; r <= r1; r++ {
			if len(grid[r]) <= c1 {
				grid[r] = append(grid[r], make([]string, c1+1-len(grid[r]))...)
			}
			for c := m.c0; c <= c1; c++ {
				if r == m.r0 && c == m.c0 {
					continue
				}
				switch grid[r][c] {
				case v:
					filled++
				case "":
					grid[r][c] = v
					filled++
				default:
					kept++
				}
			}
		}
	}
	if filled > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d merged ranges: %d cells filled with their range's value", len(merges), filled))
	}
	if kept > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d cells inside merged ranges hold values of their own: kept, not overwritten by the range's value", kept))
	}
}
