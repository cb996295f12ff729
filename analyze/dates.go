package analyze

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// precision of an ISO date string.
type precision int

const (
	precYear precision = iota + 1
	precMonth
	precDay
)

// isoDate is a parsed ISO date ("2024-10-17", "2024-10" or "2024"; a time
// after the day, as in "2024-10-17 00:00:00" or "2024-10-17T08:00", is
// ignored).
type isoDate struct {
	y, m, d int
	prec    precision
}

// parseISO parses s as an ISO date of year, month or day precision.
func parseISO(s string) (isoDate, error) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10]
	}
	bad := fmt.Errorf("%q is not an ISO date (2024-10-17, 2024-10 or 2024): %w", s, ErrBadDate)
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return isoDate{}, bad
	}
	var d isoDate
	var err error
	if d.y, err = strconv.Atoi(parts[0]); err != nil || d.y < 0 {
		return isoDate{}, bad
	}
	d.prec = precYear
	if len(parts) >= 2 {
		if len(parts[1]) != 2 {
			return isoDate{}, bad
		}
		if d.m, err = strconv.Atoi(parts[1]); err != nil || d.m < 1 || d.m > 12 {
			return isoDate{}, bad
		}
		d.prec = precMonth
	}
	if len(parts) == 3 {
		if len(parts[2]) != 2 {
			return isoDate{}, bad
		}
		if d.d, err = strconv.Atoi(parts[2]); err != nil || d.d < 1 || d.d > 31 {
			return isoDate{}, bad
		}
		t := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.d {
			return isoDate{}, bad
		}
		d.prec = precDay
	}
	return d, nil
}

// month returns "YYYY-MM" (only for month or day precision).
func (d isoDate) month() string { return fmt.Sprintf("%04d-%02d", d.y, d.m) }

// String writes d back at its precision.
func (d isoDate) String() string {
	switch d.prec {
	case precYear:
		return fmt.Sprintf("%04d", d.y)
	case precMonth:
		return d.month()
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

// ordinal numbers d on a line at its own precision: years, months since
// year 0, or days since 1970-01-01.
func (d isoDate) ordinal() float64 {
	switch d.prec {
	case precYear:
		return float64(d.y)
	case precMonth:
		return float64(d.y*12 + d.m - 1)
	}
	return float64(time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// time returns d as a UTC time (first day of its month or year).
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
