package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/clean"
	"github.com/go-gota/gota/series"
)

// joinPlan is what the report of one join needs: both inputs and how their
// keys compare.
type joinPlan struct {
	left, right *Query
	how         clean.How
	keys        []string
	lt, rt      []series.Type
	renamed     []clean.Rename
	keyTypes    []string
}

// keyExpr is the comparison form of key column name (qualified by alias)
// of type t: trimmed text with empty text missing, or the value itself.
func (c *compiler) keyExpr(alias, name string, t series.Type) string {
	x := alias + quote(name)
	if t == series.String {
		return c.d.keyText(x)
	}
	return x
}

// keyCol prefixes the hidden columns that hold a join's comparison keys.
const keyCol = "_cifra_key"

func numeric(t series.Type) bool { return t == series.Int || t == series.Float }

func (c *compiler) join(s joinStep, left *Query, l *rel) (*rel, error) {
	const step = "Join"
	if s.how < clean.Inner || s.how > clean.Anti {
		return nil, fmt.Errorf("engine: %s: unknown join kind %d: %w", step, int(s.how), ErrArgument)
	}
	r, err := c.compile(s.right)
	if err != nil {
		return nil, err
	}
	keys := s.on
	if len(keys) == 0 {
		for _, lc := range l.cols {
			if r.find(lc.name) >= 0 {
				keys = append(keys, lc.name)
			}
		}
		if len(keys) == 0 {
			return nil, fmt.Errorf("engine: %s: no key named and no column shared by both sides: %w", step, ErrArgument)
		}
	}
	p := &joinPlan{left: left, right: s.right, how: s.how, keys: keys}
	var on, lk, rk []string
	isKey := map[string]int{}
	for i, k := range keys {
		if _, dup := isKey[k]; dup {
			return nil, fmt.Errorf("engine: %s: key %q given twice: %w", step, k, ErrArgument)
		}
		isKey[k] = i
		lt, err := l.typeOf(step+" (left side)", k)
		if err != nil {
			return nil, err
		}
		rt, err := r.typeOf(step+" (right side)", k)
		if err != nil {
			return nil, err
		}
		bothNum := numeric(lt) && numeric(rt)
		if lt != rt && !bothNum {
			return nil, fmt.Errorf("engine: %s: key %q is %s on the left and %s on the right; clean.Join would compare them as numbers, which the engine does not: load both keys with the same type: %w", step, k, typeLabel(lt), typeLabel(rt), ErrType)
		}
		if lt != rt || bothNum {
			p.keyTypes = append(p.keyTypes, fmt.Sprintf("%q (%s) and %q (%s) compared as numbers", k, fmt.Sprint(lt), k, fmt.Sprint(rt)))
		}
		p.lt, p.rt = append(p.lt, lt), append(p.rt, rt)
		kc := quote(keyCol + strconv.Itoa(i))
		on = append(on, "l."+kc+" = r."+kc)
		lk = append(lk, c.keyExpr("", k, lt)+" AS "+kc)
		rk = append(rk, c.keyExpr("", k, rt)+" AS "+kc)
	}
	cond := strings.Join(on, " AND ")
	// Each side's keys are computed once per row (then the database can
	// hash or index them), not once per pair of rows.
	lsrc := c.addKeys("join_left_keys", "SELECT *, "+strings.Join(lk, ", ")+"\nFROM "+l.cte)
	rsrc := c.addKeys("join_right_keys", "SELECT *, "+strings.Join(rk, ", ")+"\nFROM "+r.cte)
	out := &rel{dense: true}
	var sel []string
	used := map[string]bool{}
	for _, lc := range l.cols {
		used[lc.name] = true
		i, key := isKey[lc.name]
		if key && (s.how == clean.Right || s.how == clean.Full) {
			t, lx, rx := lc.typ, "l."+quote(lc.name), "r."+quote(lc.name)
			if p.rt[i] != t {
				t = series.Float
				lx, rx = "CAST("+lx+" AS "+c.d.double()+")", "CAST("+rx+" AS "+c.d.double()+")"
			}
			sel = append(sel, "CASE WHEN l."+quote(rowCol)+" IS NOT NULL THEN "+lx+" ELSE "+rx+" END AS "+quote(lc.name))
			out.cols = append(out.cols, col{lc.name, t})
			continue
		}
		sel = append(sel, "l."+quote(lc.name))
		out.cols = append(out.cols, lc)
	}
	if s.how == clean.Semi || s.how == clean.Anti {
		exists := "EXISTS"
		if s.how == clean.Anti {
			exists = "NOT EXISTS"
		}
		sel = append(sel, "l."+quote(rowCol))
		out.dense = false // rows are dropped: no longer numbered 1, 2, 3…
		out.cte = c.add(s.how.String()+"_join", "SELECT "+strings.Join(sel, ", ")+"\nFROM "+lsrc+" AS l\nWHERE "+exists+" (\n  SELECT 1 FROM "+rsrc+" AS r\n  WHERE "+cond+"\n)")
		c.joins = append(c.joins, p)
		return out, nil
	}
	for _, rc := range r.cols {
		if _, key := isKey[rc.name]; key {
			continue
		}
		name := rc.name
		if used[name] {
			name = rc.name + "_right"
			for i := 2; used[name]; i++ {
				name = fmt.Sprintf("%s_right%d", rc.name, i)
			}
			p.renamed = append(p.renamed, clean.Rename{From: rc.name, To: name})
		}
		used[name] = true
		if name == rc.name {
			sel = append(sel, "r."+quote(rc.name))
		} else {
			sel = append(sel, "r."+quote(rc.name)+" AS "+quote(name))
		}
		out.cols = append(out.cols, col{name, rc.typ})
	}
	kind := map[clean.How]string{clean.Inner: "JOIN", clean.Left: "LEFT JOIN", clean.Right: "RIGHT JOIN", clean.Full: "FULL JOIN"}[s.how]
	order := "ROW_NUMBER() OVER (ORDER BY CASE WHEN l." + quote(rowCol) + " IS NULL THEN 1 ELSE 0 END, l." + quote(rowCol) + ", r." + quote(rowCol) + ") AS " + quote(rowCol)
	sel = append(sel, order)
	out.cte = c.add(s.how.String()+"_join", "SELECT "+strings.Join(sel, ",\n  ")+"\nFROM "+lsrc+" AS l\n"+kind+" "+rsrc+" AS r\n  ON "+cond)
	c.joins = append(c.joins, p)
	return out, nil
}
