package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/ledger/ledgertest"
)

// actualizar rewrites publicado/ from this run, after the change has been
// reviewed: go test ./examples/mapa -actualizar
var actualizar = flag.Bool("actualizar", false, "rewrite publicado/ with this run's ledger")

type entidad struct {
	clave, nombre string
	dolares       int
	poblacion     int
	porHab        float64
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
	ents, directas, total, pobNacional := calcular(t)

	t.Run("provenance", func(t *testing.T) {
		for _, f := range []string{archivoRemesas, archivoPoblacion} {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("%s bytes; SHA-256 %x", miles(float64(len(b)), 0), sha256.Sum256(b))
			if !strings.Contains(texto, want) {
				t.Errorf("provenance of %s: want %q in the output", f, want)
			}
		}
	})

	t.Run("leading zeros", func(t *testing.T) {
		want := fmt.Sprintf("sólo %d de 32 entidades coinciden", directas)
		if directas != 23 || !strings.Contains(texto, want) {
			t.Errorf("raw data: %d codes match as written; want 23 and %q in the output", directas, want)
		}
		if !strings.Contains(texto, "32 placed, 0 unplaced") || !strings.Contains(texto, "matched: 32 left rows, 32 right rows") {
			t.Error("after mx.AddStateCode every state should be placed and joined")
		}
	})

	t.Run("national", func(t *testing.T) {
		want := fmt.Sprintf("Nacional: %s millones de dólares, %s habitantes, %s dólares por habitante.",
			miles(float64(total)/1e6, 0), miles(float64(pobNacional), 0), miles(float64(total)/float64(pobNacional), 1))
		if !strings.Contains(texto, want) {
			t.Errorf("want %q in the output", want)
		}
	})

	t.Run("ranking", func(t *testing.T) {
		for _, i := range []int{0, 1, 2, 3, 4, 29, 30, 31} {
			e := ents[i]
			re := regexp.MustCompile(fmt.Sprintf(`(?m)^\s+%d\. %s\s+%s millones de dólares\s+%s hab\.\s+%s dólares por habitante$`,
				i+1, regexp.QuoteMeta(e.nombre), miles(float64(e.dolares)/1e6, 0), miles(float64(e.poblacion), 0), regexp.QuoteMeta(miles(e.porHab, 1))))
			if !re.MatchString(texto) {
				t.Errorf("rank %d: no line matching %s", i+1, re)
			}
		}
		if z := ents[0]; z.nombre != "Zacatecas" || fmt.Sprintf("%.1f", z.porHab) != "1129.0" {
			t.Errorf("raw data: first state %+v; want Zacatecas, 1129.0", z)
		}
	})

	t.Run("chart files", func(t *testing.T) {
		for _, nombre := range []string{"remesas_por_habitante_mapa", "remesas_por_habitante_barras"} {
			for _, ext := range []string{".png", ".svg"} {
				fi, err := os.Stat(filepath.Join(dir, nombre+ext))
				if err != nil || fi.Size() == 0 {
					t.Errorf("chart %s%s: %v", nombre, ext, err)
				}
			}
		}
	})
}

// calcular computes the figures from the raw files with encoding/csv.
func calcular(t *testing.T) (ents []entidad, directas, total, pobNacional int) {
	t.Helper()
	rem := leerCSV(t, archivoRemesas) // PERIODO,CVE_ENT,ENTIDAD,VALOR_USD
	pob := leerCSV(t, archivoPoblacion)
	conapo := map[string]bool{}
	porClave := map[string]*entidad{}
	for _, f := range pob[1:] { // n_year,nombre_estado,cve_ent,genero,pob_start_year,pob_mid_year
		if f[0] != anio || f[3] != "Total" {
			continue
		}
		n, err := strconv.Atoi(f[5])
		if err != nil {
			t.Fatal(err)
		}
		conapo[f[2]] = true
		if f[2] == "00" {
			pobNacional = n
			continue
		}
		porClave[f[2]] = &entidad{clave: f[2], nombre: f[1], poblacion: n}
	}
	vistas := map[string]bool{}
	for _, f := range rem[1:] {
		if !strings.HasPrefix(f[0], anio+"-") {
			continue
		}
		if !vistas[f[1]] && conapo[f[1]] {
			directas++
		}
		vistas[f[1]] = true
		clave := strings.Repeat("0", 2-len(f[1])) + f[1]
		e := porClave[clave]
		if e == nil {
			t.Fatalf("no CONAPO row for code %q", f[1])
		}
		v, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatal(err)
		}
		e.dolares += v
		total += v
	}
	for _, e := range porClave {
		e.porHab = float64(e.dolares) / float64(e.poblacion)
		ents = append(ents, *e)
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].porHab > ents[j].porHab })
	return ents, directas, total, pobNacional
}

func leerCSV(t *testing.T, nombre string) [][]string {
	t.Helper()
	b, err := os.ReadFile(nombre)
	if err != nil {
		t.Fatal(err)
	}
	filas, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return filas
}

// miles writes x with the given decimals and comma thousands separators.
func miles(x float64, dec int) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	ent, frac, _ := strings.Cut(s, ".")
	for i := len(ent) - 3; i > 0; i -= 3 {
		ent = ent[:i] + "," + ent[i:]
	}
	if dec > 0 {
		return ent + "." + frac
	}
	return ent
}

// verificarPublicado compares the ledger this run wrote in dir with the one
// published in publicado/ (ledgertest.Published): a figure that moved, or a
// source whose SHA-256 changed, fails the test with the list of changes.
func verificarPublicado(t *testing.T, dir string) {
	t.Helper()
	ledgertest.Published(t, dir, "publicado", *actualizar)
}
