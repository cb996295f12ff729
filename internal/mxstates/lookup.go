package mxstates

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/fold"
)

// State describes one of the 32 federal entities.
type State struct {
	Code   string // INEGI's two-digit CVE_ENT, "01" to "32"
	Name   string // official INEGI name (NOM_ENT): "Coahuila de Zaragoza"
	Short  string // common short name: "Coahuila", "Estado de México"
	Abbr   string // INEGI's NOM_ABR in upper case without dots: "COAH"
	ISO    string // ISO 3166-2: "MX-COA"
	Alpha3 string // ISO 3166-2 without "MX-": "COA"
	CURP   string // RENAPO two-letter code: "CL"
}

var (
	index    map[string]int // folded name or code -> index in All
	national map[string]bool
	keys     []key // every indexed key, for wildcard matching
)

type key struct {
	key string
	idx int
}

func init() {
	index = make(map[string]int)
	add := func(name string, i int) {
		k := fold.Key(name)
		if k == "" {
			return
		}
		if _, dup := index[k]; dup {
			return // first spelling wins; mx's TestStateKeysUnique guards the tables
		}
		index[k] = i
		keys = append(keys, key{k, i})
	}
	for i, s := range All {
		for _, n := range []string{s.Name, s.Short, s.Abbr, s.ISO, s.Alpha3, s.CURP} {
			add(n, i)
		}
		for _, v := range Variants[s.Code] {
			add(v, i)
		}
	}
	add("MX-DIF", 8)
	national = make(map[string]bool)
	for _, n := range NationalNames {
		national[fold.Key(n)] = true
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a].key < keys[b].key })
}

// Lookup returns the index in All of the state s names: a code with or
// without its leading zero or written as a float ("9", "09", "9.0"), a
// name, abbreviation or variant (case, accents, punctuation and spacing
// ignored), a code and a name together ("09 Ciudad de México"), a name
// with another in parentheses ("Ciudad de México (CDMX)"), or a name with
// letters lost in decoding ("M\uFFFDxico") when exactly one state fits. The
// national total is not a state (see IsNational). Callers repair
// mojibake and spreadsheet wrappers first if they want them read.
func Lookup(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return 0, false
	}
	if n, ok := CodeNumber(s); ok {
		if n >= 1 && n <= len(All) {
			return n - 1, true
		}
		return 0, false
	}
	if strings.ContainsRune(s, utf8.RuneError) {
		return wildcard(s)
	}
	if i, ok := index[fold.Key(s)]; ok {
		return i, true
	}
	return compound(s)
}

// IsNational reports whether s labels the national total rather than a
// state: "00", "0", "Nacional", "Total nacional", "República Mexicana",
// "Estados Unidos Mexicanos" (any case, accents or spacing).
func IsNational(s string) bool {
	s = strings.TrimSpace(s)
	if n, ok := CodeNumber(s); ok {
		return n == 0
	}
	return national[fold.Key(s)]
}

// compound reads two forms that name a state twice: a code and a name
// ("09 Ciudad de México", "15 - México") and a name with another in
// parentheses ("Ciudad de México (CDMX)"). Both parts must name the same
// state (or one part must be empty).
func compound(s string) (int, bool) {
	if open := strings.IndexByte(s, '('); open >= 0 {
		inner := s[open+1:]
		if c := strings.IndexByte(inner, ')'); c >= 0 {
			inner = inner[:c]
		}
		a, aok := index[fold.Key(s[:open])]
		b, bok := index[fold.Key(inner)]
		switch {
		case aok && bok:
			return a, a == b
		case aok && fold.Key(inner) == "":
			return a, true
		}
		return 0, false
	}
	f := strings.Fields(fold.Key(s))
	if len(f) < 2 {
		return 0, false
	}
	n, ok := CodeNumber(f[0])
	if !ok || len(f[0]) > 2 {
		return 0, false
	}
	i, ok := index[strings.Join(f[1:], " ")]
	return i, ok && i == n-1
}

// CodeNumber reads a state or municipality code written as digits, with or
// without leading zeros, or as a float with a zero fraction ("9.0").
func CodeNumber(s string) (int, bool) {
	if i := strings.IndexByte(s, '.'); i > 0 {
		frac := s[i+1:]
		if strings.Trim(frac, "0") != "" {
			return 0, false
		}
		s = s[:i]
	}
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

// wildcard matches a name where decoding replaced letters with U+FFFD:
// each replacement character stands for exactly one letter. It succeeds
// only when every matching key names the same state.
func wildcard(s string) (int, bool) {
	pat := []rune(fold.Key(strings.ReplaceAll(s, string(utf8.RuneError), "ª")))
	found := -1
	for _, sk := range keys {
		if wildMatch(pat, sk.key) {
			if found >= 0 && found != sk.idx {
				return 0, false
			}
			found = sk.idx
		}
	}
	return found, found >= 0
}

func wildMatch(pat []rune, key string) bool {
	i := 0
	for _, r := range key {
		if i >= len(pat) {
			return false
		}
		if pat[i] != 'ª' && pat[i] != r {
			return false
		}
		i++
	}
	return i == len(pat)
}
