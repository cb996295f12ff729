package chart

import (
	"fmt"
	"math"
)

// Option configures a chart. Options that do not apply to a chart type are
// ignored by it.
type Option func(*config)

// refLine is a labelled reference line.
type refLine struct {
	value float64
	label string
}

// config collects every option. Chart types read the fields they need.
type config struct {
	title, subtitle, source, credit, alt string
	xLabel, yLabel                       string
	notes                                []string

	theme  Theme
	size   Size
	format Format
	locale Locale

	highlight   []string
	refs        []refLine
	skipMissing bool
	embedFonts  bool

	// bars
	vertical  bool
	keepOrder bool
	ascending bool
	topN      int
	allowMany bool
	stack     stackMode
	others    []string // catch-all categories drawn last

	// lines, scatter, histogram
	series    string
	labelCol  string
	trend     bool
	bins      int
	yFromZero int // 0 auto, 1 yes, -1 no

	exactDates bool // dates are instants, not periods

	// maps (map_breaks.go)
	mapBreaks     []float64
	naturalBreaks bool
	legendTitle   string

	sentenceCase bool // labels_case.go

	htmlID   string // html.go
	areaNoun string // map_geojson.go

	limits Limits // budgets (budget.go)

	err error
}

func defaultConfig() *config {
	return &config{
		theme:  DefaultTheme(),
		size:   Web,
		format: Format{Decimals: Auto},
		locale: EsMX,
	}
}

func (c *config) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("%w: "+format, append([]any{ErrArgument}, args...)...)
	}
}

func newConfig(opts []Option) (*config, error) {
	c := defaultConfig()
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	if c.format.Locale.Decimal == "" {
		c.format.Locale = c.locale
	}
	return c, c.err
}

// Title sets the headline: bold, left-aligned, wrapped to the width. Say
// the finding, and no more than the data hold ("Colima, la entidad con más
// carpetas por homicidio doloso por habitante").
func Title(s string) Option { return func(c *config) { c.title = s } }

// Subtitle says exactly what is measured, with units and period.
func Subtitle(s string) Option { return func(c *config) { c.subtitle = s } }

// Source sets the source line, printed at the bottom left as
// "Fuente: s" (a leading "Fuente:" in s is not repeated).
func Source(s string) Option { return func(c *config) { c.source = s } }

// Note adds a note printed above the source line ("Nota: " is not
// added; write it if you want it). Notes add up: each Note is printed on
// its own line, in the order given, followed by the notes the chart adds
// itself (rows left out, categories hidden).
func Note(s string) Option {
	return func(c *config) {
		if s != "" {
			c.notes = append(c.notes, s)
		}
	}
}

// Credit sets the byline printed at the bottom right ("Gráfica: …").
func Credit(s string) Option { return func(c *config) { c.credit = s } }

// AltText sets the one-line description written into the SVG <desc>
// element. By default a description is generated from the data.
func AltText(s string) Option { return func(c *config) { c.alt = s } }

// XLabel and YLabel name the axes (line, scatter and histogram charts).
func XLabel(s string) Option { return func(c *config) { c.xLabel = s } }

// YLabel names the value axis; on line charts it is printed above the
// axis, left-aligned.
func YLabel(s string) Option { return func(c *config) { c.yLabel = s } }

// Highlight draws the named categories (bars, lines, points) in the accent
// colour and everything else in grey. Matching ignores case, accents and
// punctuation; a label that matches nothing is an error (ErrNoMatch).
func Highlight(labels ...string) Option {
	return func(c *config) { c.highlight = append(c.highlight, labels...) }
}

// RefLine draws a labelled reference line at value (a national rate, a
// target) across bars, lines and scatter plots. It may be given more than
// once.
func RefLine(value float64, label string) Option {
	return func(c *config) {
		if math.IsNaN(value) || math.IsInf(value, 0) {
			c.fail("RefLine(%v, %q): value must be finite", value, label)
			return
		}
		c.refs = append(c.refs, refLine{value, label})
	}
}

