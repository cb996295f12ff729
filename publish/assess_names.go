package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/internal/frame"
)

// shortWords may stand alone in a clear column name.
var shortWords = map[string]bool{"de": true, "del": true, "la": true, "el": true, "los": true, "las": true, "y": true,
	"en": true, "por": true, "con": true, "sin": true, "a": true, "o": true, "al": true, "id": true, "no": true,
	"mxn": true, "usd": true, "km": true, "kg": true, "m2": true, "ha": true, "pct": true, "iva": true, "rfc": true,
	"curp": true, "cp": true, "pib": true, "ano": true, "mes": true, "dia": true, "uno": true, "dos": true, "sexo": true}

func checkClearNames(in *input) Check {
	documented := in.described()
	var bad, cryptic []string
	seen := map[string]bool{}
	for _, c := range in.rep.Columns {
		n := c.Name
		orig := c.Original
		if orig == "" {
			orig = n
		}
		switch {
		case strings.TrimSpace(orig) == "" || (strings.HasPrefix(n, "col_") && strings.TrimSpace(c.Original) == ""):
			bad = append(bad, fmt.Sprintf("%s has no name", n))
			continue
		case orig != strings.TrimSpace(orig):
			bad = append(bad, fmt.Sprintf("%q has surrounding spaces", orig))
			continue
		}
		if seen[n] {
			bad = append(bad, fmt.Sprintf("%q repeats", n))
		}
		seen[n] = true
		if cn := clean.NameString(orig); cn != orig {
			bad = append(bad, fmt.Sprintf("%q (→ %s)", orig, cn))
			continue
		}
		if documented[n] {
			continue
		}
		if crypticName(n) {
			cryptic = append(cryptic, n)
		}
	}
	var ev []string
	if len(bad) > 0 {
		ev = append(ev, "not snake_case ASCII names: "+list(bad, 4))
	}
	if len(cryptic) > 0 {
		ev = append(ev, "abbreviations no dictionary explains: "+list(cryptic, 4))
	}
	if len(ev) > 0 {
		return Check{Applies: true, Evidence: strings.Join(ev, "; ")}
	}
	return Check{Applies: true, Passed: true, Evidence: fmt.Sprintf("%d snake_case names: %s", len(in.rep.Columns), list(in.df.Names(), 5))}
}

// described returns the columns a dictionary of the file's package
// explains: a field description in the Table Schema or a row of
// diccionario.csv.
func (in *input) described() map[string]bool {
	out := map[string]bool{}
	if in.pkg == nil {
		return out
	}
	if s := in.pkg.res.Schema; s != nil {
		for _, f := range s.Fields {
			if strings.TrimSpace(f.Description) != "" {
				out[f.Name] = true
			}
		}
	}
	if df, err := fetch.ReadCSVFile(filepath.Join(in.pkg.dir, DictionaryCSVFile), fetch.NoInference()); err == nil {
		tabla, e1 := frame.View(df, "tabla")
		col, e2 := frame.View(df, "columna")
		desc, e3 := frame.View(df, "descripcion")
		if e1 == nil && e2 == nil && e3 == nil {
			t, _ := frame.StringsOf(tabla)
			c, _ := frame.StringsOf(col)
			d, _ := frame.StringsOf(desc)
			for i := range c {
				if t[i] == in.pkg.res.Name && strings.TrimSpace(d[i]) != "" {
					out[c[i]] = true
				}
			}
		}
	}
	return out
}

// listed returns the columns a dictionary of the file's package lists at
// all (a Table Schema field or a row of diccionario.csv), described or
// not.
func (in *input) listed() map[string]bool {
	out := map[string]bool{}
	if in.pkg == nil {
		return out
	}
	if s := in.pkg.res.Schema; s != nil {
		for _, f := range s.Fields {
			out[f.Name] = true
		}
	}
	if df, err := fetch.ReadCSVFile(filepath.Join(in.pkg.dir, DictionaryCSVFile), fetch.NoInference()); err == nil {
		tabla, e1 := frame.View(df, "tabla")
		col, e2 := frame.View(df, "columna")
		if e1 == nil && e2 == nil {
			t, _ := frame.StringsOf(tabla)
			c, _ := frame.StringsOf(col)
			for i := range c {
				if t[i] == in.pkg.res.Name {
					out[c[i]] = true
				}
			}
		}
	}
	return out
}

// needsExplaining reports whether a column holds codes or has an
// abbreviated name: the columns the guide says a dictionary must explain.
func (in *input) needsExplaining(n string) bool {
	if geoName(n) == "code" || codeName(n) || crypticName(n) {
		return true
	}
	if in.pkg != nil && in.pkg.res.Schema != nil {
		if i := in.pkg.res.Schema.FieldIndex(n); i >= 0 && in.pkg.res.Schema.Fields[i].Constraints.Pattern != "" {
			return true
		}
	}
	return false
}

// crypticName reports whether a snake_case name has a short word that is
// not a common one ("pob", "nom", "ent").
func crypticName(n string) bool {
	for _, w := range strings.Split(n, "_") {
		if len(w) <= 3 && !shortWords[w] && !allDigits.MatchString(w) {
			return true
		}
	}
	return false
}

// checkDictionary: the guide asks that a data dictionary explain every
// column where codes are kept. It passes when the package's dictionary
// (Table Schema and diccionario.csv) lists every column and describes
// every code column and abbreviated name.
func checkDictionary(in *input) Check {
	if in.pkg == nil {
		return Check{Evidence: "not part of a data package (no datapackage.json beside it lists the file)"}
	}
	documented, listed := in.described(), in.listed()
	var unlisted, unexplained, plain []string
	for _, n := range in.df.Names() {
		switch {
		case !listed[n]:
			unlisted = append(unlisted, n)
		case documented[n]:
		case in.needsExplaining(n):
			unexplained = append(unexplained, n)
		default:
			plain = append(plain, n)
		}
	}
	where := "the Table Schema"
	if _, err := os.Stat(filepath.Join(in.pkg.dir, DictionaryCSVFile)); err == nil {
		where += " and " + DictionaryCSVFile
	}
	var bad []string
	if len(unlisted) > 0 {
		bad = append(bad, fmt.Sprintf("%s do not list %s", where, list(unlisted, 5)))
	}
	if len(unexplained) > 0 {
		bad = append(bad, fmt.Sprintf("codes or abbreviations without a description: %s (publish.Describe)", list(unexplained, 5)))
	}
	if len(bad) > 0 {
		return Check{Applies: true, Evidence: strings.Join(bad, "; ")}
	}
	ev := fmt.Sprintf("%s list all %d columns with type and values; %d described", where, in.df.Ncol(), in.df.Ncol()-len(plain))
	if len(plain) > 0 {
		ev += fmt.Sprintf(" (no description, names speak for themselves: %s)", list(plain, 4))
	}
	return Check{Applies: true, Passed: true, Evidence: ev}
}
