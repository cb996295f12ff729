package clean

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"golang.org/x/text/encoding/charmap"
)

// readTestCSV reads a CSV from testdata as text columns (nothing missing),
// decoding Latin-1 when asked and dropping a UTF-8 BOM; skip lines before
// the header are dropped, and rows shorter than the header are padded.
func readTestCSV(t testing.TB, name string, latin1 bool, skip int) dataframe.DataFrame {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var r io.Reader = bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if latin1 {
		r = charmap.ISO8859_1.NewDecoder().Reader(r)
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	recs = recs[skip:]
	head := recs[0]
	head[0] = strings.TrimPrefix(head[0], "\ufeff")
	cols := make([][]string, len(head))
	for _, rec := range recs[1:] {
		for j := range head {
			v := ""
			if j < len(rec) {
				v = rec[j]
			}
			cols[j] = append(cols[j], v)
		}
	}
	ss := make([]series.Series, len(head))
	for j, h := range head {
		if h == "" {
			h = "col" + string(rune('A'+j))
		}
		ss[j] = frame.Strings(h, cols[j], nil)
	}
	df, err := frame.New(ss...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

// col returns the records of a column (missing as "NaN", gota's way).
func col(t testing.TB, df dataframe.DataFrame, name string) series.Series {
	t.Helper()
	s, err := frame.Column(df, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReportString(t *testing.T) {
	var r Report
	r.Merge(Report{Columns: []ColumnReport{{
		Column: "importe", Step: "numbers", Result: "converted to Float", Parsed: 3,
		BecameMissing: []Tally{{"N/D", 2}}, Failed: 1, FailedRows: []int{41},
		FailedExamples: []Tally{{"12,3,4", 1}}, Notes: []string{"1 values were percentages"},
	}}})
	r.Merge(Report{Notes: []string{"2 empty rows removed"}})
	got := r.String()
	want := `2 empty rows removed
"importe" [numbers]: converted to Float (3 parsed, 2 became missing, 1 failed)
  became missing: "N/D" ×2
  failed rows: 41; values: "12,3,4" ×1
  note: 1 values were percentages
`
	if got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if c, ok := r.Column("importe"); !ok || c.BecameMissingCount() != 2 || r.Failed() != 1 {
		t.Errorf("Column/Failed wrong: %+v", c)
	}
	if _, ok := r.Column("nope"); ok {
		t.Error("found a column that is not there")
	}
}
