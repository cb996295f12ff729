package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/go-gota/gota/dataframe"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// HTMLTable is one table of a page, as FindHTMLTables returns it.
type HTMLTable struct {
	Index   int    // 1-based position among all the page's <table> elements
	ID      string // the id attribute, if any
	Class   string // the class attribute, if any
	Caption string // the <caption> text, if any
	Heading string // the nearest heading (h1–h6) before the table, if any
	Frame   dataframe.DataFrame
	Report  Report // how this table was read
}

// maxHTMLBytes bounds the page size HTMLTables reads (256 MiB).
const maxHTMLBytes = 256 << 20

// HTMLTables reads the data tables of an HTML page, each as a typed
// DataFrame, in page order.
//
// With no options it returns every <table> except pure layout tables (a
// single cell, or a table that holds other tables), which are listed in the
// report's notes. TableIndex picks one table by 1-based position,
// TableSelector by CSS selector (a selector that matches a container, such
// as "#resultados", takes the tables inside it), TableContaining by text
// (compared without case or accents, in the table or its caption or
// heading); given together they narrow in turn, and TableIndex then counts
// among the tables left.
//
// colspan and rowspan are expanded into a full grid. Header rows are the
// <thead> rows, or the leading rows of <th> cells, or else the row found as
// in ReadCSV and widened to the group rows joined to it by spans; several
// header rows are combined per column ("2023 Enero"). HeaderRow (counting
// the table's rows) and NoHeader override this.
// A row that is one cell spanning the whole table (a title, a section
// label, a "Fuente:" note) is skipped and listed in the report. Cell text
// includes nested elements (links, spans), <br> and block elements become
// spaces, whitespace (including &nbsp;) is collapsed, hidden elements,
// scripts and footnote markers ("[1]", "[a]", and a superscript "1" after a
// number) are removed. Numbers written for display ("1,054", "12,345.6")
// become numbers through the shared inference; percentages ("12.5%") and
// amounts with a currency sign stay text for clean to parse. "ND", "N/D",
// "-" and the other missing markers become missing values.
//
// The page's charset is honoured (byte-order mark, <meta charset> or
// http-equiv); a page declared UTF-8 whose bytes are not UTF-8 is read as
// Windows-1252, and Encoding forces one. The report (WithReport) describes
// the first table returned, with a note for each other table; use
// FindHTMLTables for one report per table.
//
// Tooltip text (title attributes) of the data cells is counted in the
// report's notes; CellTitles keeps it as a "<column>_title" column after
// each column that has it, for pages that write the unit, date or source
// of each value only there.
//
// With Columns and no table chosen, the tables that lack a column asked
// for are skipped (and listed in the report).
//
// Errors wrap ErrEmpty (an empty page), ErrNoTable (no table, or none left
// by the options; the message says how many tables the page has and hints
// at JavaScript-built tables), ErrFormat (an invalid selector),
// ErrTooLarge (a page over 256 MiB, or elements nested more than 4,000
// deep), ErrNoColumn or ErrType.
func HTMLTables(r io.Reader, opts ...Option) ([]dataframe.DataFrame, error) {
	cfg := newConfig(opts)
	if err := noLineColumn(cfg, "HTMLTables", "a page's rows are not its lines"); err != nil {
		return nil, err
	}
	tables, notes, err := readHTMLTables(r, cfg)
	if cfg.report != nil {
		rep := Report{Source: cfg.source, Format: "html"}
		if len(tables) > 0 {
			rep = tables[0].Report
			for _, t := range tables[1:] {
				rep.Notes = append(rep.Notes, fmt.Sprintf("table %d: %d rows × %d columns%s",
					t.Index, t.Report.Rows, len(t.Report.Columns), describeTable(t)))
			}
		}
		rep.Notes = append(rep.Notes, notes...)
		*cfg.report = rep
	}
	if err != nil {
		return nil, err
	}
	out := make([]dataframe.DataFrame, len(tables))
	for i, t := range tables {
		out[i] = t.Frame
	}
	return out, nil
}

// FindHTMLTables is HTMLTables returning, for each table, its position,
// id, class, caption and nearest heading and its own Report, to see what a
// page holds and choose. The notes about skipped tables are returned in the
// second result. WithReport is ignored.
func FindHTMLTables(r io.Reader, opts ...Option) ([]HTMLTable, []string, error) {
	cfg := newConfig(opts)
	if err := noLineColumn(cfg, "FindHTMLTables", "a page's rows are not its lines"); err != nil {
		return nil, nil, err
	}
	cfg.report = nil
	return readHTMLTables(r, cfg)
}

