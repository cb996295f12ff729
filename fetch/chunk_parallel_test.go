package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/go-gota/gota/dataframe"
)

// smallBlocks makes parallel streaming cut its input into tiny blocks, so
// that small inputs cross many block ends.
func smallBlocks(t testing.TB, block, read int) {
	t.Helper()
	b, r := parBlock, parRead
	parBlock, parRead = block, read
	t.Cleanup(func() { parBlock, parRead = b, r })
}

// chunkRun is what one EachChunk call handed out and said.
type chunkRun struct {
	chunks []dataframe.DataFrame
	rep    string
	err    string
}

func runChunks(data []byte, rows int, opts ...Option) chunkRun {
	var out chunkRun
	var rep Report
	opts = append(opts, WithReport(&rep))
	err := EachChunk(bytes.NewReader(data), rows, func(df dataframe.DataFrame) error {
		out.chunks = append(out.chunks, df)
		return nil
	}, opts...)
	if err != nil {
		out.err = err.Error()
	}
	out.rep = rep.String()
	return out
}

// sameRuns says how two runs differ, or "".
func sameRuns(a, b chunkRun) string {
	if a.err != b.err {
		return fmt.Sprintf("errors differ:\n%s\n%s", a.err, b.err)
	}
	if len(a.chunks) != len(b.chunks) {
		return fmt.Sprintf("%d chunks against %d", len(a.chunks), len(b.chunks))
	}
	for i := range a.chunks {
		if msg := frameDiff(a.chunks[i], b.chunks[i]); msg != "" {
			return fmt.Sprintf("chunk %d: %s", i+1, msg)
		}
	}
	if a.err == "" && a.rep != b.rep {
		return fmt.Sprintf("reports differ:\n%s\n---\n%s", a.rep, b.rep)
	}
	return ""
}

// TestEachChunkParallelMatchesSerial holds the parallel streaming path to
// the serial one (Workers(1)) on every CSV fixture, on generated contracts
// (UTF-8 and the messy Windows-1252 twin) and on inputs made to fool the
// block cutting, with blocks small enough that every input crosses many.
func TestEachChunkParallelMatchesSerial(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "csv", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{}
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = b
	}
	inputs["contracts"] = []byte(contractsCSV(t, 3000, false))
	inputs["contracts_1252"] = []byte(contractsCSV(t, 3000, true))
	long := strings.Repeat("x", 3000)
	inputs["stray quote"] = []byte("a,b\n" + strings.Repeat("1,5\" pipe\n2,ok\n", 400))
	inputs["quoted line ends"] = []byte("a,b\n" + strings.Repeat("\"one\ntwo\",3\n\"x\"\"y\",4\n", 300))
	inputs["long record"] = []byte("a,b\n1,2\n3," + long + "\n5,6\n")
	inputs["unclosed quote"] = []byte("a,b\n" + strings.Repeat("1,2\n", 500) + "3,\"never\n" + strings.Repeat("4,5\n", 500))
	inputs["notes and blanks"] = []byte("Título\n\na,b\n" + strings.Repeat("1,2\n\n", 400) + "Fuente: INEGI\nNota: cifras preliminares\n")
	inputs["mixed encodings"] = []byte("estado,n\n" + strings.Repeat("Michoac\xe1n,1\n", 300) + strings.Repeat("Michoacán,2\n", 300))
	inputs["bad utf8"] = []byte("estado,n\n" + strings.Repeat("Yucatán,1\n", 300) + "Le\xf3n,2\n")
	inputs["type change"] = []byte("a,b\n" + strings.Repeat("1,2\n", 400) + "x,3\n")
	inputs["bom"] = append([]byte("\xEF\xBB\xBF"), []byte("sep=;\nc;d\n"+strings.Repeat("01;2,5\n", 500))...)
	inputs["lone CR"] = []byte("a,b\n" + strings.Repeat("1,x\ry\n", 300))
	used := parUsed.Load()
	defer func() {
		if parUsed.Load()-used < 1000 {
			t.Errorf("only %d blocks scanned in parallel", parUsed.Load()-used)
		}
	}()
	for _, bs := range []struct{ block, read int }{{64, 32}, {700, 300}, {4096, 1000}} {
		smallBlocks(t, bs.block, bs.read)
		for name, in := range inputs {
			for _, rows := range []int{7, 250} {
				opts := []Option{Source(name)}
				serial := runChunks(in, rows, append(opts, Workers(1))...)
				par := runChunks(in, rows, append(opts, Workers(3))...)
				if msg := sameRuns(serial, par); msg != "" {
					t.Errorf("%s, blocks of %d, chunks of %d rows: %s", name, bs.block, rows, msg)
				}
			}
		}
	}
}

