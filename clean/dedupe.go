package clean

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// rowKeys returns one key per row made of the values of cols, with missing
// values kept apart from any text (so "NA" and a missing value differ, and
// "a|b","c" never equals "a","b|c").
func rowKeys(df dataframe.DataFrame, cols []string) []string {
	n := df.Nrow()
	b := make([]strings.Builder, n)
	for _, name := range cols {
		v, na := textOf(df.Col(name))
		for i := range v {
			if na[i] {
				b[i].WriteString("\x00N")
				continue
			}
			b[i].WriteString("\x00S")
			b[i].WriteString(strconv.Itoa(len(v[i])))
			b[i].WriteByte(':')
			b[i].WriteString(v[i])
		}
	}
	keys := make([]string, n)
	for i := range b {
		keys[i] = b[i].String()
	}
	return keys
}

// Dedupe removes duplicate rows: rows equal on cols (on every column when
// none is named) to an earlier row. It keeps the first of each group
// (Config.KeepLast keeps the last). Values compare exactly as stored;
// clean text first (Text, FoldColumn) to catch near duplicates. The report counts
// the rows removed and Report.RemovedRows lists their 1-based numbers.
// Dedupe is Config{}.Dedupe.
func Dedupe(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return Config{}.Dedupe(df, cols...)
}

// Dedupe is the package function Dedupe with c.KeepLast.
func (c Config) Dedupe(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("dedupe", df); err != nil {
		return df, rep, err
	}
	targets, err := columnsFor("dedupe", df, cols)
	if err != nil {
		return df, rep, err
	}
	keys := rowKeys(df, targets)
	keepIdx := make(map[string]int, len(keys))
	for i, k := range keys {
		if _, ok := keepIdx[k]; !ok || c.KeepLast {
			keepIdx[k] = i
		}
	}
	var keep []int
	for i, k := range keys {
		if keepIdx[k] == i {
			keep = append(keep, i)
		} else {
			rep.RemovedRows = append(rep.RemovedRows, i+1)
		}
	}
	on := "all columns"
	if len(cols) > 0 {
		on = strings.Join(cols, ", ")
	}
	which := "first"
	if c.KeepLast {
		which = "last"
	}
	if len(rep.RemovedRows) == 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("dedupe on %s: no duplicate rows", on))
		return df, rep, nil
	}
	out, err := subsetRows("dedupe", df, keep)
	if err != nil {
		return df, Report{}, err
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("dedupe on %s: %d duplicate rows removed, keeping the %s of each (%d groups); removed rows %s",
		on, len(rep.RemovedRows), which, countGroups(keys), rows(rep.RemovedRows, 10)))
	rep.Notes = append(rep.Notes, dupeGroups(df, targets, keys, keepIdx)...)
	return out, rep, nil
}

// dupeGroups describes each group that lost rows, in order of first
// appearance (at most listMax): the key, the row kept and the rows
// removed, rows 1-based. The key shows the values of up to three key
// columns, those with most distinct values first (a contract number says
// more than the agency's name).
func dupeGroups(df dataframe.DataFrame, targets, keys []string, keepIdx map[string]int) []string {
	members := map[string][]int{}
	var order []string
	for i, k := range keys {
		if len(members[k]) == 0 {
			order = append(order, k)
		}
		members[k] = append(members[k], i)
	}
	type col struct {
		name     string
		v        []string
		na       []bool
		distinct int
	}
	var cols []col
	for _, name := range targets {
		v, na := textOf(df.Col(name))
		seen := map[string]bool{}
		for i := range v {
			if !na[i] {
				seen[v[i]] = true
			}
		}
		cols = append(cols, col{name, v, na, len(seen)})
	}
	sort.SliceStable(cols, func(a, b int) bool { return cols[a].distinct > cols[b].distinct })
	var out []string
	groups := 0
	for _, k := range order {
		m := members[k]
		if len(m) < 2 {
			continue
		}
		if groups == listMax {
			out = append(out, "dedupe: … more groups (Report.RemovedRows lists every removed row)")
			break
		}
		groups++
		kept := keepIdx[k]
		var removed []int
		for _, i := range m {
			if i != kept {
				removed = append(removed, i+1)
			}
		}
		var shown []string
		for j := 0; j < len(cols) && len(shown) < 3; j++ {
			c := cols[j]
			val := "missing"
			if !c.na[kept] {
				val = strconv.Quote(clipText(c.v[kept], 40))
			}
			shown = append(shown, c.name+" "+val)
		}
		if len(cols) > len(shown) {
			shown = append(shown, "…")
		}
		out = append(out, fmt.Sprintf("dedupe: key %s: %d rows; kept row %d, removed %s", strings.Join(shown, ", "), len(m), kept+1, rows(removed, 10)))
	}
	return out
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// countGroups counts the keys seen more than once.
func countGroups(keys []string) int {
	n := map[string]int{}
	for _, k := range keys {
		n[k]++
	}
	g := 0
	for _, c := range n {
		if c > 1 {
			g++
		}
	}
	return g
}

// Duplicates lists the rows that are duplicated on cols (on every column
// when none is named), janitor's get_dupes: every row of every group of two
// or more, groups together in order of first appearance, with the columns
// cols first, then a "dupe_count" Int column (the size of the group), then
// the other columns. A table with no duplicates gives a table with no rows.
// A missing column is an error wrapping ErrNoColumn.
func Duplicates(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, error) {
	if err := checkFrame("duplicates", df); err != nil {
		return df, err
	}
	targets, err := columnsFor("duplicates", df, cols)
	if err != nil {
		return df, err
	}
	keys := rowKeys(df, targets)
	count := map[string]int{}
	var order []string
	members := map[string][]int{}
	for i, k := range keys {
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
		members[k] = append(members[k], i)
	}
	var idx, sizes []int
	for _, k := range order {
		if count[k] < 2 {
			continue
		}
		for _, i := range members[k] {
			idx = append(idx, i)
			sizes = append(sizes, count[k])
		}
	}
	sub, err := subsetRows("duplicates", df, idx)
	if err != nil {
		return df, err
	}
	var colsOut []series.Series
	inKey := map[string]bool{}
	for _, name := range targets {
		inKey[name] = true
		colsOut = append(colsOut, sub.Col(name))
	}
	countName := "dupe_count"
	for inKey[countName] || hasName(df, countName) {
		countName += "_"
	}
	colsOut = append(colsOut, frame.Ints(countName, sizes, nil))
	for _, name := range df.Names() {
		if !inKey[name] {
			colsOut = append(colsOut, sub.Col(name))
		}
	}
	out, err := frame.New(colsOut...)
	if err != nil {
		return df, fmt.Errorf("clean: duplicates: %w: %w", ErrFrame, err)
	}
	return out, nil
}

func hasName(df dataframe.DataFrame, name string) bool {
	for _, n := range df.Names() {
		if n == name {
			return true
		}
	}
	return false
}
