package fetch

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/internal/frame"
)

// Query runs a SQL query on any database/sql driver (SQLite, DuckDB,
// PostgreSQL, ClickHouse, Trino…) and returns the rows as a DataFrame with
// typed columns, decided from the values actually scanned:
//
//   - integers → Int; floats → Float; a column mixing both → Float
//     (integers beyond ±2^53 keep their exact digits as String instead);
//   - booleans → Bool;
//   - text and []byte → String ([]byte that is not UTF-8 is an error);
//     DECIMAL/NUMERIC columns sent as text (PostgreSQL, MySQL) → Float;
//   - time.Time → ISO-8601 String: "2024-10-17" for a date without a time
//     part, RFC 3339 otherwise;
//   - NULL → missing.
//
// A column whose values are all NULL, or a result with no rows, takes its
// type from the driver's column type (INTEGER → Int, REAL/DOUBLE/DECIMAL →
// Float, BOOLEAN → Bool, else String), so an empty result still has its
// columns. Repeated or empty column names get a suffix (_2) or a name
// (col_3). Errors wrap ErrQuery and name the column and row.
//
// Files bigger than memory: DuckDB reads CSV and Parquet in place and
// aggregates out of core, so only the result comes into a DataFrame. Its
// driver needs cgo, so it belongs in your program, not in cifra:
//
//	import _ "github.com/duckdb/duckdb-go/v2"
//
//	db, err := sql.Open("duckdb", "") // in memory; or a file path
//	df, err := fetch.Query(ctx, db, `
//		SELECT ENTIDAD_RES AS cve_ent, count(*) AS casos
//		FROM read_csv('COVID19MEXICO.csv') WHERE CLASIFICACION_FINAL IN (1, 2, 3)
//		GROUP BY 1 ORDER BY 1`)
//
// When a newsroom outgrows one machine the same call reads from a
// warehouse or a distributed engine: PostgreSQL (import _
// "github.com/jackc/pgx/v5/stdlib"; sql.Open("pgx", "postgres://…")),
// ClickHouse (_ "github.com/ClickHouse/clickhouse-go/v2"; "clickhouse") or
// Trino (_ "github.com/trinodb/trino-go-client/trino"; "trino"). Let the
// engine filter and aggregate; bring back the table you will chart.
func Query(ctx context.Context, db *sql.DB, query string, args ...any) (dataframe.DataFrame, error) {
	if db == nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: query: %w: nil *sql.DB", ErrQuery)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: query %s: %w: %v", shortSQL(query), ErrQuery, err)
	}
	defer rows.Close()
	df, err := RowsFrame(rows)
	if err != nil {
		return df, fmt.Errorf("fetch: query %s: %w", shortSQL(query), err)
	}
	return df, nil
}

// RowsFrame turns the remaining rows of rows into a DataFrame with the
// typing rules of Query. It does not close rows.
func RowsFrame(rows *sql.Rows) (dataframe.DataFrame, error) {
	cts, err := rows.ColumnTypes()
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("%w: column types: %v", ErrQuery, err)
	}
	if len(cts) == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("%w: the statement returns no columns", ErrQuery)
	}
	cols := make([]*sqlColumn, len(cts))
	for i, ct := range cts {
		cols[i] = &sqlColumn{dbType: strings.ToUpper(ct.DatabaseTypeName())}
	}
	names := uniqueSQLNames(cts)
	vals := make([]any, len(cts))
	ptrs := make([]any, len(cts))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	row := 0
	for rows.Next() {
		row++
		if err := rows.Scan(ptrs...); err != nil {
			return dataframe.DataFrame{}, fmt.Errorf("%w: row %d: %v", ErrQuery, row, err)
		}
		for i, v := range vals {
			if err := cols[i].add(v); err != nil {
				return dataframe.DataFrame{}, fmt.Errorf("%w: column %q row %d: %v", ErrQuery, names[i], row, err)
			}
			vals[i] = nil
		}
	}
	if err := rows.Err(); err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("%w: after row %d: %v", ErrQuery, row, err)
	}
	ss := make([]series.Series, len(cols))
	for i, c := range cols {
		ss[i] = c.series(names[i])
	}
	df, err := frame.New(ss...)
	if err != nil {
		return df, fmt.Errorf("%w: %v", ErrQuery, err)
	}
	return df, nil
}

func shortSQL(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if len(q) > 60 {
		q = q[:60] + "…"
	}
	return strconv.Quote(q)
}

func uniqueSQLNames(cts []*sql.ColumnType) []string {
	names := make([]string, len(cts))
	seen := map[string]bool{}
	for i, ct := range cts {
		n := strings.TrimSpace(ct.Name())
		if n == "" {
			n = fmt.Sprintf("col_%d", i+1)
		}
		base := n
		for k := 2; seen[n]; k++ {
			n = fmt.Sprintf("%s_%d", base, k)
		}
		seen[n] = true
		names[i] = n
	}
	return names
}

// sqlColumn accumulates one column's values in typed slices.
type sqlColumn struct {
	dbType string
	ints   []int64
	floats []float64
	strs   []string
	bools  []bool
	na     []bool
	kind   [5]int // counts of kInt, kFloat, kString, kBool, kBigInt
}

const (
	kInt = iota
	kFloat
	kString
	kBool
	kBigInt // an integer beyond ±2^53, exact only as text
)

