package fetch_test

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"

	_ "modernc.org/sqlite"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/fetch/fetchtest"
)

// A first Get downloads and caches; the next one revalidates and serves the
// cached copy.
func ExampleClient_Get() {
	srv := fetchtest.NewServer("testdata/net") // stands in for a portal
	defer srv.Close()
	dir, _ := os.MkdirTemp("", "cifra-cache")
	defer os.RemoveAll(dir)

	c := fetch.NewClient(fetch.WithCacheDir(dir))
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		res, err := c.Get(ctx, srv.URL("/censo2020_poblacion_estatal.csv"))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(res.Size, res.SHA256[:16], res.FromCache)
	}
	// Output:
	// 1716 c8b46ae1011773ae false
	// 1716 c8b46ae1011773ae true
}

// Offline, the client serves only what it has cached.
func ExampleWithOffline() {
	dir, _ := os.MkdirTemp("", "cifra-cache")
	defer os.RemoveAll(dir)
	c := fetch.NewClient(fetch.WithCacheDir(dir), fetch.WithOffline(true))
	_, err := c.Get(context.Background(), "https://www.inegi.org.mx/contenidos/programas/ccpv/2020/datosabiertos/iter/iter_00_cpv2020_csv.zip")
	fmt.Println(errors.Is(err, fetch.ErrOffline))
	// Output:
	// true
}

// The manifest lists every file used, for the methodology note.
func ExampleClient_WriteManifest() {
	srv := fetchtest.NewServer("testdata/net")
	defer srv.Close()
	dir, _ := os.MkdirTemp("", "cifra-cache")
	defer os.RemoveAll(dir)
	c := fetch.NewClient(fetch.WithCacheDir(dir))
	for _, p := range []string{"/censo2020_poblacion_estatal.csv", "/censo2020_estatal.zip"} {
		if _, err := c.Get(context.Background(), srv.URL(p)); err != nil {
			log.Fatal(err)
		}
	}
	f, _ := os.Create(dir + "/manifest.json")
	if err := c.WriteManifest(f); err != nil {
		log.Fatal(err)
	}
	f.Close()

	f, _ = os.Open(dir + "/manifest.json")
	defer f.Close()
	m, err := fetch.ReadManifest(f)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range m.Resources {
		fmt.Println(r.Size, r.SHA256[:16])
	}
	// Output:
	// 1555 31834adfba2b71a3
	// 1716 c8b46ae1011773ae
}

// Read a CSV inside a downloaded ZIP without extracting the archive.
func ExampleOpenZipMember() {
	rc, err := fetch.OpenZipMember("testdata/net/censo2020_estatal.zip", "*.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer rc.Close()
	rows, err := csv.NewReader(rc).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	total := 0
	for _, r := range rows[1:] {
		if r[2] != "00" { // skip the national row
			n, _ := strconv.Atoi(r[3])
			total += n
		}
	}
	fmt.Println(total)
	// Output:
	// 126014024
}

// Query turns the rows of any database/sql driver into a typed DataFrame.
func ExampleQuery() {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	db.Exec(`CREATE TABLE pob (cve_ent TEXT, entidad TEXT, total INTEGER)`)
	db.Exec(`INSERT INTO pob VALUES ('01', 'Aguascalientes', 1425607), ('02', 'Baja California', 3769020)`)

	df, err := fetch.Query(context.Background(), db, `SELECT cve_ent, total, total / 1e6 AS millones FROM pob ORDER BY total DESC`)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(df.Names(), df.Types())
	fmt.Println(df.Col("cve_ent").Records(), df.Col("millones").Records())
	// Output:
	// [cve_ent total millones] [string int float]
	// [02 01] [3.769020 1.425607]
}
