package clean

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrUnmatched: a join left keys without a match (see JoinReport.Unmatched).
var ErrUnmatched = errors.New("unmatched join keys")

// JoinReport says what a join matched and what it did not. Print it (its
// String method) for a methodology note.
type JoinReport struct {
	// How is the kind of join; Keys the left key columns, RightKeys the
	// right's.
	How             How
	Keys, RightKeys []string
	// LeftRows and RightRows are the input sizes; Rows the output size.
	LeftRows, RightRows, Rows int
	// MatchedLeft and MatchedRight count the rows of each side whose key
	// is on the other side.
	MatchedLeft, MatchedRight int
	// MissingKeyLeft and MissingKeyRight count rows whose key is missing
	// or empty; they never match (and are not listed as unmatched keys).
	MissingKeyLeft, MissingKeyRight int
	// UnmatchedLeft lists the distinct left keys with no match on the
	// right, most rows first; UnmatchedRight the reverse.
	UnmatchedLeft, UnmatchedRight []UnmatchedKey
	// DuplicatedRight lists keys held by several right rows that matched
	// left rows and so multiplied them; DuplicatedLeft the same for left
	// keys, which multiply right rows.
	DuplicatedRight, DuplicatedLeft []DuplicateKey
	// Renamed lists right columns that got the suffix because the left
	// has a column of the same name.
	Renamed []Rename
	// KeyTypes notes key pairs of different types or compared other than
	// as exact text.
	KeyTypes []string
	// FoldWouldMatch counts the distinct unmatched left keys that would
	// match if keys were folded (Config.FoldKeys): a sign of spelling,
	// case, accent or leading-zero differences.
	FoldWouldMatch int
}

// UnmatchedKey is a key found on one side only.
type UnmatchedKey struct {
	// Key is the raw key as written (several keys joined by " | ").
	Key string
	// Rows is how many rows hold it; FirstRow the first one (1-based: row
	// 1 is the first data row of that side's table).
	Rows, FirstRow int
	// Closest are the most similar keys of the other side, best first
	// (see Similarity); empty when nothing is close. Only the 100 keys
	// with most rows on each side get suggestions, and none are sought
	// when the other side has more than 200,000 distinct keys.
	Closest []string
}

// DuplicateKey is a key held by several rows of one side that matched.
type DuplicateKey struct {
	// Key is the raw key as written.
	Key string
	// Rows is how many rows of the duplicated side hold it; Matched how
	// many rows of the other side matched it (each was repeated Rows
	// times).
	Rows, Matched int
}

// Rename records a right column renamed in the output.
type Rename struct{ From, To string }

// Unmatched returns nil when every left row with a key found a match
// (and, for Right and Full joins, every right row too), and otherwise an
// error wrapping ErrUnmatched that counts the keys and rows and names the
// first few: a way to make a join that must be complete fail loudly.
//
//	out, rep, err := clean.Join(a, b, clean.Left, "cve_ent")
//	if err == nil {
//		err = rep.Unmatched()
//	}
func (r JoinReport) Unmatched() error {
	var parts []string
	add := func(side string, u []UnmatchedKey) {
		if len(u) == 0 {
			return
		}
		var ex []string
		for i := 0; i < len(u) && i < 3; i++ {
			ex = append(ex, fmt.Sprintf("%q", u[i].Key))
		}
		parts = append(parts, fmt.Sprintf("%d %s keys (%d rows) have no match, e.g. %s", len(u), side, sumRows(u), strings.Join(ex, ", ")))
	}
	add("left", r.UnmatchedLeft)
	if r.How == Right || r.How == Full {
		add("right", r.UnmatchedRight)
	}
	if len(parts) == 0 {
		return nil
	}
	return fmt.Errorf("clean: %s join on %s: %w: %s", r.How, quoteList(r.Keys), ErrUnmatched, strings.Join(parts, "; "))
}

// UnmatchedLeftRows is the number of left rows with a key not on the
// right (rows with a missing key excluded).
func (r JoinReport) UnmatchedLeftRows() int { return sumRows(r.UnmatchedLeft) }

