package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/gen"
)

// withTinyPipeline makes every file pipelined in blocks of a few hundred
// bytes, so small test files cross many block boundaries.
func withTinyPipeline(t *testing.T) {
	t.Helper()
	m, b, r, h := pipeMin, pipeBlock, pipeRead, pipeHead
	pipeMin, pipeBlock, pipeRead, pipeHead = 1, 300, 97, 128
	t.Cleanup(func() { pipeMin, pipeBlock, pipeRead, pipeHead = m, b, r, h })
}

func writeTemp(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPipelinedMatchesReadCSV is the differential test of the pipelined
// file reader against the ordinary path on random tables with quoted
// delimiters, quotes and line breaks, CRLF, missing markers, leading-zero
// codes and Windows-1252, and on inputs that must fall back (BOM, stray
// quotes that fool the block boundaries, old Mac line ends, UTF-16).
func TestPipelinedMatchesReadCSV(t *testing.T) {
	withTinyPipeline(t)
	dir := t.TempDir()
	r := rand.New(rand.NewSource(11))
	inputs := map[string]string{
		"bom":          "\xEF\xBB\xBFa,b\n1,2\n3,4\n",
		"stray quotes": strings.Repeat("x,\"y\n", 40) + "a,b\n" + strings.Repeat("1,\"2\"\n", 200),
		"old mac":      strings.Repeat("a,b\r1,2\r", 50),
		"utf16":        "\xFF\xFEa\x00,\x00b\x00\n\x001\x00,\x002\x00\n\x00",
		"stray utf8":   strings.Repeat("año,número\n1,2\n", 50) + "\xe9,3\n",
		"empty":        "   \n\n",
		"unclosed":     "a,b\n1,\"2\n" + strings.Repeat("3,4\n", 100),
		// carriage returns: counted block by block, noted as the
		// ordinary path notes them
		"crlf":         "a,b\r\n" + strings.Repeat("1,2\r\n", 200),
		"lone cr late": "a,b\r\n" + strings.Repeat("1,2\r\n", 150) + "3,x\ry\r\n" + strings.Repeat("5,6\r\n", 50),
		"lone cr end":  "a,b\n" + strings.Repeat("1,2\n", 150) + "3,4\r",
	}
	for k := 0; k < 150; k++ {
		inputs["random"+string(rune('A'+k%26))+strings.Repeat("_", k/26)] = randomTable(r)
	}
	before := pipeFinished.Load()
	defer func() {
		if n := pipeFinished.Load() - before; n < 100 {
			t.Errorf("only %d of %d inputs went through the pipeline", n, len(inputs))
		}
	}()
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			path := writeTemp(t, dir, "t.csv", in)
			var wantRep, gotRep Report
			want, werr := ReadCSV(strings.NewReader(in), Source("t.csv"), WithReport(&wantRep))
			got, gerr := ReadCSVFile(path, WithReport(&gotRep))
			if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
				t.Fatalf("ordinary err %v\npipelined err %v", werr, gerr)
			}
			if werr != nil {
				return
			}
			if msg := frameDiff(want, got); msg != "" {
				t.Fatal(msg)
			}
			if !reflect.DeepEqual(wantRep, gotRep) {
				t.Fatalf("reports differ:\nordinary  %+v\npipelined %+v", wantRep, gotRep)
			}
			// with Columns, blocks let go of their text (and read it
			// back for ragged and blank rows and duplicates)
			if names := want.Names(); len(names) > 1 {
				checkColumnsRead(t, path, in, names[len(names)/2:])
			}
		})
	}
}

// checkColumnsRead holds ReadCSVFile(path, Columns(cols...)) to ReadCSV on
// in: the same table, report and error.
func checkColumnsRead(t *testing.T, path, in string, cols []string) {
	t.Helper()
	var wantRep, gotRep Report
	want, werr := ReadCSV(strings.NewReader(in), Source(filepath.Base(path)), WithReport(&wantRep), Columns(cols...))
	got, gerr := ReadCSVFile(path, WithReport(&gotRep), Columns(cols...))
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("Columns(%q): ordinary err %v\npipelined err %v", cols, werr, gerr)
	}
	if werr != nil {
		return
	}
	if msg := frameDiff(want, got); msg != "" {
		t.Fatalf("Columns(%q): %s", cols, msg)
	}
	if !reflect.DeepEqual(wantRep, gotRep) {
		t.Fatalf("Columns(%q): reports differ:\nordinary  %+v\npipelined %+v", cols, wantRep, gotRep)
	}
	// and both as the table read whole, then selected (no projection)
	if all, err := ReadCSV(strings.NewReader(in)); err == nil {
		if msg := frameDiff(all.Select(cols), got); msg != "" {
			t.Fatalf("Columns(%q) against the whole table selected: %s", cols, msg)
		}
	}
}