// TestEachChunkParallelColumns holds the projected parallel scan (blocks
// that store only the selected columns' fields) to the serial path.
func TestEachChunkParallelColumns(t *testing.T) {
	sesnsp, err := os.ReadFile(csvFile("sesnsp_idefc_estatal_2026.csv"))
	if err != nil {
		t.Fatal(err)
	}
	idefc, err := os.ReadFile(csvFile("accept_idefc_nm_cp1252.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   []byte
		cols []string
	}{
		{"contracts", []byte(contractsCSV(t, 5000, false)), []string{"cve_ent", "importe"}},
		{"contracts_1252", []byte(contractsCSV(t, 5000, true)), []string{"importe", "estado"}},
		{"sesnsp", sesnsp, []string{"Entidad", "Enero", "Diciembre"}},
		{"idefc", idefc, []string{"Municipio", "Enero"}},
		{"missing column", sesnsp, []string{"Entidad", "Trece"}},
		{"ragged", []byte("a,b,c\n" + strings.Repeat("1,2,3\n4,5\n6,7,8,9\n", 300)), []string{"c"}},
	}
	for _, block := range []int{64, 4096} {
		smallBlocks(t, block, 1024)
		for _, tt := range tests {
			opts := []Option{Source(tt.name), Columns(tt.cols...)}
			serial := runChunks(tt.in, 101, append(opts, Workers(1))...)
			par := runChunks(tt.in, 101, append(opts, Workers(2))...)
			if msg := sameRuns(serial, par); msg != "" {
				t.Errorf("%s, blocks of %d: %s", tt.name, block, msg)
			}
		}
	}
}

// TestEachChunkParallelLongLine checks that a record longer than
// LineBytes is refused, wherever the block ends fall.
func TestEachChunkParallelLongLine(t *testing.T) {
	in := []byte("a,b\n1,2\n3," + strings.Repeat("x", 3000) + "\n5,6\n")
	for _, block := range []int{64, 700} {
		smallBlocks(t, block, 256)
		run := runChunks(in, 10, Workers(2), WithLimits(Limits{LineBytes: 2048}))
		if !strings.Contains(run.err, "LineBytes") || !strings.Contains(run.err, "line 3") {
			t.Errorf("blocks of %d: err = %q", block, run.err)
		}
	}
}

// TestEachChunkParallelValues checks real values through the parallel
// path with blocks small enough to cut the file many times.
func TestEachChunkParallelValues(t *testing.T) {
	smallBlocks(t, 4096, 1024)
	in, err := os.ReadFile(csvFile("sesnsp_idefc_estatal_2026.csv"))
	if err != nil {
		t.Fatal(err)
	}
	run := runChunks(in, 500, Workers(4))
	if run.err != "" {
		t.Fatal(run.err)
	}
	rows, sum := 0, 0
	for _, df := range run.chunks {
		rows += df.Nrow()
		for _, v := range df.Col("Enero").Float() {
			if v == v {
				sum += int(v)
			}
		}
	}
	if rows != 3648 || sum != 154812 {
		t.Fatalf("rows %d, Enero total %d; want 3648, 154812", rows, sum)
	}
}

// TestEachChunkParallelTypeError checks that a value that does not fit the
// first chunk's type is still an error naming its line when it lies far
// into the input, and that the chunks before it were handed out in order.
func TestEachChunkParallelTypeError(t *testing.T) {
	smallBlocks(t, 1024, 512)
	var b strings.Builder
	b.WriteString("id,monto\n")
	for i := 1; i <= 5000; i++ {
		fmt.Fprintf(&b, "%d,%d.5\n", i, i)
	}
	b.WriteString("5001,N/A?\n")
	var seen []int
	err := EachChunk(strings.NewReader(b.String()), 1000, func(df dataframe.DataFrame) error {
		id, err := df.Col("id").Elem(0).Int()
		seen = append(seen, id)
		return err
	}, Workers(2), Source("m.csv"))
	if !errors.Is(err, ErrType) || !strings.Contains(err.Error(), "line 5002") {
		t.Fatalf("err = %v, want ErrType naming line 5002", err)
	}
	if fmt.Sprint(seen) != "[1 1001 2001 3001 4001]" {
		t.Fatalf("chunks started at ids %v", seen)
	}
}

// TestEachChunkParallelStops checks that an error from fn stops the
// reading and leaves no goroutine writing.
func TestEachChunkParallelStops(t *testing.T) {
	smallBlocks(t, 512, 256)
	in := contractsCSV(t, 5000, false)
	stop := errors.New("stop")
	var mu sync.Mutex
	calls := 0
	err := EachChunk(strings.NewReader(in), 100, func(dataframe.DataFrame) error {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	}, Workers(2))
	if err != stop || calls != 3 {
		t.Fatalf("err = %v after %d calls, want stop after 3", err, calls)
	}
}

func FuzzEachChunkParallel(f *testing.F) {
	fuzzSeeds(f)
	f.Add([]byte("a,b\n1,5\" x\n2,\"y\nz\"\n3,4\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		smallBlocks(t, 16, 8)
		serial := runChunks(data, 3, Workers(1))
		par := runChunks(data, 3, Workers(3))
		if msg := sameRuns(serial, par); msg != "" {
			t.Fatalf("serial and parallel differ: %s", msg)
		}
	})
}

// chunkStrings returns each chunk's records as one string, sorted, so
// that runs handing out the same chunks in another order compare equal.
func chunkStrings(chunks []dataframe.DataFrame) []string {
	out := make([]string, len(chunks))
	for i, df := range chunks {
		out[i] = fmt.Sprint(df.Records())
	}
	sort.Strings(out)
	return out
}

// TestEachChunkParallelFnMatchesEachChunk holds EachChunkParallel to
// EachChunk: the same chunks (in any order), the same report, the same
// errors, on the fixtures and inputs of the differential test above.
func TestEachChunkParallelFnMatchesEachChunk(t *testing.T) {
	smallBlocks(t, 700, 300)
	inputs := map[string][]byte{
		"contracts":      []byte(contractsCSV(t, 20000, false)),
		"contracts_1252": []byte(contractsCSV(t, 5000, true)),
		"type change":    []byte("a,b\n" + strings.Repeat("1,2\n", 4000) + "x,3\n" + strings.Repeat("1,2\n", 4000)),
		"unclosed quote": []byte("a,b\n" + strings.Repeat("1,2\n", 5000) + "3,\"never\n" + strings.Repeat("4,5\n", 50)),
	}
	// the IFE file's free-text last column holds unquoted commas: its rows
	// are rejoined, which EachChunkParallel once dropped in later chunks
	for _, f := range []string{"sesnsp_idefc_estatal_2026.csv", "inegi_censo2020_poblacion_municipio_sexo_consulta.csv", "accept_idefc_nm_cp1252.csv", "ife_computos_distritales_diputados_2009.txt"} {
		b, err := os.ReadFile(csvFile(f))
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = b
	}
	for name, in := range inputs {
		rows := 333
		if strings.HasPrefix(name, "ife_") {
			rows = 7 // 300 rows: chunks small enough to pass the first
		}
		for _, workers := range []int{1, 2, 4} {
			want := runChunks(in, rows, Source(name))
			var mu sync.Mutex
			var got chunkRun
			var rep Report
			busy := make([]bool, workers)
			err := EachChunkParallel(bytes.NewReader(in), rows, func(w int, df dataframe.DataFrame) error {
				mu.Lock()
				if busy[w] {
					t.Errorf("worker %d called twice at once", w)
				}
				busy[w] = true
				got.chunks = append(got.chunks, df)
				mu.Unlock()
				mu.Lock()
				busy[w] = false
				mu.Unlock()
				return nil
			}, Source(name), Workers(workers), WithReport(&rep))
			if err != nil {
				got.err = err.Error()
			}
			got.rep = rep.String()
			if got.err != want.err {
				t.Errorf("%s, %d workers: error %q, want %q", name, workers, got.err, want.err)
				continue
			}
			if want.err != "" {
				continue
			}
			if a, b := chunkStrings(got.chunks), chunkStrings(want.chunks); fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s, %d workers: %d chunks differ from EachChunk's %d", name, workers, len(a), len(b))
			}
			if got.rep != want.rep {
				t.Errorf("%s, %d workers: report\n%s\nwant\n%s", name, workers, got.rep, want.rep)
			}
		}
	}
}

