package fetch

import (
	"fmt"
	"hash/maphash"
	"math"
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/missing"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// DuplicateRow is a row that repeats an earlier row exactly: every cell
// equal as read, missing equal to missing.
type DuplicateRow struct {
	Row   int // 1-based row of the table
	Line  int // 1-based input line (or sheet row); 0 when not known
	First int // the 1-based row it repeats
}

// maxDuplicatesListed bounds Report.Duplicates.
const maxDuplicatesListed = 20

// checkTable adds the table-level findings to rep once the table is
// built: exact duplicate rows, text columns holding date placeholders,
// and code columns written as spreadsheet formulas or padded with spaces.
// lineOf maps a 0-based row to its input line (nil when unknown).
func checkTable(df dataframe.DataFrame, rep *Report, lineOf func(int) int) {
	cols, err := frame.Views(df)
	if err != nil || len(cols) == 0 {
		return
	}
	n := df.Nrow()
	ha := make([]uint64, n)
	hb := make([]uint64, n)
	for i := range ha {
		ha[i], hb[i] = 14695981039346656037, 1099511628211
	}
	names := df.Names()
	for j, s := range cols {
		var cr *ColumnReport
		for k := range rep.Columns {
			if rep.Columns[k].Name == names[j] {
				cr = &rep.Columns[k]
			}
		}
		switch s.Type() {
		case series.String:
			v, na := frame.StringsOf(s)
			hashStrings(ha, hb, v, na)
			if cr != nil {
				checkText(cr, v, na, rep)
			}
		default:
			f, na := frame.FloatsOf(s)
			for i, x := range f {
				h := uint64(0x5bd1e9955bd1e995)
				if !na[i] {
					h = math.Float64bits(x + 0)
				}
				mixRow(ha, hb, i, h)
			}
		}
	}
	for i, d := range duplicateRows(ha, hb) {
		rep.DuplicateRows++
		if i < maxDuplicatesListed {
			if lineOf != nil {
				d.Line = lineOf(d.Row - 1)
			}
			rep.Duplicates = append(rep.Duplicates, d)
		}
	}
}

// duplicateRows finds rows whose two hashes equal an earlier row's, with
// an open-addressing table (a Go map of 128-bit keys costs several times
// more on a million rows).
func duplicateRows(ha, hb []uint64) []DuplicateRow {
	size := 1
	for size < 2*len(ha) {
		size <<= 1
	}
	mask := uint64(size - 1)
	slot := make([]int32, size) // row+1, 0 = empty
	var out []DuplicateRow
	for i := range ha {
		for j := ha[i] & mask; ; j = (j + 1) & mask {
			r := slot[j]
			if r == 0 {
				slot[j] = int32(i + 1)
				break
			}
			if ha[r-1] == ha[i] && hb[r-1] == hb[i] {
				out = append(out, DuplicateRow{Row: i + 1, First: int(r)})
				break
			}
		}
	}
	return out
}

func mixRow(ha, hb []uint64, i int, x uint64) {
	ha[i] = (ha[i]^x)*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019
	hb[i] = (hb[i] + x*0xC2B2AE3D27D4EB4F) ^ (hb[i] >> 29) + 0x85EBCA77C2B2AE63
}

// cellSeed seeds the hash of text cells (fixed per process: row hashes
// are only compared within one table).
var cellSeed = maphash.MakeSeed()

// hashStrings mixes a text column into the row hashes, hashing each
// value of a run of equal values once (sorted and repetitive columns are
// common).
func hashStrings(ha, hb []uint64, v []string, na []bool) {
	last, lastH := "", uint64(0)
	have := false
	for i, s := range v {
		if na[i] {
			mixRow(ha, hb, i, 0x5bd1e9955bd1e995)
			continue
		}
		if !have || s != last {
			last, lastH, have = s, maphash.String(cellSeed, s), true
		}
		mixRow(ha, hb, i, lastH)
	}
}

// checkText looks at a text column's values: date placeholders
// ("9999-99-99", "-001-11-30") and codes written as spreadsheet formulas
// (`=CONCATENAR(0,01)`, `="01"`, `'01`) or as digit groups padded with
// spaces (" 01 001 ").
func checkText(cr *ColumnReport, v []string, na []bool, rep *Report) {
	var formulas, padded map[string]int
	nf, np := 0, 0
	for i, s := range v {
		if na[i] || s == "" {
			continue
		}
		c := s[0]
		if c != '=' && c != '\'' && c != ' ' && c != '-' && c != '0' && c != '9' && s[len(s)-1] != ' ' {
			continue
		}
		if len(s) >= 10 && (c == '-' || c == '0' || c == '9' || c == ' ') && missing.IsDatePlaceholder(s) {
			if cr.DatePlaceholders == nil {
				cr.DatePlaceholders = map[string]int{}
			}
			cr.DatePlaceholders[s]++
			continue
		}
		switch {
		case c == '=' || c == '\'' || c == ' ' && strings.HasPrefix(strings.TrimLeft(s, " "), "="):
			if spreadsheetCode(s) {
				if formulas == nil {
					formulas = map[string]int{}
				}
				nf++
				if len(formulas) < 64 || formulas[s] > 0 {
					formulas[s]++
				}
			}
		case c == ' ' || s[len(s)-1] == ' ':
			if paddedCode(s) {
				if padded == nil {
					padded = map[string]int{}
				}
				np++
				if len(padded) < 64 || padded[s] > 0 {
					padded[s]++
				}
			}
		}
	}
	if nf > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("column %q: %d codes written as spreadsheet formulas or text markers (%s): clean.StripFormulas turns them into plain codes (=CONCATENAR(0,01) → \"01\"); mx.State and mx.MunicipalityByCode read them as they are",
			cr.Name, nf, topCounts(formulas, 3)))
	}
	if np > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("column %q: %d codes padded with spaces (%s): clean.Text trims them; mx.MunicipalityByCode reads INEGI's \" 01 001 \" as it is",
			cr.Name, np, topCounts(padded, 3)))
	}
}

