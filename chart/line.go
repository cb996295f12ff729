package chart

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/internal/missing"
)

// maxLines is the most coloured lines Line draws; with Highlight the
// others are grey and there is no limit below maxGrey.
const (
	maxLines = 8
	maxGrey  = 60
)

// Series names the column whose values split the rows into several lines
// (long format: one row per series and x). Each line is labelled at its
// end; there is no legend.
func Series(col string) Option { return func(c *config) { c.series = col } }

// FromZero makes the value axis start at zero (true) or fit the data
// (false). By default it starts at zero when the data are all positive and
// the smallest is under half the largest.
func FromZero(yes bool) Option {
	return func(c *config) {
		if yes {
			c.yFromZero = 1
		} else {
			c.yFromZero = -1
		}
	}
}

// xAxis is how x values were read.
type xAxis struct {
	dates bool
	prec  datePrecision
	end   periodEnd // where full dates sat in their period, when inferred
}

// readX reads the x column as day numbers (ISO dates; whole numbers from
// 1000 to 2999 count as years) or as plain numbers. Missing x values are
// NaN.
func readX(df dataframe.DataFrame, who, name string) ([]float64, xAxis, error) {
	s, err := column(df, who, name)
	if err != nil {
		return nil, xAxis{}, err
	}
	if s.Type() == series.Int || s.Type() == series.Float {
		vs, err := numbers(df, who, name)
		if err != nil {
			return nil, xAxis{}, err
		}
		years := true
		for _, v := range vs {
			if !math.IsNaN(v) && (v != math.Trunc(v) || v < 1000 || v > 2999) {
				years = false
				break
			}
		}
		if !years {
			return vs, xAxis{}, nil
		}
		out := make([]float64, len(vs))
		for i, v := range vs {
			out[i] = math.NaN()
			if !math.IsNaN(v) {
				t, _, _ := parseDate(strconv.Itoa(int(v)))
				out[i] = dayNumber(t)
			}
		}
		return out, xAxis{dates: true, prec: precYear}, nil
	}
	raw, na, err := texts(df, who, name)
	if err != nil {
		return nil, xAxis{}, err
	}
	out := make([]float64, len(raw))
	ax := xAxis{dates: true}
	for i, t := range raw {
		if na[i] || missing.DefaultSet.Is(t) {
			out[i] = math.NaN()
			continue
		}
		d, p, derr := parseDate(t)
		if derr != nil {
			f, ferr := strconv.ParseFloat(strings.TrimSpace(t), 64)
			if ferr != nil || (ax.prec != 0) {
				return nil, xAxis{}, fmt.Errorf("chart: %s: column %q row %d: %w", who, name, i+1, derr)
			}
			ax.dates = false
			out[i] = f
			continue
		}
		if !ax.dates {
			return nil, xAxis{}, fmt.Errorf("chart: %s: column %q row %d: %q is a date among numbers: %w", who, name, i+1, t, ErrBadDate)
		}
		if p > ax.prec {
			ax.prec = p
		}
		out[i] = dayNumber(d)
	}
	if !ax.dates {
		ax.prec = 0
	}
	return out, ax, nil
}

// lineSeries is one line.
type lineSeries struct {
	name string
	x, y []float64 // sorted by x; NaN y breaks the line
	hl   bool
}

// Line draws y against x: one line, or one per value of the Series column,
// each labelled at its end. x may be ISO dates ("2024-10-17", "2024-10",
// "2024-Q3", "2024"), years as whole numbers, or plain numbers; date axes
// get calendar ticks with Spanish month names ("ene 2024").
//
// Errors: a missing column (ErrNoColumn), a non-numeric y (ErrNotNumeric),
// an x that is neither a date nor a number (ErrBadDate), no rows
// (ErrEmpty), a missing or infinite value (ErrMissing, ErrNotFinite; with
// SkipMissing the line is broken there and a note is added), an x repeated
// within a line (ErrDuplicate: aggregate first or pass Series), more than
// eight lines without Highlight (ErrTooMany).
func Line(df dataframe.DataFrame, xCol, yCol string, opts ...Option) (*Chart, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, fmt.Errorf("chart: Line: %w", err)
	}
	b, rep, err := readLines(df, "Line", xCol, yCol, cfg)
	if err != nil {
		return nil, err
	}
	if len(b.lines) > maxLines && !b.anyHL || len(b.lines) > maxGrey {
		return nil, fmt.Errorf("chart: Line: %w: %d lines are too many to tell apart; pass chart.Highlight(…) to colour a few and grey the rest (up to %d), use SmallMultiples, or filter the table", ErrTooMany, len(b.lines), maxGrey)
	}
	return &Chart{kind: "line", cfg: cfg, body: b, report: rep, cols: []string{xCol, yCol, cfg.series}}, nil
}

