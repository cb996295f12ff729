// Command duckdb-stream times DuckDB on cifra-bench's tasks, to be run beside
// cifra-bench on the same files:
//
//   - stream (the default): read_csv of the contracts file, amounts above
//     1,000, count and sum by state (cifra-bench -task stream);
//   - T1: every column loaded into a table with detected types, then the sum
//     of the amount;
//   - T2: count, sum and mean of the amount by state and procedure type;
//   - T3: totals by state joined to the 32-row population table, amount per
//     person;
//   - T4: the Windows-1252 twin read as Latin-1, "$1,234.56" and "N/D"
//     amounts parsed, state-name variants mapped to INEGI codes through a
//     table of folded names, sum by state.
//
// It lives in a module of its own because the DuckDB driver needs cgo,
// which the library does not:
//
//	cd bench/duckdb-stream && go build -o /tmp/duckdb-stream . && /tmp/duckdb-stream /tmp/cb/contratos.csv
//	/tmp/duckdb-stream -task T2 -dir /tmp/cb
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	task := flag.String("task", "stream", "task: stream, T1, T2, T3 or T4")
	dir := flag.String("dir", "", "folder of cifra-bench's files (contratos.csv, contratos_1252.csv); for T1–T4")
	flag.Parse()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		fail(err)
	}
	defer db.Close()
	start := time.Now()
	var result string
	switch strings.ToUpper(*task) {
	case "STREAM":
		if flag.NArg() != 1 {
			fmt.Fprintln(os.Stderr, "usage: duckdb-stream [-task stream] contratos.csv | duckdb-stream -task T1|T2|T3|T4 -dir DIR")
			os.Exit(2)
		}
		result, err = stream(db, flag.Arg(0))
	case "T1":
		result, err = t1(db, filepath.Join(*dir, "contratos.csv"))
	case "T2":
		result, err = t2(db, filepath.Join(*dir, "contratos.csv"))
	case "T3":
		result, err = t3(db, filepath.Join(*dir, "contratos.csv"))
	case "T4":
		result, err = t4(db, filepath.Join(*dir, "contratos_1252.csv"))
	default:
		err = fmt.Errorf("unknown task %q", *task)
	}
	if err != nil {
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
	fmt.Printf("DUCKDB %s: %s in %.3f s, peak memory %s RSS\n", strings.ToUpper(*task), result, el.Seconds(), hwm)
}

func quote(path string) string { return "'" + strings.ReplaceAll(path, "'", "''") + "'" }

func stream(db *sql.DB, path string) (string, error) {
	q := `SELECT cve_ent, count(*), sum(importe) FROM read_csv(` + quote(path) + `, types={'cve_ent': 'VARCHAR'}) WHERE importe > 1000 GROUP BY cve_ent ORDER BY cve_ent`
	n, total, sum, err := groups(db, q)
	return fmt.Sprintf("%d states, %d rows above 1,000 pesos, total %.2f", n, total, sum), err
}

func t1(db *sql.DB, path string) (string, error) {
	if _, err := db.Exec(`CREATE TABLE t AS SELECT * FROM read_csv(` + quote(path) + `, types={'cve_ent': 'VARCHAR'})`); err != nil {
		return "", err
	}
	var rows int
	var sum float64
	if err := db.QueryRow(`SELECT count(*), sum(importe) FROM t`).Scan(&rows, &sum); err != nil {
		return "", err
	}
	return fmt.Sprintf("%d rows, 9 columns, total %.2f", rows, sum), nil
}

func t2(db *sql.DB, path string) (string, error) {
	q := `SELECT cve_ent || '/' || tipo_procedimiento, count(*), sum(importe), avg(importe) FROM read_csv(` + quote(path) + `, types={'cve_ent': 'VARCHAR'}) GROUP BY cve_ent, tipo_procedimiento ORDER BY 1`
	n, total, sum, err := groups(db, q)
	return fmt.Sprintf("%d groups, %d rows, total %.2f", n, total, sum), err
}

