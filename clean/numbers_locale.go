package clean

import (
	"fmt"
	"strings"

	"github.com/go-gota/gota/series"
)

// parseNumbersLocale is parseNumbers with the default locale's one
// exception: a column written with point thousands and decimal commas
// ("1.234.567,89", as Spanish-locale Excel and semicolon CSV exports write
// them) is read that way when the default MX reading fails on values that
// can only be decimal commas and the comma reading fails on fewer values
// (and on fewer than half of them: a text column with one such value stays
// a failure).
// The report says so. An explicit Locale (ES or US) is never second-guessed.
func (c Config) parseNumbersLocale(s series.Series) (series.Series, ColumnReport, failures) {
	ns, cr, fail := c.parseNumbers(s)
	if c.Locale != MX || cr.Failed == 0 || fail.comma == 0 && cr.Parsed > 0 {
		return ns, cr, fail
	}
	es := c
	es.Locale = ES
	ns2, cr2, fail2 := es.parseNumbers(s)
	if cr2.Failed >= cr.Failed || cr2.Parsed <= cr2.Failed {
		return ns, cr, fail
	}
	cr2.Notes = append(cr2.Notes, fmt.Sprintf("read with point thousands and decimal commas (\"1.234.567,89\"): the default decimal point failed on %d values, this reading on %d; Config{Locale: clean.US} forces decimal points", cr.Failed, cr2.Failed))
	return ns2, cr2, fail2
}

// commaDecimals reports whether raw can only be a number written with
// point thousands and a decimal comma: "1.234,5" (a comma after the last
// point) or "1.234.567" (more than one point).
func commaDecimals(raw string) bool {
	dot := strings.LastIndexByte(raw, '.')
	if dot < 0 {
		return false
	}
	if comma := strings.LastIndexByte(raw, ','); comma > dot {
		return true
	}
	return strings.IndexByte(raw, '.') != dot
}