// readLines reads x, y and the optional series column into sorted lines.
func readLines(df dataframe.DataFrame, who, xCol, yCol string, cfg *config) (*lineBody, Report, error) {
	var err error
	fail := func(err error) (*lineBody, Report, error) { return nil, Report{}, err }
	xs, ax, err := readX(df, who, xCol)
	if err != nil {
		return fail(err)
	}
	period := ""
	if ax.dates && ax.prec == precDay && !cfg.exactDates {
		// dates on the first or last day of each month, quarter or year
		// stand for that period: draw and label them by period
		ax.prec, ax.end = inferPeriod(xs)
		toPeriods(xs, ax.prec)
		period = periodName(ax.prec, ax.end)
	}
	ys, err := numbers(df, who, yCol)
	if err != nil {
		return fail(err)
	}
	var names []string
	if cfg.series != "" {
		if names, _, err = texts(df, who, cfg.series); err != nil {
			return fail(err)
		}
		names = cfg.caseLabels(names)
	}
	rep := Report{Kind: "line", Rows: len(ys), es: isSpanish(cfg), Period: period}
	byName := map[string]*lineSeries{}
	var lines []*lineSeries
	for i := range ys {
		name := ""
		if names != nil {
			name = names[i]
		}
		labelOf := func() string {
			if name != "" || math.IsNaN(xs[i]) {
				return name
			}
			return xText(xs[i], ax, cfg)
		}
		if math.IsNaN(xs[i]) {
			if !cfg.skipMissing {
				return fail(fmt.Errorf("chart: "+who+": %w: column %q row %d is missing; pass chart.SkipMissing() to leave it out", ErrMissing, xCol, i+1))
			}
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: labelOf(), Reason: "missing x"})
			continue
		}
		if !isFinite(ys[i]) {
			if !cfg.skipMissing {
				return fail(checkValue(who, yCol, i, labelOf(), ys[i]))
			}
			rep.Skipped = append(rep.Skipped, Skip{Row: i + 1, Label: labelOf(), Reason: reason(ys[i])})
		} else {
			rep.Drawn++
		}
		ls := byName[name]
		if ls == nil {
			ls = &lineSeries{name: name}
			byName[name] = ls
			lines = append(lines, ls)
		}
		ls.x = append(ls.x, xs[i])
		ls.y = append(ls.y, ys[i])
	}
	if rep.Drawn == 0 {
		return fail(fmt.Errorf("chart: "+who+": %w: column %q has %d rows and none has a value", ErrEmpty, yCol, len(ys)))
	}
	for _, ls := range lines {
		sort.Stable(byX{ls})
		for k := 1; k < len(ls.x); k++ {
			if ls.x[k] == ls.x[k-1] {
				where := ""
				if ls.name != "" {
					where = fmt.Sprintf(" in series %q", ls.name)
				}
				return fail(fmt.Errorf("chart: "+who+": %w: x %s appears twice%s; aggregate first, or name the column that tells lines apart with chart.Series", ErrDuplicate, xText(ls.x[k], ax, cfg), where))
			}
		}
	}
	var lbls []string
	for _, ls := range lines {
		lbls = append(lbls, ls.name)
	}
	hl, err := highlightMask(who, lbls, cfg.highlight)
	if err != nil {
		return fail(err)
	}
	anyHL := false
	for i, h := range hl {
		lines[i].hl = h
		anyHL = anyHL || h
	}
	b := &lineBody{cfg: cfg, lines: lines, ax: ax, anyHL: anyHL}
	var all []float64
	for _, ls := range lines {
		all = append(all, ls.y...)
	}
	b.format = cfg.format.forValues(all)
	return b, rep, nil
}

// byX sorts a line's points by x.
type byX struct{ s *lineSeries }

func (b byX) Len() int           { return len(b.s.x) }
func (b byX) Less(i, j int) bool { return b.s.x[i] < b.s.x[j] }
func (b byX) Swap(i, j int) {
	b.s.x[i], b.s.x[j] = b.s.x[j], b.s.x[i]
	b.s.y[i], b.s.y[j] = b.s.y[j], b.s.y[i]
}

// xText writes an x value as the reader would: a date or a number.
func xText(x float64, ax xAxis, cfg *config) string {
	if ax.dates {
		p := ax.prec
		if p == 0 {
			p = precDay
		}
		return dateLabel(fromDayNumber(x), p, cfg.locale)
	}
	return Format{Locale: cfg.locale, Decimals: Auto}.Format(x)
}
