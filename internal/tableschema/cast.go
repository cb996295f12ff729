package tableschema

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ErrCast: a cell's text is not a value of its field's type.
var ErrCast = errors.New("not a value of the field's type")

// YearMonth is a yearmonth value.
type YearMonth struct{ Year, Month int }

// IsMissing reports whether raw is one of field i's missing-value markers.
func (s *Schema) IsMissing(i int, raw string) bool {
	for _, m := range s.Missing(i) {
		if raw == m {
			return true
		}
	}
	return false
}

var (
	defaultTrue  = []string{"true", "True", "TRUE", "1"}
	defaultFalse = []string{"false", "False", "FALSE", "0"}
)

// Cast turns a cell's text (already known not to be a missing value) into
// its logical value: string for string, date-like and other textual types
// (date, datetime and time as time.Time), int64 for integer and year,
// float64 for number, bool for boolean, YearMonth for yearmonth, and the
// decoded JSON for object and array. An error wraps ErrCast.
func (f *Field) Cast(raw string) (any, error) {
	article := "a"
	if strings.IndexByte("aeiou", f.Type[0]) >= 0 {
		article = "an"
	}
	bad := func(why string) error {
		if why != "" {
			return fmt.Errorf("%q is not %s %s (%s): %w", raw, article, f.Type, why, ErrCast)
		}
		return fmt.Errorf("%q is not %s %s: %w", raw, article, f.Type, ErrCast)
	}
	if f.Type == "" {
		f.Type = "string"
	}
	switch f.Type {
	case "string", "any":
		if f.Type == "string" {
			switch f.Format {
			case "email":
				if !strings.Contains(raw, "@") || strings.ContainsAny(raw, " \t") {
					return nil, bad("format email")
				}
			case "uuid":
				if !uuidRe.MatchString(raw) {
					return nil, bad("format uuid")
				}
			case "uri":
				if !strings.Contains(raw, ":") || strings.ContainsAny(raw, " \t") {
					return nil, bad("format uri")
				}
			}
		}
		return raw, nil
	case "integer":
		s := f.numberText(raw, false)
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, bad("")
		}
		return n, nil
	case "number":
		s := f.numberText(raw, true)
		switch strings.ToUpper(s) {
		case "NAN":
			return math.NaN(), nil
		case "INF", "+INF":
			return math.Inf(1), nil
		case "-INF":
			return math.Inf(-1), nil
		}
		if !numberRe.MatchString(s) {
			return nil, bad("")
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, bad("")
		}
		return v, nil
	case "boolean":
		tv, fv := f.TrueValues, f.FalseValues
		if tv == nil {
			tv = defaultTrue
		}
		if fv == nil {
			fv = defaultFalse
		}
		for _, t := range tv {
			if raw == t {
				return true, nil
			}
		}
		for _, x := range fv {
			if raw == x {
				return false, nil
			}
		}
		return nil, bad("true values " + strings.Join(tv, ", ") + "; false values " + strings.Join(fv, ", "))
	case "date", "datetime", "time":
		t, err := f.castTime(raw)
		if err != nil {
			return nil, bad(err.Error())
		}
		return t, nil
	case "year":
		if !yearRe.MatchString(raw) {
			return nil, bad("expected YYYY")
		}
		n, _ := strconv.ParseInt(raw, 10, 64)
		return n, nil
	case "yearmonth":
		m := yearMonthRe.FindStringSubmatch(raw)
		if m == nil {
			return nil, bad("expected YYYY-MM")
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return nil, bad("month out of range")
		}
		return YearMonth{y, mo}, nil
	case "duration":
		if !durationRe.MatchString(raw) || raw == "P" || strings.HasSuffix(raw, "T") {
			return nil, bad("expected ISO 8601 PnYnMnDTnHnMnS")
		}
		return raw, nil
	case "geopoint":
		if !f.geopoint(raw) {
			return nil, bad("expected \"lon, lat\"")
		}
		return raw, nil
	case "object", "geojson":
		var m map[string]any
		if err := json.Unmarshal([]byte(raw), &m); err != nil || m == nil {
			return nil, bad("expected a JSON object")
		}
		return m, nil
	case "array":
		var a []any
		if err := json.Unmarshal([]byte(raw), &a); err != nil || a == nil {
			return nil, bad("expected a JSON array")
		}
		return a, nil
	case "list":
		return raw, nil
	}
	return nil, fmt.Errorf("field %q: unknown type %q: %w", f.Name, f.Type, ErrCast)
}

