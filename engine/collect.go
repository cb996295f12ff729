package engine

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// build compiles q into its statement, parameters and output columns.
func (q *Query) build(ctx context.Context) (*compiler, string, *rel, error) {
	if q == nil || q.e == nil {
		return nil, "", nil, fmt.Errorf("engine: a nil *Query (start queries with Engine.Table): %w", ErrArgument)
	}
	c := newCompiler(ctx, q.e)
	r, err := c.compile(q)
	if err != nil {
		return nil, "", nil, err
	}
	stmt := c.statement("SELECT " + r.list("") + "\nFROM " + r.cte + "\nORDER BY " + quote(rowCol))
	return c, stmt, r, nil
}

// SQL returns the statement Collect runs, one CTE per step, for the
// methodology note; the values of conditions are bound parameters, listed
// in a comment at the end. Compiling reads the column names and types of
// the tables named (the first error of a step is returned here, as Collect
// would).
func (q *Query) SQL() (string, error) {
	c, stmt, _, err := q.build(context.Background())
	if err != nil {
		return "", err
	}
	return stmt + paramComment(c), nil
}

// paramComment lists the bound parameters as a SQL comment.
func paramComment(c *compiler) string {
	if len(c.args) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n-- parameters:")
	for i, a := range c.args {
		v := fmt.Sprintf("%v", a)
		if s, ok := a.(string); ok {
			v = "'" + strings.ReplaceAll(s, "'", "''") + "'"
			v = strings.NewReplacer("\n", `\n`, "\r", `\r`).Replace(v)
		}
		fmt.Fprintf(&b, " %d = %s", i+1, v)
		if i < len(c.args)-1 {
			b.WriteByte(',')
		}
	}
	return b.String()
}

// Collect runs q in the database and returns the result as a table, with
// the types analyze and clean would give in memory, and the report of every
// join, also computed in the database.
func (q *Query) Collect(ctx context.Context) (dataframe.DataFrame, Report, error) {
	var rep Report
	c, stmt, r, err := q.build(ctx)
	if err != nil {
		return dataframe.DataFrame{}, rep, err
	}
	rep.SQL = stmt + paramComment(c)
	rows, err := queryRows(ctx, q.e, stmt, c.args)
	if err != nil {
		return dataframe.DataFrame{}, rep, fmt.Errorf("engine: Collect: %w", wrapDB(err))
	}
	rep.Rows = len(rows)
	out, err := toFrame(r.cols, rows)
	if err != nil {
		return dataframe.DataFrame{}, rep, err
	}
	for _, p := range c.joins {
		jr, err := q.e.joinReport(ctx, p)
		if err != nil {
			return dataframe.DataFrame{}, rep, err
		}
		rep.Joins = append(rep.Joins, jr)
	}
	return out, rep, nil
}

// wrapDB marks a database's integer overflow as ErrTooLarge.
func wrapDB(err error) error {
	m := strings.ToLower(err.Error())
	if strings.Contains(m, "overflow") || strings.Contains(m, "out of range") {
		return fmt.Errorf("%w: %v", ErrTooLarge, err)
	}
	return err
}

// queryRows runs a statement and reads every row as driver values.
func queryRows(ctx context.Context, e *Engine, stmt string, args []any) ([][]any, error) {
	rs, err := e.db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]any
	for rs.Next() {
		row := make([]any, len(cols))
		ptr := make([]any, len(cols))
		for i := range row {
			ptr[i] = &row[i]
		}
		if err := rs.Scan(ptr...); err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rs.Err()
}

