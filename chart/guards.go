package chart

import (
	"fmt"
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
)

// defaultOthers are the catch-all labels drawn last when OtherLabel is not
// given: analyze.TopN's "Otros" and its English form.
var defaultOthers = []string{"Otros", "Other"}

// OtherLabel names the catch-all category ("Otros", the row analyze.TopN
// adds for everything below the top) that Bar, StackedBar and GroupedBar
// draw last, after the categories sorted by value, whatever its size. The
// default is "Otros" (and "Other"); an empty label keeps the default.
// Matching ignores case and accents. KeepOrder and date categories keep
// the table's order.
func OtherLabel(labels ...string) Option {
	return func(c *config) {
		for _, l := range labels {
			if strings.TrimSpace(l) != "" {
				c.others = append(c.others, l)
			}
		}
	}
}

// isOther reports whether label is a catch-all category.
func (c *config) isOther(label string) bool {
	list := c.others
	if len(list) == 0 {
		list = defaultOthers
	}
	k := fold.Key(label)
	for _, o := range list {
		if fold.Key(o) == k {
			return true
		}
	}
	return false
}

// othersLast moves the catch-all categories to the end of idx, keeping
// the order of the rest.
func othersLast(idx []int, labels []string, cfg *config) {
	sort.SliceStable(idx, func(a, b int) bool {
		return !cfg.isOther(labels[idx[a]]) && cfg.isOther(labels[idx[b]])
	})
}

// uniqueLabels returns an error wrapping ErrDuplicate when a category
// appears in more than one row (after a join that multiplied rows, say),
// naming the category and its 1-based rows. Labels are compared as
// Highlight compares them: ignoring case, accents and punctuation, so
// "Michoacán" and "MICHOACAN" are the same category. Empty labels (missing
// categories) and rows where skip is true are not considered.
func uniqueLabels(who, col string, labels []string, skip func(i int) bool) error {
	rows := map[string][]int{}
	var keys []string
	for i, l := range labels {
		if strings.TrimSpace(l) == "" || skip != nil && skip(i) {
			continue
		}
		k := fold.Key(l)
		if len(rows[k]) == 0 {
			keys = append(keys, k)
		}
		rows[k] = append(rows[k], i)
	}
	for _, k := range keys {
		rs := rows[k]
		if len(rs) < 2 {
			continue
		}
		var spell []string
		seen := map[string]bool{}
		for _, i := range rs {
			if !seen[labels[i]] {
				seen[labels[i]] = true
				spell = append(spell, fmt.Sprintf("%q", labels[i]))
			}
		}
		nums := make([]string, 0, len(rs))
		for n, i := range rs {
			if n == 10 {
				nums = append(nums, fmt.Sprintf("… (%d rows)", len(rs)))
				break
			}
			nums = append(nums, fmt.Sprint(i+1))
		}
		dups := 0
		for _, k := range keys {
			if len(rows[k]) > 1 {
				dups++
			}
		}
		more := ""
		if dups > 1 {
			more = fmt.Sprintf(" (%d categories repeat)", dups)
		}
		return fmt.Errorf("chart: %s: %w: column %q: category %s appears in rows %s%s; each category must be one row: aggregate first, or check the join that built the table",
			who, ErrDuplicate, col, strings.Join(spell, " / "), strings.Join(nums, ", "), more)
	}
	return nil
}
