package fetch

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/series"
	_ "modernc.org/sqlite"
)

// censoDB loads the Censo 2020 state population into an in-memory SQLite.
func censoDB(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	f, err := os.Open("testdata/net/censo2020_poblacion_estatal.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE poblacion (nombre TEXT, cve_geo TEXT, pob_total INTEGER, pob_h INTEGER, pob_m INTEGER, censo DATE)`); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		if _, err := db.Exec(`INSERT INTO poblacion VALUES (?, ?, ?, ?, ?, ?)`, r[0], r[2], r[3], r[4], r[5], "2020-03-15"); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestQueryCenso(t *testing.T) {
	db := censoDB(t)
	ctx := context.Background()

	df, err := Query(ctx, db, `SELECT SUM(pob_total) AS total, COUNT(*) AS estados FROM poblacion WHERE cve_geo <> ?`, "00")
	if err != nil {
		t.Fatal(err)
	}
	if got := df.Col("total"); got.Type() != series.Int || got.Elem(0).Float() != 126014024 {
		t.Errorf("total = %v (%s), want 126014024 Int", got, got.Type())
	}
	if got := df.Col("estados").Elem(0).Float(); got != 32 {
		t.Errorf("estados = %v, want 32", got)
	}

	df, err = Query(ctx, db, `SELECT cve_geo, nombre, pob_total, pob_m * 100.0 / pob_total AS pct_mujeres, censo
		FROM poblacion ORDER BY cve_geo LIMIT 3`)
	if err != nil {
		t.Fatal(err)
	}
	if r, c := df.Dims(); r != 3 || c != 5 {
		t.Fatalf("dims %d×%d", r, c)
	}
	want := map[string]series.Type{"cve_geo": series.String, "nombre": series.String, "pob_total": series.Int, "pct_mujeres": series.Float, "censo": series.String}
	for name, typ := range want {
		if got := df.Col(name).Type(); got != typ {
			t.Errorf("column %s: %s, want %s", name, got, typ)
		}
	}
	// "00" (Nacional) keeps its leading zeros; Aguascalientes is 01.
	if got := df.Col("cve_geo").Records(); got[0] != "00" || got[1] != "01" {
		t.Errorf("cve_geo = %v", got)
	}
	if got := df.Col("nombre").Records()[1]; got != "Aguascalientes" {
		t.Errorf("nombre = %q", got)
	}
	// Aguascalientes: 728,924 women of 1,425,607.
	if got := df.Col("pct_mujeres").Elem(1).Float(); math.Abs(got-51.13078148) > 1e-6 {
		t.Errorf("pct_mujeres = %v", got)
	}
	if got := df.Col("censo").Records()[1]; got != "2020-03-15" {
		t.Errorf("censo date = %q, want 2020-03-15", got)
	}
}

func TestQueryTyping(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range []string{
		`CREATE TABLE t (id INTEGER, v REAL, mixed NUMERIC, txt TEXT, nulls INTEGER, ts DATETIME, b BLOB)`,
		`INSERT INTO t VALUES (1, 1.5, 1, 'uno', NULL, '2024-10-17 13:45:00', x'6869')`,
		`INSERT INTO t VALUES (2, NULL, 2.5, NULL, NULL, '2024-10-17 00:00:00', NULL)`,
		`INSERT INTO t VALUES (9007199254740993, 3, 3, 'tres', NULL, NULL, x'')`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	df, err := Query(context.Background(), db, `SELECT id, v, mixed, txt, nulls, ts, b FROM t ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		col     string
		typ     series.Type
		records []string
		missing []bool
	}{
		{"id", series.String, []string{"1", "2", "9007199254740993"}, []bool{false, false, false}}, // beyond 2^53: exact as text
		{"v", series.Float, []string{"1.500000", "NaN", "3.000000"}, []bool{false, true, false}},
		{"mixed", series.Float, []string{"1.000000", "2.500000", "3.000000"}, []bool{false, false, false}},
		{"txt", series.String, []string{"uno", "NaN", "tres"}, []bool{false, true, false}},
		{"nulls", series.Int, []string{"NaN", "NaN", "NaN"}, []bool{true, true, true}},
		{"ts", series.String, []string{"2024-10-17T13:45:00Z", "2024-10-17", "NaN"}, []bool{false, false, true}},
		{"b", series.String, []string{"hi", "NaN", ""}, []bool{false, true, false}},
	} {
		t.Run(tc.col, func(t *testing.T) {
			s := df.Col(tc.col)
			if s.Type() != tc.typ {
				t.Errorf("type %s, want %s", s.Type(), tc.typ)
			}
			if got := s.Records(); strings.Join(got, "|") != strings.Join(tc.records, "|") {
				t.Errorf("records %q, want %q", got, tc.records)
			}
			if got := s.IsNaN(); fmt.Sprint(got) != fmt.Sprint(tc.missing) {
				t.Errorf("missing %v, want %v", got, tc.missing)
			}
		})
	}
}

func TestQueryEmptyAndNames(t *testing.T) {
	db := censoDB(t)
	df, err := Query(context.Background(), db, `SELECT cve_geo, pob_total, pob_total AS pob_total, 1.5 AS "" FROM poblacion WHERE 0`)
	if err != nil {
		t.Fatal(err)
	}
	if r, c := df.Dims(); r != 0 || c != 4 {
		t.Fatalf("dims %d×%d", r, c)
	}
	if got := strings.Join(df.Names(), ","); got != "cve_geo,pob_total,pob_total_2,col_4" {
		t.Errorf("names %s", got)
	}
	if df.Col("pob_total").Type() != series.Int || df.Col("cve_geo").Type() != series.String {
		t.Errorf("types from declared columns: %v", df.Types())
	}
}

func TestQueryErrors(t *testing.T) {
	db := censoDB(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name, query string
		has         string
	}{
		{"bad sql", `SELEC nombre FROM poblacion`, "SELEC nombre"},
		{"no table", `SELECT * FROM delitos`, "delitos"},
		{"binary blob", `SELECT x'ff00fe' AS firma`, `column "firma" row 1`},
		{"no columns", `CREATE TABLE otra (a INTEGER)`, "no columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Query(ctx, db, tc.query)
			if !errors.Is(err, ErrQuery) || !strings.Contains(err.Error(), tc.has) || !strings.HasPrefix(err.Error(), "fetch: ") {
				t.Errorf("err = %v, want ErrQuery naming %q", err, tc.has)
			}
		})
	}
	if _, err := Query(ctx, nil, "SELECT 1"); !errors.Is(err, ErrQuery) {
		t.Errorf("nil db: %v", err)
	}
}

func TestSQLColumnValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		vals []any
		typ  series.Type
		want string
	}{
		{"bools", []any{true, false, nil}, series.Bool, "true|false|NaN"},
		{"ints of many widths", []any{int32(5), int8(-1), uint16(7), uint64(9)}, series.Int, "5|-1|7|9"},
		{"uint64 beyond int64", []any{uint64(math.MaxUint64)}, series.String, "18446744073709551615"},
		{"ints and floats", []any{int64(1), 2.5}, series.Float, "1.000000|2.500000"},
		{"bools and text", []any{true, "x"}, series.String, "true|x"},
		{"float32", []any{float32(0.5)}, series.Float, "0.500000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &sqlColumn{}
			for _, v := range tc.vals {
				if err := c.add(v); err != nil {
					t.Fatal(err)
				}
			}
			s := c.series("x")
			if s.Type() != tc.typ || strings.Join(s.Records(), "|") != tc.want {
				t.Errorf("%s %q, want %s %q", s.Type(), s.Records(), tc.typ, tc.want)
			}
		})
	}
	// PostgreSQL sends NUMERIC as text.
	c := &sqlColumn{dbType: "NUMERIC"}
	c.add([]byte("1234.56"))
	if s := c.series("importe"); s.Type() != series.Float || s.Elem(0).Float() != 1234.56 {
		t.Errorf("numeric text: %v", s)
	}
}

func BenchmarkQuery(b *testing.B) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	db.Exec(`CREATE TABLE t (cve TEXT, n INTEGER, x REAL)`)
	tx, _ := db.Begin()
	st, _ := tx.Prepare(`INSERT INTO t VALUES (?, ?, ?)`)
	for i := 0; i < 100000; i++ {
		st.Exec(fmt.Sprintf("%05d", i%2469), i, float64(i)/7)
	}
	st.Close()
	tx.Commit()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		df, err := Query(context.Background(), db, `SELECT cve, n, x FROM t`)
		if err != nil || df.Nrow() != 100000 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(100000, "rows/op")
}

type decimalLike struct{ v float64 }

func (d decimalLike) Float64() float64 { return d.v }

type shopDecimal struct{ v float64 }

func (d shopDecimal) Float64() (float64, bool) { return d.v, true }

func TestSQLColumnDriverTypes(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	for _, tc := range []struct {
		name string
		vals []any
		typ  series.Type
		want string
	}{
		{"duckdb decimal", []any{decimalLike{12.5}, nil}, series.Float, "12.500000|NaN"},
		{"clickhouse decimal", []any{shopDecimal{0.25}}, series.Float, "0.250000"},
		{"big ints that fit", []any{big.NewInt(42), big.NewInt(-7)}, series.Int, "42|-7"},
		{"hugeint", []any{huge}, series.String, "123456789012345678901234567890"},
		{"duration", []any{time.Hour}, series.String, "1h0m0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &sqlColumn{}
			for _, v := range tc.vals {
				if err := c.add(v); err != nil {
					t.Fatal(err)
				}
			}
			s := c.series("x")
			if s.Type() != tc.typ || strings.Join(s.Records(), "|") != tc.want {
				t.Errorf("%s %q, want %s %q", s.Type(), s.Records(), tc.typ, tc.want)
			}
		})
	}
}
