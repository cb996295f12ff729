package analyze

import (
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// groupConstant returns the columns of df, other than those in skip, that
// hold one value in every group (missing counting as a value), taken from
// each group's first row: a state's name beside its code, a region, a
// currency. Their names, in table order, go to kept.
func groupConstant(fn string, df dataframe.DataFrame, g grouping, skip map[string]bool) ([]series.Series, []string, error) {
	var cols []series.Series
	var kept []string
	for _, name := range df.Names() {
		if skip[name] {
			continue
		}
		c, err := readColumn(fn, df, name)
		if err != nil {
			return nil, nil, err
		}
		if !constantIn(c, g) {
			continue
		}
		cols = append(cols, c.gather(name, g.first))
		kept = append(kept, name)
	}
	return cols, kept, nil
}

// constantIn reports whether c has one value within each group of g.
func constantIn(c *column, g grouping) bool {
	for i, id := range g.ids {
		if id < 0 || int(id) >= len(g.first) || g.first[id] < 0 {
			// no group keys (one whole-table group without a first row):
			// nothing to keep
			return false
		}
		f := g.first[id]
		if f == i {
			continue
		}
		if c.na[i] != c.na[f] {
			return false
		}
		if c.na[i] {
			continue
		}
		if c.s != nil {
			if c.s[i] != c.s[f] {
				return false
			}
		} else if c.f[i] != c.f[f] {
			return false
		}
	}
	return true
}
