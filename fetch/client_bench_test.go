package fetch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/datacon-mx/cifra/fetch/fetchtest"
)

// BenchmarkDownload measures a full download into the cache (hashing,
// temp file, rename, meta) of a 16 MiB body over loopback.
func BenchmarkDownload(b *testing.B) {
	body := bytes.Repeat([]byte("09,Ciudad de México,002,Azcapotzalco,432205\n"), 16<<20/44)
	srv := fetchtest.NewServer("", fetchtest.WithoutValidators())
	defer srv.Close()
	srv.Set("/grande.csv", body)
	c := NewClient(WithCacheDir(b.TempDir()), WithRateLimit(0), WithMaxAge(0), WithLog(nil), WithProgress(nil))
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Get(context.Background(), srv.URL("/grande.csv")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGetRevalidate measures a Get answered by 304 Not Modified.
func BenchmarkGetRevalidate(b *testing.B) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	c := NewClient(WithCacheDir(b.TempDir()), WithRateLimit(0), WithLog(nil), WithProgress(nil))
	u := srv.URL("/censo2020_poblacion_estatal.csv")
	if _, err := c.Get(context.Background(), u); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r, err := c.Get(context.Background(), u); err != nil || !r.FromCache {
			b.Fatal(err)
		}
	}
}

// BenchmarkGetOffline measures a Get served from the cache with no request.
func BenchmarkGetOffline(b *testing.B) {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	dir := b.TempDir()
	u := srv.URL("/censo2020_poblacion_estatal.csv")
	if _, err := NewClient(WithCacheDir(dir), WithLog(nil)).Get(context.Background(), u); err != nil {
		b.Fatal(err)
	}
	c := NewClient(WithCacheDir(dir), WithOffline(true), WithLog(nil))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Get(context.Background(), u); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkZipMember measures reading a deflated 32 MiB CSV member.
func BenchmarkZipMember(b *testing.B) {
	p := writeZip(b, []string{"datos/grande.csv"}, func(i int, w io.Writer) {
		for n, k := 0, 0; n < 32<<20; k++ {
			m, _ := fmt.Fprintf(w, "09,Ciudad de México,%03d,Alcaldía %d,%d\n", k%1000, k, 400000+k*37%200000)
			n += m
		}
	})
	b.SetBytes(32 << 20)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rc, err := OpenZipMember(p, "*.csv")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, rc); err != nil {
			b.Fatal(err)
		}
		rc.Close()
	}
}
