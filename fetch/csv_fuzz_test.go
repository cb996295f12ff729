package fetch

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
)

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n",
		"sep=;\na;b\n\"x;y\";2\r\n",
		"t\n\n\"Fecha\",\"SF1\"\n01/02/2020,19.1\nFuente: Banxico\n",
		"x,\"y\n\"\"z\"\"\",w\n1,2,3\n",
		"a,b\n1,\"2\n",
		"\xEF\xBB\xBF\"c\"\n\"01\"\n",
		"\xFF\xFEa\x00,\x00b\x00\n\x001\x00,\x002\x00",
		"a;b\nMichoac\xe1n;1\n",
		"\x00\x01\x02",
		"",
		"\n\n<!DOCTYPE html>\n<html><body><table><tr><td>a,b</td></tr></table></body></html>\n",
		"\"T\u00edtulo\",\"FIX\"\n\"Periodicidad\",\"Diaria\"\n\"Unidad\",\"Pesos\"\n\"Fecha\",\"SF43718\"\n\"01/01/2024\",\"N/E\"\n\"02/01/2024\",\"16.9220\"\n",
		"ENTIDAD,MUN,LOC,POBTOT,POBFEM\r\n19,000,0000,5784442,2908045\r\n19,001,0001,3685,*\r\n",
	} {
		f.Add([]byte(s))
	}
}

func FuzzReadCSV(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var rep Report
		df, err := ReadCSV(bytes.NewReader(data), WithReport(&rep), Workers(1))
		if err != nil {
			return
		}
		if df.Err != nil {
			t.Fatalf("frame error without an error: %v", df.Err)
		}
		if df.Nrow() != rep.Rows || df.Ncol() != len(rep.Columns) {
			t.Fatalf("frame %dx%d, report %d rows %d columns", df.Nrow(), df.Ncol(), rep.Rows, len(rep.Columns))
		}
		_ = rep.String()
		par, err := ReadCSV(bytes.NewReader(data), Workers(3))
		if err != nil {
			t.Fatalf("serial read worked, parallel failed: %v", err)
		}
		if msg := frameDiff(df, par); msg != "" {
			t.Fatalf("serial and parallel differ: %s", msg)
		}
		if par.Nrow() != 0 || len(data) > 0 {
			var prep Report
			if _, err := ReadCSV(bytes.NewReader(data), WithReport(&prep), Workers(3)); err == nil && prep.DuplicateRows != rep.DuplicateRows {
				t.Fatalf("serial read %d duplicate rows, parallel %d", rep.DuplicateRows, prep.DuplicateRows)
			}
		}
		checkRecordHashes(t, string(data))
	})
}

// checkRecordHashes checks the scan's record hashes against the hashes of
// the records' fields: the fast path (a record without quotes hashed as
// its bytes) must agree with the fields it stands for, with and without a
// projection.
func checkRecordHashes(t *testing.T, s string) {
	t.Helper()
	for _, keep := range [][]int32{nil, {-1, 0}} {
		r, _, _, e := scanKeep(s, 0, len(s), ',', 1, false, keep, true)
		if e != nil {
			return
		}
		if len(r.hashes) != r.n() {
			t.Fatalf("%d hashes for %d records", len(r.hashes), r.n())
		}
		for k := range r.hashes {
			if r.hashes[k] != r.fieldsHash(k) {
				t.Fatalf("record %d (line %d, keep %v): scan hash differs from its fields' %q", k, r.lines[k], keep, r.rawRecordFields(k))
			}
		}
	}
}

func FuzzEachChunk(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var rep Report
		rows := 0
		var names string
		err := EachChunk(bytes.NewReader(data), 3, func(df dataframe.DataFrame) error {
			if df.Err != nil {
				t.Fatalf("chunk with an error: %v", df.Err)
			}
			n := strings.Join(df.Names(), "\x00")
			if names != "" && n != names {
				t.Fatalf("chunk columns changed: %q then %q", names, n)
			}
			names = n
			rows += df.Nrow()
			return nil
		}, WithReport(&rep))
		if err == nil && rows != rep.Rows {
			t.Fatalf("%d rows handed out, report says %d", rows, rep.Rows)
		}
		_ = rep.String()
	})
}

func FuzzReadCSVFieldEnd(f *testing.F) {
	f.Add("abc,def\nghi", 0, byte(','))
	f.Add("aaaaaaaaaaaaaaaaaaaa;", 3, byte(';'))
	f.Add("\xff\xfe,\n", 1, byte(','))
	f.Fuzz(func(t *testing.T, s string, i int, d byte) {
		if i < 0 || i > len(s) {
			return
		}
		want := i
		for want < len(s) && s[want] != d && s[want] != '\n' {
			want++
		}
		if got := fieldEnd(s, i, d); got != want {
			t.Fatalf("fieldEnd(%q, %d, %q) = %d, want %d", s, i, d, got, want)
		}
	})
}
