package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/ledger/ledgertest"
	"github.com/xuri/excelize/v2"
)

// actualizar rewrites publicado/ from this run, after the change has been
// reviewed: go test ./examples/covid -actualizar
var actualizar = flag.Bool("actualizar", false, "rewrite publicado/ with this run's ledger")

// The test recomputes the findings from the raw files without cifra: the
// cases with encoding/csv (BOM stripped by hand) and the catalogue with
// excelize.

func leerCasos(t *testing.T) ([]string, [][]string) {
	t.Helper()
	b, err := os.ReadFile(casos)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[0], rows[1:]
}

// clasificaciones lee la hoja CLASIFICACION_FINAL: clave → etiqueta con los
// espacios colapsados.
func clasificaciones(t *testing.T) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(catalogos)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Catálogo CLASIFICACION_FINAL")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			if _, err := strconv.Atoi(strings.TrimSpace(r[0])); err == nil {
				out[strings.TrimSpace(r[0])] = strings.Join(strings.Fields(r[1]), " ")
			}
		}
	}
	if len(out) != 7 {
		t.Fatalf("catálogo CLASIFICACION_FINAL: %d claves", len(out))
	}
	return out
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run([]string{"-salida", dir}, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}

	t.Run("published ledger", func(t *testing.T) {
		verificarPublicado(t, dir)
	})
	texto := out.String()

	encabezado, filas := leerCasos(t)
	col := map[string]int{}
	for i, h := range encabezado {
		col[h] = i
	}
	etiqueta := clasificaciones(t)
	fecha := regexp.MustCompile(`^20\d\d-\d\d-\d\d$`)

	var sumaIntubado, si, no, muertes, escritas, confirmados, negativos int
	porClase := map[string]int{}
	for _, f := range filas {
		v, err := strconv.Atoi(f[col["INTUBADO"]])
		if err != nil {
			t.Fatal(err)
		}
		sumaIntubado += v
		switch v {
		case 1:
			si++
		case 2:
			no++
		}
		if strings.TrimSpace(f[col["FECHA_DEF"]]) != "" {
			escritas++
		}
		if fecha.MatchString(f[col["FECHA_DEF"]]) {
			muertes++
		}
		e := etiqueta[f[col["CLASIFICACION_FINAL"]]]
		porClase[e]++
		if strings.Contains(e, "CONFIRMADO") {
			confirmados++
		}
		if strings.HasPrefix(e, "NEGATIVO") {
			negativos++
		}
	}
	n := len(filas)
	frases := []string{
		fmt.Sprintf("Promedio ingenuo de INTUBADO: %.1f", float64(sumaIntubado)/float64(n)),
		fmt.Sprintf("%s pacientes con respuesta; %s intubados (%.1f%%)", miles(si+no), miles(si), 100*float64(si)/float64(si+no)),
		fmt.Sprintf("Filas con algo escrito en FECHA_DEF: %s de %s", miles(escritas), miles(n)),
		fmt.Sprintf("Defunciones (FECHA_DEF con una fecha real): %s, el %.1f%%", miles(muertes), 100*float64(muertes)/float64(n)),
		fmt.Sprintf("Casos confirmados (las clases con \"CONFIRMADO\" presentes en la muestra): %s de %s registros (%.1f%%)", miles(confirmados), miles(n), 100*float64(confirmados)/float64(n)),
		"MUESTRA TRUNCADA",
		"SHA-256 ",
	}
	for e, c := range porClase {
		frases = append(frases, fmt.Sprintf("%-70s %5s", e, miles(c)))
	}
	for _, f := range frases {
		t.Run(f, func(t *testing.T) {
			if !strings.Contains(texto, f) {
				t.Errorf("falta %q en la salida:\n%s", f, texto)
			}
		})
	}
	if n != 10000 || muertes != 197 || si != 57 || negativos != 6181 {
		t.Errorf("cálculo independiente inesperado: %d filas, %d muertes, %d intubados, %d negativos", n, muertes, si, negativos)
	}
	for _, f := range []string{"covid.png", "covid.svg"} {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil || st.Size() == 0 {
			t.Errorf("gráfica %s: %v", f, err)
		}
	}
}

// BenchmarkRun mide la historia completa: leer, limpiar, analizar y graficar.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		if err := run([]string{"-salida", dir}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// miles writes n with comma thousands separators, as the story publishes
// it: 10000 → "10,000".
func miles(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// verificarPublicado compares the ledger this run wrote in dir with the one
// published in publicado/ (ledgertest.Published): a figure that moved, or a
// source whose SHA-256 changed, fails the test with the list of changes.
func verificarPublicado(t *testing.T, dir string) {
	t.Helper()
	ledgertest.Published(t, dir, "publicado", *actualizar)
}
