package clean

import (
	"fmt"
	"sort"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// Recode replaces the values of column col found in mapping by their
// mapped values ("SA DE CV" → "S.A. de C.V.", "1" → "Mujer") and reports
// how many cells each entry changed, and which entries matched nothing.
// Values not in the mapping are kept; missing values stay missing. The
// column may be text or numeric (numbers are matched by their text, "1");
// the result is a text column. A missing column is an error wrapping
// ErrNoColumn. Recode is Config{}.Recode: values must match exactly.
func Recode(df dataframe.DataFrame, col string, mapping map[string]string) (dataframe.DataFrame, Report, error) {
	return Config{}.Recode(df, col, mapping)
}

// Recode is the package function Recode; with c.FoldKeys, values and
// mapping keys match by their FoldString key ("MICHOACAN" matches "Michoacán"),
// and an exact match wins over a folded one.
func (c Config) Recode(df dataframe.DataFrame, col string, mapping map[string]string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("recode", df); err != nil {
		return df, rep, err
	}
	if _, err := columnsFor("recode", df, []string{col}); err != nil {
		return df, rep, err
	}
	var folded map[string]string
	if c.FoldKeys {
		folded = make(map[string]string, len(mapping))
		keys := make([]string, 0, len(mapping))
		for k := range mapping {
			keys = append(keys, k)
		}
		sort.Strings(keys) // deterministic when two keys fold alike
		for _, k := range keys {
			if f := FoldString(k); f != "" {
				if _, dup := folded[f]; !dup {
					folded[f] = k
				}
			}
		}
	}
	v, na := textOf(df.Col(col))
	used := make(map[string]int, len(mapping))
	cr := ColumnReport{Column: col, Step: "recode"}
	for i, x := range v {
		if na[i] {
			cr.Missing++
			continue
		}
		key, ok := x, false
		if _, ok = mapping[x]; !ok && folded != nil {
			key, ok = folded[FoldString(x)]
		}
		if !ok {
			continue
		}
		used[key]++
		if to := mapping[key]; to != x {
			v[i] = to
			cr.Changed++
		}
	}
	seen := counter{}
	var unused []string
	for k, to := range mapping {
		if n := used[k]; n > 0 {
			seen[fmt.Sprintf("%s → %s", k, to)] = n
		} else {
			unused = append(unused, fmt.Sprintf("%q", k))
		}
	}
	sort.Strings(unused)
	cr.Seen = seen.sorted(0)
	cr.Result = fmt.Sprintf("%d cells recoded", cr.Changed)
	if len(unused) > 0 {
		cr.Notes = append(cr.Notes, fmt.Sprintf("%d mapping entries matched no cell: %s", len(unused), tallyList(unused, 10)))
	}
	out, err := replace("recode", df, frame.Strings(col, v, na))
	if err != nil {
		return df, rep, err
	}
	cr.Converted = true
	rep.Columns = append(rep.Columns, cr)
	return out, rep, nil
}

func tallyList(items []string, max int) string {
	s := ""
	for i, it := range items {
		if i == max {
			return s + fmt.Sprintf(", … %d more", len(items)-max)
		}
		if i > 0 {
			s += ", "
		}
		s += it
	}
	return s
}
