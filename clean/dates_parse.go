package clean

import (
	"errors"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/missing"
)

// Date precision of a parsed value.
const (
	precDay       = iota // 2024-10-17
	precMonth            // 2024-10
	precYear             // 2024
	precMonthOnly        // --10 (a month name with no year)
	precQuarter          // 2024-Q3 (m holds the quarter)
)

// dateOrder says how an all-numeric date with the year last is read.
type dateOrder int

const (
	dayFirst   dateOrder = iota // 17/10/2024
	monthFirst                  // 10/17/2024
)

// parsedDate is one value read by parseDate.
type parsedDate struct {
	y, m, d   int
	prec      int
	format    string // the written form, for the report: "dd/mm/yyyy"…
	ambiguous bool   // day and month both ≤ 12 and different
	firstBig  bool   // an all-numeric date whose first number is > 12
	secondBig bool   // an all-numeric date whose second number is > 12
	timeCut   bool   // a time of day was dropped
}

// iso formats p as an ISO-8601 string of its precision.
func (p parsedDate) iso() string {
	var b [10]byte
	switch p.prec {
	case precMonthOnly:
		return "--" + two(p.m)
	case precYear:
		return strconv.Itoa(p.y)
	case precQuarter:
		return strconv.Itoa(p.y) + "-Q" + strconv.Itoa(p.m)
	}
	y := p.y
	b[0], b[1], b[2], b[3] = byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4] = '-'
	b[5], b[6] = byte('0'+p.m/10), byte('0'+p.m%10)
	if p.prec == precMonth {
		return string(b[:7])
	}
	b[7] = '-'
	b[8], b[9] = byte('0'+p.d/10), byte('0'+p.d%10)
	return string(b[:])
}

func two(n int) string { return string([]byte{byte('0' + n/10%10), byte('0' + n%10)}) }

// errOtherOrder marks an all-numeric date that only makes sense month
// first (10/17/2024) while day first was asked, or the reverse.
var errOtherOrder = errors.New("the day and month look swapped for this locale")

// dateSentinels are written by databases and health systems for "no date";
// they become missing, not failures.
// The list is shared with the readers and Profile (internal/missing).
var dateSentinels = missing.DatePlaceholders

// IsDateSentinel reports whether s (surrounding spaces and a time of day
// ignored) is one of the placeholders systems write for "no date":
// "9999-99-99" (SSA health data), "0000-00-00" (MySQL), "-0001-11-30" and
// "-001-11-30" (0000-00-00 printed by PHP), "0001-01-01" (the zero time of
// Go and .NET) and their slash forms. Dates turns them into missing values.
func IsDateSentinel(s string) bool {
	s = strings.TrimSpace(s)
	if dateSentinels[s] {
		return true
	}
	if d, _, ok := cutTime(s); ok {
		return dateSentinels[d]
	}
	return false
}

var monthNames = map[string]int{
	"enero": 1, "ene": 1, "jan": 1, "january": 1,
	"febrero": 2, "feb": 2, "february": 2,
	"marzo": 3, "mar": 3, "march": 3,
	"abril": 4, "abr": 4, "apr": 4, "april": 4,
	"mayo": 5, "may": 5,
	"junio": 6, "jun": 6, "june": 6,
	"julio": 7, "jul": 7, "july": 7,
	"agosto": 8, "ago": 8, "aug": 8, "august": 8,
	"septiembre": 9, "setiembre": 9, "sep": 9, "sept": 9, "set": 9, "september": 9,
	"octubre": 10, "oct": 10, "october": 10,
	"noviembre": 11, "nov": 11, "november": 11,
	"diciembre": 12, "dic": 12, "dec": 12, "december": 12,
}

var weekdays = map[string]bool{
	"lunes": true, "martes": true, "miercoles": true, "jueves": true, "viernes": true,
	"sabado": true, "domingo": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true,
	"lun": true, "mie": true, "jue": true, "vie": true, "sab": true, "dom": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
}

