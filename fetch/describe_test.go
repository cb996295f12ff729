package fetch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		name, file string // file: a real file under testdata, or "" for data
		data       []byte
		size       int64
		sha        string // computed with sha256sum
	}{
		{"empty", "", nil, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"windows-1252 bytes", "", []byte("A\xf1o"), 3, "75caa64122d7914c15b5e7225ceca4c3003634d2adf57c150a3f5fca6ba2a000"},
		{"census", "testdata/csv/censo2020_poblacion_estatal.csv", nil, 1716, "c8b46ae1011773ae5e91fa807f9037398f3944eaa9a55af0deea22cba32b182f"},
		{"sesnsp", "testdata/csv/sesnsp_idefc_estatal_2026.csv", nil, 454592, "d035b4aff74e103f4cf6790e9440412d665c93f4103b6901f52b4f0f4e55f2d3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, data := tc.file, tc.data
			if path == "" {
				path = filepath.Join(t.TempDir(), "data.csv")
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				var err error
				if data, err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
			}
			r := Describe("data/x.csv", data)
			if r.URL != "data/x.csv" || r.Path != "data/x.csv" || r.Size != tc.size || r.SHA256 != tc.sha {
				t.Errorf("Describe = %+v; want size %d, sha256 %s", r, tc.size, tc.sha)
			}
			if !r.FetchedAt.IsZero() || r.FromCache {
				t.Errorf("FetchedAt %v, FromCache %v: nothing was downloaded", r.FetchedAt, r.FromCache)
			}
			f, err := DescribeFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f.URL != path || f.Path != path || f.Size != tc.size || f.SHA256 != tc.sha {
				t.Errorf("DescribeFile = %+v; want path %q, size %d, sha256 %s", f, path, tc.size, tc.sha)
			}
		})
	}
}

func TestDescribeFileErrors(t *testing.T) {
	tests := []struct {
		name, path string
		want       error
	}{
		{"missing", filepath.Join(t.TempDir(), "no-such.csv"), fs.ErrNotExist},
		{"directory", t.TempDir(), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DescribeFile(tc.path)
			if err == nil {
				t.Fatalf("DescribeFile(%q): no error", tc.path)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v does not wrap %v", err, tc.want)
			}
			if want := "fetch: describe " + `"` + tc.path + `"`; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
				t.Errorf("error %q should start with %q", err, want)
			}
		})
	}
}
