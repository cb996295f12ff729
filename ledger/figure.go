package ledger

import (
	"fmt"
	"math"
	"strings"

	"github.com/datacon-mx/cifra/analyze"
)

// FigureInfo is one published number with everything a fact-checker asks
// of it.
type FigureInfo struct {
	// Name identifies the figure in Render ({{cifra "name"}}) and diffs.
	Name string `json:"name"`
	// Value is the number as computed, unrounded.
	Value float64 `json:"value"`
	// Text is the number as published: es-MX marks, rounded by Decimals,
	// with "%" glued on when Unit is "%" ("85.7%", "29,498").
	Text string `json:"text"`
	// Unit says what the number counts ("por cada 100 mil habitantes",
	// "%", "pesos de 2024", "carpetas de investigación").
	Unit string `json:"unit,omitempty"`
	// Period is the time the number covers ("enero–marzo de 2026").
	Period string `json:"period,omitempty"`
	// Definition says in words how the number is computed.
	Definition string `json:"definition,omitempty"`
	// Decimals, Grouping and Rounding are how Text was written.
	Decimals int    `json:"decimals"`
	Grouping bool   `json:"grouping"`
	Rounding string `json:"rounding"`
	// Numerator and Denominator are set for rates and shares (Ratio); Per
	// is the scale (100 for a percentage, 100000 for a rate per 100,000
	// people): Value = Numerator / Denominator × Per.
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	Per         float64  `json:"per,omitempty"`
	// N is the number of cases the figure rests on (the numerator, unless
	// N was given); Small is true when it is under
	// analyze.DefaultSmallCount, or when Small(true) said so.
	N     *float64 `json:"n"`
	Small bool     `json:"small"`
	// Caveats must travel with the number.
	Caveats []string `json:"caveats"`
	// Alternatives are the same figure computed another way (another
	// denominator, another base year), for an editor to see how fragile
	// it is.
	Alternatives []Variant `json:"alternatives,omitempty"`
	// Sources (URLs, or paths) and Steps (names) the figure depends on.
	Sources []string `json:"sources"`
	Steps   []string `json:"steps"`
	// Code is the file:line that recorded the figure, relative to the
	// module root.
	Code string `json:"code"`
}

// Variant is a figure computed another way (see Alternative).
type Variant struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
	Text  string  `json:"text"`
}

func (f FigureInfo) clone() FigureInfo {
	f.Caveats = append([]string{}, f.Caveats...)
	if f.Alternatives != nil {
		f.Alternatives = append([]Variant(nil), f.Alternatives...)
	}
	f.Sources = append([]string{}, f.Sources...)
	f.Steps = append([]string{}, f.Steps...)
	for _, p := range []**float64{&f.Numerator, &f.Denominator, &f.N} {
		if *p != nil {
			v := **p
			*p = &v
		}
	}
	return f
}

// figureSpec gathers the options of one Figure call.
type figureSpec struct {
	unit, period, definition string
	decimals                 *int
	noGrouping               bool
	num, den, per, n         *float64
	small                    *bool
	caveats                  []string
	alts                     []Variant
	from                     []string
	fromSet                  bool
	errs                     []error
}

// Option describes a figure (Unit, Ratio, Decimals, Caveat, Period…).
type Option func(*figureSpec)

func (s *figureSpec) fail(format string, a ...any) {
	s.errs = append(s.errs, fmt.Errorf(format, a...))
}

// Unit says what the number counts. "%" is written into the published
// text ("85.7%"); any other unit is left for the sentence to say ("29,498
// carpetas", "12.3 por cada 100 mil habitantes").
func Unit(u string) Option { return func(s *figureSpec) { s.unit = u } }

// Period says what time the number covers ("enero–marzo de 2026", "2020").
func Period(p string) Option { return func(s *figureSpec) { s.period = p } }

// Definition says in words how the number is computed ("carpetas por
// homicidio doloso entre la población a mitad de año, por 100 mil").
func Definition(d string) Option { return func(s *figureSpec) { s.definition = d } }

// Decimals sets how many decimals are published (0 to 12). Without it a
// whole number gets none, a number under 1 two, anything else one.
// Rounding is half away from zero.
func Decimals(n int) Option {
	return func(s *figureSpec) {
		if n < 0 || n > 12 {
			s.fail("Decimals(%d): want 0 to 12: %w", n, ErrArgument)
			return
		}
		s.decimals = &n
	}
}

// Thousands(false) writes the number without thousands marks ("1234");
// by default four or more integer digits are grouped ("1,234").
func Thousands(group bool) Option { return func(s *figureSpec) { s.noGrouping = !group } }

