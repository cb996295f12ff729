package analyze

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// ExchangeRates is a daily exchange-rate table (pesos per unit of a foreign
// currency, such as Banxico's FIX). Build one with NewExchangeRates or
// ExchangeRatesFromFrame, or use FIX.
type ExchangeRates struct {
	Name   string // e.g. "FIX"
	Source string
	days   []int64 // days since 1970-01-01, ascending
	dates  []string
	values []float64
}

// NewExchangeRates builds an ExchangeRates table from ISO days
// ("2024-10-17") and positive rates. A bad or repeated day, or a rate that is missing or ≤ 0, is an
// error.
func NewExchangeRates(name string, days []string, rates []float64) (ExchangeRates, error) {
	if len(days) != len(rates) {
		return ExchangeRates{}, fmt.Errorf("analyze: NewExchangeRates: %d days and %d rates: %w", len(days), len(rates), ErrArgument)
	}
	type dv struct {
		day  int64
		date string
		v    float64
	}
	pts := make([]dv, len(days))
	for i, s := range days {
		d, err := parseISO(s)
		if err != nil || d.prec != precDay {
			return ExchangeRates{}, fmt.Errorf("analyze: NewExchangeRates: row %d: day %q: %w", i+1, s, ErrBadDate)
		}
		if !(rates[i] > 0) || math.IsInf(rates[i], 0) {
			return ExchangeRates{}, fmt.Errorf("analyze: NewExchangeRates: row %d (%s): rate %v is not a positive number: %w", i+1, s, rates[i], ErrArgument)
		}
		pts[i] = dv{int64(d.ordinal()), d.String(), rates[i]}
	}
	sort.SliceStable(pts, func(a, b int) bool { return pts[a].day < pts[b].day })
	r := ExchangeRates{Name: name}
	for i, p := range pts {
		if i > 0 && p.day == pts[i-1].day {
			return ExchangeRates{}, fmt.Errorf("analyze: NewExchangeRates: day %s appears twice: %w", p.date, ErrArgument)
		}
		r.days = append(r.days, p.day)
		r.dates = append(r.dates, p.date)
		r.values = append(r.values, p.v)
	}
	return r, nil
}

// ExchangeRatesFromFrame builds an ExchangeRates table from a day column and a
// rate column.
// Rows whose rate is missing (Banxico's "N/E") are skipped.
func ExchangeRatesFromFrame(df dataframe.DataFrame, dayCol, rateCol string) (ExchangeRates, error) {
	const fn = "ExchangeRatesFromFrame"
	d, err := readColumn(fn, df, dayCol)
	if err != nil {
		return ExchangeRates{}, err
	}
	v, err := readNumeric(fn, df, rateCol)
	if err != nil {
		return ExchangeRates{}, err
	}
	var days []string
	var vals []float64
	for i := range v.f {
		if v.na[i] {
			continue
		}
		days = append(days, d.str(i))
		vals = append(vals, v.f[i])
	}
	return NewExchangeRates(rateCol, days, vals)
}

// Len is the number of quotes in the table.
func (r ExchangeRates) Len() int { return len(r.days) }

// Range returns the first and last day with a quote.
func (r ExchangeRates) Range() (first, last string) {
	if len(r.dates) == 0 {
		return "", ""
	}
	return r.dates[0], r.dates[len(r.dates)-1]
}

// DataFrame returns the table with columns "fecha" and "valor".
func (r ExchangeRates) DataFrame() (dataframe.DataFrame, error) {
	return newFrame("ExchangeRates.DataFrame", frame.Strings("fecha", append([]string(nil), r.dates...), nil),
		floatSeries("valor", append([]float64(nil), r.values...)))
}

// On returns the rate for a day: the quote of that day or, when there is
// none (weekend, holiday), the quote of the nearest earlier day no more than
// maxGap days before; prev reports that an earlier day was used, and used
// names it.
func (r ExchangeRates) On(day string, maxGap int) (rate float64, used string, prev bool, ok bool) {
	d, err := parseISO(day)
	if err != nil || d.prec != precDay {
		return 0, "", false, false
	}
	return r.on(int64(d.ordinal()), maxGap)
}

