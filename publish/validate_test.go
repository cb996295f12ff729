package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/fetch"
)

// corrupt replaces the first occurrence of old in a data file.
func corrupt(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, old) {
		t.Fatalf("%s has no %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(s, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRoundTrip(t *testing.T) {
	df := tidyConsulta(t)
	dir := publishConsulta(t, df)
	desc := filepath.Join(dir, DescriptorFile)

	rep, err := Validate(desc)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Valid() || rep.Version != "2.0" {
		t.Fatalf("freshly written package:\n%s", rep)
	}
	if got := []int{rep.Resources[0].Rows, rep.Resources[1].Rows, rep.Resources[2].Rows}; !reflect.DeepEqual(got, []int{4938, 32, 2475}) {
		t.Errorf("rows read = %v", got)
	}

	// The same table comes back: codes as text with zeros, counts as Int.
	back, err := fetch.ReadPackage(desc, "poblacion")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Types(), df.Types()) || !reflect.DeepEqual(back.Names(), df.Names()) {
		t.Fatalf("types %v %v, want %v %v", back.Names(), back.Types(), df.Names(), df.Types())
	}
	if !reflect.DeepEqual(back.Records(), df.Records()) {
		t.Error("ReadPackage gives a different table than the one written")
	}

	// A value corrupted by hand: row 3 of the data (line 4) is
	// Asientos, Hombres, 25,261.
	corrupt(t, filepath.Join(dir, "poblacion.csv"), "01,002,Asientos,Hombres,25261", "01,002,Asientos,Hombres,25x61")
	rep, err = Validate(desc)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Valid() {
		t.Fatal("a corrupted value validates")
	}
	var typeErr *Problem
	codes := map[string]int{}
	for i, p := range rep.Problems {
		codes[p.Code]++
		if p.Code == "type-error" {
			typeErr = &rep.Problems[i]
		}
	}
	if typeErr == nil || typeErr.Resource != "poblacion" || typeErr.Row != 3 || typeErr.Line != 4 || typeErr.Field != "poblacion" || typeErr.Value != "25x61" {
		t.Errorf("type error = %+v\n%s", typeErr, rep)
	}
	if codes["hash-count"] != 1 || codes["byte-count"] != 0 || rep.Total != 2 {
		t.Errorf("problems %v (same size, other hash):\n%s", codes, rep)
	}
	if !strings.Contains(rep.String(), `resource "poblacion", row 3 (line 4), field "poblacion": type-error`) {
		t.Errorf("report:\n%s", rep)
	}
	if _, err := fetch.ReadPackage(desc, "poblacion"); err == nil || !strings.Contains(err.Error(), "row 3 (poblacion.csv line 4)") {
		t.Errorf("ReadPackage of the corrupted file: %v", err)
	}
}

func TestValidateConstraintsAndKeys(t *testing.T) {
	dir := publishConsulta(t, tidyConsulta(t))
	data := filepath.Join(dir, "poblacion.csv")
	// INEGI lists municipalities by name, so row 7 is Cosío (004), row 11
	// Jesús María (005). Lose a zero, repeat a key, a municipality that does not exist, a
	// sex outside the categories, an empty count.
	corrupt(t, data, "01,003,Calvillo,Hombres,", "1,003,Calvillo,Hombres,")
	corrupt(t, data, "01,004,Cosío,Hombres,", "01,005,Cosío,Hombres,")
	corrupt(t, data, "01,006,Pabellón de Arteaga,Hombres,", "01,099,Pabellón de Arteaga,Hombres,")
	corrupt(t, data, "01,007,Rincón de Romos,Hombres,", "01,007,Rincón de Romos,hombre,")
	corrupt(t, data, "01,008,San José de Gracia,Hombres,4532", "01,008,San José de Gracia,Hombres,")
	rep, err := Validate(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range rep.Problems {
		got[fmt.Sprintf("%s row %d %s %s", p.Code, p.Row, p.Field, p.Value)] = true
	}
	for _, w := range []string{
		"constraint-error row 5 cve_ent 1",
		"foreign-key row 5 cve_ent 1",
		"primary-key row 11 cve_ent, cve_mun, sexo 01, 005, Hombres",
		"foreign-key row 13 cve_ent, cve_mun 01, 099",
		"constraint-error row 15 sexo hombre",
		"constraint-error row 19 poblacion ",
	} {
		if !got[w] {
			t.Errorf("missing problem %q in\n%s", w, rep)
		}
	}
}

func TestValidateV1(t *testing.T) {
	rep, err := Validate("testdata/v1/datapackage.json")
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Valid() || rep.Version != "1.0" || rep.Resources[0].Rows != 12 {
		t.Errorf("v1 package:\n%s", rep)
	}
	df, err := fetch.ReadPackage("testdata/v1/datapackage.json", "estados")
	if err != nil {
		t.Fatal(err)
	}
	row := df.Subset([]int{0}).Records()[1]
	if strings.Join(row, "|") != "01|Aguascalientes|2020-03-15|1425607|696683|1425.600000" {
		t.Errorf("first row %v", row)
	}
}

func TestValidateDescriptorProblems(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"not JSON", `{"resources": [`, "not valid JSON"},
		{"no resources", `{"$schema": "` + ProfileURL + `", "name": "x"}`, "missing property 'resources'"},
		{"path outside the package", `{"resources": [{"name": "a", "path": "../secreto.csv"}]}`, "/resources/0/path"},
		{"absolute path", `{"resources": [{"name": "a", "path": "/etc/passwd"}]}`, "/resources/0/path"},
		{"bad licence name", `{"licenses": [{"name": "Libre Uso"}], "resources": [{"name": "a", "data": [["x"], ["1"]]}]}`, "/licenses/0/name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, _ := validateDoc(t, t.TempDir(), c.doc)
			if rep.Valid() || !strings.Contains(rep.String(), c.want) {
				t.Errorf("want a problem mentioning %q:\n%s", c.want, rep)
			}
		})
	}
	if _, err := Validate(filepath.Join(t.TempDir(), "no-such.json")); err == nil {
		t.Error("a missing descriptor is an error")
	}
}

