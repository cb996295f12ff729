// Package chart draws publication-ready charts with a newsroom look on
// gonum/plot and saves them as PNG, SVG or PDF.
//
// One call gives a chart an editor would publish: a bold headline title,
// a subtitle that says what is measured, direct labels instead of a
// legend, value labels written the way readers write numbers, notes and a
// "Fuente: …" line at the bottom left, and an optional credit at the
// bottom right:
//
//	ch, err := chart.Bar(df, "entidad", "tasa",
//		chart.Title("Colima, la entidad con más carpetas por homicidio doloso por habitante"),
//		chart.Subtitle("Carpetas por homicidio doloso por cada 100 mil habitantes, enero–marzo de 2026"),
//		chart.Highlight("Colima"), chart.RefLine(3.0, "Nacional"),
//		chart.Source("SESNSP; CONAPO"))
//	if err != nil { … }
//	err = ch.Save("tasa.png") // .png .svg .pdf .jpg by extension
//
// # Chart types
//
//   - Bar: horizontal bars sorted by value (Vertical for columns; KeepOrder,
//     Ascending, TopN). Categories that are dates keep their order.
//   - StackedBar, GroupedBar: several series from a long table (one row per
//     category and series); Stacked100 for shares.
//   - Line: x as ISO dates ("2024-10-17", "2024-10", "2024-Q3", "2024"),
//     years, or numbers; Series(col) for several lines, each labelled at
//     its end; Spanish month ticks ("ene 2024").
//   - Scatter: labelled points (Labels), optional TrendLine.
//   - Histogram: round bin edges chosen from the data, or Bins(n).
//   - Dumbbell and Slope: two values per category (two periods) from two
//     columns.
//   - SmallMultiples: one small line chart per value of a column, shared
//     scales.
//   - Choropleth: Mexico's 32 states (INEGI outlines embedded) coloured by
//     a value, joined on state code ("01", "1") or name ("CDMX"); classes
//     by quantiles, NaturalBreaks or Breaks, LegendTitle for the unit.
//     ChoroplethGeoJSON draws the user's own areas (municipalities,
//     electoral districts) from a GeoJSON FeatureCollection; AreaNoun
//     names them in the alt text ("alcaldías").
//
// # Numbers, dates and the look
//
// Format writes numbers per Locale: es-MX "1,234,567.8" (default), es-ES
// "1.234.567,8", en-US. Value labels get one decimal for rates and none
// for counts (more when values lie too close for one decimal to tell them
// apart, as an exchange rate does) unless Decimals says otherwise; Abbreviate writes "3.4
// millones", MillionsOfPesos "3,400 mdp", Percent and Currency add their
// signs. Theme holds fonts, sizes and colours (Okabe–Ito palette by
// default); Size presets are Web (640×400), Social (16:9, PNG at 2×:
// 2400×1350), Print and Phone.
// Phone (360 CSS pixels wide, PNG at 2×) lays the chart out again for a
// phone screen rather than scaling a desktop drawing down.
// Fonts are Liberation, compiled into the binary, so output is the same on
// every machine; the same input gives the same SVG bytes. SVG text stays
// text, and the SVG carries <title> (the chart title) and <desc> (a
// one-line alt text, AltText or generated from the data).
//
// # On the web
//
// Save("x.html") or Render(w, "html") writes one self-contained HTML
// document for an iframe, and WriteHTML the same <figure> as a fragment
// for a page: the title and subtitle as HTML text, the chart as inline SVG
// that scales with its container (the Phone layout below the chart's own
// width), a <figcaption> with notes, source and credit, the alt text as
// the SVG's accessible name, each value shown on hover and keyboard focus
// (an SVG title and a small tooltip per bar, point or area), a data table
// for screen readers (shown by a button) with the numbers as the chart
// writes them, a "Descargar datos (CSV)" link whose data travel in the
// file (cells a spreadsheet would run as formulas, such as
// "=HYPERLINK(…)", are written as text), light and dark colours that
// follow prefers-color-scheme, and the height message Datawrapper embeds
// post to their parent (HTMLMessage), so CMSes that resize Datawrapper
// iframes resize these. Nothing loads from the network; the same chart
// gives the same bytes. The figure's id is a hash of the chart, so two
// identical charts on one page share it unless each gets its own with
// ID. A test opens the embeds in headless Chromium at 360, 640 and 1200
// pixels (set CIFRA_CHROMIUM) and keeps screenshots in testdata/browser/.
//
// # Periods
//
// Monthly, quarterly and annual data are drawn and labelled by period.
// Periods come from text ("2014-05", "2014-Q2", "2014"), from whole-number
// years, or from full dates that all fall on the first day of their period
// or all on the last (INEGI and IMPLAN date a monthly value on the last day
// of the month and an annual one on 31 December). A value for May sits on
// the May tick whichever day dates it, an annual 2007–2012 series sits on
// the 2007–2012 ticks, and the end label reads "nov 2014", not "30 nov
// 2014". Report.Period says when dates were read this way; ExactDates
// keeps dates as instants (an exchange rate read on the last day of each
// month). Bar categories that are such dates are labelled "may 2014".
//
// # Input rules
//
// Charts read the named columns of a gota DataFrame. Value columns may be
// Int or Float, or String holding plain numbers ("1234.5"); missing
// markers ("", "N/D", "NA"…) are missing values. These are errors, each
// wrapping a sentinel for errors.Is and naming the column, row and value
// (rows are 1-based rows of the table the call received: row 1 is the
// first data row, in messages and in Report.Skipped alike, as in every
// cifra package; the shared sentinels such as ErrNoColumn are the same
// values as clean.ErrNoColumn and analyze.ErrNoColumn):
//
//   - a column that does not exist: ErrNoColumn (the message lists the
//     columns there are);
//   - text that is not a number in a value column: ErrNotNumeric (clean
//     it first, e.g. with clean.Numbers);
//   - no rows, or no row with a value: ErrEmpty (formerly ErrEmpty);
//   - a missing value (NaN) or an infinite one: ErrMissing, ErrNotFinite —
//     unless SkipMissing is given, which leaves the rows out, prints a
//     note on the chart ("Sin dato: …") and lists them in Report;
//   - an x that is not a date or number: ErrBadDate; the same x twice in a
//     line, a category twice in Bar, Dumbbell or Slope (after a join that
//     multiplied rows), or a category–series pair twice: ErrDuplicate,
//     naming the category and its rows;
//   - more than 40 bars (ErrTooMany: use TopN or AllowMany), more than
//     eight lines without Highlight, more than seven stacked series;
//   - a Highlight label that names nothing, or a map key that names no
//     state: ErrNoMatch (matching ignores case and accents); a negative
//     value in a stack: ErrNegative;
//   - an invalid option argument: ErrArgument; an unknown output format:
//     ErrFormat.
//
// Nothing panics on bad input. Charts that need more room than the size
// preset gives (many bars) grow taller rather than cramming.
//
// # Files
//
//	chart.go        Chart, Render/Save, SVG <title>/<desc>, frame layout
//	options.go      Option and the options shared by all chart types
//	theme.go        Theme, palette, Size presets, the embedded font cache
//	format.go       Format and Locale: numbers for readers
//	dates.go        ParseDate and date labels
//	periods.go      monthly, quarterly and annual data: period inference
//	                from period-start or period-end dates, ExactDates
//	guards.go       repeated categories (ErrDuplicate), the catch-all
//	                "Otros" drawn last (OtherLabel)
//	ticks.go        round numeric ticks and calendar ticks
//	axes.go         value axes, gridlines, label de-overlapping
//	text.go         the renderer: text measuring, wrapping, truncation
//	budget.go       Limits, WithLimits: budgets (MaxBars, MaxPoints, MaxSpan, MaxPixels) and
//	                XML-safe text
//	data.go         reading columns into typed slices, value checks
//	report.go       Report of drawn and skipped rows
//	errors.go       sentinel errors
//	saveall.go      SaveAll: one chart as PNG and SVG into a folder
//	html.go         the HTML embed: Render(w, "html"), WriteHTML, HTMLMessage
//	html_table.go   the embed's data table and CSV download, per chart type
//	html_style.go   the embed's scoped style sheet (light and dark) and script
//	phone.go        Phone, the size preset laid out for phones
//	marks.go        hover and focus targets over each drawn value (the embed)
//	contrast.go     WCAG contrast: text colours that read on their background
//	balance.go      titles wrapped into lines of even length
//	labels_case.go  SentenceCase for labels written all in capitals
//	bar.go, bardraw.go            Bar (horizontal and vertical)
//	barstack.go, barstackdraw.go  StackedBar, GroupedBar
//	barstack_highlight.go         Highlight of a category or a series in them
//	line.go, linedraw.go          Line
//	scatter.go, histogram.go      Scatter, Histogram
//	dumbbell.go, slope.go         Dumbbell, Slope (two columns per category)
//	multiples.go                  SmallMultiples
//	map.go, mapdraw.go, geo/      Choropleth and the embedded state outlines
//	map_breaks.go                 Breaks, NaturalBreaks, LegendTitle: a map's classes
//	map_highlight.go              Highlight on a map: outlined, labelled states
//	map_geojson.go                ChoroplethGeoJSON: a map of the user's areas
//
// # Adding a chart type
//
// A new type is one file (two if the drawing is long), e.g. slope.go:
//
//  1. A constructor with the usual shape,
//     func Slope(df dataframe.DataFrame, …cols string, opts ...Option) (*Chart, error),
//     that calls newConfig(opts), reads columns with texts and numbers
//     (which give the package's errors), checks values with checkValue or
//     skips them into a Report when cfg.skipMissing is set, resolves
//     Highlight with highlightMask, and returns
//     &Chart{kind: "slope", cfg: cfg, body: b, report: rep}.
//  2. A body type with three methods: minHeight (least plot height it
//     needs, 0 for any), draw(r *renderer, area vg.Rectangle) which draws
//     inside the plot area only — title, subtitle, notes, source and credit
//     are already drawn around it — and describe, the one-line alt text.
//     Implement key() []keyItem as well to get a colour key under the
//     subtitle.
//  3. Draw with the renderer helpers (r.text, r.wrap, r.truncate,
//     r.fillRect, r.line, r.dot, r.drawYGrid, newValueAxis, placeLabels)
//     and the theme in r.th; format numbers with cfg.format.
//  4. Add an Example that saves testdata/<type>.png, a row in TestGolden
//     (golden_test.go), run go test -run TestGolden -regen once, look at
//     the PNG, and copy it to docs/gallery/<type>.png.
package chart
