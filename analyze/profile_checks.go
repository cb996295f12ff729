package analyze

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/missing"
)

func profileStrings(p *ColumnProfile, c *column) {
	counts := map[string]int{}
	spaces, numeric, leadingZero := 0, 0, 0
	empty, blank := 0, map[string]int{}
	placeholders := map[string]int{}
	var nonNumeric string
	digitLens := map[int]int{}
	shapes := map[string]int{}
	shapeEx := map[string]string{}
	dateLike := 0
	for i, v := range c.s {
		if c.na[i] {
			continue
		}
		counts[v]++
		t := strings.TrimSpace(v)
		switch {
		case v == "":
			empty++
		case t == "":
			blank[v]++
		case t != v:
			spaces++
		}
		if len(t) >= 10 && missing.IsDatePlaceholder(t) {
			placeholders[v]++
		}
		if allDigits(t) {
			digitLens[len(t)]++
		}
		if len(t) > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9' {
			leadingZero++
		}
		if _, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64); err == nil {
			numeric++
		} else if nonNumeric == "" {
			nonNumeric = v
		}
		if sh, ok := dateShape(t); ok {
			dateLike++
			shapes[sh]++
			if shapeEx[sh] == "" {
				shapeEx[sh] = t
			}
		}
	}
	p.Distinct = len(counts)
	p.Top = topValues(counts, 5)
	keys := make([]string, 0, len(counts))
	for v := range counts {
		keys = append(keys, v)
	}
	sort.Strings(keys)
	p.Min, p.Max = keys[0], keys[len(keys)-1]
	if numeric == p.Count {
		// Numbers stored as text: order them by value, not byte order.
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, k := range keys {
			x, _ := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(k), ",", ""), 64)
			if x < lo {
				lo, p.Min = x, k
			}
			if x > hi {
				hi, p.Max = x, k
			}
		}
	}

	for _, z := range []string{"0", "00", "000", "0000", "00000"} {
		if k := counts[z]; k > 0 && codeName(c.name) {
			p.warn(WarnCodeZero, fmt.Sprintf("code %q appears %d times: often the national total (Nacional); filter it out before summing", z, k))
		}
	}
	if spaces > 0 {
		p.warn(WarnSpaces, fmt.Sprintf("%d values have leading or trailing spaces", spaces))
	}
	if empty > 0 || len(blank) > 0 {
		var parts []string
		if empty > 0 {
			parts = append(parts, fmt.Sprintf("\"\" ×%d", empty))
		}
		for _, vc := range topValues(blank, 5) {
			parts = append(parts, fmt.Sprintf("%q ×%d", vc.Value, vc.Count))
		}
		p.warn(WarnBlank, fmt.Sprintf("blank cells that are not missing values: %s (empty text and cells of spaces); clean.SetMissing makes them missing", strings.Join(parts, ", ")))
	}
	if len(placeholders) > 0 {
		n := 0
		for _, k := range placeholders {
			n += k
		}
		var parts []string
		for _, vc := range topValues(placeholders, 5) {
			parts = append(parts, fmt.Sprintf("%q ×%d", vc.Value, vc.Count))
		}
		p.warn(WarnDatePlaceholder, fmt.Sprintf("%s (%.0f%% of values) are placeholders for \"no date\" (SSA writes 9999-99-99 for a patient who did not die), not dates: clean.Dates makes them missing", strings.Join(parts, ", "), pct(n, p.Count)))
	}
	if leadingZero > 0 && len(digitLens) > 1 {
		p.warn(WarnZeroPadding, fmt.Sprintf("digit codes of different lengths (%s), some with leading zeros: pad them to one width before joining", lenList(digitLens)))
	}
	isCode := codeName(c.name)
	if isCode && leadingZero == 0 && len(digitLens) > 1 && numeric == p.Count {
		p.warn(WarnLostZeros, fmt.Sprintf("digit codes of different widths (%s) and none with a leading zero: the zeros were lost; pad them (\"1\" → \"01\")", lenList(digitLens)))
	}
	if !isCode && leadingZero == 0 && dateLike*2 < p.Count && numeric > 0 && float64(numeric) >= 0.9*float64(p.Count) {
		msg := fmt.Sprintf("%d of %d values are numbers stored as text", numeric, p.Count)
		if nonNumeric != "" {
			msg += fmt.Sprintf(" (first other value: %q)", nonNumeric)
		}
		p.warn(WarnNumberAsText, msg+"; parse them (clean.Numbers) before computing")
	}
	if dateLike*2 >= p.Count && len(shapes) > 1 {
		p.warn(WarnMixedDates, fmt.Sprintf("%d date layouts: %s", len(shapes), shapeList(shapes, shapeEx)))
	}
	for _, s := range []string{"99", "999", "9999", "99999", "-1"} {
		if k := counts[s]; k > 0 && (len(s) > 2 || k*100 >= p.Count) {
			p.warn(WarnSentinel, fmt.Sprintf("%q appears %d times: often a code for \"no data\"", s, k))
		}
	}
	for _, s := range []string{"97", "98"} {
		if k := counts[s]; k*20 >= p.Count && k > 0 {
			p.warn(WarnSentinel, fmt.Sprintf("%q is %.0f%% of values: often a code for \"does not apply\"/\"unknown\"", s, pct(k, p.Count)))
		}
	}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dateShape writes a date-looking value as a layout: 4-digit runs are "YYYY",
