package publish

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/missing"
	"github.com/datacon-mx/cifra/internal/num"
	"github.com/datacon-mx/cifra/internal/totals"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// input is what every check sees: the table typed by fetch (df, with the
// reader's report) and the same table as written (raw, every cell text).
type input struct {
	path   string
	format string
	df     dataframe.DataFrame
	raw    dataframe.DataFrame
	rep    fetch.Report
	pkg    *pkgInfo
}

// rawColumn returns a column's cells as written and which are missing
// markers.
func (in *input) rawColumn(name string) ([]string, []bool) {
	s, err := frame.View(in.raw, name)
	if err != nil {
		return nil, nil
	}
	v, na := frame.StringsOf(s)
	for i := range v {
		if !na[i] {
			if _, m := missing.DefaultSet[strings.TrimSpace(v[i])]; m {
				na[i] = true
			}
		}
	}
	return v, na
}

type check struct {
	id, requirement string
	run             func(*input) Check
}

// checks run in this order; their IDs are the Check IDs.
var checks = []check{
	{"utf8", "Text encoded as UTF-8.", checkUTF8},
	{"flat", "A flat table: one header row, no preamble, notes, merged cells or footers.", checkFlat},
	{"geo_codes", "Places carry INEGI's Marco Geoestadístico codes, as text with their leading zeros.", checkGeoCodes},
	{"iso_dates", "Dates and periods in ISO 8601; periods in a column, not in column names.", checkISODates},
	{"no_totals", "No total or subtotal rows.", checkNoTotals},
	{"no_units_in_values", "Numbers without currency symbols, units or separators inside the values.", checkNoUnits},
	{"one_type_per_column", "One type per column.", checkOneType},
	{"no_duplicate_rows", "No duplicated records.", checkDuplicates},
	{"one_spelling", "One spelling per category.", checkOneSpelling},
	{"clear_names", "Clear, machine-friendly column names.", checkClearNames},
	{"dictionary", "A data dictionary that explains every column.", checkDictionary},
}

func list(xs []string, max int) string {
	if len(xs) > max {
		return strings.Join(xs[:max], ", ") + fmt.Sprintf(" and %d more", len(xs)-max)
	}
	return strings.Join(xs, ", ")
}

func checkUTF8(in *input) Check {
	enc := in.rep.Encoding
	switch {
	case in.format == "xlsx":
		return Check{Applies: true, Passed: true, Evidence: "an Excel workbook stores text as Unicode"}
	case enc == "UTF-8" || enc == "UTF-8 with BOM":
		ev := "UTF-8"
		if enc != "UTF-8" {
			ev = "UTF-8, with a byte-order mark some tools show as \"ï»¿\" in the first column name"
		}
		return Check{Applies: true, Passed: true, Evidence: ev}
	case enc == "":
		return Check{Applies: true, Passed: true, Evidence: "UTF-8 (JSON)"}
	}
	return Check{Applies: true, Evidence: fmt.Sprintf("the file is %s, not UTF-8; accented letters (ñ, í) become other bytes in tools that assume UTF-8", enc)}
}

var formulaCell = regexp.MustCompile(`^\s*=[A-Za-zÁÉÍÓÚáéíóúÑñ.]+\(`)

