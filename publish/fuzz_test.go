package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/internal/tableschema"
)

// FuzzValidateDescriptor feeds arbitrary descriptors, next to a small data
// file, to Validate and fetch.ReadPackage: neither may panic, and a
// tabular resource of a descriptor Validate finds valid must read (a
// resource whose inline data is an object is valid but not a table).
func FuzzValidateDescriptor(f *testing.F) {
	for _, s := range []string{
		`{"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "integer"}]}}]}`,
		`{"profile": "tabular-data-package", "resources": [{"name": "t", "path": "t.csv", "dialect": {"delimiter": ";"}, "schema": {"missingValues": ["N/D"], "primaryKey": "a", "fields": [{"name": "a"}, {"name": "b", "type": "date", "format": "%d/%m/%Y"}]}}]}`,
		`{"resources": [{"name": "t", "data": [["a", "b"], ["1", 2]], "schema": {"fields": [{"name": "a", "type": "year"}, {"name": "b", "type": "number", "decimalChar": ","}]}}]}`,
		`{"resources": [{"name": "t", "path": ["t.csv", "t.csv"], "schema": "schema.json"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "t.csv"), []byte("a,b\n01,2\n02,N/D\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "schema.json"), []byte(`{"fields": [{"name": "a"}, {"name": "b", "type": "integer"}]}`), 0o644)
		path := filepath.Join(dir, DescriptorFile)
		if err := os.WriteFile(path, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		rep, err := Validate(path)
		if err != nil {
			t.Fatalf("Validate: %v", err)
		}
		if rep.Valid() && len(rep.Resources) > 0 {
			_, err := fetch.ReadPackage(path, rep.Resources[0].Name)
			if err != nil && !tabularFirst(path) && errors.Is(err, fetch.ErrUnsupported) {
				return
			}
			if err != nil {
				t.Errorf("valid package, ReadPackage: %v", err)
			}
		}
	})
}

// tabularFirst reports whether the package's first resource is a table.
func tabularFirst(descriptor string) bool {
	pkg, err := tableschema.Load(descriptor)
	if err != nil || len(pkg.Resources) == 0 {
		return false
	}
	return pkg.Resources[0].Tabular()
}
