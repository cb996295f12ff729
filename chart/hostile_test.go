package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/png"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/internal/errs"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// wellFormed parses an SVG with encoding/xml and returns the first error.
func wellFormed(svg []byte) error {
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// renderAll renders ch in every format, each within a time limit.
func renderAll(t *testing.T, ch *Chart) (svg []byte, err error) {
	t.Helper()
	for _, f := range []string{"svg", "png", "pdf"} {
		var buf bytes.Buffer
		done := make(chan error, 1)
		go func() { done <- ch.Render(&buf, f) }()
		select {
		case err = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: render did not finish", f)
		}
		if err != nil {
			return nil, err
		}
		if f == "svg" {
			svg = append([]byte(nil), buf.Bytes()...)
		}
	}
	return svg, nil
}

func TestHostileHugeValues(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"Colima", "Jalisco", "Sonora"}, series.String, "entidad"),
		series.New([]float64{9e307, -9e307, 1}, series.Float, "v"),
		series.New([]string{"2020", "2021", "2022"}, series.String, "anio"))
	// Values near the edge of float64 give a picture without NaN, or a
	// clean error.
	for _, pair := range [][2]float64{{8e307, -7e307}, {1.7e308, 1}, {-1.7e308, 1e300}, {1.79e308, -1.79e308}} {
		e := dataframe.New(series.New([]string{"a", "b"}, series.String, "e"), series.New(pair[:], series.Float, "v"))
		ch, err := Bar(e, "e", "v")
		if err == nil {
			var svg []byte
			if svg, err = renderAll(t, ch); err == nil && bytes.Contains(svg, []byte("NaN")) {
				t.Errorf("%v: NaN in the SVG", pair)
			}
		}
		if err != nil && !errors.Is(err, ErrTooLarge) {
			t.Errorf("%v: %v", pair, err)
		}
	}
	for _, mk := range []struct {
		name string
		f    func() (*Chart, error)
	}{
		{"bar", func() (*Chart, error) { return Bar(df, "entidad", "v") }},
		{"column", func() (*Chart, error) { return Bar(df, "entidad", "v", Vertical()) }},
		{"line", func() (*Chart, error) { return Line(df, "anio", "v") }},
	} {
		t.Run(mk.name, func(t *testing.T) {
			ch, err := mk.f()
			if err == nil {
				var svg []byte
				svg, err = renderAll(t, ch)
				if err == nil && bytes.Contains(svg, []byte("NaN")) {
					t.Fatalf("NaN in the SVG")
				}
			}
			if err != nil && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrNotFinite) {
				t.Fatalf("err = %v, want nil, ErrTooLarge or ErrNotFinite", err)
			}
			t.Log(err)
		})
	}
}

func TestHostileControlCharactersGiveWellFormedSVG(t *testing.T) {
	bad := []string{"Colima\x00", "Jal\x1bisco", "Son\uFFFEora", "Yuc\x7fatán", "Ver\ud7ffacruz", "Baja \uFFFF"}
	df := dataframe.New(
		series.New(bad, series.String, "entidad"),
		series.New([]float64{1, 2, 3, 4, 5, 6}, series.Float, "v"))
	ch, err := Bar(df, "entidad", "v", Title("Título\x00 con \x1b[31m escape"), Subtitle("sub\uFFFE"), Source("fuente\x01"), Note("nota\x0b"))
	if err != nil {
		t.Fatal(err)
	}
	svg, err := renderAll(t, ch)
	if err != nil {
		t.Fatal(err)
	}
	if err := wellFormed(svg); err != nil {
		t.Fatalf("SVG is not well-formed XML: %v", err)
	}
	if !bytes.Contains(svg, []byte("Colima")) || !bytes.Contains(svg, []byte("Título")) {
		t.Errorf("labels lost")
	}
}

