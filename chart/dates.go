package chart

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/datacon-mx/cifra/internal/isodate"
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
	d, err := isodate.Parse(s)
	if err != nil {
		return time.Time{}, 0, fmt.Errorf("%q: %w: %v (want 2024, 2024-10, 2024-Q3 or 2024-10-17)", strings.TrimSpace(s), ErrBadDate, err)
	}
	p := precDay
	switch d.Prec {
	case isodate.Year:
		p = precYear
	case isodate.Quarter:
		p = precQuarter
	case isodate.Month:
		p = precMonth
	}
	return d.Time(), p, nil
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
