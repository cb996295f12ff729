package missing

import "strings"

// DatePlaceholders are what databases and health systems write for "no
// date": "9999-99-99" (SSA health data), "0000-00-00" (MySQL),
// "-0001-11-30" and "-001-11-30" (0000-00-00 printed by PHP), "0001-01-01"
// (the zero time of Go and .NET) and their slash forms.
var DatePlaceholders = map[string]bool{
	"9999-99-99": true, "99/99/9999": true, "9999/99/99": true, "99-99-9999": true,
	"0000-00-00": true, "00/00/0000": true, "0000/00/00": true, "00-00-0000": true,
	"-001-11-30": true, "-0001-11-30": true, "0001-01-01": true, "01/01/0001": true,
}

// IsDatePlaceholder reports whether s, spaces trimmed and a time of day
// after a space or "T" ignored ("0000-00-00 00:00:00"), is one of the
// DatePlaceholders.
func IsDatePlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 10 || s[0] > '9' && s[0] != '-' {
		return false
	}
	if DatePlaceholders[s] {
		return true
	}
	if i := strings.IndexAny(s, " T"); i >= 10 {
		return DatePlaceholders[s[:i]]
	}
	return false
}
