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
	"golang.org/x/text/encoding/charmap"
)

// actualizar rewrites publicado/ from this run: go test ./examples/homicidios -actualizar
var actualizar = flag.Bool("actualizar", false, "rewrite publicado/ with this run's ledger after reviewing the change")

// estado is one state's figures computed straight from the raw files,
// without cifra, so that a library change that alters a finding fails here.
type estado struct {
	clave, nombre string
	carpetas      int
	poblacion     int
	tasa          float64
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run([]string{"-salida", dir}, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	texto := out.String()
	estados, meses, total, pobNacional := calcular(t)

	t.Run("provenance", func(t *testing.T) {
		for _, f := range []string{archivoDelitos, archivoPoblacion} {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("%s bytes; SHA-256 %x", miles(len(b)), sha256.Sum256(b))
			if !strings.Contains(texto, f) || !strings.Contains(texto, want) {
				t.Errorf("provenance of %s: want %q in the output", f, want)
			}
		}
		if !strings.Contains(texto, "Windows-1252") {
			t.Error("the reading report should say the SESNSP file is Windows-1252")
		}
	})

	t.Run("months published", func(t *testing.T) {
		want := "Meses con datos: " + strings.Join(meses, ", ") + "."
		if !strings.Contains(texto, want) {
			t.Errorf("want %q in the output", want)
		}
	})

	t.Run("join report", func(t *testing.T) {
		for _, want := range []string{"matched: 32 left rows, 32 right rows", "left keys with no match: none", `"00" ×1`} {
			if !strings.Contains(texto, want) {
				t.Errorf("want %q in the output", want)
			}
		}
	})

	t.Run("national", func(t *testing.T) {
		tasa := float64(total) / float64(pobNacional) * 100_000
		want := fmt.Sprintf("Nacional: %s carpetas, %s habitantes, %.1f por cada 100 mil.", miles(total), miles(pobNacional), tasa)
		if !strings.Contains(texto, want) {
			t.Errorf("want %q in the output", want)
		}
		// The figures the issue quotes, computed by hand.
		if total != 3996 || pobNacional != 134_407_258 {
			t.Errorf("raw data: national %d carpetas, %d people; want 3996 and 134407258", total, pobNacional)
		}
	})

	t.Run("top ten", func(t *testing.T) {
		for i, e := range estados[:10] {
			re := regexp.MustCompile(fmt.Sprintf(`(?m)^\s+%d\. %s\s+%s carpetas\s+%s hab\.\s+%.1f por 100 mil`,
				i+1, regexp.QuoteMeta(e.nombre), miles(e.carpetas), miles(e.poblacion), e.tasa))
			if !re.MatchString(texto) {
				t.Errorf("rank %d: no line matching %s", i+1, re)
			}
		}
		if c := estados[0]; c.nombre != "Colima" || c.carpetas != 158 || c.poblacion != 771_538 || fmt.Sprintf("%.1f", c.tasa) != "20.5" {
			t.Errorf("raw data: first state %+v; want Colima 158, 771538, 20.5", c)
		}
	})

	t.Run("small numbers", func(t *testing.T) {
		var chicas []string
		for _, e := range estados {
			if e.carpetas < 10 {
				chicas = append(chicas, fmt.Sprintf("%s (%d)", e.nombre, e.carpetas))
			}
		}
		want := "la tasa es inestable): " + strings.Join(chicas, ", ") + "."
		if len(chicas) == 0 || !strings.Contains(texto, want) {
			t.Errorf("want %q in the output", want)
		}
	})

	t.Run("published ledger", func(t *testing.T) {
		verificarPublicado(t, dir)
	})

	t.Run("chart files", func(t *testing.T) {
		for _, ext := range []string{".png", ".svg"} {
			fi, err := os.Stat(filepath.Join(dir, "tasa_homicidio_doloso"+ext))
			if err != nil || fi.Size() == 0 {
				t.Errorf("chart %s: %v (size %v)", ext, err, fi)
			}
		}
		svg, err := os.ReadFile(filepath.Join(dir, "tasa_homicidio_doloso.svg"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Colima", "Nacional: 3.0", "20.5"} {
			if !bytes.Contains(svg, []byte(want)) {
				t.Errorf("SVG lacks %q", want)
			}
		}
	})
}

func TestRunBadFlag(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-no-existe"}, &out); err == nil {
		t.Error("an unknown flag should be an error")
	}
}

// calcular reads the raw files with encoding/csv and computes the figures.
func calcular(t *testing.T) (estados []estado, meses []string, total, pobNacional int) {
	t.Helper()
	raw, err := os.ReadFile(archivoDelitos)
	if err != nil {
		t.Fatal(err)
	}
	utf8, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	filas, err := csv.NewReader(bytes.NewReader(utf8)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if filas[0][0] != "Año" || filas[0][5] != "Subtipo de delito" || filas[0][7] != "Enero" {
		t.Fatalf("unexpected header %q", filas[0])
	}
	conDatos := make([]bool, 12)
	porClave := map[string]*estado{}
	for _, f := range filas[1:] {
		for m := 0; m < 12; m++ {
			if f[7+m] != "" {
				conDatos[m] = true
			}
		}
		if f[5] != "Homicidio doloso" {
			continue
		}
		e := porClave[f[1]]
		if e == nil {
			e = &estado{clave: f[1]}
			porClave[f[1]] = e
		}
		for m := 0; m < 12; m++ {
			if f[7+m] == "" {
				continue
			}
			n, err := strconv.Atoi(f[7+m])
			if err != nil {
				t.Fatal(err)
			}
			e.carpetas += n
			total += n
		}
	}
	for m, ok := range conDatos {
		if ok {
			meses = append(meses, strings.ToLower(filas[0][7+m]))
		}
	}

	pf, err := os.Open(archivoPoblacion)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	pob, err := csv.NewReader(pf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range pob[1:] { // n_year,nombre_estado,cve_ent,genero,pob_start_year,pob_mid_year
		if f[0] != "2026" || f[3] != "Total" {
			continue
		}
		n, err := strconv.Atoi(f[5])
		if err != nil {
			t.Fatal(err)
		}
		if f[2] == "00" {
			pobNacional = n
			continue
		}
		if e := porClave[f[2]]; e != nil {
			e.nombre, e.poblacion = f[1], n
		}
	}
	for _, e := range porClave {
		e.tasa = float64(e.carpetas) / float64(e.poblacion) * 100_000
		estados = append(estados, *e)
	}
	sort.Slice(estados, func(i, j int) bool { return estados[i].tasa > estados[j].tasa })
	if len(estados) != 32 {
		t.Fatalf("raw data: %d states", len(estados))
	}
	return estados, meses, total, pobNacional
}

// miles writes n with comma thousands separators: 134407258 → "134,407,258".
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