func describeTable(t HTMLTable) string {
	switch {
	case t.Caption != "":
		return fmt.Sprintf(", caption %q", t.Caption)
	case t.Heading != "":
		return fmt.Sprintf(", under %q", t.Heading)
	case t.ID != "":
		return fmt.Sprintf(", id %q", t.ID)
	}
	return ""
}

func readHTMLTables(r io.Reader, cfg *config) ([]HTMLTable, []string, error) {
	src := orDash(cfg.source)
	if r == nil {
		return nil, nil, fmt.Errorf("fetch: %s: nil reader: %w", src, ErrEmpty)
	}
	raw, err := io.ReadAll(io.LimitReader(r, maxHTMLBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("fetch: %s: %w", src, err)
	}
	if len(raw) > maxHTMLBytes {
		return nil, nil, fmt.Errorf("fetch: %s: page larger than %d MiB: %w", src, maxHTMLBytes>>20, ErrTooLarge)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, nil, fmt.Errorf("fetch: %s: empty page: %w", src, ErrEmpty)
	}
	text, encName, encNote, err := decodeHTML(raw, cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("fetch: %s: %v: %w", src, err, ErrFormat)
	}
	var notes []string
	if encNote != "" {
		notes = append(notes, encNote)
	}
	if err := checkHTMLDepth(text, cfg); err != nil {
		return nil, notes, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, nil, fmt.Errorf("fetch: %s: %v: %w", src, err, ErrFormat)
	}
	doc := goquery.NewDocumentFromNode(root)
	all := doc.Find("table")
	if all.Length() == 0 {
		hint := ""
		if doc.Find("script").Length() > 0 {
			hint = " (if a browser shows a table, the page builds it with JavaScript: read the JSON or CSV the page loads instead)"
		}
		return nil, notes, fmt.Errorf("fetch: %s: the page has no <table>%s: %w", src, hint, ErrNoTable)
	}
	position := make(map[*html.Node]int, all.Length())
	all.Each(func(i int, s *goquery.Selection) { position[s.Get(0)] = i + 1 })

	hf := &headingFinder{memo: make(map[*html.Node]*html.Node)}
	chosen, explicit, err := chooseTables(doc, all, cfg, src, hf)
	if err != nil {
		return nil, notes, err
	}
	var out []HTMLTable
	var noColumn error
	for _, tbl := range chosen {
		idx := position[tbl.Get(0)]
		t := HTMLTable{Index: idx}
		t.ID, _ = tbl.Attr("id")
		t.Class, _ = tbl.Attr("class")
		t.Caption = cellText(tbl.ChildrenFiltered("caption"))
		t.Heading = hf.nearest(tbl)
		g := buildGrid(tbl, cfg.cellTitles)
		if !explicit {
			if why := layoutReason(tbl, g); why != "" {
				notes = append(notes, fmt.Sprintf("table %d skipped: %s", idx, why))
				continue
			}
		}
		rep := Report{Source: cfg.source, Format: "html", Encoding: encName}
		if cfg.source == "" {
			rep.Source = fmt.Sprintf("table %d", idx)
		} else {
			rep.Source = fmt.Sprintf("%s: table %d", cfg.source, idx)
		}
		if t.Caption != "" {
			rep.Notes = append(rep.Notes, "caption: "+t.Caption)
		}
		if t.Heading != "" {
			rep.Notes = append(rep.Notes, "heading: "+t.Heading)
		}
		header, rows, titles, first := gridTable(g, cfg, &rep)
		if len(header) == 0 {
			if explicit {
				return nil, notes, fmt.Errorf("fetch: %s: table %d has no cells: %w", src, idx, ErrEmpty)
			}
			notes = append(notes, fmt.Sprintf("table %d skipped: no cells", idx))
			continue
		}
		tcfg := *cfg
		tcfg.source = fmt.Sprintf("%s: table %d", src, idx)
		var df dataframe.DataFrame
		if titles != nil {
			df, err = tableWithTitles(&tcfg, header, rows, titles, first, &rep)
		} else {
			df, err = tableFromRecords(&tcfg, header, rows, first, &rep)
		}
		if err != nil {
			if !explicit && errors.Is(err, ErrNoColumn) {
				// Columns names the table wanted: the others are skipped.
				notes = append(notes, fmt.Sprintf("table %d skipped: it lacks a column asked for", idx))
				noColumn = err
				continue
			}
			return nil, notes, err
		}
		t.Frame = df
		t.Report = rep
		out = append(out, t)
	}
	if len(out) == 0 && noColumn != nil {
		return nil, notes, noColumn
	}
	if len(out) == 0 {
		return nil, notes, fmt.Errorf("fetch: %s: no data table among the page's %d tables (%s): %w",
			src, all.Length(), jsonShortList(notes, 10), ErrNoTable)
	}
	return out, notes, nil
}

// chooseTables applies TableSelector, TableContaining and TableIndex, in
// that order. explicit reports whether the caller chose tables.
func chooseTables(doc *goquery.Document, all *goquery.Selection, cfg *config, src string, hf *headingFinder) ([]*goquery.Selection, bool, error) {
	tables := all
	explicit := false
	if cfg.tableMatch != "" {
		explicit = true
		m, err := cascadia.Compile(cfg.tableMatch)
		if err != nil {
			return nil, true, fmt.Errorf("fetch: %s: table selector %q: %v: %w", src, cfg.tableMatch, err, ErrFormat)
		}
		sel := doc.FindMatcher(m)
		tables = sel.Filter("table").AddSelection(sel.Not("table").Find("table"))
		// Keep page order.
		tables = all.FilterSelection(tables)
		if tables.Length() == 0 {
			return nil, true, fmt.Errorf("fetch: %s: no table matches selector %q (the page has %d tables): %w",
				src, cfg.tableMatch, all.Length(), ErrNoTable)
		}
	}
	var list []*goquery.Selection
	tables.Each(func(_ int, s *goquery.Selection) { list = append(list, s) })
	if cfg.tableText != "" {
		explicit = true
		want := fold.Key(cfg.tableText)
		var keep []*goquery.Selection
		for _, s := range list {
			if strings.Contains(fold.Key(s.Text()), want) || strings.Contains(fold.Key(hf.nearest(s)), want) {
				keep = append(keep, s)
			}
		}
		// A layout table holds the text of the tables inside it: keep the
		// innermost tables that match.
		var inner []*goquery.Selection
		for _, s := range keep {
			nested := false
			for _, o := range keep {
				if o != s && s.Find("table").IsSelection(o) {
					nested = true
					break
				}
			}
			if !nested {
				inner = append(inner, s)
			}
		}
		keep = inner
		if len(keep) == 0 {
			return nil, true, fmt.Errorf("fetch: %s: no table contains %q (the page has %d tables): %w",
				src, cfg.tableText, all.Length(), ErrNoTable)
		}
		list = keep
	}
	if cfg.tableIndex != 0 {
		explicit = true
		if cfg.tableIndex < 1 || cfg.tableIndex > len(list) {
			return nil, true, fmt.Errorf("fetch: %s: table %d: %w (%d tables to choose from)",
				src, cfg.tableIndex, ErrNoTable, len(list))
		}
		list = list[cfg.tableIndex-1 : cfg.tableIndex]
	}
	return list, explicit, nil
}

// headingFinder finds the closest h1–h6 before a table: among its
// previous siblings (a heading, or the last heading inside one), then
// those of its ancestors (three levels). It remembers what it found for
// every sibling it passed, so a page of thousands of sibling tables costs
// one walk, not one walk per table.
type headingFinder struct {
	// memo maps a node to the closest heading at or before it among its
	// siblings (itself, the last heading inside it, or one before), or
	// nil when there is none.
	memo map[*html.Node]*html.Node
}

// nearest returns the text of the closest heading before the table.
func (hf *headingFinder) nearest(tbl *goquery.Selection) string {
	if tbl.Length() == 0 {
		return ""
	}
	n := tbl.Get(0)
	for level := 0; level < 4 && n != nil; level++ {
		if h := hf.before(n); h != nil {
			return nodesText(h)
		}
		n = n.Parent
	}
	return ""
}

// before returns the closest heading among the previous siblings of n
// (or inside them), or nil.
func (hf *headingFinder) before(n *html.Node) *html.Node {
	var chain []*html.Node
	var found *html.Node
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if h, ok := hf.memo[s]; ok {
			found = h
			break
		}
		chain = append(chain, s)
		if h := lastHeading(s); h != nil {
			found = h
			break
		}
	}
	for _, c := range chain {
		hf.memo[c] = found
	}
	return found
}

