package clean

import "strings"

// Quarters: "2023-Q1", "Q1 2023", "2023T1", "1T2023", "T1/2023",
// "1er trimestre de 2023", "primer trimestre 2023", "IV trimestre 2023",
// "trimestre 2 2023" → "2023-Q1" … (the form chart reads). A quarter needs
// a marker (Q, T, trim, trimestre, quarter) next to its number, so "2023/01"
// stays a month: INEGI's BIE writes quarters that way too, and only the
// series' frequency can tell them apart.

// quarterWords maps the words and numerals that name a quarter's number.
var quarterWords = map[string]int{
	"1": 1, "2": 2, "3": 3, "4": 4,
	"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
	"first": 1, "second": 2, "third": 3, "fourth": 4,
	"i": 1, "ii": 2, "iii": 3, "iv": 4,
}

// quarterMarkers are the words that say a number is a quarter.
var quarterMarkers = map[string]bool{
	"q": true, "t": true, "trim": true, "trimestre": true, "quarter": true, "qtr": true,
}

// quarterFiller are words and ordinal endings a quarter may carry.
var quarterFiller = map[string]bool{
	"de": true, "del": true, "of": true, "er": true, "o": true, "ro": true,
	"do": true, "to": true, "st": true, "nd": true, "rd": true, "th": true,
}

// splitQuarter splits s at every character that is not a letter or digit,
// and between a run of letters and a run of digits ("1T2023" → 1, t, 2023).
func splitQuarter(s string) []string {
	var out []string
	start, kind := -1, 0 // kind 1 letters, 2 digits
	flush := func(i int) {
		if start >= 0 {
			out = append(out, s[start:i])
		}
		start, kind = -1, 0
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		k := 0
		switch {
		case c >= '0' && c <= '9':
			k = 2
		case c >= 'a' && c <= 'z':
			k = 1
		}
		if k == 0 {
			flush(i)
			continue
		}
		if k != kind {
			flush(i)
			start, kind = i, k
		}
	}
	flush(len(s))
	return out
}

// parseQuarter reads s as a quarter, or reports false.
func parseQuarter(s string) (parsedDate, bool) {
	var p parsedDate
	if len(s) < 4 || len(s) > 40 {
		return p, false
	}
	s = strings.NewReplacer("º", " ", "°", " ", "ª", " ").Replace(lowerASCII(strings.TrimSpace(s)))
	y, q, markers := 0, 0, 0
	for _, t := range splitQuarter(s) {
		switch {
		case quarterFiller[t]:
		case quarterMarkers[t]:
			markers++
		case len(t) == 4 && t[0] >= '1' && t[0] <= '2' && y == 0:
			v, ok := digitsVal(t)
			if !ok {
				return p, false
			}
			y = v
		case quarterWords[t] > 0 && q == 0:
			q = quarterWords[t]
		default:
			return p, false
		}
	}
	if y == 0 || q == 0 || markers != 1 {
		return p, false
	}
	return parsedDate{y: y, m: q, prec: precQuarter, format: "quarter"}, true
}
