package chart

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// dataTable is what a chart drew, as text: shown cells are formatted as on
// the chart (the embed's table for screen readers), raw cells keep full
// precision and ISO dates (the embed's CSV download).
type dataTable struct {
	head    []string
	shown   [][]string
	raw     [][]string
	numeric []bool // columns to align right
}

// tabler is implemented by every body: its data as a table.
type tabler interface {
	table(cols []string) dataTable
}

// col returns cols[i], or def when the chart did not record a name.
func colName(cols []string, i int, def string) string {
	if i < len(cols) && cols[i] != "" {
		return cols[i]
	}
	return def
}

// rawNumber writes v for a CSV: shortest exact decimal, empty when missing.
func rawNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// shownNumber formats v as the chart does, "–" when missing.
func shownNumber(f Format, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return f.Format(v)
}

// isoX writes an x value for a CSV: an ISO date at the precision read
// (2024, 2024-10, 2024-Q3, 2024-10-17) or a plain number.
func isoX(x float64, ax xAxis) string {
	if !ax.dates {
		return rawNumber(x)
	}
	t := fromDayNumber(x)
	switch ax.prec {
	case precYear:
		return t.Format("2006")
	case precQuarter:
		return t.Format("2006") + "-Q" + strconv.Itoa((int(t.Month())+2)/3)
	case precMonth:
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

func (b *barBody) table(cols []string) dataTable {
	t := dataTable{head: []string{colName(cols, 0, "categoria"), colName(cols, 1, "valor")}, numeric: []bool{false, true}}
	for i, l := range b.labels {
		t.shown = append(t.shown, []string{l, shownNumber(b.format, b.values[i])})
		t.raw = append(t.raw, []string{l, rawNumber(b.values[i])})
	}
	return t
}

func (b *multiBody) table(cols []string) dataTable {
	t := dataTable{head: append([]string{colName(cols, 0, "categoria")}, b.series...)}
	t.numeric = make([]bool, len(t.head))
	for i := 1; i < len(t.numeric); i++ {
		t.numeric[i] = true
	}
	for c, name := range b.cats {
		shown, raw := []string{name}, []string{name}
		for s := range b.series {
			v := b.vals[c][s]
			shown = append(shown, shownNumber(b.format, v))
			raw = append(raw, rawNumber(v))
		}
		t.shown = append(t.shown, shown)
		t.raw = append(t.raw, raw)
	}
	return t
}

func (b *lineBody) table(cols []string) dataTable {
	x, y := colName(cols, 0, "x"), colName(cols, 1, "y")
	t := dataTable{head: []string{x, y}, numeric: []bool{false, true}}
	named := len(b.lines) > 1 || (len(b.lines) == 1 && b.lines[0].name != "")
	if named {
		t.head = []string{colName(cols, 2, "serie"), x, y}
		t.numeric = []bool{false, false, true}
	}
	for _, ls := range b.lines {
		for i := range ls.x {
			shown := []string{xText(ls.x[i], b.ax, b.cfg), shownNumber(b.format, ls.y[i])}
			raw := []string{isoX(ls.x[i], b.ax), rawNumber(ls.y[i])}
			if named {
				shown = append([]string{ls.name}, shown...)
				raw = append([]string{ls.name}, raw...)
			}
			t.shown = append(t.shown, shown)
			t.raw = append(t.raw, raw)
		}
	}
	return t
}

func (b *scatterBody) table(cols []string) dataTable {
	x, y := colName(cols, 0, "x"), colName(cols, 1, "y")
	t := dataTable{head: []string{x, y}, numeric: []bool{true, true}}
	hasLabels := len(b.labels) == len(b.x) && b.cfg.labelCol != ""
	if hasLabels {
		t.head = []string{colName(cols, 2, "etiqueta"), x, y}
		t.numeric = []bool{false, true, true}
	}
	for i := range b.x {
		shown := []string{shownNumber(b.xf, b.x[i]), shownNumber(b.yf, b.y[i])}
		raw := []string{rawNumber(b.x[i]), rawNumber(b.y[i])}
		if hasLabels {
			shown = append([]string{b.labels[i]}, shown...)
			raw = append([]string{b.labels[i]}, raw...)
		}
		t.shown = append(t.shown, shown)
		t.raw = append(t.raw, raw)
	}
	return t
}

func (b *histBody) table(cols []string) dataTable {
	name := colName(cols, 0, "valor")
	es := isSpanish(b.cfg)
	from, to, n := "desde", "hasta (sin incluir)", "frecuencia"
	if !es {
		from, to, n = "from", "to (excluded)", "count"
	}
	t := dataTable{head: []string{name + " " + from, name + " " + to, n}, numeric: []bool{true, true, true}}
	whole := Format{Locale: b.cfg.locale, Decimals: Whole}
	for i, c := range b.counts {
		lo, hi := b.edges[i], b.edges[i+1]
		t.shown = append(t.shown, []string{b.xf.Format(lo), b.xf.Format(hi), whole.Format(float64(c))})
		t.raw = append(t.raw, []string{rawNumber(lo), rawNumber(hi), strconv.Itoa(c)})
	}
	return t
}

func pairsTable(p *pairs, f Format, cols []string) dataTable {
	t := dataTable{head: []string{colName(cols, 0, "categoria"), colName(cols, 1, p.fromName), colName(cols, 2, p.toName)},
		numeric: []bool{false, true, true}}
	for i, l := range p.labels {
		t.shown = append(t.shown, []string{l, shownNumber(f, p.from[i]), shownNumber(f, p.to[i])})
		t.raw = append(t.raw, []string{l, rawNumber(p.from[i]), rawNumber(p.to[i])})
	}
	return t
}

func (b *dumbbellBody) table(cols []string) dataTable { return pairsTable(b.p, b.format, cols) }

func (b *slopeBody) table(cols []string) dataTable { return pairsTable(b.p, b.format, cols) }

func (b *mapBody) table(cols []string) dataTable {
	es := isSpanish(b.cfg)
	ent, none := "entidad", "sin dato"
	if !es {
		ent, none = "state", "no data"
	}
	if b.areaWord != "" {
		ent = pick(es, "nombre", "name")
	}
	t := dataTable{head: []string{colName(cols, 0, "cve_ent"), ent, colName(cols, 1, "valor")}, numeric: []bool{false, false, true}}
	for _, st := range b.states {
		v, ok := b.values[st.code]
		shown, raw := none, ""
		if ok {
			shown, raw = shownNumber(b.format, v), rawNumber(v)
		}
		t.shown = append(t.shown, []string{st.code, st.name, shown})
		t.raw = append(t.raw, []string{st.code, st.name, raw})
	}
	return t
}

// csvText writes the raw table as RFC 4180 CSV (CRLF line ends, fields
// quoted when they need it), UTF-8 with a byte-order mark so spreadsheet
// programs read accents right, and every cell a spreadsheet would run as a
// formula neutralised (csvSafe).
func (t dataTable) csvText() string {
	var b strings.Builder
	b.WriteString("\ufeff")
	row := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte(',')
			}
			c = csvSafe(c)
			if strings.ContainsAny(c, ",\"\r\n") || strings.TrimSpace(c) != c {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	row(t.head)
	for _, r := range t.raw {
		row(r)
	}
	return b.String()
}

// csvSafe neutralises a cell against spreadsheet formula injection, as
// OWASP advises: text starting with "=", "+", "-", "@", a tab or a carriage
// return gets a leading apostrophe, so a spreadsheet shows it as text
// instead of running it ("=HYPERLINK(…)" stays text). Numbers ("-3.5",
// "+52", "-1e-05") are left as they are.
func csvSafe(c string) string {
	if c == "" {
		return c
	}
	switch c[0] {
	case '=', '@', '\t', '\r':
	case '+', '-':
		if plainNumber.MatchString(c) {
			return c
		}
	default:
		return c
	}
	return "'" + c
}

// plainNumber matches a signed decimal number as rawNumber writes it (not
// "-Inf" or hexadecimal, which a spreadsheet would read as a formula).
var plainNumber = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

func pick(es bool, spanish, english string) string {
	if es {
		return spanish
	}
	return english
}
