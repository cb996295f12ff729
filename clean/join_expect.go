package clean

import (
	"errors"
	"fmt"
	"strings"
)

// ErrCardinality: a join multiplied rows that the caller said it must not
// (see JoinReport.Expect).
var ErrCardinality = errors.New("join multiplied rows")

// Cardinality is the relation between the keys of a join's two sides,
// read left to right. The zero value is OneToOne.
type Cardinality int

const (
	// OneToOne: each key is held by at most one matched row on each side.
	OneToOne Cardinality = iota
	// ManyToOne: a lookup; left rows may share a key, but each matches at
	// most one right row, so the left table gains no rows.
	ManyToOne
	// OneToMany: each right row matches at most one left row; a left row
	// may match several right rows.
	OneToMany
	// ManyToMany: anything goes.
	ManyToMany
)

// String names the relation: "one-to-one", "many-to-one"…
func (c Cardinality) String() string {
	switch c {
	case OneToOne:
		return "one-to-one"
	case ManyToOne:
		return "many-to-one"
	case OneToMany:
		return "one-to-many"
	case ManyToMany:
		return "many-to-many"
	}
	return fmt.Sprintf("Cardinality(%d)", int(c))
}

// Relation is the relation found among the matched keys: OneToMany when
// some left key matches several right rows, ManyToOne when several left
// rows share a matched key, ManyToMany when both happen.
func (r JoinReport) Relation() Cardinality {
	manyLeft, manyRight := len(r.DuplicatedLeft) > 0, len(r.DuplicatedRight) > 0
	switch {
	case manyLeft && manyRight:
		return ManyToMany
	case manyLeft:
		return ManyToOne
	case manyRight:
		return OneToMany
	}
	return OneToOne
}

// ExtraRows is the number of rows the join added because right keys are
// held by several right rows: each left row that matched k right rows
// counts k-1.
func (r JoinReport) ExtraRows() int {
	n := 0
	for _, d := range r.DuplicatedRight {
		n += d.Matched * (d.Rows - 1)
	}
	return n
}

// Expect returns nil when the join kept the relation c, and otherwise an
// error wrapping ErrCardinality that names the keys that broke it (most
// rows first) and how many rows they multiplied. It states what a story
// means — one population row per state is a ManyToOne lookup — so that a
// forgotten filter (every year's population joined to every state) fails
// loudly instead of passing Unmatched:
//
//	out, rep, err := clean.Join(states, pop, clean.Left, "cve_ent")
//	if err == nil {
//		err = rep.Expect(clean.ManyToOne)
//	}
//
// OneToOne and ManyToOne refuse right keys held by several matched right
// rows (they multiply left rows); OneToOne and OneToMany refuse left keys
// held by several matched left rows. ManyToMany accepts anything.
func (r JoinReport) Expect(c Cardinality) error {
	if c < OneToOne || c > ManyToMany {
		return fmt.Errorf("clean: join: Expect: %w: unknown cardinality %d", ErrArgument, int(c))
	}
	var parts []string
	if (c == OneToOne || c == ManyToOne) && len(r.DuplicatedRight) > 0 {
		left := 0
		for _, d := range r.DuplicatedRight {
			left += d.Matched
		}
		parts = append(parts, fmt.Sprintf("%d keys are held by several right rows and multiply %d left rows into %d (+%d rows): %s",
			len(r.DuplicatedRight), left, left+r.ExtraRows(), r.ExtraRows(), dupList(r.DuplicatedRight, "right")))
	}
	if (c == OneToOne || c == OneToMany) && len(r.DuplicatedLeft) > 0 {
		right, extra := 0, 0
		for _, d := range r.DuplicatedLeft {
			right += d.Matched
			extra += d.Matched * (d.Rows - 1)
		}
		parts = append(parts, fmt.Sprintf("%d keys are held by several left rows and repeat %d right rows %d times in all: %s",
			len(r.DuplicatedLeft), right, right+extra, dupList(r.DuplicatedLeft, "left")))
	}
	if len(parts) == 0 {
		return nil
	}
	hint := "filter or aggregate the right table to one row per key before joining"
	if c == OneToMany {
		hint = "filter or aggregate the left table to one row per key before joining"
	}
	return fmt.Errorf("clean: %s join on %s: %w: expected %s, found %s (%d rows in, %d out): %s; %s",
		r.How, quoteList(r.Keys), ErrCardinality, c, r.Relation(), r.LeftRows, r.Rows, strings.Join(parts, "; "), hint)
}

// dupList names the first few duplicated keys with their row counts.
func dupList(d []DuplicateKey, side string) string {
	var ex []string
	for i, k := range d {
		if i == 5 {
			ex = append(ex, fmt.Sprintf("… %d more", len(d)-5))
			break
		}
		ex = append(ex, fmt.Sprintf("%q ×%d %s rows", k.Key, k.Rows, side))
	}
	return strings.Join(ex, ", ")
}
