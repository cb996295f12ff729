package clean

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// StripFormulasString removes the tricks spreadsheet exports use to keep a code as
// text, and reports whether s held one:
//
//   - `="01"` → "01" (and `=""01""` once CSV quotes are read);
//   - `=CONCATENAR(0,01)`, `=CONCATENATE("0","1")`, `=CONCAT( ,10)` →
//     the text Excel computes: quoted arguments as written, numbers as
//     numbers ("01" is 1), empty arguments as nothing, so INEGI's
//     `=CONCATENAR(0,01)` is "01" and `=CONCATENAR( ,10)` is "10";
//     arguments may be separated by "," or ";";
//   - `'01` (a leading apostrophe) → "01".
//
// Surrounding spaces are dropped from an unwrapped value. Anything else,
// including formulas that refer to cells, is returned unchanged with false.
func StripFormulasString(s string) (string, bool) {
	t := strings.TrimSpace(s)
	if len(t) < 2 {
		return s, false
	}
	switch t[0] {
	case '\'':
		rest := t[1:]
		if rest == "" || strings.ContainsRune(rest, '\'') {
			return s, false
		}
		return strings.TrimSpace(rest), true
	case '=':
	default:
		return s, false
	}
	body := strings.TrimSpace(t[1:])
	if v, ok := quoted(body); ok {
		return strings.TrimSpace(v), true
	}
	open := strings.IndexByte(body, '(')
	if open < 0 || body[len(body)-1] != ')' {
		return s, false
	}
	switch strings.ToUpper(strings.TrimSpace(body[:open])) {
	case "CONCATENAR", "CONCATENATE", "CONCAT":
	default:
		return s, false
	}
	args, ok := splitArgs(body[open+1 : len(body)-1])
	if !ok {
		return s, false
	}
	var b strings.Builder
	for _, a := range args {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if v, ok := quoted(a); ok {
			b.WriteString(v)
			continue
		}
		f, err := strconv.ParseFloat(a, 64)
		if err != nil {
			return s, false
		}
		b.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
	}
	return strings.TrimSpace(b.String()), true
}

// quoted returns the text of a spreadsheet string literal "…" ("" inside
// is one quote).
func quoted(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	inner := s[1 : len(s)-1]
	if strings.Count(strings.ReplaceAll(inner, `""`, ""), `"`) > 0 {
		return "", false
	}
	return strings.ReplaceAll(inner, `""`, `"`), true
}

// splitArgs splits formula arguments at commas or semicolons outside
// string literals.
func splitArgs(s string) ([]string, bool) {
	var args []string
	in := false
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			in = !in
		case (c == ',' || c == ';') && !in:
			args = append(args, s[start:i])
			start = i + 1
		case c == '(' && !in:
			return nil, false // nested calls are not artefacts
		}
	}
	if in {
		return nil, false
	}
	return append(args, s[start:]), true
}

// StripFormulas applies StripFormulasString to the named text columns, or
// to every text column when none is named, and reports per column how many
// cells it unwrapped and which forms it saw. StripFormulas is
// Config{}.StripFormulas.
func StripFormulas(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return Config{}.StripFormulas(df, cols...)
}

// StripFormulas is the package function StripFormulas; no setting of c
// changes it.
func (c Config) StripFormulas(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("unwrap", df); err != nil {
		return df, rep, err
	}
	targets, err := columnsFor("unwrap", df, cols)
	if err != nil {
		return df, rep, err
	}
	out := df
	for _, name := range targets {
		s := out.Col(name)
		if s.Type() != series.String {
			continue
		}
		v, na := frame.StringsOf(s)
		forms := counter{}
		cr := ColumnReport{Column: name, Step: "spreadsheet"}
		for i, x := range v {
			if na[i] {
				continue
			}
			u, ok := StripFormulasString(x)
			if !ok {
				continue
			}
			forms.add(artefactForm(x))
			v[i] = u
			cr.Changed++
		}
		if cr.Changed == 0 {
			if len(cols) > 0 {
				cr.Result = "no spreadsheet artefacts"
				rep.Columns = append(rep.Columns, cr)
			}
			continue
		}
		cr.Seen = forms.sorted(0)
		cr.Converted = true
		cr.Result = fmt.Sprintf("%d cells unwrapped from spreadsheet formulas or apostrophes", cr.Changed)
		if out, err = replace("unwrap", out, frame.Strings(name, v, na)); err != nil {
			return df, rep, err
		}
		rep.Columns = append(rep.Columns, cr)
	}
	return out, rep, nil
}

// artefactForm names the kind of artefact for the report.
func artefactForm(s string) string {
	t := strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(t, "'"):
		return "'…"
	case strings.HasPrefix(t, `="`) || strings.HasPrefix(t, `= "`):
		return `="…"`
	}
	if open := strings.IndexByte(t, '('); open > 1 {
		return strings.ToUpper(strings.TrimSpace(t[1:open])) + "(…)"
	}
	return t
}
