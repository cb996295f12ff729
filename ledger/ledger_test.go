package ledger

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

const (
	censoFile = "testdata/censo2020_poblacion_estatal.csv"
	censoSHA  = "c8b46ae1011773ae5e91fa807f9037398f3944eaa9a55af0deea22cba32b182f"
)

// censo builds a ledger from a copy of the Censo 2020 state file: the
// share of women in the population (from the 32 states, checked against
// the file's own national row), the total population and Colima's share.
func censo(t *testing.T, path string) *Ledger {
	t.Helper()
	res, err := fetch.DescribeFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rep fetch.Report
	df, err := fetch.ReadCSVFile(path, fetch.WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	l := New("Mujeres y hombres en México, Censo 2020")
	if err := l.SourceWith(res, "INEGI, Censo de Población y Vivienda 2020, población por entidad",
		SourceURL("https://github.com/isaacarroyov/datos_facil_acceso/blob/5f7295ae9f6f5abfb7b12cd10047f5d824bc4fce/GobiernoMexicano/inegi/CENSO/2020/censo_2020_mexico_estandarizado.csv"),
		Retrieved("2026-11-20"), CutDate("2020-03-15"), Publisher("INEGI"),
		Processed("columnas estandarizadas por isaacarroyov/datos_facil_acceso")); err != nil {
		t.Fatal(err)
	}
	l.Step("lectura", rep)

	states := df.Filter(dataframe.F{Colname: "cve_geo", Comparator: series.Neq, Comparando: "00"})
	if states.Err != nil || states.Nrow() != 32 {
		t.Fatalf("states: %d rows, err %v", states.Nrow(), states.Err)
	}
	nat, err := analyze.GroupBy(states).Agg(analyze.Sum("pob_m_2020").As("mujeres"), analyze.Sum("pob_total_2020").As("total"))
	if err != nil {
		t.Fatal(err)
	}
	nat, rrep, err := analyze.RateWithReport(nat, "mujeres", "total", 100, "pct")
	if err != nil {
		t.Fatal(err)
	}
	l.Step("porcentaje de mujeres", rrep)
	mujeres, total, pct := nat.Col("mujeres").Float()[0], nat.Col("total").Float()[0], nat.Col("pct").Float()[0]
	if err := l.Figure("pct_mujeres", pct, Ratio(mujeres, total), Unit("%"), Period("2020"),
		Definition("mujeres entre la población total, por 100"),
		Caveat("población censada el 15 de marzo de 2020")); err != nil {
		t.Fatal(err)
	}
	if err := l.Figure("poblacion_total", total, Unit("habitantes"), Period("2020"), From(filepath.Base(path))); err != nil {
		t.Fatal(err)
	}
	colima := states.Filter(dataframe.F{Colname: "nombre_estado", Comparator: series.Eq, Comparando: "Colima"})
	c := colima.Col("pob_total_2020").Float()[0]
	if err := l.Figure("pct_colima", c/total*100, Ratio(c, total), Unit("%"), From(filepath.Base(path), "lectura")); err != nil {
		t.Fatal(err)
	}
	return l
}

func TestCensoFigures(t *testing.T) {
	l := censo(t, censoFile)
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	src := l.Sources()[0]
	if src.SHA256 != censoSHA || src.Bytes != 1716 || src.Path != censoFile || src.Copy != CopyProcessed {
		t.Errorf("source = %+v", src)
	}
	f, ok := l.Lookup("pct_mujeres")
	if !ok {
		t.Fatal("pct_mujeres not found")
	}
	// The 32 states add up to the file's own national row: 64,540,634
	// women of 126,014,024 people.
	if f.Text != "51.2%" || *f.Numerator != 64540634 || *f.Denominator != 126014024 || f.Per != 100 || f.Small {
		t.Errorf("pct_mujeres = %+v", f)
	}
	if f.Decimals != 1 || f.Rounding != "1 decimal, half away from zero" {
		t.Errorf("rounding = %d %q", f.Decimals, f.Rounding)
	}
	if len(f.Sources) != 1 || f.Sources[0] != src.URL || !reflect.DeepEqual(f.Steps, []string{"lectura", "porcentaje de mujeres"}) {
		t.Errorf("depends on %v and %v", f.Sources, f.Steps)
	}
	if !strings.HasPrefix(f.Code, "ledger/ledger_test.go:") {
		t.Errorf("code = %q", f.Code)
	}
	pop, _ := l.Lookup("poblacion_total")
	if pop.Text != "126,014,024" || pop.Numerator != nil || len(pop.Steps) != 0 || len(pop.Sources) != 1 {
		t.Errorf("poblacion_total = %+v", pop)
	}
	col, _ := l.Lookup("pct_colima")
	if col.Text != "0.58%" || *col.Numerator != 731391 || !reflect.DeepEqual(col.Steps, []string{"lectura"}) {
		t.Errorf("pct_colima = %+v", col)
	}
	steps := l.Steps()
	if steps[0].Kind != "fetch.Report" || !strings.Contains(steps[0].Report, "33 rows") || steps[1].Kind != "analyze.RateReport" {
		t.Errorf("steps = %+v", steps)
	}

	text, err := l.Render(`En 2020, las mujeres eran el {{cifra "pct_mujeres"}} de los {{ cifra "poblacion_total" }} habitantes; Colima, el {{cifra ` + "`pct_colima`" + `}}.`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "En 2020, las mujeres eran el 51.2% de los 126,014,024 habitantes; Colima, el 0.58%."; text != want {
		t.Errorf("Render = %q, want %q", text, want)
	}
}

func TestCode(t *testing.T) {
	l := New("x")
	_, _, line, _ := runtime.Caller(0)
	if err := l.Figure("a", 1); err != nil {
		t.Fatal(err)
	}
	f, _ := l.Lookup("a")
	if want := "ledger/ledger_test.go:" + strconv.Itoa(line+1); f.Code != want {
		t.Errorf("code = %q, want %q", f.Code, want)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	l := censo(t, censoFile)
	dir := t.TempDir()
	if err := l.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, name := range []string{JSONFile, CSVFile, NoteFile} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	for _, path := range []string{dir, filepath.Join(dir, JSONFile)} {
		back, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		if back.Title() != l.Title() || !reflect.DeepEqual(back.Sources(), l.Sources()) ||
			!reflect.DeepEqual(back.Steps(), l.Steps()) || !reflect.DeepEqual(back.Figures(), l.Figures()) {
			t.Errorf("Read(%s) differs:\n%+v\n%+v", path, back.Figures(), l.Figures())
		}
		if d := Diff(l, back); d != nil {
			t.Errorf("Diff of a ledger with its copy: %v", d)
		}
		again := t.TempDir()
		if err := back.WriteDir(again); err != nil {
			t.Fatal(err)
		}
		for name, want := range files {
			got, _ := os.ReadFile(filepath.Join(again, name))
			if !bytes.Equal(got, want) {
				t.Errorf("%s written from the ledger read back differs", name)
			}
		}
	}
	// Recording the same data again gives the same bytes.
	again := t.TempDir()
	if err := censo(t, censoFile).WriteDir(again); err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, _ := os.ReadFile(filepath.Join(again, name))
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs between two runs", name)
		}
	}

	js := string(files[JSONFile])
	for _, want := range []string{`"title": "Mujeres y hombres en México, Censo 2020"`, `"sha256": "` + censoSHA + `"`,
		`"bytes": 1716`, `"value": 51.21702486066154`, `"text": "51.2%"`, `"numerator": 64540634`, `"denominator": 126014024`,
		`"copy": "processed"`, `"cut_date": "2020-03-15"`, `"retrieved": "2026-11-20"`, `"code": "ledger/ledger_test.go:`} {
		if !strings.Contains(js, want) {
			t.Errorf("cifras.json lacks %s", want)
		}
	}
	csv := strings.Split(string(files[CSVFile]), "\n")
	if len(csv) != 5 || !strings.HasPrefix(csv[0], "nombre,texto,valor,") || !strings.HasPrefix(csv[1], "pct_mujeres,51.2%,51.21702486066154,") ||
		!strings.Contains(csv[2], ",126,014,024,") && !strings.Contains(csv[2], `,"126,014,024",126014024,`) {
		t.Errorf("cifras.csv:\n%s", files[CSVFile])
	}
	note := string(files[NoteFile])
	for _, want := range []string{"# Nota metodológica: Mujeres y hombres en México, Censo 2020", "SHA-256: `" + censoSHA + "`",
		"Tamaño: 1,716 bytes", "Fecha de consulta: 2026-11-20", "Copia: procesada: columnas estandarizadas",
		"| Verificado por | Fecha |", "| pct_mujeres | mujeres entre la población total, por 100 | 51.2% | 64,540,634 / 126,014,024 × 100 | 64,540,634 | 2020 | Población censada el 15 de marzo de 2020. |  |  |",
		"### 1. lectura", "### 2. porcentaje de mujeres",
		"  Fuentes: 1 (INEGI, Censo de Población y Vivienda 2020, población por entidad). Pasos: lectura, porcentaje de mujeres. Código: `ledger/ledger_test.go:"} {
		if !strings.Contains(note, want) {
			t.Errorf("metodologia.md lacks %q:\n%s", want, note)
		}
	}
}

// TestDiffFindsMoves edits one number of the Censo file: a small edit
// changes the hash but no published text; a large one moves the shares.
func TestDiffFindsMoves(t *testing.T) {
	published := censo(t, censoFile)
	raw, err := os.ReadFile(censoFile)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(from, to string) *Ledger {
		dir := t.TempDir()
		path := filepath.Join(dir, filepath.Base(censoFile))
		if !bytes.Contains(raw, []byte(from)) {
			t.Fatalf("%q not in the file", from)
		}
		if err := os.WriteFile(path, bytes.Replace(raw, []byte(from), []byte(to), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		return censo(t, path)
	}

	// One more woman in Colima: the hash moves, 51.2% does not; the total
	// is published to the person, so it moves.
	small := Diff(published, edit("Colima,Colima,06,731391,360622,370769", "Colima,Colima,06,731392,360622,370770"))
	var kinds []ChangeKind
	for _, c := range small {
		kinds = append(kinds, c.Kind)
	}
	if !reflect.DeepEqual(kinds, []ChangeKind{FigureMoved, SourceChanged}) || small[0].Name != "poblacion_total" ||
		small[0].String() != `figure "poblacion_total": 126,014,024 → 126,014,025 (value 126014024 → 126014025)` {
		t.Fatalf("small edit: %v", small)
	}
	if c := small[1]; c.Old != censoSHA || c.New == censoSHA || c.OldBytes != 1716 || c.NewBytes != 1716 {
		t.Errorf("source change = %+v", c)
	}

	// Half a million more women in Colima: every figure moves.
	big := edit("Colima,Colima,06,731391,360622,370769", "Colima,Colima,06,1231391,360622,870769")
	changes := Diff(published, big)
	if len(changes) != 4 {
		t.Fatalf("big edit: %v", changes)
	}
	if c := changes[0]; c.Name != "pct_mujeres" || c.Old != "51.2%" || c.New != "51.4%" {
		t.Errorf("pct_mujeres change = %v", c)
	}
	if c := changes[2]; c.Name != "pct_colima" || c.Old != "0.58%" || c.New != "0.97%" {
		t.Errorf("pct_colima change = %v", c)
	}
	err = Check(published, big)
	if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), "4 changes from the published ledger") ||
		!strings.Contains(err.Error(), "\n  figure \"pct_mujeres\": 51.2% → 51.4%") {
		t.Errorf("Check = %v", err)
	}

	// Figures that appear and disappear, sources that come and go.
	other := New("otra")
	other.Source(fetch.Describe("data/otro.csv", []byte("a,b\n1,2\n")), "otro archivo")
	if err := other.Figure("pct_mujeres", 51.2169, Unit("%")); err != nil {
		t.Fatal(err)
	}
	if err := other.Figure("nueva", 3); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range Diff(published, other) {
		got = append(got, c.String())
	}
	want := []string{
		`figure "nueva": new, 3 (value 3)`,
		`figure "poblacion_total": gone, was 126,014,024 (value 126014024)`,
		`figure "pct_colima": gone, was 0.58% (value 0.5804044476827437)`,
		`source "data/otro.csv": new, SHA-256 ` + other.Sources()[0].SHA256 + `, 8 bytes`,
		`source "https://github.com/isaacarroyov/datos_facil_acceso/blob/5f7295ae9f6f5abfb7b12cd10047f5d824bc4fce/GobiernoMexicano/inegi/CENSO/2020/censo_2020_mexico_estandarizado.csv": gone, was SHA-256 ` + censoSHA + `, 1716 bytes`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestVerify(t *testing.T) {
	dir := t.TempDir()
	l := censo(t, censoFile)
	if err := l.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	if err := Verify(dir, censo(t, censoFile)); err != nil {
		t.Errorf("Verify of the same run: %v", err)
	}
	if err := l.Figure("extra", 1.5); err != nil {
		t.Fatal(err)
	}
	if err := Verify(filepath.Join(dir, JSONFile), l); !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), `figure "extra": new, 1.5`) {
		t.Errorf("Verify = %v", err)
	}
	if err := Verify(filepath.Join(dir, "nada"), l); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Verify of a missing file = %v", err)
	}
}

// A share of zero fits every scale (0/43 × 1 = 0/43 × 100); with Unit("%")
// it is a percentage, as the same share of any other count would be.
func TestZeroShare(t *testing.T) {
	l := New("Adjudicaciones")
	if err := l.Figure("pct_ad", 0, Unit("%"), Ratio(0, 43), N(43), Decimals(1)); err != nil {
		t.Fatal(err)
	}
	f, _ := l.Lookup("pct_ad")
	if f.Per != 100 || f.Text != "0.0%" || f.Small {
		t.Errorf("per %v, text %q, small %v; want 100, \"0.0%%\", false", f.Per, f.Text, f.Small)
	}
	if err := l.Figure("mal", 0.5, Unit("%"), Ratio(1, 2)); !errors.Is(err, ErrArgument) {
		t.Errorf("0.5 as a percentage of 1/2: err %v, want ErrArgument", err)
	}
}