var (
	numberRe    = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`)
	yearRe      = regexp.MustCompile(`^-?\d{4}$`)
	yearMonthRe = regexp.MustCompile(`^(-?\d{4})-(\d{2})$`)
	durationRe  = regexp.MustCompile(`^-?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$`)
	uuidRe      = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// numberText removes group characters and bare-number decoration and turns
// the decimal character into '.'.
func (f *Field) numberText(raw string, decimal bool) string {
	s := raw
	if !f.BareNumber {
		s = strings.TrimFunc(s, func(r rune) bool {
			return !(r >= '0' && r <= '9') && r != '-' && r != '+' && r != '.' && r != ','
		})
	}
	if f.GroupChar != "" {
		s = strings.ReplaceAll(s, f.GroupChar, "")
	}
	if decimal && f.DecimalChar != "" && f.DecimalChar != "." {
		if strings.Contains(s, ".") && f.GroupChar != "." {
			return "\x00" // a '.' that is neither mark
		}
		s = strings.ReplaceAll(s, f.DecimalChar, ".")
	}
	return s
}

func (f *Field) geopoint(raw string) bool {
	var lon, lat float64
	switch f.Format {
	case "array":
		var a []float64
		if json.Unmarshal([]byte(raw), &a) != nil || len(a) != 2 {
			return false
		}
		lon, lat = a[0], a[1]
	case "object":
		var o struct{ Lon, Lat *float64 }
		if json.Unmarshal([]byte(raw), &o) != nil || o.Lon == nil || o.Lat == nil {
			return false
		}
		lon, lat = *o.Lon, *o.Lat
	default:
		a, b, ok := strings.Cut(raw, ",")
		if !ok {
			return false
		}
		var e1, e2 error
		lon, e1 = strconv.ParseFloat(strings.TrimSpace(a), 64)
		lat, e2 = strconv.ParseFloat(strings.TrimSpace(b), 64)
		if e1 != nil || e2 != nil {
			return false
		}
	}
	return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90
}

func (f *Field) castTime(raw string) (time.Time, error) {
	format := f.Format
	if format == "" || format == "default" {
		switch f.Type {
		case "date":
			return time.Parse("2006-01-02", raw)
		case "time":
			return parseAny(raw, "15:04:05", "15:04:05.999999999", "15:04:05Z07:00")
		default:
			return parseAny(raw, "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05Z07:00",
				"2006-01-02T15:04:05.999999999Z07:00")
		}
	}
	if format == "any" {
		return parseAny(raw, "2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05",
			"02/01/2006", "2/1/2006", "15:04:05", "15:04")
	}
	// Early descriptors wrote patterns as "fmt:%d/%m/%Y".
	layout, err := Strptime(strings.TrimPrefix(format, "fmt:"))
	if err != nil {
		return time.Time{}, err
	}
	return time.Parse(layout, raw)
}

func parseAny(raw string, layouts ...string) (time.Time, error) {
	var first error
	for _, l := range layouts {
		t, err := time.Parse(l, raw)
		if err == nil {
			return t, nil
		}
		if first == nil {
			first = err
		}
	}
	return time.Time{}, first
}

// ISO writes a logical value the way cifra's tables carry it: dates as
// "2006-01-02", datetimes as RFC 3339 without a zone when there was none,
// times as "15:04:05", yearmonths as "2006-01", numbers with strconv.
func ISO(typ string, v any) string {
	switch x := v.(type) {
	case time.Time:
		switch typ {
		case "date":
			return x.Format("2006-01-02")
		case "time":
			return x.Format("15:04:05")
		}
		if x.Location() == time.UTC && x.Nanosecond() == 0 {
			return x.Format("2006-01-02T15:04:05")
		}
		return x.Format(time.RFC3339Nano)
	case YearMonth:
		return fmt.Sprintf("%04d-%02d", x.Year, x.Month)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// Compare orders two logical values of the same field type: -1, 0 or 1, and
// false when they cannot be compared.
func Compare(a, b any) (int, bool) {
	switch x := a.(type) {
	case int64:
		switch y := b.(type) {
		case int64:
			return cmp(float64(x), float64(y)), true
		case float64:
			return cmp(float64(x), y), true
		}
	case float64:
		switch y := b.(type) {
		case int64:
			return cmp(x, float64(y)), true
		case float64:
			return cmp(x, y), true
		}
	case time.Time:
		if y, ok := b.(time.Time); ok {
			return x.Compare(y), true
		}
	case YearMonth:
		if y, ok := b.(YearMonth); ok {
			return cmp(float64(x.Year*12+x.Month), float64(y.Year*12+y.Month)), true
		}
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), true
		}
	}
	return 0, false
}

func cmp(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Bound casts a constraint's bound (minimum, maximum, an enum member) given
// in the descriptor as JSON: numbers stay numbers, strings are cast by the
// field's type.
func (f *Field) Bound(v any) (any, error) {
	switch x := v.(type) {
	case float64:
		if f.Type == "integer" || f.Type == "year" {
			return int64(x), nil
		}
		return x, nil
	case string:
		return f.Cast(x)
	case bool:
		return x, nil
	}
	return nil, fmt.Errorf("bound %v: %w", v, ErrCast)
}
