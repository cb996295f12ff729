package chart_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/internal/frame"
)

func svgOf(t *testing.T, ch *chart.Chart) string {
	t.Helper()
	var buf bytes.Buffer
	if err := ch.Render(&buf, "svg"); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestSVGContent(t *testing.T) {
	rates := homicideRates()
	for _, tc := range []struct {
		name string
		make func() (*chart.Chart, error)
		want []string
	}{
		{"bar", func() (*chart.Chart, error) {
			return chart.Bar(rates, "entidad", "tasa", chart.Title("Colima & Morelos <arriba>"), chart.Source("SESNSP; CONAPO"),
				chart.RefLine(nationalRate, "Nacional"), chart.Credit("cifra"))
		}, []string{
			`<title id="chart-title">Colima &amp; Morelos &lt;arriba&gt;</title>`,
			`<desc id="chart-desc">Barras: Colima 20.5; Morelos 12.3; Sinaloa 7.9; Chihuahua 7.8; Baja California 7.7; … (32).</desc>`,
			">Fuente: SESNSP; CONAPO</text>", ">Nacional: 3.0</text>", ">20.5</text>", ">0.3</text>",
			">Veracruz de Ignacio de la Llave</text>", ">San Luis Potosí</text>", ">cifra</text>",
			"font-family:'Liberation Sans',Arial,Helvetica,sans-serif;font-variant:normal;font-weight:bold",
		}},
		{"line", func() (*chart.Chart, error) {
			return chart.Line(rolling12(), "periodo", "valor", chart.Title("Remesas"), chart.Source("Fuente: Banxico"))
		}, []string{">Fuente: Banxico</text>", ">63.2</text>", ">may 2026</text>", ">2018</text>", "<desc id=\"chart-desc\">Líneas: dic 2016 27.6 → may 2026 63.2.</desc>"}},
		{"stacked", func() (*chart.Chart, error) {
			return chart.StackedBar(modalityTable(), "entidad", "serie", "valor")
		}, []string{">Arma de fuego</text>", ">334</text>", ">317</text>", ">106</text>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := tc.make()
			if err != nil {
				t.Fatal(err)
			}
			svg := svgOf(t, ch)
			for _, w := range tc.want {
				if !strings.Contains(svg, w) {
					t.Errorf("SVG lacks %q", w)
				}
			}
			if strings.Count(svg, "<title") != 1 {
				t.Errorf("want one <title>, got %d", strings.Count(svg, "<title"))
			}
		})
	}
}

func TestSVGDeterministic(t *testing.T) {
	mk := func() string {
		ch, err := chart.Line(remesas(), "periodo", "millones", chart.Series("flujo"), chart.Title("Remesas"))
		if err != nil {
			t.Fatal(err)
		}
		return svgOf(t, ch)
	}
	a, b := mk(), mk()
	if a != b {
		t.Fatal("the same chart gave different SVG bytes")
	}
}

func TestSaveFormats(t *testing.T) {
	// a title and a highlight use the bold face, which every backend must embed
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa", chart.TopN(5), chart.Title("Título"), chart.Highlight("Colima"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	magic := map[string]string{".png": "\x89PNG", ".svg": "<?xml", ".pdf": "%PDF", ".jpg": "\xff\xd8"}
	for ext, m := range magic {
		t.Run(ext, func(t *testing.T) {
			p := filepath.Join(dir, "c"+ext)
			if err := ch.Save(p); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), m) {
				t.Errorf("%s starts with %q", ext, b[:8])
			}
		})
	}
	for _, bad := range []string{"c.gif", "c", "c.svgz"} {
		if err := ch.Save(filepath.Join(dir, bad)); !errors.Is(err, chart.ErrFormat) {
			t.Errorf("Save(%q) = %v, want ErrFormat", bad, err)
		}
	}
	if err := ch.Render(&bytes.Buffer{}, "bmp"); !errors.Is(err, chart.ErrFormat) {
		t.Errorf("Render bmp = %v, want ErrFormat", err)
	}
	if got := ch.Report().String(); !strings.Contains(got, "27 categories hidden by TopN") {
		t.Errorf("report = %q", got)
	}
}