func t3(db *sql.DB, path string) (string, error) {
	q := `WITH pop AS (SELECT lpad(i::VARCHAR, 2, '0') AS cve_ent, 1000000 + 100000 * (i - 1) AS poblacion FROM range(1, 33) r(i)),
tot AS (SELECT cve_ent, sum(importe) AS importe_sum FROM read_csv(` + quote(path) + `, types={'cve_ent': 'VARCHAR'}) GROUP BY cve_ent)
SELECT tot.cve_ent, count(*), sum(importe_sum / poblacion) FROM tot LEFT JOIN pop USING (cve_ent) GROUP BY tot.cve_ent ORDER BY 1`
	n, _, perPerson, err := groups(db, q)
	return fmt.Sprintf("%d states, amount per person summed over states %.4f", n, perPerson), err
}

// states are the 32 official names and the variants the generator writes
// (internal/gen), folded the same way the query folds the file's names.
var states = map[string][]string{
	"01": {"Aguascalientes"}, "02": {"Baja California"}, "03": {"Baja California Sur"},
	"04": {"Campeche"}, "05": {"Coahuila de Zaragoza", "Coahuila"}, "06": {"Colima"}, "07": {"Chiapas"},
	"08": {"Chihuahua"}, "09": {"Ciudad de México", "CDMX", "Distrito Federal", "Cd. de México"}, "10": {"Durango"}, "11": {"Guanajuato"},
	"12": {"Guerrero"}, "13": {"Hidalgo"}, "14": {"Jalisco"}, "15": {"México", "Estado de México", "Edo. de México", "Edomex"},
	"16": {"Michoacán de Ocampo", "Michoacán"}, "17": {"Morelos"}, "18": {"Nayarit"}, "19": {"Nuevo León"},
	"20": {"Oaxaca"}, "21": {"Puebla"}, "22": {"Querétaro"}, "23": {"Quintana Roo"},
	"24": {"San Luis Potosí"}, "25": {"Sinaloa"}, "26": {"Sonora"}, "27": {"Tabasco"},
	"28": {"Tamaulipas"}, "29": {"Tlaxcala"}, "30": {"Veracruz de Ignacio de la Llave", "Veracruz", "Veracruz-Llave"},
	"31": {"Yucatán"}, "32": {"Zacatecas"},
}

func t4(db *sql.DB, path string) (string, error) {
	var vals []string
	for code, names := range states {
		for _, n := range names {
			vals = append(vals, fmt.Sprintf("(%s, '%s')", quote(n), code))
		}
	}
	if _, err := db.Exec(`CREATE TABLE names AS SELECT upper(strip_accents(trim(n))) AS k, c AS cve_ent FROM (VALUES ` + strings.Join(vals, ", ") + `) v(n, c)`); err != nil {
		return "", err
	}
	q := `WITH t AS (SELECT upper(strip_accents(trim(estado))) AS k,
  CASE WHEN trim(importe) = 'N/D' THEN NULL ELSE CAST(replace(replace(importe, '$', ''), ',', '') AS DOUBLE) END AS importe
  FROM read_csv(` + quote(path) + `, encoding = 'latin-1', all_varchar = true))
SELECT names.cve_ent, count(*), sum(importe) FROM t LEFT JOIN names USING (k) GROUP BY names.cve_ent ORDER BY 1`
	n, total, sum, err := groups(db, q)
	return fmt.Sprintf("%d states (a NULL one means a name not placed), %d rows, total %.2f", n, total, sum), err
}

// groups runs a query of (key, count, sum[, more]) rows and returns the
// number of groups and the totals of the count and the sum.
func groups(db *sql.DB, q string) (n, total int, sum float64, err error) {
	rows, err := db.Query(q)
	if err != nil {
		return 0, 0, 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, 0, 0, err
	}
	for rows.Next() {
		var key sql.NullString
		var k int
		var s sql.NullFloat64
		dest := []any{&key, &k, &s}
		for len(dest) < len(cols) {
			dest = append(dest, new(any))
		}
		if err := rows.Scan(dest...); err != nil {
			return 0, 0, 0, err
		}
		if !key.Valid {
			return 0, 0, 0, fmt.Errorf("a group without a key (%d rows): a name not placed", k)
		}
		n++
		total += k
		sum += s.Float64
	}
	return n, total, sum, rows.Err()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "duckdb-stream:", err)
	os.Exit(1)
}