// monthName returns the number (1–12) of a Spanish or English month name
// or abbreviation: "Enero", "ENE", "ene.", "Sept", "setiembre", "October".
// Case, accents, surrounding spaces and a final period do not matter.
func monthName(name string) (int, bool) {
	k := lowerASCII(strings.TrimSuffix(strings.TrimSpace(name), "."))
	m, ok := monthNames[k]
	return m, ok
}

// lowerASCII lower-cases s, folding accents first when s is not ASCII.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return fold.Key(s)
		}
		if c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func digitsVal(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// cutTime splits "2015-03-01 12:00:00 GMT" or "2024-10-17T08:30:00Z" into
// the date part and reports whether a time of day was found. The time must
// be hh:mm with hh ≤ 24 and mm ≤ 59; seconds, fractions, "a.m."/"p.m." and a
// zone may follow and are dropped (the date stays as written).
func cutTime(s string) (string, bool, bool) {
	colon := strings.IndexByte(s, ':')
	if colon < 1 {
		return s, false, false
	}
	h := colon
	for h > 0 && s[h-1] >= '0' && s[h-1] <= '9' {
		h--
	}
	if colon-h < 1 || colon-h > 2 || h == 0 {
		return s, false, false
	}
	if sep := s[h-1]; sep != ' ' && sep != 'T' && sep != 't' && sep != ',' {
		return s, false, false
	}
	hh, _ := digitsVal(s[h:colon])
	m := colon + 1
	for m < len(s) && s[m] >= '0' && s[m] <= '9' {
		m++
	}
	mm, ok := digitsVal(s[colon+1 : m])
	if !ok || m-colon-1 != 2 || hh > 24 || mm > 59 {
		return s, false, false
	}
	for _, c := range []byte(s[m:]) {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == ':' || c == '.' || c == '+' || c == '-' || c == ',') {
			return s, false, false
		}
	}
	return strings.TrimRight(s[:h-1], " ,"), true, true
}

// token is a run of digits or of letters in a date.
type token struct {
	text  string
	num   bool
	val   int
	month int    // month number of a letter token
	sep   byte   // the first separator before the token
	seps  string // all the separators before the token
	de    bool   // "de" or "del" came before the token
}

// parseDate reads one non-missing value. allowSerial accepts Excel serial
// day numbers (1950–2099) and years written alone.
func parseDate(raw string, order dateOrder, allowSerial bool) (parsedDate, error) {
	s := strings.TrimSpace(raw)
	var p parsedDate
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digitsVal(s[:4])
		m, ok2 := digitsVal(s[5:7])
		d, ok3 := digitsVal(s[8:])
		if ok1 && ok2 && ok3 {
			p = parsedDate{y: y, m: m, d: d, format: "yyyy-mm-dd"}
			return p, p.check()
		}
	}
	if d, ok, _ := cutTime(s); ok {
		s, p.timeCut = d, true
	}
	if s == "" {
		return p, errors.New("empty")
	}
	if strings.ContainsAny(s, "º°ª") {
		s = strings.NewReplacer("º", " ", "°", " ", "ª", " ").Replace(s)
	}
	var buf [8]token
	toks := buf[:0]
	sepSeen := byte(0)
	pendingDe := false
	sepStart := 0
	for i := 0; i < len(s); {
		c := s[i]
		isDigit := c >= '0' && c <= '9'
		isAlpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
		if !isDigit && !isAlpha {
			if sepSeen == 0 {
				sepSeen, sepStart = c, i
			}
			i++
			continue
		}
		j := i
		for j < len(s) {
			c := s[j]
			if isDigit && (c < '0' || c > '9') || isAlpha && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80) {
				break
			}
			j++
		}
		t := token{text: s[i:j], num: isDigit, sep: sepSeen}
		if sepSeen != 0 {
			t.seps = s[sepStart:i]
		}
		sepSeen = 0
		i = j
		if isDigit {
			v, ok := digitsVal(t.text)
			if !ok {
				return p, errors.New("too many digits")
			}
			t.val = v
		} else {
			w := lowerASCII(t.text)
			if w == "de" || w == "del" || w == "of" || w == "el" {
				pendingDe = true
				continue
			}
			// Ordinals: "1º", "1ro", "1er", "1st".
			if n := len(toks); n > 0 && toks[n-1].num && t.sep == 0 {
				switch w {
				case "o", "ro", "er", "st", "nd", "rd", "th":
					continue
				}
			}
			if weekdays[w] && len(toks) == 0 {
				continue
			}
			m, ok := monthNames[w]
			if !ok {
				return p, errors.New("unknown word " + strconv.Quote(t.text))
			}
			t.month = m
		}
		if len(toks) == cap(buf) {
			return p, errors.New("too many parts")
		}
		t.de, pendingDe = pendingDe, false
		toks = append(toks, t)
	}
	if sepSeen != 0 && sepSeen != '.' && sepSeen != ' ' {
		return p, errors.New("trailing " + strconv.Quote(string(sepSeen)))
	}
	if c := s[0]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80) {
		return p, errors.New("leading " + strconv.Quote(string(c)))
	}
	err := p.fromTokens(toks, raw, order, allowSerial)
	if err != nil {
		return p, err
	}
	return p, p.check()
}

