package clean

import (
	"math"
	"strconv"
)

// exactInt returns the exact integer written in raw when v (its parsed
// value) is a whole number too large for float64 to hold every digit
// (|v| ≥ 2^53) and the digits fit int64: "9007199254740993" is
// 9007199254740993, where float64 says …992. dec is the decimal mark; a
// written fraction must be all zeros, and an exponent ("9.1e15") gives no
// exact value. ok is false when no exact value can be read.
func exactInt(raw string, v float64, dec byte) (int64, bool) {
	if v != math.Trunc(v) || math.Abs(v) < 1<<53 || math.Abs(v) > 1<<63 {
		return 0, false
	}
	first, last := -1, -1
	for i := 0; i < len(raw); i++ {
		if raw[i] >= '0' && raw[i] <= '9' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return 0, false
	}
	body := raw[first : last+1]
	digits := make([]byte, 0, len(body)+1)
	if v < 0 {
		digits = append(digits, '-')
	}
	frac := false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c >= '0' && c <= '9':
			if frac {
				if c != '0' {
					return 0, false
				}
				continue
			}
			digits = append(digits, c)
		case c == dec:
			if frac {
				return 0, false
			}
			frac = true
		case c == ',' || c == '.' || c == ' ' || c == '\'':
			if frac {
				return 0, false
			}
		default:
			// An exponent, or any other mark inside the digits.
			return 0, false
		}
	}
	n, err := strconv.ParseInt(string(digits), 10, 64)
	if err != nil || float64(n) != v {
		return 0, false
	}
	return n, true
}

// underflowed reports whether raw writes a number other than zero that
// parsed as 0 because it is below the smallest float64 ("1e-400").
func underflowed(raw string, v float64) bool {
	if v != 0 {
		return false
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == 'e' || c == 'E' {
			return false
		}
		if c >= '1' && c <= '9' {
			return true
		}
	}
	return false
}
