package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/ledger/ledgertest"
	"golang.org/x/net/html"
)

// actualizar rewrites publicado/ from this run, after the change has been
// reviewed: go test ./examples/tabla-web -actualizar
var actualizar = flag.Bool("actualizar", false, "rewrite publicado/ with this run's ledger")

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

	t.Run("provenance", func(t *testing.T) {
		for ruta, archivo := range rutas {
			b, err := os.ReadFile(archivo)
			if err != nil {
				t.Fatal(err)
			}
			hash := fmt.Sprintf("%x", sha256.Sum256(b))
			// the public page and its version date, never the local server
			want := fmt.Sprintf("IMPLAN Torreón, http://trcimplan.github.io%s\n    versión del 22 de enero de 2015; %s bytes; SHA-256 %s\n", ruta, miles(len(b)), hash)
			if !strings.Contains(texto, want) {
				t.Errorf("provenance of %s: want %q in the output", ruta, want)
			}
			// the page itself declares that address
			if !bytes.Contains(b, []byte(`<meta name="og:url" content="http://trcimplan.github.io`+ruta+`">`)) {
				t.Errorf("%s does not declare http://trcimplan.github.io%s", archivo, ruta)
			}
		}
		if regexp.MustCompile(`127\.0\.0\.1|localhost|\[::1\]`).MatchString(texto) {
			t.Errorf("the output names the local test server")
		}
		hoy := time.Now().UTC().Format("2006-01-02")
		if strings.Contains(texto, hoy) {
			t.Errorf("the output prints today's date (%s) as if it were provenance", hoy)
		}
	})

	t.Run("monthly series", func(t *testing.T) {
		filas := celdas(t, rutas[paginaSerie])
		if got := strings.Join(filas[0], "|"); got != "Fecha|Dato|Fuente|Notas" {
			t.Fatalf("raw header %q", got)
		}
		var suma, max, min int
		var fMax, fMin string
		for i, f := range filas[1:] {
			n, err := strconv.Atoi(strings.ReplaceAll(f[1], ",", ""))
			if err != nil {
				t.Fatal(err)
			}
			suma += n
			if i == 0 || n > max {
				max, fMax = n, f[0]
			}
			if i == 0 || n < min {
				min, fMin = n, f[0]
			}
		}
		meses := len(filas) - 1
		for _, want := range []string{
			fmt.Sprintf("Torreón, enero–noviembre de 2014: %s en %d meses publicados.", miles(suma), meses),
			fmt.Sprintf("Mes con más delitos: %s (%s). Con menos: %s (%s).", nombreMes(t, fMax), miles(max), nombreMes(t, fMin), miles(min)),
		} {
			if !strings.Contains(texto, want) {
				t.Errorf("want %q in the output", want)
			}
		}
		if suma != 8743 || max != 1054 {
			t.Errorf("raw data: total %d, max %d; want 8743 and 1054", suma, max)
		}
	})

	t.Run("homicide rates", func(t *testing.T) {
		filas := celdas(t, rutas[paginaMatriz])
		cab := filas[0]
		var tasas []struct {
			mun string
			v   float64
		}
		laguna := 0.0
		for _, f := range filas[1:] {
			if f[1] != indicador {
				continue
			}
			for j := 2; j < len(f); j++ {
				v, err := strconv.ParseFloat(strings.ReplaceAll(f[j], ",", ""), 64)
				if err != nil {
					t.Fatal(err)
				}
				if cab[j] == "La Laguna" {
					laguna = v
					continue
				}
				tasas = append(tasas, struct {
					mun string
					v   float64
				}{cab[j], v})
			}
		}
		if len(tasas) != 4 {
			t.Fatalf("raw data: %d municipalities", len(tasas))
		}
		sort.Slice(tasas, func(i, j int) bool { return tasas[i].v > tasas[j].v })
		for i, x := range tasas {
			re := regexp.MustCompile(fmt.Sprintf(`(?m)^\s+%d\. %s\s+%.2f$`, i+1, regexp.QuoteMeta(x.mun), x.v))
			if !re.MatchString(texto) {
				t.Errorf("rank %d: no line matching %s", i+1, re)
			}
		}
		if want := fmt.Sprintf("La Laguna (zona metropolitana): %.2f", laguna); !strings.Contains(texto, want) {
			t.Errorf("want %q in the output", want)
		}
		if tasas[0].mun != "Gómez Palacio" || tasas[0].v != 57.38 {
			t.Errorf("raw data: highest rate %+v; want Gómez Palacio 57.38", tasas[0])
		}
	})

	t.Run("reports", func(t *testing.T) {
		for _, want := range []string{`"NO TIENE" ×1`, `"dd/mm/yyyy" ×11`, "Por cada 100 mil, 2013-12-31, SNSP", "coinciden."} {
			if !strings.Contains(texto, want) {
				t.Errorf("want %q in the output", want)
			}
		}
	})

	t.Run("chart files", func(t *testing.T) {
		for _, nombre := range []string{"delitos_torreon_mensual", "tasa_homicidios_laguna"} {
			for _, ext := range []string{".png", ".svg"} {
				fi, err := os.Stat(filepath.Join(dir, nombre+ext))
				if err != nil || fi.Size() == 0 {
					t.Errorf("chart %s%s: %v", nombre, ext, err)
				}
			}
		}
	})
}

// celdas returns the text of every cell of the first <table> of a saved
// page, parsed with golang.org/x/net/html (not with cifra).
func celdas(t *testing.T, archivo string) [][]string {
	t.Helper()
	f, err := os.Open(archivo)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var tabla *html.Node
	var buscar func(n *html.Node)
	buscar = func(n *html.Node) {
		if tabla != nil {
			return
		}
		if n.Type == html.ElementNode && n.Data == "table" {
			tabla = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			buscar(c)
		}
	}
	buscar(doc)
	if tabla == nil {
		t.Fatalf("%s: no table", archivo)
	}
	var filas [][]string
	var recorrer func(n *html.Node)
	recorrer = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" {
			var fila []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
					fila = append(fila, strings.Join(strings.Fields(texto(c)), " "))
				}
			}
			filas = append(filas, fila)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			recorrer(c)
		}
	}
	recorrer(tabla)
	return filas
}

func texto(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(texto(c) + " ")
	}
	return b.String()
}

// nombreMes writes "31/05/2014" as "mayo de 2014".
func nombreMes(t *testing.T, ddmmyyyy string) string {
	t.Helper()
	partes := strings.Split(ddmmyyyy, "/")
	m, err := strconv.Atoi(partes[1])
	if err != nil || len(partes) != 3 {
		t.Fatalf("date %q", ddmmyyyy)
	}
	return []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
		"septiembre", "octubre", "noviembre", "diciembre"}[m-1] + " de " + partes[2]
}

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