func TestSizesGrow(t *testing.T) {
	// 32 bars do not fit 400 px: the PNG grows taller instead of cramming.
	ch, err := chart.Bar(homicideRates(), "entidad", "tasa")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ch.Render(&buf, "png"); err != nil {
		t.Fatal(err)
	}
	cfgH := pngHeight(t, buf.Bytes())
	if cfgH <= 400 {
		t.Errorf("height %d, want > 400 for 32 bars", cfgH)
	}
	ch, err = chart.Bar(homicideRates(), "entidad", "tasa", chart.TopN(8), chart.WithSize(chart.Social))
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := ch.Render(&buf, "png"); err != nil {
		t.Fatal(err)
	}
	// Social is drawn at 2× pixel density: 1200×675 at twice the pixels
	if h := pngHeight(t, buf.Bytes()); h != 1350 {
		t.Errorf("social height %d, want 1350 (675 at 2×)", h)
	}
	var svg bytes.Buffer
	if err := ch.Render(&svg, "svg"); err != nil {
		t.Fatal(err)
	}
	// the SVG keeps the layout's size: 540×303.75 points, 720×405 CSS pixels
	if !bytes.Contains(svg.Bytes(), []byte(`width="540pt" height="303.75pt"`)) {
		t.Errorf("social SVG size changed: %.200s", svg.Bytes()[bytes.Index(svg.Bytes(), []byte("<svg")):])
	}
}

func pngHeight(t *testing.T, b []byte) int {
	t.Helper()
	if len(b) < 24 {
		t.Fatal("short png")
	}
	return int(b[20])<<24 | int(b[21])<<16 | int(b[22])<<8 | int(b[23])
}

func TestBadInput(t *testing.T) {
	strs := func(name string, v ...string) frameCol { return frameCol{name: name, s: v} }
	nums := func(name string, v ...float64) frameCol { return frameCol{name: name, f: v} }
	mk := func(cols ...frameCol) dataframe.DataFrame { return build(t, cols...) }
	good := mk(strs("e", "a", "b"), nums("v", 1, 2))
	for _, tc := range []struct {
		name string
		run  func() (*chart.Chart, error)
		want error
		msg  string
	}{
		{"missing label column", func() (*chart.Chart, error) { return chart.Bar(good, "x", "v") }, chart.ErrNoColumn, `"x"`},
		{"missing value column", func() (*chart.Chart, error) { return chart.Bar(good, "e", "valor") }, chart.ErrNoColumn, "columns: e, v"},
		{"text values", func() (*chart.Chart, error) {
			return chart.Bar(mk(strs("e", "a", "b"), strs("v", "1", "12,3,4")), "e", "v")
		}, chart.ErrNotNumeric, `row 2: "12,3,4"`},
		{"NaN", func() (*chart.Chart, error) {
			return chart.Bar(mk(strs("e", "a", "b"), nums("v", 1, math.NaN())), "e", "v")
		}, chart.ErrMissing, "row 2 (b)"},
		{"Inf", func() (*chart.Chart, error) {
			return chart.Bar(mk(strs("e", "a", "b"), nums("v", math.Inf(1), 2)), "e", "v")
		}, chart.ErrNotFinite, "+Inf"},
		{"all missing skipped", func() (*chart.Chart, error) {
			return chart.Bar(mk(strs("e", "a"), nums("v", math.NaN())), "e", "v", chart.SkipMissing())
		}, chart.ErrEmpty, "none has a value"},
		{"empty", func() (*chart.Chart, error) {
			return chart.Bar(mk(strs("e"), nums("v")), "e", "v")
		}, chart.ErrEmpty, ""},
		{"highlight typo", func() (*chart.Chart, error) { return chart.Bar(good, "e", "v", chart.Highlight("zz")) }, chart.ErrNoMatch, `"zz"`},
		{"highlight cut by TopN", func() (*chart.Chart, error) {
			return chart.Bar(homicideRates(), "entidad", "tasa", chart.TopN(3), chart.Highlight("yucatan"))
		}, chart.ErrNoMatch, `Highlight("Yucatán") is not among the TopN(3)`},
		{"too many", func() (*chart.Chart, error) {
			var l []string
			var v []float64
			for i := 0; i < 50; i++ {
				l = append(l, strings.Repeat("x", i+1))
				v = append(v, float64(i))
			}
			return chart.Bar(mk(strs("e", l...), nums("v", v...)), "e", "v")
		}, chart.ErrTooMany, "TopN"},
		{"bad option", func() (*chart.Chart, error) { return chart.Bar(good, "e", "v", chart.Decimals(-1)) }, chart.ErrArgument, "Decimals(-1)"},
		{"bad locale", func() (*chart.Chart, error) { return chart.Bar(good, "e", "v", chart.WithLocale("xx")) }, chart.ErrArgument, `"xx"`},
		{"bad date", func() (*chart.Chart, error) {
			return chart.Line(mk(strs("x", "2024-01", "enero"), nums("y", 1, 2)), "x", "y")
		}, chart.ErrBadDate, `row 2`},
		{"duplicate x", func() (*chart.Chart, error) {
			return chart.Line(mk(strs("x", "2024-01", "2024-01"), nums("y", 1, 2)), "x", "y")
		}, chart.ErrDuplicate, "chart.Series"},
		{"negative stack", func() (*chart.Chart, error) {
			return chart.StackedBar(mk(strs("e", "a", "a"), strs("s", "p", "q"), nums("v", 1, -2)), "e", "s", "v")
		}, chart.ErrNegative, "row 2"},
		{"line missing y", func() (*chart.Chart, error) {
			return chart.Line(mk(strs("x", "2024", "2025"), nums("y", 1, math.NaN())), "x", "y")
		}, chart.ErrMissing, "SkipMissing"},
		{"histogram missing column", func() (*chart.Chart, error) { return chart.Histogram(good, "w") }, chart.ErrNoColumn, ""},
		{"scatter text", func() (*chart.Chart, error) { return chart.Scatter(good, "e", "v") }, chart.ErrNotNumeric, ""},
		{"bins", func() (*chart.Chart, error) { return chart.Histogram(good, "v", chart.Bins(-1)) }, chart.ErrArgument, ""},
		{"size", func() (*chart.Chart, error) {
			return chart.Bar(good, "e", "v", chart.WithSize(chart.Size{Width: -640}))
		}, chart.ErrArgument, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := tc.run()
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if ch != nil {
				t.Error("chart returned with an error")
			}
			if !strings.HasPrefix(err.Error(), "chart: ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q lacks prefix or %q", err, tc.msg)
			}
		})
	}
}

