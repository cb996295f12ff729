package chart

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/go-gota/gota/dataframe"

	"github.com/datacon-mx/cifra/internal/fold"
)

// maxBars is the most categories Bar draws without TopN or AllowMany.
const maxBars = 40

// Vertical draws columns (vertical bars) instead of horizontal bars. When
// a category name does not fit under its column at the chart's width (many
// categories on a phone), the bars are drawn horizontally instead, so that
// no name is cut to "…"; dates are thinned instead.
func Vertical() Option { return func(c *config) { c.vertical = true } }

// KeepOrder keeps the table's row order instead of sorting by value.
// Categories that are all ISO dates or years keep their order anyway.
func KeepOrder() Option { return func(c *config) { c.keepOrder = true } }

// Ascending sorts the smallest value first (top or left).
func Ascending() Option { return func(c *config) { c.ascending = true } }

// TopN keeps the n largest categories (after sorting) and notes on the
// chart how many were left out. TopN(0) keeps them all, the default.
func TopN(n int) Option {
	return func(c *config) {
		if n < 0 {
			c.fail("TopN(%d): want 0 (all) or more", n)
			return
		}
		c.topN = n
	}
}

// AllowMany lets Bar draw more than 40 categories (the chart grows taller).
func AllowMany() Option { return func(c *config) { c.allowMany = true } }

// Bar draws one bar per row: horizontal bars sorted by value, largest at
// the top, each labelled with its value formatted for readers. labelCol
// names the categories and valueCol their numeric values.
//
// Errors: a missing column (ErrNoColumn), a non-numeric value column
// (ErrNotNumeric), no rows (ErrEmpty), a missing or infinite value
// (ErrMissing, ErrNotFinite; or SkipMissing), more than 40 categories
// (ErrTooMany; use TopN or AllowMany), a Highlight label that matches no
// category (ErrNoMatch), a category in more than one row (ErrDuplicate,
// naming the category and its rows: two bars for "Colima" usually mean a
// join multiplied rows).
//
// The catch-all category "Otros" (see OtherLabel) is drawn last whatever
// its value. Categories that are monthly, quarterly or annual dates
// ("2014-05", "2014-Q2", "2014", or the first or last day of each period)
// are labelled by period: "may 2014", "T2 2014", "2014".
func Bar(df dataframe.DataFrame, labelCol, valueCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: Bar: %w", err)
	}
	labels, _, err := texts(df, "Bar", labelCol)
	if err != nil {
		return nil, err
	}
	labels = cfg.caseLabels(labels)
	values, err := numbers(df, "Bar", valueCol)
	if err != nil {
		return nil, err
	}
	if err := uniqueLabels("Bar", labelCol, labels, nil); err != nil {
		return nil, err
	}
	rep := Report{Kind: "bar", Rows: len(values), es: isSpanish(cfg)}
	var idx []int
	for i, v := range values {
		if !isFinite(v) {
			if !cfg.skipMissing {
				return nil, checkValue("Bar", valueCol, i, labels[i], v)
			}
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: labels[i], Reason: reason(v)})
			continue
		}
		idx = append(idx, i)
	}
	if len(idx) == 0 {
		return nil, fmt.Errorf("chart: Bar: %w: column %q has %d rows and none has a value", ErrEmpty, valueCol, len(values))
	}
	order(idx, labels, values, cfg)
	all := make([]string, len(idx))
	for k, i := range idx {
		all[k] = labels[i]
	}
	hlAll, err := highlightMask("Bar", all, cfg.highlight)
	if err != nil {
		return nil, err
	}
	if cfg.topN > 0 && len(idx) > cfg.topN {
		for k := cfg.topN; k < len(idx); k++ {
			if hlAll[k] {
				return nil, fmt.Errorf("chart: Bar: %w: Highlight(%q) is not among the TopN(%d) bars shown", ErrNoMatch, all[k], cfg.topN)
			}
		}
		rep.Hidden = len(idx) - cfg.topN
		idx = idx[:cfg.topN]
	}
	if lim := cfg.budgets().Bars; len(idx) > lim {
		return nil, fmt.Errorf("chart: Bar: %w: %d categories, more than the %d any chart draws; pass chart.TopN(20) to show the largest (chart.WithLimits raises the limit)", ErrTooLarge, len(idx), lim)
	}
	if len(idx) > maxBars && !cfg.allowMany {
		return nil, fmt.Errorf("chart: Bar: %w: %d categories are too many to read; pass chart.TopN(20) to show the largest, or chart.AllowMany()", ErrTooMany, len(idx))
	}
	b := &barBody{cfg: cfg}
	for _, i := range idx {
		b.labels = append(b.labels, labels[i])
		b.values = append(b.values, values[i])
	}
	rep.Drawn = len(idx)
	if b.hl, err = highlightMask("Bar", b.labels, cfg.highlight); err != nil {
		return nil, err
	}
	// monthly, quarterly or annual dates are labelled by period
	b.labels = periodLabels(b.labels, cfg.locale)
	b.format = cfg.format.forValues(b.values)
	kind := "bar"
	if cfg.vertical {
		kind = "column"
	}
	rep.Kind = kind
	return &Chart{kind: kind, cfg: cfg, body: b, report: rep, cols: []string{labelCol, valueCol}}, nil
}

