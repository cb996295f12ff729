package clean

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Dates turns date columns into ISO-8601 strings, which sort correctly and
// which analyze and chart read: "2024-10-17" for a day, "2024-10" for a
// month, "2024" for a year. It reads, row by row, whatever mix of these a
// column holds:
//
//   - "17/10/2024", "17-10-2024", "17.10.24" (day first; Config.Locale US
//     reads month first; a column whose values only make sense the other
//     way round, such as "10/17/2024", is read that way and the report says
//     so), "2024-10-17", "2024/10/17", "20241017";
//   - Spanish or English month names: "17-oct-2024", "17 de octubre de
//     2024", "jueves, 17 de octubre de 2024", "October 17, 2024";
//   - months: "octubre 2024", "Octubre de 2024", "OCT/24", "10/2024" →
//     "2024-10"; a month name alone ("ENE" … "DIC") → "--01" … "--12", the
//     ISO form of a month with no year (the report counts them);
//   - timestamps "2015-03-01 12:00:00 GMT", "2024-10-17T08:30:00Z",
//     "2014-11-12 19:21": the date as written, with no time-zone shift;
//   - quarters: "2023-Q1", "Q1 2023", "2023T1", "1T2023", "1er trimestre
//     de 2023", "IV trimestre 2023" → "2023-Q1" (the form chart reads); a
//     quarter needs its marker (Q, T, trimestre…), so "2023/01" is a month;
//   - Excel serial day numbers (45582 → "2024-10-17", only 1950–2099) and
//     years alone ("2024") and year-months ("202410" → "2024-10"), in
//     text or number columns.
//
// Missing markers and the "no date" placeholders of IsDateSentinel
// ("9999-99-99", "0000-00-00", "-001-11-30"…) become missing and are
// counted in the report; values that do not parse become missing and are
// listed with their rows. Day and month both ≤ 12 are read by the locale
// and counted. Two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999.
//
// With cols, each named column is converted; a named column in which no
// value parses is an error wrapping ErrBadDate. With no cols, every text
// column is tried and converted only when all its non-missing values parse
// and at least one is written as a date (not only as a plain number or a
// month name, unless the column's name says fecha or date); the report
// says which columns were converted. Dates is Config{}.Dates.
func Dates(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return Config{}.Dates(df, cols...)
}

// Dates is the package function Dates with c's locale, markers, layouts
// (Config.DateLayouts are Go layouts tried first, in order) and
// strictness: in Strict mode a value that does not parse is an error
// wrapping ErrBadDate and df is returned unchanged.
func (c Config) Dates(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("dates", df); err != nil {
		return df, rep, err
	}
	targets, err := columnsFor("dates", df, cols)
	if err != nil {
		return df, rep, err
	}
	auto := len(cols) == 0
	out := df
	for _, name := range targets {
		s := out.Col(name)
		var v []string
		var na []bool
		switch s.Type() {
		case series.String:
			v, na = frame.StringsOf(s)
		case series.Int, series.Float:
			if auto {
				continue
			}
			f, fna := frame.FloatsOf(s)
			v, na = make([]string, len(f)), fna
			for i, x := range f {
				if !fna[i] {
					v[i] = strconv.FormatFloat(x, 'f', -1, 64)
				}
			}
		default:
			if !auto {
				rep.Columns = append(rep.Columns, ColumnReport{Column: name, Step: "dates", Result: kindName(s.Type()) + " column: unchanged"})
			}
			continue
		}
		dateName := looksLikeDate(name)
		iso, cr, fail := c.parseDates(name, v, na, !auto || dateName)
		cr.Column, cr.Step = name, "dates"
		if !auto && cr.Parsed == 0 && cr.Failed > 0 {
			return df, rep, fmt.Errorf("clean: dates: column %q: none of its %d values parse (%s): %w", name, cr.Failed, fail.first, ErrBadDate)
		}
		if !auto && c.Strict && cr.Failed > 0 {
			return df, rep, strictError("dates", fail.first, cr.Failed, ErrBadDate)
		}
		if auto {
			reason := ""
			switch {
			case cr.Parsed == 0:
				continue
			case cr.Failed > 0:
				reason = fmt.Sprintf("%d values do not parse (e.g. %q)", cr.Failed, cr.FailedExamples[0].Text)
			case !dateName && onlyWeakForms(cr.Seen):
				reason = "values are plain numbers or month names; name the column to convert it"
			}
			if reason != "" {
				rep.Columns = append(rep.Columns, ColumnReport{Column: name, Step: "dates", Result: "left as " + kindName(s.Type()) + ": " + reason, Missing: cr.Missing})
				continue
			}
		}
		cr.Converted = true
		if out, err = replace("dates", out, frame.Strings(name, iso, na)); err != nil {
			return df, rep, err
		}
		rep.Columns = append(rep.Columns, cr)
	}
	return out, rep, nil
}

// weakForms are date forms that ordinary numbers and words also have.
var weakForms = map[string]bool{"yyyy": true, "Excel serial": true, "yyyymmdd": true, "yyyymm": true, "month name only": true}

func onlyWeakForms(seen []Tally) bool {
	for _, t := range seen {
		if !weakForms[t.Text] {
			return false
		}
	}
	return true
}

