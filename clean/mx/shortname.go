package mx

import "strings"

// honorificPrefixes are the folded prefixes that official municipality
// names carry and everyday usage drops, longest first.
var honorificPrefixes = []string{"heroica ciudad de ", "heroica villa de ", "heroica ", "h "}

// shortName returns the everyday short form of a folded official name, or
// "" when it has none: an honorific prefix is dropped ("heroica nogales" →
// "nogales") and so is a trailing "de" plus one word, the usual dedication
// to a person ("ecatepec de morelos" → "ecatepec"). Longer endings ("san
// juan de los lagos") are part of the name and are kept.
func shortName(key string) string {
	s := key
	for _, p := range honorificPrefixes {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			s = s[len(p):]
			break
		}
	}
	if i := strings.LastIndex(s, " de "); i > 0 {
		tail := s[i+len(" de "):]
		if tail != "" && !strings.Contains(tail, " ") {
			switch tail {
			case "la", "las", "los", "el":
			default:
				s = s[:i]
			}
		}
	}
	if s == key || len(s) < 3 {
		return ""
	}
	return s
}

// withoutHonorific returns a folded name without its honorific prefix
// ("heroica ciudad de juchitan de zaragoza" → "juchitan de zaragoza"), or
// "" when it has none.
func withoutHonorific(key string) string {
	for _, p := range honorificPrefixes {
		if strings.HasPrefix(key, p) && len(key) > len(p)+2 {
			return key[len(p):]
		}
	}
	return ""
}
