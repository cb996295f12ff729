package chart

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// datePrecision is how much of a date a value gave.
type datePrecision int

const (
	precYear datePrecision = iota + 1
	precQuarter
	precMonth
	precDay
)

// ParseDate reads an ISO-8601 date as cifra passes dates between stages:
// "2024" (year), "2024-10" (month), "2024-Q3" (quarter) or "2024-10-17"
// (day; a time part after "T" or a space is ignored). It returns the first
// day of the period in UTC. Anything else is an error wrapping ErrBadDate.
func ParseDate(s string) (time.Time, error) {
	t, _, err := parseDate(s)
	return t, err
}

func parseDate(s string) (time.Time, datePrecision, error) {
	s = strings.TrimSpace(s)
	bad := func(why string) (time.Time, datePrecision, error) {
		return time.Time{}, 0, fmt.Errorf("%q: %w: %s (want 2024, 2024-10, 2024-Q3 or 2024-10-17)", s, ErrBadDate, why)
	}
	if i := strings.IndexAny(s, "T "); i == 10 {
		s = s[:10]
	}
	if len(s) < 4 || !digits(s[:4]) {
		return bad("no four-digit year")
	}
	y, _ := strconv.Atoi(s[:4])
	if y < 1000 {
		return bad("year before 1000")
	}
	rest := s[4:]
	switch {
	case rest == "":
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), precYear, nil
	case len(rest) == 3 && (rest[:2] == "-Q" || rest[:2] == "-q") && rest[2] >= '1' && rest[2] <= '4':
		q := int(rest[2] - '0')
		return time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC), precQuarter, nil
	case len(rest) == 3 && rest[0] == '-' && digits(rest[1:]):
		m, _ := strconv.Atoi(rest[1:])
		if m < 1 || m > 12 {
			return bad("month out of range")
		}
		return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), precMonth, nil
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-' && digits(rest[1:3]) && digits(rest[4:]):
		m, _ := strconv.Atoi(rest[1:3])
		d, _ := strconv.Atoi(rest[4:])
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || d < 1 || t.Day() != d {
			return bad("no such day")
		}
		return t, precDay, nil
	}
	return bad("unexpected text after the year")
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dayNumber converts a time to days since 1970-01-01 (the x unit of date
// axes) and back.
func dayNumber(t time.Time) float64 { return float64(t.Unix()) / 86400 }

func fromDayNumber(d float64) time.Time {
	return time.Unix(int64(d*86400+0.5), 0).UTC()
}

// monthLabel writes "ene 2024".
func monthLabel(t time.Time, loc Locale) string {
	return loc.Months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// dateLabel writes a date at a precision: "2024", "ene 2024", "17 oct 2024".
func dateLabel(t time.Time, p datePrecision, loc Locale) string {
	switch p {
	case precYear:
		return strconv.Itoa(t.Year())
	case precQuarter:
		return fmt.Sprintf("T%d %d", (int(t.Month())+2)/3, t.Year())
	case precMonth:
		return monthLabel(t, loc)
	}
	return strconv.Itoa(t.Day()) + " " + monthLabel(t, loc)
}

// allDates reports whether every non-empty label is an ISO date.
func allDates(labels []string) bool {
	n := 0
	for _, l := range labels {
		if l == "" {
			continue
		}
		if _, _, err := parseDate(l); err != nil {
			return false
		}
		n++
	}
	return n > 0
}
