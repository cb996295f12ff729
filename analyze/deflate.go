package analyze

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// DeflateReport says what Deflate did and which amounts it could not
// convert.
type DeflateReport struct {
	Base          string   // the base period asked for
	BaseValue     float64  // the index value of the base period
	Rows          int      // rows in the table
	Deflated      int      // amounts converted to constant pesos
	MissingAmount int      // amount missing: result missing
	MissingDate   int      // date missing: result missing
	NotInIndex    int      // amounts whose period is not in the index: result missing
	Periods       []string // the periods not in the index, sorted
	// Period is the period given for every row instead of a date column
	// ("2015"); "" when a column was read.
	Period string
}

// String prints the report as a short block.
func (r DeflateReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "deflate: %d rows, %d amounts in constant pesos of %s (index %.6g)\n", r.Rows, r.Deflated, r.Base, r.BaseValue)
	if r.Period != "" {
		fmt.Fprintf(&b, "  every amount taken as of %s\n", r.Period)
	}
	if r.MissingAmount+r.MissingDate > 0 {
		fmt.Fprintf(&b, "  %d missing amounts, %d missing dates\n", r.MissingAmount, r.MissingDate)
	}
	if r.NotInIndex > 0 {
		fmt.Fprintf(&b, "  %d amounts have no index value for their period: %s\n", r.NotInIndex, listSome(r.Periods, 10))
	}
	return b.String()
}

func listSome(v []string, max int) string {
	if len(v) <= max {
		return strings.Join(v, ", ")
	}
	return strings.Join(v[:max], ", ") + fmt.Sprintf(" and %d more", len(v)-max)
}

// Deflate converts the nominal amounts in amountCol to constant pesos of the
// base period and adds them as "<amountCol>_real":
//
//	real = amount × index(base) / index(period of the row)
//
// With a monthly index (such as INPC) the base is a month ("2024-03"), a
// quarter ("2023-Q4", the average of its three monthly values) or a year
// ("2023", the average of its twelve). The period of each row comes from
// dateCol: a day ("2024-10-17", or with a time after it) or a month
// ("2024-10") uses that month's index; a quarter ("2024-Q3", as clean.Dates
// writes quarterly data) uses the average of the quarter's three months; a
// year ("2019", or an Int year column) uses the annual average, which is
// how annual amounts such as the Cuenta Pública are deflated. A quarter or
// year is deflated only when every one of its months is in the index:
// with one month missing (for example a quarter that ends after the last
// published month) the amount is not in the index, never an average of
// fewer months. With a quarterly index (NewPriceIndex with "2024-Q1" periods)
// the base and the rows are quarters or years (the average of four
// quarters); months and days are not in a quarterly index.
//
// When every row is of the same period, give the period itself instead of
// a column: Deflate(df, "monto", "2015", inpc, "2024") (a column of that
// name, as a wide table may have, still wins); the report's Period says so.
//
// Amounts whose period is not in the index become missing and their
// periods are listed in the report; a date that is not ISO is an error
// (ErrBadDate: clean the dates first); a base not in the index is an error
// (ErrNoBase).
func Deflate(df dataframe.DataFrame, amountCol, dateCol string, index PriceIndex, base string) (dataframe.DataFrame, DeflateReport, error) {
	const fn = "Deflate"
	rep := DeflateReport{Base: base}
	bd, err := parseISO(base)
	if err != nil {
		return df, rep, fmt.Errorf("analyze: %s: base: %w", fn, err)
	}
	bv, ok := index.value(bd)
	if !ok {
		first, last := index.Range()
		return df, rep, fmt.Errorf("analyze: %s: base %q is not in the index %s (%s to %s; %s): %w", fn, base, index.Name, first, last, needs(index), ErrNoBase)
	}
	rep.BaseValue = bv
	amt, err := readNumeric(fn, df, amountCol)
	if err != nil {
		return df, rep, err
	}
	dates, constant, err := readPeriod(fn, df, dateCol)
	if err != nil {
		return df, rep, err
	}
	rep.Period = constant
	n := len(amt.f)
	rep.Rows = n
	out := make([]float64, n)
	cache := map[string]float64{}
	missingPeriods := map[string]bool{}
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
		v, seen := cache[raw]
		if !seen {
			d, err := parseISO(raw)
			if err != nil {
				return df, rep, fmt.Errorf("analyze: %s: column %q row %d: %w", fn, dateCol, i+1, err)
			}
			x, ok := index.value(d)
			if !ok {
				x = math.NaN()
				missingPeriods[periodOf(d)] = true
			}
			cache[raw], v = x, x
		}
		if amt.na[i] {
			rep.MissingAmount++
			continue
		}
		if math.IsNaN(v) {
			rep.NotInIndex++
			continue
		}
		out[i] = amt.f[i] * bv / v
		rep.Deflated++
	}
	for p := range missingPeriods {
		rep.Periods = append(rep.Periods, p)
	}
	sort.Strings(rep.Periods)
	res, err := withColumns(fn, df, floatSeries(amountCol+"_real", out))
	return res, rep, err
}

// periodOf is the index period a date asks for: a day asks for its month,
// a month, quarter or year for itself.
func periodOf(d isoDate) string {
	if d.prec == precDay {
		return d.month()
	}
	return d.String()
}

// needs says which periods an average needs, for error messages.
func needs(ix PriceIndex) string {
	if ix.Quarterly() {
		return "a quarterly index has no months; a year needs all 4 quarters"
	}
	return "a quarter needs its 3 months, a year all 12"
}
