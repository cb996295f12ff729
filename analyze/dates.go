package analyze

import (
	"fmt"
	"strings"
	"time"

	"github.com/datacon-mx/cifra/internal/isodate"
)

// precision of an ISO date string.
type precision int

const (
	precYear precision = iota + 1
	precMonth
	precDay
	precQuarter
)

// isoDate is a parsed ISO date ("2024-10-17", "2024-10", "2024-Q3" or
// "2024"; a time after the day, as in "2024-10-17 00:00:00" or
// "2024-10-17T08:00", is ignored). A quarter keeps q (1–4) and the first
// month of the quarter in m.
type isoDate struct {
	y, m, d int
	q       int
	prec    precision
}

// parseISO parses s as an ISO date of year, quarter ("2024-Q3", as
// clean.Dates writes quarters; "2024-q3" is accepted too), month or day
// precision, with the reader chart uses too (internal/isodate).
func parseISO(s string) (isoDate, error) {
	p, err := isodate.Parse(s)
	if err != nil {
		return isoDate{}, fmt.Errorf("%q is not an ISO date (2024-10-17, 2024-10, 2024-Q3 or 2024): %v: %w", strings.TrimSpace(s), err, ErrBadDate)
	}
	d := isoDate{y: p.Year, m: p.Month, d: p.Day, q: p.Quarter}
	switch p.Prec {
	case isodate.Year:
		d.prec = precYear
	case isodate.Quarter:
		d.prec = precQuarter
	case isodate.Month:
		d.prec = precMonth
	default:
		d.prec = precDay
	}
	return d, nil
}

// month returns "YYYY-MM" (only for month or day precision). A quarter
// has no single month: it returns "YYYY-Qn", so that a lookup by month
// (a price index) misses it and says so, instead of silently using the
// quarter's first month.
func (d isoDate) month() string {
	if d.prec == precQuarter {
		return fmt.Sprintf("%04d-Q%d", d.y, d.q)
	}
	return fmt.Sprintf("%04d-%02d", d.y, d.m)
}

// String writes d back at its precision.
func (d isoDate) String() string {
	switch d.prec {
	case precYear:
		return fmt.Sprintf("%04d", d.y)
	case precMonth:
		return d.month()
	case precQuarter:
		return fmt.Sprintf("%04d-Q%d", d.y, d.q)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// minusYears returns d moved back n years (29 February goes to 28).
func (d isoDate) minusYears(n int) isoDate {
	d.y -= n
	if d.prec == precDay && d.m == 2 && d.d == 29 {
		if time.Date(d.y, 2, 29, 0, 0, 0, 0, time.UTC).Day() != 29 {
			d.d = 28
		}
	}
	return d
}

// ordinal numbers d on a line at its own precision: years, quarters or
// months since year 0, or days since 1970-01-01.
func (d isoDate) ordinal() float64 {
	switch d.prec {
	case precYear:
		return float64(d.y)
	case precQuarter:
		return float64(d.y*4 + d.q - 1)
	case precMonth:
		return float64(d.y*12 + d.m - 1)
	}
	return float64(time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayRange returns the first and last day of d's period as days since
// 1970-01-01 (a day gives itself twice; a quarter its three months).
func (d isoDate) dayRange() (from, to int64) {
	start := d.time()
	var end time.Time
	switch d.prec {
	case precDay:
		end = start
	case precMonth:
		end = start.AddDate(0, 1, -1)
	case precQuarter:
		end = start.AddDate(0, 3, -1)
	default:
		end = start.AddDate(1, 0, -1)
	}
	return start.Unix() / 86400, end.Unix() / 86400
}

// time returns d as a UTC time (first day of its month, quarter or year).
func (d isoDate) time() time.Time {
	m, day := d.m, d.d
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}
