package chart

import (
	"image/color"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"
)

// fonts is the font cache every chart measures and draws with. Liberation
// fonts are compiled into the binary, so text is measured (and rasterised)
// identically on every machine.
var fonts = font.NewCache(liberation.Collection())

// Theme holds the look of a chart: fonts, sizes and colours. Start from
// DefaultTheme and change fields; pass it with WithTheme.
type Theme struct {
	// Font is the typeface (Liberation Sans by default; metric-compatible
	// with Arial, so SVG text keeps its layout where Arial substitutes).
	Font font.Font
	// Font sizes in points (1/72 inch): title, subtitle, category and axis
	// labels, value labels, notes and source line.
	TitleSize, SubtitleSize, LabelSize, ValueSize, NoteSize vg.Length
	// Text is the colour of titles and labels; Muted of subtitle, notes
	// and axis labels; Grid of gridlines; Axis of the zero line.
	Text, Muted, Grid, Axis color.Color
	// Background fills the whole canvas.
	Background color.Color
	// Primary colours bars and a single line when nothing is highlighted.
	Primary color.Color
	// Accent colours highlighted categories; Neutral the others.
	Accent, Neutral color.Color
	// Palette colours series (lines, stacks, groups) in order.
	Palette []color.Color
	// Margin is the empty border around the chart.
	Margin vg.Length
}

// Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), black left out.
var okabeIto = []color.Color{
	rgb(0x00, 0x72, 0xB2), // blue
	rgb(0xE6, 0x9F, 0x00), // orange
	rgb(0x00, 0x9E, 0x73), // bluish green
	rgb(0xD5, 0x5E, 0x00), // vermillion
	rgb(0xCC, 0x79, 0xA7), // reddish purple
	rgb(0x56, 0xB4, 0xE9), // sky blue
	rgb(0xF0, 0xE4, 0x42), // yellow
}

func rgb(r, g, b uint8) color.Color { return color.RGBA{R: r, G: g, B: b, A: 0xff} }

// DefaultTheme returns the newsroom theme: Liberation Sans, a bold
// left-aligned title, grey secondary text, light gridlines and the
// Okabe–Ito palette.
func DefaultTheme() Theme {
	return Theme{
		Font:         font.Font{Typeface: "Liberation", Variant: "Sans"},
		TitleSize:    13,
		SubtitleSize: 10,
		LabelSize:    8.5,
		ValueSize:    8.5,
		NoteSize:     7.5,
		Text:         rgb(0x22, 0x22, 0x22),
		Muted:        rgb(0x5c, 0x5c, 0x5c),
		Grid:         rgb(0xe3, 0xe3, 0xe3),
		Axis:         rgb(0x88, 0x88, 0x88),
		Background:   color.White,
		Primary:      rgb(0x00, 0x72, 0xB2),
		Accent:       rgb(0xD5, 0x5E, 0x00),
		Neutral:      rgb(0xbd, 0xbd, 0xbd),
		Palette:      append([]color.Color(nil), okabeIto...),
		Margin:       12,
	}
}

// withDefaults returns t with every zero field taken from DefaultTheme,
// so Theme{Primary: c} changes the bar colour and nothing else.
func (t Theme) withDefaults() Theme {
	d := DefaultTheme()
	if t.Font.Typeface == "" {
		t.Font = d.Font
	}
	for _, f := range []struct{ v, def *vg.Length }{
		{&t.TitleSize, &d.TitleSize}, {&t.SubtitleSize, &d.SubtitleSize}, {&t.LabelSize, &d.LabelSize},
		{&t.ValueSize, &d.ValueSize}, {&t.NoteSize, &d.NoteSize}, {&t.Margin, &d.Margin},
	} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	for _, c := range []struct{ v, def *color.Color }{
		{&t.Text, &d.Text}, {&t.Muted, &d.Muted}, {&t.Grid, &d.Grid}, {&t.Axis, &d.Axis},
		{&t.Background, &d.Background}, {&t.Primary, &d.Primary}, {&t.Accent, &d.Accent}, {&t.Neutral, &d.Neutral},
	} {
		if *c.v == nil {
			*c.v = *c.def
		}
	}
	if len(t.Palette) == 0 {
		t.Palette = d.Palette
	}
	return t
}

// Size is an output size in pixels at a resolution in dots per inch. Font
// sizes are in points, so a higher DPI at the same pixel size gives larger
// text: presets pick the DPI that keeps text readable where they are seen.
type Size struct {
	Width, Height int // pixels
	DPI           int // dots per inch used for PNG; SVG and PDF use points
}

// Size presets.
var (
	// Web is 640×400 pixels, for an article column.
	Web = Size{Width: 640, Height: 400, DPI: 96}
	// Social is a 16:9 picture for social networks, with text large
	// enough for a phone feed: laid out at 1200×675 pixels of 160 dpi
	// (720×405 CSS pixels in SVG and HTML) and drawn as PNG at 2× pixel
	// density for sharp screens, 2400×1350 pixels at 320 dpi.
	Social = Size{Width: 2400, Height: 1350, DPI: 320}
	// Print is 6×4 inches at 300 dpi.
	Print = Size{Width: 1800, Height: 1200, DPI: 300}
)

// points returns the size in points (what vg lays out in).
func (s Size) points() (w, h vg.Length) {
	return vg.Length(float64(s.Width) * 72 / float64(s.DPI)), vg.Length(float64(s.Height) * 72 / float64(s.DPI))
}

type colorT = color.Color
