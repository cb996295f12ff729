package engine

import (
	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/clean"
)

// Query is a pipeline recorded lazily: a table and the steps applied to it.
// Each method returns a new Query and leaves its receiver unchanged, so a
// query can be reused as the start of several pipelines. Nothing runs
// until SQL or Collect; a mistake in a step (a missing column, a wrong
// type) is reported there, naming the step.
type Query struct {
	e    *Engine
	prev *Query
	st   step
}

// step is one recorded step.
type step interface{ name() string }

type tableStep struct{ table string }
type filterStep struct{ conds []Cond }
type aggStep struct {
	keys   []string
	aggs   []analyze.Agg
	sorted bool
}
type joinStep struct {
	right *Query
	how   clean.How
	on    []string
}
type rateStep struct {
	num, den, as string
	per          float64
}

func (tableStep) name() string  { return "Table" }
func (filterStep) name() string { return "Filter" }
func (aggStep) name() string    { return "GroupBy" }
func (joinStep) name() string   { return "Join" }
func (rateStep) name() string   { return "Rate" }

func (q *Query) then(s step) *Query { return &Query{e: q.e, prev: q, st: s} }

// Table starts a query on a table of the database: one written by Load,
// or any table or view the connection can read. Rows of a table written by
// Load keep its order; a table from elsewhere has no row order, so its
// rows, and its groups' first appearances, come in whatever order the
// database reads them (sort the result, or use Grouped.Sorted).
func (e *Engine) Table(name string) *Query { return &Query{e: e, st: tableStep{table: name}} }

// Filter keeps the rows that meet every condition, in order (as
// clean.Filter with the same predicate; see Cond for missing values).
func (q *Query) Filter(conds ...Cond) *Query {
	return q.then(filterStep{conds: append([]Cond(nil), conds...)})
}

// Grouped is a query split into groups by key columns, ready for Agg.
type Grouped struct {
	q      *Query
	keys   []string
	sorted bool
}

// GroupBy splits the rows into groups by the key columns, as
// analyze.GroupBy does: a missing key value is a group of its own, and
// groups come in order of first appearance (call Sorted to order them by
// their keys). With no keys the whole table is one group.
func (q *Query) GroupBy(keys ...string) *Grouped {
	return &Grouped{q: q, keys: append([]string(nil), keys...)}
}

// Sorted returns a copy of g whose Agg output is ordered by the key
// values, ascending, missing last (analyze.Grouped.Sorted: numbers by
// value, text by byte order, which the database compares with a binary
// collation).
func (g *Grouped) Sorted() *Grouped {
	c := *g
	c.sorted = true
	return &c
}

// Agg computes the analyze aggregates for every group, with the output
// columns and types of analyze's Grouped.Agg: the keys first, then one
// column per aggregate named as Agg.Name says. With no aggregates it
// computes analyze.Count(). Sums of Int columns are exact (an overflow of
// int64 is an error wrapping ErrTooLarge); sums, means and the rest skip
// missing values, and a group with no values gets a missing value, not 0.
//
// Not every dialect computes every aggregate: Quantile, Median and Std
// need PostgreSQL or DuckDB; WeightedQuantile is computed in memory only.
// Such a step is an error wrapping ErrUnsupported.
func (g *Grouped) Agg(aggs ...analyze.Agg) *Query {
	if len(aggs) == 0 {
		aggs = []analyze.Agg{analyze.Count()}
	}
	return g.q.then(aggStep{keys: g.keys, aggs: append([]analyze.Agg(nil), aggs...), sorted: g.sorted})
}

// Join joins q (the left side) to right on the key columns named in on, as
// clean.Join does with its default settings: the same rows in the same
// order, the same columns (each key once, under its left name; a right
// column whose name the left has gets the suffix "_right"), and a
// clean.JoinReport, computed by the database, in Collect's Report.
//
// Keys: with none named, the columns both sides share are the keys. Two
// text keys match when their text is equal once surrounding spaces are
// trimmed, and an empty key is missing; two numeric keys match by value;
// a missing key matches nothing. A text key against a numeric key (which
// clean.Join compares as numbers) is an error wrapping ErrType: make the
// types agree first.
func (q *Query) Join(right *Query, how clean.How, on ...string) *Query {
	return q.then(joinStep{right: right, how: how, on: append([]string(nil), on...)})
}

// Rate adds the column as = num / den × per and the Bool column
// as+"_small", true where the numerator is under analyze.DefaultSmallCount
// (10), as analyze.Rate does: a missing numerator or denominator, or a
// denominator ≤ 0, gives a missing rate (never ±Inf), and the flag is
// missing where the numerator is.
func (q *Query) Rate(num, den string, per float64, as string) *Query {
	return q.then(rateStep{num: num, den: den, per: per, as: as})
}

type selectStep struct{ cols []string }
type renameStep struct{ names map[string]string }

func (selectStep) name() string { return "Select" }
func (renameStep) name() string { return "Rename" }

// Select keeps the named columns, in the order given (gota's Select).
func (q *Query) Select(cols ...string) *Query {
	return q.then(selectStep{cols: append([]string(nil), cols...)})
}

// Rename renames columns, old name to new name, keeping their order: for
// example to give two tables the same key name before Join
// (Rename(map[string]string{"cve_ent": "cve_geo"})).
func (q *Query) Rename(oldToNew map[string]string) *Query {
	names := make(map[string]string, len(oldToNew))
	for k, v := range oldToNew {
		names[k] = v
	}
	return q.then(renameStep{names: names})
}
