package isodate

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a date a value gave.
type Precision int

// The precisions, coarsest first.
const (
	Year Precision = iota + 1
	Quarter
	Month
	Day
)

// Date is a parsed ISO date. A quarter keeps Quarter (1–4) and the first
// month of the quarter in Month; a year has Month and Day 0, a month Day 0.
type Date struct {
	Year, Month, Day int
	Quarter          int
	Prec             Precision
}

// Parse reads s as an ISO date of year, quarter, month or day precision.
// The error says what is wrong ("no four-digit year", "no such day"…) and
// names no package; callers wrap it with their own sentinel.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10]
	}
	if len(s) < 4 || !digits(s[:4]) {
		return Date{}, errors.New("no four-digit year")
	}
	y, _ := strconv.Atoi(s[:4])
	if y < 1000 {
		return Date{}, errors.New("year before 1000")
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Date{Year: y, Prec: Year}, nil
	case len(rest) == 3 && (rest[:2] == "-Q" || rest[:2] == "-q") && rest[2] >= '1' && rest[2] <= '4':
		q := int(rest[2] - '0')
		return Date{Year: y, Month: 3*q - 2, Quarter: q, Prec: Quarter}, nil
	case len(rest) == 3 && rest[0] == '-' && digits(rest[1:]):
		m, _ := strconv.Atoi(rest[1:])
		if m < 1 || m > 12 {
			return Date{}, errors.New("month out of range")
		}
		return Date{Year: y, Month: m, Prec: Month}, nil
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-' && digits(rest[1:3]) && digits(rest[4:]):
		m, _ := strconv.Atoi(rest[1:3])
		d, _ := strconv.Atoi(rest[4:])
		if m < 1 || m > 12 || d < 1 || time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() != d {
			return Date{}, errors.New("no such day")
		}
		return Date{Year: y, Month: m, Day: d, Prec: Day}, nil
	}
	return Date{}, errors.New("unexpected text after the year")
}

// Time returns the first day of the date's period, in UTC.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