func (r ExchangeRates) on(day int64, maxGap int) (float64, string, bool, bool) {
	i := sort.Search(len(r.days), func(k int) bool { return r.days[k] > day }) - 1
	if i < 0 || day-r.days[i] > int64(maxGap) {
		return 0, "", false, false
	}
	return r.values[i], r.dates[i], r.days[i] != day, true
}

// average is the mean quote over days in [from, to]; the table must cover
// the whole period (up to gap days missing at either end).
func (r ExchangeRates) average(from, to int64, gap int) (float64, bool) {
	if len(r.days) == 0 || r.days[0] > from+int64(gap) || r.days[len(r.days)-1] < to-int64(gap) {
		return 0, false
	}
	i := sort.Search(len(r.days), func(k int) bool { return r.days[k] >= from })
	sum, n := 0.0, 0
	for ; i < len(r.days) && r.days[i] <= to; i++ {
		sum += r.values[i]
		n++
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

//go:embed data/banxico_fix_diario_2018_2025.csv
var fixCSV []byte

var fix embedded[ExchangeRates]

// FIX returns Banco de México's FIX exchange rate (SIE series SF43718, pesos
// per US dollar, by fecha de determinación, business days only), 2 January
// 2018 to 1 August 2025, embedded in the package
// (data/banxico_fix_diario_2018_2025.csv, copied from
// AmaKings9/banxico-analisis-inpc-fix-politica data_raw/fix.csv). For other
// dates load a series with ExchangeRatesFromFrame.
func FIX() ExchangeRates {
	return fix.load(fixCSV, func(days []string, rates []float64) (ExchangeRates, error) {
		r, err := NewExchangeRates("FIX", days, rates)
		r.Name = "FIX"
		r.Source = "Banco de México, SIE SF43718, tipo de cambio FIX (pesos por dólar)"
		return r, err
	})
}

// ConvertOptions tunes Convert. The zero value allows a gap of 7 days.
type ConvertOptions struct {
	// MaxGapDays is how many days back to look for a quote when a day has
	// none; zero means 7 (a long holiday weekend plus margin).
	MaxGapDays int
}

// ConvertReport says how Convert found a rate for every amount.
type ConvertReport struct {
	Rows          int      // rows in the table
	Converted     int      // amounts converted
	PreviousDay   int      // converted with the quote of an earlier day (no quote on their date)
	Averaged      int      // month, quarter or year dates converted with the average quote of the period
	MissingAmount int      // amount missing: result missing
	MissingDate   int      // date missing: result missing
	NoRate        int      // no quote for the date: result missing
	NoRateDates   []string // the dates with no quote, sorted
	Examples      []string // a few "date → quote day used" substitutions
	// Period is the date or period given for every row instead of a date
	// column ("2024-06-28", "2024"); "" when a column was read.
	Period string
}

// String prints the report as a short block.
func (r ConvertReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "convert: %d rows, %d amounts converted\n", r.Rows, r.Converted)
	if r.Period != "" {
		fmt.Fprintf(&b, "  every amount converted at the quote of %s\n", r.Period)
	}
	if r.PreviousDay > 0 {
		fmt.Fprintf(&b, "  %d used the quote of an earlier day (e.g. %s)\n", r.PreviousDay, listSome(r.Examples, 3))
	}
	if r.Averaged > 0 {
		fmt.Fprintf(&b, "  %d month, quarter or year dates used the period's average quote\n", r.Averaged)
	}
	if r.MissingAmount+r.MissingDate > 0 {
		fmt.Fprintf(&b, "  %d missing amounts, %d missing dates\n", r.MissingAmount, r.MissingDate)
	}
	if r.NoRate > 0 {
		fmt.Fprintf(&b, "  %d amounts have no quote for their date: %s\n", r.NoRate, listSome(r.NoRateDates, 10))
	}
	return b.String()
}

// Convert multiplies the amounts in amountCol by the rate of their date and
// adds the result as column as (for example dollars to pesos with FIX). A
// day with no quote (weekend, holiday) uses the nearest earlier quote up to
// 7 days back, and the report counts it; a month ("2024-10"), quarter
// ("2024-Q2": 1 April to 30 June) or year ("2024") date uses the average of
// the quotes within that period, counted in the report's Averaged, provided
// the rates cover the whole period (a table that starts or ends more than
// the gap inside it has no quote for it). Amounts with no quote become
// missing and their dates are listed in the report. A date that is not ISO
// is an error (ErrBadDate). When every amount is of the same date or
// period, give it instead of a column: Convert(df, "usd", "2015", fix,
// "mxn") (a column of that name still wins); the report's Period says so.
func Convert(df dataframe.DataFrame, amountCol, dateCol string, rates ExchangeRates, as string) (dataframe.DataFrame, ConvertReport, error) {
	return ConvertOptions{}.Convert(df, amountCol, dateCol, rates, as)
}

// Convert is Convert with these options.
func (o ConvertOptions) Convert(df dataframe.DataFrame, amountCol, dateCol string, rates ExchangeRates, as string) (dataframe.DataFrame, ConvertReport, error) {
	const fn = "Convert"
	var rep ConvertReport
	if err := checkOutName(fn, as, amountCol, dateCol); err != nil {
		return df, rep, err
	}
	gap := o.MaxGapDays
	if gap <= 0 {
		gap = 7
	}
	amt, err := readNumeric(fn, df, amountCol)
	if err != nil {
		return df, rep, err
	}
	dates, constant, err := readPeriod(fn, df, dateCol)
	if err != nil {
		return df, rep, err
	}
	rep.Period = constant
	type hit struct {
		v        float64
		prev     bool
		averaged bool
		used     string
	}
	cache := map[string]hit{}
	noRate := map[string]bool{}
	n := len(amt.f)
	rep.Rows = n
	out := make([]float64, n)
	for i := 0; i < n; i++ {
		out[i] = math.NaN()
		if dates.na[i] {
			rep.MissingDate++
			continue
		}
		raw := dates.str(i)
		if dates.s == nil {
			raw = strconv.FormatFloat(dates.f[i], 'f', -1, 64)
		}
		h, seen := cache[raw]
		if !seen {
			d, err := parseISO(raw)
			if err != nil {
				return df, rep, fmt.Errorf("analyze: %s: column %q row %d: %w", fn, dateCol, i+1, err)
			}
			h.v = math.NaN()
			switch d.prec {
			case precDay:
				if v, used, prev, ok := rates.on(int64(d.ordinal()), gap); ok {
					h = hit{v: v, prev: prev, used: used}
				}
			default:
				from, to := d.dayRange()
				if v, ok := rates.average(from, to, gap); ok {
					h = hit{v: v, averaged: true}
				}
			}
			if math.IsNaN(h.v) {
				noRate[d.String()] = true
			}
			cache[raw] = h
		}
		if amt.na[i] {
			rep.MissingAmount++
			continue
		}
		if math.IsNaN(h.v) {
			rep.NoRate++
			continue
		}
		out[i] = amt.f[i] * h.v
		rep.Converted++
		if h.prev {
			rep.PreviousDay++
			if len(rep.Examples) < 3 {
				rep.Examples = append(rep.Examples, raw+" → "+h.used)
			}
		}
		if h.averaged {
			rep.Averaged++
		}
	}
	for d := range noRate {
		rep.NoRateDates = append(rep.NoRateDates, d)
	}
	sort.Strings(rep.NoRateDates)
	res, err := withColumns(fn, df, floatSeries(as, out))
	return res, rep, err
}