// spreadsheetCode reports whether s is a code kept as text by a
// spreadsheet trick: `="01"`, `=CONCATENAR(0,01)`, `'01`.
func spreadsheetCode(s string) bool {
	t := strings.TrimSpace(s)
	if len(t) < 2 {
		return false
	}
	if t[0] == '\'' {
		return digitsOnly(t[1:])
	}
	body := strings.TrimSpace(t[1:])
	if len(body) >= 2 && body[0] == '"' && body[len(body)-1] == '"' {
		return digitsOnly(strings.Trim(body, `"`))
	}
	up := strings.ToUpper(body)
	return (strings.HasPrefix(up, "CONCATENAR(") || strings.HasPrefix(up, "CONCATENATE(") || strings.HasPrefix(up, "CONCAT(")) && strings.HasSuffix(up, ")")
}

// paddedCode reports whether s is one or two runs of digits with spaces
// around them: " 01 001 ", " 09 ".
func paddedCode(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 2 || strings.TrimSpace(s) == s {
		return false
	}
	for _, x := range f {
		if !digitsOnly(x) {
			return false
		}
	}
	return true
}

func digitsOnly(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// topCounts prints the k most frequent values of m with their counts.
func topCounts(m map[string]int, k int) string {
	keys := make([]string, 0, len(m))
	for s := range m {
		keys = append(keys, s)
	}
	sort.Slice(keys, func(a, b int) bool {
		if m[keys[a]] != m[keys[b]] {
			return m[keys[a]] > m[keys[b]]
		}
		return keys[a] < keys[b]
	})
	if len(keys) > k {
		keys = keys[:k]
	}
	parts := make([]string, len(keys))
	for i, s := range keys {
		parts[i] = fmt.Sprintf("%q×%d", s, m[s])
	}
	return strings.Join(parts, ", ")
}