func TestSkipMissingNotes(t *testing.T) {
	df := build(t, frameCol{name: "e", s: []string{"a", "b", "c"}}, frameCol{name: "v", f: []float64{1, math.NaN(), math.Inf(-1)}})
	ch, err := chart.Bar(df, "e", "v", chart.SkipMissing(), chart.Source("x"))
	if err != nil {
		t.Fatal(err)
	}
	rep := ch.Report()
	if rep.Drawn != 1 || len(rep.Skipped) != 2 || rep.Skipped[1].Reason != "infinite value" {
		t.Fatalf("report %+v", rep)
	}
	if svg := svgOf(t, ch); !strings.Contains(svg, ">Sin dato: b, c.</text>") {
		t.Error("SVG lacks the note on skipped rows")
	}
	want := "chart bar: 1 of 3 rows drawn\n  skipped 2 rows:\n    row 2 \"b\": missing value\n    row 3 \"c\": infinite value\n"
	if rep.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", rep, want)
	}
}

func TestBarOrder(t *testing.T) {
	df := build(t, frameCol{name: "e", s: []string{"a", "b", "c"}}, frameCol{name: "v", f: []float64{2, 3, 1}})
	for _, tc := range []struct {
		name string
		opts []chart.Option
		want string
	}{
		{"descending", nil, "Barras: b 3; a 2; c 1."},
		{"ascending", []chart.Option{chart.Ascending()}, "Barras: c 1; a 2; b 3."},
		{"keep", []chart.Option{chart.KeepOrder()}, "Barras: a 2; b 3; c 1."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := chart.Bar(df, "e", "v", tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if ch.AltText() != tc.want {
				t.Errorf("got %q want %q", ch.AltText(), tc.want)
			}
		})
	}
	years := build(t, frameCol{name: "e", s: []string{"2023", "2024", "2025"}}, frameCol{name: "v", f: []float64{2, 3, 1}})
	ch, err := chart.Bar(years, "e", "v", chart.Vertical())
	if err != nil {
		t.Fatal(err)
	}
	if ch.AltText() != "Barras: 2023 2; 2024 3; 2025 1." {
		t.Errorf("dates were reordered: %q", ch.AltText())
	}
}

