package chart

import (
	"math"
	"strconv"
	"strings"
)

// Locale holds the conventions for writing numbers and dates.
type Locale struct {
	// Name is a BCP 47 tag such as "es-MX".
	Name string
	// Thousands and Decimal are the group and decimal marks.
	Thousands, Decimal string
	// MinGroup is the smallest number of integer digits that gets a
	// thousands mark: 4 writes 1,234; 5 writes 1234 but 12.345 (RAE rule
	// used in Spain).
	MinGroup int
	// PercentSpace puts a space before "%" ("85,7 %" in Spain).
	PercentSpace bool
	// Months are the abbreviated month names, January first.
	Months [12]string
	// Thousand, Million, Millions, Billion are the words for abbreviated
	// numbers ("mil", "millón", "millones", "mil millones").
	Thousand, Million, Millions, Billion string
}

var spanishMonths = [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"}

// Locales known by name to LocaleNamed.
var (
	// EsMX writes 1,234,567.8 and "ene 2024" (Mexico, the default).
	EsMX = Locale{Name: "es-MX", Thousands: ",", Decimal: ".", MinGroup: 4, Months: spanishMonths,
		Thousand: "mil", Million: "millón", Millions: "millones", Billion: "mil millones"}
	// EsES writes 1.234.567,8 and "85,7 %" (Spain).
	EsES = Locale{Name: "es-ES", Thousands: ".", Decimal: ",", MinGroup: 5, PercentSpace: true, Months: spanishMonths,
		Thousand: "mil", Million: "millón", Millions: "millones", Billion: "mil millones"}
	// EnUS writes 1,234,567.8 and "Jan 2024".
	EnUS = Locale{Name: "en-US", Thousands: ",", Decimal: ".", MinGroup: 4,
		Months:   [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		Thousand: "K", Million: "M", Millions: "M", Billion: "B"}
)

// LocaleNamed returns the locale for a tag ("es-MX", "es-ES", "en-US";
// "es" and other Latin American Spanish tags use es-MX marks, "es-ES",
// "es-AR", "es-CO", "es-CL", "es-UY", "es-VE" and "es-EC" use dots for
// thousands).
func LocaleNamed(tag string) (Locale, bool) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	switch t {
	case "es-mx", "es", "es-419", "es-us", "es-gt", "es-pr", "es-do", "es-pa", "es-hn", "es-sv", "es-ni", "es-pe", "es-cr":
		l := EsMX
		l.Name = tag
		return l, true
	case "es-es", "es-ar", "es-co", "es-cl", "es-uy", "es-ve", "es-ec", "es-bo", "es-py":
		l := EsES
		l.Name = tag
		l.PercentSpace = t == "es-es"
		return l, true
	case "en", "en-us", "en-gb":
		l := EnUS
		l.Name = tag
		return l, true
	}
	return Locale{}, false
}

// Scale says how a Format shortens large numbers.
type Scale int

const (
	// ScaleNone writes every digit: 3,400,000.
	ScaleNone Scale = iota
	// ScaleAuto writes "3.4 millones", "1.2 mil", "63.2 mil millones".
	ScaleAuto
	// ScaleMillionsOfPesos divides by one million and appends "mdp":
	// 3400000000 → "3,400 mdp".
	ScaleMillionsOfPesos
)

// Format writes numbers for readers. The zero value writes es-MX numbers
// with decimals chosen from the value ("1,234,567", "20.5"); set Decimals
// to a count to fix them, or to Whole for none.
type Format struct {
	// Locale gives the marks; the zero value means EsMX.
	Locale Locale
	// Decimals is the number of decimals. Zero (or Auto) chooses from the
	// data: none for whole numbers (counts), one for rates. Whole writes
	// none; a positive count writes that many.
	Decimals int
	// Scale shortens large numbers.
	Scale Scale
	// Percent appends "%" (values are already percentages: 85.7 → "85.7%").
	Percent bool
	// Prefix and Suffix wrap the number ("$", " pesos").
	Prefix, Suffix string

	// keepDecimal keeps the ".0" of abbreviated values, set by forValues
	// when another value of the chart needs its decimal ("17.0 millones"
	// beside "9.2 millones", not "17 millones").
	keepDecimal bool
}

// Values of Format.Decimals besides a positive count.
const (
	// Auto lets a Format choose its decimals from the data, as the zero
	// value does.
	Auto = -1
	// Whole writes no decimals: 20.46 → "20".
	Whole = -2
)

// decimals returns the count of decimals f asks for, or Auto.
func (f Format) decimals() int {
	switch {
	case f.Decimals == Whole:
		return 0
	case f.Decimals <= 0:
		return Auto
	}
	return f.Decimals
}

func (f Format) locale() Locale {
	if f.Locale.Decimal == "" {
		return EsMX
	}
	return f.Locale
}

// Format writes v. Missing values (NaN) are written as "–"; infinities as
// "∞" or "-∞".
func (f Format) Format(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	if math.IsInf(v, 0) {
		if v < 0 {
			return "-∞"
		}
		return "∞"
	}
	loc := f.locale()
	dec := f.decimals()
	word := ""
	switch f.Scale {
	case ScaleAuto:
		a := math.Abs(v)
		switch {
		case a >= 1e9:
			v, word = v/1e9, loc.Billion
		case a >= 1e6:
			v, word = v/1e6, loc.Millions
		case a >= 1e3:
			v, word = v/1e3, loc.Thousand
		}
		if word != "" && dec == Auto {
			dec = 1
		}
	case ScaleMillionsOfPesos:
		v, word = v/1e6, "mdp"
		if dec == Auto {
			dec = 0
			if math.Abs(v) < 100 {
				dec = 1
			}
		}
	}
	if dec < 0 {
		dec = autoDecimals([]float64{v})
	}
	s := groupNumber(v, dec, loc)
	if word != "" {
		if f.Scale == ScaleAuto && !f.keepDecimal {
			s = strings.TrimSuffix(s, loc.Decimal+"0")
			if word == loc.Millions && (s == "1" || s == "-1") {
				word = loc.Million
			}
		}
		s += " " + word
	}
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	s = f.Prefix + s
	if f.Percent {
		if loc.PercentSpace {
			s += "\u00a0%"
		} else {
			s += "%"
		}
	}
	s += f.Suffix
	if neg {
		s = "-" + s
	}
	return s
}

// autoDecimals picks decimals for a set of values: none when all are whole
// (counts), one for rates and amounts, two when every value is below 1, and
// more (up to four) when the values need them and lie so close together
// that one decimal would not tell them apart (an exchange rate moving
// between 20.43 and 20.57 is labelled 20.44, not 20.4).
func autoDecimals(vs []float64) int {
	whole, small := true, true
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		if v != math.Trunc(v) {
			whole = false
		}
		if math.Abs(v) >= 1 {
			small = false
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	d := 1
	switch {
	case whole:
		return 0
	case small:
		d = 2
	}
	for d < 4 && hi > lo && (hi-lo)*math.Pow10(d) < 10 && !exactAt(vs, d) {
		d++
	}
	return d
}

// exactAt reports whether every finite value is written exactly with d
// decimals (1.5 and 2 with one).
func exactAt(vs []float64, d int) bool {
	p := math.Pow10(d)
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		if x := v * p; math.Abs(x-math.Round(x)) > 1e-6*math.Max(1, math.Abs(x)) {
			return false
		}
	}
	return true
}

// groupNumber writes v rounded to dec decimals with the locale's marks.
func groupNumber(v float64, dec int, loc Locale) string {
	if dec > 12 {
		dec = 12
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	min := loc.MinGroup
	if min <= 0 {
		min = 4
	}
	if len(intPart) >= min && loc.Thousands != "" {
		var b strings.Builder
		pre := len(intPart) % 3
		if pre > 0 {
			b.WriteString(intPart[:pre])
		}
		for i := pre; i < len(intPart); i += 3 {
			if b.Len() > 0 {
				b.WriteString(loc.Thousands)
			}
			b.WriteString(intPart[i : i+3])
		}
		intPart = b.String()
	}
	out := intPart
	if frac != "" {
		out += loc.Decimal + frac
	}
	if neg && strings.Trim(out, "0.,") != "" {
		out = "-" + out
	}
	return out
}

// forValues returns f with Auto decimals resolved for a set of values, so
// that every label of a chart has the same number of decimals.
func (f Format) forValues(vs []float64) Format {
	if f.decimals() == Auto && f.Scale == ScaleNone {
		f.Decimals = fixed(autoDecimals(vs))
	}
	if f.Scale == ScaleAuto && (f.decimals() == Auto || f.decimals() == 1) {
		// one value with a decimal keeps the decimal of all
		plain := f
		plain.Prefix, plain.Suffix, plain.Percent = "", "", false
		trimmed, kept := false, false
		for _, v := range vs {
			s := plain.Format(v)
			if !strings.Contains(s, " ") { // below a thousand: not abbreviated
				continue
			}
			if strings.Contains(s, plain.locale().Decimal) {
				kept = true
			} else {
				trimmed = true
			}
		}
		f.keepDecimal = kept && trimmed
	}
	return f
}

// forStep returns f with decimals enough to tell ticks step apart.
func (f Format) forStep(step float64) Format {
	if f.Scale != ScaleNone {
		return f
	}
	d := 0
	for d < 6 && math.Abs(step*math.Pow10(d)-math.Round(step*math.Pow10(d))) > 1e-9*math.Pow10(d) {
		d++
	}
	f.Decimals = fixed(d)
	return f
}

// fixed returns the Decimals value that writes exactly n decimals.
func fixed(n int) int {
	if n == 0 {
		return Whole
	}
	return n
}
