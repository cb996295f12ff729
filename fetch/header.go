package fetch

import (
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/missing"
)

// Header and footer detection on rows of cell text. The CSV reader and the
// Excel reader share these two functions, so a title block or a "Fuente:"
// footer is handled the same way whatever the file format.

// headerScanRows is how many rows from the top detectHeader looks at: a
// preamble longer than this is not expected (Banxico SIE writes 17 lines).
const headerScanRows = 200

// detectHeader returns the 0-based index of the header row of rows: the row
// that names the columns, after any title or metadata lines. It returns 0
// when nothing comes before the header.
//
// The rule, in order:
//   - rows much narrower than the data (fewer than half as many non-empty
//     cells as a typical data row, e.g. a one-cell title) and blank rows are
//     preamble;
//   - a column is numeric when two thirds of its non-missing cells in the
//     lower half of the scanned rows are numbers ("1,425,607" counts);
//   - the first wide row that holds a number in a numeric column (and no
//     text there) is the first data row, unless it is a row of increasing
//     years ("2019","2020"), which is a header;
//   - when no column is numeric that way (a short export whose metadata
//     rows outnumber its data rows), the columns are judged on the
//     trailing rows whose first cell is a date;
//   - the header is the nearest wide row above the first data row that has
//     no number in a numeric column, passing over rows that start with a
//     date or number and whose numeric cells are all missing
//     ("01/01/2024","N/E"); with no such row, the first wide row.
//
// Metadata rows as wide as the table (Banxico's "Periodicidad","Diaria",…)
// are preamble because text stands where the data has numbers.
func detectHeader(rows [][]string) int {
	n := len(rows)
	if n > headerScanRows {
		n = headerScanRows
	}
	if n == 0 {
		return 0
	}
	sample := rows[:n]
	end := trailingNotes(sample)
	if end < len(sample) {
		sample = sample[:end]
	}
	if len(sample) == 0 {
		return 0
	}
	nonEmpty := make([]int, len(sample))
	for i, r := range sample {
		nonEmpty[i] = countNonEmpty(r)
	}
	typical := typicalWidth(nonEmpty)
	wide := func(i int) bool {
		if nonEmpty[i] == 0 {
			return false
		}
		if typical <= 1 {
			return true
		}
		return nonEmpty[i]*2 > typical
	}
	numeric := numericColumns(sample)
	if !anyTrue(numeric) {
		// A short export: metadata rows outnumber the data rows (a
		// Banxico SIE series over a few days). Judge the columns on the
		// trailing run of rows that start like data (a date or a number).
		if run := trailingDataRun(sample); run > 0 {
			numeric = numericOver(sample[len(sample)-run:])
		}
	}
	first := -1 // first wide row
	for i := range sample {
		if wide(i) {
			first = i
			break
		}
	}
	if first < 0 {
		return 0
	}
	if !anyTrue(numeric) {
		return first
	}
	data := -1
	for i := first; i < len(sample); i++ {
		if !wide(i) {
			continue
		}
		nums, texts := numericCells(sample[i], numeric)
		if nums > 0 && texts == 0 && !yearRow(sample[i], numeric) {
			data = i
			break
		}
	}
	if data < 0 {
		return first
	}
	for i := data - 1; i >= first; i-- {
		if !wide(i) {
			continue
		}
		nums, texts := numericCells(sample[i], numeric)
		if nums == 0 && texts == 0 && (dataLike(firstNonEmpty(sample[i])) || markerCells(sample[i], numeric) > 0) {
			// a data row whose numbers are all missing ("01/01/2024","N/E";
			// "F-001","Jalisco","N/D"): a header names its columns, it
			// does not write "N/D" under them
			continue
		}
		if nums == 0 || yearRow(sample[i], numeric) {
			return i
		}
	}
	return first
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// dataLike reports whether a row's first cell reads like data rather than
// a name: a number or a date written in digits.
func dataLike(cell string) bool {
	c := strings.TrimSpace(cell)
	return c != "" && (looksNumeric(c) || looksLikeDateText(c))
}

// trailingDataRun counts the rows at the end of rows (before any blank
// tail) whose first non-empty cell is a date written in digits: the data
// rows of a time series. (Numbers alone are not enough: a column of ids
// can turn numeric near the end of a text table.)
func trailingDataRun(rows [][]string) int {
	i := len(rows)
	for i > 0 && countNonEmpty(rows[i-1]) == 0 {
		i--
	}
	n := 0
	for ; i > 0 && looksLikeDateText(strings.TrimSpace(firstNonEmpty(rows[i-1]))); i-- {
		n++
	}
	return n
}

// trailingNotes returns the index where trailing note and footer lines
// start ("Fuente: …", "Nota: …", "FUENTE: INEGI…", "1/ Cifras
// preliminares", "* …"), together with the blank lines around them, or
// len(rows) when the table has no such footer. A note line has its text in
// the first cells only (it is narrower than the data) and starts with a note
// word or a footnote mark; lines of text between two notes belong to them.
func trailingNotes(rows [][]string) int {
	cut := len(rows)
	// Blank lines at the very end are not data either.
	for cut > 0 && countNonEmpty(rows[cut-1]) == 0 {
		cut--
	}
	blankEnd := cut
	typical := 0
	{
		var ws []int
		for _, r := range rows {
			if c := countNonEmpty(r); c > 0 {
				ws = append(ws, c)
			}
		}
		typical = typicalWidth(ws)
	}
	const maxNoteLines = 40
	found := -1
	for i := blankEnd - 1; i >= 0 && blankEnd-i <= maxNoteLines; i-- {
		r := rows[i]
		c := countNonEmpty(r)
		if c == 0 {
			continue
		}
		if typical > 1 && c >= typical && c > 1 {
			break
		}
		if isNoteLine(firstNonEmpty(r), typical <= 1) {
			found = i
			continue
		}
		if c > 1 && typical > 1 && c*2 > typical {
			break // a data row with some empty cells
		}
		if typical <= 1 {
			break
		}
	}
	if found < 0 {
		return blankEnd
	}
	for found > 0 && countNonEmpty(rows[found-1]) == 0 {
		found--
	}
	return found
}

// noteWords are the words that start a note or footer line, folded.
var noteWords = []string{
	"fuente", "fuentes", "nota", "notas", "elaborado", "elaboracion",
	"elabora", "source", "sources", "note", "notes", "cifras", "informacion",
	"fecha de consulta", "fecha de actualizacion", "actualizado", "simbologia",
	"las cifras", "los datos", "llamadas", "consulta", "observaciones",
}

// isNoteLine reports whether text starts like a footer note. strict (for
// one-column tables, where any row is one cell) demands a colon after the
// note word.
func isNoteLine(text string, strict bool) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if !strict {
		switch {
		case t[0] == '*' || t[0] == '(' && len(t) > 2 && t[2] == ')':
			return true
		case len(t) > 2 && (t[0] >= '0' && t[0] <= '9' || t[0] >= 'a' && t[0] <= 'z') && t[1] == '/':
			return true // "1/ Cifras preliminares", "p/ …"
		}
	}
	k := fold.Key(t)
	for _, w := range noteWords {
		if !strings.HasPrefix(k, w) {
			continue
		}
		rest := k[len(w):]
		if rest != "" && rest[0] != ' ' {
			continue // "notaria" is not "nota"
		}
		if !strict {
			return true
		}
		// strict: the raw text must have a colon right after the word.
		if i := strings.IndexByte(t, ':'); i > 0 && i <= len(w)+4 {
			return true
		}
	}
	return false
}

