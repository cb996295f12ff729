package fetch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/fetch/fetchtest"
)

func TestManifestDeterministic(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	dir := t.TempDir()
	urls := []string{srv.URL("/censo2020_poblacion_estatal.csv"), srv.URL("/censo2020_estatal.zip")}
	run := func(opts ...ClientOption) string {
		c := NewClient(append([]ClientOption{WithCacheDir(dir), WithRateLimit(0), WithLog(nil), WithProgress(nil)}, opts...)...)
		// Fetch in the reverse order of the sorted manifest.
		for i := len(urls) - 1; i >= 0; i-- {
			if _, err := c.Get(context.Background(), urls[i]); err != nil {
				t.Fatal(err)
			}
		}
		var b bytes.Buffer
		if err := c.WriteManifest(&b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	online := run()
	offline := run(WithOffline(true))
	if online != offline {
		t.Errorf("a re-run from the cache writes another manifest:\n%s\n---\n%s", online, offline)
	}
	m, err := ReadManifest(strings.NewReader(online))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Resources) != 2 || m.Resources[0].URL != urls[1] || m.Resources[1].URL != urls[0] || m.Tool != "cifra "+Version {
		t.Fatalf("manifest not sorted by URL: %+v", m)
	}
	r, ok := m.Lookup(urls[0])
	if !ok || r.Size != 1716 || r.SHA256 != "" && len(r.SHA256) != 64 || r.ETag == "" || r.FetchedAt.IsZero() {
		t.Errorf("lookup: %+v %v", r, ok)
	}
	for _, want := range []string{`"url"`, `"sha256"`, `"size": 1716`, `"fetched_at"`, `"etag"`, `"last_modified"`, `"content_type"`} {
		if !strings.Contains(online, want) {
			t.Errorf("manifest lacks %s", want)
		}
	}
	if s := m.String(); !strings.Contains(s, "2 resources") || !strings.Contains(s, "1716 bytes") {
		t.Errorf("String:\n%s", s)
	}
}

func TestReadManifestErrors(t *testing.T) {
	for _, in := range []string{"", "{", `{"resources":[{"url":""}]}`, `<html>`} {
		if _, err := ReadManifest(strings.NewReader(in)); !errors.Is(err, ErrFormat) {
			t.Errorf("ReadManifest(%q) = %v", in, err)
		}
	}
}

func TestManifestVerify(t *testing.T) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	c, _, _ := testClient(t)
	u := srv.URL("/censo2020_poblacion_estatal.csv")
	r, err := c.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	m := c.Manifest()
	if err := m.Verify(); err != nil {
		t.Fatalf("fresh cache: %v", err)
	}
	// Someone edits the cached copy by hand.
	if err := os.WriteFile(r.Path, []byte("nombre_estado_inegi\nOaxaca\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = m.Verify()
	if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), u) || !strings.Contains(err.Error(), r.SHA256) {
		t.Errorf("edited file: %v", err)
	}
	os.Remove(r.Path)
	if err := m.Verify(); !errors.Is(err, ErrChanged) {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzReadManifest: any input gives a manifest or an ErrFormat error, and
// a manifest read back after writing is the same.
// (Seeds are f.Add only: fetch/testdata/fuzz is shared by several owners.)
func FuzzReadManifest(f *testing.F) {
	f.Add(`{"tool":"cifra 0.1.0","resources":[{"url":"https://www.datos.gob.mx/a.csv","path":"/c/a.csv","size":1716,"sha256":"c8b46ae1011773ae5e91fa807f9037398f3944eaa9a55af0deea22cba32b182f","fetched_at":"2024-10-17T12:00:00Z","etag":"\"x\"","changed":true,"previous_sha256":"00"}]}`)
	f.Add(`{"resources":[]}`)
	f.Add(`{"resources":[{"url":"u","sha256":"s","fetched_at":"no es fecha"}]}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ReadManifest(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		first := b.String()
		m2, err := ReadManifest(&b)
		if err != nil {
			t.Fatalf("cannot read back what was written: %v\n%s", err, first)
		}
		var b2 bytes.Buffer
		m2.Write(&b2)
		if first != b2.String() {
			t.Fatalf("round trip differs:\n%s\n%s", first, b2.String())
		}
	})
}
