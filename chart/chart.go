package chart

import (
	"bytes"
	"fmt"
	"html"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	xfont "golang.org/x/image/font"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Chart is a chart ready to be written: a body (bars, lines…) inside the
// shared frame of title, subtitle, key, notes, source and credit. Build one
// with Bar, Line, StackedBar, GroupedBar, Scatter or Histogram; write it
// with Save or Render. A Chart is immutable and safe to render
// concurrently.
type Chart struct {
	kind   string
	cfg    *config
	body   body
	report Report
	// cols names the columns the chart read, in the order of its
	// constructor's arguments (headers of the embed's data table).
	cols []string
	// bare leaves title, subtitle, notes, source and credit out of the
	// drawing: the HTML embed writes them as HTML text.
	bare bool
}

// body is what a chart type implements: a new chart type is one file with
// a constructor that reads columns into typed slices, and a type with these
// methods (see doc.go).
type body interface {
	// minHeight returns the least height the plot area needs at width w
	// (0 when any height will do); the canvas grows to give it.
	minHeight(r *renderer, w vg.Length) vg.Length
	// draw draws the plot area into the rectangle.
	draw(r *renderer, area vg.Rectangle)
	// describe returns a one-line alt text of the data.
	describe() string
}

// keyed is implemented by bodies that need a colour key under the
// subtitle (stacked and grouped bars; lines label themselves).
type keyed interface {
	key() []keyItem
}

type keyItem struct {
	label string
	col   color.Color
}

// Kind names the chart type ("bar", "line", …).
func (ch *Chart) Kind() string { return ch.kind }

// Title returns the chart's title.
func (ch *Chart) Title() string { return ch.cfg.title }

// AltText returns the one-line description written into SVG <desc>.
func (ch *Chart) AltText() string {
	if ch.cfg.alt != "" {
		return ch.cfg.alt
	}
	return ch.body.describe()
}

// Report says which rows were drawn and which were left out and why.
func (ch *Chart) Report() Report { return ch.report }

// Save writes the chart to path; the extension picks the format: .png,
// .svg, .pdf, .jpg/.jpeg, or .html for a self-contained web embed. Any other extension is an error (ErrFormat).
func (ch *Chart) Save(path string) error {
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if !knownFormat(format) {
		return fmt.Errorf("chart: %q: %w: extension %q (want .png, .svg, .pdf, .jpg, .html)", path, ErrFormat, filepath.Ext(path))
	}
	var buf bytes.Buffer
	if err := ch.Render(&buf, format); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("chart: save %q: %w", path, err)
	}
	return nil
}

func knownFormat(f string) bool {
	switch f {
	case "png", "svg", "pdf", "jpg", "jpeg", "html", "htm":
		return true
	}
	return false
}

// Render writes the chart to w in format "png", "svg", "pdf", "jpg" or
// "html" (a self-contained embed: see the package documentation).
func (ch *Chart) Render(w io.Writer, format string) (err error) {
	defer func() {
		// the gonum backends panic on some internal failures (fonts);
		// report them as errors instead.
		if p := recover(); p != nil {
			err = fmt.Errorf("chart: render %s: %v", format, p)
		}
	}()
	format = strings.ToLower(strings.TrimPrefix(format, "."))
	if format == "html" || format == "htm" {
		return ch.renderHTML(w)
	}
	if !knownFormat(format) {
		return fmt.Errorf("chart: %w: %q (want png, svg, pdf, jpg, html)", ErrFormat, format)
	}
	cfg := ch.cfg
	wPt, hPt := cfg.size.points()
	m := &renderer{th: cfg.theme, cfg: cfg}
	lay := ch.layout(m, wPt)
	if need := lay.top + lay.bottom + ch.body.minHeight(m, wPt-2*cfg.theme.Margin); need > hPt {
		hPt = need
	}
	if err := ch.checkBudget(wPt, hPt); err != nil {
		return err
	}
	var cw vg.CanvasWriterTo
	switch format {
	case "png", "jpg", "jpeg":
		px := vgimg.NewWith(vgimg.UseWH(wPt, hPt), vgimg.UseDPI(cfg.size.DPI), vgimg.UseBackgroundColor(cfg.theme.Background))
		if format == "png" {
			cw = rasterText{vgimg.PngCanvas{Canvas: px}}
		} else {
			cw = rasterText{vgimg.JpegCanvas{Canvas: px}}
		}
	case "svg":
		cw = vgsvg.NewWith(vgsvg.UseWH(wPt, hPt), vgsvg.EmbedFonts(cfg.embedFonts))
	case "pdf":
		cw = pdfFonts{vgpdf.New(wPt, hPt)}
	}
	r := &renderer{c: draw.New(cw), th: cfg.theme, cfg: cfg}
	if ch.bare && format == "svg" {
		r.marks = new([]mark)
	}
	if format != "png" && format != "jpg" && format != "jpeg" {
		r.fillRect(0, 0, wPt, hPt, cfg.theme.Background)
	}
	area := ch.drawFrame(r, lay, wPt, hPt)
	ch.body.draw(r, area)
	if format != "svg" {
		if _, err := cw.WriteTo(w); err != nil {
			return fmt.Errorf("chart: write %s: %w", format, err)
		}
		return nil
	}
	var buf bytes.Buffer
	if _, err := cw.WriteTo(&buf); err != nil {
		return fmt.Errorf("chart: write svg: %w", err)
	}
	out := svgFamily.ReplaceAll(buf.Bytes(), []byte(`style="font-family:'$1',Arial,Helvetica,sans-serif;`))
	if r.marks != nil {
		out = insertMarks(out, *r.marks, hPt)
	}
	if _, err := w.Write(addSVGTitle(out, ch.cfg.title, ch.AltText())); err != nil {
		return fmt.Errorf("chart: write svg: %w", err)
	}
	return nil
}

