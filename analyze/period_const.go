package analyze

import (
	"fmt"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// readPeriod reads the period column dateCol of Deflate and Convert. When
// df has no column of that name and dateCol is itself an ISO period
// ("2015", "2015-06", "2015-Q2", "2015-06-30"), every row takes that
// period: a table of one year's amounts needs no year column. It returns
// the constant period ("" when a column was read). A column named like a
// period (a wide table's "2015") is read as a column.
func readPeriod(fn string, df dataframe.DataFrame, dateCol string) (*column, string, error) {
	for _, n := range df.Names() {
		if n == dateCol {
			c, err := readColumn(fn, df, dateCol)
			return c, "", err
		}
	}
	if df.Err != nil {
		return nil, "", checkFrame(fn, df)
	}
	d, perr := parseISO(dateCol)
	if perr != nil {
		_, err := readColumn(fn, df, dateCol) // the usual missing-column error
		if err == nil {
			err = fmt.Errorf("analyze: %s: column %q: %w", fn, dateCol, ErrNoColumn)
		}
		return nil, "", fmt.Errorf("%w; nor is it a period such as \"2015\" or \"2015-06\" to use for every row", err)
	}
	p := d.String()
	n := df.Nrow()
	c := &column{name: dateCol, typ: series.String, s: make([]string, n), na: make([]bool, n)}
	for i := range c.s {
		c.s[i] = p
	}
	return c, p, nil
}
