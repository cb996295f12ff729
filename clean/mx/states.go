package mx

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/fold"
)

// StateInfo describes one of the 32 federal entities.
type StateInfo struct {
	// Code is INEGI's two-digit CVE_ENT, "01" to "32".
	Code string
	// Name is the official INEGI name (NOM_ENT): "México",
	// "Coahuila de Zaragoza", "Veracruz de Ignacio de la Llave".
	Name string
	// Short is the common short name newsrooms print: "Estado de México",
	// "Coahuila", "Veracruz".
	Short string
	// Abbr is INEGI's abbreviation (NOM_ABR) in upper case without dots:
	// "AGS", "CDMX", "MEX", "QROO".
	Abbr string
	// ISO is the ISO 3166-2 code: "MX-AGU", "MX-CMX".
	ISO string
	// Alpha3 is the three-letter code of ISO 3166-2 without "MX-", also
	// used by México Evalúa and others: "AGU", "CMX" ("DIF" is accepted
	// as an old form).
	Alpha3 string
	// CURP is the two-letter RENAPO code used in the CURP and by the
	// Secretaría de Salud: "AS", "DF", "MC".
	CURP string
}

// Number returns the state code as an integer (1 to 32), as files that
// store codes as numbers write it.
func (s StateInfo) Number() int {
	n, _ := strconv.Atoi(s.Code)
	return n
}

var (
	stateIndex map[string]int // folded name or code -> index in states
	national   map[string]bool
	stateKeys  []stateKey // every indexed key, for wildcard matching
)

type stateKey struct {
	key string
	idx int
}

func init() {
	stateIndex = make(map[string]int)
	add := func(name string, i int) {
		k := fold.Key(name)
		if k == "" {
			return
		}
		if _, dup := stateIndex[k]; dup {
			return // first spelling wins; TestStateKeysUnique guards the tables
		}
		stateIndex[k] = i
		stateKeys = append(stateKeys, stateKey{k, i})
	}
	for i, s := range states {
		for _, n := range []string{s.Name, s.Short, s.Abbr, s.ISO, s.Alpha3, s.CURP} {
			add(n, i)
		}
		for _, v := range variants[s.Code] {
			add(v, i)
		}
	}
	add("MX-DIF", 8)
	national = make(map[string]bool)
	for _, n := range nationalNames {
		national[fold.Key(n)] = true
	}
	sort.Slice(stateKeys, func(a, b int) bool { return stateKeys[a].key < stateKeys[b].key })
}

// States returns the 32 states in INEGI order (by code). The slice is a
// copy: changing it does not change the catalogue.
func States() []StateInfo {
	out := make([]StateInfo, len(states))
	copy(out, states)
	return out
}

// State finds a state by name, abbreviation or code. Case, accents,
// punctuation and surrounding or repeated whitespace never matter, and
// Latin-1 text decoded as UTF-8 ("MÃ©xico") is repaired first. It accepts:
//
//   - codes with or without their leading zero, or written as a float by a
//     spreadsheet: "9", "09", "9.0";
//   - codes as spreadsheet exports keep them text (see clean.UnwrapCell):
//     INEGI's `=CONCATENAR(0,09)`, `="09"`, `'09`, with any surrounding
//     spaces;
//   - official names ("Coahuila de Zaragoza"), short names ("Coahuila",
//     "Estado de México", "Michoacán", "Veracruz"), older official names
//     ("Distrito Federal", "Querétaro de Arteaga") and the variants that
//     real files use ("CDMX", "D.F.", "Edo. de México", "Edomex", "Q. Roo");
//   - INEGI abbreviations ("AGS", "CDMX", "QROO"), ISO 3166-2 codes
//     ("MX-CMX") and their three-letter part (AGU, BCN, DIF, NLE…), and
//     RENAPO/CURP two-letter codes ("DF", "MC").
//
// A character lost in decoding ("M\uFFFDxico") matches when exactly one
// state fits. "México" alone is the state (code 15), as in INEGI's
// catalogue. The national total ("00", "Nacional") is not a state: State
// returns false for it; see IsNational. State never guesses beyond these
// rules: "Baja California" is never Baja California Sur.
func State(nameOrCode string) (StateInfo, bool) {
	i, ok := stateIdx(nameOrCode)
	if !ok {
		return StateInfo{}, false
	}
	return states[i], true
}

func stateIdx(s string) (int, bool) {
	s = unwrapCode(s)
	if s == "" || len(s) > 200 {
		return 0, false
	}
	if n, ok := codeNumber(s); ok {
		if n >= 1 && n <= len(states) {
			return n - 1, true
		}
		return 0, false
	}
	s = repairMojibake(s)
	if strings.ContainsRune(s, utf8.RuneError) {
		return wildcardState(s)
	}
	if i, ok := stateIndex[fold.Key(s)]; ok {
		return i, true
	}
	return stateCompound(s)
}

// stateCompound reads two forms that name a state twice: a code and a
// name ("09 Ciudad de México", "15 - México") and a name with another in
// parentheses ("Ciudad de México (CDMX)"). Both parts must name the same
// state (or one part must be empty).
func stateCompound(s string) (int, bool) {
	if open := strings.IndexByte(s, '('); open >= 0 {
		inner := s[open+1:]
		if c := strings.IndexByte(inner, ')'); c >= 0 {
			inner = inner[:c]
		}
		a, aok := stateIndex[fold.Key(s[:open])]
		b, bok := stateIndex[fold.Key(inner)]
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
	n, ok := codeNumber(f[0])
	if !ok || len(f[0]) > 2 {
		return 0, false
	}
	i, ok := stateIndex[strings.Join(f[1:], " ")]
	return i, ok && i == n-1
}

// IsNational reports whether s labels the national total rather than a
// state: "00", "0", "Nacional", "Total nacional", "República Mexicana",
// "Estados Unidos Mexicanos" (any case, accents or spacing).
func IsNational(s string) bool {
	s = strings.TrimSpace(s)
	if n, ok := codeNumber(s); ok {
		return n == 0
	}
	return national[fold.Key(repairMojibake(s))]
}

// codeNumber reads a state or municipality code written as digits, with or
// without leading zeros, or as a float with a zero fraction ("9.0").
func codeNumber(s string) (int, bool) {
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

// wildcardState matches a name where decoding replaced letters with
// U+FFFD: each replacement character stands for exactly one letter. It
// succeeds only when every matching key names the same state.
func wildcardState(s string) (int, bool) {
	pat := []rune(fold.Key(strings.ReplaceAll(s, string(utf8.RuneError), "ª")))
	found := -1
	for _, sk := range stateKeys {
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
