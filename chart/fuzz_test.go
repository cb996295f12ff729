package chart_test

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

// FuzzParseDate checks that any text parses without panicking and that a
// parsed date writes back to the same ISO prefix.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024", "2024-10", "2024-10-17", "2024-Q3", "2024-02-30", "17/10/2024", "", "2024-10-17T08:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := chart.ParseDate(s)
		if err != nil {
			return
		}
		iso := d.Format("2006-01-02")
		in := strings.TrimSpace(s)
		if strings.Contains(in, "Q") || strings.Contains(in, "q") {
			return
		}
		if !strings.HasPrefix(iso, in) && !strings.HasPrefix(in, iso) {
			t.Errorf("ParseDate(%q) = %s", s, iso)
		}
	})
}

// FuzzFormat checks that any number formats without panicking and that a
// plain es-MX number reads back to the rounded value.
func FuzzFormat(f *testing.F) {
	for _, v := range []float64{0, 1234567, -0.5, 85.714, 1e300, math.SmallestNonzeroFloat64} {
		f.Add(v, 1)
	}
	f.Fuzz(func(t *testing.T, v float64, dec int) {
		if dec < 0 || dec > 6 {
			dec = 1
		}
		for _, sc := range []chart.Scale{chart.ScaleNone, chart.ScaleAuto, chart.ScaleMillionsOfPesos} {
			_ = chart.Format{Scale: sc, Decimals: chart.Auto, Percent: true, Prefix: "$"}.Format(v)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e15 {
			return
		}
		d := dec
		if d == 0 {
			d = chart.Whole
		}
		s := chart.Format{Decimals: d}.Format(v)
		back, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil {
			t.Fatalf("Format(%v) = %q does not read back: %v", v, s, err)
		}
		want, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', dec, 64), 64)
		if back != want {
			t.Errorf("Format(%v, %d) = %q, reads back as %v, want %v", v, dec, s, back, want)
		}
	})
}

// FuzzBar feeds arbitrary cells through Bar and Line and renders the
// result: errors are fine, panics are not.
func FuzzBar(f *testing.F) {
	f.Add("Colima", "20.5", "2024-01")
	f.Add("", "N/D", "2024-13")
	f.Add("a\nb", "-1e308", "1999")
	f.Add("Otros", "3", "2014-05-31")
	f.Add("otro", "1", "2030-12-31")
	f.Fuzz(func(t *testing.T, label, value, x string) {
		df := build(t, frameCol{name: "e", s: []string{label, "otro"}}, frameCol{name: "v", s: []string{value, "1"}},
			frameCol{name: "x", s: []string{x, "2030-01"}})
		if ch, err := chart.Bar(df, "e", "v", chart.SkipMissing()); err == nil {
			if err := ch.Render(&bytes.Buffer{}, "svg"); err != nil {
				t.Fatal(err)
			}
		}
		if ch, err := chart.Line(df, "x", "v", chart.SkipMissing()); err == nil {
			if err := ch.Render(&bytes.Buffer{}, "svg"); err != nil {
				t.Fatal(err)
			}
		}
	})
}
