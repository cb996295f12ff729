package analyze

import (
	_ "embed"
	"fmt"
	"math"
	"sort"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// PriceIndex is a price index (such as the INPC) with one value per month
// "YYYY-MM" or, for a quarterly index (such as INEGI's implicit GDP price
// index), one value per quarter "YYYY-Qn". Build one with NewPriceIndex or
// PriceIndexFromFrame, or use INPC.
type PriceIndex struct {
	Name   string // e.g. "INPC"
	Base   string // e.g. "2a quincena de julio de 2018 = 100"
	Source string // publisher and where the values come from
	// periods are the keys, ascending: "YYYY-MM" or, when quarterly,
	// "YYYY-Qn".
	months    []string
	values    []float64
	quarterly bool
}

// NewPriceIndex builds a PriceIndex from periods and positive values. The periods
// are either all months (ISO "2024-03", or a day "2024-03-01", whose day is
// ignored), giving a monthly index, or all quarters ("2024-Q1", as
// clean.Dates writes them), giving a quarterly index. A quarter is never
// taken for a month: mixing quarters with months is an error, as are a
// year, a bad or repeated period and a value that is missing or ≤ 0.
func NewPriceIndex(name string, months []string, values []float64) (PriceIndex, error) {
	if len(months) != len(values) {
		return PriceIndex{}, fmt.Errorf("analyze: NewPriceIndex: %d months and %d values: %w", len(months), len(values), ErrArgument)
	}
	type mv struct {
		m string
		v float64
	}
	pts := make([]mv, len(months))
	quarterly := false
	for i, m := range months {
		d, err := parseISO(m)
		if err != nil || d.prec == precYear {
			return PriceIndex{}, fmt.Errorf("analyze: NewPriceIndex: row %d: month %q (want 2024-03, 2024-03-01 or a quarter 2024-Q1): %w", i+1, m, ErrBadDate)
		}
		q := d.prec == precQuarter
		if i == 0 {
			quarterly = q
		} else if q != quarterly {
			return PriceIndex{}, fmt.Errorf("analyze: NewPriceIndex: row %d: %q mixes quarters and months (row 1 is %q); an index is either monthly or quarterly: %w",
				i+1, m, months[0], ErrBadDate)
		}
		if !(values[i] > 0) || math.IsInf(values[i], 0) {
			return PriceIndex{}, fmt.Errorf("analyze: NewPriceIndex: row %d (%s): value %v is not a positive number: %w", i+1, m, values[i], ErrArgument)
		}
		pts[i] = mv{d.String(), values[i]}
		if d.prec != precQuarter {
			pts[i].m = d.month()
		}
	}
	sort.SliceStable(pts, func(a, b int) bool { return pts[a].m < pts[b].m })
	ix := PriceIndex{Name: name, months: make([]string, len(pts)), values: make([]float64, len(pts)), quarterly: quarterly}
	for i, p := range pts {
		if i > 0 && p.m == pts[i-1].m {
			return PriceIndex{}, fmt.Errorf("analyze: NewPriceIndex: period %s appears twice: %w", p.m, ErrArgument)
		}
		ix.months[i], ix.values[i] = p.m, p.v
	}
	return ix, nil
}

// PriceIndexFromFrame builds a PriceIndex from a table with a period column (months
// or quarters, as NewPriceIndex takes them) and a value column (for example a
// newer INPC series read with fetch).
func PriceIndexFromFrame(df dataframe.DataFrame, monthCol, valueCol string) (PriceIndex, error) {
	const fn = "PriceIndexFromFrame"
	m, err := readColumn(fn, df, monthCol)
	if err != nil {
		return PriceIndex{}, err
	}
	v, err := readNumeric(fn, df, valueCol)
	if err != nil {
		return PriceIndex{}, err
	}
	months := make([]string, len(v.f))
	for i := range months {
		months[i] = m.str(i)
	}
	return NewPriceIndex(valueCol, months, v.f)
}

// Len is the number of periods (months, or quarters) in the index.
func (ix PriceIndex) Len() int { return len(ix.months) }

// Quarterly reports whether the index has one value per quarter
// ("YYYY-Qn") instead of one per month.
func (ix PriceIndex) Quarterly() bool { return ix.quarterly }

// Range returns the first and last period of the index ("YYYY-MM", or
// "YYYY-Qn" for a quarterly index).
func (ix PriceIndex) Range() (first, last string) {
	if len(ix.months) == 0 {
		return "", ""
	}
	return ix.months[0], ix.months[len(ix.months)-1]
}

// Month returns the value of a month "YYYY-MM" (for a quarterly index, of
// a quarter "YYYY-Qn"), exactly as stored: no averaging.
func (ix PriceIndex) Month(month string) (float64, bool) {
	i := sort.SearchStrings(ix.months, month)
	if i < len(ix.months) && ix.months[i] == month {
		return ix.values[i], true
	}
	return 0, false
}

// Value returns the index for a period. In a monthly index a month
// ("2024-03", or a day "2024-03-15", which uses its month) is that month's
// value; a quarter ("2024-Q1") is the average of its three months and a
// year ("2023") the average of its twelve, each available only when every
// one of those months is (never an average of fewer). In a quarterly index
// a quarter is its value and a year the average of its four quarters (all
// four needed); a month or a day is not available, since the index does not
// say how prices moved within the quarter.
func (ix PriceIndex) Value(period string) (float64, bool) {
	d, err := parseISO(period)
	if err != nil {
		return 0, false
	}
	return ix.value(d)
}

func (ix PriceIndex) value(d isoDate) (float64, bool) {
	if ix.quarterly {
		switch d.prec {
		case precQuarter:
			return ix.Month(d.String())
		case precYear:
			return ix.mean(fmt.Sprintf("%04d-Q1", d.y), 4)
		}
		return 0, false
	}
	switch d.prec {
	case precYear:
		return ix.mean(fmt.Sprintf("%04d-01", d.y), 12)
	case precQuarter:
		return ix.mean(fmt.Sprintf("%04d-%02d", d.y, d.m), 3)
	}
	return ix.Month(d.month())
}

// mean averages the n consecutive periods starting at first, and fails
// unless all n are in the index (the keys are sorted, so they are the n
// entries from first on, provided the last one is first's year's n-th).
func (ix PriceIndex) mean(first string, n int) (float64, bool) {
	i := sort.SearchStrings(ix.months, first)
	if i+n > len(ix.months) || ix.months[i] != first {
		return 0, false
	}
	d, err := parseISO(first)
	if err != nil {
		return 0, false
	}
	sum := 0.0
	for k := 0; k < n; k++ {
		var want string
		if d.prec == precQuarter {
			want = fmt.Sprintf("%04d-Q%d", d.y, d.q+k)
		} else {
			want = fmt.Sprintf("%04d-%02d", d.y, d.m+k)
		}
		if ix.months[i+k] != want {
			return 0, false
		}
		sum += ix.values[i+k]
	}
	return sum / float64(n), true
}

// DataFrame returns the index as a table with columns "fecha" ("YYYY-MM",
// or "YYYY-Qn" for a quarterly index) and "valor".
func (ix PriceIndex) DataFrame() (dataframe.DataFrame, error) {
	return newFrame("PriceIndex.DataFrame", frame.Strings("fecha", append([]string(nil), ix.months...), nil),
		floatSeries("valor", append([]float64(nil), ix.values...)))
}

//go:embed data/inegi_inpc_mensual_1969_2024.csv
var inpcCSV []byte

var inpc embedded[PriceIndex]

// INPC returns INEGI's Índice Nacional de Precios al Consumidor, general
// index, monthly, January 1969 to March 2024, base "2a quincena de julio de
// 2018 = 100" (INEGI series 910420 / Banxico SP1). The values are embedded
// in the package (data/inegi_inpc_mensual_1969_2024.csv, copied from
// lapanquecita/cuenta-publica assets/IPC.csv, which republishes INEGI's
// series). For later months load a newer series with PriceIndexFromFrame.
func INPC() PriceIndex {
	return inpc.load(inpcCSV, func(months []string, values []float64) (PriceIndex, error) {
		ix, err := NewPriceIndex("INPC", months, values)
		ix.Name = "INPC"
		ix.Base = "2a quincena de julio de 2018 = 100"
		ix.Source = "INEGI, Índice Nacional de Precios al Consumidor (INPC), índice general mensual"
		return ix, err
	})
}