// label describes the written form of a date for the report, from its
// tokens and their roles (d, m, y): "dd/mm/yyyy", "dd-mmm-yy",
// "dd de mes de yyyy" ("mmm" is an abbreviated month name, "mes" a full
// one).
func label(t []token, roles string) string {
	var b strings.Builder
	for i, x := range t {
		if i > 0 {
			switch {
			case x.de:
				b.WriteString(" de ")
			case x.seps != "":
				b.WriteString(x.seps)
			}
		}
		switch roles[i] {
		case 'd':
			b.WriteString("dd")
		case 'y':
			if len(x.text) == 2 {
				b.WriteString("yy")
			} else {
				b.WriteString("yyyy")
			}
		case 'm':
			switch {
			case x.num:
				b.WriteString("mm")
			case len(x.text) <= 4:
				b.WriteString("mmm")
			default:
				b.WriteString("mes")
			}
		}
	}
	return b.String()
}

// year turns a 2- or 4-digit year token into a year: 00–49 → 2000s,
// 50–99 → 1900s.
func year(t token) (int, bool) {
	switch len(t.text) {
	case 4:
		return t.val, true
	case 2:
		if t.val < 50 {
			return 2000 + t.val, true
		}
		return 1900 + t.val, true
	}
	return 0, false
}