// toFrame builds the gota table, one typed series per column.
func toFrame(cols []col, rows [][]any) (dataframe.DataFrame, error) {
	n := len(rows)
	series_ := make([]series.Series, len(cols))
	for j, c := range cols {
		na := make([]bool, n)
		bad := func(i int, err error) error {
			return fmt.Errorf("engine: Collect: column %q row %d: %w", c.name, i+1, err)
		}
		switch c.typ {
		case series.Int:
			v := make([]int, n)
			for i, row := range rows {
				x, isNull, err := toInt(row[j])
				if err != nil {
					return dataframe.DataFrame{}, bad(i, err)
				}
				v[i], na[i] = int(x), isNull
			}
			series_[j] = frame.Ints(c.name, v, na)
		case series.Float:
			v := make([]float64, n)
			for i, row := range rows {
				x, isNull, err := toFloat(row[j])
				if err != nil {
					return dataframe.DataFrame{}, bad(i, err)
				}
				if isNull {
					x = math.NaN()
				}
				v[i], na[i] = x, isNull
			}
			series_[j] = frame.Floats(c.name, v, na)
		case series.Bool:
			v := make([]bool, n)
			for i, row := range rows {
				x, isNull, err := toBool(row[j])
				if err != nil {
					return dataframe.DataFrame{}, bad(i, err)
				}
				v[i], na[i] = x, isNull
			}
			series_[j] = frame.Bools(c.name, v, na)
		default:
			v := make([]string, n)
			for i, row := range rows {
				v[i], na[i] = toText(row[j])
			}
			series_[j] = frame.Strings(c.name, v, na)
		}
	}
	df, err := frame.New(series_...)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("engine: Collect: %w: %v", ErrFrame, err)
	}
	return df, nil
}

// toInt reads a driver value as an exact int64. Drivers return int64,
// float64 with an integral value, or the text of a NUMERIC or HUGEINT sum.
func toInt(v any) (int64, bool, error) {
	switch x := v.(type) {
	case nil:
		return 0, true, nil
	case int64:
		return x, false, nil
	case int32:
		return int64(x), false, nil
	case int:
		return int64(x), false, nil
	case float64:
		if x != math.Trunc(x) || math.Abs(x) >= 1<<63 {
			return 0, false, fmt.Errorf("value %v is not an integer: %w", x, ErrType)
		}
		return int64(x), false, nil
	case bool:
		if x {
			return 1, false, nil
		}
		return 0, false, nil
	}
	s, _ := toText(v)
	s = strings.TrimSuffix(s, ".0")
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, false, fmt.Errorf("the integer %s passes the int64 range (±9223372036854775807): %w", s, ErrTooLarge)
		}
		return 0, false, fmt.Errorf("value %q is not an integer: %w", s, ErrType)
	}
	return n, false, nil
}

// toFloat reads a driver value as a float64.
func toFloat(v any) (float64, bool, error) {
	switch x := v.(type) {
	case nil:
		return 0, true, nil
	case float64:
		return x, false, nil
	case float32:
		return float64(x), false, nil
	case int64:
		return float64(x), false, nil
	case int32:
		return float64(x), false, nil
	case int:
		return float64(x), false, nil
	}
	s, _ := toText(v)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false, fmt.Errorf("value %q is not a number: %w", s, ErrType)
	}
	return f, false, nil
}

// toBool reads a driver value as a bool (SQLite stores 0 and 1).
func toBool(v any) (bool, bool, error) {
	switch x := v.(type) {
	case nil:
		return false, true, nil
	case bool:
		return x, false, nil
	case int64:
		return x != 0, false, nil
	}
	s, _ := toText(v)
	switch strings.ToLower(s) {
	case "true", "t", "1":
		return true, false, nil
	case "false", "f", "0":
		return false, false, nil
	}
	return false, false, fmt.Errorf("value %q is not a boolean: %w", s, ErrType)
}

// toText reads a driver value as text.
func toText(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return x, false
	case []byte:
		return string(x), false
	case int64:
		return strconv.FormatInt(x, 10), false
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), false
	case bool:
		return strconv.FormatBool(x), false
	case time.Time:
		// Dates travel as ISO-8601 text, as everywhere in cifra.
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02"), false
		}
		return x.Format(time.RFC3339Nano), false
	}
	return fmt.Sprint(v), false
}
