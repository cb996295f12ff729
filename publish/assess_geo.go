package publish

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/datacon-mx/cifra/clean/mx"
	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/series"
)

// geoName classifies a column name: "code" for a geographic code column,
// "name" for a column of place names, "" otherwise.
func geoName(name string) string {
	k := fold.Key(name)
	words := strings.Fields(k)
	has := func(set ...string) bool {
		for _, w := range words {
			for _, s := range set {
				if w == s {
					return true
				}
			}
		}
		return false
	}
	places := []string{"ent", "entidad", "estado", "edo", "state", "mun", "municipio", "municipality", "geo", "loc", "localidad", "alcaldia"}
	switch {
	case k == "cvegeo" || k == "cve geo" || k == "clave geo":
		return "code"
	case has("cve", "clave", "cod", "codigo", "code", "id", "key", "cvegeo") && has(places...):
		return "code"
	case k == "ent" || k == "mun" || k == "loc":
		return "code"
	case has(places...) || has("nombre estado", "nom ent", "nom mun"):
		return "name"
	}
	return ""
}

var spacedCodes = regexp.MustCompile(`^\s*\d{2}\s+\d{3}(\s+\d{4})?\s*$`)

func checkGeoCodes(in *input) Check {
	var codeCols, nameCols, bad []string
	var okCodes []string
	for _, n := range in.raw.Names() {
		v, na := in.rawColumn(n)
		kind := geoName(n)
		// Values such as " 01 001 ": codes, even in a column without a name.
		spaced := 0
		stateNames := 0
		nonMissing := 0
		for i, s := range v {
			if na[i] {
				continue
			}
			nonMissing++
			if spacedCodes.MatchString(s) {
				spaced++
			}
			if _, ok := mx.State(s); ok && !allDigits.MatchString(strings.TrimSpace(s)) {
				stateNames++
			}
		}
		if spaced > 0 && spaced*2 >= nonMissing {
			ex := ""
			for i, s := range v {
				if !na[i] && spacedCodes.MatchString(s) {
					ex = s
					break
				}
			}
			bad = append(bad, fmt.Sprintf("column %q holds state and municipality codes in one padded cell (%q): split them into text columns such as cve_ent \"01\" and cve_mun \"001\"", n, ex))
			codeCols = append(codeCols, n)
			continue
		}
		if kind == "" && nonMissing > 0 && stateNames*10 >= nonMissing*8 && distinctStates(v, na) >= 2 {
			kind = "name"
		}
		switch kind {
		case "name":
			if nonMissing > 0 && !allDigitsColumn(v, na) {
				nameCols = append(nameCols, n)
				continue
			}
			// A column of numbers named after a place is a code column
			// when its name is the place alone ("ENTIDAD", "MUN") or when
			// the reader kept it as text ("ENTIDAD_UM": "02"); "TIPO_MUN"
			// (1, 2, 3) is not.
			if nonMissing == 0 {
				continue
			}
			if s, err := frame.View(in.df, n); err == nil && s.Type() != series.String && len(strings.Fields(fold.Key(n))) > 1 {
				continue
			}
			fallthrough
		case "code":
			codeCols = append(codeCols, n)
			if msg := codeProblem(in, n, v, na); msg != "" {
				bad = append(bad, msg)
			} else {
				okCodes = append(okCodes, n)
			}
		}
	}
	if len(codeCols) == 0 && len(nameCols) == 0 {
		return Check{Evidence: "no column names places"}
	}
	if len(codeCols) == 0 {
		bad = append(bad, fmt.Sprintf("places only by name (%s): add INEGI's codes (clean/mx AddStateCode, AddMunicipalityCode)", list(nameCols, 3)))
	}
	if len(bad) > 0 {
		return Check{Applies: true, Evidence: strings.Join(bad, "; ")}
	}
	return Check{Applies: true, Passed: true, Evidence: fmt.Sprintf("INEGI codes as text with their zeros: %s", list(okCodes, 4))}
}

// distinctStates counts the different states a column's values name.
func distinctStates(v []string, na []bool) int {
	seen := map[string]bool{}
	for i, s := range v {
		if na[i] {
			continue
		}
		if st, ok := mx.State(s); ok {
			seen[st.Code] = true
		}
	}
	return len(seen)
}

func allDigitsColumn(v []string, na []bool) bool {
	for i, s := range v {
		if !na[i] && !allDigits.MatchString(strings.TrimSpace(s)) {
			return false
		}
	}
	return true
}

// codeProblem says what is wrong with a geographic code column, or "".
func codeProblem(in *input, n string, v []string, na []bool) string {
	if s, err := frame.View(in.df, n); err == nil && (s.Type() == series.Int || s.Type() == series.Float) {
		return fmt.Sprintf("column %q holds codes as numbers, which lose their zeros", n)
	}
	widths := map[int]int{}
	var example string
	for i, s := range v {
		if na[i] {
			continue
		}
		if s != strings.TrimSpace(s) {
			return fmt.Sprintf("column %q: codes padded with spaces (row %d: %q)", n, i+1, s)
		}
		if !allDigits.MatchString(s) {
			return fmt.Sprintf("column %q: %q (row %d) is not an INEGI code", n, s, i+1)
		}
		widths[len(s)]++
		if example == "" {
			example = s
		}
	}
	if len(widths) > 1 {
		var short string
		for i, s := range v {
			if !na[i] && len(s) < maxKey(widths) {
				short = fmt.Sprintf("row %d: %q", i+1, s)
				break
			}
		}
		return fmt.Sprintf("column %q: codes of different widths, leading zeros lost (%s)", n, short)
	}
	w := maxKey(widths)
	switch w {
	case 2:
		for i, s := range v {
			if _, ok := mx.State(s); !na[i] && !ok && s != "00" {
				hint := ""
				if s >= "97" {
					hint = ` (a code for "not applicable" or "not specified" belongs in an empty cell)`
				}
				return fmt.Sprintf("column %q: %q (row %d) is not a state code%s", n, s, i+1, hint)
			}
		}
	case 1:
		return fmt.Sprintf("column %q: one-digit codes (%q): state codes have two digits (\"09\")", n, example)
	case 5:
		for i, s := range v {
			if _, ok := mx.MunicipalityByCode(s); !na[i] && !ok {
				return fmt.Sprintf("column %q: %q (row %d) is not a municipality CVEGEO", n, s, i+1)
			}
		}
	}
	return ""
}

func maxKey(m map[int]int) int {
	k := 0
	for w := range m {
		if w > k {
			k = w
		}
	}
	return k
}

// nationalRows lists rows whose state code is "00" or "0": the national
// total in INEGI's and CONAPO's files.
func nationalRows(in *input) []string {
	var out []string
	for _, n := range in.raw.Names() {
		if geoName(n) != "code" {
			continue
		}
		v, na := in.rawColumn(n)
		for i, s := range v {
			if !na[i] && (strings.TrimSpace(s) == "00" || strings.TrimSpace(s) == "0") {
				out = append(out, fmt.Sprintf("row %d has %s %q, the national total", i+1, n, s))
				break
			}
		}
	}
	return out
}
