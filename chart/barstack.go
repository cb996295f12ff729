package chart

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// stackMode says how bars of several series are arranged.
type stackMode int

const (
	stackNone stackMode = iota
	stackGrouped
	stackStacked
	stackPercent
)

// maxSeries is the most series a grouped or stacked bar chart colours.
const maxSeries = 7

// Stacked100 makes StackedBar scale every bar to 100% (shares of each
// category's total), with percentages inside the segments.
func Stacked100() Option { return func(c *config) { c.stack = stackPercent } }

// StackedBar draws one bar per category made of one segment per series,
// from a long table (one row per category and series). Bars are sorted by
// total unless KeepOrder is given or categories are dates; series keep
// their first-appearance order and are named in a colour key under the
// subtitle. Segments large enough carry their value; the total is written
// at the bar end. Pass Stacked100 for shares, Vertical for columns.
//
// Errors are those of Bar, plus a negative value (ErrNegative) and a
// category–series pair given twice (ErrDuplicate). A pair absent from the
// table draws no segment.
func StackedBar(df dataframe.DataFrame, labelCol, seriesCol, valueCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: StackedBar: %w", err)
	}
	if cfg.stack != stackPercent {
		cfg.stack = stackStacked
	}
	return multiBar(df, "StackedBar", labelCol, seriesCol, valueCol, cfg)
}

// GroupedBar draws, for each category, one bar per series side by side,
// from a long table (one row per category and series), with a colour key
// under the subtitle and a value label on every bar. Categories are sorted
// by their largest value unless KeepOrder is given or they are dates.
func GroupedBar(df dataframe.DataFrame, labelCol, seriesCol, valueCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: GroupedBar: %w", err)
	}
	cfg.stack = stackGrouped
	return multiBar(df, "GroupedBar", labelCol, seriesCol, valueCol, cfg)
}

func multiBar(df dataframe.DataFrame, who, labelCol, seriesCol, valueCol string, cfg *config) (*Chart, error) {
	labels, _, err := texts(df, who, labelCol)
	if err != nil {
		return nil, err
	}
	sers, _, err := texts(df, who, seriesCol)
	if err != nil {
		return nil, err
	}
	labels, sers = cfg.caseLabels(labels), cfg.caseLabels(sers)
	values, err := numbers(df, who, valueCol)
	if err != nil {
		return nil, err
	}
	rep := Report{Kind: strings.ToLower(who), Rows: len(values), es: isSpanish(cfg)}
	catIdx := map[string]int{}
	serIdx := map[string]int{}
	var cats, names []string
	type cell struct{ c, s int }
	seen := map[cell]bool{}
	var vals [][]float64 // [cat][series]
	for i, v := range values {
		if !isFinite(v) {
			if !cfg.skipMissing {
				return nil, checkValue(who, valueCol, i, labels[i]+" / "+sers[i], v)
			}
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: labels[i] + " / " + sers[i], Reason: reason(v)})
			continue
		}
		if v < 0 && cfg.stack != stackGrouped {
			return nil, fmt.Errorf("chart: %s: %w: column %q row %d (%s / %s) is %v; stacks need values of zero or more (use GroupedBar)", who, ErrNegative, valueCol, i+1, labels[i], sers[i], v)
		}
		c, ok := catIdx[labels[i]]
		if !ok {
			c = len(cats)
			catIdx[labels[i]] = c
			cats = append(cats, labels[i])
			vals = append(vals, nil)
		}
		s, ok := serIdx[sers[i]]
		if !ok {
			s = len(names)
			serIdx[sers[i]] = s
			names = append(names, sers[i])
		}
		if seen[cell{c, s}] {
			return nil, fmt.Errorf("chart: %s: %w: %q / %q appears twice (row %d); aggregate first", who, ErrDuplicate, labels[i], sers[i], i+1)
		}
		seen[cell{c, s}] = true
		for len(vals[c]) <= s {
			vals[c] = append(vals[c], math.NaN())
		}
		vals[c][s] = v
		rep.Drawn++
	}
	if len(cats) == 0 {
		return nil, fmt.Errorf("chart: %s: %w: column %q has %d rows and none has a value", who, ErrEmpty, valueCol, len(values))
	}
	if len(names) > maxSeries {
		return nil, fmt.Errorf("chart: %s: %w: %d series in %q are too many colours to tell apart (at most %d); group the small ones as \"Otros\"", who, ErrTooMany, len(names), seriesCol, maxSeries)
	}
	for c := range vals {
		for len(vals[c]) < len(names) {
			vals[c] = append(vals[c], math.NaN())
		}
	}
	// order categories
	key := make([]float64, len(cats))
	for c, row := range vals {
		for _, v := range row {
			if math.IsNaN(v) {
				continue
			}
			if cfg.stack == stackGrouped {
				key[c] = math.Max(key[c], v)
			} else {
				key[c] += v
			}
		}
	}
	idx := make([]int, len(cats))
	for i := range idx {
		idx[i] = i
	}
	if !cfg.keepOrder && !allDates(cats) {
		sort.SliceStable(idx, func(a, b int) bool {
			if cfg.ascending {
				return key[idx[a]] < key[idx[b]]
			}
			return key[idx[a]] > key[idx[b]]
		})
		othersLast(idx, cats, cfg)
	}
	if cfg.topN > 0 && len(idx) > cfg.topN {
		rep.Hidden = len(idx) - cfg.topN
		idx = idx[:cfg.topN]
	}
	limit := maxBars
	if cfg.stack == stackGrouped {
		limit = maxBars / len(names)
	}
	if len(idx) > limit && !cfg.allowMany {
		return nil, fmt.Errorf("chart: %s: %w: %d categories are too many to read; pass chart.TopN(%d), or chart.AllowMany()", who, ErrTooMany, len(idx), limit/2)
	}
	b := &multiBody{cfg: cfg, series: names}
	var all []float64
	for _, c := range idx {
		b.cats = append(b.cats, cats[c])
		row := vals[c]
		if cfg.stack == stackPercent {
			tot := 0.0
			for _, v := range row {
				if !math.IsNaN(v) {
					tot += v
				}
			}
			pr := make([]float64, len(row))
			for s, v := range row {
				pr[s] = math.NaN()
				if !math.IsNaN(v) && tot > 0 {
					pr[s] = v / tot * 100
				}
			}
			row = pr
		}
		b.vals = append(b.vals, row)
		all = append(all, row...)
	}
	if err := highlightMulti(who, b, cfg.highlight); err != nil {
		return nil, err
	}
	b.cats = periodLabels(b.cats, cfg.locale)
	if cfg.stack == stackPercent {
		b.format = cfg.format
		b.format.Percent = true
		b.format.Scale = ScaleNone
		if b.format.decimals() == Auto {
			b.format.Decimals = Whole
		}
	} else {
		b.format = cfg.format.forValues(all)
	}
	kind := map[stackMode]string{stackGrouped: "grouped", stackStacked: "stacked", stackPercent: "stacked100"}[cfg.stack]
	rep.Kind = kind
	return &Chart{kind: kind, cfg: cfg, body: b, report: rep, cols: []string{labelCol, seriesCol, valueCol}}, nil
}
