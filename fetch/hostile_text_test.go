package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// The standing hostile-input suite of the readers. Every input is
// generated here, never stored: streams of NUL bytes, a line of a hundred
// megabytes, JSON records with a new key each, rows of mixed encodings,
// pages of ten thousand tables, workbooks that expand to gigabytes. Each
// must end in a clear error or the right answer, within a hang guard.
//
// The largest inputs (tens of megabytes) run only with CIFRA_HOSTILE=1:
// .ci/run runs `go test -run Hostile` that way under a memory limit, and
// the ordinary test run (with -race) keeps to smaller ones.

// hostileFull reports whether the full-size inputs run.
func hostileFull() bool { return os.Getenv("CIFRA_HOSTILE") != "" }

// needFull skips a test whose input is too large for the ordinary run.
func needFull(t *testing.T) {
	t.Helper()
	if !hostileFull() {
		t.Skip("large hostile input: run with CIFRA_HOSTILE=1 (see .ci/run)")
	}
}

// hangGuard is how long a hostile input may take before the test calls it
// a hang. It is a guard against loops, not a measure of speed.
const hangGuard = 90 * time.Second

// within runs fn in a goroutine and fails the test if it does not return
// within hangGuard.
func within(t *testing.T, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(hangGuard):
		t.Fatalf("no answer within %v", hangGuard)
		return nil
	}
}

// wantErr checks that err wraps target and mentions every part.
func wantErr(t *testing.T, err, target error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one wrapping %v", target)
	}
	if !errors.Is(err, target) {
		t.Fatalf("error %q does not wrap %v", err, target)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
	if strings.Count(err.Error(), "fetch:") != 1 {
		t.Errorf("error %q: want exactly one \"fetch:\" prefix", err)
	}
}

// repeatReader yields c forever.
type repeatReader struct{ c byte }

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.c
	}
	return len(p), nil
}

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestHostileCSVNulStream(t *testing.T) {
	src := &countingReader{r: repeatReader{0}}
	err := within(t, func() error { _, err := ReadCSV(src); return err })
	wantErr(t, err, ErrFormat, "byte 1 is NUL")
	if src.n > 1<<20 {
		t.Errorf("read %d bytes of a NUL stream before failing, want at most one block", src.n)
	}
	// A text start followed by endless NUL bytes: the line budget stops
	// it (NUL bytes hold no line end).
	mixed := io.MultiReader(strings.NewReader(strings.Repeat("a,b\n", 5000)), repeatReader{0})
	err = within(t, func() error {
		_, err := ReadCSV(mixed, WithLimits(Limits{LineBytes: 1 << 20}))
		return err
	})
	wantErr(t, err, ErrTooLarge, "LineBytes")
}

func TestHostileCSVDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	err := within(t, func() error { _, err := ReadCSVFile("/dev/zero"); return err })
	wantErr(t, err, ErrFormat, "byte 1 is NUL")
}

func TestHostileCSVEndlessStream(t *testing.T) {
	// Valid lines forever: the input budget ends it.
	lines := &countingReader{r: strings.NewReader("")}
	lines.r = io.MultiReader(strings.NewReader("a,b\n"), &loopReader{s: "1,2\n"})
	err := within(t, func() error {
		_, err := ReadCSV(lines, WithLimits(Limits{InputBytes: 8 << 20}))
		return err
	})
	wantErr(t, err, ErrTooLarge, "InputBytes")
}

// loopReader yields s over and over.
type loopReader struct {
	s string
	i int
}

func (l *loopReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], l.s[l.i:])
		n += c
		l.i = (l.i + c) % len(l.s)
	}
	return n, nil
}

func TestHostileCSVLongLine(t *testing.T) {
	size := 17 << 20 // over the default LineBytes
	if hostileFull() {
		size = 100 << 20
	}
	for _, c := range []byte{'a', ','} {
		t.Run(fmt.Sprintf("%q", c), func(t *testing.T) {
			err := within(t, func() error {
				_, err := ReadCSV(io.LimitReader(repeatReader{c}, int64(size)))
				return err
			})
			wantErr(t, err, ErrTooLarge, "LineBytes")
		})
	}
	t.Run("lowered budget", func(t *testing.T) {
		in := "a,b\n1,2\n" + strings.Repeat("x", 3<<20) + "\n3,4\n"
		_, err := ReadCSV(strings.NewReader(in), WithLimits(Limits{LineBytes: 1 << 20}))
		wantErr(t, err, ErrTooLarge, "LineBytes")
		df, err := ReadCSV(strings.NewReader(in), WithLimits(Limits{LineBytes: 8 << 20}))
		if err != nil {
			t.Fatal(err)
		}
		if df.Nrow() != 3 {
			t.Errorf("rows = %d, want 3", df.Nrow())
		}
	})
}

