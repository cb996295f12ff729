package fetch

import (
	"bytes"
	"strings"
	"testing"
)

// hostileXLS builds a one-sheet legacy workbook: a header (entidad,
// total), the row Jalisco 7, and the given merged ranges (r0, r1, c0, c1,
// 0-based), written in MERGEDCELLS records of at most 1,000 ranges.
func hostileXLS(merges [][4]int) []byte {
	var g bytes.Buffer
	g.Write(biffRec(biffCodePage, xt16(1200)))
	g.Write(biffRec(biffXF, xt16(0), xt16(0), make([]byte, 16)))
	var s bytes.Buffer
	s.Write(biffRec(biffLabel, cellHead(0, 0, 0), xlStr8("entidad")))
	s.Write(biffRec(biffLabel, cellHead(0, 1, 0), xlStr8("total")))
	s.Write(biffRec(biffLabel, cellHead(1, 0, 0), xlStr8("Jalisco")))
	s.Write(biffRec(biffNumber, cellHead(1, 1, 0), xtf64(7)))
	for len(merges) > 0 {
		k := min(len(merges), 1000)
		parts := [][]byte{xt16(k)}
		for _, m := range merges[:k] {
			parts = append(parts, xt16(m[0]), xt16(m[1]), xt16(m[2]), xt16(m[3]))
		}
		s.Write(biffRec(biffMergedCells, parts...))
		merges = merges[k:]
	}
	return testCFB("Workbook", testWorkbook(0x0600, g.Bytes(), []testSheet{{name: "Datos", records: s.Bytes()}}))
}

// The legacy .xls reader honours Limits.Merges like the xlsx reader, and
// a range over a cell with a value of its own keeps the value and says so.
func TestHostileXLSMerges(t *testing.T) {
	t.Run("too many ranges", func(t *testing.T) {
		merges := make([][4]int, 5000)
		for i := range merges {
			merges[i] = [4]int{1, 1, 0, 1}
		}
		p := xlsTemp(t, hostileXLS(merges))
		_, err := ReadExcel(p, WithLimits(Limits{Merges: 4999}))
		wantErr(t, err, ErrTooLarge, "merged ranges", "over the limit of 4999", "Merges", `sheet "Datos"`)
		// Within the budget the same file reads.
		if _, err := ReadExcel(p, WithLimits(Limits{Merges: 5000})); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ranges covering too many cells", func(t *testing.T) {
		merges := make([][4]int, 300)
		for i := range merges {
			merges[i] = [4]int{0, 1, 0, 1}
		}
		p := xlsTemp(t, hostileXLS(merges))
		_, err := ReadExcel(p, WithLimits(Limits{Cells: 1000}))
		wantErr(t, err, ErrTooLarge, "merged ranges cover more than 1000 cells")
	})
	t.Run("a range over a cell with its own value", func(t *testing.T) {
		p := xlsTemp(t, hostileXLS([][4]int{{1, 1, 0, 1}}))
		var rep Report
		df, err := ReadExcel(p, WithReport(&rep))
		if err != nil {
			t.Fatal(err)
		}
		if got := df.Col("total").Records()[0]; got != "7" {
			t.Errorf("total = %q, want 7 (not overwritten by the range's value)", got)
		}
		if !strings.Contains(rep.String(), "1 cells inside merged ranges hold values of their own") {
			t.Errorf("not reported:\n%s", rep.String())
		}
	})
}
