package fetch

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// rdColumn returns a column of df or fails the test.
func rdColumn(t testing.TB, df dataframe.DataFrame, name string) series.Series {
	t.Helper()
	s, err := frame.Column(df, name)
	if err != nil {
		t.Fatalf("column %q: %v", name, err)
	}
	return s
}

// rdStrings returns a column's values as text ("" for missing) and its
// missing mask.
func rdStrings(t testing.TB, df dataframe.DataFrame, name string) ([]string, []bool) {
	t.Helper()
	return frame.StringsOf(rdColumn(t, df, name))
}

// rdFloats returns a column's values as float64 (NaN for missing).
func rdFloats(t testing.TB, df dataframe.DataFrame, name string) []float64 {
	t.Helper()
	v, _ := frame.FloatsOf(rdColumn(t, df, name))
	return v
}

func rdOpen(t testing.TB, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestReadJSONBanxico(t *testing.T) {
	const path = "testdata/json/banxico_sie_api_fix_SF43718_2018_2025.json"
	for _, tc := range []struct {
		name string
		opts []Option
		note string
	}{
		{"records path", []Option{RecordsPath("bmx.series.0.datos")}, `records at "bmx.series.0.datos"`},
		{"detected", nil, `records found at "bmx.series.0.datos"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rep Report
			df, err := ReadJSON(rdOpen(t, path), append(tc.opts, WithReport(&rep), Source(path))...)
			if err != nil {
				t.Fatal(err)
			}
			if df.Nrow() != 1908 || strings.Join(df.Names(), ",") != "fecha,dato" {
				t.Fatalf("got %d rows, columns %v; want 1908 rows of fecha,dato", df.Nrow(), df.Names())
			}
			if typ := rdColumn(t, df, "dato").Type(); typ != series.Float {
				t.Errorf("dato is %s, want float", typ)
			}
			dato := rdFloats(t, df, "dato")
			fecha, _ := rdStrings(t, df, "fecha")
			if dato[0] != 19.4899 || fecha[0] != "02/01/2018" || dato[1907] != 18.916 || fecha[1907] != "01/08/2025" {
				t.Errorf("first %s %v, last %s %v", fecha[0], dato[0], fecha[1907], dato[1907])
			}
			max, at := 0.0, ""
			for i, v := range dato {
				if v > max {
					max, at = v, fecha[i]
				}
			}
			if max != 25.1185 || at != "24/03/2020" {
				t.Errorf("peak %v on %s, want 25.1185 on 24/03/2020", max, at)
			}
			if !strings.Contains(rep.String(), tc.note) {
				t.Errorf("report lacks %q:\n%s", tc.note, rep)
			}
		})
	}
}

func TestReadJSONCKAN(t *testing.T) {
	const path = "testdata/json/ckan_package_search_birmingham_uk.json"
	for _, opts := range [][]Option{nil, {RecordsPath("result.results")}} {
		df, err := ReadJSON(rdOpen(t, path), opts...)
		if err != nil {
			t.Fatal(err)
		}
		if df.Nrow() != 10 {
			t.Fatalf("%d rows, want the 10 results (count says 38: the rest are on other pages)", df.Nrow())
		}
		names, _ := rdStrings(t, df, "name")
		orgs, _ := rdStrings(t, df, "organization.title")
		if names[0] != "purchase-card-transactions" || orgs[0] != "Birmingham City Council" {
			t.Errorf("first result %q of %q", names[0], orgs[0])
		}
		nres := rdColumn(t, df, "num_resources")
		if nres.Type() != series.Int {
			t.Errorf("num_resources is %s, want int", nres.Type())
		}
		if sum := nres.Sum(); sum != 54 {
			t.Errorf("resources sum to %v, want 54", sum)
		}
		tags, _ := rdStrings(t, df, "tags")
		if !strings.HasPrefix(tags[0], `[{"vocabulary_id":null,"state":"active","display_name":"payments"`) {
			t.Errorf("tags kept as JSON text: %.80s", tags[0])
		}
		if private := rdColumn(t, df, "private"); private.Type() != series.Bool {
			t.Errorf("private is %s, want bool", private.Type())
		}
	}
}

func TestReadJSONLines(t *testing.T) {
	var rep Report
	df, err := ReadJSON(rdOpen(t, "testdata/json/banxico_fix_enero_2018.jsonl"), WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(df.Names(), ","); got != "fecha,dato,serie.id,serie.unidad,nota" {
		t.Fatalf("columns %s", got)
	}
	dato := rdFloats(t, df, "dato")
	if dato[0] != 19.4899 || !math.IsNaN(dato[3]) || dato[4] != 19.2323 {
		t.Errorf("dato %v", dato)
	}
	nota, na := rdStrings(t, df, "nota")
	if !na[0] || na[4] || !strings.HasPrefix(nota[4], "dato de prueba") {
		t.Errorf("nota %q %v", nota, na)
	}
	unidad, _ := rdStrings(t, df, "serie.unidad")
	if unidad[0] != "Pesos por dólar" {
		t.Errorf("unidad %q", unidad[0])
	}
	if !strings.Contains(rep.String(), `"N/E"×1`) || !strings.Contains(rep.String(), "JSON Lines: 5 values") {
		t.Errorf("report:\n%s", rep)
	}
}

func TestReadJSONShapes(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opts     []Option
		cols     string // comma-separated names
		check    func(t *testing.T, df dataframe.DataFrame)
	}{
		{"union of keys in first-seen order", `[{"a":1,"b":"x"},{"c":true,"a":2},{"b":"z"}]`, nil, "a,b,c",
			func(t *testing.T, df dataframe.DataFrame) {
				a := rdFloats(t, df, "a")
				if a[0] != 1 || a[1] != 2 || !math.IsNaN(a[2]) {
					t.Errorf("a %v", a)
				}
			}},
		{"integers exact, codes kept", `[{"cve_ent":"01","pob":126014024,"x":1.5},{"cve_ent":"32","pob":1622138,"x":null}]`, nil, "cve_ent,pob,x",
			func(t *testing.T, df dataframe.DataFrame) {
				if s := rdColumn(t, df, "pob"); s.Type() != series.Int || s.Elem(0).String() != "126014024" {
					t.Errorf("pob %s %v", s.Type(), s.Elem(0))
				}
				if v, _ := rdStrings(t, df, "cve_ent"); v[0] != "01" {
					t.Errorf("cve_ent %q", v)
				}
			}},
		{"nested objects and arrays", `{"a":{"b":{"c":5}},"list":[1,"dos",null],"empty":{}}`, nil, "a.b.c,list,empty",
			func(t *testing.T, df dataframe.DataFrame) {
				if v, _ := rdStrings(t, df, "list"); v[0] != `[1,"dos",null]` {
					t.Errorf("list %q", v)
				}
			}},
		{"array of arrays with a header", `[["entidad","poblacion"],["Aguascalientes",1425607],["Baja California",3769020]]`, nil, "entidad,poblacion",
			func(t *testing.T, df dataframe.DataFrame) {
				if p := rdFloats(t, df, "poblacion"); p[1] != 3769020 {
					t.Errorf("poblacion %v", p)
				}
			}},
		{"array of arrays without a header", `[[1,2],[3,4]]`, nil, "col_1,col_2", nil},
		{"array of scalars", `[3, 4.5, null]`, nil, "value", nil},
		{"single object without records", `{"total":38,"ok":true}`, nil, "total,ok", nil},
		{"preferred records name", `{"fields":[{"id":"a"}],"records":[{"a":1},{"a":2}]}`, nil, "a", nil},
		{"path into JSON Lines", "{\"d\":[{\"x\":1}]}\n{\"d\":[{\"x\":2},{\"x\":3}]}\n", []Option{RecordsPath("d")}, "x",
			func(t *testing.T, df dataframe.DataFrame) {
				if df.Nrow() != 3 {
					t.Errorf("%d rows", df.Nrow())
				}
			}},
		{"path to a single object", `{"result":{"a":1,"b":2},"x":[1]}`, []Option{RecordsPath("result")}, "a,b", nil},
		{"columns while parsing", `[{"a":1,"b":{"c":2},"d":3}]`, []Option{Columns("b.c", "a")}, "a,b.c", nil},
		{"UTF-8 BOM", "\xef\xbb\xbf[{\"estado\":\"Michoacán de Ocampo\"}]", nil, "estado",
			func(t *testing.T, df dataframe.DataFrame) {
				if v, _ := rdStrings(t, df, "estado"); v[0] != "Michoacán de Ocampo" {
					t.Errorf("%q", v)
				}
			}},
		{"Windows-1252 bytes", "[{\"estado\":\"Michoac\xe1n de Ocampo\"}]", nil, "estado",
			func(t *testing.T, df dataframe.DataFrame) {
				if v, _ := rdStrings(t, df, "estado"); v[0] != "Michoacán de Ocampo" {
					t.Errorf("%q", v)
				}
			}},
		{"UTF-16LE with BOM", "\xff\xfe[\x00{\x00\"\x00a\x00\"\x00:\x001\x00}\x00]\x00", nil, "a", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			df, err := ReadJSON(strings.NewReader(tc.in), tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(df.Names(), ","); got != tc.cols {
				t.Fatalf("columns %q, want %q", got, tc.cols)
			}
			if tc.check != nil {
				tc.check(t, df)
			}
		})
	}
}

func TestReadJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opts     []Option
		want     error
		msg      string
	}{
		{"empty", "", nil, ErrEmpty, "no JSON value"},
		{"blank", " \n\t", nil, ErrEmpty, "no JSON value"},
		{"empty array", "[]", nil, ErrEmpty, "no records"},
		{"search with no results", `{"success":true,"result":{"count":0,"results":[]}}`, nil, ErrEmpty, `no records at "result.results"`},
		{"garbage", "\x00\x01binary", nil, ErrFormat, "invalid JSON"},
		{"truncated", `[{"a":1},{"a":`, nil, ErrFormat, "byte"},
		{"unterminated string", `[{"a":"abc`, nil, ErrFormat, "fetch: datos.json"},
		{"ambiguous", `{"a":[{"x":1}],"b":[{"y":2}]}`, nil, ErrFormat, "a (1), b (1)"},
		{"missing key in path", `{"result":{"records":[]}}`, []Option{RecordsPath("result.rows")}, ErrFormat, `no key "rows" at "result" (keys: records)`},
		{"index out of range", `{"s":[{"d":[]}]}`, []Option{RecordsPath("s.3.d")}, ErrFormat, "index 3 out of range"},
		{"path through a scalar", `{"s":5}`, []Option{RecordsPath("s.d")}, ErrFormat, "is a number"},
		{"missing column", `[{"a":1}]`, []Option{Columns("b")}, ErrNoColumn, `"b"`},
		{"too deep", strings.Repeat("[", 5000), nil, ErrFormat, "nesting"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(tc.in), append(tc.opts, Source("datos.json"))...)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "fetch: datos.json") {
				t.Errorf("message %q lacks %q", err, tc.msg)
			}
		})
	}
}

func FuzzReadJSON(f *testing.F) {
	for _, s := range []string{
		`[{"a":1,"b":{"c":"x"}}]`, "{\"a\":1}\n{\"b\":[1,2]}\n", `{"result":{"records":[{"x":"01"}]}}`,
		`[[1,2],["a","b"]]`, `[1,null,"N/D"]`, `{"bmx":{"series":[{"datos":[{"fecha":"02/01/2018","dato":"19.4899"}]}]}}`,
		"\xef\xbb\xbf[]", `[{"a":1e999}]`, `{"a":[{"b":1}],"c":[{"d":2}]}`,
	} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte(`{"bmx":{"series":[{"datos":[{"dato":"1"}]}]}}`), "bmx.series.0.datos")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		var opts []Option
		if path != "" {
			opts = append(opts, RecordsPath(path))
		}
		df, err := ReadJSON(strings.NewReader(string(data)), opts...)
		if err != nil {
			if !errors.Is(err, ErrFormat) && !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNoColumn) && !errors.Is(err, ErrType) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if df.Err != nil || df.Ncol() == 0 {
			t.Fatalf("no error but frame %v / %d columns", df.Err, df.Ncol())
		}
	})
}

func BenchmarkReadJSONBanxico(b *testing.B) {
	data, err := os.ReadFile("testdata/json/banxico_sie_api_fix_SF43718_2018_2025.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ReadJSON(strings.NewReader(string(data))); err != nil {
			b.Fatal(err)
		}
	}
}