func checkFlat(in *input) Check {
	var ev []string
	if in.format == "html" {
		ev = append(ev, "a table inside a web page, not a data file to download")
	}
	var pre, notes []string
	for _, s := range in.rep.Skipped {
		switch s.Reason {
		case "preamble":
			pre = append(pre, fmt.Sprintf("%d (%q)", s.Line, shortText(s.Text)))
		case "note":
			notes = append(notes, fmt.Sprintf("%d (%q)", s.Line, shortText(s.Text)))
		}
	}
	if len(pre) > 0 {
		ev = append(ev, fmt.Sprintf("%d title/metadata lines above the header: line %s", len(pre), list(pre, 3)))
	}
	if in.rep.HeaderLine > 1 && len(pre) == 0 {
		ev = append(ev, fmt.Sprintf("the header is on line %d", in.rep.HeaderLine))
	}
	if len(notes) > 0 {
		ev = append(ev, fmt.Sprintf("%d note/footer lines below the data: line %s", len(notes), list(notes, 3)))
	}
	var empty []string
	for _, c := range in.rep.Columns {
		if strings.HasPrefix(c.Name, "col_") && strings.TrimSpace(c.Original) == "" {
			empty = append(empty, c.Name)
		}
	}
	if len(empty) > 0 {
		ev = append(ev, fmt.Sprintf("header cells with no name (merged or decorative cells): %s", list(empty, 4)))
	}
	if len(in.rep.DroppedColumns) > 0 {
		ev = append(ev, fmt.Sprintf("empty trailing columns: %s", list(in.rep.DroppedColumns, 4)))
	}
	if in.rep.PaddedRows > 0 {
		ev = append(ev, fmt.Sprintf("%d rows shorter than the header", in.rep.PaddedRows))
	}
	for _, n := range in.raw.Names() {
		v, na := in.rawColumn(n)
		for i, s := range v {
			if !na[i] && formulaCell.MatchString(s) {
				ev = append(ev, fmt.Sprintf("spreadsheet formulas instead of values: column %q row %d %q", n, i+1, strings.TrimSpace(s)))
				break
			}
		}
	}
	if len(ev) == 0 {
		return Check{Applies: true, Passed: true, Evidence: fmt.Sprintf("one header row on line %d, %d data rows, nothing else", max(in.rep.HeaderLine, 1), in.df.Nrow())}
	}
	return Check{Applies: true, Evidence: strings.Join(ev, "; ")}
}

func shortText(s string) string {
	if len([]rune(s)) > 50 {
		return string([]rune(s)[:50]) + "…"
	}
	return s
}