// looksLikeDate reports whether a column name says it holds dates.
func looksLikeDate(name string) bool {
	for _, w := range strings.Fields(FoldString(splitCamel(name))) {
		switch w {
		case "fecha", "fechas", "date", "fec", "dia", "periodo", "day", "timestamp", "f":
			return true
		}
		if strings.HasPrefix(w, "fecha") || strings.HasPrefix(w, "fec") && len(w) <= 6 {
			return true
		}
	}
	return false
}

// parseDates converts one column's values (na marks values already
// missing; it is updated in place) to ISO strings.
func (c Config) parseDates(name string, v []string, na []bool, allowSerial bool) ([]string, ColumnReport, failures) {
	order := dayFirst
	if c.Locale == US {
		order = monthFirst
	}
	iso, cr, fail, other, proof := c.parseDatesOrder(name, v, na, allowSerial, order)
	if other > 0 && proof == 0 {
		// Every all-numeric value that tells is written the other way round:
		// the column is month-first (or day-first) whatever the locale says.
		swapped := monthFirst
		label := "month first (mm/dd/yyyy)"
		if order == monthFirst {
			swapped, label = dayFirst, "day first (dd/mm/yyyy)"
		}
		iso, cr, fail, _, _ = c.parseDatesOrder(name, v, na, allowSerial, swapped)
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d values only make sense %s, so the column was read that way, against the locale", other, label))
	}
	for i := range iso {
		if iso[i] == "" {
			na[i] = true
		}
	}
	return iso, cr, fail
}

func (c Config) parseDatesOrder(name string, v []string, na0 []bool, allowSerial bool, order dateOrder) (iso []string, cr ColumnReport, fail failures, other, proof int) {
	m := c.markersFor(name)
	iso = make([]string, len(v))
	became := counter{}
	formats := counter{}
	amb, cut, monthOnly := 0, 0, 0
	// Date columns repeat a few thousand distinct values over millions of
	// rows: each distinct raw string is read once.
	type memo struct {
		p       parsedDate
		iso     string
		err     error
		missing bool
	}
	cache := make(map[string]*memo)
	for i, raw := range v {
		if na0[i] {
			cr.Missing++
			continue
		}
		e, ok := cache[raw]
		if !ok {
			e = &memo{}
			if m.is(raw) || IsDateSentinel(raw) {
				e.missing = true
			} else if e.p, e.err = c.parseOne(raw, order, allowSerial); e.err == nil {
				e.iso = e.p.iso()
			}
			if len(cache) < 1<<16 {
				cache[raw] = e
			}
		}
		if e.missing {
			became.add(raw)
			continue
		}
		if e.err != nil {
			if errors.Is(e.err, errOtherOrder) {
				other++
			}
			fail.add(i+1, raw, e.err, name)
			continue
		}
		p := &e.p
		cr.Parsed++
		iso[i] = e.iso
		formats.add(p.format)
		if p.ambiguous {
			amb++
		}
		// Proof of the asked order: a first number > 12 when reading day
		// first, a second number > 12 when reading month first.
		if order == dayFirst && p.firstBig || order == monthFirst && p.secondBig {
			proof++
		}
		if p.timeCut {
			cut++
		}
		if p.prec == precMonthOnly {
			monthOnly++
		}
	}
	cr.BecameMissing = became.sorted(0)
	cr.Failed, cr.FailedRows, cr.FailedExamples = len(fail.rows), fail.rows, fail.values.sorted(10)
	cr.Seen = formats.sorted(0)
	cr.Result = "converted to ISO dates"
	if cr.Failed > 0 {
		cr.Result += fmt.Sprintf("; %d values that do not parse are now missing", cr.Failed)
	}
	if amb > 0 {
		way := "day first (dd/mm)"
		if order == monthFirst {
			way = "month first (mm/dd)"
		}
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d values had day and month both ≤ 12 and were read %s", amb, way))
	}
	if cut > 0 {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d values had a time of day, dropped: the date is kept as written, with no time-zone shift", cut))
	}
	if monthOnly > 0 {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d values are a month with no year, written \"--MM\"", monthOnly))
	}
	return iso, cr, fail, other, proof
}

// parseOne tries the forced layouts, then the built-in forms.
func (c Config) parseOne(raw string, order dateOrder, allowSerial bool) (parsedDate, error) {
	s := strings.TrimSpace(raw)
	for _, layout := range c.DateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		p := parsedDate{y: t.Year(), m: int(t.Month()), d: t.Day(), format: "layout " + layout}
		switch {
		case hasAny(layout, "2", "02", "_2", "002"):
		case hasAny(layout, "1", "01", "Jan", "January"):
			p.prec = precMonth
		default:
			p.prec = precYear
		}
		return p, p.check()
	}
	p, err := parseDate(s, order, allowSerial)
	if err != nil && !errors.Is(err, errOtherOrder) {
		if q, ok := parseQuarter(s); ok {
			return q, nil
		}
	}
	return p, err
}

// hasAny reports whether a Go layout holds one of the given elements as a
// separate element (so "2006" does not count as the day "2").
func hasAny(layout string, elems ...string) bool {
	l := strings.NewReplacer("2006", "", "January", "\x01", "Jan", "\x02", "Monday", "", "Mon", "", "15", "", "05", "", "04", "").Replace(layout)
	for _, e := range elems {
		switch e {
		case "January":
			if strings.Contains(l, "\x01") {
				return true
			}
		case "Jan":
			if strings.Contains(l, "\x02") {
				return true
			}
		default:
			if strings.Contains(l, e) {
				return true
			}
		}
	}
	return false
}
