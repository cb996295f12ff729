package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/ledger/ledgertest"
)

// actualizar rewrites publicado/ from this run, after the change has been
// reviewed: go test ./examples/pesos-constantes -actualizar
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
	gasto := leerCuenta(t)
	inpc := promediosINPC(t)
	factor := inpc[2023] / inpc[2013]

	t.Run("provenance", func(t *testing.T) {
		for _, f := range []string{archivoCuenta, archivoINPC} {
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

	t.Run("stages", func(t *testing.T) {
		for _, etapa := range []string{"Aprobado", "Modificado", "Devengado", "Ejercicio"} {
			var suma float64
			for _, f := range gasto {
				if f.etapa == etapa && f.ciclo == 2023 {
					suma += f.total
				}
			}
			want := fmt.Sprintf("%-11s %s mil millones de pesos", etapa, miles(suma/1e9, 1))
			if !strings.Contains(texto, want) {
				t.Errorf("want %q in the output", want)
			}
		}
	})

	t.Run("Devengado against Ejercicio", func(t *testing.T) {
		dev, ej := map[int]float64{}, map[int]float64{}
		for _, f := range gasto {
			switch f.etapa {
			case "Devengado":
				dev[f.ciclo] += f.total
			case "Ejercicio":
				ej[f.ciclo] += f.total
			}
		}
		peor, anio := 0.0, 0
		for y := 2013; y <= 2023; y++ {
			if d := 100 * (dev[y] - ej[y]) / ej[y]; anio == 0 || d > peor {
				peor, anio = d, y
			}
		}
		want := fmt.Sprintf("la mayor diferencia es de %.2f%% (%d);\n  en 2013, %.2f%%; en 2023, %.2f%%. Con Devengado, el cambio nominal 2013→2023 sería %.2f%%\n  (con Ejercicio, %.2f%%)",
			peor, anio, 100*(dev[2013]-ej[2013])/ej[2013], 100*(dev[2023]-ej[2023])/ej[2023],
			100*(dev[2023]/dev[2013]-1), 100*(ej[2023]/ej[2013]-1))
		if !strings.Contains(texto, want) {
			t.Errorf("want %q in the output", want)
		}
		// Hand-checked: the largest gap is 0.07% in 2017; 2023 has none.
		if anio != 2017 || fmt.Sprintf("%.2f", peor) != "0.07" {
			t.Errorf("raw data: largest Devengado gap %.3f%% in %d; want 0.07%% in 2017", peor, anio)
		}
	})

	t.Run("ramos not compared", func(t *testing.T) {
		en := map[string]map[int]bool{}
		for _, f := range gasto {
			if f.etapa == "Ejercicio" {
				if en[f.ramo] == nil {
					en[f.ramo] = map[int]bool{}
				}
				en[f.ramo][f.ciclo] = true
			}
		}
		var solo13, solo23, ninguno int
		for _, a := range en {
			switch {
			case a[2013] && !a[2023]:
				solo13++
			case a[2023] && !a[2013]:
				solo23++
			case !a[2013] && !a[2023]:
				ninguno++
			}
		}
		for _, want := range []string{
			fmt.Sprintf("No se comparan %d ramos", solo13+solo23+ninguno),
			fmt.Sprintf("Sólo en 2013 (%d):", solo13),
			fmt.Sprintf("Sólo en 2023 (%d):", solo23),
			fmt.Sprintf("Ni en 2013 ni en 2023 (sólo en años intermedios) (%d):", ninguno),
			"los programas cambian de ramo de un año a otro",
		} {
			if !strings.Contains(texto, want) {
				t.Errorf("want %q in the output", want)
			}
		}
		if solo13 != 4 || solo23 != 8 || ninguno != 1 {
			t.Errorf("raw data: %d ramos only in 2013, %d only in 2023, %d in neither; want 4, 8, 1", solo13, solo23, ninguno)
		}
	})

	t.Run("totals", func(t *testing.T) {
		total := map[int]float64{}
		for _, f := range gasto {
			if f.etapa == "Ejercicio" {
				total[f.ciclo] += f.total
			}
		}
		nom0, nom1 := total[2013], total[2023]
		real0 := nom0 * factor
		for _, want := range []string{
			fmt.Sprintf("Total 2013: %s mil millones de pesos de ese año = %s mil millones de pesos de 2023.", miles(nom0/1e9, 1), miles(real0/1e9, 1)),
			fmt.Sprintf("Total 2023: %s mil millones de pesos.", miles(nom1/1e9, 1)),
			fmt.Sprintf("Cambio 2013→2023: nominal %.1f%%, real %.1f%%.", 100*(nom1/nom0-1), 100*(nom1/real0-1)),
			fmt.Sprintf("La inflación explica %.0f de cada 100 pesos del aumento nominal.", 100*(real0-nom0)/(nom1-nom0)),
		} {
			if !strings.Contains(texto, want) {
				t.Errorf("want %q in the output", want)
			}
		}
		// Hand-checked figures: 3,134.8 → 6,464.0 mil millones, +106.2%
		// nominal, +30.8% real.
		if got := fmt.Sprintf("%.1f %.1f", 100*(nom1/nom0-1), 100*(nom1/real0-1)); got != "106.2 30.8" {
			t.Errorf("raw data: changes %s; want 106.2 30.8", got)
		}
	})

	t.Run("duplicates", func(t *testing.T) {
		visto := map[string]int{}
		for _, f := range gasto {
			if f.etapa == "Ejercicio" {
				visto[fmt.Sprint(f.ciclo, f.ramo)]++
			}
		}
		n := 0
		for _, c := range visto {
			if c > 1 {
				n += c
			}
		}
		want := fmt.Sprintf("Ojo: %d filas repiten ramo y año", n)
		if n == 0 || !strings.Contains(texto, want) {
			t.Errorf("want %q in the output", want)
		}
	})

	t.Run("largest ramos", func(t *testing.T) {
		type ramo struct {
			nombre     string
			r0, r1, n0 float64
		}
		por := map[string]*ramo{}
		for _, f := range gasto {
			if f.etapa != "Ejercicio" || (f.ciclo != 2013 && f.ciclo != 2023) {
				continue
			}
			r := por[f.ramo]
			if r == nil {
				r = &ramo{nombre: f.ramo, r0: math.NaN()}
				por[f.ramo] = r
			}
			if f.ciclo == 2013 {
				if math.IsNaN(r.r0) {
					r.r0 = 0
				}
				r.r0 += f.total * factor
				r.n0 += f.total
			} else {
				r.r1 += f.total
			}
		}
		var lista []*ramo
		for _, r := range por {
			if r.r1 > 0 && !math.IsNaN(r.r0) {
				lista = append(lista, r)
			}
		}
		sort.Slice(lista, func(i, j int) bool { return lista[i].r1 > lista[j].r1 })
		for i, r := range lista[:nRamos] {
			want := fmt.Sprintf("%d. %s\n       2013: %s mil millones → 2023: %s mil millones; cambio real %.1f%% (nominal %.1f%%)",
				i+1, r.nombre, miles(r.r0/1e9, 1), miles(r.r1/1e9, 1), 100*(r.r1/r.r0-1), 100*(r.r1/r.n0-1))
			if !strings.Contains(texto, want) {
				t.Errorf("want %q in the output", want)
			}
		}
		if edu := por["Educación Pública"]; fmt.Sprintf("%.1f", 100*(edu.r1/edu.r0-1)) != "-8.1" {
			t.Errorf("raw data: Educación Pública real change %.2f%%; want -8.1%%", 100*(edu.r1/edu.r0-1))
		}
	})

	t.Run("chart files", func(t *testing.T) {
		for _, nombre := range []string{"gasto_nominal_vs_real", "ramos_pesos_constantes"} {
			for _, ext := range []string{".png", ".svg"} {
				fi, err := os.Stat(filepath.Join(dir, nombre+ext))
				if err != nil || fi.Size() == 0 {
					t.Errorf("chart %s%s: %v", nombre, ext, err)
				}
			}
		}
	})
}

type fila struct {
	ciclo       int
	ramo, etapa string
	total       float64
}

// leerCuenta reads the raw Cuenta Pública file with encoding/csv.
func leerCuenta(t *testing.T) []fila {
	t.Helper()
	f, err := os.Open(archivoCuenta)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	filas, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	h := filas[0]
	if h[0] != "CICLO" || h[2] != "RAMO" || h[3] != "PRESUPUESTO" || h[14] != "TOTAL" {
		t.Fatalf("unexpected header %q", h)
	}
	var out []fila
	for _, r := range filas[1:] {
		c, err := strconv.Atoi(r[0])
		if err != nil {
			t.Fatal(err)
		}
		v, err := strconv.ParseFloat(r[14], 64)
		if err != nil {
			t.Fatalf("TOTAL %q: %v", r[14], err)
		}
		out = append(out, fila{ciclo: c, ramo: r[2], etapa: r[3], total: v})
	}
	return out
}

// promediosINPC averages the raw monthly INPC by year (complete years only).
func promediosINPC(t *testing.T) map[int]float64 {
	t.Helper()
	f, err := os.Open(archivoINPC)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	filas, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	suma, n := map[int]float64{}, map[int]int{}
	for _, r := range filas[1:] {
		y, err := strconv.Atoi(r[0][:4])
		if err != nil {
			t.Fatal(err)
		}
		v, err := strconv.ParseFloat(r[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		suma[y] += v
		n[y]++
	}
	out := map[int]float64{}
	for y, s := range suma {
		if n[y] == 12 {
			out[y] = s / 12
		}
	}
	return out
}

// miles writes x with the given decimals and comma thousands separators.
func miles(x float64, dec int) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	ent, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(ent, "-")
	ent = strings.TrimPrefix(ent, "-")
	for i := len(ent) - 3; i > 0; i -= 3 {
		ent = ent[:i] + "," + ent[i:]
	}
	if neg {
		ent = "-" + ent
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