// lastHeading returns n when it is a heading, else the last heading inside
// it, or nil.
func lastHeading(n *html.Node) *html.Node {
	if isHeading(n) {
		return n
	}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if h := lastHeading(c); h != nil {
			return h
		}
	}
	return nil
}

func isHeading(n *html.Node) bool {
	if n.Type != html.ElementNode || len(n.Data) != 2 || n.Data[0] != 'h' {
		return false
	}
	return n.Data[1] >= '1' && n.Data[1] <= '6'
}

// decodeHTML turns the page's bytes into UTF-8 text: Encoding when forced,
// else the byte-order mark or the declared charset (<meta charset>,
// http-equiv), checked against the bytes; with no declaration, UTF-8 when
// the bytes are valid UTF-8 and Windows-1252 otherwise.
func decodeHTML(raw []byte, cfg *config) (text, name, note string, err error) {
	if cfg.encoding != nil {
		name = cfg.encodingName
		if name == "" {
			name = "forced"
			if s, ok := cfg.encoding.(fmt.Stringer); ok {
				name = s.String()
			}
		}
		b, err := cfg.encoding.NewDecoder().Bytes(raw)
		return string(b), name, "", err
	}
	enc, declared := declaredCharset(raw)
	valid := utf8.Valid(raw)
	switch {
	case enc == nil && valid, declared == "utf-8" && valid:
		return strings.TrimPrefix(string(raw), "\uFEFF"), "UTF-8", "", nil
	case enc == nil:
		enc, name = charmap.Windows1252, "Windows-1252"
	case declared == "utf-8":
		enc, name = charmap.Windows1252, "Windows-1252"
		note = "the page declares UTF-8 but its bytes are not UTF-8: read as Windows-1252"
	case valid && hasHighBytes(raw) && isSingleByte(declared):
		return string(raw), "UTF-8", fmt.Sprintf("the page declares %s but its bytes are UTF-8: read as UTF-8", declared), nil
	default:
		name = declared
	}
	b, err := enc.NewDecoder().Bytes(raw)
	return string(b), name, note, err
}

