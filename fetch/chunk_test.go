package fetch

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/gen"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func contractsCSV(t testing.TB, n int, messy bool) string {
	t.Helper()
	var b bytes.Buffer
	var err error
	if messy {
		err = gen.ContractsMessy(&b, n, 1)
	} else {
		err = gen.Contracts(&b, n, 1)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestEachChunkMatchesReadCSV(t *testing.T) {
	in := contractsCSV(t, 20000, false)
	whole, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var parts []dataframe.DataFrame
	var rep Report
	err = EachChunk(strings.NewReader(in), 3000, func(df dataframe.DataFrame) error {
		parts = append(parts, df)
		return nil
	}, WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 7 || parts[6].Nrow() != 2000 || rep.Rows != 20000 {
		t.Fatalf("%d chunks, last %d rows, report %d rows", len(parts), parts[len(parts)-1].Nrow(), rep.Rows)
	}
	all := parts[0]
	for _, p := range parts[1:] {
		all = all.RBind(p)
	}
	if msg := frameDiff(whole, all); msg != "" {
		t.Fatal(msg)
	}
}

func TestEachChunkMessy(t *testing.T) {
	in := contractsCSV(t, 5000, true)
	var rep Report
	rows := 0
	err := EachChunk(strings.NewReader(in), 1000, func(dataframe.DataFrame) error { return nil }, Columns("estado", "id_num"))
	if !errors.Is(err, ErrNoColumn) || !strings.Contains(err.Error(), `"id_num"`) {
		t.Fatalf("want ErrNoColumn for id_num, got %v", err)
	}
	err = EachChunk(strings.NewReader(in), 1000, func(df dataframe.DataFrame) error {
		est, _ := frame.StringsOf(df.Col("estado"))
		for _, e := range est {
			if strings.ContainsRune(e, '\uFFFD') {
				return errors.New("bad decoding: " + e)
			}
		}
		if strings.Join(df.Names(), ",") != "estado,importe" {
			return errors.New("columns " + strings.Join(df.Names(), ","))
		}
		rows += df.Nrow()
		return nil
	}, WithReport(&rep), Columns("estado", "importe"))
	if err != nil {
		t.Fatal(err)
	}
	if rows != 5000 || rep.Encoding != "Windows-1252" || rep.Rows != 5000 {
		t.Errorf("rows %d, report %q %d", rows, rep.Encoding, rep.Rows)
	}
	if rep.Columns[1].Type != series.String || rep.Columns[1].Missing == 0 {
		t.Errorf("importe: %+v", rep.Columns[1])
	}
}

func TestEachChunkSchema(t *testing.T) {
	var b strings.Builder
	b.WriteString("clave,n\n")
	for i := 0; i < 100; i++ {
		b.WriteString("a,7\n")
	}
	b.WriteString("b,3.5\n")
	err := EachChunk(strings.NewReader(b.String()), 50, func(dataframe.DataFrame) error { return nil }, Source("s.csv"))
	if !errors.Is(err, ErrType) || !strings.Contains(err.Error(), `s.csv: line 102: column "n": "3.5"`) {
		t.Fatalf("err %v", err)
	}
	n := 0
	err = EachChunk(strings.NewReader(b.String()), 50, func(df dataframe.DataFrame) error {
		if df.Col("n").Type() != series.Float {
			return errors.New("n is " + string(df.Col("n").Type()))
		}
		n += df.Nrow()
		return nil
	}, ColumnType("n", series.Float))
	if err != nil || n != 101 {
		t.Fatalf("declared type: %v, %d rows", err, n)
	}
	stop := errors.New("stop")
	if err := EachChunk(strings.NewReader(b.String()), 10, func(dataframe.DataFrame) error { return stop }); err != stop {
		t.Errorf("fn error not returned: %v", err)
	}
}

func TestEachChunkRealFiles(t *testing.T) {
	tests := []struct {
		file string
		rows int
		sum  string
		want float64
	}{
		{"inegi_censo2020_poblacion_municipio_sexo_consulta.csv", 2502, "Mujeres", 64540634 * 3}, // national row + state subtotals + municipalities,
		{"sesnsp_idefc_estatal_2026.csv", 3648, "Enero", 154812},
		{"banxico_tipo_de_cambio_deg_2018_2020.csv", 602, "", 0},
		{"ife_computos_distritales_diputados_2009.txt", 300, "TOTAL_VOTOS", 34560344},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(csvFile(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var rep Report
			rows, sum := 0, 0.0
			err = EachChunk(f, 97, func(df dataframe.DataFrame) error {
				rows += df.Nrow()
				if tt.sum != "" {
					v, na := frame.FloatsOf(df.Col(tt.sum))
					for i := range v {
						if !na[i] {
							sum += v[i]
						}
					}
				}
				return nil
			}, WithReport(&rep))
			if err != nil {
				t.Fatal(err)
			}
			if rows != tt.rows || rep.Rows != tt.rows || sum != tt.want {
				t.Errorf("rows %d (report %d), sum %.0f; want %d, %.0f\n%s", rows, rep.Rows, sum, tt.rows, tt.want, rep.String())
			}
		})
	}
}

func TestEachChunkBadInput(t *testing.T) {
	nop := func(dataframe.DataFrame) error { return nil }
	for _, tt := range []struct {
		name, in string
		want     error
	}{
		{"empty", "", ErrEmpty},
		{"binary", "\x00\x00\x01garbage", ErrFormat},
		{"unterminated", "a,b\n1,\"2\n", ErrFormat},
		{"too many fields", "a,b\n1,2\n1,2,3\n", ErrFieldCount},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := EachChunk(strings.NewReader(tt.in), 10, nop); !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
		})
	}
	if err := EachChunk(strings.NewReader("a\n1\n"), 10, nil); !errors.Is(err, ErrFormat) {
		t.Errorf("nil fn: %v", err)
	}
}
