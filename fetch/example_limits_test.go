package fetch_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/fetch"
)

// A reader stops at its budgets while the data stream in, with an error
// that names the budget and how to raise it; here a line longer than the
// lowered LineBytes.
func ExampleWithLimits() {
	in := "municipio,total\n" + strings.Repeat("x", 2000) + ",1\n"
	_, err := fetch.ReadCSV(strings.NewReader(in), fetch.WithLimits(fetch.Limits{LineBytes: 1000}))
	fmt.Println(errors.Is(err, fetch.ErrTooLarge))
	fmt.Println(err)

	df, err := fetch.ReadCSV(strings.NewReader(in), fetch.WithLimits(fetch.Limits{LineBytes: 4000}))
	fmt.Println(df.Nrow(), err)
	// Output:
	// true
	// fetch: -: a line longer than 1000 bytes (before byte 2019): over the limit of 1000: too large (raise it with fetch.WithLimits(fetch.Limits{LineBytes: …}))
	// 1 <nil>
}
