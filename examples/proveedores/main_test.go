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
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/ledger/ledgertest"
)

// actualizar rewrites publicado/ from this run, after the change has been
// reviewed: go test ./examples/proveedores -actualizar
var actualizar = flag.Bool("actualizar", false, "rewrite publicado/ with this run's ledger")

// The test recomputes the findings from the raw CSV files with encoding/csv
// and its own, deliberately simple name normaliser (upper case, accents and
// punctuation removed, trailing company legal forms dropped, words sorted):
// it does not call cifra.

var acentos = strings.NewReplacer("Á", "A", "É", "E", "Í", "I", "Ó", "O", "Ú", "U", "Ü", "U", "Ñ", "N")

// formas son las formas jurídicas, ya sin puntuación, de la más larga a la
// más corta.
var formas = []string{"S A P I DE C V", "S A B DE C V", "S DE R L DE C V", "S DE RL DE CV", "S A DE C V",
	"SA DE C V", "S A DE CV", "SA DE CV", "SADE CV", "S DE R L", "S C", "SC", "A C", "AC", "S A", "SA"}

// plegar quita mayúsculas, acentos y puntuación, sin reordenar palabras.
func plegar(s string) string {
	s = acentos.Replace(strings.ToUpper(s))
	s = strings.Map(func(r rune) rune {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func normal(s string) string {
	s = acentos.Replace(strings.ToUpper(s))
	s = strings.Map(func(r rune) rune {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			return r
		}
		return ' '
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	for _, f := range formas {
		if strings.HasSuffix(s, " "+f) {
			s = strings.TrimSuffix(s, " "+f)
			break
		}
	}
	w := strings.Fields(s)
	sort.Strings(w)
	var u []string
	for i, x := range w {
		if i == 0 || x != w[i-1] {
			u = append(u, x)
		}
	}
	return strings.Join(u, " ")
}

type contrato struct {
	nombre  string
	importe float64
	pesos   bool
}

func leerContratos(t *testing.T) []contrato {
	t.Helper()
	var out []contrato
	for _, ruta := range muestras {
		rows := leerCSV(t, ruta)
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		vistas := map[string]bool{}
		for _, r := range rows[1:] {
			// fuera: filas repetidas exactas y proveedor "---"
			if k := strings.Join(r, "\x00"); vistas[k] || r[col["PROVEEDOR_CONTRATISTA"]] == "---" {
				continue
			} else {
				vistas[k] = true
			}
			v, err := strconv.ParseFloat(r[col["IMPORTE_CONTRATO"]], 64)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, contrato{
				nombre:  strings.Join(strings.Fields(r[col["PROVEEDOR_CONTRATISTA"]]), " "),
				importe: v, pesos: r[col["MONEDA"]] == "MXN"})
		}
	}
	return out
}

func leerCSV(t *testing.T, ruta string) [][]string {
	t.Helper()
	f, err := os.Open(ruta)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// medir da proveedores distintos y la parte de los 10 mayores en contratos
// y en importe (en pesos), agrupando por clave(nombre).
func medir(cs []contrato, clave func(string) string) (int, float64, float64) {
	n := map[string]float64{}
	m := map[string]float64{}
	var totN, totM float64
	for _, c := range cs {
		k := clave(c.nombre)
		n[k]++
		totN++
		if c.pesos {
			m[k] += c.importe
			totM += c.importe
		}
	}
	return len(n), top10(n) / totN * 100, top10(m) / totM * 100
}

func top10(x map[string]float64) float64 {
	var v []float64
	for _, y := range x {
		v = append(v, y)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(v)))
	s := 0.0
	for i := 0; i < 10 && i < len(v); i++ {
		s += v[i]
	}
	return s
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
	cs := leerContratos(t)
	// 798 filas, menos 3 repetidas exactas y 3 con proveedor "---"
	if len(cs) != 792 {
		t.Fatalf("contratos: %d", len(cs))
	}
	if !strings.Contains(texto, fmt.Sprintf("%d contratos; ", len(cs))) {
		t.Errorf("no se imprimen %d contratos", len(cs))
	}

	etapas := []struct {
		etiqueta string
		clave    func(string) string
	}{
		{"nombres tal como vienen", func(s string) string { return s }},
		{"tras fusionar variantes (Fingerprint)", normal},
	}
	for _, e := range etapas {
		t.Run(e.etiqueta, func(t *testing.T) {
			d, pn, pm := medir(cs, e.clave)
			re := regexp.MustCompile(regexp.QuoteMeta(e.etiqueta) + `.*?:\s+(\d+) proveedores distintos; los 10 mayores tienen ([\d.]+)% de los contratos y ([\d.]+)% del importe`)
			m := re.FindStringSubmatch(texto)
			if m == nil {
				t.Fatalf("no encuentro la línea de %q en:\n%s", e.etiqueta, texto)
			}
			if m[1] != strconv.Itoa(d) {
				t.Errorf("proveedores distintos: impreso %s, calculado %d", m[1], d)
			}
			if want := fmt.Sprintf("%.1f", pn); m[2] != want {
				t.Errorf("top 10 contratos: impreso %s, calculado %s", m[2], want)
			}
			if want := fmt.Sprintf("%.1f", pm); m[3] != want {
				t.Errorf("top 10 importe: impreso %s, calculado %s", m[3], want)
			}
		})
	}

	// Cruce con la SFP: los proveedores cuya forma normal está en la lista.
	sfp := map[string]string{}
	for _, r := range leerCSV(t, sancionadas)[1:] {
		sfp[normal(r[0])] = r[0]
	}
	var esperadas []string
	vistos := map[string]bool{}
	exactas, plegadas := 0, 0
	for _, c := range cs {
		if s, ok := sfp[normal(c.nombre)]; ok && !vistos[normal(c.nombre)] && normal(c.nombre) != "" {
			vistos[normal(c.nombre)] = true
			esperadas = append(esperadas, s)
			switch {
			case c.nombre == s:
				exactas++
			case plegar(c.nombre) == plegar(s):
				plegadas++
			}
		}
	}
	tipos := fmt.Sprintf("Exactas: %d; plegadas: %d; por huella: %d; difusas: 0.", exactas, plegadas, len(esperadas)-exactas-plegadas)
	if !strings.Contains(texto, tipos) {
		t.Errorf("falta %q", tipos)
	}
	sort.Strings(esperadas)
	if len(esperadas) != 7 {
		t.Errorf("cálculo independiente: %d coincidencias con la SFP, se esperaban 7: %q", len(esperadas), esperadas)
	}
	if !strings.Contains(texto, fmt.Sprintf("Pistas (%d proveedores", len(esperadas))) {
		t.Errorf("no se imprimen %d pistas", len(esperadas))
	}
	for _, s := range esperadas {
		if !strings.Contains(texto, "~  "+s+"  [") {
			t.Errorf("falta la pista de %q", s)
		}
	}
	for _, frase := range []string{"[exacta]", "PISTA, no un hallazgo", "MUESTRAS", "SHA-256 ", "distancia"} {
		if !strings.Contains(texto, frase) {
			t.Errorf("falta %q en la salida", frase)
		}
	}
	for _, f := range []string{"proveedores.png", "proveedores.svg"} {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil || st.Size() == 0 {
			t.Errorf("gráfica %s: %v", f, err)
		}
	}
}

func TestNormal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"GRUPO RAUDALES, S.A. DE C.V.", "GRUPO RAUDALES"},
		{"Construcción Eficiente, S.A de C.V.", "CONSTRUCCION EFICIENTE"},
		{"UNIVERSIDAD LA SALLE AC", "LA SALLE UNIVERSIDAD"},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := normal(c.in); got != c.want {
				t.Errorf("normal(%q) = %q, quiero %q", c.in, got, c.want)
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
