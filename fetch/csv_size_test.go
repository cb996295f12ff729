package fetch

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReadCSVFileRefusesBeforeReading checks that a file over the
// in-memory limit is refused from its size alone, before a byte is read,
// and that the error names the size and the streaming calls. The 5 GB file
// is sparse: it takes no disk.
func TestReadCSVFileRefusesBeforeReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "grande.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("a,b\n1,2\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(5 << 30); err != nil {
		t.Skipf("no sparse file here: %v", err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	for _, opts := range [][]Option{nil, {WithLimits(Limits{InputBytes: 6 << 30})}, {Columns("a")}} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := ReadCSVFile(path, opts...)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("err = %v, want ErrTooLarge", err)
		}
		for _, want := range []string{"grande.csv", "5368709120 bytes", "fetch.EachChunk", "InputBytes"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%q does not mention %q", err, want)
			}
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
			t.Errorf("refusing the file allocated %d bytes", alloc)
		}
	}
}

// TestReadCSVStreamRefusedAtLimit checks that a stream over InputBytes is
// refused as soon as the budget is passed, not after the whole stream,
// with the streaming calls suggested.
func TestReadCSVStreamRefusedAtLimit(t *testing.T) {
	src := &countingReader{r: io.LimitReader(rowsReader{}, 64<<20)}
	_, err := ReadCSV(io.MultiReader(strings.NewReader("a,b\n"), src), WithLimits(Limits{InputBytes: 1 << 20}), Source("flujo.csv"))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "fetch.EachChunk") || !strings.Contains(err.Error(), "flujo.csv") {
		t.Fatalf("err = %v", err)
	}
	if src.n > 2<<20 {
		t.Errorf("read %d bytes of a stream refused at 1 MiB", src.n)
	}
}

// rowsReader yields "1,2\n" forever.
type rowsReader struct{}

func (rowsReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "1,2\n"[i%4]
	}
	return len(p) - len(p)%4, nil
}
