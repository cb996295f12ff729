package num

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Errors returned by Parse; each is wrapped with the reason.
var (
	// ErrEmpty: nothing but spaces, signs or currency marks.
	ErrEmpty = errors.New("no digits")
	// ErrSyntax: characters or separators that a number cannot have.
	ErrSyntax = errors.New("not a number")
	// ErrAmbiguous: one group mark followed by other than three digits
	// ("1,5" with a decimal point): a decimal or a thousands mark.
	ErrAmbiguous = errors.New("ambiguous separator")
)

// Result is a parsed number and what was written around it.
type Result struct {
	// Value is the number, negative when written with a sign or in
	// parentheses; a percentage stays as written (12.5 for "12.5%").
	Value float64
	// Percent is true when the value was written with a "%" sign.
	Percent bool
	// Currency is the currency written with the value: "MXN" (also for
	// "pesos", "M.N.", "MX$"), "USD" ("US$", "dólares"), "EUR" ("€",
	// "euros"), "$" (a bare dollar sign, pesos in Mexican data) or "".
	Currency string
	// Grouped is true when the value used thousands separators.
	Grouped bool
	// Footnote is true when a footnote mark followed the value and was
	// dropped: "1,234*", "1,234 p/" (preliminary), "e/" (estimated).
	Footnote bool
}

type affix struct{ text, currency string }

// prefixes and suffixes are matched case-insensitively, longest first.
var prefixes = []affix{
	{"MX$", "MXN"}, {"US$", "USD"}, {"USD", "USD"}, {"MXN", "MXN"}, {"MXP", "MXN"},
	{"EUR", "EUR"}, {"€", "EUR"}, {"$", "$"},
}

var suffixes = []affix{
	{"dólares", "USD"}, {"dolares", "USD"}, {"pesos", "MXN"}, {"euros", "EUR"},
	{"M.N.", "MXN"}, {"peso", "MXN"}, {"dlls", "USD"}, {"MXN", "MXN"}, {"USD", "USD"},
	{"EUR", "EUR"}, {"M.N", "MXN"}, {"dls", "USD"}, {"MN", "MXN"}, {"€", "EUR"}, {"$", "$"},
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// trimSpace trims ASCII and Unicode spaces (non-breaking, thin, narrow).
func trimSpace(s string) string {
	for len(s) > 0 {
		if c := s[0]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			s = s[1:]
			continue
		}
		if r, n := utf8.DecodeRuneInString(s); isUniSpace(r) {
			s = s[n:]
			continue
		}
		break
	}
	for len(s) > 0 {
		if c := s[len(s)-1]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			s = s[:len(s)-1]
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(s); isUniSpace(r) {
			s = s[:len(s)-n]
			continue
		}
		break
	}
	return s
}

func isUniSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u2007', '\u2009', '\u202f', '\u200b', '\ufeff', '\u2002', '\u2003':
		return true
	}
	return false
}

// cutMinus removes a leading minus sign of any common kind.
func cutMinus(s string) (string, bool) {
	if s == "" {
		return s, false
	}
	if s[0] == '-' {
		return s[1:], true
	}
	if s[0] < utf8.RuneSelf {
		return s, false
	}
	for _, m := range []string{"\u2212", "\u2013", "\u2012", "\ufe63", "\uff0d"} {
		if strings.HasPrefix(s, m) {
			return s[len(m):], true
		}
	}
	return s, false
}

func cutPrefixFold(s, p string) (string, bool) {
	if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
		return s, false
	}
	rest := s[len(p):]
	// A word must end at a boundary: "USDX" is not "USD".
	if isLetter(p[len(p)-1]) && len(rest) > 0 && isLetter(rest[0]) {
		return s, false
	}
	return rest, true
}

func cutSuffixFold(s, p string) (string, bool) {
	if len(s) < len(p) || !strings.EqualFold(s[len(s)-len(p):], p) {
		return s, false
	}
	rest := s[:len(s)-len(p)]
	if isLetter(p[0]) && len(rest) > 0 && isLetter(rest[len(rest)-1]) {
		return s, false
	}
	return rest, true
}