// declaredCharset finds a byte-order mark or a charset declared in a
// <meta> element (looked for in the first 64 KiB, wherever it is).
func declaredCharset(raw []byte) (encoding.Encoding, string) {
	if e, name, certain := charset.DetermineEncoding(raw, ""); certain {
		return e, name // a byte-order mark
	}
	head := raw
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	// Lower-case ASCII only: bytes.ToLower changes the length of invalid
	// UTF-8 and of some letters, and the offsets below index head too.
	lower := make([]byte, len(head))
	for i, c := range head {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	for off := 0; ; {
		i := bytes.Index(lower[off:], []byte("<meta"))
		if i < 0 {
			return nil, ""
		}
		i += off
		end := bytes.IndexByte(lower[i:], '>')
		if end < 0 {
			return nil, ""
		}
		if bytes.Contains(lower[i:i+end], []byte("charset")) {
			if e, name := prescanMeta(head[i : i+end+1]); e != nil {
				return e, name
			}
		}
		off = i + end
	}
}

// prescanMeta reads the charset of one <meta> element with the HTML
// standard's prescan (charset.DetermineEncoding on the element alone).
func prescanMeta(meta []byte) (encoding.Encoding, string) {
	e, name, _ := charset.DetermineEncoding(meta, "")
	// With no usable declaration DetermineEncoding guesses from the bytes;
	// the element is ASCII, so a guess says "windows-1252". Check the
	// element really names that charset.
	if name == "windows-1252" && !bytes.Contains(bytes.ToLower(meta), []byte("1252")) &&
		!bytes.Contains(bytes.ToLower(meta), []byte("8859")) && !bytes.Contains(bytes.ToLower(meta), []byte("latin")) &&
		!bytes.Contains(bytes.ToLower(meta), []byte("ascii")) {
		return nil, ""
	}
	if name == "utf-8" {
		return encoding.Nop, name
	}
	return e, name
}

func hasHighBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "windows-125") || strings.HasPrefix(name, "iso-8859") || name == "macintosh"
}
