package chart

import (
	"math"
	"time"
)

// ExactDates tells Line and SmallMultiples that x dates are instants (a
// reading taken that day), not periods: no period is inferred from them,
// and a value dated 31 May stays on 31 May. Use it for point readings
// such as an exchange rate at the end of each month.
func ExactDates() Option { return func(c *config) { c.exactDates = true } }

// periodEnd says where dates put a value within its period.
type periodEnd int

const (
	periodStart periodEnd = iota // first day ("2014-05-01", or "2014-05" text)
	periodLast                   // last day ("2014-05-31", "2014-12-31")
)

// inferPeriod looks at day numbers that carry full dates and returns the
// period they stand for: a year when every date is 1 January (or every one
// 31 December), a quarter when every date starts (or ends) a quarter and
// the dates lie at least three months apart, a month when every date is the
// first (or the last) day of its month. Anything else is precDay. Period
// ends are recognised only from two distinct dates on, so that one reading
// on 31 December is not taken for a year.
func inferPeriod(days []float64) (datePrecision, periodEnd) {
	first, last := true, true
	allJan, allDec := true, true
	qStart, qEnd := true, true
	var months []int // year*12+month of each date, in input order
	n := 0
	for _, d := range days {
		if math.IsNaN(d) {
			continue
		}
		t := fromDayNumber(d)
		n++
		m := int(t.Month())
		if t.Day() != 1 {
			first = false
		}
		if t.AddDate(0, 0, 1).Day() != 1 {
			last = false
		}
		allJan = allJan && m == 1
		allDec = allDec && m == 12
		qStart = qStart && (m-1)%3 == 0
		qEnd = qEnd && m%3 == 0
		months = append(months, t.Year()*12+m-1)
	}
	if n == 0 || !first && !last {
		return precDay, periodStart
	}
	end := periodStart
	if !first {
		if distinct(months) < 2 {
			return precDay, periodStart
		}
		end = periodLast
	}
	switch {
	case first && allJan, !first && allDec:
		return precYear, end
	case (first && qStart || !first && qEnd) && minGap(months) >= 3:
		return precQuarter, end
	}
	return precMonth, end
}

// distinct counts the distinct values of ms.
func distinct(ms []int) int {
	seen := map[int]bool{}
	for _, m := range ms {
		seen[m] = true
	}
	return len(seen)
}

// minGap is the smallest difference between distinct values of ms (0 when
// there are fewer than two).
func minGap(ms []int) int {
	seen := map[int]bool{}
	var u []int
	for _, m := range ms {
		if !seen[m] {
			seen[m] = true
			u = append(u, m)
		}
	}
	best := 0
	for i := range u {
		for j := i + 1; j < len(u); j++ {
			g := u[i] - u[j]
			if g < 0 {
				g = -g
			}
			if best == 0 || g < best {
				best = g
			}
		}
	}
	return best
}

// periodStartOf returns the first day of the period of precision p that
// holds t.
func periodStartOf(t time.Time, p datePrecision) time.Time {
	switch p {
	case precYear:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case precQuarter:
		return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	case precMonth:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// toPeriods rewrites day numbers in place as the first day of their
// period, so that a value dated at the end of May is drawn on May.
func toPeriods(days []float64, p datePrecision) {
	if p == precDay || p == 0 {
		return
	}
	for i, d := range days {
		if !math.IsNaN(d) {
			days[i] = dayNumber(periodStartOf(fromDayNumber(d), p))
		}
	}
}

// periodName names a precision for reports: "monthly", "quarterly",
// "annual", with ", dated at the end of each period" for period-end dates.
func periodName(p datePrecision, end periodEnd) string {
	name := map[datePrecision]string{precYear: "annual", precQuarter: "quarterly", precMonth: "monthly"}[p]
	if name == "" {
		return ""
	}
	if end == periodLast {
		return name + ", dated at the end of each period"
	}
	return name + ", dated at the start of each period"
}

// periodLabels returns the labels of date categories written by period
// ("may 2014", "T2 2014", "2014") when they all are dates coarser than a
// day — text such as "2014-05", "2014-Q2" or "2014", or dates on the
// first or last day of each period — and the labels unchanged otherwise.
func periodLabels(labels []string, loc Locale) []string {
	if !allDates(labels) {
		return labels
	}
	days := make([]float64, len(labels))
	prec := datePrecision(0)
	for i, l := range labels {
		days[i] = math.NaN()
		if l == "" {
			continue
		}
		t, p, err := parseDate(l)
		if err != nil {
			return labels
		}
		days[i] = dayNumber(t)
		if p > prec {
			prec = p
		}
	}
	if prec == precDay {
		prec, _ = inferPeriod(days)
		if prec == precDay {
			return labels
		}
	}
	out := make([]string, len(labels))
	for i, d := range days {
		if math.IsNaN(d) {
			continue
		}
		out[i] = dateLabel(periodStartOf(fromDayNumber(d), prec), prec, loc)
	}
	return out
}
