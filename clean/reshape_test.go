package clean

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"golang.org/x/text/encoding/charmap"
)

// loadSESNSP reads the SESNSP state file (Latin-1) as a reader would type
// it: Año Int, codes and names text, months Int where they hold numbers
// (empty → missing) and text where the whole column is empty.
func loadSESNSP(t testing.TB) dataframe.DataFrame {
	t.Helper()
	f, err := os.Open("testdata/reshape/sesnsp_idefc_estatal_2026.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(charmap.Windows1252.NewDecoder().Reader(f)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var cols []series.Series
	for j, name := range recs[0] {
		raw := make([]string, len(recs)-1)
		for i, r := range recs[1:] {
			raw[i] = r[j]
		}
		ints := make([]int, len(raw))
		na := make([]bool, len(raw))
		numeric, empty := name != "Clave_Ent", true
		for i, s := range raw {
			if s == "" {
				na[i] = true
				continue
			}
			empty = false
			n, err := strconv.Atoi(s)
			if err != nil {
				numeric = false
				break
			}
			ints[i] = n
		}
		if numeric && !empty {
			cols = append(cols, frame.Ints(name, ints, na))
		} else {
			cols = append(cols, frame.Strings(name, raw, nil))
		}
	}
	df, err := frame.New(cols...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

var sesnspIDs = []string{"Año", "Clave_Ent", "Entidad", "Bien jurídico afectado", "Tipo de delito", "Subtipo de delito", "Modalidad"}

func TestLongerSESNSP(t *testing.T) {
	df := loadSESNSP(t)
	if df.Nrow() != 3648 || df.Ncol() != 19 {
		t.Fatalf("%d×%d", df.Nrow(), df.Ncol())
	}
	if got := strings.Join(MonthColumns(df), ","); got != "Enero,Febrero,Marzo,Abril,Mayo,Junio,Julio,Agosto,Septiembre,Octubre,Noviembre,Diciembre" {
		t.Fatalf("MonthColumns = %s", got)
	}
	long, err := Longer(df, sesnspIDs, "mes", "delitos")
	if err != nil {
		t.Fatal(err)
	}
	if long.Nrow() != 43776 || long.Ncol() != 9 {
		t.Fatalf("%d×%d", long.Nrow(), long.Ncol())
	}
	d := long.Col("delitos")
	if d.Type() != series.Int {
		t.Fatalf("delitos is %s", d.Type())
	}
	vals, na := frame.FloatsOf(d)
	months, _ := frame.StringsOf(long.Col("mes"))
	sum := map[string]float64{}
	missing := map[string]int{}
	for i, v := range vals {
		if na[i] {
			missing[months[i]]++
			continue
		}
		sum[months[i]] += v
	}
	if sum["Enero"] != 154812 || sum["Febrero"] != 150592 || sum["Marzo"] != 175249 {
		t.Fatalf("sums %v", sum)
	}
	total := 0
	for m, n := range missing {
		if m == "Enero" || m == "Febrero" || m == "Marzo" || n != 3648 {
			t.Fatalf("missing %v", missing)
		}
		total += n
	}
	if total != 32832 || sum["Abril"] != 0 || len(sum) != 3 {
		t.Fatalf("missing cells %d (want 32,832, never 0); sums %v", total, sum)
	}
	// Row order: each input row's twelve months in order.
	if months[0] != "Enero" || months[11] != "Diciembre" || months[12] != "Enero" {
		t.Fatalf("months %v", months[:13])
	}

	iso, err := ISOMonth(long, "Año", "mes", "periodo")
	if err != nil {
		t.Fatal(err)
	}
	p, _ := frame.StringsOf(iso.Col("periodo"))
	if p[0] != "2026-01" || p[2] != "2026-03" || p[11] != "2026-12" {
		t.Fatalf("periodo %v", p[:12])
	}

	// Back to wide: the CDMX intentional homicides by firearm, as published.
	wide, err := Wider(long, sesnspIDs, "mes", "delitos")
	if err != nil {
		t.Fatal(err)
	}
	if wide.Nrow() != 3648 || strings.Join(wide.Names(), ",") != strings.Join(df.Names(), ",") {
		t.Fatalf("wide %d rows, names %v", wide.Nrow(), wide.Names())
	}
	sel := wide.Filter(dataframe.F{Colname: "Clave_Ent", Comparator: series.Eq, Comparando: "09"}).
		Filter(dataframe.F{Colname: "Modalidad", Comparator: series.Eq, Comparando: "Con arma de fuego"}).
		Filter(dataframe.F{Colname: "Subtipo de delito", Comparator: series.Eq, Comparando: "Homicidio doloso"})
	if sel.Err != nil || sel.Nrow() != 1 {
		t.Fatalf("selection: %v %d", sel.Err, sel.Nrow())
	}
	jan, _ := sel.Col("Enero").Int()
	mar, _ := sel.Col("Marzo").Int()
	if jan[0] != 46 || mar[0] != 50 || !sel.Col("Abril").IsNaN()[0] {
		t.Fatalf("CDMX firearm homicides %v %v", jan, mar)
	}
}

func TestLongerTypes(t *testing.T) {
	tests := []struct {
		name string
		cols []series.Series
		typ  series.Type
		vals string
	}{
		{"int and float", []series.Series{frame.Ints("a", []int{1}, nil), frame.Floats("b", []float64{2.5}, nil)}, series.Float, "1.000000,2.500000"},
		{"int and text", []series.Series{frame.Ints("a", []int{1}, nil), frame.Strings("b", []string{"x"}, nil)}, series.String, "1,x"},
		{"all missing", []series.Series{frame.Floats("a", []float64{math.NaN()}, nil), frame.Strings("b", []string{" "}, nil)}, series.Float, "NaN,NaN"},
		{"bool", []series.Series{frame.Bools("a", []bool{true}, nil), frame.Bools("b", []bool{false}, []bool{true})}, series.Bool, "true,NaN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			df := frameOf(t, append([]series.Series{frame.Strings("id", []string{"r"}, nil)}, tt.cols...)...)
			out, err := Longer(df, []string{"id"}, "k", "v")
			if err != nil {
				t.Fatal(err)
			}
			v := out.Col("v")
			if v.Type() != tt.typ || strings.Join(v.Records(), ",") != tt.vals {
				t.Fatalf("%s %v", v.Type(), v.Records())
			}
		})
	}
}

func TestReshapeErrors(t *testing.T) {
	df := frameOf(t, frame.Strings("id", []string{"a", "a", "b"}, nil), frame.Strings("k", []string{"x", "x", "y"}, nil), frame.Ints("v", []int{1, 2, 3}, nil))
	tests := []struct {
		name string
		err  error
		f    func() error
	}{
		{"longer no id", ErrNoColumn, func() error { _, err := Longer(df, []string{"nope"}, "n", "v2"); return err }},
		{"longer clash", ErrArgument, func() error { _, err := Longer(df, []string{"id"}, "id", "v2"); return err }},
		{"longer nothing", ErrArgument, func() error { _, err := Longer(df, []string{"id", "k", "v"}, "n", "w"); return err }},
		{"wider duplicate", ErrDuplicate, func() error { _, err := Wider(df, []string{"id"}, "k", "v"); return err }},
		{"wider no column", ErrNoColumn, func() error { _, err := Wider(df, []string{"id"}, "nope", "v"); return err }},
		{"iso month bad", ErrBadDate, func() error { _, err := ISOMonth(df, "v", "k", "p"); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f()
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
		})
	}
	_, err := Wider(df, []string{"id"}, "k", "v")
	if !strings.Contains(err.Error(), `rows 0 and 1`) || !strings.Contains(err.Error(), `id="a"`) {
		t.Fatalf("duplicate error does not name the rows: %v", err)
	}
}

func TestWiderFillsMissing(t *testing.T) {
	df := frameOf(t,
		frame.Strings("estado", []string{"Jalisco", "Jalisco", "Sonora"}, nil),
		frame.Ints("anio", []int{2023, 2024, 2024}, nil),
		frame.Floats("tasa", []float64{1.5, 2.5, 3.5}, nil),
	)
	out, err := Wider(df, []string{"estado"}, "anio", "tasa")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(out.Names(), ",") != "estado,2023,2024" {
		t.Fatalf("names %v", out.Names())
	}
	if got := strings.Join(out.Col("2023").Records(), ","); got != "1.500000,NaN" {
		t.Fatalf("2023 = %s", got)
	}
}

func TestMonthNumber(t *testing.T) {
	tests := []struct {
		in string
		n  int
	}{
		{"Enero", 1}, {"ENERO", 1}, {" ene. ", 1}, {"Febrero", 2}, {"Sept", 9}, {"setiembre", 9},
		{"Diciembre", 12}, {"DIC", 12}, {"octubre", 10}, {"3", 3}, {"03", 3}, {"12.0", 12},
		{"13", 0}, {"0", 0}, {"", 0}, {"Enerox", 0}, {"2.5", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, ok := MonthNumber(tt.in)
			if n != tt.n || ok != (tt.n != 0) {
				t.Fatalf("MonthNumber(%q) = %d, %v", tt.in, n, ok)
			}
		})
	}
}

func BenchmarkLongerSESNSP(b *testing.B) {
	df := loadSESNSP(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Longer(df, sesnspIDs, "mes", "delitos"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzMonthNumber(f *testing.F) {
	for _, s := range []string{"Enero", "sept.", "12", "12.0", "1e1", "-3", "\xff", "Diciembre "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := MonthNumber(s)
		if ok != (n >= 1 && n <= 12) {
			t.Fatalf("MonthNumber(%q) = %d, %v", s, n, ok)
		}
	})
}
