package fetch

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/num"
	"github.com/go-gota/gota/series"
)

// Type inference, shared by every reader. A column's type is decided from
// all its non-missing values:
//
//   - Int: every value is an integer of at most 15 digits, written plainly
//     ("-42") or with comma thousands groups ("1,425,607");
//   - Float: every value is a number ("3.5", "1e-3", "31417.00",
//     "1,234.56");
//   - Bool: every value is true or false (any case);
//   - String: anything else, and always when a value has leading zeros
//     ("01", "007"), an integer is longer than 15 digits (an identifier,
//     which a float would round), or the column name looks like a code
//     (cve_*, "Cve. Municipio", clave*, id*, rfc, curp, cp, cvegeo,
//     folio…; names are folded, so case, accents and punctuation do not
//     matter; see infer_names.go). A column of integers named like one of
//     INEGI's geographic codes (ENTIDAD, MUN, LOC, MZA, ENT_REGIS…) is
//     String too: a re-saved file lost the codes' zeros.
//
// The report's reason for a String column names the value that decided
// it: "leading zeros: \"01\"", "not a number: \"*\"" (a column of numbers
// with a confidential mark), "dates (text): \"02/01/2018\"".
//
// Comma groups must be exact ("1,234", "12,345,678"): "1,5" or "1,23,4" are
// text, so a decimal comma is never read as a thousands separator.

// maxIntDigits is the longest integer read as a number; longer digit
// strings are identifiers (and would lose digits as float64).
const maxIntDigits = 15

// valueKind classifies one trimmed, non-missing value.
type valueKind uint8

const (
	kindText valueKind = iota
	kindInt
	kindFloat
	kindBool
	kindLeadingZero
	kindLongDigits
	kindOutOfRange // a number float64 cannot hold: 1e400, 1e-400
)

// classify returns the kind of a trimmed, non-missing value.
func classify(s string) valueKind {
	if s == "" {
		return kindText
	}
	c := s[0]
	if c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' {
		if hasLeadingZero(s) {
			return kindLeadingZero
		}
		if d, ok := intDigits(s); ok {
			if d > maxIntDigits {
				return kindLongDigits
			}
			return kindInt
		}
		if ok, exp := validNumberExp(s); ok {
			if (exp || len(s) >= 20) && !floatInRange(s) {
				return kindOutOfRange
			}
			return kindFloat
		}
		if g, ok := groupedDigits(unsign(s)); ok {
			if strings.IndexByte(g, '.') >= 0 {
				return kindFloat
			}
			if len(g) > maxIntDigits {
				return kindLongDigits
			}
			return kindInt
		}
		return kindText
	}
	if isBoolText(s) {
		return kindBool
	}
	return kindText
}

func unsign(s string) string {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		return s[1:]
	}
	return s
}

// intDigits reports whether s is [sign]digits and how many digits it has.
func intDigits(s string) (int, bool) {
	s = unsign(s)
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	return len(s), true
}

// validNumber reports whether s is a plain decimal number: [sign] digits
// [. digits] [e [sign] digits], or [sign] . digits [exponent]. No spaces,
// no thousands separators, no "Inf" or "NaN", no hexadecimal.
func validNumber(s string) bool {
	ok, _ := validNumberExp(s)
	return ok
}

// validNumberExp is validNumber, also reporting whether s has an exponent.
func validNumberExp(s string) (ok, exp bool) {
	s = unsign(s)
	i, n := 0, len(s)
	digits := 0
	for i < n && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < n && s[i] == '.' {
		i++
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false, false
	}
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		exp = true
		i++
		if i < n && (s[i] == '-' || s[i] == '+') {
			i++
		}
		e := 0
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
			e++
		}
		if e == 0 {
			return false, false
		}
	}
	return i == n, exp
}