// svgFamily finds the font family of text elements, to add fallbacks:
// Liberation Sans is metric-compatible with Arial, so text keeps its
// measured layout where Liberation is not installed.
var svgFamily = regexp.MustCompile(`style="font-family:([^;"']+);`)

// addSVGTitle inserts <title> and <desc> as the first children of the
// <svg> element, so screen readers and search engines read them.
func addSVGTitle(svg []byte, title, desc string) []byte {
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return svg
	}
	j := bytes.IndexByte(svg[i:], '>')
	if j < 0 {
		return svg
	}
	at := i + j
	var ins bytes.Buffer
	ins.WriteString(` role="img" aria-labelledby="chart-title chart-desc">` + "\n")
	fmt.Fprintf(&ins, "<title id=\"chart-title\">%s</title>\n", html.EscapeString(oneLine(safeText(title))))
	fmt.Fprintf(&ins, "<desc id=\"chart-desc\">%s</desc>", html.EscapeString(oneLine(safeText(desc))))
	out := make([]byte, 0, len(svg)+ins.Len())
	out = append(out, svg[:at]...)
	out = append(out, ins.Bytes()...)
	out = append(out, svg[at+1:]...)
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// frame is the measured layout of the text around the plot area.
type frameLayout struct {
	title, subtitle, notes, source []string
	credit                         string
	creditOwnLine                  bool
	key                            []keyItem
	keyRows                        [][]keyItem
	top, bottom                    vg.Length // heights taken above and below the plot area
}

const keyBox = 8 // side of a key swatch, points

func (ch *Chart) layout(r *renderer, w vg.Length) frameLayout {
	cfg, th := ch.cfg, r.th
	inner := w - 2*th.Margin
	var f frameLayout
	f.top = th.Margin
	if ch.bare {
		cfg = &config{locale: cfg.locale}
	}
	if cfg.title != "" {
		f.title = r.wrapBalanced(cfg.title, th.TitleSize, true, inner)
		f.top += vg.Length(len(f.title)) * r.lineHeight(th.TitleSize)
	}
	if cfg.subtitle != "" {
		f.subtitle = r.wrap(cfg.subtitle, th.SubtitleSize, false, inner)
		f.top += 2 + vg.Length(len(f.subtitle))*r.lineHeight(th.SubtitleSize)
	}
	if k, ok := ch.body.(keyed); ok {
		f.key = k.key()
		var row []keyItem
		var x vg.Length
		for _, it := range f.key {
			iw := keyBox + 4 + r.width(it.label, th.LabelSize, false) + 14
			if x+iw > inner && len(row) > 0 {
				f.keyRows = append(f.keyRows, row)
				row, x = nil, 0
			}
			row = append(row, it)
			x += iw
		}
		if len(row) > 0 {
			f.keyRows = append(f.keyRows, row)
		}
		f.top += 6 + vg.Length(len(f.keyRows))*r.lineHeight(th.LabelSize)
	}
	f.top += 12
	f.bottom = th.Margin + 8
	notes := append(append([]string(nil), cfg.notes...), ch.report.notes()...)
	if ch.bare {
		notes = nil
	}
	for _, n := range notes {
		f.notes = append(f.notes, r.wrap(n, th.NoteSize, false, inner)...)
	}
	if cfg.source != "" {
		src := strings.TrimSpace(cfg.source)
		if !strings.HasPrefix(strings.ToLower(src), "fuente") && !strings.HasPrefix(strings.ToLower(src), "source") {
			prefix := "Fuente: "
			if strings.HasPrefix(cfg.locale.Name, "en") {
				prefix = "Source: "
			}
			src = prefix + src
		}
		f.source = r.wrap(src, th.NoteSize, false, inner)
	}
	if cfg.credit != "" {
		f.credit = r.truncate(cfg.credit, th.NoteSize, false, inner)
		last := ""
		if n := len(f.source); n > 0 {
			last = f.source[n-1]
		} else if n := len(f.notes); n > 0 {
			last = f.notes[n-1]
		}
		f.creditOwnLine = last != "" && r.width(last, th.NoteSize, false)+r.width(f.credit, th.NoteSize, false)+16 > inner
	}
	lines := len(f.notes) + len(f.source)
	if f.creditOwnLine || (lines == 0 && f.credit != "") {
		lines++
	}
	f.bottom += vg.Length(lines) * r.lineHeight(th.NoteSize)
	return f
}