// Ratio records a rate's or share's numerator and denominator. The value
// must follow from them: value = numerator / denominator × per, where per
// is given with Per or found among 1, 100, 1,000, 10,000, 100,000 and
// 1,000,000; otherwise Figure returns an error, since the numbers do not
// back the figure. With Unit("%") the scale must be 100 (85.7, not
// 0.857). The numerator is also the figure's n (see N, Small).
func Ratio(numerator, denominator float64) Option {
	return func(s *figureSpec) { s.num, s.den = &numerator, &denominator }
}

// Per sets the scale of a Ratio (100 for a percentage, 100000 for a rate
// per 100,000 people) when it is not a power of ten.
func Per(per float64) Option {
	return func(s *figureSpec) {
		if !(per > 0) || math.IsInf(per, 0) {
			s.fail("Per(%v): want a positive number: %w", per, ErrArgument)
			return
		}
		s.per = &per
	}
}

// N sets the number of cases the figure rests on when it is not the
// numerator: survey respondents, municipalities reporting, or the base
// of a change recorded as Ratio(new-old, old). The figure is small when
// n is under analyze.DefaultSmallCount.
func N(n float64) Option { return func(s *figureSpec) { s.n = &n } }

// Small marks the figure as resting on a small number (true) or not
// (false), overriding the count: pass the flag analyze.Rate wrote
// (the "<rate>_small" column) for the row you publish.
func Small(small bool) Option { return func(s *figureSpec) { s.small = &small } }

// Caveat adds a warning that must travel with the number ("carpetas
// abiertas, no víctimas"). Repeat it for several.
func Caveat(text string) Option {
	return func(s *figureSpec) {
		if strings.TrimSpace(text) == "" {
			s.fail("Caveat: empty text: %w", ErrArgument)
			return
		}
		s.caveats = append(s.caveats, text)
	}
}

// Alternative records the same figure computed another way ("con la
// población del Censo 2020"), written with the figure's decimals.
func Alternative(label string, value float64) Option {
	return func(s *figureSpec) {
		if strings.TrimSpace(label) == "" || math.IsNaN(value) || math.IsInf(value, 0) {
			s.fail("Alternative(%q, %v): want a label and a finite value: %w", label, value, ErrArgument)
			return
		}
		s.alts = append(s.alts, Variant{Label: label, Value: value})
	}
}

// From names the sources (URL, path or file name) and steps (name) the
// figure depends on. Without From a figure depends on every source and
// step recorded before it.
func From(names ...string) Option {
	return func(s *figureSpec) { s.from, s.fromSet = append(s.from, names...), true }
}

// Figure records a number the story publishes. Names are unique: a name
// used before is an error wrapping ErrDuplicate. A value that is missing
// (NaN) or infinite, an invalid option, a ratio the value does not follow
// from, or a From name that is no recorded source or step is an error
// wrapping ErrArgument; nothing is recorded then. The file:line of the
// call is kept as the figure's Code.
func (l *Ledger) Figure(name string, value float64, opts ...Option) error {
	code := callerCode(1)
	var s figureSpec
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	prefix := fmt.Sprintf("ledger: Figure %q", name)
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("ledger: Figure: empty name: %w", ErrArgument)
	}
	if _, dup := l.byName[name]; dup {
		return fmt.Errorf("%s: recorded before at %s: %w", prefix, l.figures[l.byName[name]].Code, ErrDuplicate)
	}
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return fmt.Errorf("%s: value %v: a published figure must be a finite number: %w", prefix, value, ErrArgument)
	}
	if len(s.errs) > 0 {
		return fmt.Errorf("%s: %w", prefix, s.errs[0])
	}
	f := FigureInfo{
		Name: name, Value: value, Unit: s.unit, Period: s.period, Definition: s.definition,
		Grouping: !s.noGrouping, Caveats: append([]string{}, s.caveats...), Code: code,
	}
	f.Decimals = autoDecimals(value)
	if s.decimals != nil {
		f.Decimals = *s.decimals
	}
	f.Rounding = roundingRule(f.Decimals)
	f.Text = f.format(value)
	for _, a := range s.alts {
		a.Text = f.format(a.Value)
		f.Alternatives = append(f.Alternatives, a)
	}
	if err := f.setRatio(s); err != nil {
		return fmt.Errorf("%s: %w", prefix, err)
	}
	if err := l.setDeps(&f, s); err != nil {
		return fmt.Errorf("%s: %w", prefix, err)
	}
	if l.byName == nil { // a zero Ledger works too
		l.byName = map[string]int{}
	}
	l.byName[name] = len(l.figures)
	l.figures = append(l.figures, f)
	return nil
}

// format writes v as this figure is published.
func (f FigureInfo) format(v float64) string {
	t := formatNumber(v, f.Decimals, f.Grouping)
	if f.Unit == "%" {
		t += "%"
	}
	return t
}