// groupedDigits reports whether s (unsigned) is digits in exact comma
// thousands groups with an optional decimal part ("1,425,607",
// "12,345.5"), and returns it without the commas. At least one comma is
// required.
func groupedDigits(s string) (string, bool) {
	i, n := 0, len(s)
	lead := 0
	for i < n && s[i] >= '0' && s[i] <= '9' {
		i++
		lead++
	}
	if lead == 0 || lead > 3 || i == n || s[i] != ',' {
		return "", false
	}
	groups := 0
	for i < n && s[i] == ',' {
		if i+4 > n {
			return "", false
		}
		for k := 1; k <= 3; k++ {
			if s[i+k] < '0' || s[i+k] > '9' {
				return "", false
			}
		}
		i += 4
		groups++
	}
	if i < n && (s[i] >= '0' && s[i] <= '9') {
		return "", false
	}
	if i < n {
		if s[i] != '.' {
			return "", false
		}
		j := i + 1
		for j < n && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j != n {
			return "", false
		}
	}
	if groups == 0 {
		return "", false
	}
	return strings.ReplaceAll(s, ",", ""), true
}

// hasLeadingZero reports whether s is written like a zero-padded code: a
// digit string that starts with 0 and has more than one digit ("01", "007",
// "09002"), possibly in dotted or dashed parts ("01.01", "09-002"). "0",
// "0.5" and "0,5" are not.
func hasLeadingZero(s string) bool {
	if len(s) < 2 || s[0] != '0' || s[1] < '0' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			continue
		}
		if (c == '.' || c == '-') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			continue
		}
		return false
	}
	return true
}

func isBoolText(s string) bool {
	switch len(s) {
	case 4:
		return strings.EqualFold(s, "true")
	case 5:
		return strings.EqualFold(s, "false")
	}
	return false
}

// inference accumulates the kinds seen in one column.
type inference struct {
	ints, floats, bools, texts, values int
	firstInt                           string // first integer
	zero                               string // first value with leading zeros
	long                               string // first over-long integer
	text                               string // first text value
	huge                               string // first number out of float64's range
}

func (in *inference) add(s string) {
	in.values++
	switch classify(s) {
	case kindInt:
		if in.ints == 0 {
			in.firstInt = s
		}
		in.ints++
	case kindFloat:
		in.floats++
	case kindBool:
		in.bools++
	case kindLeadingZero:
		if in.zero == "" {
			in.zero = s
		}
		in.texts++
	case kindLongDigits:
		if in.long == "" {
			in.long = s
		}
		in.texts++
	case kindOutOfRange:
		if in.huge == "" {
			in.huge = s
		}
		in.texts++
	default:
		if in.text == "" {
			in.text = s
		}
		in.texts++
	}
}

// decide returns the column type and why it was chosen.
// emptyAsString makes a column with no values String instead of Float (the
// streaming reader's choice, so that later chunks' values always fit).
func (in *inference) decide(name string, off, emptyAsString bool) (series.Type, string) {
	switch {
	case off:
		return series.String, "inference off"
	case looksLikeCodeName(name):
		return series.String, "name looks like a code"
	case in.values == 0 && emptyAsString:
		return series.String, "no values in the first chunk: every value missing"
	case in.values == 0:
		return series.Float, "no values: every value missing"
	case in.texts > 0 && in.datesOnly():
		return series.String, fmt.Sprintf("dates (text): %q", in.firstDate())
	case in.zero != "":
		return series.String, fmt.Sprintf("leading zeros: %q", in.zero)
	case in.huge != "":
		return series.String, fmt.Sprintf("a number beyond the range of float64, kept as text: %q", shorten(in.huge, 40))
	case in.long != "" && in.text == "":
		return series.String, fmt.Sprintf("digits too long for a number: %q", in.long)
	case in.texts > 0 && in.ints+in.floats > 0:
		return series.String, "not a number: " + strconv.Quote(shorten(in.notNumber(), 40))
	case in.texts > 0:
		return series.String, ""
	case in.ints == in.values && looksLikeGeoCodeName(name):
		return series.String, fmt.Sprintf("name looks like an INEGI geographic code (integers such as %q)", in.firstInt)
	case in.ints == in.values:
		return series.Int, ""
	case in.ints+in.floats == in.values:
		return series.Float, ""
	case in.bools == in.values:
		return series.Bool, ""
	}
	return series.String, "mixed numbers and true/false"
}

