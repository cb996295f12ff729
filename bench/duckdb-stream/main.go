// Command duckdb-stream times DuckDB on cifra-bench's streaming task, to be
// run beside "cifra-bench -task stream" on the same file: read_csv of the
// contracts file, amounts above 1,000, count and sum by state. It lives in
// a module of its own because the DuckDB driver needs cgo, which the
// library does not:
//
//	cd bench/duckdb-stream && go build -o /tmp/duckdb-stream . && /tmp/duckdb-stream /tmp/cb/contratos.csv
package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: duckdb-stream contratos.csv")
		os.Exit(2)
	}
	path := os.Args[1]
	db, err := sql.Open("duckdb", "")
	if err != nil {
		fail(err)
	}
	start := time.Now()
	q := fmt.Sprintf(`SELECT cve_ent, count(*), sum(importe) FROM read_csv(%s, types={'cve_ent': 'VARCHAR'}) WHERE importe > 1000 GROUP BY cve_ent ORDER BY cve_ent`, "'"+strings.ReplaceAll(path, "'", "''")+"'")
	rows, err := db.Query(q)
	if err != nil {
		fail(err)
	}
	n, total := 0, 0
	for rows.Next() {
		var c string
		var k int
		var s float64
		if err := rows.Scan(&c, &k, &s); err != nil {
			fail(err)
		}
		n++
		total += k
	}
	if err := rows.Err(); err != nil {
		fail(err)
	}
	el := time.Since(start)
	b, _ := os.ReadFile("/proc/self/status")
	hwm := ""
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			hwm = strings.Join(strings.Fields(l[6:]), " ")
		}
	}
	fmt.Printf("DUCKDB: %d states, %d rows above 1,000 pesos in %.3f s, peak memory %s RSS\n", n, total, el.Seconds(), hwm)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "duckdb-stream:", err)
	os.Exit(1)
}