// oddRows is a table whose rows the layout looks at whole here and there:
// blank lines, ragged rows, free text split by the delimiter, duplicate
// rows and a note at the end, spread over many blocks.
func oddRows() string {
	var b strings.Builder
	b.WriteString("Secretaría de ejemplo, datos 2024\n\nclave,estado,monto,nota\n")
	for i := 0; i < 400; i++ {
		switch {
		case i%97 == 5:
			b.WriteString("\n")
		case i%89 == 7:
			b.WriteString("07,Chiapas\n") // short
		case i%83 == 9:
			b.WriteString("09,CDMX,12.5,texto, con, comas\n") // joined
		case i%71 == 3:
			b.WriteString("03,Baja California Sur,1,dup\n")
		default:
			fmt.Fprintf(&b, "%02d,Estado %d,%d.%02d,\"n %d\"\n", i%32+1, i%32, i*7, i%100, i)
		}
	}
	b.WriteString("Fuente: elaboración propia\n")
	return b.String()
}

// TestPipelinedReadsBack checks the blocks of a Columns read that let go
// of their text: the records the layout needs again are read back from
// the file (the result is the ordinary path's), and a file changed in
// the meantime is an error wrapping ErrChanged, never a wrong value.
func TestPipelinedReadsBack(t *testing.T) {
	withTinyPipeline(t)
	dir := t.TempDir()
	in := oddRows()
	path := writeTemp(t, dir, "odd.csv", in)
	let, back := pipeLetGo.Load(), pipeRereads.Load()
	checkColumnsRead(t, path, in, []string{"estado", "monto"})
	if pipeLetGo.Load() == let {
		t.Error("no block let go of its text")
	}
	if pipeRereads.Load() == back {
		t.Error("no block was read back")
	}
	// changed between the scan and the reading back: same length, one
	// row of the middle altered
	changed := strings.Replace(in, "03,Baja California Sur,1,dup", "03,Baja California Sur,1,DUP", 2)
	if len(changed) != len(in) || changed == in {
		t.Fatal("bad test input")
	}
	for name, edit := range map[string]func() error{
		"altered":   func() error { return os.WriteFile(path, []byte(changed), 0o644) },
		"truncated": func() error { return os.Truncate(path, int64(len(in)/3)) },
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
				t.Fatal(err)
			}
			pipeAfterScan = func() {
				if err := edit(); err != nil {
					t.Error(err)
				}
			}
			defer func() { pipeAfterScan = nil }()
			_, err := ReadCSVFile(path, Columns("estado", "monto"))
			if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), "odd.csv") {
				t.Fatalf("err = %v, want one wrapping ErrChanged that names the file", err)
			}
		})
	}
}