// SkipMissing drops rows whose value is missing or infinite instead of
// failing, and prints a note on the chart saying how many (and which
// categories) were left out.
func SkipMissing() Option { return func(c *config) { c.skipMissing = true } }

// WithTheme sets the theme. A zero field keeps DefaultTheme's, so
// WithTheme(Theme{Primary: c}) changes the bar colour only and
// WithTheme(Theme{}) changes nothing.
func WithTheme(t Theme) Option { return func(c *config) { c.theme = t.withDefaults() } }

// WithSize sets the output size: Web (default), Social, Print or your own.
// A zero field keeps Web's (WithSize(Size{}) is Web).
func WithSize(s Size) Option {
	return func(c *config) {
		if s.Width == 0 {
			s.Width = Web.Width
		}
		if s.Height == 0 {
			s.Height = Web.Height
		}
		if s.DPI == 0 {
			s.DPI = Web.DPI
		}
		if s.Width <= 0 || s.Height <= 0 || s.DPI <= 0 || s.Width > 20000 || s.Height > 20000 {
			c.fail("WithSize(%d×%d at %d dpi): sizes must be positive and at most 20000 px", s.Width, s.Height, s.DPI)
			return
		}
		c.size = s
	}
}

// WithFormat sets the number format of values and value axes. Only the
// fields f sets count: a zero field keeps what the defaults or other
// options (Decimals, Percent, Currency, Unit, Abbreviate, WithLocale) say,
// so options give the same chart in any order, and WithFormat(Format{})
// changes nothing.
func WithFormat(f Format) Option {
	return func(c *config) {
		if f.Locale.Decimal != "" {
			c.locale = f.Locale
			c.format.Locale = f.Locale
		}
		if f.Decimals != 0 {
			c.format.Decimals = f.Decimals
		}
		if f.Scale != ScaleNone {
			c.format.Scale = f.Scale
		}
		if f.Percent {
			c.format.Percent = true
		}
		if f.Prefix != "" {
			c.format.Prefix = f.Prefix
		}
		if f.Suffix != "" {
			c.format.Suffix = f.Suffix
		}
	}
}

// WithLocale sets number and month conventions by tag: "es-MX" (default,
// also for ""), "es-ES" (1.234.567,8), "en-US". An unknown tag is an error.
func WithLocale(tag string) Option {
	return func(c *config) {
		if tag == "" {
			tag = "es-MX"
		}
		l, ok := LocaleNamed(tag)
		if !ok {
			c.fail("WithLocale(%q): unknown locale (known: es-MX, es-ES, en-US and other es-* tags)", tag)
			return
		}
		c.locale = l
		c.format.Locale = l
	}
}

// Decimals fixes the number of decimals of value labels (default: none for
// whole numbers, one for rates); Decimals(0) writes none.
func Decimals(n int) Option {
	return func(c *config) {
		if n < 0 || n > 10 {
			c.fail("Decimals(%d): want 0 to 10", n)
			return
		}
		c.format.Decimals = fixed(n)
	}
}

// Abbreviate writes large numbers as "1.2 mil", "3.4 millones", "63.2 mil
// millones".
func Abbreviate() Option { return func(c *config) { c.format.Scale = ScaleAuto } }

// MillionsOfPesos writes amounts in pesos as millions with "mdp":
// 3400000000 → "3,400 mdp".
func MillionsOfPesos() Option { return func(c *config) { c.format.Scale = ScaleMillionsOfPesos } }

// Percent appends "%" to values that are already percentages (85.7).
func Percent() Option { return func(c *config) { c.format.Percent = true } }

// Currency prefixes values with a symbol ("$", "US$", "€").
func Currency(symbol string) Option { return func(c *config) { c.format.Prefix = symbol } }

// Unit appends a unit to values (" t", " km").
func Unit(suffix string) Option { return func(c *config) { c.format.Suffix = suffix } }

// EmbedFonts embeds the font files in SVG output (about 400 kB each), so
// the SVG looks the same where Liberation Sans and Arial are not installed.
// PNG and PDF always carry their glyphs.
func EmbedFonts() Option { return func(c *config) { c.embedFonts = true } }
