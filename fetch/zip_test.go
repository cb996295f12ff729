package fetch

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const censoZip = "testdata/net/censo2020_estatal.zip"

// sumStates adds pob_total_2020 over the states (not the "00" national row).
func sumStates(t *testing.T, r io.Reader) int {
	t.Helper()
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, rec := range recs[1:] {
		if rec[2] == "00" {
			continue
		}
		n, err := strconv.Atoi(rec[3])
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	return total
}

func TestOpenZipMember(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		wantErr error
		errHas  []string
	}{
		{pattern: "*.csv"},
		{pattern: "conjunto_de_datos/censo2020_poblacion_estatal.csv"},
		{pattern: "conjunto_de_datos/*.csv"},
		{pattern: "CENSO2020*.CSV"},
		{pattern: "censo2020_poblacion_estatal.csv"},
		{pattern: "", wantErr: ErrZip, errHas: []string{"2 files", "metadatos/fuente.txt", "conjunto_de_datos/censo2020_poblacion_estatal.csv"}},
		{pattern: "*", wantErr: ErrZip, errHas: []string{"2 members match"}},
		{pattern: "*.xlsx", wantErr: ErrZip, errHas: []string{"no member matches", "fuente.txt"}},
		{pattern: "[", wantErr: ErrZip, errHas: []string{"bad pattern"}},
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			rc, err := OpenZipMember(censoZip, tc.pattern)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				for _, s := range append(tc.errHas, censoZip) {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q lacks %q", err, s)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			if got := sumStates(t, rc); got != 126014024 {
				t.Errorf("sum of states = %d, want 126014024", got)
			}
		})
	}
}

func TestZipMemberBytesMatch(t *testing.T) {
	rc, err := OpenZipMember(censoZip, "*.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("testdata/net/censo2020_poblacion_estatal.csv")
	if !bytes.Equal(got, want) {
		t.Errorf("member differs from the original file (%d vs %d bytes)", len(got), len(want))
	}
}

func TestZipMembers(t *testing.T) {
	ms, err := ZipMembers(censoZip)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 || ms[0].Name != "conjunto_de_datos/censo2020_poblacion_estatal.csv" || ms[0].Size != 1716 || !ms[2].MetadataOrHidden {
		t.Errorf("%+v", ms)
	}
}

// writeZip builds an archive in a temp dir from name → content.
func writeZip(t testing.TB, files []string, content func(i int, w io.Writer)) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "a.zip")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for i, n := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		content(i, w)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return name
}

func TestZipDefences(t *testing.T) {
	small := func(i int, w io.Writer) { io.WriteString(w, "a,b\n1,2\n") }
	zeros := func(i int, w io.Writer) {
		buf := make([]byte, 1<<20)
		for k := 0; k < 40; k++ {
			w.Write(buf)
		}
	}
	for _, tc := range []struct {
		name    string
		files   []string
		content func(int, io.Writer)
		limits  ZipLimits
		pattern string
		wantErr error
		errHas  string
	}{
		{"zip slip", []string{"../../etc/evil.csv"}, small, ZipLimits{}, "*.csv", ErrZip, "unsafe"},
		{"absolute name", []string{"/tmp/evil.csv"}, small, ZipLimits{}, "*.csv", ErrZip, "unsafe"},
		{"backslash slip", []string{`..\..\evil.csv`}, small, ZipLimits{}, "*", ErrZip, "unsafe"},
		{"deflate bomb ratio", []string{"bomba.csv"}, zeros, ZipLimits{}, "", ErrZipBomb, "ratio"},
		{"declared size over limit", []string{"grande.csv"}, zeros, ZipLimits{MaxSize: 1 << 20}, "", ErrZipBomb, "declares"},
		{"ratio allowed when raised", []string{"ceros.csv"}, zeros, ZipLimits{MaxRatio: 1e6}, "", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeZip(t, tc.files, tc.content)
			rc, err := tc.limits.Open(p, tc.pattern)
			if err == nil {
				_, err = io.Copy(io.Discard, rc)
				rc.Close()
			}
			if tc.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, tc.wantErr) || !strings.Contains(err.Error(), tc.errHas) {
				t.Fatalf("err = %v, want %v with %q", err, tc.wantErr, tc.errHas)
			}
		})
	}
}

func TestZipNotAnArchive(t *testing.T) {
	_, err := OpenZipMember("testdata/net/censo2020_poblacion_estatal.csv", "*.csv")
	if !errors.Is(err, ErrZip) {
		t.Fatalf("err = %v", err)
	}
	_, err = OpenZipMember("testdata/net/no-existe.zip", "*.csv")
	if !errors.Is(err, ErrZip) || !strings.Contains(err.Error(), "no-existe.zip") {
		t.Fatalf("err = %v", err)
	}
}

// A Spanish Windows archive stores names in CP850 without the UTF-8 flag.
func TestZipCP850Names(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "Poblaci\xa2n_a\xa4o.csv", Method: zip.Deflate, NonUTF8: true})
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "x\n1\n")
	zw.Close()
	p := filepath.Join(t.TempDir(), "cp850.zip")
	os.WriteFile(p, buf.Bytes(), 0o644)
	rc, err := OpenZipMember(p, "Población_año.csv")
	if err != nil {
		t.Fatal(err)
	}
	rc.Close()
}

func FuzzZipMember(f *testing.F) {
	if b, err := os.ReadFile(censoZip); err == nil {
		f.Add(b, "*.csv")
		f.Add(b, "")
	}
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"), "*")
	f.Add([]byte("nombre,valor\n"), "*.csv")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, pattern string) {
		p := filepath.Join(dir, "f.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Skip()
		}
		rc, err := ZipLimits{MaxSize: 1 << 20, MaxRatio: 100}.Open(p, pattern)
		if err != nil {
			if !errors.Is(err, ErrZip) && !errors.Is(err, ErrZipBomb) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		n, err := io.Copy(io.Discard, rc)
		rc.Close()
		if n > 1<<20+32<<10 {
			t.Fatalf("read %d bytes past the limit", n)
		}
		if err != nil && !errors.Is(err, ErrZip) && !errors.Is(err, ErrZipBomb) {
			t.Fatalf("read error wraps no sentinel: %v", err)
		}
	})
}
