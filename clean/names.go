package clean

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/go-gota/gota/dataframe"
)

// Names returns df with clean column names, janitor-style:
//
//   - mojibake repaired, accents folded and "ñ" → "n" (ASCII only):
//     "GC_GASTO_DE_OPERACIÓN" → "gc_gasto_de_operacion", "Año" → "ano";
//   - lower snake_case: every run of spaces and punctuation is one "_",
//     camelCase is split ("NombreEstado" → "nombre_estado",
//     "PIBEstatal" → "pib_estatal"), "%" is "pct" and "#" is "num";
//   - a name that starts with a digit gets an "x" ("2020" → "x2020");
//   - an empty name is "col_" and its 1-based position ("col_3");
//   - repeated names get "_2", "_3"… in order ("x", "x_2").
//
// If df.Err is set, df is returned unchanged.
func Names(df dataframe.DataFrame) dataframe.DataFrame {
	if df.Err != nil {
		return df
	}
	names := NameStrings(df.Names())
	out := df.Copy()
	if err := out.SetNames(names...); err != nil {
		return df
	}
	return out
}

// NameStrings applies the rules of Names to a list of names and returns the
// new list, unique and never empty.
func NameStrings(names []string) []string {
	out := make([]string, len(names))
	used := make(map[string]bool, len(names))
	for i, n := range names {
		c := NameString(n)
		if c == "" {
			c = "col_" + strconv.Itoa(i+1)
		}
		out[i] = c
	}
	// Names already clean keep their spelling; repeats get a suffix.
	for i, c := range out {
		if !used[c] {
			used[c] = true
			continue
		}
		for k := 2; ; k++ {
			cand := c + "_" + strconv.Itoa(k)
			if !used[cand] && !contains(out[i+1:], cand) {
				out[i] = cand
				used[cand] = true
				break
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// NameString returns one name in the form Names gives it, or "" when
// nothing is left (Names then writes "col_N").
func NameString(name string) string {
	s, _ := FixMojibake(name)
	s = strings.NewReplacer("%", " pct ", "#", " num ").Replace(s)
	s = fold.Accents(splitCamel(s))
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		default:
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('_')
		}
		gap = false
		b.WriteRune(r)
	}
	out := b.String()
	if out != "" && out[0] >= '0' && out[0] <= '9' {
		out = "x" + out
	}
	return out
}

// splitCamel puts a space at the camelCase boundaries of s: before an upper
// case letter that follows a lower case one ("nombreEstado"), and before
// the last capital of a run that a lower case letter follows ("PIBEstatal"
// → "PIB Estatal"). Names in capitals or lower case are unchanged.
func splitCamel(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsUpper(prev) && nextLower {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