func firstNonEmpty(r []string) string {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return c
		}
	}
	return ""
}

func countNonEmpty(r []string) int {
	n := 0
	for _, c := range r {
		if !missing.DefaultSet.Is(c) {
			n++
		}
	}
	return n
}

// typicalWidth is the most common positive value of ws (the larger on a
// tie), or 0.
func typicalWidth(ws []int) int {
	count := map[int]int{}
	best, bestN := 0, 0
	for _, w := range ws {
		if w <= 0 {
			continue
		}
		count[w]++
		if c := count[w]; c > bestN || c == bestN && w > best {
			best, bestN = w, c
		}
	}
	return best
}

// numericColumns marks the columns where at least two thirds of the
// non-missing cells in the lower half of rows are numbers.
func numericColumns(rows [][]string) []bool {
	return numericOver(rows[len(rows)/2:])
}

// numericOver marks the columns where at least two thirds of the
// non-missing cells of rows are numbers.
func numericOver(rows [][]string) []bool {
	width := 0
	for _, r := range rows {
		if len(r) > width {
			width = len(r)
		}
	}
	nums := make([]int, width)
	all := make([]int, width)
	for _, r := range rows {
		for j, c := range r {
			if missing.DefaultSet.Is(c) {
				continue
			}
			all[j]++
			if looksNumeric(c) {
				nums[j]++
			}
		}
	}
	num := make([]bool, width)
	for j := range num {
		num[j] = all[j] > 0 && nums[j]*3 >= all[j]*2
	}
	return num
}

// numericCells counts, over the numeric columns, cells of r that are
// numbers and cells that are text (missing markers are neither).
func numericCells(r []string, numeric []bool) (nums, texts int) {
	for j, c := range r {
		if j >= len(numeric) || !numeric[j] || missing.DefaultSet.Is(c) {
			continue
		}
		if looksNumeric(c) {
			nums++
		} else {
			texts++
		}
	}
	return nums, texts
}

// markerCells counts the cells of r in numeric columns that are written
// missing markers ("N/D", "NA", "-"), blank cells aside.
func markerCells(r []string, numeric []bool) int {
	n := 0
	for j, c := range r {
		if j < len(numeric) && numeric[j] && strings.TrimSpace(c) != "" && missing.DefaultSet.Is(c) {
			n++
		}
	}
	return n
}

// yearRow reports whether the numeric cells of r are at least two years
// (1800–2199) in strictly increasing order: a header of years.
func yearRow(r []string, numeric []bool) bool {
	prev, n := 0, 0
	for j, c := range r {
		if j >= len(numeric) || !numeric[j] {
			continue
		}
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if len(c) != 4 {
			return false
		}
		y := 0
		for k := 0; k < 4; k++ {
			if c[k] < '0' || c[k] > '9' {
				return false
			}
			y = y*10 + int(c[k]-'0')
		}
		if y < 1800 || y > 2199 || y <= prev {
			return false
		}
		prev = y
		n++
	}
	return n >= 2
}

// looksNumeric reports whether s is a number as tables write them: an
// optional sign, digits with optional comma thousands groups, an optional
// decimal part, an optional exponent, an optional trailing "%", and
// optionally a leading "$".
func looksNumeric(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "%")
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	s = strings.TrimPrefix(s, "$")
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if validNumber(s) {
		return true
	}
	_, ok := groupedDigits(s)
	return ok
}
