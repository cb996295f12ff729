package ledger

import (
	"math"
	"strconv"
	"strings"
)

// formatNumber writes v as published in es-MX: the decimal mark is ".",
// thousands are grouped with "," from four integer digits ("1,234"; with
// grouping false, "1234"), and the value is rounded to dec decimals half
// away from zero on its shortest decimal form (85.65 → "85.7", 2.675 →
// "2.68", as a reader with a calculator would round). A result that
// rounds to zero carries no minus sign. v must be finite.
func formatNumber(v float64, dec int, grouping bool) string {
	neg := v < 0
	digits := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	intPart, frac, _ := strings.Cut(digits, ".")
	if len(frac) > dec {
		up := frac[dec] >= '5'
		frac = frac[:dec]
		if up {
			intPart, frac = roundUp(intPart, frac)
		}
	}
	for len(frac) < dec {
		frac += "0"
	}
	if grouping && len(intPart) >= 4 {
		intPart = group(intPart)
	}
	s := intPart
	if dec > 0 {
		s += "." + frac
	}
	if neg && strings.Trim(s, "0.,") != "" {
		s = "-" + s
	}
	return s
}

// roundUp adds one unit in the last place of intPart.frac.
func roundUp(intPart, frac string) (string, string) {
	b := []byte(intPart + frac)
	i := len(b) - 1
	for ; i >= 0; i-- {
		if b[i] == '9' {
			b[i] = '0'
			continue
		}
		b[i]++
		break
	}
	s := string(b)
	if i < 0 {
		s = "1" + s
	}
	n := len(s) - len(frac)
	return s[:n], s[n:]
}

// group puts "," between groups of three digits.
func group(d string) string {
	var b strings.Builder
	pre := len(d) % 3
	b.WriteString(d[:pre])
	for i := pre; i < len(d); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(d[i : i+3])
	}
	return b.String()
}

// autoDecimals is the rounding a figure gets when Decimals is not given:
// none for whole numbers (counts), two below 1 in absolute value, one
// otherwise (rates, percentages, amounts).
func autoDecimals(v float64) int {
	switch {
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return 0
	case math.Abs(v) < 1:
		return 2
	}
	return 1
}

// roundingRule says in words how a figure was rounded.
func roundingRule(dec int) string {
	switch dec {
	case 0:
		return "nearest whole number, half away from zero"
	case 1:
		return "1 decimal, half away from zero"
	}
	return strconv.Itoa(dec) + " decimals, half away from zero"
}

// decimalsES says in Spanish how a figure was rounded.
func decimalsES(dec int) string {
	switch dec {
	case 0:
		return "entero"
	case 1:
		return "1 decimal"
	}
	return strconv.Itoa(dec) + " decimales"
}
