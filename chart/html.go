package chart

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"html"
	"image/color"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/datacon-mx/cifra/internal/fold"
)

// HTMLMessage is the key of the message an embed posts to its parent page
// with its height in CSS pixels, {"datawrapper-height": {"<id>": 612}}: the
// message Datawrapper's embeds post, so a page that already resizes
// Datawrapper iframes resizes cifra's. The id is the figure's id: the one
// given with ID, or "cifra-" and eight hex digits of a hash of the
// figure's content, the same for the same chart.
const HTMLMessage = "datawrapper-height"

// ID sets the id of the embed's figure (WriteHTML, Render with "html");
// the ids inside it (the drawing's title and description, the data table)
// start with it. By default the id is "cifra-" and a hash of the chart's
// content, so the same chart gets the same id in every render, and two
// identical charts on one page would share it: give each its own id, e.g.
// chart.ID("homicidios-2025") and chart.ID("homicidios-2025-b"). The id
// must start with a letter and hold only ASCII letters, digits, "-" and
// "_" (at most 64), or it is an error (ErrArgument); "" keeps the default.
func ID(id string) Option {
	return func(c *config) {
		if id != "" && !htmlIDPattern.MatchString(id) {
			c.fail("ID %q: want a letter followed by letters, digits, \"-\" or \"_\", at most 64", id)
			return
		}
		c.htmlID = id
	}
}

