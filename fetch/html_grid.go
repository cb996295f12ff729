package fetch

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Limits that keep hostile spans from exhausting memory.
const (
	maxHTMLColspan = 1000    // the HTML standard's limit
	maxHTMLRowspan = 65534   // the HTML standard's limit
	maxHTMLCols    = 16384   // as many columns as Excel has
	maxHTMLCells   = 8 << 20 // cells in one expanded grid
)

// gcell is one source cell (<td> or <th>); a cell with colspan or rowspan
// occupies several grid positions that share the same *gcell.
type gcell struct {
	text  string
	th    bool
	head  bool   // in <thead>
	title string // a title attribute inside the cell (tooltip text)
	// own is the title of the cell itself or of its sole element, read
	// only with CellTitles (whitespace collapsed).
	own string
}

// hgrid is a table expanded into a rectangle of cells (nil where no cell
// reaches).
type hgrid struct {
	rows      [][]*gcell
	width     int
	truncated bool
	titles    bool // CellTitles: fill gcell.own
}

// buildGrid expands the rows of tbl (its own rows, not those of nested
// tables) into a grid, with colspan and rowspan filled in. <thead> rows come
// first and <tfoot> rows last, as browsers draw them.
// With titles (CellTitles) each cell's own title is read too.
func buildGrid(tbl *goquery.Selection, titles bool) *hgrid {
	var heads, bodies, foots [][]*html.Node
	var loose []*html.Node
	for c := tbl.Get(0).FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "thead", "tbody", "tfoot":
			var trs []*html.Node
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.Data == "tr" {
					trs = append(trs, r)
				}
			}
			switch c.Data {
			case "thead":
				heads = append(heads, trs)
			case "tbody":
				bodies = append(bodies, trs)
			default:
				foots = append(foots, trs)
			}
		case "tr":
			loose = append(loose, c)
		}
	}
	if len(loose) > 0 {
		bodies = append(bodies, loose)
	}
	g := &hgrid{titles: titles}
	cells := 0
	for gi, group := range [][][]*html.Node{heads, bodies, foots} {
		for _, sec := range group {
			g.addSection(sec, gi == 0, &cells)
		}
	}
	return g
}

// addSection expands one row group; rowspans stop at its end.
func (g *hgrid) addSection(trs []*html.Node, head bool, cells *int) {
	base := len(g.rows)
	for range trs {
		g.rows = append(g.rows, nil)
	}
	end := len(g.rows)
	for i, tr := range trs {
		r := base + i
		c := 0
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || td.Data != "td" && td.Data != "th" {
				continue
			}
			for c < len(g.rows[r]) && g.rows[r][c] != nil {
				c++
			}
			cs := spanAttr(td, "colspan", 1, maxHTMLColspan)
			rs := spanAttr(td, "rowspan", 1, maxHTMLRowspan)
			if rs == 0 || r+rs > end {
				rs = end - r
			}
			if c+cs > maxHTMLCols {
				cs = maxHTMLCols - c
				g.truncated = true
			}
			if cs <= 0 {
				break
			}
			if *cells+cs*rs > maxHTMLCells {
				g.truncated = true
				return
			}
			*cells += cs * rs
			cell := &gcell{text: nodesText(td), th: td.Data == "th", head: head}
			if t := titleIn(td); t != "" {
				cell.title = strings.Join(strings.Fields(t), " ")
			}
			if g.titles {
				cell.own = cellTitle(td)
			}
			for dr := 0; dr < rs; dr++ {
				row := g.rows[r+dr]
				for len(row) < c+cs {
					row = append(row, nil)
				}
				for dc := 0; dc < cs; dc++ {
					if row[c+dc] == nil {
						row[c+dc] = cell
					}
				}
				g.rows[r+dr] = row
			}
			c += cs
			if c > g.width {
				g.width = c
			}
		}
	}
}

// spanAttr reads a colspan/rowspan attribute: def when absent or invalid,
// clamped to max; rowspan="0" gives 0 (to the end of the row group).
func spanAttr(n *html.Node, key string, def, max int) int {
	for _, a := range n.Attr {
		if a.Key != key {
			continue
		}
		v := strings.TrimSpace(a.Val)
		end := 0
		for end < len(v) && v[end] >= '0' && v[end] <= '9' {
			end++
		}
		if end == 0 || end > 7 {
			return def
		}
		x, _ := strconv.Atoi(v[:end])
		if x == 0 && key == "rowspan" {
			return 0
		}
		if x < 1 {
			return def
		}
		if x > max {
			return max
		}
		return x
	}
	return def
}