// TestPipelinedGeneratedFiles reads the generated contracts files (clean
// UTF-8 and messy Windows-1252 with CRLF and quoted amounts) with the real
// block sizes and compares them with the ordinary path.
func TestPipelinedGeneratedFiles(t *testing.T) {
	dir := t.TempDir()
	for _, messy := range []bool{false, true} {
		var b bytes.Buffer
		var err error
		if messy {
			err = gen.ContractsMessy(&b, 60_000, 2)
		} else {
			err = gen.Contracts(&b, 60_000, 2)
		}
		if err != nil {
			t.Fatal(err)
		}
		if int64(b.Len()) < pipeMin {
			t.Fatalf("%d bytes: too small to be pipelined", b.Len())
		}
		m := pipeBlock
		pipeBlock = 1 << 20 // several blocks
		path := writeTemp(t, dir, "c.csv", b.String())
		var wantRep, gotRep Report
		before, let, back := pipeFinished.Load(), pipeLetGo.Load(), pipeRereads.Load()
		got, gerr := ReadCSVFile(path, WithReport(&gotRep), Columns("fecha", "estado", "importe"))
		blocks := b.Len() / pipeBlock
		pipeBlock = m
		if pipeFinished.Load() != before+1 {
			t.Error("the pipeline fell back to the ordinary path")
		}
		// every block but the first and the last lets go of its text, and
		// none is read back: the file has no row the layout needs whole
		if n := pipeLetGo.Load() - let; n < int64(blocks-2) || n >= int64(blocks) || pipeRereads.Load() != back {
			t.Errorf("%d of about %d blocks let go of their text, %d read back", n, blocks, pipeRereads.Load()-back)
		}
		want, werr := ReadCSV(strings.NewReader(b.String()), Source("c.csv"), WithReport(&wantRep), Columns("fecha", "estado", "importe"))
		if werr != nil || gerr != nil {
			t.Fatal(werr, gerr)
		}
		if msg := frameDiff(want, got); msg != "" {
			t.Fatal(msg)
		}
		if !reflect.DeepEqual(wantRep, gotRep) {
			t.Fatalf("reports differ:\nordinary  %+v\npipelined %+v", wantRep, gotRep)
		}
		// the projected reads type their columns through windows of
		// rows; the whole table read and then selected gathers them
		all, err := ReadCSV(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if msg := frameDiff(all.Select([]string{"fecha", "estado", "importe"}), got); msg != "" {
			t.Fatalf("against the whole table selected: %s", msg)
		}
		if want := map[bool]string{false: encUTF8, true: encWin1252}[messy]; gotRep.Encoding != want {
			t.Errorf("encoding %q, want %q", gotRep.Encoding, want)
		}
	}
}

// FuzzPipelined holds the pipelined file reader (with tiny blocks, so any
// input crosses block boundaries) to the ordinary path on arbitrary input:
// the same table, report and error.
func FuzzPipelined(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n",
		"a;b\r\n\"x;\ny\";2\r\n",
		"t\xedtulo\nA,B\n\"1,5\",N/D\n",
		"a,b\n\"unclosed,2\n3,4\n",
		"sep=|\na|b\n1|2\n",
		"\"a\"\"b\",c\n\"\"\"\",d\n",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, in string) {
		m, b, r, h := pipeMin, pipeBlock, pipeRead, pipeHead
		pipeMin, pipeBlock, pipeRead, pipeHead = 1, 64, 17, 32
		defer func() { pipeMin, pipeBlock, pipeRead, pipeHead = m, b, r, h }()
		path := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
			t.Fatal(err)
		}
		var wantRep, gotRep Report
		want, werr := ReadCSV(strings.NewReader(in), Source("f.csv"), WithReport(&wantRep))
		got, gerr := ReadCSVFile(path, WithReport(&gotRep))
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("ordinary err %v\npipelined err %v", werr, gerr)
		}
		if werr != nil {
			return
		}
		if msg := frameDiff(want, got); msg != "" {
			t.Fatal(msg)
		}
		if !reflect.DeepEqual(wantRep, gotRep) {
			t.Fatalf("reports differ:\nordinary  %+v\npipelined %+v", wantRep, gotRep)
		}
		// with Columns: the pipeline scans only the selected fields
		if names := want.Names(); len(names) > 1 {
			checkColumnsRead(t, path, in, names[len(names)/2:])
		}
	})
}

// TestPipelinedRealFiles reads the real government files of testdata/csv
// (title lines, notes, Windows-1252, "sep=" lines, pipes) through the
// pipeline in tiny blocks and compares them with the ordinary path.
func TestPipelinedRealFiles(t *testing.T) {
	withTinyPipeline(t)
	entries, err := os.ReadDir(filepath.Join("testdata", "csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == "README.md" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			path := csvFile(name)
			in, err := readFileString(path)
			if err != nil {
				t.Fatal(err)
			}
			var wantRep, gotRep Report
			want, werr := ReadCSV(strings.NewReader(in), Source(name), WithReport(&wantRep))
			before := pipeFinished.Load()
			got, gerr := ReadCSVFile(path, WithReport(&gotRep))
			if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
				t.Fatalf("ordinary err %v\npipelined err %v", werr, gerr)
			}
			if werr != nil {
				return
			}
			if pipeFinished.Load() == before {
				t.Logf("%s fell back to the ordinary path (%s)", name, gotRep.Encoding)
			}
			if msg := frameDiff(want, got); msg != "" {
				t.Fatal(msg)
			}
			if !reflect.DeepEqual(wantRep, gotRep) {
				t.Fatalf("reports differ:\nordinary  %+v\npipelined %+v", wantRep, gotRep)
			}
		})
	}
}
