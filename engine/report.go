package engine

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/clean"
	"github.com/go-gota/gota/series"
)

// Report is what Collect found while running a query.
type Report struct {
	// Joins holds one clean.JoinReport per Join, counted by the
	// database: the joins of a join's left side first, then its right
	// side's, then the join itself. The suggestions for unmatched keys
	// (Closest, FoldWouldMatch) are found in Go, as clean.Join finds
	// them, among the distinct keys of the other side, which are read
	// only when some key is unmatched and a side has at most 200,000.
	Joins []clean.JoinReport
	// SQL is the statement that produced the table, with its parameters
	// (Query.SQL).
	SQL string
	// Rows is the number of rows returned.
	Rows int
}

// String prints the report: each join's block.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "engine: %d rows\n", r.Rows)
	for _, j := range r.Joins {
		b.WriteString(j.String())
	}
	return b.String()
}

// joinReport computes the report of one join with two queries: totals, and
// the keys that matched nothing or matched several rows.
func (e *Engine) joinReport(ctx context.Context, p *joinPlan) (clean.JoinReport, error) {
	rep := clean.JoinReport{How: p.how, Keys: p.keys, RightKeys: p.keys, Renamed: p.renamed, KeyTypes: p.keyTypes}
	c := newCompiler(ctx, e)
	l, err := c.compile(p.left)
	if err != nil {
		return rep, err
	}
	r, err := c.compile(p.right)
	if err != nil {
		return rep, err
	}
	side := func(in *rel, types []series.Type) string {
		var sel []string
		for i, k := range p.keys {
			sel = append(sel, c.keyExpr("", k, types[i])+" AS k"+strconv.Itoa(i), quote(k)+" AS raw"+strconv.Itoa(i))
		}
		if in.dense {
			sel = append(sel, quote(rowCol)+" AS rn")
		} else {
			sel = append(sel, "ROW_NUMBER() OVER (ORDER BY "+quote(rowCol)+") AS rn")
		}
		return "SELECT " + strings.Join(sel, ", ") + "\nFROM " + in.cte
	}
	var ks, present, missing, eq []string
	for i := range p.keys {
		k := "k" + strconv.Itoa(i)
		ks = append(ks, k)
		present = append(present, k+" IS NOT NULL")
		missing = append(missing, k+" IS NULL")
		eq = append(eq, "a."+k+" = b."+k)
	}
	rl := c.addKeys("report_left", side(l, p.lt))
	rr := c.addKeys("report_right", side(r, p.rt))
	keysOf := func(in string) string {
		return "SELECT " + strings.Join(ks, ", ") + ", COUNT(*) AS n, MIN(rn) AS first\nFROM " + in +
			"\nWHERE " + strings.Join(present, " AND ") + "\nGROUP BY " + strings.Join(ks, ", ")
	}
	lk := c.add("report_left_keys", keysOf(rl))
	rk := c.add("report_right_keys", keysOf(rr))
	on := strings.Join(eq, " AND ")
	matched := "FROM " + lk + " AS a JOIN " + rk + " AS b ON " + on
	totals := c.statement("SELECT\n  (SELECT COUNT(*) FROM " + rl + "),\n  (SELECT COUNT(*) FROM " + rr + "),\n" +
		"  (SELECT COUNT(*) FROM " + rl + " WHERE " + strings.Join(missing, " OR ") + "),\n" +
		"  (SELECT COUNT(*) FROM " + rr + " WHERE " + strings.Join(missing, " OR ") + "),\n" +
		"  (SELECT SUM(a.n) " + matched + "),\n  (SELECT SUM(b.n) " + matched + "),\n  (SELECT SUM(a.n * b.n) " + matched + ")")
	row, err := queryRows(ctx, e, totals, c.args)
	if err != nil {
		return rep, fmt.Errorf("engine: Join report: %w", err)
	}
	if len(row) != 1 || len(row[0]) != 7 {
		return rep, fmt.Errorf("engine: Join report: the totals query returned %d rows", len(row))
	}
	var t [7]int
	for i, v := range row[0] {
		n, isNull, err := toInt(v)
		if err != nil {
			return rep, fmt.Errorf("engine: Join report: %w", err)
		}
		if !isNull {
			t[i] = int(n)
		}
	}
	rep.LeftRows, rep.RightRows, rep.MissingKeyLeft, rep.MissingKeyRight = t[0], t[1], t[2], t[3]
	rep.MatchedLeft, rep.MatchedRight = t[4], t[5]
	pairs := t[6]
	unmatchedLeft := rep.LeftRows - rep.MissingKeyLeft - rep.MatchedLeft
	unmatchedRight := rep.RightRows - rep.MissingKeyRight - rep.MatchedRight
	switch p.how {
	case clean.Inner:
		rep.Rows = pairs
	case clean.Left:
		rep.Rows = pairs + unmatchedLeft + rep.MissingKeyLeft
	case clean.Right:
		rep.Rows = pairs + unmatchedRight + rep.MissingKeyRight
	case clean.Full:
		rep.Rows = pairs + unmatchedLeft + rep.MissingKeyLeft + unmatchedRight + rep.MissingKeyRight
	case clean.Semi:
		rep.Rows = rep.MatchedLeft
	case clean.Anti:
		rep.Rows = rep.LeftRows - rep.MatchedLeft
	}

	var raws []string
	for i := range p.keys {
		raws = append(raws, "la.raw"+strconv.Itoa(i))
	}
	for i := range p.keys {
		raws = append(raws, "rb.raw"+strconv.Itoa(i))
	}
	list := c.statement("SELECT a.n, b.n, a.first, b.first, " + strings.Join(raws, ", ") +
		"\nFROM " + lk + " AS a\nFULL JOIN " + rk + " AS b ON " + on +
		"\nLEFT JOIN " + rl + " AS la ON la.rn = a.first\nLEFT JOIN " + rr + " AS rb ON rb.rn = b.first" +
		"\nWHERE a.n IS NULL OR b.n IS NULL OR a.n > 1 OR b.n > 1")
	rows, err := queryRows(ctx, e, list, c.args)
	if err != nil {
		return rep, fmt.Errorf("engine: Join report: %w", err)
	}
	nk := len(p.keys)
	type dup struct {
		clean.DuplicateKey
		firstRight int
	}
	var dupR, dupL []dup
	for _, row := range rows {
		var v [4]int
		var null [4]bool
		for i := 0; i < 4; i++ {
			n, isNull, err := toInt(row[i])
			if err != nil {
				return rep, fmt.Errorf("engine: Join report: %w", err)
			}
			v[i], null[i] = int(n), isNull
		}
		display := func(off int, types []series.Type) (string, error) {
			parts := make([]string, nk)
			for i := 0; i < nk; i++ {
				s, err := rawText(row[off+i], types[i])
				if err != nil {
					return "", err
				}
				parts[i] = s
			}
			return strings.Join(parts, " | "), nil
		}
		lkey, err := display(4, p.lt)
		if err != nil {
			return rep, fmt.Errorf("engine: Join report: %w", err)
		}
		rkey, err := display(4+nk, p.rt)
		if err != nil {
			return rep, fmt.Errorf("engine: Join report: %w", err)
		}
		switch {
		case null[1]:
			rep.UnmatchedLeft = append(rep.UnmatchedLeft, clean.UnmatchedKey{Key: lkey, Rows: v[0], FirstRow: v[2]})
		case null[0]:
			rep.UnmatchedRight = append(rep.UnmatchedRight, clean.UnmatchedKey{Key: rkey, Rows: v[1], FirstRow: v[3]})
		default:
			if v[1] > 1 {
				dupR = append(dupR, dup{clean.DuplicateKey{Key: rkey, Rows: v[1], Matched: v[0]}, v[3]})
			}
			if v[0] > 1 {
				dupL = append(dupL, dup{clean.DuplicateKey{Key: lkey, Rows: v[0], Matched: v[1]}, v[3]})
			}
		}
	}
	sortKeys := func(u []clean.UnmatchedKey) {
		sort.Slice(u, func(i, j int) bool {
			if u[i].Rows != u[j].Rows {
				return u[i].Rows > u[j].Rows
			}
			return u[i].FirstRow < u[j].FirstRow
		})
	}
	sortKeys(rep.UnmatchedLeft)
	sortKeys(rep.UnmatchedRight)
	// As clean.Join: most extra rows first, ties in order of the key's
	// first appearance on the right.
	sortDup := func(d []dup) []clean.DuplicateKey {
		sort.Slice(d, func(i, j int) bool {
			a, b := d[i].Rows*d[i].Matched, d[j].Rows*d[j].Matched
			if a != b {
				return a > b
			}
			return d[i].firstRight < d[j].firstRight
		})
		var out []clean.DuplicateKey
		for _, x := range d {
			out = append(out, x.DuplicateKey)
		}
		return out
	}
	rep.DuplicatedRight = sortDup(dupR)
	rep.DuplicatedLeft = sortDup(dupL)
	if len(rep.UnmatchedLeft) == 0 && len(rep.UnmatchedRight) == 0 {
		return rep, nil
	}
	// The distinct keys of each side, as clean.Join offers them for
	// suggestions: none when a side has more than 200,000.
	keyList := func(stmt string, types []series.Type) ([]string, error) {
		rows, err := queryRows(ctx, e, c.statement(stmt+"\nLIMIT "+strconv.Itoa(maxCandidates+1)), c.args)
		if err != nil || len(rows) > maxCandidates {
			return nil, err
		}
		out := make([]string, len(rows))
		for i, row := range rows {
			parts := make([]string, nk)
			for j := range parts {
				if parts[j], err = rawText(row[j], types[j]); err != nil {
					return nil, err
				}
			}
			out[i] = strings.Join(parts, " | ")
		}
		return out, nil
	}
	var lraw, rraw []string
	for i := range p.keys {
		lraw = append(lraw, "la.raw"+strconv.Itoa(i))
		rraw = append(rraw, "rb.raw"+strconv.Itoa(i))
	}
	var leftKeys, rightKeys []string
	if len(rep.UnmatchedLeft) > 0 {
		rightKeys, err = keyList("SELECT "+strings.Join(rraw, ", ")+"\nFROM "+rk+" AS b\nJOIN "+rr+" AS rb ON rb.rn = b.first\nORDER BY b.first", p.rt)
		if err != nil {
			return rep, fmt.Errorf("engine: Join report: %w", err)
		}
	}
	if len(rep.UnmatchedRight) > 0 {
		leftKeys, err = keyList("SELECT "+strings.Join(lraw, ", ")+"\nFROM "+lk+" AS a\nLEFT JOIN "+rk+" AS b ON "+on+
			"\nJOIN "+rl+" AS la ON la.rn = a.first\nORDER BY CASE WHEN b.first IS NULL THEN 1 ELSE 0 END, b.first, a.first", p.lt)
		if err != nil {
			return rep, fmt.Errorf("engine: Join report: %w", err)
		}
	}
	rep.Suggest(leftKeys, rightKeys)
	return rep, nil
}

// maxCandidates is the most distinct keys of a side that clean.Join
// searches for suggestions.
const maxCandidates = 200_000

// rawText writes a key value as clean's reports do: text as written,
// numbers in their shortest form ("9", "9.5").
func rawText(v any, t series.Type) (string, error) {
	switch t {
	case series.Int, series.Float:
		f, isNull, err := toFloat(v)
		if err != nil || isNull {
			return "", err
		}
		if f == math.Trunc(f) && math.Abs(f) < 1e15 {
			return strconv.FormatInt(int64(f), 10), nil
		}
		return strconv.FormatFloat(f, 'g', -1, 64), nil
	case series.Bool:
		b, isNull, err := toBool(v)
		if err != nil || isNull {
			return "", err
		}
		return strconv.FormatBool(b), nil
	}
	s, isNull := toText(v)
	if isNull {
		return "", nil
	}
	return s, nil
}
