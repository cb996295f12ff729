package frame

import (
	"math"
	"strconv"

	"github.com/go-gota/gota/series"
)

// Building number series without boxing every value.
//
// series.New over []float64 or []int hands each value to the element's Set
// as an interface{}, which allocates it on the heap (all but the integers
// below 256): a million small objects for a million-row column, and the
// collections that follow. gota's number elements also accept another
// Element in Set and read it through Float or Int. So the series is
// created from a []bool of false (booleans box without allocating; false
// reads as 0), and every value that is not zero is set through one reused
// source element: the same values and missing flags as series.New, with
// the public API only.

// floatSource is a series.Element holding one float64, to be read by Set.
type floatSource struct{ v float64 }

// intSource is a series.Element holding one int, to be read by Set.
type intSource struct{ v int }

func (e *floatSource) Set(any)                         {}
func (e *floatSource) Eq(o series.Element) bool        { return e.v == o.Float() }
func (e *floatSource) Neq(o series.Element) bool       { return e.v != o.Float() }
func (e *floatSource) Less(o series.Element) bool      { return e.v < o.Float() }
func (e *floatSource) LessEq(o series.Element) bool    { return e.v <= o.Float() }
func (e *floatSource) Greater(o series.Element) bool   { return e.v > o.Float() }
func (e *floatSource) GreaterEq(o series.Element) bool { return e.v >= o.Float() }
func (e *floatSource) Copy() series.Element            { c := *e; return &c }
func (e *floatSource) Val() series.ElementValue        { return e.v }
func (e *floatSource) String() string                  { return strconv.FormatFloat(e.v, 'f', -1, 64) }
func (e *floatSource) Int() (int, error)               { return int(e.v), nil }
func (e *floatSource) Float() float64                  { return e.v }
func (e *floatSource) Bool() (bool, error)             { return e.v != 0, nil }
func (e *floatSource) IsNA() bool                      { return math.IsNaN(e.v) }
func (e *floatSource) Type() series.Type               { return series.Float }

func (e *intSource) Set(any)                         {}
func (e *intSource) Eq(o series.Element) bool        { return float64(e.v) == o.Float() }
func (e *intSource) Neq(o series.Element) bool       { return float64(e.v) != o.Float() }
func (e *intSource) Less(o series.Element) bool      { return float64(e.v) < o.Float() }
func (e *intSource) LessEq(o series.Element) bool    { return float64(e.v) <= o.Float() }
func (e *intSource) Greater(o series.Element) bool   { return float64(e.v) > o.Float() }
func (e *intSource) GreaterEq(o series.Element) bool { return float64(e.v) >= o.Float() }
func (e *intSource) Copy() series.Element            { c := *e; return &c }
func (e *intSource) Val() series.ElementValue        { return e.v }
func (e *intSource) String() string                  { return strconv.Itoa(e.v) }
func (e *intSource) Int() (int, error)               { return e.v, nil }
func (e *intSource) Float() float64                  { return float64(e.v) }
func (e *intSource) Bool() (bool, error)             { return e.v != 0, nil }
func (e *intSource) IsNA() bool                      { return false }
func (e *intSource) Type() series.Type               { return series.Int }

// newFloats is series.New(v, series.Float, name) without boxing.
func newFloats(name string, v []float64) series.Series {
	s := series.New(make([]bool, len(v)), series.Float, name)
	src := &floatSource{}
	for i, x := range v {
		if math.Float64bits(x) != 0 { // -0 too: false reads as +0
			src.v = x
			s.Elem(i).Set(src)
		}
	}
	return s
}

// newInts is series.New(v, series.Int, name) without boxing.
func newInts(name string, v []int) series.Series {
	s := series.New(make([]bool, len(v)), series.Int, name)
	src := &intSource{}
	for i, x := range v {
		if x != 0 {
			src.v = x
			s.Elem(i).Set(src)
		}
	}
	return s
}