var isoValue = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?|-Q[1-4]|-W\d{2})?(/\d{4}(-\d{2}(-\d{2})?)?)?$`)

func dateName(name string) bool {
	for _, w := range strings.Fields(fold.Key(name)) {
		switch w {
		case "fecha", "date", "periodo", "period", "dia", "mes", "month", "fec":
			return true
		}
	}
	return false
}

func checkISODates(in *input) Check {
	var bad, good []string
	if months := clean.MonthColumns(in.raw); len(months) >= 2 {
		bad = append(bad, fmt.Sprintf("periods spread as column names (%s): one column per month instead of a period column (clean.Longer)", list(months, 3)))
	}
	reasons := map[string]string{}
	for _, c := range in.rep.Columns {
		reasons[c.Name] = c.Why
	}
	for _, n := range in.raw.Names() {
		v, na := in.rawColumn(n)
		isDate := strings.HasPrefix(reasons[n], "dates (text)") || dateName(n)
		if !isDate {
			continue
		}
		nonISO, nonMissing := -1, 0
		for i, s := range v {
			if na[i] {
				continue
			}
			nonMissing++
			if nonISO < 0 && !isoValue.MatchString(strings.TrimSpace(s)) {
				nonISO = i
			}
		}
		if nonMissing == 0 {
			continue
		}
		if nonISO >= 0 {
			if !strings.HasPrefix(reasons[n], "dates (text)") && allDigitsColumn(v, na) {
				continue // a number column whose name mentions a month or day
			}
			bad = append(bad, fmt.Sprintf("column %q: %q (row %d) is not ISO 8601 (clean.Dates writes \"2024-10-17\")", n, v[nonISO], nonISO+1))
		} else {
			good = append(good, n)
		}
	}
	if len(bad) > 0 {
		return Check{Applies: true, Evidence: strings.Join(bad, "; ")}
	}
	if len(good) == 0 {
		return Check{Evidence: "no date or period columns"}
	}
	return Check{Applies: true, Passed: true, Evidence: "ISO 8601: " + list(good, 4)}
}

// totalsFinder finds total and subtotal rows and says where. The
// assessment and the stages must agree on what a totals row is, so this is
// internal/totals.FindFrame, the detector clean.DropTotals and
// analyze.Profile use.
type totalsFinder func(df dataframe.DataFrame) []string

var findTotals totalsFinder = numericTotals

// numericTotals lists the rows internal/totals finds: rows equal to the
// sum of the block they head or close.
func numericTotals(df dataframe.DataFrame) []string {
	groups, cols, labels, err := totals.FindFrame(df, nil)
	if err != nil || len(cols) == 0 {
		return nil
	}
	var out []string
	for _, g := range groups {
		what := fmt.Sprintf("row %d", g.Row+1)
		if l := totals.Label(labels, g.Row); l != "" {
			what += fmt.Sprintf(" (%q)", shortText(l))
		}
		out = append(out, what+" "+g.Reason())
	}
	if len(out) > 3 {
		out = append(out[:3], fmt.Sprintf("%d more totals rows", len(groups)-3))
	}
	if len(groups) > 0 {
		out[0] = fmt.Sprintf("%d totals or subtotals rows: ", len(groups)) + out[0]
	}
	return out
}

func checkNoTotals(in *input) Check {
	found := append(findTotals(in.df), nationalRows(in)...)
	if len(found) > 0 {
		return Check{Applies: true, Evidence: strings.Join(found, "; ")}
	}
	return Check{Applies: true, Passed: true, Evidence: "no row equals the sum of the rows it heads or closes; no national code 00"}
}

var unitValue = regexp.MustCompile(`(?i)^\s*[-+]?\d[\d.,]*\s*(m2|m²|m3|km2|km²|km|kg|ton|ha|hrs?|horas|años|personas|pzas?|lts?|litros|mdp|mdd)\.?\s*$`)

func checkNoUnits(in *input) Check {
	var bad []string
	numeric := 0
	for _, n := range in.raw.Names() {
		v, na := in.rawColumn(n)
		var cur, pct, grp, foot, unit string
		nums, nonMissing := 0, 0
		for i, s := range v {
			if na[i] {
				continue
			}
			nonMissing++
			if spacedCodes.MatchString(s) {
				continue
			}
			if unitValue.MatchString(s) {
				nums++
				if unit == "" {
					unit = s
				}
				continue
			}
			r, err := num.Parse(s, '.')
			if err != nil {
				continue
			}
			nums++
			switch {
			case r.Currency != "" && cur == "":
				cur = s
			case r.Percent && pct == "":
				pct = s
			case r.Grouped && grp == "" && strings.Contains(s, ","):
				grp = s
			case r.Footnote && foot == "":
				foot = s
			}
		}
		if nonMissing == 0 || nums*2 < nonMissing {
			continue
		}
		if s, err := frame.View(in.df, n); err == nil && s.Type() == series.String && allDigitsColumn(v, na) {
			continue // codes
		}
		numeric++
		var what []string
		for _, x := range []struct{ label, ex string }{{"currency", cur}, {"percent sign", pct}, {"unit", unit},
			{"thousands separators", grp}, {"footnote mark", foot}} {
			if x.ex != "" {
				what = append(what, fmt.Sprintf("%s (%q)", x.label, strings.TrimSpace(x.ex)))
			}
		}
		if len(what) > 0 {
			bad = append(bad, fmt.Sprintf("column %q: %s", n, strings.Join(what, ", ")))
		}
	}
	if numeric == 0 {
		return Check{Evidence: "no number columns"}
	}
	if len(bad) > 0 {
		return Check{Applies: true, Evidence: list(bad, 4) + ": write bare numbers and put the unit in the column name or the dictionary"}
	}
	return Check{Applies: true, Passed: true, Evidence: fmt.Sprintf("%d number columns written as bare numbers", numeric)}
}

func checkOneType(in *input) Check {
	var bad []string
	for _, c := range in.rep.Columns {
		if !strings.HasPrefix(c.Why, "not a number") && !strings.HasPrefix(c.Why, "mixed numbers") {
			continue
		}
		v, na := in.rawColumn(c.Name)
		nums, texts := 0, 0
		for i, s := range v {
			if na[i] {
				continue
			}
			if _, err := num.Parse(s, '.'); err == nil {
				nums++
			} else {
				texts++
			}
		}
		if nums >= texts && texts > 0 {
			bad = append(bad, fmt.Sprintf("column %q: %d numbers and %d text values (%s)", c.Name, nums, texts, c.Why))
		}
	}
	if len(bad) > 0 {
		return Check{Applies: true, Evidence: list(bad, 4)}
	}
	return Check{Applies: true, Passed: true, Evidence: fmt.Sprintf("each of the %d columns holds one type", in.df.Ncol())}
}

func checkDuplicates(in *input) Check {
	d, err := clean.Duplicates(in.raw)
	if err != nil {
		return Check{Applies: true, Evidence: "could not compare rows: " + err.Error()}
	}
	if d.Nrow() == 0 {
		return Check{Applies: true, Passed: true, Evidence: fmt.Sprintf("all %d rows are different", in.raw.Nrow())}
	}
	groups := 0
	if s, err := frame.View(d, "dupe_count"); err == nil {
		counts, _ := frame.FloatsOf(s)
		for i := 0; i < len(counts); i += int(counts[i]) {
			groups++
			if counts[i] < 1 {
				break
			}
		}
	}
	return Check{Applies: true, Evidence: fmt.Sprintf("%d rows repeat another row exactly (%d groups); clean.Dedupe removes them", d.Nrow()-groups, groups)}
}

// distinctEntities drops the clusters whose spellings never share a
// geographic code: INEGI tells apart two municipalities of Oaxaca named
// "San Juan Mixtepec" by writing one with a final period, and those are two
// places, not two spellings of one.
func distinctEntities(in *input, col string, cl []clean.Cluster) []clean.Cluster {
	var codeCols [][]string
	for _, n := range in.raw.Names() {
		if n != col && geoName(n) == "code" {
			v, _ := in.rawColumn(n)
			codeCols = append(codeCols, v)
		}
	}
	if len(codeCols) == 0 || len(cl) == 0 {
		return cl
	}
	v, na := in.rawColumn(col)
	codes := map[string]map[string]bool{}
	for i, s := range v {
		if na[i] {
			continue
		}
		parts := make([]string, len(codeCols))
		for j, c := range codeCols {
			parts[j] = c[i]
		}
		if codes[s] == nil {
			codes[s] = map[string]bool{}
		}
		codes[s][strings.Join(parts, "\x00")] = true
	}
	var out []clean.Cluster
	for _, c := range cl {
		shared := false
		seen := map[string]bool{}
		for _, vc := range c.Values {
			for k := range codes[vc.Value] {
				if seen[k] {
					shared = true
				}
				seen[k] = true
			}
		}
		if shared {
			out = append(out, c)
		}
	}
	return out
}

// hasLetters reports whether most values hold a letter (dates, codes and
// numbers do not).
func hasLetters(v []string, na []bool) bool {
	with, n := 0, 0
	for i, s := range v {
		if na[i] {
			continue
		}
		n++
		for _, r := range s {
			if unicode.IsLetter(r) {
				with++
				break
			}
		}
	}
	return n > 0 && with*2 > n
}

func checkOneSpelling(in *input) Check {
	var bad []string
	cats := 0
	dates := map[string]bool{}
	for _, c := range in.rep.Columns {
		dates[c.Name] = strings.HasPrefix(c.Why, "dates (text)")
	}
	for _, n := range in.raw.Names() {
		v, na := in.rawColumn(n)
		if dates[n] || dateName(n) || !hasLetters(v, na) {
			continue // codes, numbers, dates
		}
		var vals []string
		distinct := map[string]bool{}
		for i, s := range v {
			if !na[i] {
				vals = append(vals, s)
				distinct[s] = true
			}
		}
		if len(distinct) < 2 || len(distinct)*2 > len(vals) {
			continue // free text or identifiers, not categories
		}
		cats++
		cl := distinctEntities(in, n, clean.Clusters(vals, clean.Fingerprint))
		if len(cl) == 0 {
			continue
		}
		var ex []string
		for _, c := range cl {
			var sp []string
			for _, vc := range c.Values {
				sp = append(sp, fmt.Sprintf("%q", vc.Value))
			}
			ex = append(ex, strings.Join(sp, " / "))
			if len(ex) == 2 {
				break
			}
		}
		bad = append(bad, fmt.Sprintf("column %q: %d categories written several ways (%s)", n, len(cl), strings.Join(ex, "; ")))
	}
	if cats == 0 {
		return Check{Evidence: "no category columns"}
	}
	if len(bad) > 0 {
		return Check{Applies: true, Evidence: list(bad, 3) + "; clean.ApplyClusters unifies them"}
	}
	return Check{Applies: true, Passed: true, Evidence: fmt.Sprintf("%d category columns, one spelling each", cats)}
}
