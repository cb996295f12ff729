package engine

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/go-gota/gota/series"
)

// rel is a compiled step: the name of its CTE and its visible columns (the
// CTE also carries rowCol).
type rel struct {
	cte  string
	cols []col
	// dense: the CTE's rowCol numbers its rows 1, 2, 3… in order (a
	// table written by Load, a join), so it is also the row number that
	// reports give.
	dense bool
}

func (r *rel) find(name string) int {
	for i, c := range r.cols {
		if c.name == name {
			return i
		}
	}
	return -1
}

// typeOf returns the type of column name, or an error naming the step and
// the columns that exist.
func (r *rel) typeOf(step, name string) (series.Type, error) {
	if i := r.find(name); i >= 0 {
		return r.cols[i].typ, nil
	}
	have := make([]string, len(r.cols))
	for i, c := range r.cols {
		have[i] = strconv.Quote(c.name)
	}
	return "", fmt.Errorf("engine: %s: column %q: %w (the input has %s)", step, name, ErrNoColumn, strings.Join(have, ", "))
}

// names returns the quoted visible columns, each prefixed with alias (if
// any), joined by commas.
func (r *rel) list(alias string) string {
	parts := make([]string, len(r.cols))
	for i, c := range r.cols {
		parts[i] = alias + quote(c.name)
	}
	return strings.Join(parts, ", ")
}

// compiler turns a Query into one SQL statement: one CTE per step.
type compiler struct {
	ctx   context.Context
	e     *Engine
	d     Dialect
	ctes  []string
	args  []any
	joins []*joinPlan
}

func newCompiler(ctx context.Context, e *Engine) *compiler {
	return &compiler{ctx: ctx, e: e, d: e.d}
}

// param binds v and returns its placeholder.
func (c *compiler) param(v any) string {
	c.args = append(c.args, v)
	return c.d.placeholder(len(c.args))
}

// add appends a CTE for a step and returns its name.
func (c *compiler) add(kind, body string) string {
	name := fmt.Sprintf("s%d_%s", len(c.ctes)+1, kind)
	c.ctes = append(c.ctes, "  "+name+" AS (\n    "+indent(body, "\n    ")+"\n  )")
	return name
}

// indent replaces the line breaks of a statement with nl, leaving those
// inside quoted names and text literals (a column called "total\n2020")
// as they are.
func indent(sql, nl string) string {
	var b strings.Builder
	var in byte // the quote we are inside, or 0
	for i := 0; i < len(sql); i++ {
		ch := sql[i]
		switch {
		case in == 0 && (ch == '"' || ch == '\''):
			in = ch
		case in != 0 && ch == in:
			in = 0 // a doubled quote closes and reopens: same result
		case in == 0 && ch == '\n':
			b.WriteString(nl)
			continue
		}
		b.WriteByte(ch)
	}
	return b.String()
}

// addKeys appends the CTE of a join side with its comparison keys. SQLite
// is told to materialize it, or it would compute the keys again for every
// pair of rows it compares.
func (c *compiler) addKeys(kind, body string) string {
	name := c.add(kind, body)
	if c.d == SQLite {
		last := len(c.ctes) - 1
		c.ctes[last] = strings.Replace(c.ctes[last], name+" AS (", name+" AS MATERIALIZED (", 1)
	}
	return name
}

// statement writes the CTEs and a final SELECT.
func (c *compiler) statement(final string) string {
	if len(c.ctes) == 0 {
		return final
	}
	return "WITH\n" + strings.Join(c.ctes, ",\n") + "\n" + final
}

// compile compiles q and the steps before it.
func (c *compiler) compile(q *Query) (*rel, error) {
	if q == nil || q.e == nil {
		return nil, fmt.Errorf("engine: a nil *Query (start queries with Engine.Table): %w", ErrArgument)
	}
	if q.e != c.e {
		return nil, fmt.Errorf("engine: %s: the query belongs to another Engine: %w", q.st.name(), ErrArgument)
	}
	if t, ok := q.st.(tableStep); ok {
		return c.table(t)
	}
	in, err := c.compile(q.prev)
	if err != nil {
		return nil, err
	}
	switch s := q.st.(type) {
	case filterStep:
		return c.filter(s, in)
	case aggStep:
		return c.agg(s, in)
	case joinStep:
		return c.join(s, q.prev, in)
	case rateStep:
		return c.rate(s, in)
	case selectStep:
		return c.selectCols(s, in)
	case renameStep:
		return c.rename(s, in)
	}
	return nil, fmt.Errorf("engine: unknown step %T: %w", q.st, ErrArgument)
}