// 1–2 digit runs "n", other characters kept ("2014-11-24" → "YYYY-n-n",
// "17/10/2024" → "n/n/YYYY"). ok is false for values that are not dates.
func dateShape(s string) (string, bool) {
	if len(s) < 7 || len(s) > 40 {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] >= '0' && s[i] <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			switch j - i {
			case 4:
				b.WriteString("YYYY")
			case 1, 2:
				b.WriteString("n")
			default:
				return "", false
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	sh := b.String()
	for _, pre := range []string{"YYYY-n-n", "YYYY/n/n", "n/n/YYYY", "n-n-YYYY", "YYYY-n"} {
		if strings.HasPrefix(sh, pre) {
			if pre == "YYYY-n" && sh != "YYYY-n" {
				continue
			}
			return sh, true
		}
	}
	return "", false
}

func quoteList(v []string) string {
	q := make([]string, len(v))
	for i, s := range v {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func intList(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

func lenList(m map[int]int) string {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = fmt.Sprintf("%d digits ×%d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func shapeList(m map[string]int, ex map[string]string) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(a, b int) bool { return m[ks[a]] > m[ks[b]] || (m[ks[a]] == m[ks[b]] && ks[a] < ks[b]) })
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = fmt.Sprintf("%q ×%d", ex[k], m[k])
	}
	return strings.Join(parts, ", ")
}

// codeName reports whether a column name says it holds codes.
func codeName(name string) bool {
	toks := strings.Fields(fold.Key(strings.ReplaceAll(name, "_", " ")))
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		switch t {
		case "cve", "clave", "cvegeo", "codigo", "cod", "code", "cp", "folio", "id", "inegi":
			return true
		}
	}
	switch toks[0] {
	case "ent", "entidad", "mun", "municipio", "loc", "localidad", "estado", "state":
		return len(toks) <= 2
	}
	return false
}

func profileNumbers(p *ColumnProfile, c *column) {
	vals := make([]float64, 0, p.Count)
	sum := 0.0
	integral, nonNeg := true, true
	inf := 0
	for i, v := range c.f {
		if c.na[i] {
			continue
		}
		if math.IsInf(v, 0) {
			inf++
		}
		vals = append(vals, v)
		sum += v
		if v != math.Trunc(v) {
			integral = false
		}
		if v < 0 {
			nonNeg = false
		}
	}
	sort.Float64s(vals)
	// Distinct values and the most frequent ones from runs of the sorted
	// values: no map over a million numbers.
	counts := map[float64]int{}
	var top []ValueCount
	for s := 0; s < len(vals); {
		e := s + 1
		for e < len(vals) && vals[e] == vals[s] {
			e++
		}
		p.Distinct++
		k := e - s
		if len(top) < 5 || k > top[len(top)-1].Count {
			top = append(top, ValueCount{formatNum(vals[s]), k})
			sort.SliceStable(top, func(a, b int) bool { return top[a].Count > top[b].Count })
			if len(top) > 5 {
				top = top[:5]
			}
		}
		if isSentinelCandidate(vals[s]) {
			counts[vals[s]] = k
		}
		s = e
	}
	p.Top = top
	p.Min, p.Max = formatNum(vals[0]), formatNum(vals[len(vals)-1])
	if c.isInt() && (math.Abs(vals[0]) >= 1<<53 || math.Abs(vals[len(vals)-1]) >= 1<<53) {
		// float64 rounds integers beyond 2^53: give the exact extremes.
		lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
		for i, x := range c.ints() {
			if !c.na[i] {
				lo, hi = min(lo, x), max(hi, x)
			}
		}
		p.Min, p.Max = strconv.FormatInt(lo, 10), strconv.FormatInt(hi, 10)
	}
	if c.typ != "bool" {
		p.Mean = sum / float64(len(vals))
		p.Median = quantileSorted(vals, 0.5)
	}
	if c.typ == "bool" {
		return
	}
	if inf > 0 {
		p.warn(WarnInfinite, fmt.Sprintf("%d values are ±Inf", inf))
	}
	lo, hi := vals[0], vals[len(vals)-1]
	if integral && nonNeg {
		minD, maxD := len(formatNum(lo)), len(formatNum(hi))
		switch {
		case codeName(c.name) && minD < maxD:
			p.warn(WarnLostZeros, fmt.Sprintf("code column read as numbers (%s to %s): leading zeros are lost; read it as text and pad (\"01\")", p.Min, p.Max))
		case codeName(c.name):
			p.warn(WarnLostZeros, fmt.Sprintf("code column read as numbers (%s to %s): read codes as text", p.Min, p.Max))
		case lo >= 0 && hi <= 32 && p.Distinct >= 30:
			p.warn(WarnLostZeros, fmt.Sprintf("values %s to %s look like INEGI state codes read as numbers: leading zeros are lost (\"01\")", p.Min, p.Max))
		}
		if lo == 0 && (codeName(c.name) || (hi <= 32 && p.Distinct >= 30)) {
			p.warn(WarnCodeZero, fmt.Sprintf("code 0 appears %d times: often the national total (Nacional); filter it out before summing", counts[0]))
		}
	}
	// Sentinels: a run of nines as the maximum, a negative code as the only
	// negative value, 97/98 when frequent.
	second := math.Inf(-1)
	for i := len(vals) - 1; i >= 0; i-- {
		if vals[i] != hi {
			second = vals[i]
			break
		}
	}
	for _, s := range []float64{99, 999, 9999, 99999, 999999} {
		if hi == s && counts[s] > 0 && (counts[s] >= 2 || second*10 < s) {
			p.warn(WarnSentinel, fmt.Sprintf("%s appears %d times as the largest value: often a code for \"no data\"", formatNum(s), counts[s]))
		}
	}
	for _, s := range []float64{-1, -9, -99, -999, -9999} {
		if counts[s] > 0 && lo == s && nextAbove(vals, s) >= 0 {
			p.warn(WarnSentinel, fmt.Sprintf("%s appears %d times and is the only negative value: often a code for \"no data\"", formatNum(s), counts[s]))
		}
	}
	for _, s := range []float64{97, 98} {
		if k := counts[s]; k > 0 && k*20 >= len(vals) {
			p.warn(WarnSentinel, fmt.Sprintf("%s is %.0f%% of values: often a code for \"does not apply\"/\"unknown\"", formatNum(s), pct(k, len(vals))))
		}
	}
}

// nextAbove is the smallest value in sorted vals greater than s.
func nextAbove(vals []float64, s float64) float64 {
	i := sort.SearchFloat64s(vals, s)
	for ; i < len(vals); i++ {
		if vals[i] > s {
			return vals[i]
		}
	}
	return math.Inf(1)
}

// isSentinelCandidate reports whether v is a value the sentinel and code
// checks look at.
func isSentinelCandidate(v float64) bool {
	switch v {
	case 0, 97, 98, 99, 999, 9999, 99999, 999999, -1, -9, -99, -999, -9999:
		return true
	}
	return false
}