// setRatio checks and stores the numerator, denominator, scale and n.
func (f *FigureInfo) setRatio(s figureSpec) error {
	if s.per != nil && s.num == nil {
		return fmt.Errorf("Per without Ratio: %w", ErrArgument)
	}
	if s.num != nil {
		num, den := *s.num, *s.den
		for _, x := range []float64{num, den} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("Ratio(%v, %v): numerator and denominator must be finite numbers: %w", num, den, ErrArgument)
			}
		}
		if den == 0 {
			return fmt.Errorf("Ratio(%v, %v): denominator is zero: %w", num, den, ErrArgument)
		}
		given := s.per
		if hundred := 100.0; given == nil && f.Unit == "%" {
			// A percentage is a ratio × 100: try that scale first, so a
			// share of zero (0/43, which fits every scale) is one too.
			if _, ok := scaleOf(f.Value, num/den, &hundred); ok {
				given = &hundred
			}
		}
		per, ok := scaleOf(f.Value, num/den, given)
		if !ok {
			want := "record the unrounded value, and pass Per(scale) if the scale is not a power of ten"
			if s.per != nil {
				want = fmt.Sprintf("with Per(%v) the value would be %v", *s.per, num/den**s.per)
			}
			return fmt.Errorf("value %v does not follow from Ratio(%v, %v) = %v (%s): %w", f.Value, num, den, num/den, want, ErrArgument)
		}
		if f.Unit == "%" && per != 100 {
			return fmt.Errorf("value %v with Unit(\"%%\") and Ratio(%v, %v) is a ratio × %v, not a percentage (× 100): %w", f.Value, num, den, per, ErrArgument)
		}
		f.Numerator, f.Denominator, f.Per = &num, &den, per
		n := num
		f.N = &n
	}
	if s.n != nil {
		if math.IsNaN(*s.n) || *s.n < 0 || math.IsInf(*s.n, 0) {
			return fmt.Errorf("N(%v): want a count ≥ 0: %w", *s.n, ErrArgument)
		}
		n := *s.n
		f.N = &n
	}
	if f.N != nil {
		f.Small = math.Abs(*f.N) < analyze.DefaultSmallCount
	}
	if s.small != nil {
		f.Small = *s.small
	}
	return nil
}

// scaleOf finds per with value = ratio × per: the given one, or a power of
// ten from 1 to 1,000,000. Values must agree to nine significant digits.
func scaleOf(value, ratio float64, given *float64) (float64, bool) {
	close := func(per float64) bool {
		want := ratio * per
		return math.Abs(value-want) <= 1e-9*math.Max(math.Abs(value), math.Abs(want)) || value == want
	}
	if given != nil {
		return *given, close(*given)
	}
	for _, per := range []float64{1, 100, 1000, 10_000, 100_000, 1_000_000} {
		if close(per) {
			return per, true
		}
	}
	return 0, false
}

// setDeps fills the sources and steps a figure depends on.
func (l *Ledger) setDeps(f *FigureInfo, s figureSpec) error {
	f.Sources, f.Steps = []string{}, []string{}
	if !s.fromSet {
		for _, src := range l.sources {
			f.Sources = append(f.Sources, src.key())
		}
		for _, st := range l.steps {
			f.Steps = append(f.Steps, st.Name)
		}
		return nil
	}
	for _, name := range s.from {
		src, n := l.sourceNamed(name)
		step := -1
		for i, st := range l.steps {
			if st.Name == name {
				step = i
			}
		}
		switch {
		case n > 1:
			return fmt.Errorf("From(%q): %d sources go by that name; use the URL: %w", name, n, ErrArgument)
		case n == 1 && step >= 0:
			return fmt.Errorf("From(%q): both a source and a step go by that name; use the source's URL: %w", name, ErrArgument)
		case n == 1:
			f.Sources = appendNew(f.Sources, src.key())
		case step >= 0:
			f.Steps = appendNew(f.Steps, name)
		default:
			return fmt.Errorf("From(%q): no source or step recorded by that name (record it first with Source or Step; sources: %s; steps: %s): %w",
				name, l.sourceKeys(), l.stepNames(), ErrArgument)
		}
	}
	return nil
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func (l *Ledger) sourceKeys() string {
	var ks []string
	for _, s := range l.sources {
		ks = append(ks, fmt.Sprintf("%q", s.key()))
	}
	if len(ks) == 0 {
		return "none"
	}
	return strings.Join(ks, ", ")
}

func (l *Ledger) stepNames() string {
	var ks []string
	for _, s := range l.steps {
		ks = append(ks, fmt.Sprintf("%q", s.Name))
	}
	if len(ks) == 0 {
		return "none"
	}
	return strings.Join(ks, ", ")
}
