package clean

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/num"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Numbers turns text columns into numbers as Mexican data writes them:
// "$1,234,567.89", "1 234", "(1,234)" (negative), "12.5%" (12.5; the report
// says the column held percentages), "MXN 1,234", "1,234.5 pesos", "USD 12"
// (the report names the currencies), "−3", non-breaking spaces and INEGI's
// footnote marks ("1,234 p/", "1,234*"; the report counts them). Missing
// markers ("", "N/D", "-"…) become missing values, never zero. A lone
// "1,234" is 1234; "1,5" is ambiguous and fails rather than become 15.
// A column written with point thousands and decimal commas ("1.234.567,89",
// Spanish-locale exports) is read that way when the default reading fails
// on values that can only be decimal commas, and the report says so.
//
// With cols, each named column is converted: values that do not parse
// become missing and are listed with their rows in the report; a named
// column in which no value parses is an error wrapping ErrBadNumber (it is
// not a number column, or it needs another Config.Locale). With no
// cols, every text column is tried and converted only when all its
// non-missing values parse and it does not look like a code column (values
// with leading zeros such as "01", or names such as cve_*, clave*, id*);
// the report says which columns were converted and why others were left.
//
// A column that is already numeric is left unchanged (the report says so)
// except for Config.ExtraMissing codes, which become missing. The result is
// an Int column when every value is a whole number that fits, else Float.
// Whole numbers beyond 2^53 keep every digit in an Int column when they fit
// int64 ("9007199254740993"); otherwise the report says digits were lost.
// A value beyond float64's range either way ("1e400", "1e-400", which would
// become +Inf or 0) does not parse.
// Numbers is Config{}.Numbers: MX locale, not strict.
func Numbers(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return Config{}.Numbers(df, cols...)
}

// Numbers is the package function Numbers with c's locale, markers and
// strictness: in Strict mode a value that does not parse is an error
// wrapping ErrBadNumber (naming the column, row and value) and df is
// returned unchanged.
func (c Config) Numbers(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("numbers", df); err != nil {
		return df, rep, err
	}
	targets, err := columnsFor("numbers", df, cols)
	if err != nil {
		return df, rep, err
	}
	auto := len(cols) == 0
	out := df
	for _, name := range targets {
		// A view shares the column's memory: it is only read, and the
		// converted column replaces it through Mutate.
		s, verr := frame.View(out, name)
		if verr == nil && s.Err != nil {
			verr = s.Err
		}
		if verr != nil {
			return df, rep, fmt.Errorf("clean: numbers: column %q: %w: %v", name, ErrFrame, verr)
		}
		var ns series.Series
		var cr ColumnReport
		switch s.Type() {
		case series.Int, series.Float:
			ns, cr = missingNumbers(s, c.markersFor(name))
			cr.Result = "already " + kindName(s.Type()) + ": unchanged"
			if cr.Changed > 0 {
				cr.Result = fmt.Sprintf("already %s: %d extra missing codes set to missing", kindName(s.Type()), cr.Changed)
				cr.Converted = true
			}
			cr.Parsed = s.Len() - cr.Missing - cr.Changed
		case series.String:
			var fail failures
			ns, cr, fail = c.parseNumbersLocale(s)
			// With no columns named, a column with failures is left as text
			// (nothing is lost), so Strict only concerns named columns.
			if !auto && cr.Parsed == 0 && cr.Failed > 0 {
				return df, rep, fmt.Errorf("clean: numbers: column %q: none of its %d values parse (%s): %w", name, cr.Failed, fail.first, ErrBadNumber)
			}
			if !auto && c.Strict && cr.Failed > 0 {
				return df, rep, strictError("numbers", fail.first, cr.Failed, ErrBadNumber)
			}
			if auto {
				if reason := autoNumberVeto(name, cr); reason != "" {
					cr = ColumnReport{Result: "left as String: " + reason, Missing: cr.Missing}
					if reason == "no values" {
						continue
					}
					cr.Column, cr.Step = name, "numbers"
					rep.Columns = append(rep.Columns, cr)
					continue
				}
			}
			cr.Converted = true
		default:
			cr.Result = kindName(s.Type()) + " column: unchanged"
		}
		cr.Column, cr.Step = name, "numbers"
		if cr.Converted {
			if out, err = replace("numbers", out, ns); err != nil {
				return df, rep, err
			}
		}
		rep.Columns = append(rep.Columns, cr)
	}
	return out, rep, nil
}

