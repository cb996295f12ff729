package fetch

import (
	"fmt"
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readReport(t *testing.T, path string) Report {
	t.Helper()
	var rep Report
	if _, err := ReadCSVFile(path, WithReport(&rep)); err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestReportDuplicateRows: the Compranet 2014 sample repeats two contracts
// exactly.
func TestReportDuplicateRows(t *testing.T) {
	rep := readReport(t, "testdata/csv/compranet_contratos_2014_muestra.csv")
	if rep.DuplicateRows != 2 || len(rep.Duplicates) != 2 {
		t.Fatalf("duplicates %d %+v", rep.DuplicateRows, rep.Duplicates)
	}
	if d := rep.Duplicates[0]; d != (DuplicateRow{Row: 79, Line: 80, First: 78}) {
		t.Errorf("first duplicate %+v", d)
	}
	if d := rep.Duplicates[1]; d != (DuplicateRow{Row: 286, Line: 287, First: 285}) {
		t.Errorf("second duplicate %+v", d)
	}
	if !strings.Contains(rep.String(), "2 rows repeat an earlier row exactly: row 79 (line 80) = row 78, row 286 (line 287) = row 285 (clean.Dedupe removes them)") {
		t.Errorf("report:\n%s", rep)
	}
	// The state table has none.
	if rep := readReport(t, "testdata/csv/censo2020_poblacion_estatal.csv"); rep.DuplicateRows != 0 || strings.Contains(rep.String(), "repeat") {
		t.Errorf("censo: %d", rep.DuplicateRows)
	}
}

// TestReportBlankCells: a cell of one space is not reported as an empty
// cell.
func TestReportBlankCells(t *testing.T) {
	rep := readReport(t, "testdata/csv/shcp_cuenta_publica_ramo_60.csv")
	for _, c := range rep.Columns {
		if c.Name != "PORCENTAJE_CORRIENTE" {
			continue
		}
		if c.Missing != 3 || c.MissingValues[" "] != 3 || c.MissingValues[""] != 0 {
			t.Fatalf("PORCENTAJE_CORRIENTE: %+v", c)
		}
		if !strings.Contains(rep.String(), `3 missing (" "×3)`) {
			t.Errorf("report:\n%s", rep)
		}
		return
	}
	t.Fatal("no column PORCENTAJE_CORRIENTE")
}

// TestReportDatePlaceholders: SSA writes a placeholder for "did not die";
// this copy has it garbled as -001-11-30.
func TestReportDatePlaceholders(t *testing.T) {
	rep := readReport(t, "testdata/csv/ssa_covid19_datos_abiertos_muestra_2k.csv")
	for _, c := range rep.Columns {
		switch c.Name {
		case "FECHA_DEF":
			if c.DatePlaceholders["-001-11-30"] < 1900 {
				t.Errorf("FECHA_DEF: %+v", c.DatePlaceholders)
			}
		case "FECHA_INGRESO", "FECHA_SINTOMAS":
			if len(c.DatePlaceholders) > 0 {
				t.Errorf("%s: %+v", c.Name, c.DatePlaceholders)
			}
		}
	}
	if !strings.Contains(rep.String(), `date placeholders "-001-11-30"×`) {
		t.Errorf("report:\n%s", rep)
	}
}

// TestReportCodeForms: INEGI's consulta export writes state keys as
// =CONCATENAR(0,01) and municipality keys as " 01 001 "; the report points
// to clean's unwrapping and to mx.
func TestReportCodeForms(t *testing.T) {
	rep := readReport(t, "testdata/csv/inegi_censo2020_poblacion_municipio_sexo_consulta.csv")
	notes := strings.Join(rep.Notes, "\n")
	for _, want := range []string{
		`column "col_1": 32 codes written as spreadsheet formulas or text markers ("=CONCATENAR( ,10) "×1`,
		"clean.StripFormulas",
		`column "col_1": 2469 codes padded with spaces (" 01 001 "×1`,
		"mx.MunicipalityByCode",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// The national row's key is a single space: not an empty cell.
	for _, c := range rep.Columns {
		if c.Name == "col_1" && (c.MissingValues[" "] != 1 || c.MissingValues[""] != 0) {
			t.Errorf("col_1 missing values %v", c.MissingValues)
		}
	}
	// A plain file gets no such notes.
	rep = readReport(t, "testdata/csv/censo2020_poblacion_municipal.csv")
	if strings.Contains(strings.Join(rep.Notes, "\n"), "codes") {
		t.Errorf("municipal: %v", rep.Notes)
	}
}

// TestReportDuplicateRowsColumns: a duplicate is the whole record. With
// Columns selecting three of the Compranet sample's columns, many rows
// agree on them (same agency, same procedure), yet only the two records
// that repeat byte for byte are duplicates, the same two as without
// Columns.
func TestReportDuplicateRowsColumns(t *testing.T) {
	const path = "testdata/csv/compranet_contratos_2014_muestra.csv"
	var rep Report
	df, err := ReadCSVFile(path, Columns("SIGLAS", "TIPO_PROCEDIMIENTO", "MONEDA"), WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if df.Ncol() != 3 {
		t.Fatalf("%d columns", df.Ncol())
	}
	seen := map[string]bool{}
	agree := 0
	for i := 0; i < df.Nrow(); i++ {
		k := df.Elem(i, 0).String() + "|" + df.Elem(i, 1).String() + "|" + df.Elem(i, 2).String()
		if seen[k] {
			agree++
		}
		seen[k] = true
	}
	if agree < 100 {
		t.Fatalf("only %d rows agree on the selected columns: the test needs many", agree)
	}
	if rep.DuplicateRows != 2 || len(rep.Duplicates) != 2 || rep.Duplicates[0] != (DuplicateRow{Row: 79, Line: 80, First: 78}) {
		t.Fatalf("duplicates %d %+v", rep.DuplicateRows, rep.Duplicates)
	}
}

// TestReportDuplicateRowsPipelined: the pipelined reader of large files
// finds the same duplicates, with the same rows and lines, as the
// in-memory reader, across its blocks. Records that differ only in their
// line end or their quoting have the same fields; a record that differs
// in one byte of a field does not.
func TestReportDuplicateRowsPipelined(t *testing.T) {
	withTinyPipeline(t)
	var b strings.Builder
	b.WriteString("id,estado,monto\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "%d,Jalisco,%d.50\n", i%1000, i%1000)
	}
	b.WriteString("7,Jalisco,7.50\r\n")       // = the row of line 9 (CRLF aside)
	b.WriteString("7,Jalisco,7.50 \n")        // one byte more: not a duplicate
	b.WriteString("\"7\",\"Jalisco\",7.50\n") // quoted: the same fields
	path := filepath.Join(t.TempDir(), "d.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	before := pipeFinished.Load()
	var rep Report
	if _, err := ReadCSVFile(path, WithReport(&rep)); err != nil {
		t.Fatal(err)
	}
	if pipeFinished.Load() == before {
		t.Fatal("the pipelined reader did not finish the read")
	}
	var mem Report
	if _, err := ReadCSV(strings.NewReader(b.String()), WithReport(&mem)); err != nil {
		t.Fatal(err)
	}
	if rep.DuplicateRows != 2002 || mem.DuplicateRows != 2002 {
		t.Fatalf("pipelined %d, in memory %d duplicates, want 2002", rep.DuplicateRows, mem.DuplicateRows)
	}
	if fmt.Sprint(rep.Duplicates) != fmt.Sprint(mem.Duplicates) {
		t.Errorf("pipelined %v\nin memory %v", rep.Duplicates, mem.Duplicates)
	}
	if d := rep.Duplicates[0]; d != (DuplicateRow{Row: 1001, Line: 1002, First: 1}) {
		t.Errorf("first duplicate %+v", d)
	}
}

// TestFindDuplicatesCollision: rows whose keys collide but whose contents
// differ are never counted.
func TestFindDuplicatesCollision(t *testing.T) {
	vals := []string{"a", "b", "a", "c", "b"}
	keys := make([]uint64, len(vals)) // every key equal: all collide
	var rep Report
	findDuplicates(keys, func(i, j int) bool { return vals[i] == vals[j] }, &rep, func(i int) int { return i + 2 })
	if rep.DuplicateRows != 2 || fmt.Sprint(rep.Duplicates) != "[{3 4 1} {5 6 2}]" {
		t.Fatalf("%d %v", rep.DuplicateRows, rep.Duplicates)
	}
}

// TestRecordHashes: the hash the scan keeps for each record equals the
// hash of its fields, whatever the quoting: quoted fields first, last or
// in between, escaped quotes, line breaks inside quotes, CRLF line ends,
// a final delimiter, with and without a projection.
func TestRecordHashes(t *testing.T) {
	for _, s := range []string{
		"a,b,c\n1,2,3\n",
		"\"a\",b,c\r\n1,\"2\",3\r\n4,5,\"6\"\r\n",
		"x,\"say \"\"hi\"\"\",z\n\"multi\r\nline\",2,\n",
		"1,2,\n3,\"4\",",
		"\"\",,\"\"\n\n,,\n",
		"a,\"b\"c\",d\n",
	} {
		checkRecordHashes(t, s)
	}
	// the quoted and unquoted spellings of one record hash alike
	r, _, _, _ := scanKeep("1,Jalisco,7.50\n\"1\",\"Jalisco\",\"7.50\"\n", 0, 38, ',', 1, false, nil, true)
	if len(r.hashes) != 2 || r.hashes[0] != r.hashes[1] {
		t.Fatalf("hashes %v", r.hashes)
	}
}

// TestFindDuplicatesBuckets: on 60,000 rows (spread over many buckets)
// the count and the first rows listed are those of a plain map.
func TestFindDuplicatesBuckets(t *testing.T) {
	const n = 60000
	vals := make([]string, n)
	keys := make([]uint64, n)
	x := uint64(1)
	for i := range vals {
		x = x*6364136223846793005 + 1442695040888963407
		vals[i] = fmt.Sprint(x >> 49) // about 32,768 distinct values
		keys[i] = maphash.String(cellSeed, vals[i])
	}
	var rep Report
	findDuplicates(keys, func(i, j int) bool { return vals[i] == vals[j] }, &rep, func(i int) int { return i + 2 })
	first := map[string]int{}
	var want []DuplicateRow
	count := 0
	for i, v := range vals {
		if f, ok := first[v]; ok {
			count++
			if len(want) < maxDuplicatesListed {
				want = append(want, DuplicateRow{Row: i + 1, Line: i + 2, First: f + 1})
			}
			continue
		}
		first[v] = i
	}
	if count < 20000 || rep.DuplicateRows != count || fmt.Sprint(rep.Duplicates) != fmt.Sprint(want) {
		t.Fatalf("got %d %v\nwant %d %v", rep.DuplicateRows, rep.Duplicates, count, want)
	}
}
