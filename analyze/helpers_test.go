package analyze

import (
	"bufio"
	"encoding/csv"
	"io"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"golang.org/x/text/encoding/charmap"
)

// readCSV reads a test file into string records, decoding Windows-1252
// when latin1 is set.
func readCSV(t testing.TB, path string, latin1 bool) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3)
	}
	var r io.Reader = br
	if latin1 {
		r = charmap.Windows1252.NewDecoder().Reader(br)
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// colIndex returns the index of name in header.
func colIndex(t testing.TB, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

// mustFrame builds a frame or fails the test.
func mustFrame(t testing.TB, cols ...series.Series) dataframe.DataFrame {
	t.Helper()
	df, err := frame.New(cols...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

// floatsOf returns the named column as floats.
func floatsOf(t testing.TB, df dataframe.DataFrame, name string) []float64 {
	t.Helper()
	s, err := frame.Column(df, name)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := frame.FloatsOf(s)
	return v
}

// stringsOf returns the named column as strings.
func stringsOf(t testing.TB, df dataframe.DataFrame, name string) []string {
	t.Helper()
	s, err := frame.Column(df, name)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := frame.StringsOf(s)
	return v
}

func atoi(t testing.TB, s string) int {
	t.Helper()
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol
}