// frameCol is a test column: strings or floats.
type frameCol struct {
	name string
	s    []string
	f    []float64
}

func build(t *testing.T, cols ...frameCol) dataframe.DataFrame {
	t.Helper()
	var ss []seriesT
	for _, c := range cols {
		if c.s != nil || c.f == nil {
			if c.s == nil {
				c.s = []string{}
			}
			ss = append(ss, frame.Strings(c.name, c.s, nil))
		} else {
			ss = append(ss, frame.Floats(c.name, c.f, nil))
		}
	}
	df, err := frame.New(ss...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

type seriesT = series.Series

// TestTinyAndHuge renders every chart type at sizes far from the presets:
// nothing may panic or fail.
func TestTinyAndHuge(t *testing.T) {
	long := evaluaLong("Colima", "Morelos", "Sonora")
	pairs := evalua("2007", "2013", "Colima", "Morelos")
	rates := homicideRates()
	codes := make([]string, len(homicidios))
	for i, h := range homicidios {
		codes[i] = h.cve
	}
	rates = rates.Mutate(frame.Strings("cve", codes, nil))
	makers := map[string]func(opts ...chart.Option) (*chart.Chart, error){
		"bar": func(o ...chart.Option) (*chart.Chart, error) { return chart.Bar(rates, "entidad", "tasa", o...) },
		"column": func(o ...chart.Option) (*chart.Chart, error) {
			return chart.Bar(rates, "entidad", "tasa", append(o, chart.Vertical())...)
		},
		"line": func(o ...chart.Option) (*chart.Chart, error) {
			return chart.Line(long, "anio", "tasa", append(o, chart.Series("entidad"))...)
		},
		"stacked": func(o ...chart.Option) (*chart.Chart, error) {
			return chart.StackedBar(modalityTable(), "entidad", "serie", "valor", o...)
		},
		"grouped": func(o ...chart.Option) (*chart.Chart, error) {
			return chart.GroupedBar(monthTable(), "entidad", "serie", "valor", o...)
		},
		"scatter":   func(o ...chart.Option) (*chart.Chart, error) { return chart.Scatter(rates, "poblacion", "casos", o...) },
		"histogram": func(o ...chart.Option) (*chart.Chart, error) { return chart.Histogram(rates, "tasa", o...) },
		"dumbbell": func(o ...chart.Option) (*chart.Chart, error) {
			return chart.Dumbbell(pairs, "entidad", "2007", "2013", o...)
		},
		"slope": func(o ...chart.Option) (*chart.Chart, error) {
			return chart.Slope(pairs, "entidad", "2007", "2013", o...)
		},
		"multiples": func(o ...chart.Option) (*chart.Chart, error) {
			return chart.SmallMultiples(long, "entidad", "anio", "tasa", o...)
		},
		"map": func(o ...chart.Option) (*chart.Chart, error) { return chart.Choropleth(rates, "cve", "tasa", o...) },
	}
	for name, mk := range makers {
		for _, sz := range []chart.Size{{Width: 60, Height: 40, DPI: 96}, chart.Social} {
			t.Run(fmt.Sprintf("%s/%dx%d", name, sz.Width, sz.Height), func(t *testing.T) {
				ch, err := mk(chart.WithSize(sz), chart.Title(strings.Repeat("Título largo ", 8)), chart.Source("Fuente"), chart.Credit("cifra"))
				if err != nil {
					t.Fatal(err)
				}
				if err := ch.Render(io.Discard, "svg"); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

func TestFloatLabels(t *testing.T) {
	df := build(t, frameCol{name: "anio", f: []float64{2015, 2016}}, frameCol{name: "v", f: []float64{1.5, 2}})
	ch, err := chart.Bar(df, "anio", "v", chart.KeepOrder())
	if err != nil {
		t.Fatal(err)
	}
	if got := ch.AltText(); got != "Barras: 2015 1.5; 2016 2.0." {
		t.Errorf("alt = %q", got)
	}
}
