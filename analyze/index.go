package analyze

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// Index is a monthly price index (such as the INPC): one value per month
// "YYYY-MM". Build one with NewIndex or IndexFromFrame, or use INPC.
type Index struct {
	Name   string // e.g. "INPC"
	Base   string // e.g. "2a quincena de julio de 2018 = 100"
	Source string // publisher and where the values come from
	months []string
	values []float64
}

// NewIndex builds an Index from months (ISO "2024-03" or a day "2024-03-01",
// whose day is ignored) and positive values. A bad month, a repeated month
// or a value that is missing or ≤ 0 is an error.
func NewIndex(name string, months []string, values []float64) (Index, error) {
	if len(months) != len(values) {
		return Index{}, fmt.Errorf("analyze: NewIndex: %d months and %d values: %w", len(months), len(values), ErrBadArgument)
	}
	type mv struct {
		m string
		v float64
	}
	pts := make([]mv, len(months))
	for i, m := range months {
		d, err := parseISO(m)
		if err != nil || d.prec == precYear {
			return Index{}, fmt.Errorf("analyze: NewIndex: row %d: month %q: %w", i+1, m, ErrBadDate)
		}
		if !(values[i] > 0) || math.IsInf(values[i], 0) {
			return Index{}, fmt.Errorf("analyze: NewIndex: row %d (%s): value %v is not a positive number: %w", i+1, m, values[i], ErrBadArgument)
		}
		pts[i] = mv{d.month(), values[i]}
	}
	sort.SliceStable(pts, func(a, b int) bool { return pts[a].m < pts[b].m })
	ix := Index{Name: name, months: make([]string, len(pts)), values: make([]float64, len(pts))}
	for i, p := range pts {
		if i > 0 && p.m == pts[i-1].m {
			return Index{}, fmt.Errorf("analyze: NewIndex: month %s appears twice: %w", p.m, ErrBadArgument)
		}
		ix.months[i], ix.values[i] = p.m, p.v
	}
	return ix, nil
}

// IndexFromFrame builds an Index from a table with a month column and a
// value column (for example a newer INPC series read with fetch).
func IndexFromFrame(df dataframe.DataFrame, monthCol, valueCol string) (Index, error) {
	const fn = "IndexFromFrame"
	m, err := readColumn(fn, df, monthCol)
	if err != nil {
		return Index{}, err
	}
	v, err := readNumeric(fn, df, valueCol)
	if err != nil {
		return Index{}, err
	}
	months := make([]string, len(v.f))
	for i := range months {
		months[i] = m.str(i)
	}
	return NewIndex(valueCol, months, v.f)
}

// Len is the number of months in the index.
func (ix Index) Len() int { return len(ix.months) }

// Range returns the first and last month of the index.
func (ix Index) Range() (first, last string) {
	if len(ix.months) == 0 {
		return "", ""
	}
	return ix.months[0], ix.months[len(ix.months)-1]
}

// Month returns the value of a month "YYYY-MM".
func (ix Index) Month(month string) (float64, bool) {
	i := sort.SearchStrings(ix.months, month)
	if i < len(ix.months) && ix.months[i] == month {
		return ix.values[i], true
	}
	return 0, false
}

// Value returns the index for a period: a month ("2024-03", or a day
// "2024-03-15", which uses its month) or a year ("2023"), which is the
// average of its twelve months and is not available until all twelve are.
func (ix Index) Value(period string) (float64, bool) {
	d, err := parseISO(period)
	if err != nil {
		return 0, false
	}
	return ix.value(d)
}

func (ix Index) value(d isoDate) (float64, bool) {
	if d.prec != precYear {
		return ix.Month(d.month())
	}
	prefix := fmt.Sprintf("%04d-", d.y)
	i := sort.SearchStrings(ix.months, prefix)
	sum, n := 0.0, 0
	for ; i < len(ix.months) && strings.HasPrefix(ix.months[i], prefix); i++ {
		sum += ix.values[i]
		n++
	}
	if n != 12 {
		return 0, false
	}
	return sum / 12, true
}

// DataFrame returns the index as a table with columns "fecha" ("YYYY-MM")
// and "valor".
func (ix Index) DataFrame() (dataframe.DataFrame, error) {
	return newFrame("Index.DataFrame", frame.Strings("fecha", append([]string(nil), ix.months...), nil),
		floatSeries("valor", append([]float64(nil), ix.values...)))
}

//go:embed data/inegi_inpc_mensual_1969_2024.csv
var inpcCSV []byte

var (
	inpcOnce sync.Once
	inpcIx   Index
)

// INPC returns INEGI's Índice Nacional de Precios al Consumidor, general
// index, monthly, January 1969 to March 2024, base "2a quincena de julio de
// 2018 = 100" (INEGI series 910420 / Banxico SP1). The values are embedded
// in the package (data/inegi_inpc_mensual_1969_2024.csv, copied from
// lapanquecita/cuenta-publica assets/IPC.csv, which republishes INEGI's
// series). For later months load a newer series with IndexFromFrame.
func INPC() Index {
	inpcOnce.Do(func() {
		months, values, err := readEmbedded(inpcCSV)
		ix := Index{Name: "INPC"}
		if err == nil {
			ix, err = NewIndex("INPC", months, values)
		}
		if err != nil {
			// Cannot happen (the tests load it); an empty index makes every
			// Deflate fail with ErrNoBase instead of panicking.
			ix = Index{Name: "INPC"}
		}
		ix.Base = "2a quincena de julio de 2018 = 100"
		ix.Source = "INEGI, Índice Nacional de Precios al Consumidor (INPC), índice general mensual"
		inpcIx = ix
	})
	return inpcIx
}

// readEmbedded reads a two-column "date,value" CSV with a header.
func readEmbedded(b []byte) ([]string, []float64, error) {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, nil, err
	}
	if len(recs) < 2 {
		return nil, nil, fmt.Errorf("no rows")
	}
	dates := make([]string, 0, len(recs)-1)
	vals := make([]float64, 0, len(recs)-1)
	for i, r := range recs[1:] {
		if len(r) < 2 {
			return nil, nil, fmt.Errorf("row %d: %d fields", i+1, len(r))
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(r[1]), 64)
		if err != nil {
			return nil, nil, fmt.Errorf("row %d: %w", i+1, err)
		}
		dates = append(dates, strings.TrimSpace(r[0]))
		vals = append(vals, v)
	}
	return dates, vals, nil
}
