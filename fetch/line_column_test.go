package fetch

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/go-gota/gota/dataframe"
)

// After a filter, the line column still names the file's lines: in INEGI's
// consulta export (a title above the header, a note below the data),
// Ciudad de México's state row is line 287 and Iztapalapa line 296.
func TestLineColumn(t *testing.T) {
	const consulta = "testdata/csv/inegi_censo2020_poblacion_municipio_sexo_consulta.csv"
	df, err := ReadCSVFile(consulta, LineColumn("linea"))
	if err != nil {
		t.Fatal(err)
	}
	names := df.Names()
	if names[len(names)-1] != "linea" || rdColumn(t, df, "linea").Type() != "int" {
		t.Fatalf("names %v", names)
	}
	key := names[0]
	keys, _ := rdStrings(t, df, key)
	want := map[string]int{"=CONCATENAR(0,09) ": 287, " 09 007 ": 296}
	var idx []int
	for i, k := range keys {
		if _, ok := want[k]; ok {
			idx = append(idx, i)
		}
	}
	sub := df.Subset(idx)
	ks, _ := rdStrings(t, sub, key)
	lines := rdFloats(t, sub, "linea")
	if len(ks) != 2 {
		t.Fatalf("found %q", ks)
	}
	for i, k := range ks {
		if int(lines[i]) != want[k] {
			t.Errorf("%q: line %v, want %d", k, lines[i], want[k])
		}
	}
	if first := rdFloats(t, df, "linea")[0]; first != 5 {
		t.Errorf("first data row on line %v, want 5", first)
	}
	plain, _ := ReadCSVFile(consulta)
	if plain.Ncol() != df.Ncol()-1 {
		t.Errorf("without the option: %d columns", plain.Ncol())
	}
	if _, err := ReadCSVFile(consulta, LineColumn(key)); !errors.Is(err, ErrDuplicate) {
		t.Errorf("existing name: %v", err)
	}
}

// In a workbook the line is the sheet's row number: the IEEM results have
// their header on row 6, so the first district is row 7, in .xlsx and in
// .xls alike; blank rows skipped inside the data do not shift the rest.
func TestLineColumnExcel(t *testing.T) {
	for _, p := range []string{xlIEEM, xlsIEEM} {
		df, err := ReadExcel(p, LineColumn("fila"))
		if err != nil {
			t.Fatal(err)
		}
		rows := rdFloats(t, df, "fila")
		if len(rows) != 48 || rows[0] != 7 || rows[47] != 54 {
			t.Errorf("%s: rows %v…%v", p, rows[0], rows[len(rows)-1])
		}
	}
	grid := [][]string{{"a", "b"}, {"1", "2"}, {"", ""}, {"3", "4"}}
	var rep Report
	_, rows, first, lines := sheetTable(grid, 0, 0, &config{}, &rep)
	if len(rows) != 2 || first != 2 || lines[0] != 2 || lines[1] != 4 {
		t.Errorf("rows %v, first %d, lines %v", rows, first, lines)
	}
}

// An error names the sheet row of the value even when blank rows inside the
// data were skipped.
func TestExcelErrorLineAfterBlankRow(t *testing.T) {
	recs := append(append(append(
		biffRec(biffLabel, cellHead(0, 0, 0), xlStr8("votos")),
		biffRec(biffRK, cellHead(1, 0, 0), xt32(12<<2|2))...),
		biffRec(biffRK, cellHead(3, 0, 0), xt32(15<<2|2))...),
		biffRec(biffLabel, cellHead(4, 0, 0), xlStr8("nulo"))...)
	p := xlsTemp(t, testCFB("Workbook", testWorkbook(0x0600, nil, []testSheet{{name: "H", records: recs}})))
	_, err := ReadExcel(p, ColumnType("votos", "int"))
	if !errors.Is(err, ErrType) || !strings.Contains(err.Error(), "line 5") || !strings.Contains(err.Error(), "(row 3)") {
		t.Errorf("err = %v; want line 5, row 3", err)
	}
}

// TestLineColumnChunks: streamed chunks carry the same lines as the whole
// read (the INEGI consulta export, a title above the header; and a file
// with quoted line breaks and blank lines), whether the chunks are typed
// serially, ahead of the callback or by EachChunkParallel's workers, and
// small blocks make the parallel scan cross many of them.
func TestLineColumnChunks(t *testing.T) {
	smallBlocks(t, 700, 300)
	var b strings.Builder
	b.WriteString("Título del cuadro\n\nfolio,nota,monto\n")
	for i := 0; i < 3000; i++ {
		if i%7 == 0 {
			fmt.Fprintf(&b, "F-%d,\"dos\nlíneas\",%d\n\n", i, i)
			continue
		}
		fmt.Fprintf(&b, "F-%d,una,%d\n", i, i)
	}
	consulta, err := os.ReadFile("testdata/csv/inegi_censo2020_poblacion_municipio_sexo_consulta.csv")
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]string{"quoted line breaks": b.String(), "consulta": string(consulta)} {
		whole, err := ReadCSV(strings.NewReader(in), LineColumn("linea"))
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprint(whole.Col("linea").Records())
		collect := func(dfs []dataframe.DataFrame) string {
			var lines []int
			for _, df := range dfs {
				v, err := df.Col("linea").Int()
				if err != nil {
					t.Fatal(err)
				}
				lines = append(lines, v...)
			}
			slices.Sort(lines)
			out := make([]string, len(lines))
			for i, l := range lines {
				out[i] = strconv.Itoa(l)
			}
			return fmt.Sprint(out)
		}
		for _, w := range []int{1, 3} {
			var dfs []dataframe.DataFrame
			if err := EachChunk(strings.NewReader(in), 250, func(df dataframe.DataFrame) error {
				dfs = append(dfs, df)
				return nil
			}, LineColumn("linea"), Workers(w)); err != nil {
				t.Fatal(err)
			}
			if got := collect(dfs); got != want {
				t.Errorf("%s, EachChunk, %d workers: lines differ from ReadCSV's", name, w)
			}
		}
		var mu sync.Mutex
		var dfs []dataframe.DataFrame
		if err := EachChunkParallel(strings.NewReader(in), 250, func(_ int, df dataframe.DataFrame) error {
			mu.Lock()
			defer mu.Unlock()
			dfs = append(dfs, df)
			return nil
		}, LineColumn("linea"), Workers(3)); err != nil {
			t.Fatal(err)
		}
		if got := collect(dfs); got != want {
			t.Errorf("%s, EachChunkParallel: lines differ from ReadCSV's", name)
		}
	}
}

// TestLineColumnRefused: readers with no input lines to give refuse
// LineColumn instead of leaving the column out without a word.
func TestLineColumnRefused(t *testing.T) {
	if _, err := ReadJSON(strings.NewReader(`[{"a": 1}]`), LineColumn("linea")); !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "ReadJSON") {
		t.Errorf("ReadJSON: %v", err)
	}
	page := "<table><tr><th>a</th></tr><tr><td>1</td></tr></table>"
	if _, err := HTMLTables(strings.NewReader(page), LineColumn("linea")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("HTMLTables: %v", err)
	}
	if _, _, err := FindHTMLTables(strings.NewReader(page), LineColumn("linea")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("FindHTMLTables: %v", err)
	}
	if _, err := ReadJSON(strings.NewReader(`[{"a": 1}]`)); err != nil {
		t.Errorf("without the option: %v", err)
	}
}
