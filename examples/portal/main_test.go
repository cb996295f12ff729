package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/ledger/ledgertest"
)

// actualizar rewrites publicado/ from this run, after the change has been
// reviewed: go test ./examples/portal -actualizar
var actualizar = flag.Bool("actualizar", false, "rewrite publicado/ with this run's ledger")

// The test recomputes what the program prints from the raw files with
// encoding/json, encoding/csv and crypto/sha256, without calling cifra.

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

	// La respuesta guardada: count 38, pero sólo 10 fichas dentro.
	b, err := os.ReadFile(respuestaGuardada)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Result struct {
			Count   int `json:"count"`
			Results []struct {
				Title     string `json:"title"`
				Resources []struct {
					Format string `json:"format"`
				} `json:"resources"`
			} `json:"results"`
		} `json:"result"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatal(err)
	}
	if env.Result.Count != 38 || len(env.Result.Results) != 10 {
		t.Fatalf("respuesta guardada: count %d, %d fichas", env.Result.Count, len(env.Result.Results))
	}
	paginas := (len(env.Result.Results) + 3) / 4 // el portal local da 4 por página
	primera := env.Result.Results[0]

	// El CSV del censo: 32 entidades y una fila Nacional.
	crudo, err := os.ReadFile(csvCenso)
	if err != nil {
		t.Fatal(err)
	}
	filas, err := csv.NewReader(bytes.NewReader(crudo)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	suma, nacional, entidades := 0, 0, 0
	for _, f := range filas[1:] {
		n, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatal(err)
		}
		if f[2] == "00" {
			nacional = n
			continue
		}
		entidades++
		suma += n
	}

	for _, c := range []struct{ que, frase string }{
		{"búsqueda paginada", fmt.Sprintf("Búsqueda \"purchase card\": %d conjuntos, en %d páginas", len(env.Result.Results), paginas)},
		{"primera ficha", fmt.Sprintf("%s (Birmingham City Council): %d archivos", primera.Title, len(primera.Resources))},
		{"formato normalizado", `Formato declarado por el portal: " csv"; normalizado: "CSV".`},
		{"descarga", fmt.Sprintf("Primera descarga: %d bytes, de la caché: false", len(crudo))},
		{"caché", "Segunda descarga: de la caché: true (mismo SHA-256: true)"},
		{"sin red", fmt.Sprintf("Sin red (WithOffline): de la caché: true, SHA-256 %x", sha256.Sum256(crudo))},
		{"filas", fmt.Sprintf("Filas: %d (%d entidades y 1 fila de totales).", len(filas)-1, entidades)},
		{"suma", fmt.Sprintf("Población de las %d entidades sumadas: %s; la fila Nacional dice %s.", entidades, conComas(suma), conComas(nacional))},
		{"doble", fmt.Sprintf("daría %s: el doble.", conComas(suma+nacional))},
		{"aviso del perfil", "totals-row"},
	} {
		t.Run(c.que, func(t *testing.T) {
			if !strings.Contains(texto, c.frase) {
				t.Errorf("falta %q en la salida:\n%s", c.frase, texto)
			}
		})
	}
	// La procedencia nombra las fuentes públicas, nunca el servidor local
	// ni la hora de la corrida.
	for _, frase := range []string{
		"respuesta real de https://data.birmingham.gov.uk/api/3/action/package_search",
		fmt.Sprintf("%s: %d bytes, SHA-256 %x", urlCSV, len(crudo), sha256.Sum256(crudo)),
		"INEGI, Censo de Población y Vivienda 2020 (resultados publicados el 25 de enero de 2021)",
		"no es una ficha real de ningún portal",
	} {
		if !strings.Contains(texto, frase) {
			t.Errorf("falta %q en la salida", frase)
		}
	}
	if regexp.MustCompile(`127\.0\.0\.1|localhost|\[::1\]`).MatchString(texto) {
		t.Errorf("la salida nombra el servidor local")
	}
	if hoy := time.Now().UTC().Format("2006-01-02"); strings.Contains(texto, hoy) {
		t.Errorf("la salida imprime la fecha de hoy (%s) como procedencia", hoy)
	}
	if suma != 126014024 {
		t.Errorf("suma independiente %d, INEGI publica 126,014,024", suma)
	}
	for _, f := range []string{"portal.png", "portal.svg"} {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil || st.Size() == 0 {
			t.Errorf("gráfica %s: %v", f, err)
		}
	}
}

func conComas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func TestMiles(t *testing.T) {
	for _, n := range []int{0, 7, 999, 1000, 126014024, -1234567} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			want := conComas(n)
			if n < 0 {
				want = "-" + conComas(-n)
			}
			if got := miles(n); got != want {
				t.Errorf("miles(%d) = %q, quiero %q", n, got, want)
			}
		})
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

// verificarPublicado compares the ledger this run wrote in dir with the one
// published in publicado/ (ledgertest.Published): a figure that moved, or a
// source whose SHA-256 changed, fails the test with the list of changes.
func verificarPublicado(t *testing.T, dir string) {
	t.Helper()
	ledgertest.Published(t, dir, "publicado", *actualizar)
}
