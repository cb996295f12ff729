package analyze

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// embedded is a series shipped inside the package (INPC, FIX), built once
// from its CSV on first use.
type embedded[T any] struct {
	once sync.Once
	v    T
}

// load returns the series, building it from data ("date,value" CSV with a
// header) with build the first time. If the data cannot be read, which the
// tests rule out, build gets no rows and its error is dropped: the result
// is an empty series, so every lookup misses and is reported, instead of a
// panic.
func (e *embedded[T]) load(data []byte, build func(dates []string, values []float64) (T, error)) T {
	e.once.Do(func() {
		dates, vals, err := readEmbedded(data)
		if err != nil {
			dates, vals = nil, nil
		}
		v, err := build(dates, vals)
		if err != nil {
			v, _ = build(nil, nil)
		}
		e.v = v
	})
	return e.v
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