// htmlIDPattern is what ID accepts: safe in HTML, CSS selectors and
// JavaScript strings without escaping.
var htmlIDPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,63}$`)

// narrowBreak is the container width, in CSS pixels, from which the embed
// shows the chart laid out for its own size instead of the phone layout.
const narrowBreak = 600

// renderHTML writes the chart as one self-contained HTML document: see
// WriteHTML for what it holds.
func (ch *Chart) renderHTML(w io.Writer) error {
	frag, err := ch.htmlFragment()
	if err != nil {
		return err
	}
	lang := "es"
	if !isSpanish(ch.cfg) {
		lang = "en"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=%q>\n<head>\n<meta charset=\"utf-8\">\n", lang)
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(oneLine(safeText(ch.cfg.title))))
	b.WriteString("<style>html,body{margin:0;padding:0}@media (prefers-color-scheme: dark){html{background:#1b1b1b}}</style>\n")
	// the figure's own style sheet goes in the head, where HTML wants it
	if i, j := bytes.Index(frag, []byte("<style>")), bytes.Index(frag, []byte("</style>\n")); i == 0 && j > 0 {
		b.Write(frag[:j+len("</style>\n")])
		frag = frag[j+len("</style>\n"):]
	}
	b.WriteString("</head>\n<body>\n")
	b.Write(frag)
	b.WriteString("</body>\n</html>\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("chart: write html: %w", err)
	}
	return nil
}

// WriteHTML writes the chart as an HTML fragment to paste into a page (a
// CMS's HTML block): a <style> scoped to the figure, the <figure> and a
// <script>. Render
// with format "html" (and Save with a .html name) writes the same figure
// as a whole document, for an iframe.
//
// The figure holds the title and subtitle as HTML text; the chart as
// inline SVG that scales with its container (a layout drawn for phones
// below 600 CSS pixels and the chart's own size above); a <figcaption>
// with the notes, the source and the credit; the alt text (AltText, or
// one generated from the data) as the SVG's accessible name; a table of
// every value drawn, formatted as on the chart, read by screen readers
// and shown by a button; a "Descargar datos (CSV)" link whose data travel
// inside the file; light and dark colours that follow the reader's
// prefers-color-scheme; and a script that posts the figure's height to the
// parent page (see HTMLMessage). Nothing is loaded from the network: no
// fonts, styles, scripts or images. The same chart gives the same bytes.
func (ch *Chart) WriteHTML(w io.Writer) error {
	frag, err := ch.htmlFragment()
	if err != nil {
		return err
	}
	if _, err := w.Write(frag); err != nil {
		return fmt.Errorf("chart: write html: %w", err)
	}
	return nil
}

// htmlFragment builds the figure; its id is the one given with ID or a
// hash of its content.
func (ch *Chart) htmlFragment() ([]byte, error) {
	cfg := ch.cfg
	es := isSpanish(cfg)
	pick := func(s, e string) string {
		if es {
			return s
		}
		return e
	}
	const id = "cifra-00000000" // replaced by the content hash below
	wide, err := ch.bareSVG(cfg.size, id+"-w")
	if err != nil {
		return nil, err
	}
	var narrow []byte
	wPt, _ := cfg.size.points()
	phoneW, _ := Phone.points()
	if wPt > phoneW*1.15 {
		phone := Phone
		if mb, ok := ch.body.(*mapBody); ok {
			// Mexico is wider than tall: a phone-high canvas would leave
			// the map floating in empty space; the user's areas take
			// the height their own shape asks for
			phone.Height = phone.Width * 9 / 10
			if mb.areaWord != "" {
				phone.Height = mb.phoneHeight(phone.Width)
			}
		}
		if narrow, err = ch.bareSVG(phone, id+"-n"); err != nil {
			return nil, err
		}
	}
	var tab dataTable
	if t, ok := ch.body.(tabler); ok {
		tab = t.table(ch.cols)
	}

	var b bytes.Buffer
	b.WriteString("<style>\n")
	b.WriteString(embedCSS(id, cfg.theme, wPt, phoneW, narrow != nil))
	b.WriteString("</style>\n")
	fmt.Fprintf(&b, "<figure class=\"cifra\" id=\"%s\" lang=%q data-cifra-chart=%q>\n", id, pick("es", "en"), ch.kind)
	if t := strings.TrimSpace(cfg.title); t != "" {
		fmt.Fprintf(&b, "<h2 class=\"cf-title\">%s</h2>\n", esc(t))
	}
	if s := strings.TrimSpace(cfg.subtitle); s != "" {
		fmt.Fprintf(&b, "<p class=\"cf-sub\">%s</p>\n", esc(s))
	}
	if narrow != nil {
		b.WriteString("<div class=\"cf-svg cf-narrow\">\n")
		b.Write(narrow)
		b.WriteString("</div>\n<div class=\"cf-svg cf-wide\">\n")
		b.Write(wide)
		b.WriteString("</div>\n")
	} else {
		b.WriteString("<div class=\"cf-svg\">\n")
		b.Write(wide)
		b.WriteString("</div>\n")
	}
	// the table comes before the caption in the markup (a figcaption is
	// the figure's first or last child) and after it on screen (CSS order)
	if len(tab.head) > 0 {
		writeTable(&b, id+"-data", tab, pick("Datos del gráfico", "The chart's data"), cfg.title)
	}
	b.WriteString("<figcaption>\n")
	for _, n := range append(append([]string(nil), cfg.notes...), ch.report.notes()...) {
		fmt.Fprintf(&b, "<p class=\"cf-note\">%s</p>\n", esc(n))
	}
	if src := strings.TrimSpace(cfg.source); src != "" {
		low := strings.ToLower(src)
		if !strings.HasPrefix(low, "fuente") && !strings.HasPrefix(low, "source") {
			src = pick("Fuente: ", "Source: ") + src
		}
		fmt.Fprintf(&b, "<p class=\"cf-source\">%s</p>\n", esc(src))
	}
	b.WriteString("<p class=\"cf-tools\">")
	if len(tab.head) > 0 {
		fmt.Fprintf(&b, "<button type=\"button\" class=\"cf-toggle\" aria-expanded=\"false\" aria-controls=\"%s-data\" data-show=%q data-hide=%q>%s</button>",
			id, pick("Ver los datos", "Show the data"), pick("Ocultar los datos", "Hide the data"), pick("Ver los datos", "Show the data"))
		fmt.Fprintf(&b, " <a class=\"cf-csv\" download=\"%s.csv\" href=\"data:text/csv;charset=utf-8;base64,%s\">%s</a>",
			slug(cfg.title, ch.kind), base64.StdEncoding.EncodeToString([]byte(tab.csvText())), pick("Descargar datos (CSV)", "Download the data (CSV)"))
	}
	if c := strings.TrimSpace(cfg.credit); c != "" {
		fmt.Fprintf(&b, " <span class=\"cf-credit\">%s</span>", esc(c))
	}
	b.WriteString("</p>\n</figcaption>\n</figure>\n")
	b.WriteString("<script>\n")
	b.WriteString(strings.ReplaceAll(htmlJS, "@ID@", id))
	b.WriteString("</script>\n")

	sum := sha256.Sum256(b.Bytes())
	real := "cifra-" + hex.EncodeToString(sum[:4])
	if cfg.htmlID != "" {
		real = cfg.htmlID
	}
	return bytes.ReplaceAll(b.Bytes(), []byte(id), []byte(real)), nil
}

// writeTable writes the data table, hidden from sight but not from screen
// readers until the button shows it.
func writeTable(b *bytes.Buffer, id string, t dataTable, label, title string) {
	fmt.Fprintf(b, "<div class=\"cf-data cf-sr\" id=\"%s\">\n<table>\n", id)
	caption := label
	if title = strings.TrimSpace(title); title != "" {
		caption += ": " + title
	}
	fmt.Fprintf(b, "<caption>%s</caption>\n<thead><tr>", esc(caption))
	for _, h := range t.head {
		fmt.Fprintf(b, "<th scope=\"col\">%s</th>", esc(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range t.shown {
		b.WriteString("<tr>")
		for i, c := range row {
			num := i < len(t.numeric) && t.numeric[i]
			switch {
			case i == 0 && !num:
				fmt.Fprintf(b, "<th scope=\"row\">%s</th>", esc(c))
			case num:
				fmt.Fprintf(b, "<td class=\"cf-num\">%s</td>", esc(c))
			default:
				fmt.Fprintf(b, "<td>%s</td>", esc(c))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n</div>\n")
}

func esc(s string) string { return html.EscapeString(safeText(s)) }

// slug makes a file name from the title: "Remesas por año" → "remesas-por-ano".
func slug(title, def string) string {
	s := strings.ToLower(fold.Accents(title))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			if b.Len() >= 48 {
				break
			}
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return def
	}
	return b.String()
}

// bareSVG draws the chart at size s without the text the embed writes as
// HTML, and rewrites the SVG to scale with its container and to take its
// text and background colours from the embed's colour scheme.
func (ch *Chart) bareSVG(s Size, id string) ([]byte, error) {
	c := *ch
	cfg := *ch.cfg
	cfg.size = s
	c.cfg, c.bare = &cfg, true
	var buf bytes.Buffer
	if err := c.Render(&buf, "svg"); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	if i := bytes.Index(out, []byte("<svg")); i >= 0 {
		out = out[i:]
	}
	out = svgSize.ReplaceAll(out, []byte(`preserveAspectRatio="xMinYMin meet" `))
	// outlines to a tenth of a point (an eighth of a pixel at twice the
	// size): a map embed is a third lighter
	out = svgPath.ReplaceAllFunc(out, func(d []byte) []byte {
		return svgDecimals.ReplaceAllFunc(d, func(n []byte) []byte {
			v, err := strconv.ParseFloat(string(n), 64)
			if err != nil {
				return n
			}
			return []byte(strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64))
		})
	})
	out = bytes.Replace(out, []byte(`aria-labelledby="chart-title chart-desc"`), []byte(`aria-labelledby="`+id+`-t `+id+`-d" focusable="false"`), 1)
	out = bytes.Replace(out, []byte(`<title id="chart-title">`), []byte(`<title id="`+id+`-t">`), 1)
	out = bytes.Replace(out, []byte(`<desc id="chart-desc">`), []byte(`<desc id="`+id+`-d">`), 1)
	if bytes.Contains(out, []byte(`class="cf-hit"`)) {
		// the marks inside are images of their own, reached by keyboard:
		// the drawing is a group of them rather than one image
		out = bytes.Replace(out, []byte(` role="img" aria-labelledby=`), []byte(` role="group" aria-labelledby=`), 1)
	}
	th := cfg.theme
	for _, v := range []struct {
		c   color.Color
		css string
	}{{th.Background, "bg"}, {th.Text, "text"}, {th.Muted, "muted"}, {th.Grid, "grid"}, {th.Axis, "axis"}} {
		if v.c == nil {
			continue
		}
		h := []byte(hexColour(v.c))
		out = bytes.ReplaceAll(out, append([]byte("fill:"), h...), []byte("fill:var(--cf-"+v.css+")"))
		out = bytes.ReplaceAll(out, append([]byte("stroke:"), h...), []byte("stroke:var(--cf-"+v.css+")"))
	}
	return out, nil
}

// svgPath matches the outline of a path; svgDecimals a number in it with
// more than one decimal.
var (
	svgPath     = regexp.MustCompile(` d="[^"]*"`)
	svgDecimals = regexp.MustCompile(`-?[0-9]+\.[0-9]{2,}`)
)

// svgSize matches the fixed width and height of the root element (the
// viewBox stays, so the drawing scales).
var svgSize = regexp.MustCompile(`width="[0-9.]+pt" height="[0-9.]+pt" `)

// hexColour writes c as the SVG backend does: "#RRGGBB".
func hexColour(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}