// order sorts row indexes by value (descending unless Ascending), with the
// catch-all category ("Otros") last, unless KeepOrder is set or the labels
// are dates.
func order(idx []int, labels []string, values []float64, cfg *config) {
	if cfg.keepOrder {
		return
	}
	ls := make([]string, len(idx))
	for k, i := range idx {
		ls[k] = labels[i]
	}
	if allDates(ls) {
		return
	}
	sort.SliceStable(idx, func(a, b int) bool {
		if cfg.ascending {
			return values[idx[a]] < values[idx[b]]
		}
		return values[idx[a]] > values[idx[b]]
	})
	othersLast(idx, labels, cfg)
}

// highlightMask marks the labels named by Highlight (folded match).
func highlightMask(who string, labels, want []string) ([]bool, error) {
	hl := make([]bool, len(labels))
	if len(want) == 0 {
		return hl, nil
	}
	keys := make(map[string]int, len(labels))
	for i, l := range labels {
		k := fold.Key(l)
		if _, ok := keys[k]; !ok {
			keys[k] = i
		}
	}
	for _, w := range want {
		k := fold.Key(w)
		found := false
		for i, l := range labels {
			if fold.Key(l) == k {
				hl[i] = true
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("chart: %s: %w: Highlight(%q) matches no category (first ones: %s)", who, ErrNoMatch, w, firstFew(labels, 5))
		}
	}
	return hl, nil
}

func firstFew(s []string, n int) string {
	if len(s) <= n {
		return strings.Join(s, ", ")
	}
	return strings.Join(s[:n], ", ") + ", …"
}

// barBody draws single-series bars.
type barBody struct {
	cfg    *config
	labels []string
	values []float64
	hl     []bool
	format Format
}

func (b *barBody) anyHL() bool {
	for _, h := range b.hl {
		if h {
			return true
		}
	}
	return false
}

func (b *barBody) describe() string {
	var parts []string
	for i := range b.labels {
		if i == 5 {
			break
		}
		parts = append(parts, b.labels[i]+" "+b.format.Format(b.values[i]))
	}
	s := strings.Join(parts, "; ")
	if len(b.labels) > 5 {
		s += fmt.Sprintf("; … (%d)", len(b.labels))
	}
	kind := "Barras"
	if !isSpanish(b.cfg) {
		kind = "Bars"
	}
	return kind + ": " + s + "."
}

// valueLabel is the text written at a bar end.
func (b *barBody) valueLabel(i int) string { return b.format.Format(b.values[i]) }

// domain returns the value range drawn: always includes zero and the
// reference lines.
func (b *barBody) domain() (lo, hi float64) {
	for _, v := range b.values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	for _, r := range b.cfg.refs {
		lo, hi = math.Min(lo, r.value), math.Max(hi, r.value)
	}
	if lo == hi {
		hi = lo + 1
	}
	return lo, hi
}

func (b *barBody) colour(i int) (c colorT, bold bool) {
	th := b.cfg.theme
	if !b.anyHL() {
		return th.Primary, false
	}
	if b.hl[i] {
		return th.Accent, true
	}
	return th.Neutral, false
}

// refText is the label of a reference line: the given label plus the
// formatted value unless the label already has a digit.
func refText(r refLine, f Format) string {
	if strings.ContainsAny(r.label, "0123456789") {
		return r.label
	}
	if r.label == "" {
		return f.Format(r.value)
	}
	return r.label + ": " + f.Format(r.value)
}
