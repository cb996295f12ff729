package fetch

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// jsonRead reads data with the given token stream and returns the table
// as text (names, types, cells), the report lines and the error.
func jsonRead(data []byte, tokens func(io.Reader) jsonTokens, opts ...Option) (string, []string, error) {
	cfg := newConfig(opts)
	rep := &Report{Source: cfg.source, Format: "json"}
	df, err := readJSONTokens(strings.NewReader(string(data)), cfg, rep, tokens)
	if err != nil {
		return "", nil, err
	}
	var b strings.Builder
	for _, c := range df.Names() {
		s := df.Col(c)
		fmt.Fprintf(&b, "%s %s %q\n", c, s.Type(), s.Records())
	}
	return b.String(), rep.Notes, nil
}

// jsonBothWays fails when the lexer and encoding/json's token stream
// disagree on data: on success the same table and the same report lines;
// on failure the same sentinel.
func jsonBothWays(t *testing.T, data []byte, opts ...Option) {
	t.Helper()
	lex := func(r io.Reader) jsonTokens { return newJSONLexer(r) }
	tabA, notesA, errA := jsonRead(data, lex, opts...)
	tabB, notesB, errB := jsonRead(data, stdJSONTokens, opts...)
	if (errA == nil) != (errB == nil) {
		t.Fatalf("%q: lexer error %v, encoding/json error %v", shorten(string(data), 200), errA, errB)
	}
	if errA != nil {
		for _, s := range []error{ErrFormat, ErrEmpty, ErrTooLarge, ErrNoColumn, ErrType} {
			if errors.Is(errA, s) != errors.Is(errB, s) {
				t.Fatalf("%q: lexer error %v, encoding/json error %v", shorten(string(data), 200), errA, errB)
			}
		}
		return
	}
	if tabA != tabB {
		t.Fatalf("%q: tables differ:\nlexer:\n%s\nencoding/json:\n%s", shorten(string(data), 200), tabA, tabB)
	}
	if !reflect.DeepEqual(notesA, notesB) {
		t.Fatalf("%q: report lines differ:\nlexer: %q\nencoding/json: %q", shorten(string(data), 200), notesA, notesB)
	}
}

var jsonLexSeeds = []string{
	`[{"a":1,"b":{"c":"x"}}]`, "{\"a\":1}\n{\"b\":[1,2]}\n", `{"result":{"records":[{"x":"01"}]}}`,
	`[[1,2],["a","b"]]`, `[1,null,"N/D"]`, `{"bmx":{"series":[{"datos":[{"fecha":"02/01/2018","dato":"19.4899"}]}]}}`,
	"\xef\xbb\xbf[]", `[{"a":1e999}]`, `{"a":[{"b":1}],"c":[{"d":2}]}`,
	`[{"a":1,"a":2}]`, `[{"a.b":1,"a":{"b":2}}]`, `[{"a.b":1},{"a":{"b":2}}]`, `[{"n":1e400},{"n":-0.5E-3}]`,
	`[{"s":"tab\tand \"quote\" \\ \/ \b\f\n\r \u00e9 \ud83d\ude00 \ud800 x \udc00"}]`,
	"[{\"s\":\"Yucat\xe1n\"}]", "[{\"s\":\"caf\xc3\xa9 \xff\"}]",
	`[{"a":01}]`, `01`, `1 2 3`, `1-2`, `truex`, `[true,false,null]`, `[1.]`, `[-]`, `[1e+]`, `[.5]`, `[1,]`, `{"a":1,}`,
	`[{"a":1}{"b":2}]`, `{"a" 1}`, `{1:2}`, `[{"a":"\x"}]`, `[{"a":"\u12"}]`, "[{\"a\":\"\x01\"}]", `[{"a":1}] ]`,
	`{"a":1} {"b":2}`, `{"a":1}{"b":2}`, `[[` + strings.Repeat(`[`, 1200), `{"success":false,"error":{"message":"no"}}`,
	`["ErrorInfo:No se encontró","ErrorDetails:x","ErrorCode:100"]`, `{}`, `[{}]`, `[{"a":{}}]`, `[{"a":[]}]`, `"solo"`, `null`,
	`[{"a":"` + strings.Repeat("x", 70000) + `"}]`, `[{"` + strings.Repeat("k", 100) + `":1}]`,
}

// The lexer gives the tables, report lines and errors of encoding/json's
// token stream on the seeds of the fuzz target and on every saved answer.
func TestJSONLexerMatchesDecoder(t *testing.T) {
	for _, s := range jsonLexSeeds {
		jsonBothWays(t, []byte(s))
	}
	jsonBothWays(t, []byte(`{"bmx":{"series":[{"datos":[{"dato":"1"}]}]}}`), RecordsPath("bmx.series.0.datos"))
	jsonBothWays(t, []byte(`{"s":[{"d":[]}]}`), RecordsPath("s.3.d"))
	jsonBothWays(t, []byte(`{"s":5, "t":{"u":[{"a":1},{"a":2}], "v":"w"}}`), RecordsPath("t.u"))
	jsonBothWays(t, []byte(`[{"a":1,"b":2},{"a":3,"c":{"d":4}}]`), Columns("a", "c.d"))
	jsonBothWays(t, jsonBenchRecords(1<<20))
	jsonBothWays(t, jsonBenchRecords(1<<16), WithLimits(Limits{Cells: 5000}))
	files, err := filepath.Glob("testdata/json/*.json*")
	if err != nil || len(files) == 0 {
		t.Fatal(err, files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		jsonBothWays(t, data)
	}
}

func FuzzJSONLexer(f *testing.F) {
	for _, s := range jsonLexSeeds {
		f.Add([]byte(s), "")
	}
	f.Add([]byte(`{"bmx":{"series":[{"datos":[{"dato":"1"}]}]}}`), "bmx.series.0.datos")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		var opts []Option
		if path != "" {
			opts = append(opts, RecordsPath(path))
		}
		jsonBothWays(t, data, opts...)
	})
}

// BenchmarkJSONRecords reads the records of a generated 20 MB array
// without building the table: the lexer against encoding/json's tokens.
func BenchmarkJSONRecords(b *testing.B) {
	data := jsonBenchRecords(20 << 20)
	for _, tc := range []struct {
		name   string
		tokens func(io.Reader) jsonTokens
	}{{"lexer", func(r io.Reader) jsonTokens { return newJSONLexer(r) }}, {"encoding-json", stdJSONTokens}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				dec := tc.tokens(strings.NewReader(string(data)))
				t := newJSONTable(newConfig(nil))
				if _, err := dec.Token(); err != nil {
					b.Fatal(err)
				}
				if err := t.streamArray(dec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
