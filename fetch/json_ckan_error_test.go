package fetch

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// A CKAN error answer saved to disk (or served by a portal through a plain
// HTTP download) holds no data: ReadJSON says so instead of returning a
// one-row table of the error.
func TestReadJSONCKANErrorAnswer(t *testing.T) {
	tests := []struct {
		name, doc, wantMsg string
	}{
		{"not found", `{"help": "https://datos.gob.mx/api/3/action/help_show?name=package_show", "success": false, "error": {"message": "No encontrado", "__type": "Not Found Error"}}`, "No encontrado"},
		{"validation", `{"success":false,"error":{"__type":"Validation Error","id":["Missing value"]}}`, `id: ["Missing value"]`},
		{"string error", `{"success":false,"error":"Access denied"}`, "Access denied"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(tc.doc), Source("package_show.json"))
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("err = %v, want ErrEmpty", err)
			}
			for _, w := range []string{"fetch: package_show.json:", "API error answer", tc.wantMsg} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	// A successful answer is still read; "success": true with an "error"
	// key, or an object with no "error", is data.
	f, err := os.Open("testdata/json/ckan_datastore_search_success.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	df, err := ReadJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != 5 || df.Col("cve_ent").Records()[2] != "09" {
		t.Errorf("records: %v", df)
	}
	if got := df.Col("poblacion").Float()[3]; got != 16992418 {
		t.Errorf("poblacion[3] = %v, want 16992418 (México, Censo 2020)", got)
	}
	if !df.Col("poblacion").IsNaN()[4] {
		t.Errorf("null poblacion should be missing")
	}
	_, err = ReadJSON(strings.NewReader(`{"success":false,"note":"no error key","result":{"records":[{"a":1}]}}`))
	if err != nil {
		t.Errorf("success:false without error key: %v", err)
	}
}
