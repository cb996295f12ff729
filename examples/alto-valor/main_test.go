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
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/ledger/ledgertest"
	"golang.org/x/text/encoding/charmap"
)

// actualizar rewrites publicado/ from this run, after the change has been
// reviewed: go test ./examples/alto-valor -actualizar
var actualizar = flag.Bool("actualizar", false, "rewrite publicado/ with this run's ledger")

// municipio es una fila de la consulta, leída sin cifra.
type municipio struct {
	ent, mun, nombre string
	hombres, mujeres int
}

// leerCrudo lee la consulta de INEGI con encoding/csv: decodifica
// Latin-1, toma sólo las filas con clave " EE MMM " (los municipios) y
// quita las comas de miles.
func leerCrudo(t *testing.T) []municipio {
	t.Helper()
	b, err := os.ReadFile(archivoCenso)
	if err != nil {
		t.Fatal(err)
	}
	texto, err := charmap.ISO8859_1.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(texto))
	r.FieldsPerRecord = -1
	filas, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	clave := regexp.MustCompile(`^ (\d{2}) (\d{3}) $`)
	num := func(s string) int {
		n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return n
	}
	var out []municipio
	for _, f := range filas {
		if len(f) < 5 {
			continue
		}
		m := clave.FindStringSubmatch(f[0])
		if m == nil {
			continue
		}
		out = append(out, municipio{m[1], m[2], f[1], num(f[3]), num(f[4])})
	}
	return out
}

func miles(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
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
	muns := leerCrudo(t)
	hombres, mujeres := 0, 0
	for _, m := range muns {
		hombres += m.hombres
		mujeres += m.mujeres
	}

	t.Run("provenance", func(t *testing.T) {
		b, _ := os.ReadFile(archivoCenso)
		want := fmt.Sprintf("%s bytes; SHA-256 %x", miles(len(b)), sha256.Sum256(b))
		if !strings.Contains(texto, want) {
			t.Errorf("want %q in the output", want)
		}
	})

	t.Run("tidy table", func(t *testing.T) {
		want := fmt.Sprintf("Tabla limpia: %s filas (%s municipios × 2 sexos); %s hombres y %s mujeres, %s personas.",
			miles(2*len(muns)), miles(len(muns)), miles(hombres), miles(mujeres), miles(hombres+mujeres))
		if len(muns) != 2469 || !strings.Contains(texto, want) {
			t.Errorf("%d municipalities; want %q in the output", len(muns), want)
		}
	})

	t.Run("published file", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(dir, identificador, "poblacion.csv"))
		if err != nil {
			t.Fatal(err)
		}
		lineas := strings.Split(strings.TrimSpace(string(b)), "\n")
		if lineas[0] != "cve_ent,cve_mun,municipio,sexo,poblacion" || len(lineas) != 1+2*len(muns) {
			t.Fatalf("header %q, %d lines", lineas[0], len(lineas))
		}
		for i, m := range muns {
			for j, v := range []struct {
				sexo string
				n    int
			}{{"Hombres", m.hombres}, {"Mujeres", m.mujeres}} {
				nombre := m.nombre
				if strings.ContainsAny(nombre, ",\"") {
					nombre = strconv.Quote(nombre)
				}
				want := fmt.Sprintf("%s,%s,%s,%s,%d", m.ent, m.mun, nombre, v.sexo, v.n)
				if got := lineas[1+2*i+j]; got != want {
					t.Fatalf("line %d = %q, want %q", 2+2*i+j, got, want)
				}
			}
		}
		for _, f := range []string{"datapackage.json", "diccionario.csv", "diccionario.md", "catalogo.csv", "catalogo.jsonld", "entidades.csv", "municipios.csv"} {
			if _, err := os.Stat(filepath.Join(dir, identificador, f)); err != nil {
				t.Error(err)
			}
		}
	})

	t.Run("before and after", func(t *testing.T) {
		for _, s := range []string{
			"Validación (perfil oficial Data Package 2.0 y esquema de cada tabla): sin problemas.",
			"la misma tabla (cve_ent string, cve_mun string, municipio string, sexo string, poblacion int)",
			"Reglas cumplidas                             2 de 8       10 de 10",
			"el archivo de la consulta cumple 25% de las reglas que le aplican; el paquete publicado, 100%.",
		} {
			if !strings.Contains(texto, s) {
				t.Errorf("want %q in the output", s)
			}
		}
	})
}

// verificarPublicado compares the ledger this run wrote in dir with the one
// published in publicado/ (ledgertest.Published): a figure that moved, or a
// source whose SHA-256 changed, fails the test with the list of changes.
func verificarPublicado(t *testing.T, dir string) {
	t.Helper()
	ledgertest.Published(t, dir, "publicado", *actualizar)
}
