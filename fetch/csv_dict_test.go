package fetch

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/go-gota/gota/series"
)

// Columns of few distinct values are typed from their distinct values
// (typedColumnDict). These differential tests hold that path to the plain
// row-by-row one (referenceCSV → tableFromRecords → typedColumn) on tables
// long enough to take it, including the report.

// dictTable writes nrow rows of low-cardinality columns of every kind,
// with missing markers, spaces, leading-zero codes and grouped numbers.
func dictTable(r *rand.Rand, nrow int) string {
	pools := [][]string{
		{"01", "02", "15", "32", "N/D"},                   // codes: stay text
		{"1", "22", " 333 ", "-4", "", "NA"},              // ints
		{"1.5", "2", "-0.25", "\"1,234.5\"", "-"},         // floats
		{"true", "FALSE", "True", ""},                     // bools
		{"Colima", "Querétaro", " Sonora", "NaN", "n.a."}, // text
		{"7", "8", "9", "text after numbers"},             // text found late
	}
	var b strings.Builder
	b.WriteString("codigo,entero,decimal,logico,estado,mixto\r\n")
	for i := 0; i < nrow; i++ {
		for j, p := range pools {
			if j > 0 {
				b.WriteByte(',')
			}
			v := p[r.Intn(len(p))]
			if j == 5 && v == "text after numbers" && i < nrow/2 {
				v = "7"
			}
			b.WriteString(v)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func TestTypedColumnDictMatchesPlain(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for k := 0; k < 20; k++ {
		in := dictTable(r, 300+r.Intn(3000))
		for _, w := range []int{1, 2} {
			var wantRep, gotRep Report
			want, werr := referenceCSV(in)
			got, gerr := ReadCSV(strings.NewReader(in), Workers(w), WithReport(&gotRep))
			dictTyping = false
			_, _ = ReadCSV(strings.NewReader(in), Workers(w), WithReport(&wantRep))
			dictTyping = true
			if werr != nil || gerr != nil {
				t.Fatalf("case %d: reference err %v, fast err %v", k, werr, gerr)
			}
			if msg := frameDiff(want, got); msg != "" {
				t.Fatalf("case %d workers %d: %s", k, w, msg)
			}
			if !reflect.DeepEqual(wantRep.Columns, gotRep.Columns) {
				t.Fatalf("case %d: column reports differ:\nplain %+v\nfast  %+v", k, wantRep.Columns, gotRep.Columns)
			}
		}
	}
}

// TestTypedColumnDictForcedTypeError checks that a forced type names the
// same first bad row and value on both paths. (These tests switch
// dictTyping and so do not run in parallel.)
func TestTypedColumnDictForcedTypeError(t *testing.T) {
	var b strings.Builder
	b.WriteString("n\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "%d\n", i%10)
		if i == 700 {
			b.WriteString("x7\n")
		}
	}
	in := b.String()
	dictTyping = false
	_, werr := ReadCSV(strings.NewReader(in), ColumnType("n", series.Int))
	dictTyping = true
	_, gerr := ReadCSV(strings.NewReader(in), ColumnType("n", series.Int))
	if !errors.Is(gerr, ErrType) || werr == nil || werr.Error() != gerr.Error() {
		t.Fatalf("plain error %v\nfast error  %v", werr, gerr)
	}
	if !strings.Contains(gerr.Error(), "line 703") {
		t.Errorf("error %v does not name line 703", gerr)
	}
}
