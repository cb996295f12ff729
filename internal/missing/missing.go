package missing

import "strings"

// Default lists the strings that mean "no value" in government files. The
// empty string (after trimming spaces) is always missing as well.
var Default = []string{
	"", "NA", "N/A", "n/a", "N/D", "n/d", "ND", "S/D", "s/d", "SD",
	"-", "--", "—", "–", "NULL", "null", "Null", "NaN", "nan",
	"No disponible", "NO DISPONIBLE", "no disponible", "N/E", "n/e",
	"None", "#N/A", "#N/D", "N.D.", "n.d.", "N.D", "N.E.",
}

// Set is a fast membership test for missing markers.
type Set map[string]struct{}

// NewSet returns a Set holding the given markers. Markers are compared after
// trimming surrounding spaces.
func NewSet(markers []string) Set {
	s := make(Set, len(markers))
	for _, m := range markers {
		s[strings.TrimSpace(m)] = struct{}{}
	}
	return s
}

// DefaultSet is NewSet(Default).
var DefaultSet = NewSet(Default)

// Is reports whether v is a missing marker in s. Surrounding spaces are
// ignored; the empty string is always missing.
func (s Set) Is(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return true
	}
	_, ok := s[v]
	return ok
}