// Parse parses s with decimal mark dec ('.' for Mexico and the US, ',' for
// Spain and most of Latin America's printed tables). Errors wrap ErrEmpty,
// ErrSyntax or ErrAmbiguous.
func Parse(s string, dec byte) (Result, error) {
	var r Result
	if v, ok := plain(s, dec); ok {
		r.Value = v
		return r, nil
	}
	// "$1,234.56", the commonest written amount: the affix loop below
	// would strip the "$" and parse the same body.
	if len(s) >= 2 && s[0] == '$' && s[1] >= '0' && s[1] <= '9' && onlyDigitsMarks(s[2:]) {
		v, grouped, err := parseBody(s[1:], dec)
		if err != nil {
			return Result{}, err
		}
		return Result{Value: v, Grouped: grouped, Currency: "$"}, nil
	}
	body := trimSpace(s)
	neg := false
	signs, parens := 0, 0
	pre, suf := "", ""
	for changed := true; changed; {
		changed = false
		if n := len(body); n >= 2 && body[0] == '(' && body[n-1] == ')' && parens == 0 {
			body, parens, neg, changed = trimSpace(body[1:n-1]), 1, !neg, true
		}
		if rest, ok := cutMinus(body); ok && signs == 0 {
			body, signs, neg, changed = trimSpace(rest), 1, !neg, true
		} else if len(body) > 0 && body[0] == '+' && signs == 0 {
			body, signs, changed = trimSpace(body[1:]), 1, true
		}
		if rest, ok := cutFootnote(body); ok && !r.Footnote {
			body, r.Footnote, changed = trimSpace(rest), true, true
		}
		if len(body) > 0 && body[len(body)-1] == '%' && !r.Percent {
			body, r.Percent, changed = trimSpace(body[:len(body)-1]), true, true
		}
		if pre == "" && len(body) > 0 && needsAffix(body[0]) {
			for _, a := range prefixes {
				if rest, ok := cutPrefixFold(body, a.text); ok {
					body, pre, changed = trimSpace(rest), a.currency, true
					break
				}
			}
		}
		if suf == "" && len(body) > 0 && needsAffix(body[len(body)-1]) {
			for _, a := range suffixes {
				if rest, ok := cutSuffixFold(body, a.text); ok {
					body, suf, changed = trimSpace(rest), a.currency, true
					break
				}
			}
		}
	}
	// "$ 2,500.00 M.N.": the code says more than the bare sign.
	r.Currency = pre
	if suf != "" && (pre == "" || pre == "$") {
		r.Currency = suf
	}
	// A trailing minus, as accounting exports write it: "1,234-".
	if n := len(body); n >= 2 && body[n-1] == '-' && signs == 0 && body[n-2] >= '0' && body[n-2] <= '9' {
		body, neg = body[:n-1], !neg
	}
	v, grouped, err := parseBody(body, dec)
	if err != nil {
		return Result{}, err
	}
	if neg && v != 0 {
		v = -v
	}
	r.Value, r.Grouped = v, grouped
	return r, nil
}

// onlyDigitsMarks reports whether s holds only digits, commas and points.
func onlyDigitsMarks(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// cutFootnote removes a trailing footnote mark: one or more "*", or a
// letter and a slash ("p/", "e/", "r/", "a/") as INEGI tables write them.
func cutFootnote(s string) (string, bool) {
	n := len(s)
	if n >= 2 && s[n-1] == '*' {
		i := n
		for i > 0 && s[i-1] == '*' {
			i--
		}
		return s[:i], i > 0
	}
	if n >= 3 && s[n-1] == '/' {
		c := s[n-2] | 0x20
		if c >= 'a' && c <= 'z' && (s[n-3] == ' ' || s[n-3] >= '0' && s[n-3] <= '9') {
			return s[:n-2], true
		}
	}
	return s, false
}

// needsAffix reports whether c can start or end a currency affix.
func needsAffix(c byte) bool {
	return c == '$' || c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.'
}

// plain parses the common machine-written forms "-123", "123.45" (with
// the decimal mark dec) without looking for affixes or groups.
func plain(s string, dec byte) (float64, bool) {
	if s == "" || len(s) > 17 {
		return 0, false
	}
	i := 0
	neg := false
	if s[0] == '-' {
		neg, i = true, 1
	}
	var intPart uint64
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		intPart = intPart*10 + uint64(s[i]-'0')
		digits++
	}
	if digits == 0 {
		return 0, false
	}
	v := float64(intPart)
	if i < len(s) {
		if s[i] != dec || i == len(s)-1 || dec != '.' {
			return 0, false
		}
		for j := i + 1; j < len(s); j++ {
			if s[j] < '0' || s[j] > '9' {
				return 0, false
			}
		}
		if f, ok := Decimal(s); ok {
			return f, true
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, false
		}
		v = f
		neg = false
	}
	if neg && v != 0 {
		v = -v
	}
	return v, true
}

