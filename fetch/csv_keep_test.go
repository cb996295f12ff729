package fetch

import (
	"errors"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/gen"
)

// Differential tests of the projected scan (scanKeep with a keep table,
// used by the pipelined reader with Columns) against the full scan.

// trickyTable is randomTable (quoted delimiters, quotes and line breaks,
// CRLF, missing markers, leading-zero codes, Windows-1252) with more
// traps: title lines, blank and whitespace-only lines among the data,
// "Fuente:" notes at the end, short rows, rows with extra empty or
// non-empty fields (prose in the last column, or an error), blank and
// non-breaking-space fields, and a trailing delimiter on every line.
func trickyTable(r *rand.Rand) string {
	t := randomTable(r)
	// Traps in the table's encoding; now and then Windows-1252 traps in a
	// UTF-8 table (UTF-8 with stray bytes).
	return addTraps(r, t, utf8.ValidString(t) && r.Intn(5) > 0)
}

// addTraps adds the traps of trickyTable to table t, writing text in
// UTF-8 when utf8Text is set and in Windows-1252 otherwise.
func addTraps(r *rand.Rand, t string, utf8Text bool) string {
	eol := "\n"
	if strings.Contains(t, "\r\n") {
		eol = "\r\n"
	}
	d := sniffDelimiter(t)
	lines := strings.SplitAfter(t, eol)
	var b strings.Builder
	if r.Intn(3) == 0 {
		b.WriteString("Reporte de contratos" + eol + eol)
	}
	trailing := r.Intn(6) == 0
	for i, l := range lines {
		if trailing && strings.HasSuffix(l, eol) {
			l = strings.TrimSuffix(l, eol) + string(d) + eol
		}
		b.WriteString(l)
		if i == 0 || !strings.HasSuffix(l, eol) {
			continue
		}
		switch r.Intn(25) {
		case 0:
			b.WriteString(eol)
		case 1:
			b.WriteString("  " + string(d) + " " + eol)
		case 2:
			b.WriteString("7" + eol) // a short row
		case 3:
			b.WriteString(strings.Repeat(string(d), 3) + "x" + string(d) + string(d) + eol) // empty fields and more
		case 4:
			if utf8Text {
				b.WriteString("\u00a0" + string(d) + "\u00a0" + eol)
			} else {
				b.WriteString("\xa0" + string(d) + "\t" + eol)
			}
		case 5:
			b.WriteString(`""` + string(d) + `" "` + eol)
		}
	}
	if r.Intn(3) == 0 {
		b.WriteString(eol + "Fuente: elaboración propia" + eol + "Nota: cifras preliminares" + eol)
	}
	if r.Intn(8) == 0 { // a row far too wide: prose or an error
		b.WriteString(strings.Repeat("1"+string(d), 9) + "la obra se entregó tarde y sin acta" + eol)
	}
	s := b.String()
	if !utf8Text {
		s = strings.ReplaceAll(s, "elaboración", "elaboraci\xf3n")
	}
	return s
}

