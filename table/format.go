package table

import (
	"math"
	"strconv"
	"strings"
)

// formatNumber writes x with dec decimals and thousands commas, as Mexican
// publications do: 1,234,567.89.
func formatNumber(x float64, dec int) string {
	if math.IsInf(x, 0) {
		if x > 0 {
			return "∞"
		}
		return "-∞"
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	return group(s)
}

// group puts thousands commas into the integer part of a number written
// with a point for decimals.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	first := len(intPart) % 3
	if first > 0 {
		b.WriteString(intPart[:first])
	}
	for i := first; i < len(intPart); i += 3 {
		if b.Len() > len(sign) {
			b.WriteByte(',')
		}
		b.WriteString(intPart[i : i+3])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// columnDecimals chooses the decimals of a Float column: Decimals when
// given, else as many as its values need at 7 significant digits (at most
// 6), and for values from 100,000 up the cents they have (an amount of
// 3,837,574,934.77 pesos keeps its cents), so that the points line up.
func columnDecimals(v []float64, na []bool, c *config) int {
	if c.fixed {
		return c.decimals
	}
	dec := 0
	for i, x := range v {
		if na[i] || math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		d := decimalsOf(x)
		if math.Abs(x) >= 1e5 {
			d = centsOf(x)
		}
		if d > dec {
			dec = d
		}
	}
	if dec > 6 {
		dec = 6
	}
	return dec
}

// centsOf is the number of decimals (0, 1 or 2) x needs to the cent.
func centsOf(x float64) int {
	c := math.Round(math.Abs(x) * 100)
	switch {
	case math.Mod(c, 100) == 0:
		return 0
	case math.Mod(c, 10) == 0:
		return 1
	}
	return 2
}

// isYears reports whether every value present is a whole number from 1800
// to 2199, a column of years that is written without thousands commas.
func isYears(v []float64, na []bool) bool {
	seen := false
	for i, x := range v {
		if na[i] {
			continue
		}
		if x != math.Trunc(x) || x < 1800 || x > 2199 {
			return false
		}
		seen = true
	}
	return seen
}

// decimalsOf is the number of decimals x needs when written with 7
// significant digits (44.89935075 → 5, 0.30000000000000004 → 1).
func decimalsOf(x float64) int {
	s := strconv.FormatFloat(x, 'e', 6, 64) // d.dddddde±XX
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	digits := strings.TrimRight(strings.Replace(strings.TrimPrefix(mant, "-"), ".", "", 1), "0")
	d := len(digits) - 1 - e
	if d < 0 {
		return 0
	}
	return d
}