var footnoteRe = regexp.MustCompile(`\s*\[\s*(\d{1,3}|[a-zA-Z]|[a-z]{0,4}\.? ?\d{1,3}|nota \d+|cita requerida|citation needed)\s*\]`)

// cellText returns the visible text of a selection: nested elements
// included, <br> and block elements as spaces, whitespace collapsed,
// scripts, hidden elements and footnote markers removed.
func cellText(s *goquery.Selection) string {
	return nodesText(s.Nodes...)
}

// nodesText is cellText for nodes.
func nodesText(nodes ...*html.Node) string {
	var with, without strings.Builder
	for _, n := range nodes {
		walkText(n, &with, &without, false)
	}
	t := strings.Join(strings.Fields(without.String()), " ")
	if !looksNumeric(t) {
		t = strings.Join(strings.Fields(with.String()), " ")
	}
	if strings.IndexByte(t, '[') >= 0 {
		t = strings.TrimSpace(footnoteRe.ReplaceAllString(t, ""))
	}
	return t
}

// walkText writes the text of n twice: with superscripts that may be
// footnote calls ("1", "a") and without them; markers that are surely
// footnotes ("1/", "*", "[1]") are left out of both.
func walkText(n *html.Node, with, without *strings.Builder, inSup bool) {
	switch n.Type {
	case html.TextNode:
		with.WriteString(n.Data)
		if !inSup {
			without.WriteString(n.Data)
		}
		return
	case html.ElementNode:
	case html.DocumentNode:
	default:
		return
	}
	if n.Type == html.ElementNode {
		switch n.Data {
		case "script", "style", "noscript", "template", "head", "title":
			return
		case "br", "hr", "img":
			with.WriteByte(' ')
			without.WriteByte(' ')
			return
		case "sup":
			if inSup {
				break
			}
			st := strings.TrimSpace(nodeText(n))
			if isFootnoteMark(st) {
				return
			}
			walkChildren(n, with, without, true)
			return
		}
		if isHidden(n) {
			return
		}
	}
	block := n.Type == html.ElementNode && blockElements[n.Data]
	if block {
		with.WriteByte(' ')
		without.WriteByte(' ')
	}
	walkChildren(n, with, without, inSup)
	if block {
		with.WriteByte(' ')
		without.WriteByte(' ')
	}
}

func walkChildren(n *html.Node, with, without *strings.Builder, inSup bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkText(c, with, without, inSup)
	}
}

// titleIn returns the first title attribute on an element inside n.
func titleIn(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		for _, a := range c.Attr {
			if a.Key == "title" && strings.TrimSpace(a.Val) != "" {
				return a.Val
			}
		}
		if t := titleIn(c); t != "" {
			return t
		}
	}
	return ""
}

// nodeText is the raw text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// isFootnoteMark reports whether a superscript is surely a footnote call:
// "[1]", "1/", "p/", "*", "†".
func isFootnoteMark(s string) bool {
	if s == "" {
		return false
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") && len(s) <= 16 {
		return true
	}
	if strings.Trim(s, "*†‡§") == "" {
		return true
	}
	if len(s) <= 3 && strings.HasSuffix(s, "/") {
		return true
	}
	return false
}

func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			st := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

var blockElements = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "table": true,
	"tr": true, "td": true, "th": true, "caption": true, "blockquote": true, "pre": true,
	"section": true, "article": true, "header": true, "footer": true, "address": true, "figure": true,
	"figcaption": true, "option": true,
}

// layoutReason says why a table is layout rather than data, or "".
func layoutReason(tbl *goquery.Selection, g *hgrid) string {
	if tbl.Find("table").Length() > 0 {
		return "it holds other tables (page layout)"
	}
	origins := map[*gcell]bool{}
	for _, r := range g.rows {
		for _, c := range r {
			if c != nil {
				origins[c] = true
			}
		}
	}
	switch len(origins) {
	case 0:
		return "no cells"
	case 1:
		return "a single cell (page layout)"
	}
	return ""
}

