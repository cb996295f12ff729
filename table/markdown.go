package table

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// Markdown writes df to w as a GitHub-flavoured Markdown table, for notes
// and READMEs, with the same cells as Print: numbers with thousands commas
// and right-aligned (`---:`), missing values as "NA" (MissingText changes
// it), "|" in text escaped, and a line "… N more rows" after the table when
// rows are left out (MaxRows, AllRows). Row numbers are left out unless
// asked for with RowNumbers. Errors: a table carrying an error (ErrFrame),
// or w's error.
func Markdown(w io.Writer, df dataframe.DataFrame, opts ...Option) error {
	c := newConfig(append([]Option{func(c *config) { c.noIndex = true }}, opts...))
	g, err := layout(df, c)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	line := func(cells []string) {
		bw.WriteString("|")
		for _, s := range cells {
			bw.WriteString(" " + strings.ReplaceAll(s, "|", `\|`) + " |")
		}
		bw.WriteString("\n")
	}
	line(g.header)
	bw.WriteString("|")
	for _, r := range g.right {
		if r {
			bw.WriteString(" ---: |")
		} else {
			bw.WriteString(" --- |")
		}
	}
	bw.WriteString("\n")
	for _, r := range g.cells {
		line(r)
	}
	if g.more > 0 {
		fmt.Fprintf(bw, "\n… %s more %s (%s in all)\n", group(fmt.Sprint(g.more)), rowsWord(g.more), group(fmt.Sprint(g.total)))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("table: %w", err)
	}
	return nil
}

// RowNumbers adds the 1-based row numbers as the first column of a
// Markdown table (Print shows them unless NoRowNumbers is given).
func RowNumbers() Option { return func(c *config) { c.noIndex = false } }
