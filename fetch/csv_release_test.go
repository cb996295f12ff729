package fetch

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/go-gota/gota/series"
)

// TestReadReleasesInput: the table and report that ReadCSVFile returns
// hold no pointer into the input text. A 24 MB file with a preamble line,
// missing markers and text columns is read (by the pipelined reader and by
// ReadCSV); once only its float column (with its name) and the report are kept, the heap
// holds that column, not the file: a column name, a quoted preamble line or a
// missing marker that pointed into the text would keep all of it.
func TestReadReleasesInput(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 24 MB file")
	}
	var b strings.Builder
	b.WriteString("Fuente: Secretaría de Salud\n")
	b.WriteString("folio,estado,municipio,monto,nota\n")
	for i := 0; b.Len() < 24<<20; i++ {
		monto := fmt.Sprintf("%d.%02d", i%99991, i%100)
		if i%97 == 0 {
			monto = "N/D"
		}
		fmt.Fprintf(&b, "F-%09d,Estado %d,Municipio número %d,%s,\"nota, %d\"\n", i, i%32, i%2469, monto, i)
	}
	path := filepath.Join(t.TempDir(), "grande.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	size := b.Len()
	b = strings.Builder{}
	for _, how := range []string{"ReadCSVFile", "ReadCSV"} {
		var rep Report
		read := func() error {
			if how == "ReadCSVFile" {
				df, err := ReadCSVFile(path, WithReport(&rep))
				if err == nil {
					keep(df.Col("monto"))
				}
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			df, err := ReadCSV(f, WithReport(&rep))
			if err == nil {
				keep(df.Col("monto"))
			}
			return err
		}
		if err := read(); err != nil {
			t.Fatal(err)
		}
		if len(rep.Skipped) == 0 || rep.Columns[3].MissingValues["N/D"] == 0 {
			t.Fatalf("%s: the report lacks the preamble or the markers: %s", how, rep)
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		held := int(ms.HeapAlloc) - kept.Len()*16
		if held > size/3 {
			t.Errorf("%s: %d MB still held after the read (the file is %d MB)", how, held>>20, size>>20)
		}
		runtime.KeepAlive(rep)
		kept = series.Series{}
	}
}

// kept holds the column a test keeps, with its name.
var kept series.Series

func keep(s series.Series) { kept = s }
