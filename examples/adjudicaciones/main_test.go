package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/ledger/ledgertest"
)

// actualizar rewrites publicado/ from this run, after the change has been
// reviewed: go test ./examples/adjudicaciones -actualizar
var actualizar = flag.Bool("actualizar", false, "rewrite publicado/ with this run's ledger")

// esperado son las cifras de una dependencia calculadas directamente del
// CSV crudo con encoding/csv, sin pasar por cifra.
type esperado struct {
	contratos, ad      int
	importe, importeAD float64 // sólo contratos en MXN
}

// quitados son las filas que el cálculo independiente deja fuera: la
// segunda copia de cada fila repetida exacta y los contratos con proveedor
// "---".
type quitados struct {
	repetidos, sinProveedor []string // CODIGO_CONTRATO
}

func calcular(t *testing.T) (map[string]*esperado, int, quitados) {
	t.Helper()
	out := map[string]*esperado{}
	usd := 0
	var q quitados
	for _, a := range archivos {
		f, err := os.Open(a.ruta)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		vistas := map[string]bool{}
		for _, r := range rows[1:] {
			clave := strings.Join(r, "\x00")
			if vistas[clave] {
				q.repetidos = append(q.repetidos, r[col["CODIGO_CONTRATO"]])
				continue
			}
			vistas[clave] = true
			if r[col["PROVEEDOR_CONTRATISTA"]] == "---" {
				q.sinProveedor = append(q.sinProveedor, r[col["CODIGO_CONTRATO"]])
				continue
			}
			s := r[col["SIGLAS"]]
			e := out[s]
			if e == nil {
				e = &esperado{}
				out[s] = e
			}
			ad := strings.HasPrefix(strings.ToLower(r[col["TIPO_PROCEDIMIENTO"]]), "adjudicación directa")
			e.contratos++
			if ad {
				e.ad++
			}
			if r[col["MONEDA"]] != "MXN" {
				usd++
				continue
			}
			v, err := strconv.ParseFloat(r[col["IMPORTE_CONTRATO"]], 64)
			if err != nil {
				t.Fatal(err)
			}
			e.importe += v
			if ad {
				e.importeAD += v
			}
		}
	}
	return out, usd, q
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
	// The story writes thousands with commas ("1,002.9 millones"); the
	// checks below read the numbers without them.
	texto := regexp.MustCompile(`(\d),(\d\d\d)`).ReplaceAllString(out.String(), "$1$2")
	esperados, usd, q := calcular(t)
	if got := strings.Join(q.repetidos, ","); got != "198506,665468,646699" {
		t.Errorf("filas repetidas según el cálculo independiente: %s", got)
	}
	if got := strings.Join(q.sinProveedor, ","); got != "77196,14904,9707" {
		t.Errorf("contratos con proveedor \"---\" según el cálculo independiente: %s", got)
	}
	for _, c := range q.repetidos {
		if !strings.Contains(texto, "contrato "+c+", importe ") {
			t.Errorf("la salida no nombra el contrato repetido %s", c)
		}
	}
	for _, c := range q.sinProveedor {
		if !strings.Contains(texto, "contrato "+c+", importe ") {
			t.Errorf("la salida no nombra el contrato sin proveedor %s", c)
		}
	}

	linea := regexp.MustCompile(`(?m)^(\S.*?)\s+(\d+) contratos,\s+([\d.]+)% por adjudicación directa; ([\d.]+) millones de pesos,\s+([\d.]+)% del importe`)
	vistos := map[string]bool{}
	var tot esperado
	for _, m := range linea.FindAllStringSubmatch(texto, -1) {
		e, ok := esperados[m[1]]
		if !ok {
			t.Errorf("dependencia inesperada %q", m[1])
			continue
		}
		vistos[m[1]] = true
		t.Run(m[1], func(t *testing.T) {
			checarEntero(t, "contratos", m[2], e.contratos)
			checar(t, "% contratos AD", m[3], 100*float64(e.ad)/float64(e.contratos))
			checar(t, "importe (millones)", m[4], e.importe/1e6)
			checar(t, "% importe AD", m[5], 100*e.importeAD/e.importe)
		})
	}
	for s, e := range esperados {
		if !vistos[s] {
			t.Errorf("falta la dependencia %q en la salida", s)
		}
		tot.contratos += e.contratos
		tot.ad += e.ad
		tot.importe += e.importe
		tot.importeAD += e.importeAD
	}
	if len(esperados) != 7 || tot.contratos != 792 {
		t.Errorf("el cálculo independiente dio %d dependencias y %d contratos; se esperaban 7 y 792 (798 filas menos 3 repetidas y 3 sin proveedor)", len(esperados), tot.contratos)
	}
	total := fmt.Sprintf("TOTAL: %d contratos, %d (%.1f%%) por adjudicación directa; %.1f millones de pesos, de los cuales %.1f millones de pesos (%.1f%%)",
		tot.contratos, tot.ad, 100*float64(tot.ad)/float64(tot.contratos), tot.importe/1e6, tot.importeAD/1e6, 100*tot.importeAD/tot.importe)
	if !strings.Contains(texto, total) {
		t.Errorf("falta la línea %q en la salida:\n%s", total, texto)
	}
	// El título: la dependencia con la mayor parte de su importe por
	// adjudicación directa, con su porcentaje recalculado.
	mayor, parte := "", -1.0
	for sig, e := range esperados {
		if p := 100 * e.importeAD / e.importe; p > parte {
			mayor, parte = sig, p
		}
	}
	titulo := fmt.Sprintf("Título: En la muestra, la %s entregó por adjudicación directa el %.1f%% del importe", mayor, parte)
	if mayor != "AFSEDF" || fmt.Sprintf("%.1f", parte) != "54.7" || !strings.Contains(texto, titulo) {
		t.Errorf("título: calculado %s %.1f%%; falta %q", mayor, parte, titulo)
	}
	fuera := fmt.Sprintf("Fuera de las sumas de importe: %d contratos", usd)
	if usd != 3 || !strings.Contains(texto, fuera) {
		t.Errorf("contratos en dólares: calculados %d; falta %q", usd, fuera)
	}
	for _, frase := range []string{"MUESTRA", "SHA-256 ", "Adjudicación Directa Federal → Adjudicación directa"} {
		if !strings.Contains(texto, frase) {
			t.Errorf("falta %q en la salida", frase)
		}
	}
	for _, f := range []string{"adjudicaciones.png", "adjudicaciones.svg"} {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil || st.Size() == 0 {
			t.Errorf("gráfica %s: %v", f, err)
		}
	}
}

func TestFamiliaDe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Adjudicación Directa Federal", adjudicacion},
		{"ADJUDICACION DIRECTA", adjudicacion},
		{"Invitación a Cuando Menos 3 Personas", invitacion},
		{"INVITACION A CUANDO MENOS TRES PERSONAS", invitacion},
		{"Licitación Pública Internacional Abierta", licitacion},
		{"Otro", ""},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := familiaDe(c.in); got != c.want {
				t.Errorf("familiaDe(%q) = %q, quiero %q", c.in, got, c.want)
			}
		})
	}
}

func checar(t *testing.T, que, impreso string, valor float64) {
	t.Helper()
	got, err := strconv.ParseFloat(impreso, 64)
	if err != nil {
		t.Fatalf("%s: %v", que, err)
	}
	if math.Abs(got-valor) > 0.051 {
		t.Errorf("%s: impreso %s, calculado %.3f", que, impreso, valor)
	}
}

func checarEntero(t *testing.T, que, impreso string, valor int) {
	t.Helper()
	if impreso != strconv.Itoa(valor) {
		t.Errorf("%s: impreso %s, calculado %d", que, impreso, valor)
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