// datesOnly reports whether the column's text values, judged by the first
// of each kind kept, are dates written as text ("02/01/2018",
// "2018-01-02", "02-01-2018"): the column is a date column, not codes with
// leading zeros.
func (in *inference) datesOnly() bool {
	if in.ints+in.floats+in.bools > 0 || in.long != "" {
		return false
	}
	if in.zero == "" && in.text == "" {
		return false
	}
	return (in.zero == "" || looksLikeDateText(in.zero)) && (in.text == "" || looksLikeDateText(in.text))
}

// notNumber is the first value that made a column of numbers text.
func (in *inference) notNumber() string {
	switch {
	case in.text != "":
		return in.text
	case in.zero != "":
		return in.zero
	}
	return in.long
}

func (in *inference) firstDate() string {
	if in.zero != "" {
		return in.zero
	}
	return in.text
}

// looksLikeDateText reports whether s is a numeric date as tables write
// them: d/m/y, d-m-y, d.m.y (day and month of one or two digits, a year of
// two or four), y-m-d or y/m/d, y-m or y/m, or a quarter "2023-Q1", optionally
// followed by a time after a space or "T".
func looksLikeDateText(s string) bool {
	if i := strings.IndexAny(s, " T"); i > 0 {
		t := s[i+1:] // a time: "8:00", "08:00:00"
		if c := strings.IndexByte(t, ':'); c < 1 || c > 2 || t[0] < '0' || t[0] > '9' {
			return false
		}
		s = s[:i]
	}
	var parts [3]int // digit counts
	n, sep := 0, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			parts[n]++
		case (c == '/' || c == '-' || c == '.') && parts[n] > 0 && n < 2 && (sep == 0 || c == sep):
			sep = c
			n++
		case (c == 'Q' || c == 'q') && n == 1 && parts[1] == 0 && parts[0] == 4 && sep == '-' && i == len(s)-2:
			return s[i+1] >= '1' && s[i+1] <= '4'
		default:
			return false
		}
	}
	switch {
	case n == 2 && parts[0] == 4: // y-m-d
		return parts[1] >= 1 && parts[1] <= 2 && parts[2] >= 1 && parts[2] <= 2
	case n == 2: // d/m/y
		return parts[0] <= 2 && parts[1] >= 1 && parts[1] <= 2 && (parts[2] == 2 || parts[2] == 4)
	case n == 1: // y-m, and INEGI BIE's y/m ("2023/01")
		return (sep == '-' || sep == '/') && parts[0] == 4 && parts[1] == 2
	}
	return false
}

// parseIntValue parses a trimmed Int value (plain or comma-grouped).
func parseIntValue(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	neg := false
	u := s
	if u != "" && (u[0] == '-' || u[0] == '+') {
		neg = u[0] == '-'
		u = u[1:]
	}
	g, ok := groupedDigits(u)
	if !ok || strings.IndexByte(g, '.') >= 0 {
		return 0, false
	}
	n, err := strconv.Atoi(g)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// parseFloatValue parses a trimmed Float value (plain or comma-grouped).
func parseFloatValue(s string) (float64, bool) {
	if f, ok := num.Decimal(s); ok { // bit for bit strconv's result
		return f, true
	}
	if validNumber(s) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil && (f != 0 || !nonzeroMantissa(s))
	}
	neg := false
	u := s
	if u != "" && (u[0] == '-' || u[0] == '+') {
		neg = u[0] == '-'
		u = u[1:]
	}
	g, ok := groupedDigits(u)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(g, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		f = -f
	}
	return f, true
}

// floatInRange reports whether the plain number s (validNumber) is a
// finite float64 that keeps its value: not 1e400 (which would become
// +Inf) nor 1e-400 (which would become 0).
func floatInRange(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	return f != 0 || !nonzeroMantissa(s)
}

// nonzeroMantissa reports whether the digits of s before any exponent
// are not all zero.
func nonzeroMantissa(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}

// parseBoolValue parses "true"/"false" in any case.
func parseBoolValue(s string) (bool, bool) {
	switch {
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// trimSpace is strings.TrimSpace with a fast path for values that start
// and end with a printable ASCII byte.
func trimSpace(s string) string {
	if s == "" || s[0] > ' ' && s[0] < 0x80 && s[len(s)-1] > ' ' && s[len(s)-1] < 0x80 {
		return s
	}
	return strings.TrimSpace(s)
}