func (c *compiler) table(t tableStep) (*rel, error) {
	if t.table == "" {
		return nil, fmt.Errorf("engine: Table: empty table name: %w", ErrArgument)
	}
	cols, ordered, err := c.e.schema(c.ctx, t.table)
	if err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("engine: Table %q: no columns: %w", t.table, ErrArgument)
	}
	r := &rel{cols: cols, dense: true}
	order := quote(rowCol)
	if !ordered {
		order = "ROW_NUMBER() OVER () AS " + quote(rowCol)
	}
	r.cte = c.add("table", "SELECT "+r.list("")+", "+order+"\nFROM "+quote(t.table))
	return r, nil
}

func (c *compiler) filter(s filterStep, in *rel) (*rel, error) {
	if len(s.conds) == 0 {
		return in, nil
	}
	parts := make([]string, len(s.conds))
	for i, cond := range s.conds {
		p, err := cond.compile(c, "Filter", in)
		if err != nil {
			return nil, err
		}
		if len(s.conds) > 1 {
			p = "(" + p + ")"
		}
		parts[i] = p
	}
	out := &rel{cols: in.cols}
	out.cte = c.add("filter", "SELECT *\nFROM "+in.cte+"\nWHERE "+strings.Join(parts, "\n  AND "))
	return out, nil
}

func (c *compiler) rate(s rateStep, in *rel) (*rel, error) {
	const step = "Rate"
	if s.as == "" {
		return nil, fmt.Errorf("engine: %s: empty output column name: %w", step, ErrArgument)
	}
	if !(s.per > 0) || math.IsInf(s.per, 0) {
		return nil, fmt.Errorf("engine: %s: per = %v, want a positive number such as 100000: %w", step, s.per, ErrArgument)
	}
	flag := s.as + "_small"
	for _, name := range []string{s.num, s.den} {
		t, err := in.typeOf(step, name)
		if err != nil {
			return nil, err
		}
		if t != series.Int && t != series.Float {
			return nil, fmt.Errorf("engine: %s: column %q is %s, not numeric: %w", step, name, typeLabel(t), ErrType)
		}
	}
	for _, name := range []string{s.as, flag} {
		if in.find(name) >= 0 {
			return nil, fmt.Errorf("engine: %s: output column %q already exists: %w", step, name, ErrArgument)
		}
	}
	num, den := quote(s.num), quote(s.den)
	rate := "CASE WHEN " + num + " IS NOT NULL AND " + den + " > 0\n" +
		"  THEN CAST(" + num + " AS " + c.d.double() + ") / " + den + " * " + c.param(s.per) + " END AS " + quote(s.as)
	small := "CASE WHEN " + num + " IS NULL THEN NULL\n" +
		"  WHEN " + num + " < " + c.param(float64(smallCount)) + " THEN TRUE ELSE FALSE END AS " + quote(flag)
	out := &rel{cols: append(append([]col(nil), in.cols...), col{s.as, series.Float}, col{flag, series.Bool}), dense: in.dense}
	out.cte = c.add("rate", "SELECT "+in.list("")+",\n  "+rate+",\n  "+small+",\n  "+quote(rowCol)+"\nFROM "+in.cte)
	return out, nil
}

// smallCount is analyze.DefaultSmallCount.
const smallCount = analyze.DefaultSmallCount

func (c *compiler) selectCols(s selectStep, in *rel) (*rel, error) {
	if len(s.cols) == 0 {
		return nil, fmt.Errorf("engine: Select: no columns named: %w", ErrArgument)
	}
	out := &rel{dense: in.dense}
	seen := map[string]bool{}
	for _, name := range s.cols {
		t, err := in.typeOf("Select", name)
		if err != nil {
			return nil, err
		}
		if seen[name] {
			return nil, fmt.Errorf("engine: Select: column %q named twice: %w", name, ErrArgument)
		}
		seen[name] = true
		out.cols = append(out.cols, col{name, t})
	}
	out.cte = c.add("select", "SELECT "+out.list("")+", "+quote(rowCol)+"\nFROM "+in.cte)
	return out, nil
}

func (c *compiler) rename(s renameStep, in *rel) (*rel, error) {
	for old, name := range s.names {
		if _, err := in.typeOf("Rename", old); err != nil {
			return nil, err
		}
		if name == "" || name == rowCol {
			return nil, fmt.Errorf("engine: Rename: %q to %q: %w", old, name, ErrArgument)
		}
	}
	out := &rel{dense: in.dense}
	seen := map[string]bool{}
	var sel []string
	for _, cl := range in.cols {
		name, ok := s.names[cl.name]
		if !ok {
			name = cl.name
		}
		if seen[name] {
			return nil, fmt.Errorf("engine: Rename: two columns would be called %q: %w", name, ErrArgument)
		}
		seen[name] = true
		if ok && name != cl.name {
			sel = append(sel, quote(cl.name)+" AS "+quote(name))
		} else {
			sel = append(sel, quote(cl.name))
		}
		out.cols = append(out.cols, col{name, cl.typ})
	}
	out.cte = c.add("rename", "SELECT "+strings.Join(sel, ", ")+", "+quote(rowCol)+"\nFROM "+in.cte)
	return out, nil
}
