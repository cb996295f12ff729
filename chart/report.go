package chart

import (
	"fmt"
	"strings"
)

// Skip is one row left out of a chart.
type Skip struct {
	Row    int    // 1-based row of the input table (1 = first data row)
	Label  string // category, series or x value of the row, when known
	Reason string // "missing value", "infinite value"
}

// Report says what a chart drew and what it left out. Rows left out
// because of SkipMissing or TopN are also noted on the chart itself.
type Report struct {
	Kind    string // chart type
	Rows    int    // rows in the input table
	Drawn   int    // rows drawn
	Skipped []Skip // rows left out (SkipMissing)
	Hidden  int    // categories left out by TopN
	// NoData lists categories the chart shows without a value (states of
	// a map with no row).
	NoData []string
	// Period says how full x dates ("2014-05-31") were read when they
	// stand for periods: "monthly", "quarterly" or "annual", and whether
	// each value was dated at its period's start or at its end (as INEGI
	// and IMPLAN date theirs). Such values are drawn and labelled by
	// period; ExactDates turns this off.
	Period string
	es     bool
}

// String prints the report as a short block.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "chart %s: %d of %d rows drawn\n", r.Kind, r.Drawn, r.Rows)
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "  skipped %d rows:\n", len(r.Skipped))
		for i, s := range r.Skipped {
			if i == 10 {
				fmt.Fprintf(&b, "    … and %d more\n", len(r.Skipped)-10)
				break
			}
			fmt.Fprintf(&b, "    row %d %q: %s\n", s.Row, s.Label, s.Reason)
		}
	}
	if r.Hidden > 0 {
		fmt.Fprintf(&b, "  %d categories hidden by TopN\n", r.Hidden)
	}
	if r.Period != "" {
		fmt.Fprintf(&b, "  x drawn by period: %s\n", r.Period)
	}
	if len(r.NoData) > 0 {
		fmt.Fprintf(&b, "  no data for: %s\n", strings.Join(r.NoData, ", "))
	}
	return b.String()
}

// notes returns the lines printed on the chart about rows left out.
func (r Report) notes() []string {
	var out []string
	if n := len(r.Skipped); n > 0 {
		var labels []string
		for i, s := range r.Skipped {
			if i == 5 {
				break
			}
			if s.Label != "" {
				labels = append(labels, s.Label)
			}
		}
		list := strings.Join(labels, ", ")
		if n > len(labels) && len(labels) > 0 {
			list += fmt.Sprintf(r.pick(" y %d más", " and %d more"), n-len(labels))
		}
		if list == "" {
			out = append(out, fmt.Sprintf(r.pick("%d filas sin dato no se muestran.", "%d rows without data are not shown."), n))
		} else {
			out = append(out, fmt.Sprintf(r.pick("Sin dato: %s.", "No data: %s."), list))
		}
	}
	if len(r.NoData) > 0 {
		out = append(out, fmt.Sprintf(r.pick("Sin dato (en gris): %s.", "No data (grey): %s."), strings.Join(r.NoData, ", ")))
	}
	if r.Hidden > 0 {
		out = append(out, fmt.Sprintf(r.pick("Se muestran %d de %d categorías.", "Showing %d of %d categories."), r.Drawn, r.Drawn+r.Hidden))
	}
	return out
}

func (r Report) pick(es, en string) string {
	if r.es {
		return es
	}
	return en
}
