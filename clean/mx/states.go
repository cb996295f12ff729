package mx

import (
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/mxstates"
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

// states and variants are the shared catalogue (internal/mxstates), which
// chart.Choropleth reads too.
var (
	states   = fromCatalogue()
	variants = mxstates.Variants
)

func fromCatalogue() []StateInfo {
	out := make([]StateInfo, len(mxstates.All))
	for i, s := range mxstates.All {
		out[i] = StateInfo(s)
	}
	return out
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
//   - codes as spreadsheet exports keep them text (see clean.StripFormulasString):
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
	return mxstates.Lookup(repairMojibake(s))
}

// IsNational reports whether s labels the national total rather than a
// state: "00", "0", "Nacional", "Total nacional", "República Mexicana",
// "Estados Unidos Mexicanos" (any case, accents or spacing).
func IsNational(s string) bool {
	return mxstates.IsNational(repairMojibake(strings.TrimSpace(s)))
}

// codeNumber reads a state or municipality code written as digits, with or
// without leading zeros, or as a float with a zero fraction ("9.0").
func codeNumber(s string) (int, bool) { return mxstates.CodeNumber(s) }