func TestHostileCSVWideLine(t *testing.T) {
	// 100,000 fields on one line: far more columns than any table.
	in := strings.Repeat("c,", 100_000) + "c\n" + strings.Repeat("1,", 100_000) + "1\n"
	err := within(t, func() error { _, err := ReadCSV(strings.NewReader(in)); return err })
	wantErr(t, err, ErrTooLarge, "Columns", "line 1")
	err = within(t, func() error {
		return EachChunk(strings.NewReader(in), 10, func(dataframe.DataFrame) error { return nil })
	})
	wantErr(t, err, ErrTooLarge, "Columns")
}

func TestHostileEachChunkLongLine(t *testing.T) {
	size := int64(17 << 20)
	if hostileFull() {
		size = 100 << 20
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := within(t, func() error {
		return EachChunk(io.LimitReader(repeatReader{','}, size), 100, func(dataframe.DataFrame) error { return nil })
	})
	runtime.ReadMemStats(&after)
	wantErr(t, err, ErrTooLarge, "LineBytes")
	// flat memory: the line is given up at the budget, not held whole.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 512<<20 {
		t.Errorf("EachChunk allocated %d MB on a %d MB line", alloc>>20, size>>20)
	}
}

func TestHostileCSVMixedEncodings(t *testing.T) {
	// Rows from a UTF-8 export appended to a Windows-1252 one.
	var b bytes.Buffer
	b.WriteString("municipio,poblacion\n")
	for i := 0; i < 50; i++ {
		b.WriteString("Le\xf3n,1\n") // Windows-1252
		b.WriteString("Querétaro,2\n")
	}
	var rep Report
	df, err := ReadCSV(bytes.NewReader(b.Bytes()), WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	got := df.Col("municipio").Records()
	if got[0] != "León" || got[1] != "Querétaro" {
		t.Errorf("values = %q, %q; want León, Querétaro", got[0], got[1])
	}
	if !strings.Contains(rep.Encoding, "mixed") {
		t.Errorf("report encoding %q does not say the encodings are mixed", rep.Encoding)
	}
	// EachChunk: Windows-1252 first, UTF-8 later.
	var all []string
	rep = Report{}
	err = EachChunk(bytes.NewReader(b.Bytes()), 30, func(df dataframe.DataFrame) error {
		all = append(all, df.Col("municipio").Records()...)
		return nil
	}, WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if all[0] != "León" || all[1] != "Querétaro" {
		t.Errorf("EachChunk values = %q, %q; want León, Querétaro", all[0], all[1])
	}
	if !strings.Contains(rep.String(), "mixed") {
		t.Errorf("EachChunk report does not name the mix:\n%s", rep.String())
	}
}

func TestHostileCSVLoneCR(t *testing.T) {
	in := "a,b\n1,x\ry\n3,4\n"
	var rep Report
	df, err := ReadCSV(strings.NewReader(in), WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != 2 || df.Col("b").Records()[0] != "x\ry" {
		t.Errorf("got %d rows, b = %q; want the CR kept in its value, as encoding/csv does", df.Nrow(), df.Col("b").Records())
	}
	if !strings.Contains(rep.String(), "carriage return") || !strings.Contains(rep.String(), "line 2") {
		t.Errorf("the report does not mention the lone CR on line 2:\n%s", rep.String())
	}
}

func TestHostileNumbersOutOfRange(t *testing.T) {
	var rep Report
	df, err := ReadCSV(strings.NewReader("a,b\n1e400,1e-400\n2,3\n"), WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b"} {
		if typ := df.Col(name).Type(); typ != series.String {
			t.Errorf("column %s is %v, want String (no silent +Inf or 0)", name, typ)
		}
	}
	if !strings.Contains(rep.String(), "beyond the range of float64") {
		t.Errorf("the report does not give the reason:\n%s", rep.String())
	}
	_, err = ReadCSV(strings.NewReader("a\n1e400\n"), ColumnType("a", series.Float))
	wantErr(t, err, ErrType, "1e400")
	df, err = ReadJSON(strings.NewReader(`[{"x":1e400},{"x":2}]`))
	if err != nil {
		t.Fatal(err)
	}
	if df.Col("x").Type() != series.String || df.Col("x").Records()[0] != "1e400" {
		t.Errorf("JSON 1e400 read as %v %q", df.Col("x").Type(), df.Col("x").Records())
	}
}

func TestHostileJSONDistinctKeys(t *testing.T) {
	// 30,000 records of one distinct key each would be a 30,000 × 30,000
	// table.
	var b bytes.Buffer
	b.WriteString("[")
	for i := 0; i < 30000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"k%d":1}`, i)
	}
	b.WriteString("]")
	err := within(t, func() error { _, err := ReadJSON(bytes.NewReader(b.Bytes())); return err })
	wantErr(t, err, ErrTooLarge, "Cells")
	// One record with more keys than the Columns budget.
	b.Reset()
	b.WriteString("{")
	for i := 0; i < 20000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"k%d":1`, i)
	}
	b.WriteString("}")
	err = within(t, func() error { _, err := ReadJSON(bytes.NewReader(b.Bytes())); return err })
	wantErr(t, err, ErrTooLarge, "Columns")
}

