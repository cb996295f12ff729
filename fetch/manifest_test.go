package fetch

import (
	"bytes"
	"context"
	"errors"
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
