package analyze

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/internal/frame"
)

// Currencies converts a column of amounts written in several currencies
// (procurement files carry a MONEDA column with "MXN", "USD", "EUR"…) into
// one currency, the way a reporter sums them: amounts already in the home
// currency are kept, the others are converted by the rate of their date,
// and those that cannot be converted are left out and counted.
//
//	c := analyze.Currencies{Home: "MXN", Rates: map[string]analyze.ExchangeRates{"USD": analyze.FIX()}}
//	df, rep, err := c.ConvertMixed(df, "importe", "moneda", "fecha", "importe_mxn")
type Currencies struct {
	// Home is the currency of the result ("MXN"); rows in it keep their
	// amount.
	Home string
	// Rates gives, for each other currency code, its value in Home units
	// by date ("USD": FIX()).
	Rates map[string]ExchangeRates
	// MaxGapDays is how many days back a rate may be taken from when a day
	// has none, as in ConvertOptions; zero means 7.
	MaxGapDays int
}

// CurrenciesReport says what Currencies.ConvertMixed did with each
// currency.
type CurrenciesReport struct {
	Home string
	Rows int // rows in the table
	// Kept counts rows already in the home currency (their amount, or a
	// missing amount, is copied).
	Kept int
	// KeptMissing counts the home-currency rows whose amount is missing.
	KeptMissing int
	// Converted holds, per currency with rates, the report of its
	// conversion (amounts converted, dates with no rate).
	Converted map[string]ConvertReport
	// NoRates counts, per currency code, rows in a currency with no rates:
	// their result is missing. The key "" counts rows with no currency.
	NoRates map[string]int
}

// Missing is the number of rows whose converted amount is missing: no
// currency, a currency with no rates, no rate for the date, or a missing
// amount or date.
func (r CurrenciesReport) Missing() int {
	n := r.KeptMissing
	for _, c := range r.Converted {
		n += c.Rows - c.Converted
	}
	for _, k := range r.NoRates {
		n += k
	}
	return n
}

// String prints the report as a short block.
func (r CurrenciesReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "currencies: %d rows into %s; %d already in %s", r.Rows, r.Home, r.Kept, r.Home)
	if r.KeptMissing > 0 {
		fmt.Fprintf(&b, " (%d with a missing amount)", r.KeptMissing)
	}
	if m := r.Missing(); m > 0 {
		fmt.Fprintf(&b, "; %d left missing", m)
	}
	b.WriteString("\n")
	for _, code := range sortedKeys(r.Converted) {
		c := r.Converted[code]
		fmt.Fprintf(&b, "  %s: %d rows, %d converted", code, c.Rows, c.Converted)
		if c.NoRate > 0 {
			fmt.Fprintf(&b, "; %d with no rate for their date (%s)", c.NoRate, listSome(c.NoRateDates, 5))
		}
		if c.MissingAmount+c.MissingDate > 0 {
			fmt.Fprintf(&b, "; %d missing amounts, %d missing dates", c.MissingAmount, c.MissingDate)
		}
		if c.PreviousDay > 0 {
			fmt.Fprintf(&b, "; %d used an earlier day's rate", c.PreviousDay)
		}
		b.WriteString("\n")
	}
	for _, code := range sortedKeys(r.NoRates) {
		if code == "" {
			fmt.Fprintf(&b, "  %d rows with no currency: left missing\n", r.NoRates[code])
			continue
		}
		fmt.Fprintf(&b, "  %s: %d rows, no rates given: left missing\n", code, r.NoRates[code])
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	k := make([]string, 0, len(m))
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}

// ConvertMixed adds the column as holding amountCol in the home currency:
// rows whose currencyCol is Home keep their amount; rows in a currency of
// Rates are multiplied by the rate of their date (dateCol, ISO dates) as
// Convert does, with the same fallbacks (an earlier day within MaxGapDays,
// the average of a month or year); rows in another currency, with no
// currency, or with no rate for their date get a missing value, and the
// report counts them by currency. Currency codes are compared trimmed and
// without regard to case ("usd " is "USD").
//
// Errors: an empty Home (ErrArgument), a missing column (ErrNoColumn),
// a non-numeric amount column (ErrNotNumeric), a date that is not ISO in a
// row that needs a rate (ErrBadDate), an output name that is empty or
// overwrites an input (ErrArgument).
func (c Currencies) ConvertMixed(df dataframe.DataFrame, amountCol, currencyCol, dateCol, as string) (dataframe.DataFrame, CurrenciesReport, error) {
	const fn = "Currencies.ConvertMixed"
	home := normCurrency(c.Home)
	rep := CurrenciesReport{Home: home, Converted: map[string]ConvertReport{}, NoRates: map[string]int{}}
	if home == "" {
		return df, rep, fmt.Errorf("analyze: %s: empty Home currency: %w", fn, ErrArgument)
	}
	if err := checkOutName(fn, as, amountCol, currencyCol, dateCol); err != nil {
		return df, rep, err
	}
	amt, err := readNumeric(fn, df, amountCol)
	if err != nil {
		return df, rep, err
	}
	cur, err := readColumn(fn, df, currencyCol)
	if err != nil {
		return df, rep, err
	}
	dates, err := readColumn(fn, df, dateCol)
	if err != nil {
		return df, rep, err
	}
	rates := make(map[string]ExchangeRates, len(c.Rates))
	for code, r := range c.Rates {
		rates[normCurrency(code)] = r
	}
	n := len(amt.f)
	rep.Rows = n
	out := make([]float64, n)
	rowsOf := map[string][]int{}
	for i := 0; i < n; i++ {
		out[i] = math.NaN()
		code := normCurrency(cur.str(i))
		switch {
		case code == home:
			rep.Kept++
			out[i] = amt.f[i] // NaN when missing
			if amt.na[i] {
				rep.KeptMissing++
			}
		case code == "":
			rep.NoRates[""]++
		default:
			if _, ok := rates[code]; ok {
				if !dates.na[i] {
					if _, err := parseISO(dates.str(i)); err != nil {
						return df, rep, fmt.Errorf("analyze: %s: column %q row %d: %w", fn, dateCol, i+1, err)
					}
				}
				rowsOf[code] = append(rowsOf[code], i)
			} else {
				rep.NoRates[code]++
			}
		}
	}
	for code, rows := range rowsOf {
		// Convert the rows of one currency with Convert itself, on a small
		// table of their amounts and dates, and put the results back.
		a := make([]float64, len(rows))
		aNA := make([]bool, len(rows))
		d := make([]string, len(rows))
		dNA := make([]bool, len(rows))
		for j, i := range rows {
			a[j], aNA[j] = amt.f[i], amt.na[i]
			d[j], dNA[j] = dates.str(i), dates.na[i]
		}
		sub, err := newFrame(fn, frame.Floats("amount", a, aNA), frame.Strings("date", d, dNA))
		if err != nil {
			return df, rep, err
		}
		conv, crep, err := ConvertOptions{MaxGapDays: c.MaxGapDays}.Convert(sub, "amount", "date", rates[code], "converted")
		if err != nil {
			return df, rep, fmt.Errorf("analyze: %s: currency %s: column %q: %w", fn, code, dateCol, err)
		}
		rep.Converted[code] = crep
		v, _ := frame.FloatsOf(conv.Col("converted"))
		for j, i := range rows {
			out[i] = v[j]
		}
	}
	res, err := withColumns(fn, df, floatSeries(as, out))
	return res, rep, err
}

func normCurrency(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