func TestHostileTooManyBars(t *testing.T) {
	n := 100000
	labels := make([]string, n)
	vals := make([]float64, n)
	for i := range labels {
		labels[i] = fmt.Sprint("categoría ", i)
		vals[i] = float64(i)
	}
	df := dataframe.New(series.New(labels, series.String, "c"), series.New(vals, series.Float, "v"))
	_, err := Bar(df, "c", "v", AllowMany())
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, errs.ErrTooLarge) || !strings.Contains(err.Error(), "TopN") {
		t.Fatalf("100,000 bars: err = %v, want ErrTooLarge with a TopN hint", err)
	}
	if _, err := Bar(df, "c", "v", AllowMany(), WithLimits(Limits{Bars: 50})); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "100000 categories") {
		t.Errorf("a lower limit: %v", err)
	}
	if _, err := Bar(df, "c", "v", WithLimits(Limits{Bars: -1})); !errors.Is(err, ErrArgument) {
		t.Errorf("a negative limit: %v", err)
	}
	ch, err := Bar(df, "c", "v", TopN(20))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := renderAll(t, ch); err != nil {
		t.Fatal(err)
	}
	years := make([]string, n)
	for i := range years {
		years[i] = fmt.Sprint(1000 + i)
	}
	ldf := dataframe.New(series.New(vals, series.Float, "x"), series.New(vals, series.Float, "y"))
	if ch, err := Line(ldf, "x", "y"); err == nil {
		if _, err := renderAll(t, ch); err != nil && !errors.Is(err, ErrTooLarge) {
			t.Errorf("line of %d points: %v", n, err)
		}
	} else if !errors.Is(err, ErrTooLarge) {
		t.Errorf("line of %d points: %v", n, err)
	}
}

func TestHostileHugeTitle(t *testing.T) {
	df := dataframe.New(series.New([]string{"a", "b"}, series.String, "c"), series.New([]float64{1, 2}, series.Float, "v"))
	long := strings.Repeat("palabra ", 1<<17) // 1 MB
	ch, err := Bar(df, "c", "v", Title(long), Subtitle(long), Note(long), Source(long))
	if err != nil {
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("err = %v", err)
		}
		return
	}
	var buf bytes.Buffer
	start := time.Now()
	err = ch.Render(&buf, "png")
	if err != nil && !errors.Is(err, ErrTooLarge) {
		t.Fatalf("png: %v", err)
	}
	if err == nil {
		cfg, _, derr := image.DecodeConfig(bytes.NewReader(buf.Bytes()))
		if derr != nil {
			t.Fatal(derr)
		}
		if cfg.Width*cfg.Height > MaxPixels {
			t.Errorf("PNG of %d×%d px passes the pixel budget", cfg.Width, cfg.Height)
		}
		t.Logf("%d×%d px in %s", cfg.Width, cfg.Height, time.Since(start))
	}
	// A size past the pixel budget is refused before anything is drawn.
	big, err := Bar(df, "c", "v", WithSize(Size{Width: 20000, Height: 20000, DPI: 96}))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Render(io.Discard, "png"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("20000×20000 px: err = %v, want ErrTooLarge", err)
	}
	small, _ := Bar(df, "c", "v", WithLimits(Limits{Pixels: 1000}))
	if err := small.Render(io.Discard, "svg"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a pixel limit of 1000: err = %v, want ErrTooLarge", err)
	}
}

// Every chart type, with values near the edge of float64, draws a picture
// without NaN or returns an error wrapping ErrTooLarge.
func TestHostileEveryChartNearFloatEdges(t *testing.T) {
	for _, p := range [][3]float64{{5e307, -5e307, 1}, {9e307, -1e307, 1}, {-1e308, 0, 1}, {7e307, -7e307, 0}, {1.7e308, -1e307, 3}} {
		df := dataframe.New(
			series.New([]string{"2020", "2021", "2022"}, series.String, "x"),
			series.New(p[:], series.Float, "v"),
			series.New([]float64{p[2], p[0], p[1]}, series.Float, "w"),
			series.New([]string{"a", "a", "b"}, series.String, "s"))
		for name, mk := range map[string]func() (*Chart, error){
			"line":      func() (*Chart, error) { return Line(df, "x", "v") },
			"column":    func() (*Chart, error) { return Bar(df, "x", "v", Vertical()) },
			"scatter":   func() (*Chart, error) { return Scatter(df, "v", "w") },
			"histogram": func() (*Chart, error) { return Histogram(df, "v") },
			"dumbbell":  func() (*Chart, error) { return Dumbbell(df, "x", "v", "w") },
			"slope":     func() (*Chart, error) { return Slope(df, "x", "v", "w") },
			"grouped":   func() (*Chart, error) { return GroupedBar(df, "x", "s", "v") },
		} {
			ch, err := mk()
			if err != nil {
				continue // a clean construction error
			}
			for _, f := range []string{"svg", "png"} {
				var b bytes.Buffer
				err := ch.Render(&b, f)
				if err != nil && !errors.Is(err, ErrTooLarge) || bytes.Contains(b.Bytes(), []byte("NaN")) {
					t.Errorf("%s %v %s: %v", name, p, f, err)
				}
			}
		}
	}
}