// TestScanKeepMatchesScan compares, record by record and field by field,
// a projected scan with random keep tables against the full scan.
func TestScanKeepMatchesScan(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for k := 0; k < 300; k++ {
		in := trickyTable(r)
		d := sniffDelimiter(in)
		keep := make([]int32, r.Intn(9))
		kept := 0
		for j := range keep {
			keep[j] = -1
			if r.Intn(3) == 0 {
				keep[j] = int32(kept)
				kept++
			}
		}
		full, fend, fnl, ferr := scan(in, 0, len(in), d, 1, false)
		proj, pend, pnl, perr := scanKeep(in, 0, len(in), d, 1, false, keep, false)
		if !reflect.DeepEqual(ferr, perr) || fend != pend || fnl != pnl {
			t.Fatalf("input %d: full scan (%d, %d, %v), projected (%d, %d, %v)", k, fend, fnl, ferr, pend, pnl, perr)
		}
		if ferr != nil {
			continue
		}
		if !proj.packed || full.packed {
			t.Fatalf("input %d: projected scan packed = %v, full scan packed = %v", k, proj.packed, full.packed)
		}
		for _, w := range []bool{false, true} {
			full.win1252, proj.win1252 = w, w
			if full.n() != proj.n() {
				t.Fatalf("input %d: %d records, projected %d", k, full.n(), proj.n())
			}
			for rec := 0; rec < full.n(); rec++ {
				if full.lines[rec] != proj.lines[rec] || full.nf(rec) != proj.nf(rec) || full.allEmpty(rec) != proj.allEmpty(rec) {
					t.Fatalf("input %d record %d: line %d/%d, fields %d/%d, empty %v/%v", k, rec,
						full.lines[rec], proj.lines[rec], full.nf(rec), proj.nf(rec), full.allEmpty(rec), proj.allEmpty(rec))
				}
				if !reflect.DeepEqual(full.record(rec), proj.record(rec)) {
					t.Fatalf("input %d record %d: %q, projected %q", k, rec, full.record(rec), proj.record(rec))
				}
				for j := 0; j < full.nf(rec); j++ {
					if full.rawField(rec, j) != proj.rawField(rec, j) || full.field(rec, j) != proj.field(rec, j) {
						t.Fatalf("input %d record %d field %d: %q, projected %q", k, rec, j, full.field(rec, j), proj.field(rec, j))
					}
				}
			}
		}
	}
}

// TestScanKeepPacks checks that a projected scan of the contracts file
// keeps its selected fields in a pack a fraction of the input's size, in
// order, and that every value reads back as the full scan reads it.
func TestScanKeepPacks(t *testing.T) {
	var b strings.Builder
	if err := gen.Contracts(&b, 5000, 4); err != nil {
		t.Fatal(err)
	}
	in := b.String()
	keep := []int32{-1, -1, 0, -1, -1, -1, 1, 2, -1} // cve_ent, tipo_procedimiento, importe
	full, _, _, _ := scan(in, 0, len(in), ',', 1, false)
	proj, _, _, e := scanKeep(in, 0, len(in), ',', 1, false, keep, true)
	if e != nil {
		t.Fatal(e)
	}
	if !proj.packed || len(proj.pack)*4 > len(in) {
		t.Fatalf("pack of %d bytes for %d of input (packed %v): want under a quarter", len(proj.pack), len(in), proj.packed)
	}
	for rec := 0; rec < full.n(); rec++ {
		for _, j := range []int{2, 6, 7} {
			if got, want := proj.rawField(rec, j), full.rawField(rec, j); got != want {
				t.Fatalf("record %d field %d: %q from the pack, %q from the input", rec, j, got, want)
			}
		}
	}
}

// TestPipelinedColumnsMatchesReadCSV reads random tricky tables through
// the pipeline in tiny blocks with Columns (the projected scan) and
// compares table, report and error with ReadCSV with the same Columns
// (the full scan).
func TestPipelinedColumnsMatchesReadCSV(t *testing.T) {
	withTinyPipeline(t)
	dir := t.TempDir()
	r := rand.New(rand.NewSource(12))
	before := pipeProjected.Load()
	for k := 0; k < 300; k++ {
		in := trickyTable(r)
		all, err := ReadCSV(strings.NewReader(in))
		if err != nil {
			continue
		}
		names := all.Names()
		var cols []string
		for _, n := range names {
			if r.Intn(2) == 0 {
				cols = append(cols, n)
			}
		}
		if len(cols) == 0 {
			cols = names[:1]
		}
		if r.Intn(10) == 0 {
			cols = append(cols, "no_such_column")
		}
		path := writeTemp(t, dir, "t.csv", in)
		var wantRep, gotRep Report
		want, werr := ReadCSV(strings.NewReader(in), Source("t.csv"), WithReport(&wantRep), Columns(cols...))
		got, gerr := ReadCSVFile(path, WithReport(&gotRep), Columns(cols...))
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("input %d %q: ordinary err %v\npipelined err %v", k, cols, werr, gerr)
		}
		if werr != nil {
			continue
		}
		if msg := frameDiff(want, got); msg != "" {
			t.Fatalf("input %d %q: %s", k, cols, msg)
		}
		if !reflect.DeepEqual(wantRep, gotRep) {
			t.Fatalf("input %d %q: reports differ:\nordinary  %+v\npipelined %+v", k, cols, wantRep, gotRep)
		}
	}
	if n := pipeProjected.Load() - before; n < 100 {
		t.Errorf("only %d of 300 reads used the projected scan", n)
	}
}