// drawFrame draws title, subtitle, key and footer and returns the plot area.
func (ch *Chart) drawFrame(r *renderer, f frameLayout, w, h vg.Length) vg.Rectangle {
	th := r.th
	x := th.Margin
	y := h - th.Margin
	for _, l := range f.title {
		y -= r.lineHeight(th.TitleSize)
		r.text(x, y+th.TitleSize*0.25, l, th.TitleSize, true, th.Text, text.XLeft)
	}
	if len(f.subtitle) > 0 {
		y -= 2
	}
	for _, l := range f.subtitle {
		y -= r.lineHeight(th.SubtitleSize)
		r.text(x, y+th.SubtitleSize*0.25, l, th.SubtitleSize, false, th.Muted, text.XLeft)
	}
	if len(f.keyRows) > 0 {
		y -= 6
	}
	for _, row := range f.keyRows {
		y -= r.lineHeight(th.LabelSize)
		kx := x
		base := y + th.LabelSize*0.25
		for _, it := range row {
			r.fillRect(kx, base-1, kx+keyBox, base-1+keyBox, it.col)
			kx += keyBox + 4
			r.text(kx, base, it.label, th.LabelSize, false, th.Text, text.XLeft)
			kx += r.width(it.label, th.LabelSize, false) + 14
		}
	}
	// Footer, from the bottom up.
	yb := th.Margin + th.NoteSize*0.3
	lines := append(append([]string(nil), f.notes...), f.source...)
	if f.creditOwnLine || (len(lines) == 0 && f.credit != "") {
		r.text(w-th.Margin, yb, f.credit, th.NoteSize, false, th.Muted, text.XRight)
		yb += r.lineHeight(th.NoteSize)
	} else if f.credit != "" {
		r.text(w-th.Margin, yb, f.credit, th.NoteSize, false, th.Muted, text.XRight)
	}
	for i := len(lines) - 1; i >= 0; i-- {
		r.text(x, yb, lines[i], th.NoteSize, false, th.Muted, text.XLeft)
		yb += r.lineHeight(th.NoteSize)
	}
	return vg.Rectangle{
		Min: vg.Point{X: th.Margin, Y: f.bottom},
		Max: vg.Point{X: w - th.Margin, Y: h - f.top},
	}
}

// rasterText draws text on PNG and JPEG canvases one character at a time,
// each at the position gonum's own measurement gives (kerning included).
// The raster backend applies kerning pairs at about twice their size, so
// "SA DE CV" drew as "SADE CV" and "SESNSP, incidencia" with the comma
// touching the P; placing each glyph ourselves keeps drawing and measuring
// in agreement. Spaces are not drawn.
type rasterText struct{ vg.CanvasWriterTo }

func (c rasterText) FillString(f font.Face, pt vg.Point, s string) {
	for i, r := range s {
		if r == ' ' {
			continue
		}
		c.CanvasWriterTo.FillString(f, vg.Point{X: pt.X + f.Width(s[:i]), Y: pt.Y}, string(r))
	}
}

// pdfFonts works around gonum's vgpdf, which registers every font under
// its plain style and then asks for bold ones with style "B" (failing with
// "undefined font"): it gives bold and italic faces a variant name of
// their own and a regular style, so each is registered and found by name.
type pdfFonts struct{ vg.CanvasWriterTo }

func (c pdfFonts) FillString(f font.Face, pt vg.Point, s string) {
	if f.Font.Weight != xfont.WeightNormal || f.Font.Style != xfont.StyleNormal {
		if f.Font.Weight != xfont.WeightNormal {
			f.Font.Variant += "Bold"
		}
		if f.Font.Style != xfont.StyleNormal {
			f.Font.Variant += "Italic"
		}
		f.Font.Weight, f.Font.Style = xfont.WeightNormal, xfont.StyleNormal
	}
	// the backend embeds fonts with the Windows-1252 code page but writes
	// strings as given: encode them, so "Título" is not "TÃ­tulo".
	if enc, err := cp1252.String(s); err == nil {
		s = enc
	}
	c.CanvasWriterTo.FillString(f, pt, s)
}

var cp1252 = encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder())
