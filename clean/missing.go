package clean

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/missing"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// markers is the missing-value test for one column: the base markers
// (Config.Missing or the defaults) plus the column's extra codes.
type markers struct {
	base  missing.Set
	extra missing.Set // extra codes of this column and of "*"; may be nil
}

// is reports whether the raw string v is a missing marker; surrounding
// whitespace is ignored and a blank string is always missing.
func (m markers) is(v string) bool {
	if m.base.Is(v) {
		return true
	}
	if m.extra != nil {
		_, ok := m.extra[strings.TrimSpace(v)]
		return ok
	}
	return false
}

// isExtra reports whether v is one of the column's extra codes.
func (m markers) isExtra(v string) bool {
	if m.extra == nil {
		return false
	}
	_, ok := m.extra[strings.TrimSpace(v)]
	return ok
}

// markersFor returns the missing-value test for column col.
func (c Config) markersFor(col string) markers {
	m := markers{base: missing.DefaultSet}
	if c.Missing != nil {
		m.base = missing.NewSet(c.Missing)
	}
	// Keys match the column's name exactly or once both are cleaned the
	// way Names cleans them, so codes given for "INTUBADO" still apply
	// after Names renamed the column "intubado".
	var extra []string
	clean := ""
	for key, codes := range c.ExtraMissing {
		switch {
		case key == "*" || key == col:
		default:
			if clean == "" {
				clean = NameString(col)
			}
			if NameString(key) != clean {
				continue
			}
		}
		extra = append(extra, codes...)
	}
	if len(extra) > 0 {
		m.extra = missing.NewSet(extra)
	}
	return m
}

// checkFrame returns an error wrapping ErrFrame when df carries one.
func checkFrame(step string, df dataframe.DataFrame) error {
	if df.Err != nil {
		return fmt.Errorf("clean: %s: %w: %w", step, ErrFrame, df.Err)
	}
	return nil
}

// columnsFor resolves the columns a call works on: the named ones, which
// must exist, or every column when none is named.
func columnsFor(step string, df dataframe.DataFrame, cols []string) ([]string, error) {
	names := df.Names()
	if len(cols) == 0 {
		return names, nil
	}
	have := make(map[string]bool, len(names))
	for _, n := range names {
		have[n] = true
	}
	for _, c := range cols {
		if !have[c] {
			return nil, fmt.Errorf("clean: %s: column %q: %w (columns: %s)", step, c, ErrNoColumn, strings.Join(names, ", "))
		}
	}
	return cols, nil
}

// replace puts s in place of the column of the same name.
func replace(step string, df dataframe.DataFrame, s series.Series) (dataframe.DataFrame, error) {
	out := df.Mutate(s)
	if out.Err != nil {
		return df, fmt.Errorf("clean: %s: column %q: %w: %w", step, s.Name, ErrFrame, out.Err)
	}
	return out, nil
}

// SetMissing turns missing-value markers into real missing values: in text
// columns the default markers ("", "N/D", "NA", "S/D", "-", "NULL", "No
// disponible"…; see Config.Missing), in every column the extra codes of
// Config.ExtraMissing (such as 97, 98 and 99 in health data, also when the
// column is already numeric). With no cols it works on every column. The
// report lists, per column, the raw strings that became missing with
// counts. SetMissing is Config{}.SetMissing.
func SetMissing(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return Config{}.SetMissing(df, cols...)
}

// SetMissing is the package function SetMissing with c's markers.
func (c Config) SetMissing(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	var rep Report
	if err := checkFrame("missing", df); err != nil {
		return df, rep, err
	}
	targets, err := columnsFor("missing", df, cols)
	if err != nil {
		return df, rep, err
	}
	out := df
	for _, name := range targets {
		s := out.Col(name)
		m := c.markersFor(name)
		var ns series.Series
		var cr ColumnReport
		switch s.Type() {
		case series.String:
			ns, cr = missingStrings(s, m)
		case series.Int, series.Float:
			ns, cr = missingNumbers(s, m)
		default:
			continue
		}
		cr.Column, cr.Step = name, "missing"
		if cr.Changed > 0 {
			if out, err = replace("missing", out, ns); err != nil {
				return df, rep, err
			}
			cr.Converted = true
			cr.Result = fmt.Sprintf("%d markers set to missing", cr.Changed)
		} else {
			cr.Result = "no markers found"
		}
		rep.Columns = append(rep.Columns, cr)
	}
	return out, rep, nil
}

func missingStrings(s series.Series, m markers) (series.Series, ColumnReport) {
	v, na := frame.StringsOf(s)
	var cr ColumnReport
	became := counter{}
	for i, x := range v {
		if na[i] {
			cr.Missing++
			continue
		}
		if m.is(x) {
			became.add(x)
			na[i] = true
			v[i] = ""
			cr.Changed++
		}
	}
	cr.BecameMissing = became.sorted(0)
	if cr.Changed == 0 {
		return s, cr
	}
	return frame.Strings(s.Name, v, na), cr
}

// missingNumbers applies only the column's extra codes: a number column
// has no text markers left.
func missingNumbers(s series.Series, m markers) (series.Series, ColumnReport) {
	var cr ColumnReport
	if m.extra == nil {
		cr.Missing = countTrue(s.IsNaN())
		return s, cr
	}
	f, na := frame.FloatsOf(s)
	became := counter{}
	for i, x := range f {
		if na[i] {
			cr.Missing++
			continue
		}
		txt := strconv.FormatFloat(x, 'f', -1, 64)
		if m.isExtra(txt) {
			became.add(txt)
			na[i] = true
			cr.Changed++
		}
	}
	cr.BecameMissing = became.sorted(0)
	if cr.Changed == 0 {
		return s, cr
	}
	if s.Type() == series.Int {
		iv := make([]int, len(f))
		for i, x := range f {
			if !na[i] && !math.IsNaN(x) {
				iv[i] = int(x)
			}
		}
		return frame.Ints(s.Name, iv, na), cr
	}
	return frame.Floats(s.Name, f, na), cr
}

// textOf returns the values of s as text and the missing mask: numbers in
// their shortest exact form ("1", "0.1234567"), not gota's "%f" records.
func textOf(s series.Series) ([]string, []bool) {
	if s.Type() != series.Float {
		return frame.StringsOf(s)
	}
	f, na := frame.FloatsOf(s)
	v := make([]string, len(f))
	for i, x := range f {
		if !na[i] {
			v[i] = strconv.FormatFloat(x, 'f', -1, 64)
		}
	}
	return v, na
}

func countTrue(b []bool) int {
	n := 0
	for _, x := range b {
		if x {
			n++
		}
	}
	return n
}
