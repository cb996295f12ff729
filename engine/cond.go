package engine

import (
	"fmt"
	"strings"

	"github.com/go-gota/gota/series"
)

// Cond is a condition on the rows of a query, for Filter. Build it with Eq,
// Ne, Lt, Le, Gt, Ge, In, Between, IsNull, NotNull, And, Or and Not.
//
// Conditions follow SQL's rule for missing values: a comparison with a
// missing cell is unknown and the row is not kept (so Ne("sexo", "M") drops
// rows with no sexo, and so does Not(Eq("sexo", "M"))), as clean.Filter
// drops a row whose predicate read a missing value. One difference: in Or,
// a row is kept when another condition holds (SQL's NULL OR TRUE), while
// clean.Filter's Go predicate keeps it only if it did not read the missing
// cell first. Use IsNull and NotNull to say what a missing cell means.
// Values are always sent as bound parameters. A value must have the type of
// its column: a string for a text column (Eq("cve_ent", "09"), never 9), a
// number for Int and Float columns, a bool for Bool columns.
type Cond struct {
	op   string // "=", "<>", "<", "<=", ">", ">=", "in", "between", "null", "notnull", "and", "or", "not"
	col  string
	vals []any
	sub  []Cond
}

// Eq keeps rows whose col equals v.
func Eq(col string, v any) Cond { return Cond{op: "=", col: col, vals: []any{v}} }

// Ne keeps rows whose col is present and differs from v.
func Ne(col string, v any) Cond { return Cond{op: "<>", col: col, vals: []any{v}} }

// Lt keeps rows whose col is less than v (text compares by the database's
// collation: use it on ISO dates and codes of equal width).
func Lt(col string, v any) Cond { return Cond{op: "<", col: col, vals: []any{v}} }

// Le keeps rows whose col is less than or equal to v.
func Le(col string, v any) Cond { return Cond{op: "<=", col: col, vals: []any{v}} }

// Gt keeps rows whose col is greater than v.
func Gt(col string, v any) Cond { return Cond{op: ">", col: col, vals: []any{v}} }

// Ge keeps rows whose col is greater than or equal to v.
func Ge(col string, v any) Cond { return Cond{op: ">=", col: col, vals: []any{v}} }

// In keeps rows whose col equals one of vs. With no values it keeps no row.
func In(col string, vs ...any) Cond {
	return Cond{op: "in", col: col, vals: append([]any(nil), vs...)}
}

// Between keeps rows whose col is from lo to hi, both included.
func Between(col string, lo, hi any) Cond { return Cond{op: "between", col: col, vals: []any{lo, hi}} }

// IsNull keeps rows whose col is missing.
func IsNull(col string) Cond { return Cond{op: "null", col: col} }

// NotNull keeps rows whose col is present.
func NotNull(col string) Cond { return Cond{op: "notnull", col: col} }

// And keeps rows that meet every condition (Filter's conditions are
// already joined with And).
func And(conds ...Cond) Cond { return Cond{op: "and", sub: append([]Cond(nil), conds...)} }

// Or keeps rows that meet at least one condition.
func Or(conds ...Cond) Cond { return Cond{op: "or", sub: append([]Cond(nil), conds...)} }

// Not keeps rows where c is false (not where it is unknown: see Cond).
func Not(c Cond) Cond { return Cond{op: "not", sub: []Cond{c}} }

// String writes c for messages, values in Go syntax.
func (c Cond) String() string {
	switch c.op {
	case "and", "or":
		parts := make([]string, len(c.sub))
		for i, s := range c.sub {
			parts[i] = s.String()
		}
		return strings.ToUpper(c.op[:1]) + c.op[1:] + "(" + strings.Join(parts, ", ") + ")"
	case "not":
		return "Not(" + c.sub[0].String() + ")"
	case "null":
		return fmt.Sprintf("IsNull(%q)", c.col)
	case "notnull":
		return fmt.Sprintf("NotNull(%q)", c.col)
	}
	vals := make([]string, len(c.vals))
	for i, v := range c.vals {
		vals[i] = fmt.Sprintf("%#v", v)
	}
	return fmt.Sprintf("%s %s %s", quote(c.col), c.op, strings.Join(vals, ", "))
}

// compile writes c as SQL over the columns of in, binding its values.
func (c Cond) compile(cp *compiler, step string, in *rel) (string, error) {
	switch c.op {
	case "":
		return "", fmt.Errorf("engine: %s: the zero Cond: build conditions with Eq, In, And…: %w", step, ErrArgument)
	case "and", "or", "not":
		if len(c.sub) == 0 {
			return "", fmt.Errorf("engine: %s: %s with no conditions: %w", step, strings.ToUpper(c.op), ErrArgument)
		}
		parts := make([]string, len(c.sub))
		for i, s := range c.sub {
			p, err := s.compile(cp, step, in)
			if err != nil {
				return "", err
			}
			parts[i] = "(" + p + ")"
		}
		if c.op == "not" {
			return "NOT " + parts[0], nil
		}
		return strings.Join(parts, " "+strings.ToUpper(c.op)+" "), nil
	}
	t, err := in.typeOf(step, c.col)
	if err != nil {
		return "", err
	}
	q := quote(c.col)
	switch c.op {
	case "null":
		return q + " IS NULL", nil
	case "notnull":
		return q + " IS NOT NULL", nil
	}
	ph := make([]string, len(c.vals))
	for i, v := range c.vals {
		bv, err := bindValue(v, t)
		if err != nil {
			return "", fmt.Errorf("engine: %s: %s: column %q is %s: %w", step, c, c.col, typeLabel(t), err)
		}
		ph[i] = cp.param(bv)
	}
	switch c.op {
	case "in":
		if len(ph) == 0 {
			return "1 = 0", nil
		}
		return q + " IN (" + strings.Join(ph, ", ") + ")", nil
	case "between":
		return q + " BETWEEN " + ph[0] + " AND " + ph[1], nil
	}
	return q + " " + c.op + " " + ph[0], nil
}

// bindValue checks that v suits a column of type t and returns it as a
// driver value.
func bindValue(v any, t series.Type) (any, error) {
	switch t {
	case series.String:
		if s, ok := v.(string); ok {
			return s, nil
		}
		return nil, fmt.Errorf("value %#v is not a string (write codes as text: \"09\"): %w", v, ErrType)
	case series.Bool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return nil, fmt.Errorf("value %#v is not a bool: %w", v, ErrType)
	}
	switch x := v.(type) {
	case int:
		return int64(x), nil
	case int8:
		return int64(x), nil
	case int16:
		return int64(x), nil
	case int32:
		return int64(x), nil
	case int64:
		return x, nil
	case uint8:
		return int64(x), nil
	case uint16:
		return int64(x), nil
	case uint32:
		return int64(x), nil
	case float32:
		return float64(x), nil
	case float64:
		if x != x {
			return nil, fmt.Errorf("value NaN compares with nothing (use IsNull): %w", ErrType)
		}
		return x, nil
	}
	return nil, fmt.Errorf("value %#v is not a number: %w", v, ErrType)
}