func TestHostileJSONHugeValue(t *testing.T) {
	n := 400_000
	lim := Limits{Cells: 1_600_000} // one value may hold an eighth of Cells
	if hostileFull() {
		n, lim = 8_000_000, Limits{}
	}
	var b bytes.Buffer
	b.Grow(2*n + 4)
	b.WriteString("[[")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('0')
	}
	b.WriteString("]]")
	err := within(t, func() error { _, err := ReadJSON(bytes.NewReader(b.Bytes()), WithLimits(lim)); return err })
	wantErr(t, err, ErrTooLarge)
}

func TestHostileJSONCollisions(t *testing.T) {
	cases := []struct {
		name, in, note string
		want           map[string]string
	}{
		{"repeated key", `[{"a":1,"a":2,"b":3}]`, "repeated within a record", map[string]string{"a": "2", "b": "3"}},
		{"dotted key and nested path", `[{"a.b":1,"a":{"b":2}}]`, "dotted keys collided", map[string]string{"a.b": "2"}},
		{"across records", `[{"a.b":1},{"a":{"b":2}}]`, "fed both by a dotted key and by a nested object", map[string]string{"a.b": "1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var rep Report
			df, err := ReadJSON(strings.NewReader(c.in), WithReport(&rep))
			if err != nil {
				t.Fatal(err)
			}
			for col, v := range c.want {
				if got := df.Col(col).Records()[0]; got != v {
					t.Errorf("%s = %q, want %q", col, got, v)
				}
			}
			if !strings.Contains(rep.String(), c.note) {
				t.Errorf("the report does not say %q:\n%s", c.note, rep.String())
			}
		})
	}
	// Records with no collision report nothing.
	var rep Report
	if _, err := ReadJSON(strings.NewReader(`[{"a":{"b":1}},{"a":{"b":2}}]`), WithReport(&rep)); err != nil {
		t.Fatal(err)
	}
	if s := rep.String(); strings.Contains(s, "collided") || strings.Contains(s, "repeated") || strings.Contains(s, "fed both") {
		t.Errorf("a clean input reports a collision:\n%s", s)
	}
}

func TestHostileJSONEndlessStream(t *testing.T) {
	r := io.MultiReader(strings.NewReader("["), &loopReader{s: `{"a":1},`})
	err := within(t, func() error {
		_, err := ReadJSON(r, WithLimits(Limits{InputBytes: 1 << 20}))
		return err
	})
	wantErr(t, err, ErrTooLarge, "InputBytes")
}