func kindName(t series.Type) string {
	switch t {
	case series.Int:
		return "Int"
	case series.Float:
		return "Float"
	case series.Bool:
		return "Bool"
	}
	return "String"
}

// autoNumberVeto says why Numbers with no columns leaves a parsed column
// as text, or "" to convert it.
func autoNumberVeto(name string, cr ColumnReport) string {
	switch {
	case cr.Parsed == 0 && cr.Failed == 0:
		return "every value is missing; name the column to make it numeric"
	case cr.Parsed == 0:
		return "no values"
	case cr.Failed > 0:
		return fmt.Sprintf("%d values do not parse (e.g. %q)", cr.Failed, cr.FailedExamples[0].Text)
	case hasNote(cr, noteLeadingZeros):
		return "values with leading zeros look like codes"
	case looksLikeCode(name):
		return "the name looks like a code column"
	}
	return ""
}

const noteLeadingZeros = "values with leading zeros"

func hasNote(cr ColumnReport, prefix string) bool {
	for _, n := range cr.Notes {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

// looksLikeCode reports whether a column name says it holds codes that must
// stay text: cve_ent, clave_municipio, id, folio, cp, rfc, curp, cvegeo.
func looksLikeCode(name string) bool {
	for _, w := range strings.Fields(FoldString(splitCamel(name))) {
		switch w {
		case "cve", "clave", "cvegeo", "id", "folio", "cp", "rfc", "curp", "codigo", "code", "clues", "ageb", "expediente":
			return true
		}
		if strings.HasPrefix(w, "cve") || strings.HasPrefix(w, "clave") {
			return true
		}
	}
	return false
}

// leadingZero reports whether raw has a leading zero that a number would
// drop: "01", "007", but not "0", "0.5" or "0,5".
func leadingZero(raw string) bool {
	s := strings.TrimSpace(raw)
	return len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9'
}

// missingCodes names the codes 97, 98, 99 (or 997…999, 9997…9999) found
// in a column of few distinct small values, or returns "".
func missingCodes(distinct map[float64]int) string {
	if len(distinct) > 12 {
		return ""
	}
	var found []string
	others := 0.0
	for v := range distinct {
		switch v {
		case 97, 98, 99, 997, 998, 999, 9997, 9998, 9999:
			found = append(found, strconv.FormatFloat(v, 'f', -1, 64))
		default:
			others = math.Max(others, math.Abs(v))
		}
	}
	if len(found) == 0 || others >= 90 {
		return ""
	}
	sort.Strings(found)
	return strings.Join(found, ", ")
}

// mixedCurrencies reports whether the currencies seen differ; a bare "$"
// counts as pesos (MXN), as in Mexican data.
func mixedCurrencies(seen counter) bool {
	n := 0
	for cur := range seen {
		if cur == "$" {
			if _, ok := seen["MXN"]; ok {
				continue
			}
		}
		n++
	}
	return n > 1
}

// markerStarts returns the first bytes a raw value can have and still be
// one of m's markers: those of the markers, and every byte that trimming
// could remove (spaces, and all non-ASCII bytes for Unicode spaces). Any
// other value is known not to be a marker without a map lookup.
func markerStarts(m markers) *[256]bool {
	var t [256]bool
	for _, set := range []map[string]struct{}{m.base, m.extra} {
		for k := range set {
			if k != "" {
				t[k[0]] = true
			}
		}
	}
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	for c := 0x80; c < 256; c++ {
		t[c] = true
	}
	return &t
}

// parseNumbers converts one String series.
func (c Config) parseNumbers(s series.Series) (series.Series, ColumnReport, failures) {
	dec := byte('.')
	if c.Locale == ES {
		dec = ','
	}
	m := c.markersFor(s.Name)
	maybe := markerStarts(m)
	v, na := frame.StringsOf(s)
	f := make([]float64, len(v))
	var cr ColumnReport
	var fail failures
	became := counter{}
	currency := counter{}
	pct, zeros, otherLocale, notes, huge := 0, 0, 0, 0, 0
	distinct := map[float64]int{}
	whole := true
	var exacts map[int]int64 // rows whose integer float64 cannot hold
	for i, raw := range v {
		if na[i] {
			cr.Missing++
			continue
		}
		if (raw == "" || maybe[raw[0]]) && m.is(raw) {
			became.add(raw)
			na[i] = true
			continue
		}
		r, err := num.Parse(raw, dec)
		if err == nil && underflowed(raw, r.Value) {
			err = fmt.Errorf("%w: out of range (closer to zero than the smallest float64, would become 0)", num.ErrSyntax)
		}
		if err != nil {
			if dec == '.' && (errors.Is(err, num.ErrAmbiguous) || strings.Contains(raw, ",") && strings.Contains(raw, ".") && strings.LastIndexByte(raw, ',') > strings.LastIndexByte(raw, '.')) {
				otherLocale++
			}
			if dec == '.' && commaDecimals(raw) {
				fail.comma++
			}
			fail.add(i+1, raw, err, s.Name)
			na[i] = true
			continue
		}
		cr.Parsed++
		f[i] = r.Value
		if r.Percent {
			pct++
		}
		if r.Footnote {
			notes++
		}
		if r.Currency != "" {
			currency.add(r.Currency)
		}
		if leadingZero(raw) {
			zeros++
		}
		if len(distinct) <= 12 {
			distinct[r.Value]++
		}
		exact := false
		if math.Abs(r.Value) >= 1<<53 {
			if x, ok := exactInt(raw, r.Value, dec); ok {
				if exacts == nil {
					exacts = map[int]int64{}
				}
				exacts[i], exact = x, true
			} else {
				huge++
			}
		}
		if whole && (r.Value != math.Trunc(r.Value) || math.Abs(r.Value) >= 1<<53 && !exact) {
			whole = false
		}
	}
	cr.BecameMissing = became.sorted(0)
	cr.Failed, cr.FailedRows, cr.FailedExamples = len(fail.rows), fail.rows, fail.values.sorted(10)
	cr.Seen = currency.sorted(0)
	if pct > 0 {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d values were percentages (\"12.5%%\" → 12.5)", pct))
	}
	if len(cr.Seen) > 1 || len(cr.Seen) == 1 && cr.Seen[0].Text != "$" {
		cr.Notes = append(cr.Notes, "currencies written with the values: "+tallies(cr.Seen, 5))
	}
	if mixedCurrencies(currency) {
		cr.Notes = append(cr.Notes, "mixed currencies: amounts are not comparable without conversion")
	}
	if notes > 0 {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d values carried a footnote mark (\"*\", \"p/\" preliminary, \"e/\" estimated), dropped: check the source's notes", notes))
	}
	if codes := missingCodes(distinct); codes != "" {
		cr.Notes = append(cr.Notes, "values "+codes+" look like missing-value codes (97, 98, 99 in health data): if so, list them in Config.ExtraMissing")
	}
	if huge > 0 {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d values are beyond 2^53 and lost digits as numbers: if they are identifiers, keep them as text", huge))
	}
	if len(exacts) > 0 && !whole {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d whole values are beyond 2^53: the Float column rounds their last digits; if they are identifiers, keep them as text", len(exacts)))
	}
	if zeros > 0 {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%s (%d, e.g. \"01\"): if they are codes, keep them as text", noteLeadingZeros, zeros))
	}
	if otherLocale > 0 {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d values look like decimal commas (\"1,5\", \"1.234,56\"): if so, use Config{Locale: clean.ES}", otherLocale))
	}
	var ns series.Series
	if whole {
		iv := make([]int, len(f))
		for i, x := range f {
			iv[i] = int(x)
			if e, ok := exacts[i]; ok {
				iv[i] = int(e)
			}
		}
		ns = frame.Ints(s.Name, iv, na)
		cr.Result = "converted to Int"
	} else {
		for i := range f {
			if na[i] {
				f[i] = math.NaN()
			}
		}
		ns = frame.Floats(s.Name, f, na)
		cr.Result = "converted to Float"
	}
	if cr.Failed > 0 {
		cr.Result += fmt.Sprintf("; %d values that do not parse are now missing", cr.Failed)
	}
	return ns, cr, fail
}