// UnmatchedRightRows is the number of right rows with a key not on the
// left (rows with a missing key excluded).
func (r JoinReport) UnmatchedRightRows() int { return sumRows(r.UnmatchedRight) }

func sumRows(u []UnmatchedKey) int {
	n := 0
	for _, k := range u {
		n += k.Rows
	}
	return n
}

const listMax = 15

// String prints the report as a short block.
func (r JoinReport) String() string {
	var b strings.Builder
	keys := quoteList(r.Keys)
	if strings.Join(r.Keys, ",") != strings.Join(r.RightKeys, ",") {
		keys += " = " + quoteList(r.RightKeys)
	}
	rel := r.Relation().String()
	if extra := r.ExtraRows(); extra > 0 {
		rel += fmt.Sprintf("; ROWS MULTIPLIED: %d right keys repeat, adding %d rows — check with Expect", len(r.DuplicatedRight), extra)
	}
	fmt.Fprintf(&b, "clean: %s join on %s: left %d rows, right %d rows → %d rows (%s)\n",
		r.How, keys, r.LeftRows, r.RightRows, r.Rows, rel)
	fmt.Fprintf(&b, "  matched: %d left rows, %d right rows\n", r.MatchedLeft, r.MatchedRight)
	if r.MissingKeyLeft > 0 || r.MissingKeyRight > 0 {
		fmt.Fprintf(&b, "  missing keys (never match): %d left rows, %d right rows\n", r.MissingKeyLeft, r.MissingKeyRight)
	}
	writeUnmatched(&b, "left", r.UnmatchedLeft)
	writeUnmatched(&b, "right", r.UnmatchedRight)
	writeDup(&b, "right", "left", r.DuplicatedRight)
	writeDup(&b, "left", "right", r.DuplicatedLeft)
	for _, rn := range r.Renamed {
		fmt.Fprintf(&b, "  renamed: right column %q → %q\n", rn.From, rn.To)
	}
	for _, k := range r.KeyTypes {
		fmt.Fprintf(&b, "  keys: %s\n", k)
	}
	if r.FoldWouldMatch > 0 {
		fmt.Fprintf(&b, "  hint: %d unmatched left keys match once case, accents, punctuation and leading zeros are ignored (Config{FoldKeys: true})\n", r.FoldWouldMatch)
	}
	return b.String()
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

func writeUnmatched(b *strings.Builder, side string, u []UnmatchedKey) {
	if len(u) == 0 {
		fmt.Fprintf(b, "  %s keys with no match: none\n", side)
		return
	}
	fmt.Fprintf(b, "  %s keys with no match: %d (%d rows)\n", side, len(u), sumRows(u))
	for i, k := range u {
		if i == listMax {
			fmt.Fprintf(b, "    … and %d more\n", len(u)-listMax)
			break
		}
		fmt.Fprintf(b, "    %q ×%d", k.Key, k.Rows)
		if len(k.Closest) > 0 {
			fmt.Fprintf(b, "  closest: %s", quoteList(k.Closest))
		}
		b.WriteByte('\n')
	}
}

func writeDup(b *strings.Builder, side, other string, d []DuplicateKey) {
	if len(d) == 0 {
		return
	}
	if side == "left" {
		// Several left rows sharing a key is a lookup (many-to-one): the
		// left table gains no rows; the right rows are copied onto them.
		fmt.Fprintf(b, "  left keys repeated: %d keys share matched right rows (a lookup: right values are copied onto each of their left rows; rows added by right duplicates are counted on their own line)\n", len(d))
	} else {
		extra := 0
		for _, k := range d {
			extra += k.Matched * (k.Rows - 1)
		}
		fmt.Fprintf(b, "  %s keys duplicated: %d keys repeat %s rows (%d extra rows)\n", side, len(d), other, extra)
	}
	for i, k := range d {
		if i == listMax {
			fmt.Fprintf(b, "    … and %d more\n", len(d)-listMax)
			break
		}
		fmt.Fprintf(b, "    %q: %d %s rows × %d %s rows\n", k.Key, k.Rows, side, k.Matched, other)
	}
}

// fillReport counts matches, unmatched and duplicated keys and finds
// suggestions.
func (c Config) fillReport(rep *JoinReport, pairs []*keyPair, m *matching, lid, rid []int32) {
	n := len(m.leftCount)
	rightCount := make([]int32, n)
	firstRight := make([]int32, n)
	for r, k := range rid {
		if k < 0 {
			rep.MissingKeyRight++
			continue
		}
		if rightCount[k] == 0 {
			firstRight[k] = int32(r)
		}
		rightCount[k]++
	}
	firstLeft := make([]int32, n)
	seen := make([]bool, n)
	for l, k := range lid {
		if k < 0 {
			rep.MissingKeyLeft++
			continue
		}
		if !seen[k] {
			seen[k] = true
			firstLeft[k] = int32(l)
		}
	}
	for k := 0; k < n; k++ {
		lc, rc := int(m.leftCount[k]), int(rightCount[k])
		switch {
		case lc > 0 && rc > 0:
			rep.MatchedLeft += lc
			rep.MatchedRight += rc
			if rc > 1 {
				rep.DuplicatedRight = append(rep.DuplicatedRight, DuplicateKey{Key: display(pairs, int(firstRight[k]), true), Rows: rc, Matched: lc})
			}
			if lc > 1 {
				rep.DuplicatedLeft = append(rep.DuplicatedLeft, DuplicateKey{Key: display(pairs, int(firstLeft[k]), false), Rows: lc, Matched: rc})
			}
		case lc > 0:
			rep.UnmatchedLeft = append(rep.UnmatchedLeft, UnmatchedKey{Key: display(pairs, int(firstLeft[k]), false), Rows: lc, FirstRow: int(firstLeft[k]) + 1})
		case rc > 0:
			rep.UnmatchedRight = append(rep.UnmatchedRight, UnmatchedKey{Key: display(pairs, int(firstRight[k]), true), Rows: rc, FirstRow: int(firstRight[k]) + 1})
		}
	}
	sortUnmatched(rep.UnmatchedLeft)
	sortUnmatched(rep.UnmatchedRight)
	sortDup(rep.DuplicatedRight)
	sortDup(rep.DuplicatedLeft)

	if !c.FoldKeys && len(rep.UnmatchedLeft) > 0 && len(rep.UnmatchedRight) > 0 {
		um := make(map[string]bool, len(rep.UnmatchedRight))
		for _, u := range rep.UnmatchedRight {
			um[foldCode(u.Key)] = true
		}
		for _, u := range rep.UnmatchedLeft {
			if um[foldCode(u.Key)] {
				rep.FoldWouldMatch++
			}
		}
	}
	want := c.Suggestions
	if want == 0 {
		want = 3
	}
	if want < 0 {
		return
	}
	// The distinct keys of one side, as candidates for the other side's
	// unmatched keys (built only when needed and not too many).
	keysOf := func(counts []int32, first []int32, right bool) []string {
		var out []string
		for k := 0; k < n; k++ {
			if counts[k] > 0 {
				if len(out) == maxCandidates {
					return nil
				}
				out = append(out, display(pairs, int(first[k]), right))
			}
		}
		return out
	}
	if len(rep.UnmatchedLeft) > 0 {
		suggest(rep.UnmatchedLeft, keysOf(rightCount, firstRight, true), want)
	}
	if len(rep.UnmatchedRight) > 0 {
		suggest(rep.UnmatchedRight, keysOf(m.leftCount, firstLeft, false), want)
	}
}

func sortUnmatched(u []UnmatchedKey) {
	sort.SliceStable(u, func(i, j int) bool {
		if u[i].Rows != u[j].Rows {
			return u[i].Rows > u[j].Rows
		}
		return u[i].FirstRow < u[j].FirstRow
	})
}

func sortDup(d []DuplicateKey) {
	sort.SliceStable(d, func(i, j int) bool {
		return d[i].Rows*d[i].Matched > d[j].Rows*d[j].Matched
	})
}