// TestEachChunkParallelFnError checks that the earliest failing chunk's
// error is returned when several fail at once.
func TestEachChunkParallelFnError(t *testing.T) {
	in := contractsCSV(t, 20000, false)
	for _, workers := range []int{2, 3} {
		err := EachChunkParallel(strings.NewReader(in), 1000, func(w int, df dataframe.DataFrame) error {
			id := df.Col("id").Records()[0]
			if id[len(id)-7:] >= "0005001" {
				return fmt.Errorf("chunk from %s refused", id[len(id)-7:])
			}
			return nil
		}, Workers(workers))
		if err == nil || err.Error() != "chunk from 0005001 refused" {
			t.Fatalf("%d workers: err = %v", workers, err)
		}
	}
}

// TestEachChunkParallelReleasesReader checks that once EachChunk returns
// early (fn failed) it no longer reads from its reader.
func TestEachChunkParallelReleasesReader(t *testing.T) {
	smallBlocks(t, 4096, 1024)
	src := &countingReader{r: strings.NewReader(contractsCSV(t, 20000, false))}
	stop := errors.New("stop")
	err := EachChunk(src, 100, func(dataframe.DataFrame) error { return stop }, Workers(2))
	if err != stop {
		t.Fatalf("err = %v", err)
	}
	n := src.n
	runtime.Gosched()
	if src.n != n {
		t.Fatalf("read %d more bytes after EachChunk returned", src.n-n)
	}
}