func (p *parsedDate) fromTokens(t []token, raw string, order dateOrder, allowSerial bool) error {
	if allowSerial && len(t) == 2 && t[0].num && t[1].num && len(t[0].text) == 5 && t[1].sep == '.' {
		return p.serial(strings.TrimSpace(raw))
	}
	var sb [8]byte
	shape := sb[:0]
	for _, x := range t {
		if x.num {
			shape = append(shape, 'n')
		} else {
			shape = append(shape, 'M')
		}
	}
	switch string(shape) {
	case "nnn":
		a, b, c := t[0], t[1], t[2]
		if len(a.text) == 4 {
			p.y, p.m, p.d = a.val, b.val, c.val
			p.format = label(t, "ymd")
			return nil
		}
		y, ok := year(c)
		if !ok || len(a.text) > 2 || len(b.text) > 2 {
			return errors.New("expected a year of 2 or 4 digits at one end")
		}
		p.y = y
		first, second := a.val, b.val
		if order == dayFirst {
			if first <= 12 && second > 12 && second <= 31 {
				return errOtherOrder
			}
			p.d, p.m = first, second
			p.format = label(t, "dmy")
		} else {
			if second <= 12 && first > 12 && first <= 31 {
				return errOtherOrder
			}
			p.m, p.d = first, second
			p.format = label(t, "mdy")
		}
		p.ambiguous = first <= 12 && second <= 12 && first != second
		p.firstBig, p.secondBig = first > 12, second > 12
		return nil
	case "nMn":
		if len(t[0].text) == 4 {
			p.y, p.m, p.d = t[0].val, t[1].month, t[2].val
			p.format = label(t, "ymd")
			return nil
		}
		y, ok := year(t[2])
		if !ok || len(t[0].text) > 2 {
			return errors.New("expected day, month name and year")
		}
		p.d, p.m, p.y = t[0].val, t[1].month, y
		p.format = label(t, "dmy")
		return nil
	case "Mnn":
		y, ok := year(t[2])
		if !ok || len(t[1].text) > 2 {
			return errors.New("expected month name, day and year")
		}
		p.m, p.d, p.y = t[0].month, t[1].val, y
		p.format = label(t, "mdy")
		return nil
	case "Mn":
		y, ok := year(t[1])
		if !ok {
			return errors.New("expected month name and year")
		}
		p.m, p.y, p.prec = t[0].month, y, precMonth
		p.format = label(t, "my")
		return nil
	case "nM":
		if len(t[0].text) != 4 {
			return errors.New("a day and month with no year")
		}
		p.y, p.m, p.prec = t[0].val, t[1].month, precMonth
		p.format = label(t, "ym")
		return nil
	case "M":
		p.m, p.prec = t[0].month, precMonthOnly
		p.format = "month name only"
		return nil
	case "nn":
		a, b := t[0], t[1]
		switch {
		case len(a.text) == 4 && len(b.text) <= 2:
			p.y, p.m = a.val, b.val
		case len(b.text) == 4 && len(a.text) <= 2:
			p.y, p.m = b.val, a.val
		default:
			return errors.New("expected year and month")
		}
		p.prec = precMonth
		if len(a.text) == 4 {
			p.format = label(t, "ym")
		} else {
			p.format = label(t, "my")
		}
		return nil
	case "n":
		a := t[0]
		trimmed := strings.TrimSpace(raw)
		switch {
		case len(a.text) == 8 && trimmed == a.text:
			p.y, p.m, p.d = a.val/10000, a.val/100%100, a.val%100
			p.format = "yyyymmdd"
			return nil
		case len(a.text) == 6 && trimmed == a.text && allowSerial:
			p.y, p.m, p.prec = a.val/100, a.val%100, precMonth
			p.format = "yyyymm"
			return nil
		case len(a.text) == 4 && trimmed == a.text && allowSerial:
			p.y, p.prec = a.val, precYear
			p.format = "yyyy"
			return nil
		case len(a.text) == 5 && allowSerial:
			return p.serial(trimmed)
		}
	}
	return errors.New("not a date form this package reads")
}

// serial reads an Excel serial day number such as 45582 or 45582.5 (noon):
// days since 1899-12-30, accepted only between 1950 and 2099 so that
// ordinary counts are not taken for dates.
func (p *parsedDate) serial(s string) error {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return errors.New("not a serial day number")
	}
	n := int(f)
	if n < 18264 || n > 73050 {
		return errors.New("serial day number outside 1950–2099")
	}
	// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
	z := n - 25569 + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	p.y, p.m, p.d = y, m, d
	p.timeCut = f != float64(n)
	p.format = "Excel serial"
	return nil
}

// check validates the calendar fields of p.
func (p parsedDate) check() error {
	if p.prec != precMonthOnly && (p.y < 1000 || p.y > 2999) {
		return errors.New("year " + strconv.Itoa(p.y) + " out of range")
	}
	if p.prec == precYear {
		return nil
	}
	if p.prec == precQuarter {
		if p.m < 1 || p.m > 4 {
			return errors.New("quarter " + strconv.Itoa(p.m) + " out of range")
		}
		return nil
	}
	if p.m < 1 || p.m > 12 {
		return errors.New("month " + strconv.Itoa(p.m) + " out of range")
	}
	if p.prec == precDay && (p.d < 1 || p.d > daysIn(p.y, p.m)) {
		return errors.New("day " + strconv.Itoa(p.d) + " out of range for " + strconv.Itoa(p.y) + "-" + two(p.m))
	}
	return nil
}