// gridTable turns a grid into a header and rows of text, recording in rep
// the rows skipped (titles, notes, blank rows) and the header rows used.
// It returns the 1-based table row of the first data row. With CellTitles
// it also returns the title of each body cell, aligned with the rows (nil
// when no body cell has one).
func gridTable(g *hgrid, cfg *config, rep *Report) (header []string, body, titles [][]string, first int) {
	if g.truncated {
		rep.Notes = append(rep.Notes, fmt.Sprintf("table cut to %d cells: its spans expand beyond the limits", maxHTMLCells))
	}
	var kept []htmlRow
	for i, r := range g.rows {
		text := make([]string, len(r))
		for j, c := range r {
			if c != nil {
				text[j] = c.text
			}
		}
		t := xlRowText(text)
		if t == "" {
			continue // blank rows carry nothing
		}
		if g.width > 1 && singleCell(r, g.width) {
			reason := "title"
			if len(kept) > 0 {
				reason = "full-width row"
				if isNoteLine(t, false) {
					reason = "note"
				}
			}
			rep.Skipped = append(rep.Skipped, SkippedLine{Line: i + 1, Reason: reason, Text: t})
			continue
		}
		kept = append(kept, htmlRow{line: i + 1, cells: r})
	}
	if len(kept) == 0 {
		return nil, nil, nil, 0
	}
	text := make([][]string, len(kept))
	for i, k := range kept {
		row := make([]string, g.width)
		for j, c := range k.cells {
			if c != nil {
				row[j] = c.text
			}
		}
		text[i] = row
	}
	// Header rows.
	nh := 0
	switch {
	case cfg.noHeader:
	case cfg.headerRow > 0:
		for nh < len(kept) && kept[nh].line < cfg.headerRow {
			rep.Skipped = append(rep.Skipped, SkippedLine{Line: kept[nh].line, Reason: "preamble", Text: xlRowText(text[nh])})
			nh++
		}
		text, kept = text[nh:], kept[nh:]
		nh = 1
	default:
		for nh < len(kept) && headerLike(kept[nh].cells) {
			nh++
		}
		if nh == len(kept) && nh > 1 {
			nh = 1
		}
		if nh == 0 {
			// No <th> or <thead>: find the header as in CSV, then widen it
			// to the group rows joined to it by spans (td headers).
			h := detectHeader(text)
			h0, h1 := h, h
			for h0 > 0 && h-h0 < 2 && (spansColumns(kept[h0-1].cells, g.width) || spansRows(kept[h0-1].cells, kept[h0].cells)) && textRow(text[h0-1]) {
				h0--
			}
			for h1+1 < len(kept) && h1-h < 2 && (spansColumns(kept[h1].cells, g.width) || spansRows(kept[h1].cells, kept[h1+1].cells)) && textRow(text[h1+1]) {
				h1++
			}
			for i := 0; i < h0; i++ {
				rep.Skipped = append(rep.Skipped, SkippedLine{Line: kept[i].line, Reason: "preamble", Text: xlRowText(text[i])})
			}
			text, kept = text[h0:], kept[h0:]
			nh = h1 - h0 + 1
		}
	}
	if len(kept) == 0 {
		return nil, nil, nil, 0
	}
	if nh > len(kept) {
		nh = len(kept)
	}
	if nh == 0 {
		header = make([]string, g.width)
		for j := range header {
			header[j] = "col_" + strconv.Itoa(j+1)
		}
	} else {
		header = combineHeader(text[:nh], g.width)
		rep.HeaderLine = kept[0].line
		if nh > 1 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%d header rows combined", nh))
		}
	}
	body, bodyRows := text[nh:], kept[nh:]
	end := trailingNotes(body)
	for i := end; i < len(body); i++ {
		if t := xlRowText(body[i]); t != "" {
			rep.Skipped = append(rep.Skipped, SkippedLine{Line: bodyRows[i].line, Reason: "note", Text: t})
		}
	}
	body = body[:end]
	first = 1
	if len(bodyRows) > 0 {
		first = bodyRows[0].line
	}
	noteTitles(rep, bodyRows[:end])
	// Drop columns with neither a header nor data.
	var cols []int
	for j := 0; j < g.width; j++ {
		keep := nh == 0 || strings.TrimSpace(header[j]) != ""
		for i := 0; !keep && i < len(body); i++ {
			keep = strings.TrimSpace(body[i][j]) != ""
		}
		if keep {
			cols = append(cols, j)
		} else {
			rep.DroppedColumns = append(rep.DroppedColumns, fmt.Sprintf("column %d", j+1))
		}
	}
	if len(cols) < g.width {
		header = xlPick(header, cols)
		for i := range body {
			body[i] = xlPick(body[i], cols)
		}
	}
	if cfg.cellTitles {
		titles = cellTitleRows(bodyRows[:end], cols)
	}
	return header, body, titles, first
}

