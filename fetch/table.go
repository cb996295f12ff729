package fetch

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/missing"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// tableFromRecords turns a header and rows of raw cell text into a typed
// DataFrame: names made unique, types inferred (or forced by options),
// missing markers turned into missing values, and every decision written to
// rep. Readers that do not parse straight into typed columns (JSON, Excel,
// HTML) end here. rows may be ragged; short rows are padded with missing
// values. firstLine is the 1-based input line or row of rows[0], for errors.
func tableFromRecords(cfg *config, header []string, rows [][]string, firstLine int, rep *Report) (dataframe.DataFrame, error) {
	names := uniqueNames(header)
	ms := cfg.missingSet()
	cols := make([]series.Series, 0, len(names))
	want := cfg.wanted(names)
	for j, name := range names {
		if want != nil && !want[name] {
			continue
		}
		raw := make([]string, len(rows))
		for i, r := range rows {
			if j < len(r) {
				raw[i] = r[j]
			}
		}
		s, cr, err := typedColumn(cfg, name, raw, ms, firstLine)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		if header[j] != name {
			cr.Original = header[j]
		}
		rep.Columns = append(rep.Columns, cr)
		cols = append(cols, s)
	}
	if want != nil {
		for _, c := range cfg.columns {
			if !contains(names, c) {
				return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: column %q: %w (columns: %s)", orDash(cfg.source), c, ErrNoColumn, strings.Join(names, ", "))
			}
		}
	}
	rep.Rows = len(rows)
	df, err := frame.New(cols...)
	if err != nil {
		return df, fmt.Errorf("fetch: %s: %w", orDash(cfg.source), err)
	}
	return df, nil
}

// missingSet returns the markers in force.
func (c *config) missingSet() missing.Set {
	if c.missing == nil && c.extraMissing == nil {
		return missing.DefaultSet
	}
	base := missing.Default
	if c.missing != nil {
		base = c.missing
	}
	return missing.NewSet(append(append([]string(nil), base...), c.extraMissing...))
}

// wanted returns the set of columns asked for with Columns, or nil for all.
func (c *config) wanted(names []string) map[string]bool {
	if len(c.columns) == 0 {
		return nil
	}
	w := make(map[string]bool, len(c.columns))
	for _, n := range c.columns {
		w[n] = true
	}
	return w
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// uniqueNames trims header names, names empty ones col_N (1-based position)
// and makes duplicates unique with _2, _3…
func uniqueNames(header []string) []string {
	out := make([]string, len(header))
	seen := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			h = "col_" + strconv.Itoa(i+1)
		}
		out[i] = h
	}
	for i, h := range out {
		seen[h]++
		if seen[h] > 1 {
			n := seen[h]
			cand := h + "_" + strconv.Itoa(n)
			for contains(out, cand) {
				n++
				cand = h + "_" + strconv.Itoa(n)
			}
			seen[h] = n
			out[i] = cand
		}
	}
	return out
}

// typedColumn infers (or applies) the type of one column of raw strings.
func typedColumn(cfg *config, name string, raw []string, ms missing.Set, firstLine int) (series.Series, ColumnReport, error) {
	cr := ColumnReport{Name: name}
	na := make([]bool, len(raw))
	for i, v := range raw {
		if ms.Is(v) {
			na[i] = true
			cr.Missing++
			if cr.MissingValues == nil {
				cr.MissingValues = make(map[string]int)
			}
			cr.MissingValues[v]++
		}
	}
	t, forced := cfg.types[name]
	if !forced {
		t, cr.Why = inferType(name, raw, na, cfg.noInference)
	} else {
		cr.Why = "type set by option"
	}
	cr.Type = t
	switch t {
	case series.Int:
		v := make([]int, len(raw))
		for i, s := range raw {
			if na[i] {
				continue
			}
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				return series.Series{}, cr, fmt.Errorf("fetch: %s: line %d: column %q: %q: %w", orDash(cfg.source), firstLine+i, name, s, ErrType)
			}
			v[i] = n
		}
		return frame.Ints(name, v, na), cr, nil
	case series.Float:
		v := make([]float64, len(raw))
		for i, s := range raw {
			if na[i] {
				continue
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil {
				return series.Series{}, cr, fmt.Errorf("fetch: %s: line %d: column %q: %q: %w", orDash(cfg.source), firstLine+i, name, s, ErrType)
			}
			v[i] = f
		}
		return frame.Floats(name, v, na), cr, nil
	case series.Bool:
		v := make([]bool, len(raw))
		for i, s := range raw {
			if na[i] {
				continue
			}
			b, err := strconv.ParseBool(strings.ToLower(strings.TrimSpace(s)))
			if err != nil {
				return series.Series{}, cr, fmt.Errorf("fetch: %s: line %d: column %q: %q: %w", orDash(cfg.source), firstLine+i, name, s, ErrType)
			}
			v[i] = b
		}
		return frame.Bools(name, v, na), cr, nil
	default:
		return frame.Strings(name, raw, na), cr, nil
	}
}

// inferType chooses a column type conservatively. It is the simple,
// reference version of inference; faster paths must agree with it.
func inferType(name string, raw []string, na []bool, off bool) (series.Type, string) {
	if off {
		return series.String, "inference off"
	}
	if looksLikeCodeName(name) {
		return series.String, "name looks like a code"
	}
	isInt, isFloat, isBool, any := true, true, true, false
	for i, s := range raw {
		if na[i] {
			continue
		}
		any = true
		s = strings.TrimSpace(s)
		if hasLeadingZero(s) {
			return series.String, fmt.Sprintf("leading zeros: %q", s)
		}
		if isInt {
			if _, err := strconv.Atoi(s); err != nil {
				isInt = false
			}
		}
		if isFloat {
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				isFloat = false
			}
		}
		if isBool {
			switch strings.ToLower(s) {
			case "true", "false":
			default:
				isBool = false
			}
		}
		if !isInt && !isFloat && !isBool {
			return series.String, ""
		}
	}
	switch {
	case !any:
		return series.String, "no values"
	case isInt:
		return series.Int, ""
	case isFloat:
		return series.Float, ""
	case isBool:
		return series.Bool, ""
	}
	return series.String, ""
}

// hasLeadingZero reports whether s is a digit string that starts with 0 and
// has more than one digit ("01", "007"), as codes are written.
func hasLeadingZero(s string) bool {
	if len(s) < 2 || s[0] != '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return s[1] != '.' && s[1] != ','
		}
	}
	return true
}

// looksLikeCodeName reports whether a column name says it holds codes:
// cve_*, clave*, id*, rfc, curp, cp, cvegeo…
func looksLikeCodeName(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "rfc", "curp", "cp", "cvegeo", "cve_geo", "codigo_postal", "id":
		return true
	}
	for _, p := range []string{"cve_", "cve ", "clave", "id_", "id ", "codigo", "folio"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}