func TestHostileHTMLSiblingTables(t *testing.T) {
	n := 2000
	if hostileFull() {
		n = 10000
	}
	var b strings.Builder
	b.WriteString("<html><body><h2>Delitos por municipio</h2>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<table><tr><th>municipio</th><th>total</th></tr><tr><td>m%d</td><td>%d</td></tr></table>", i, i)
	}
	b.WriteString("</body></html>")
	var tables []dataframe.DataFrame
	err := within(t, func() error {
		var err error
		tables, err = HTMLTables(strings.NewReader(b.String()))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != n {
		t.Fatalf("%d tables, want %d", len(tables), n)
	}
	if got := tables[n-1].Col("total").Records()[0]; got != fmt.Sprint(n-1) {
		t.Errorf("last table: total %q, want %d", got, n-1)
	}
	var rep Report
	if _, err := HTMLTables(strings.NewReader(b.String()), TableIndex(n), WithReport(&rep)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.String(), "heading: Delitos por municipio") {
		t.Errorf("the last table's report does not name its heading:\n%s", rep.String())
	}
}

func TestHostileJSONLongValue(t *testing.T) {
	size, lim := 3<<20, Limits{LineBytes: 1 << 20}
	if hostileFull() {
		size, lim = 40<<20, Limits{}
	}
	for _, c := range []byte{'x', '9', ' '} {
		t.Run(fmt.Sprintf("%q", c), func(t *testing.T) {
			var r io.Reader
			switch c {
			case 'x': // one string
				r = io.MultiReader(strings.NewReader(`[{"a":"`), io.LimitReader(repeatReader{c}, int64(size)), strings.NewReader(`"}]`))
			case '9': // one number
				r = io.MultiReader(strings.NewReader(`[{"a":`), io.LimitReader(repeatReader{c}, int64(size)), strings.NewReader(`}]`))
			default: // whitespace between values
				r = io.MultiReader(strings.NewReader(`[{"a":1},`), io.LimitReader(repeatReader{c}, int64(size)), strings.NewReader(`{"a":2}]`))
			}
			err := within(t, func() error { _, err := ReadJSON(r, WithLimits(lim)); return err })
			wantErr(t, err, ErrTooLarge, "LineBytes")
		})
	}
}

func TestHostileCSVFileOverInputBudget(t *testing.T) {
	p := filepath.Join(t.TempDir(), "datos.csv")
	if err := os.WriteFile(p, []byte("a,b\n"+strings.Repeat("1,2\n", 1<<18)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadCSVFile(p, WithLimits(Limits{InputBytes: 1 << 20}))
	wantErr(t, err, ErrTooLarge, "InputBytes", "EachChunk")
	df, err := ReadCSVFile(p, WithLimits(Limits{InputBytes: 2 << 20}))
	if err != nil || df.Nrow() != 1<<18 {
		t.Fatalf("rows %d, error %v; want %d rows", df.Nrow(), err, 1<<18)
	}
}

func TestHostileHTMLDeepNesting(t *testing.T) {
	n := 20000
	if hostileFull() {
		n = 200000
	}
	page := "<html><body>" + strings.Repeat("<div>", n) + "<table><tr><th>a</th></tr><tr><td>1</td></tr></table>" + strings.Repeat("</div>", n)
	err := within(t, func() error { _, err := HTMLTables(strings.NewReader(page)); return err })
	wantErr(t, err, ErrTooLarge, "nested")
	// Cells whose end tags and <font> end tags are left out, as old pages
	// do, are not nesting.
	var b strings.Builder
	b.WriteString("<table><tr><th>municipio<th>total")
	for i := 0; i < 6000; i++ {
		fmt.Fprintf(&b, "<tr><td><font size=2>m%d<td><font size=2>%d", i, i)
	}
	b.WriteString("</table>")
	tables, err := HTMLTables(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if tables[0].Nrow() != 6000 {
		t.Errorf("%d rows, want 6000", tables[0].Nrow())
	}
}

// TestHostileJSONLongString: one string longer than LineBytes is refused
// however many commas, colons or braces it holds (the guard used to count
// a value from the last punctuation it saw, inside the string or not), and
// an escaped quote does not end it; strings, numbers and nesting within
// the budget still read.
func TestHostileJSONLongString(t *testing.T) {
	lim := Limits{LineBytes: 64 << 10}
	long := strings.Repeat(`a,b:{c}[d] \"e\" `, 8<<10) // 128 KiB, punctuation everywhere
	for _, in := range []string{
		`[{"nota": "` + long + `"}]`,
		`[{"` + long + `": 1}]`,
	} {
		err := within(t, func() error { _, err := ReadJSON(strings.NewReader(in), WithLimits(lim)); return err })
		wantErr(t, err, ErrTooLarge, "LineBytes")
	}
	short := strings.Repeat(`a,b:{c}[d] \"e\" `, 1<<10) // 16 KiB
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < 20; i++ { // 320 KiB in all: over LineBytes only in total
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": %d, "nota": "%s", "x": {"y": [1, 2.5, null]}}`, i, short)
	}
	b.WriteString("]")
	df, err := ReadJSON(strings.NewReader(b.String()), WithLimits(lim))
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != 20 || !strings.HasPrefix(df.Col("nota").Elem(3).String(), `a,b:{c}[d] "e" a,b`) {
		t.Fatalf("%d rows, nota %.40q", df.Nrow(), df.Col("nota").Elem(3).String())
	}
}
