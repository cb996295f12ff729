package fetch

import (
	"bytes"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/gen"
)

// The Windows-1252 path scans the raw bytes and decodes only the values it
// hands out (decodeLazy). These tests hold it to the eager path: decode the
// whole input first, then read it as UTF-8.

func TestWin1252LazyMatchesEager(t *testing.T) {
	cases := map[string]string{
		"nbsp around numbers and names": "estado;importe;nota\n" +
			"\u00a0Michoacán\u00a0;\u00a01,234\u00a0;año\n" +
			"Querétaro;\u00a0;\"dijo \"\"sí\"\"\"\n" +
			"Nuevo León;12;\"línea\r\nnueva\"\n",
		"accented header and marker": "Año,Población,Situación\n2020,\"1,234\",N/D\n2021,\"2,345\",Señal\n",
		"curly quotes and euro":      "texto,valor\n“hola”,€5\n—,7\n",
	}
	for name, utf := range cases {
		t.Run(name, func(t *testing.T) {
			in := win(utf)
			got, err := ReadCSV(strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			want, err := ReadCSV(strings.NewReader(utf))
			if err != nil {
				t.Fatal(err)
			}
			if msg := frameDiff(want, got); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestWin1252LazyLarge reads a generated messy file big enough for the
// parallel scanner and parallel column building, and compares it with the
// same file decoded to UTF-8 first.
func TestWin1252LazyLarge(t *testing.T) {
	var b bytes.Buffer
	if err := gen.ContractsMessy(&b, 40_000, 3); err != nil {
		t.Fatal(err)
	}
	in := b.String()
	if len(in) < parallelMin {
		t.Fatalf("generated %d bytes, want at least %d", len(in), parallelMin)
	}
	got, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReadCSV(strings.NewReader(decodeWindows1252(in)))
	if err != nil {
		t.Fatal(err)
	}
	if msg := frameDiff(want, got); msg != "" {
		t.Fatal(msg)
	}
	est := got.Col("estado").Records()
	accents := 0
	for _, v := range est {
		if strings.ContainsAny(v, "áéíóú") {
			accents++
		}
	}
	if accents == 0 {
		t.Error("no accented state names decoded")
	}
}
