package clean

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Text tidies the named text columns, or every text column when none is
// named: it repairs mojibake ("MÃ©xico" → "México", see FixMojibake),
// normalises to Unicode NFC, trims and collapses whitespace (see Squish).
// Values that lost characters for good ("M�xico") are kept as they are and
// listed in the report as failed, with their rows, so they can be fixed by
// hand. Missing values stay missing. Text is Config{}.Text.
func Text(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return Config{}.Text(df, cols...)
}

// Text is the package function Text; no setting of c changes it.
func (c Config) Text(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return mapText("text", df, cols, func(s string) (string, string) {
		t, fixed := FixMojibake(s)
		t = Squish(t)
		if fixed && t != Squish(NFC(s)) {
			return t, "mojibake repaired"
		}
		return t, ""
	})
}

// Upper upper-cases the named text columns (every text column when none is
// named): "Ciudad de México" → "CIUDAD DE MÉXICO".
func Upper(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return mapText("upper", df, cols, func(s string) (string, string) { return strings.ToUpper(s), "" })
}

// Lower lower-cases the named text columns (every text column when none is
// named).
func Lower(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return mapText("lower", df, cols, func(s string) (string, string) { return strings.ToLower(s), "" })
}

// Title applies TitleString to the named text columns (every text column when
// none is named).
func Title(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return mapText("title", df, cols, func(s string) (string, string) { return TitleString(s), "" })
}

// smallWords stay lower case inside a Spanish title.
var smallWords = map[string]bool{
	"de": true, "del": true, "la": true, "las": true, "el": true, "los": true,
	"y": true, "e": true, "o": true, "u": true, "en": true, "a": true, "al": true,
	"con": true, "por": true, "para": true, "sin": true, "lo": true,
}

// TitleString capitalises each word of s and lower-cases the rest, keeping
// Spanish articles and prepositions ("de", "del", "la", "las", "los", "el",
// "y", "e", "o", "u", "en", "a", "al", "con", "por", "para", "sin") in lower
// case unless they come first: "VERACRUZ DE IGNACIO DE LA LLAVE" →
// "Veracruz de Ignacio de la Llave". Words with a period inside, such as
// "S.A." or "C.V.", keep their capitals.
func TitleString(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	first := true
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			b.WriteRune(r)
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '\'' {
				break
			}
			j += size
		}
		w := s[i:j]
		lw := strings.ToLower(w)
		switch {
		case strings.Contains(strings.TrimSuffix(w, "."), ".") || w == strings.ToUpper(w) && strings.Count(w, ".") > 0 && len(w) <= 5:
			b.WriteString(strings.ToUpper(w))
		case !first && smallWords[lw]:
			b.WriteString(lw)
		default:
			fr, n := utf8.DecodeRuneInString(lw)
			b.WriteRune(unicode.ToUpper(fr))
			b.WriteString(lw[n:])
		}
		first = false
		i = j
	}
	return b.String()
}

// mapText applies f to the non-missing values of text columns. f returns
// the new value and a note ("" for none) counted in the report.
func mapText(step string, df dataframe.DataFrame, cols []string, f func(string) (string, string)) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame(step, df); err != nil {
		return df, rep, err
	}
	targets, err := columnsFor(step, df, cols)
	if err != nil {
		return df, rep, err
	}
	out := df
	for _, name := range targets {
		s := out.Col(name)
		if s.Type() != series.String {
			if len(cols) > 0 {
				rep.Columns = append(rep.Columns, ColumnReport{Column: name, Step: step, Result: kindName(s.Type()) + " column: unchanged"})
			}
			continue
		}
		v, na := frame.StringsOf(s)
		cr := ColumnReport{Column: name, Step: step}
		notes := counter{}
		var fail failures
		for i, x := range v {
			if na[i] {
				cr.Missing++
				continue
			}
			y, note := f(x)
			if note != "" {
				notes.add(note)
			}
			if step == "text" && Damaged(y) {
				fail.add(i+1, x, fmt.Errorf("characters lost (U+FFFD)"), name)
			}
			if y != x {
				v[i] = y
				cr.Changed++
			}
		}
		cr.Failed, cr.FailedRows, cr.FailedExamples = len(fail.rows), fail.rows, fail.values.sorted(10)
		cr.Seen = notes.sorted(0)
		if cr.Failed > 0 {
			cr.Notes = append(cr.Notes, fmt.Sprintf("%d values lost characters in a wrong decoding (\"M\ufffdxico\") and cannot be repaired: kept as they are", cr.Failed))
		}
		cr.Result = fmt.Sprintf("%d values changed", cr.Changed)
		if cr.Changed > 0 {
			cr.Converted = true
			if out, err = replace(step, out, frame.Strings(name, v, na)); err != nil {
				return df, rep, err
			}
		}
		if cr.Changed > 0 || cr.Failed > 0 || len(cols) > 0 {
			rep.Columns = append(rep.Columns, cr)
		}
	}
	return out, rep, nil
}

// FoldColumn adds (or replaces) the column as holding the FoldString key of each
// value of the text column col, for matching: "Michoacán de Ocampo" →
// "michoacan de ocampo". Missing values stay missing. When as is "", the
// new column is col + "_key". A missing col is an error wrapping
// ErrNoColumn.
func FoldColumn(df dataframe.DataFrame, col, as string) (dataframe.DataFrame, error) {
	if err := checkFrame("fold", df); err != nil {
		return df, err
	}
	if _, err := columnsFor("fold", df, []string{col}); err != nil {
		return df, err
	}
	if as == "" {
		as = col + "_key"
	}
	v, na := frame.StringsOf(df.Col(col))
	for i, x := range v {
		if !na[i] {
			v[i] = FoldString(x)
		}
	}
	out := df.Mutate(frame.Strings(as, v, na))
	if out.Err != nil {
		return df, fmt.Errorf("clean: fold: column %q: %w: %w", as, ErrFrame, out.Err)
	}
	return out, nil
}