func (c *sqlColumn) push(i int64, f float64, s string, b bool, na bool) {
	c.ints = append(c.ints, i)
	c.floats = append(c.floats, f)
	c.strs = append(c.strs, s)
	c.bools = append(c.bools, b)
	c.na = append(c.na, na)
}

func (c *sqlColumn) addInt(i int64) {
	k := kInt
	if i > 1<<53 || i < -(1<<53) {
		k = kBigInt
	}
	c.kind[k]++
	c.push(i, float64(i), strconv.FormatInt(i, 10), false, false)
}

func (c *sqlColumn) add(v any) error {
	switch x := v.(type) {
	case nil:
		c.push(0, math.NaN(), "", false, true)
	case int64:
		c.addInt(x)
	case int:
		c.addInt(int64(x))
	case int32:
		c.addInt(int64(x))
	case int16:
		c.addInt(int64(x))
	case int8:
		c.addInt(int64(x))
	case uint8:
		c.addInt(int64(x))
	case uint16:
		c.addInt(int64(x))
	case uint32:
		c.addInt(int64(x))
	case uint64:
		if x > math.MaxInt64 {
			c.kind[kBigInt]++
			c.push(0, float64(x), strconv.FormatUint(x, 10), false, false)
		} else {
			c.addInt(int64(x))
		}
	case uint:
		return c.add(uint64(x))
	case float64:
		c.addFloat(x)
	case float32:
		f := float64(x)
		c.kind[kFloat]++
		c.push(int64(f), f, strconv.FormatFloat(f, 'g', -1, 32), false, false)
	case bool:
		c.kind[kBool]++
		s := "false"
		if x {
			s = "true"
		}
		c.push(0, 0, s, x, false)
	case []byte:
		if !utf8.Valid(x) {
			return fmt.Errorf("binary value (%d bytes) is not text", len(x))
		}
		return c.addText(string(x))
	case string:
		return c.addText(x)
	case time.Time:
		c.kind[kString]++
		c.push(0, math.NaN(), sqlISOTime(x), false, false)
	case *big.Int:
		if x == nil {
			return c.add(nil)
		}
		if x.IsInt64() {
			c.addInt(x.Int64())
			return nil
		}
		c.kind[kBigInt]++
		f, _ := new(big.Float).SetInt(x).Float64()
		c.push(0, f, x.String(), false, false)
	case interface{ Float64() float64 }: // DuckDB's Decimal
		c.addFloat(x.Float64())
	case interface{ Float64() (float64, bool) }: // shopspring decimal (ClickHouse)
		f, _ := x.Float64()
		c.addFloat(f)
	case fmt.Stringer:
		c.kind[kString]++
		c.push(0, math.NaN(), x.String(), false, false)
	default:
		c.kind[kString]++
		c.push(0, math.NaN(), fmt.Sprint(x), false, false)
	}
	return nil
}

func (c *sqlColumn) addFloat(f float64) {
	c.kind[kFloat]++
	c.push(int64(f), f, strconv.FormatFloat(f, 'g', -1, 64), false, false)
}

// addText adds a text value; DECIMAL/NUMERIC columns sent as text become
// numbers.
func (c *sqlColumn) addText(s string) error {
	if isDecimalType(c.dbType) {
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			c.kind[kFloat]++
			c.push(int64(f), f, s, false, false)
			return nil
		}
	}
	c.kind[kString]++
	c.push(0, math.NaN(), s, false, false)
	return nil
}

func isDecimalType(t string) bool {
	return strings.HasPrefix(t, "DECIMAL") || strings.HasPrefix(t, "NUMERIC") || t == "MONEY"
}

func sqlISOTime(t time.Time) string {
	h, m, s := t.Clock()
	if h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339Nano)
}

// typeFromDB maps a driver's column type name to a series type.
func typeFromDB(t string) series.Type {
	switch {
	case t == "":
		return series.String
	case strings.Contains(t, "INT") && !strings.Contains(t, "INTERVAL") && !strings.Contains(t, "POINT"):
		return series.Int
	case strings.Contains(t, "REAL"), strings.Contains(t, "FLOAT"), strings.Contains(t, "DOUBLE"), isDecimalType(t):
		return series.Float
	case strings.HasPrefix(t, "BOOL"):
		return series.Bool
	}
	return series.String
}

func (c *sqlColumn) series(name string) series.Series {
	n := len(c.na)
	var typ series.Type
	switch k := c.kind; {
	case k[kString] > 0 || k[kBigInt] > 0 && k[kFloat] > 0 || k[kBool] > 0 && k[kString]+k[kInt]+k[kFloat]+k[kBigInt] > 0:
		typ = series.String
	case k[kBigInt] > 0:
		typ = series.String
	case k[kFloat] > 0:
		typ = series.Float
	case k[kInt] > 0:
		typ = series.Int
	case k[kBool] > 0:
		typ = series.Bool
	default: // all NULL or no rows
		typ = typeFromDB(c.dbType)
	}
	switch typ {
	case series.Int:
		v := make([]int, n)
		for i, x := range c.ints {
			v[i] = int(x)
		}
		return frame.Ints(name, v, c.na)
	case series.Float:
		return frame.Floats(name, c.floats, c.na)
	case series.Bool:
		return frame.Bools(name, c.bools, c.na)
	}
	if c.strs == nil {
		c.strs = []string{}
	}
	return frame.Strings(name, c.strs, c.na)
}