// unreadableCSV lists the files of testdata/csv that ReadCSV must refuse,
// with the error each must wrap; every other file must read.
var unreadableCSV = map[string]error{
	"accept_inegi_indicadores_html.csv": ErrFormat, // an HTML page saved with a .csv name
}

// TestPipelinedColumnsRealFiles reads every real file of testdata/csv
// with each of its columns alone and with all but its first, through the
// pipeline and through ReadCSV (both projected), and compares both with
// the file read whole and then selected (full scan).
func TestPipelinedColumnsRealFiles(t *testing.T) {
	withTinyPipeline(t)
	entries, err := filepath.Glob(filepath.Join("testdata", "csv", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range entries {
		name := filepath.Base(path)
		if name == "README.md" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			in, err := readFileString(path)
			if err != nil {
				t.Fatal(err)
			}
			all, err := ReadCSV(strings.NewReader(in))
			if want, bad := unreadableCSV[name]; bad {
				if !errors.Is(err, want) {
					t.Fatalf("ReadCSV: err %v, want one wrapping %v (the file is listed as unreadable)", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			names := all.Names()
			sets := [][]string{names[1:]}
			for _, n := range names {
				sets = append(sets, []string{n})
			}
			for _, cols := range sets {
				if len(cols) == 0 {
					continue
				}
				var wantRep, gotRep Report
				want, werr := ReadCSV(strings.NewReader(in), Source(name), WithReport(&wantRep), Columns(cols...))
				got, gerr := ReadCSVFile(path, WithReport(&gotRep), Columns(cols...))
				if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
					t.Fatalf("%q: ordinary err %v\npipelined err %v", cols, werr, gerr)
				}
				if werr != nil {
					continue
				}
				if msg := frameDiff(want, got); msg != "" {
					t.Fatalf("%q: %s", cols, msg)
				}
				if msg := frameDiff(all.Select(cols), got); msg != "" { // all columns read, then selected
					t.Fatalf("%q against all columns: %s", cols, msg)
				}
				if !reflect.DeepEqual(wantRep, gotRep) {
					t.Fatalf("%q: reports differ:\nordinary  %+v\npipelined %+v", cols, wantRep, gotRep)
				}
			}
		})
	}
}

// TestTrickyTablesMatchReference holds the fast reader (serial and
// parallel scan, with and without Columns, and the pipelined file reader
// with Columns) to the plain
// reference reader (encoding/csv and row-by-row typing) on the tricky
// tables, whose blank, whitespace-only and non-breaking-space lines the
// scanner's blank-record shortcut must not misjudge. Tables where the
// fast reader rejoins or rejects a too-wide row (the reference has no such
// rule) are left out.
func TestTrickyTablesMatchReference(t *testing.T) {
	withTinyPipeline(t)
	dir := t.TempDir()
	r := rand.New(rand.NewSource(13))
	compared := 0
	for k := 0; k < 300; k++ {
		in := trickyTable(r)
		want, werr := referenceCSV(in)
		if werr != nil {
			continue
		}
		var rep Report
		if _, err := ReadCSV(strings.NewReader(in), WithReport(&rep)); err != nil || strings.Contains(strings.Join(rep.Notes, " "), "were joined") {
			continue
		}
		compared++
		for _, w := range []int{1, 3} {
			got, err := ReadCSV(strings.NewReader(in), Workers(w))
			if err != nil {
				t.Fatalf("case %d workers %d: %v", k, w, err)
			}
			if msg := frameDiff(want, got); msg != "" {
				t.Fatalf("case %d workers %d: %s\n%q", k, w, msg, in)
			}
		}
		names := want.Names()
		cols := names[len(names)/2:]
		for _, w := range []int{1, 3} {
			got, err := ReadCSV(strings.NewReader(in), Workers(w), Columns(cols...))
			if err != nil {
				t.Fatalf("case %d workers %d Columns(%q): %v", k, w, cols, err)
			}
			if msg := frameDiff(want.Select(cols), got); msg != "" {
				t.Fatalf("case %d workers %d Columns(%q): %s\n%q", k, w, cols, msg, in)
			}
		}
		got, err := ReadCSVFile(writeTemp(t, dir, "t.csv", in), Columns(cols...))
		if err != nil {
			t.Fatalf("case %d pipelined: %v", k, err)
		}
		if msg := frameDiff(want.Select(cols), got); msg != "" {
			t.Fatalf("case %d pipelined %q: %s\n%q", k, cols, msg, in)
		}
	}
	if compared < 150 {
		t.Errorf("only %d of 300 tables compared", compared)
	}
}

// FuzzScanKeep holds the projected scan to the full scan on arbitrary
// input: the same records, lines, field counts, blank records, fields and
// errors. mask picks the keep table: its top three bits say how many
// positions the table covers, its low bits which of them are kept.
func FuzzScanKeep(f *testing.F) {
	for _, s := range []string{
		"a,b,c\n1,2,3\n",
		"a;b\r\n\"x;\ny\";2\r\n\r\n;;\n",
		"t\xedtulo\nA,B,C\n\"1,5\",N/D,\n \t,\xa0\n",
		"a,b\n\"unclosed,2\n3,4\n",
		"\"a\"\"b\",c,\n\"\"\"\",d,e,f,g\n,\n",
	} {
		f.Add(s, uint16(0x4005))
		f.Add(s, uint16(0xE0F2))
	}
	f.Fuzz(func(t *testing.T, in string, mask uint16) {
		d := sniffDelimiter(in)
		keep := make([]int32, mask>>13)
		kept := 0
		for j := range keep {
			keep[j] = -1
			if mask&(1<<j) != 0 {
				keep[j] = int32(kept)
				kept++
			}
		}
		full, fend, fnl, ferr := scan(in, 0, len(in), d, 1, false)
		proj, pend, pnl, perr := scanKeep(in, 0, len(in), d, 1, false, keep, false)
		if !reflect.DeepEqual(ferr, perr) || fend != pend || fnl != pnl {
			t.Fatalf("full scan (%d, %d, %v), projected (%d, %d, %v)", fend, fnl, ferr, pend, pnl, perr)
		}
		if ferr != nil {
			return
		}
		for _, w := range []bool{false, true} {
			full.win1252, proj.win1252 = w, w
			if full.n() != proj.n() {
				t.Fatalf("%d records, projected %d", full.n(), proj.n())
			}
			for rec := 0; rec < full.n(); rec++ {
				if full.lines[rec] != proj.lines[rec] || full.nf(rec) != proj.nf(rec) || full.allEmpty(rec) != proj.allEmpty(rec) {
					t.Fatalf("record %d: line %d/%d, fields %d/%d, empty %v/%v", rec,
						full.lines[rec], proj.lines[rec], full.nf(rec), proj.nf(rec), full.allEmpty(rec), proj.allEmpty(rec))
				}
				if !reflect.DeepEqual(full.record(rec), proj.record(rec)) {
					t.Fatalf("record %d: %q, projected %q", rec, full.record(rec), proj.record(rec))
				}
				blank := true
				for _, v := range full.record(rec) {
					blank = blank && strings.TrimSpace(v) == ""
				}
				if blank != full.allEmpty(rec) {
					t.Fatalf("record %d %q: allEmpty %v", rec, full.record(rec), full.allEmpty(rec))
				}
				for j := 0; j < full.nf(rec); j++ {
					if full.field(rec, j) != proj.field(rec, j) {
						t.Fatalf("record %d field %d: %q, projected %q", rec, j, full.field(rec, j), proj.field(rec, j))
					}
				}
			}
		}
	})
}

// TestPipelinedColumnsWindows1252Header checks that a Windows-1252 file
// whose selected column has an accented name is read with the projected
// scan and that the column is stored by the scan (not found again row by
// row).
func TestPipelinedColumnsWindows1252Header(t *testing.T) {
	withTinyPipeline(t)
	var b strings.Builder
	b.WriteString(win("clave,año,municipio,población\r\n"))
	for i := 0; i < 400; i++ {
		b.WriteString(win("0" + string(rune('1'+i%9)) + ",2020,Peñón,1234\r\n"))
	}
	path := writeTemp(t, t.TempDir(), "w.csv", b.String())
	before := pipeProjected.Load()
	df, err := ReadCSVFile(path, Columns("año", "población"))
	if err != nil {
		t.Fatal(err)
	}
	if pipeProjected.Load() != before+1 {
		t.Fatal("the projected scan was not used")
	}
	if got := strings.Join(df.Names(), "|"); got != "año|población" || df.Nrow() != 400 {
		t.Fatalf("names %s, %d rows", got, df.Nrow())
	}
	in, _ := readFileString(path)
	cfg := newConfig([]Option{Columns("año", "población")})
	keep := cfg.projection(in, 0, ',', true)
	if want := []int32{-1, 0, -1, 1}; !reflect.DeepEqual(keep, want) {
		t.Fatalf("keep %v, want %v", keep, want)
	}
}

// TestSkipFieldsPasses checks skipFields against fieldEnd on random text of
// delimiters, quotes, line ends and letters: every field it passes ends at
// a delimiter, holds no line feed, does not start with a quote (after the
// first), and it passes no more than asked; on plain records it passes
// every field it was asked to.
func TestSkipFieldsPasses(t *testing.T) {
	r := rand.New(rand.NewSource(19))
	alphabet := []byte(`,,,;"\n\rab é`)
	for k := 0; k < 20000; k++ {
		b := make([]byte, r.Intn(60))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		s := "x" + string(b)
		want := 1 + r.Intn(6)
		at, count, end := skipFields(s, 0, ',', want)
		if count > want {
			t.Fatalf("%q: passed %d fields, asked for %d", s, count, want)
		}
		pos, last := 0, 0
		for c := 0; c < count; c++ {
			if c > 0 && s[pos] == '"' {
				t.Fatalf("%q: passed a field starting with a quote at %d", s, pos)
			}
			j := fieldEnd(s, pos, ',')
			if j >= len(s) || s[j] != ',' {
				t.Fatalf("%q: passed field %d from %d, which does not end at a delimiter (%d)", s, c+1, pos, j)
			}
			last, pos = j, j+1
		}
		if count > 0 && (at != pos || end != last) {
			t.Fatalf("%q: stopped at %d (end %d), fields lead to %d (end %d)", s, at, end, pos, last)
		}
		if count == 0 && at != 0 {
			t.Fatalf("%q: passed no field but moved to %d", s, at)
		}
	}
	plain := "aaaa,bb,cccccc,d,eeeeeeeeeeee,f,ggggg,hh\n"
	if at, count, _ := skipFields(plain, 0, ',', 5); count != 5 || plain[at] != 'f' {
		t.Errorf("plain record: passed %d fields to %q, want 5 to f", count, plain[at:])
	}
}