// parseBody parses the digits, marks and exponent left after the affixes.
func parseBody(s string, dec byte) (float64, bool, error) {
	if s == "" {
		return 0, false, ErrEmpty
	}
	grp := byte(',')
	if dec == ',' {
		grp = '.'
	}
	// Fast path: plain digits.
	var u uint64
	plain := len(s) <= 18
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			plain = false
			break
		}
		u = u*10 + uint64(c-'0')
	}
	if plain {
		return float64(u), false, nil
	}
	var buf [64]byte
	out := buf[:0]
	digits := 0      // digits in the current group
	groups := 0      // group marks seen
	var gmark rune   // the group mark in use
	seenDec := false // decimal mark seen
	intDigits := 0   // digits before the decimal mark
	fracDigits := 0  // digits after the decimal mark
	exp := false     // exponent seen
	expDigits := 0
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		var r rune = rune(c)
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c >= '0' && c <= '9':
			digits++
			if exp {
				expDigits++
			} else if seenDec {
				fracDigits++
			} else {
				intDigits++
			}
			out = append(out, c)
		case exp:
			if (c == '+' || c == '-') && expDigits == 0 && (out[len(out)-1] == 'e') {
				out = append(out, c)
			} else {
				return 0, false, syntax(s, "bad exponent")
			}
		case c == dec:
			if seenDec {
				return 0, false, syntax(s, "two decimal marks")
			}
			if groups > 0 && digits != 3 {
				return 0, false, syntax(s, "thousands groups must have 3 digits")
			}
			seenDec = true
			digits = 0
			out = append(out, '.')
		case r == rune(grp) || r == ' ' || isUniSpace(r) || r == '\'':
			if seenDec {
				if r == rune(grp) {
					return 0, false, syntax(s, "thousands mark after the decimal mark")
				}
				return 0, false, syntax(s, "space inside the decimals")
			}
			if gmark != 0 && r != gmark && !(isSpace(r) && isSpace(gmark)) {
				return 0, false, syntax(s, "mixed thousands marks")
			}
			if digits == 0 {
				return 0, false, syntax(s, "thousands mark without digits before it")
			}
			if groups == 0 {
				if digits > 3 {
					return 0, false, syntax(s, "thousands groups must have 3 digits")
				}
			} else if digits != 3 {
				return 0, false, syntax(s, "thousands groups must have 3 digits")
			}
			gmark = r
			groups++
			digits = 0
		case (c == 'e' || c == 'E') && intDigits+fracDigits > 0:
			exp = true
			out = append(out, 'e')
		default:
			return 0, false, syntax(s, "unexpected "+strconv.QuoteRune(r))
		}
		i += size
	}
	if intDigits+fracDigits == 0 {
		return 0, false, ErrEmpty
	}
	if exp && expDigits == 0 {
		return 0, false, syntax(s, "bad exponent")
	}
	if groups > 0 && !seenDec && digits != 3 {
		if groups == 1 && gmark == rune(grp) && digits > 0 {
			return 0, false, ambiguous(s, dec)
		}
		return 0, false, syntax(s, "thousands groups must have 3 digits")
	}
	if !exp && intDigits+fracDigits <= 15 {
		// Clinger's fast path (see Decimal): exact, and no strconv.
		var m uint64
		for _, c := range out {
			if c != '.' {
				m = m*10 + uint64(c-'0')
			}
		}
		return float64(m) / pow10[fracDigits], groups > 0, nil
	}
	v, err := strconv.ParseFloat(string(out), 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) && !math.IsInf(v, 0) {
			return v, groups > 0, nil
		}
		return 0, false, syntax(s, "out of range")
	}
	return v, groups > 0, nil
}

func isSpace(r rune) bool { return r == ' ' || isUniSpace(r) }

type parseError struct {
	reason string
	kind   error
}

func (e *parseError) Error() string { return e.kind.Error() + ": " + e.reason }
func (e *parseError) Unwrap() error { return e.kind }

func syntax(_, reason string) error {
	return &parseError{reason: reason, kind: ErrSyntax}
}

func ambiguous(_ string, dec byte) error {
	if dec == '.' {
		return &parseError{reason: "one comma not followed by 3 digits: a decimal comma or a thousands mark? (use the ES locale for decimal commas)", kind: ErrAmbiguous}
	}
	return &parseError{reason: "one point not followed by 3 digits: a decimal point or a thousands mark? (use the MX locale for decimal points)", kind: ErrAmbiguous}
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// Decimal parses s written as [-|+]digits[.digits] (at least one digit
// before the point, at most 15 digits in all) without strconv: the digits
// form an integer below 2^53 and one division by an exact power of ten
// rounds correctly, so the result is bit for bit strconv.ParseFloat's
// (Clinger's fast path). ok is false for anything else, and the caller
// falls back to the general parser.
func Decimal(s string) (v float64, ok bool) {
	i, n := 0, len(s)
	if n == 0 || n > 17 {
		return 0, false
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg, i = s[0] == '-', 1
	}
	var m uint64
	digits, frac := 0, 0
	for ; i < n && s[i] >= '0' && s[i] <= '9'; i++ {
		m = m*10 + uint64(s[i]-'0')
		digits++
	}
	if digits == 0 {
		return 0, false
	}
	if i < n {
		if s[i] != '.' || i == n-1 {
			return 0, false
		}
		for i++; i < n; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			m = m*10 + uint64(c-'0')
			frac++
		}
	}
	if digits+frac > 15 {
		return 0, false
	}
	v = float64(m) / pow10[frac]
	if neg {
		v = -v
	}
	return v, true
}
