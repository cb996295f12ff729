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

// sqlColumn accumulates one column's values in one typed slice: the
// slice of the column's current type. The first non-NULL value sets the
// type; a later integer widens Int to Float, and any other mix turns the
// column into String (the values seen so far are formatted once).
type sqlColumn struct {
	dbType string
	mode   series.Type // "" until the first non-NULL value
	ints   []int
	floats []float64
	bools  []bool
	strs   []string
	na     []bool
}

// maxExactInt is the largest integer a float64 holds exactly (2^53);
// larger integers stay exact as text.
const maxExactInt = 1 << 53

func (c *sqlColumn) null() {
	c.na = append(c.na, true)
	switch c.mode {
	case series.Int:
		c.ints = append(c.ints, 0)
	case series.Float:
		c.floats = append(c.floats, math.NaN())
	case series.Bool:
		c.bools = append(c.bools, false)
	case series.String:
		c.strs = append(c.strs, "")
	}
}

// start sets the column's type at its first non-NULL value, with zero
// values for the NULLs before it.
func (c *sqlColumn) start(t series.Type) {
	c.mode = t
	n := len(c.na)
	switch t {
	case series.Int:
		c.ints = make([]int, n)
	case series.Float:
		c.floats = make([]float64, n)
		for i := range c.floats {
			c.floats[i] = math.NaN()
		}
	case series.Bool:
		c.bools = make([]bool, n)
	case series.String:
		c.strs = make([]string, n)
	}
}

// toString turns the values so far into text.
func (c *sqlColumn) toString() {
	if c.mode == series.String {
		return
	}
	strs := make([]string, len(c.na))
	for i, na := range c.na {
		if na {
			continue
		}
		switch c.mode {
		case series.Int:
			strs[i] = strconv.Itoa(c.ints[i])
		case series.Float:
			strs[i] = strconv.FormatFloat(c.floats[i], 'g', -1, 64)
		case series.Bool:
			strs[i] = strconv.FormatBool(c.bools[i])
		}
	}
	c.mode, c.strs, c.ints, c.floats, c.bools = series.String, strs, nil, nil, nil
}

func (c *sqlColumn) addInt(i int64) {
	if i > maxExactInt || i < -maxExactInt {
		c.addString(strconv.FormatInt(i, 10))
		return
	}
	switch c.mode {
	case "":
		c.start(series.Int)
		fallthrough
	case series.Int:
		c.ints = append(c.ints, int(i))
	case series.Float:
		c.floats = append(c.floats, float64(i))
	case series.Bool:
		c.toString()
		fallthrough
	default:
		c.strs = append(c.strs, strconv.FormatInt(i, 10))
	}
	c.na = append(c.na, false)
}

func (c *sqlColumn) addFloat(f float64) {
	switch c.mode {
	case "":
		c.start(series.Float)
		fallthrough
	case series.Float:
		c.floats = append(c.floats, f)
	case series.Int:
		c.floats = make([]float64, len(c.ints), len(c.ints)+1)
		for i, v := range c.ints {
			c.floats[i] = float64(v)
			if c.na[i] {
				c.floats[i] = math.NaN()
			}
		}
		c.mode, c.ints = series.Float, nil
		c.floats = append(c.floats, f)
	case series.Bool:
		c.toString()
		fallthrough
	default:
		c.strs = append(c.strs, strconv.FormatFloat(f, 'g', -1, 64))
	}
	c.na = append(c.na, false)
}

func (c *sqlColumn) addBool(b bool) {
	switch c.mode {
	case "":
		c.start(series.Bool)
		fallthrough
	case series.Bool:
		c.bools = append(c.bools, b)
	default:
		c.toString()
		c.strs = append(c.strs, strconv.FormatBool(b))
	}
	c.na = append(c.na, false)
}

func (c *sqlColumn) addString(s string) {
	if c.mode == "" {
		c.start(series.String)
	}
	c.toString()
	c.strs = append(c.strs, s)
	c.na = append(c.na, false)
}

func (c *sqlColumn) add(v any) error {
	switch x := v.(type) {
	case nil:
		c.null()
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
			c.addString(strconv.FormatUint(x, 10))
		} else {
			c.addInt(int64(x))
		}
	case uint:
		return c.add(uint64(x))
	case float64:
		c.addFloat(x)
	case float32:
		c.addFloat(float64(x))
	case bool:
		c.addBool(x)
	case []byte:
		if !utf8.Valid(x) {
			return fmt.Errorf("binary value (%d bytes) is not text", len(x))
		}
		return c.addText(string(x))
	case string:
		return c.addText(x)
	case time.Time:
		c.addString(sqlISOTime(x))
	case *big.Int:
		if x == nil {
			c.null()
		} else if x.IsInt64() {
			c.addInt(x.Int64())
		} else {
			c.addString(x.String())
		}
	case interface{ Float64() float64 }: // DuckDB's Decimal
		c.addFloat(x.Float64())
	case interface{ Float64() (float64, bool) }: // shopspring decimal (ClickHouse)
		f, _ := x.Float64()
		c.addFloat(f)
	case fmt.Stringer:
		c.addString(x.String())
	default:
		c.addString(fmt.Sprint(x))
	}
	return nil
}

// addText adds a text value; DECIMAL/NUMERIC columns sent as text become
// numbers.
func (c *sqlColumn) addText(s string) error {
	if isDecimalType(c.dbType) {
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			c.addFloat(f)
			return nil
		}
	}
	c.addString(s)
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
	mode := c.mode
	if mode == "" { // all NULL, or no rows
		mode = typeFromDB(c.dbType)
		c.start(mode)
	}
	switch mode {
	case series.Int:
		return frame.Ints(name, c.ints, c.na)
	case series.Float:
		return frame.Floats(name, c.floats, c.na)
	case series.Bool:
		return frame.Bools(name, c.bools, c.na)
	}
	return frame.Strings(name, c.strs, c.na)
}