func TestValidateCapsProblems(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("n\n")
	for i := 0; i < 1500; i++ {
		b.WriteString("x\n")
	}
	writeTestFile(t, filepath.Join(dir, "t.csv"), b.String())
	rep, _ := validateDoc(t, dir, `{"resources": [{"name": "t", "path": "t.csv",
		"schema": {"fields": [{"name": "n", "type": "integer"}]}}]}`)
	if rep.Total != 1500 || len(rep.Problems) != MaxProblems || !rep.Capped {
		t.Errorf("total %d, listed %d, capped %v", rep.Total, len(rep.Problems), rep.Capped)
	}
	if last := rep.Problems[MaxProblems-1]; last.Row != 1000 || last.Line != 1001 {
		t.Errorf("last listed problem %+v", last)
	}
}

// A data file saved as Windows-1252 while the descriptor says UTF-8 (as a
// spreadsheet program does when "Cosío" is edited by hand).
func TestValidateEncoding(t *testing.T) {
	dir := publishConsulta(t, tidyConsulta(t))
	corrupt(t, filepath.Join(dir, "poblacion.csv"), "01,004,Cosío,Hombres,", "01,004,Cos\xedo,Hombres,")
	rep, err := Validate(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range rep.Problems {
		if p.Code == "encoding-error" && strings.Contains(p.Message, "(line 8) is 0xED") {
			found = true
		}
	}
	if !found {
		t.Errorf("no encoding error on line 8:\n%s", rep)
	}
}

func TestValidateLabelsAndBlankRows(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "t.csv"), "cve_ent,cve_ent,n\n01,01,5\n,,\n02,02,7\n")
	rep, _ := validateDoc(t, dir, `{"resources": [{"name": "t", "path": "t.csv",
		"schema": {"fields": [{"name": "cve_ent"}, {"name": "clave"}, {"name": "n", "type": "integer"}]}}]}`)
	got := map[string]bool{}
	for _, p := range rep.Problems {
		got[fmt.Sprintf("%s %d %d", p.Code, p.Row, p.Line)] = true
	}
	for _, w := range []string{"incorrect-label 0 1", "duplicate-label 0 1", "blank-row 2 3"} {
		if !got[w] {
			t.Errorf("missing %q:\n%s", w, rep)
		}
	}
	if rep.Total != 3 {
		t.Errorf("%d problems:\n%s", rep.Total, rep)
	}
}

// A long path is matched by the ECMA-262 patterns without timing out.
func TestValidateLongPath(t *testing.T) {
	long := strings.Repeat("a", 5000) + ".csv"
	rep, _ := validateDoc(t, t.TempDir(), `{"resources": [{"name": "t", "path": "`+long+`"}]}`)
	for _, p := range rep.Problems {
		if p.Code == "descriptor-error" {
			t.Errorf("a long relative path is valid: %s", p)
		}
	}
}

// TestValidateMissingDataFile: a resource whose data file is not there is
// not valid, with a schema or without one (a descriptor that lists a file
// nobody shipped was reported valid when the resource had no schema).
func TestValidateMissingDataFile(t *testing.T) {
	for _, doc := range []string{
		`{"resources": [{"name": "anexo", "path": ["anexo.pdf"]}]}`,
		`{"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "a"}]}}]}`,
	} {
		rep, _ := validateDoc(t, t.TempDir(), doc)
		if rep.Valid() || len(rep.Problems) != 1 || rep.Problems[0].Code != "source-error" || !strings.Contains(rep.Problems[0].Message, "cannot be opened") {
			t.Errorf("%s:\n%s", doc, rep)
		}
	}
}

// TestInlineObjectIsNotATable: inline data that is an object is a valid
// resource but not a table: with a Table Schema, Validate says so; without
// one the package is valid, and fetch.ReadPackage refuses to make a table
// of it (ErrUnsupported) instead of failing as if the file were broken.
func TestInlineObjectIsNotATable(t *testing.T) {
	for _, c := range []struct {
		doc   string
		valid bool
	}{
		{`{"resources": [{"name": "meta", "data": {"fuente": "INEGI"}}]}`, true},
		{`{"resources": [{"name": "meta", "data": {"fuente": "INEGI"}, "schema": {"fields": [{"name": "fuente"}]}}]}`, false},
	} {
		rep, path := validateDoc(t, t.TempDir(), c.doc)
		if rep.Valid() != c.valid || !c.valid && !strings.Contains(rep.String(), "inline data is not an array of rows") {
			t.Errorf("%s:\n%s", c.doc, rep)
		}
		if _, err := fetch.ReadPackage(path, "meta"); !errors.Is(err, fetch.ErrUnsupported) {
			t.Errorf("%s: ReadPackage: %v", c.doc, err)
		}
	}
}

// writeTestFile writes text to path, failing the test if it cannot.
func writeTestFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// validateDoc writes doc as the descriptor of dir, validates the package
// and returns the report and the descriptor's path.
func validateDoc(t *testing.T, dir, doc string) (ValidationReport, string) {
	t.Helper()
	path := filepath.Join(dir, DescriptorFile)
	writeTestFile(t, path, doc)
	rep, err := Validate(path)
	if err != nil {
		t.Fatal(err)
	}
	return rep, path
}
