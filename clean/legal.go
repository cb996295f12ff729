package clean

import (
	"sort"
	"strings"
)

// legalForm is a company legal form as the word sequence it leaves after
// normalising (folded, punctuation removed, runs of single letters joined:
// "S. de R.L. de C.V." → s de rl de cv), with the spelling to show.
type legalForm struct {
	words []string
	show  string
}

// legalForms lists Mexican (and common Latin American) company and
// association legal forms. Longer forms come first so that the longest
// match wins.
var legalForms = func() []legalForm {
	raw := []struct{ words, show string }{
		{"sociedad anonima promotora de inversion de capital variable", "S.A.P.I. de C.V."},
		{"sociedad anonima bursatil de capital variable", "S.A.B. de C.V."},
		{"sociedad de responsabilidad limitada de capital variable", "S. de R.L. de C.V."},
		{"sociedad anonima de capital variable", "S.A. de C.V."},
		{"sociedad de responsabilidad limitada", "S. de R.L."},
		{"sociedad civil de responsabilidad limitada", "S.C. de R.L."},
		{"sociedad cooperativa de responsabilidad limitada", "S.C. de R.L."},
		{"sociedad de produccion rural de responsabilidad limitada", "S.P.R. de R.L."},
		{"sociedad por acciones simplificada", "S.A.S."},
		{"sociedad anonima", "S.A."},
		{"sociedad civil", "S.C."},
		{"asociacion civil", "A.C."},
		{"institucion de asistencia privada", "I.A.P."},
		{"sc de rl de cv", "S.C. de R.L. de C.V."},
		{"s de rl de cv", "S. de R.L. de C.V."},
		{"s de rl mi", "S. de R.L. M.I."},
		{"spr de rl de cv", "S.P.R. de R.L. de C.V."},
		{"sapib de cv", "S.A.P.I.B. de C.V."},
		{"sapi de cv", "S.A.P.I. de C.V."},
		{"sab de cv", "S.A.B. de C.V."},
		{"sas de cv", "S.A.S. de C.V."},
		{"srl de cv", "S.R.L. de C.V."},
		{"sa de cv", "S.A. de C.V."},
		{"sc de rl", "S.C. de R.L."},
		{"spr de rl", "S.P.R. de R.L."},
		{"spr de ri", "S.P.R. de R.I."},
		{"sc de cv", "S.C. de C.V."},
		{"sc de rs", "S.C. de R.S."},
		{"s en c por a", "S. en C. por A."},
		{"s de rl", "S. de R.L."},
		{"s en nc", "S. en N.C."},
		{"s en cs", "S. en C.S."},
		{"s en c", "S. en C."},
		{"sofom enr", "SOFOM E.N.R."},
		{"sofom er", "SOFOM E.R."},
		{"sa cv", "S.A. de C.V."},
		{"sadecv", "S.A. de C.V."},
		{"sade cv", "S.A. de C.V."},
		{"de cv", "de C.V."},
		{"sapib", "S.A.P.I.B."},
		{"sapi", "S.A.P.I."},
		{"sofom", "SOFOM"},
		{"sofol", "SOFOL"},
		{"sab", "S.A.B."},
		{"sas", "S.A.S."},
		{"srl", "S.R.L."},
		{"spr", "S.P.R."},
		{"scl", "S.C.L."},
		{"scp", "S.C.P."},
		{"sa", "S.A."},
		{"sc", "S.C."},
		{"ac", "A.C."},
		{"iap", "I.A.P."},
		{"ibp", "I.B.P."},
		{"abp", "A.B.P."},
		{"cv", "C.V."},
	}
	out := make([]legalForm, len(raw))
	for i, r := range raw {
		out[i] = legalForm{strings.Fields(r.words), r.show}
	}
	return out
}()

// abbreviations are expanded so that "Cía." and "Compañía" fold alike.
var abbreviations = map[string]string{
	"cia": "compania", "hnos": "hermanos", "hno": "hermano", "hmnos": "hermanos",
}

// nameWords folds a name into words (case, accents and punctuation
// removed) with common abbreviations expanded; runs of single letters
// are kept apart here (see joinLetters).
func nameWords(s string) []string {
	f := strings.Fields(FoldString(s))
	for i, w := range f {
		if x, ok := abbreviations[w]; ok {
			f[i] = x
		}
	}
	return f
}

// joinLetters joins runs of single letters: "j a perez" → "ja perez", so
// "J.A. Pérez" and "JA Pérez" agree.
func joinLetters(f []string) []string {
	out := make([]string, 0, len(f))
	for i := 0; i < len(f); i++ {
		if len(f[i]) != 1 {
			out = append(out, f[i])
			continue
		}
		j := i
		var b strings.Builder
		for j < len(f) && len(f[j]) == 1 {
			b.WriteString(f[j])
			j++
		}
		out = append(out, b.String())
		i = j - 1
	}
	return out
}

// compactForms are the legal forms without spaces, longest first: a name
// ends with a form when its last words, concatenated, spell it ("s a de c
// v", "sa de cv" and "sadecv" all end in "sadecv").
var compactForms = func() []legalForm {
	out := make([]legalForm, 0, len(legalForms))
	seen := map[string]bool{}
	for _, lf := range legalForms {
		c := strings.Join(lf.words, "")
		if seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, legalForm{[]string{c}, lf.show})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].words[0]) > len(out[j].words[0]) })
	return out
}()

// stripLegal removes trailing legal forms from folded words (several:
// "… sapi de cv sofom enr"), never leaving an empty name, then joins runs
// of single letters. It returns the remaining words and the forms
// removed, in reading order.
func stripLegal(words []string) ([]string, []string) {
	var forms []string
	for {
		cut := -1
		show := ""
		for _, lf := range compactForms {
			form := lf.words[0]
			j := len(form)
			for i := len(words) - 1; i >= 1; i-- {
				w := words[i]
				if len(w) > j || form[j-len(w):j] != w {
					break
				}
				j -= len(w)
				if j == 0 {
					cut, show = i, lf.show
					break
				}
			}
			if cut >= 0 {
				break
			}
		}
		if cut < 0 {
			return joinLetters(words), forms
		}
		words = words[:cut]
		forms = append([]string{show}, forms...)
	}
}

// LegalForm splits a company name into its name and its legal form(s),
// recognised in any spelling: "Grupo Azteca, S.A. de C.V.", "GRUPO AZTECA
// SA DE CV" and "Grupo Azteca S. A. de C. V." all give ("grupo azteca",
// "S.A. de C.V."). The name comes back folded (lower case, no accents or
// punctuation); form is empty when none is found.
func LegalForm(name string) (base, form string) {
	w, forms := stripLegal(nameWords(name))
	return strings.Join(w, " "), strings.Join(forms, " ")
}
