package fetch

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"golang.org/x/net/html"
)

// cellTitle returns the title attribute of a cell for CellTitles: the one on
// the cell itself, or else on the element that is its only content (an <a>,
// <span> or <abbr> around the value), descending while an element stands
// alone. Whitespace is collapsed; "" when there is none.
func cellTitle(td *html.Node) string {
	for n := td; n != nil; n = soleElement(n) {
		for _, a := range n.Attr {
			if a.Key == "title" {
				if t := strings.Join(strings.Fields(a.Val), " "); t != "" {
					return t
				}
			}
		}
	}
	return ""
}

// soleElement returns the only element child of n that can hold its value,
// or nil. Whitespace, comments, footnote markers ("[1]" as text, or a
// <sup> next to the element), scripts, styles and hidden elements do not
// count; any other text or a second element means the title, if any, is
// not the value's alone.
func soleElement(n *html.Node) *html.Node {
	var only *html.Node
	sups := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			switch c.Data {
			case "script", "style", "template", "noscript":
				continue
			case "sup":
				sups++
				continue
			}
			if isHidden(c) {
				continue
			}
			if only != nil {
				return nil
			}
			only = c
		case html.TextNode:
			t := strings.TrimSpace(c.Data)
			if t != "" && strings.TrimSpace(footnoteRe.ReplaceAllString(t, "")) != "" {
				return nil
			}
		}
	}
	if only == nil && sups == 1 {
		// The value is itself a superscript: <td><sup title="…">a</sup></td>.
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "sup" {
				return c
			}
		}
	}
	return only
}

// cellTitleRows returns the own titles of the body rows' cells in the kept
// grid columns cols, or nil when no cell has one. A spanned cell repeats
// its title at every position it covers, as its text does.
func cellTitleRows(rows []htmlRow, cols []int) [][]string {
	var out [][]string
	found := false
	for _, r := range rows {
		t := make([]string, len(cols))
		for k, j := range cols {
			if j < len(r.cells) && r.cells[j] != nil {
				t[k] = r.cells[j].own
				found = found || t[k] != ""
			}
		}
		out = append(out, t)
	}
	if !found {
		return nil
	}
	return out
}

// tableWithTitles is tableFromRecords for CellTitles: after each column
// whose cells have titles it puts a String column "<name>_title" with them.
// Asking for a column with Columns keeps its title column; a title column
// may also be asked for by its own name.
func tableWithTitles(cfg *config, header []string, rows, titles [][]string, first int, rep *Report) (dataframe.DataFrame, error) {
	names := uniqueNames(header)
	taken := make(map[string]bool, 2*len(names))
	index := make(map[string]int, len(names))
	for j, n := range names {
		taken[n] = true
		index[n] = j
	}
	titleName := make([]string, len(names)) // "" for a column with no titles
	byTitle := map[string]int{}
	for j := range names {
		has := false
		for _, t := range titles {
			if j < len(t) && t[j] != "" {
				has = true
				break
			}
		}
		if !has {
			continue
		}
		cand := names[j] + "_title"
		for n := 2; taken[cand]; n++ {
			cand = names[j] + "_title_" + strconv.Itoa(n)
		}
		taken[cand] = true
		titleName[j] = cand
		byTitle[cand] = j
	}

	// The data columns are read by tableFromRecords, with Columns and
	// ColumnType cleared of the title columns (they are not in the header).
	dcfg := *cfg
	wantData := make([]bool, len(names))
	wantTitle := make([]bool, len(names))
	if len(cfg.columns) == 0 {
		for j := range names {
			wantData[j], wantTitle[j] = true, true
		}
	} else {
		dcfg.columns = nil
		for _, c := range cfg.columns {
			if j, ok := index[c]; ok {
				wantData[j], wantTitle[j] = true, true
			} else if j, ok := byTitle[c]; ok {
				// A title column alone: its data column is read (for the
				// rows' types and errors) but not returned.
				wantTitle[j] = true
				c = names[j]
			}
			// Unknown names stay, for tableFromRecords' ErrNoColumn.
			dcfg.columns = append(dcfg.columns, c)
		}
	}
	titleTypes := map[string]series.Type{}
	if len(cfg.types) > 0 {
		dcfg.types = make(map[string]series.Type, len(cfg.types))
		for n, t := range cfg.types {
			if _, ok := byTitle[n]; ok {
				titleTypes[n] = t
				continue
			}
			dcfg.types[n] = t
		}
	}
	base := len(rep.Columns)
	df, err := tableFromRecords(&dcfg, header, rows, first, rep)
	if err != nil {
		return df, err
	}
	dataRep := make(map[string]ColumnReport, len(rep.Columns)-base)
	for _, cr := range rep.Columns[base:] {
		dataRep[cr.Name] = cr
	}
	rep.Columns = rep.Columns[:base]

	noMarkers := &markerSet{} // a title is missing only when the cell has none
	lineOf := func(i int) int { return first + i }
	var cols []series.Series
	for j, name := range names {
		if wantData[j] {
			cols = append(cols, df.Col(name))
			rep.Columns = append(rep.Columns, dataRep[name])
		}
		tn := titleName[j]
		if tn == "" || !wantTitle[j] {
			continue
		}
		raw := make([]string, len(rows))
		for i, t := range titles {
			if i < len(raw) && j < len(t) {
				raw[i] = t[j]
			}
		}
		tcfg := *cfg
		typ, forced := titleTypes[tn]
		if !forced {
			typ = series.String
		}
		tcfg.types = map[string]series.Type{tn: typ}
		s, cr, err := typedColumn(&tcfg, tn, raw, noMarkers, lineOf, nil)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		cr.Why = fmt.Sprintf("title attributes of the %q cells (CellTitles)", name)
		if forced {
			cr.Why += "; type set by option"
		}
		rep.Columns = append(rep.Columns, cr)
		cols = append(cols, s)
	}
	out, err := frame.New(cols...)
	if err != nil {
		return out, fmt.Errorf("fetch: %s: %w", orDash(cfg.source), err)
	}
	return out, nil
}
