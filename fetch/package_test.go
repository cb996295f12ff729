package fetch

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-gota/gota/series"
)

func TestReadPackageV2(t *testing.T) {
	var rep Report
	df, err := ReadPackage("testdata/datapackage/v2/datapackage.json", "estados", WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != 33 {
		t.Fatalf("rows = %d", df.Nrow())
	}
	want := []series.Type{series.String, series.String, series.String, series.Int, series.Int, series.Int}
	if !reflect.DeepEqual(df.Types(), want) {
		t.Errorf("types = %v", df.Types())
	}
	// Codes keep their zeros; the national row is "00".
	codes := df.Col("cve_geo").Records()
	if codes[0] != "01" || codes[32] != "00" {
		t.Errorf("cve_geo %q … %q", codes[0], codes[32])
	}
	if got := df.Col("pob_total_2020").Records()[32]; got != "126014024" {
		t.Errorf("national population %s", got)
	}
	if rep.Rows != 33 || rep.Columns[3].Why != "schema type integer" || rep.Encoding != "utf-8" {
		t.Errorf("report:\n%s", rep)
	}
	// The same table as reading the CSV with its own inference.
	plain, err := ReadCSVFile("testdata/datapackage/v2/estados.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(plain.Records(), df.Records()) {
		t.Error("ReadPackage and ReadCSVFile disagree")
	}
}

func TestReadPackageV1(t *testing.T) {
	df, err := ReadPackage("testdata/datapackage/v1/datapackage.json", "estados", Columns("cve_geo", "fecha_censo", "pob_total_2020", "pob_miles"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(df.Names(), []string{"cve_geo", "fecha_censo", "pob_total_2020", "pob_miles"}) {
		t.Fatalf("names %v", df.Names())
	}
	// %d/%m/%Y dates become ISO; "N/D" is missing; "1,425,607" (groupChar)
	// is 1425607; "1425,6" (decimalChar) is 1425.6.
	if got := df.Col("fecha_censo").Records(); got[0] != "2020-03-15" || got[3] != "NaN" {
		t.Errorf("fecha_censo %v", got[:4])
	}
	if got, err := df.Col("pob_total_2020").Int(); err != nil || got[0] != 1425607 {
		t.Errorf("pob_total_2020 %v", got[0])
	}
	f := df.Col("pob_miles").Float()
	if f[0] != 1425.6 || !df.Col("pob_miles").IsNaN()[5] {
		t.Errorf("pob_miles %v", f[:6])
	}
}

func TestReadPackageErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "t.csv"), []byte("cve,n\n01,5\n02,x5\n"), 0o644)
	desc := filepath.Join(dir, "datapackage.json")
	os.WriteFile(desc, []byte(`{"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "cve"}, {"name": "n", "type": "integer"}]}}]}`), 0o644)
	cases := []struct {
		name, resource string
		opts           []Option
		want           error
		text           string
	}{
		{"bad value", "t", nil, ErrType, `row 2 (t.csv line 3): field "n"`},
		{"no resource", "x", nil, ErrNoColumn, "resources: t"},
		{"no column", "t", []Option{Columns("m")}, ErrNoColumn, "fields: cve, n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadPackage(desc, c.resource, c.opts...)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %v; want %v with %q", err, c.want, c.text)
			}
		})
	}
	if _, err := ReadPackage(filepath.Join(dir, "none.json"), "t"); !errors.Is(err, ErrFormat) {
		t.Errorf("missing descriptor: %v", err)
	}
	os.WriteFile(desc, []byte(`{"resources": [{"name": "t", "path": "../../etc/passwd"}]}`), 0o644)
	if _, err := ReadPackage(desc, "t"); err == nil || !strings.Contains(err.Error(), "inside the package") {
		t.Errorf("a path out of the package: %v", err)
	}
}