// singleCell reports whether every position of a row belongs to one cell
// (a title or note spanning the table).
func singleCell(r []*gcell, width int) bool {
	if len(r) < width || r[0] == nil {
		return false
	}
	for _, c := range r[1:] {
		if c != r[0] {
			return false
		}
	}
	return true
}

// spansColumns reports whether a row has a cell spanning several (not all)
// columns: a group header.
func spansColumns(r []*gcell, width int) bool {
	for j := 1; j < len(r); j++ {
		if r[j] != nil && r[j] == r[j-1] && !singleCell(r, width) {
			return true
		}
	}
	return false
}

// spansRows reports whether a cell of row a continues into row b (rowspan).
func spansRows(a, b []*gcell) bool {
	for j := 0; j < len(a) && j < len(b); j++ {
		if a[j] != nil && a[j] == b[j] {
			return true
		}
	}
	return false
}

// textRow reports whether a row holds text only (years allowed): a header
// row rather than data.
func textRow(r []string) bool {
	any := false
	for _, c := range r {
		if strings.TrimSpace(c) == "" {
			continue
		}
		any = true
		if looksNumeric(c) && !isYear(c) {
			return false
		}
	}
	return any
}

// headerLike reports whether a row is a header row: in <thead>, or made of
// <th> cells only.
func headerLike(r []*gcell) bool {
	all, any := true, false
	for _, c := range r {
		if c == nil {
			continue
		}
		any = true
		if c.head {
			return true
		}
		all = all && c.th
	}
	return any && all
}

// combineHeader joins the header rows of each column, skipping empty parts
// and parts repeated by a span ("2023" over "Enero" gives "2023 Enero").
func combineHeader(rows [][]string, width int) []string {
	out := make([]string, width)
	for j := 0; j < width; j++ {
		var parts []string
		for _, r := range rows {
			if j >= len(r) {
				continue
			}
			p := strings.TrimSpace(r[j])
			if p == "" || len(parts) > 0 && parts[len(parts)-1] == p {
				continue
			}
			parts = append(parts, p)
		}
		out[j] = strings.Join(parts, " ")
	}
	return out
}

// htmlRow is a grid row kept for the table, with its 1-based table row.
type htmlRow struct {
	line  int
	cells []*gcell
}

// noteTitles records tooltip text (title attributes) that the data cells
// carry, such as the unit, date and source of each value, since it is not
// part of the table text.
func noteTitles(rep *Report, rows []htmlRow) {
	count := map[string]int{}
	seen := map[*gcell]bool{}
	for _, r := range rows {
		for _, c := range r.cells {
			if c == nil || c.title == "" || seen[c] {
				continue
			}
			seen[c] = true
			count[c.title]++
		}
	}
	if len(count) == 0 {
		return
	}
	titles := make([]string, 0, len(count))
	for t := range count {
		titles = append(titles, t)
	}
	sort.Slice(titles, func(i, j int) bool {
		if count[titles[i]] != count[titles[j]] {
			return count[titles[i]] > count[titles[j]]
		}
		return titles[i] < titles[j]
	})
	parts := make([]string, 0, 5)
	for i, t := range titles {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("… (%d more)", len(titles)-5))
			break
		}
		parts = append(parts, fmt.Sprintf("%q×%d", t, count[t]))
	}
	rep.Notes = append(rep.Notes, "cell tooltips (title attributes, not in the table text): "+strings.Join(parts, ", "))
}
