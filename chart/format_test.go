package chart_test

import (
	"math"
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

func TestFormat(t *testing.T) {
	mx := chart.Format{Locale: chart.EsMX, Decimals: chart.Auto}
	es := chart.Format{Locale: chart.EsES, Decimals: chart.Auto}
	for _, tc := range []struct {
		name string
		f    chart.Format
		v    float64
		want string
	}{
		{"count es-MX", mx, 1234567, "1,234,567"},
		{"count es-ES", es, 1234567, "1.234.567"},
		{"four digits es-ES (RAE)", es, 1234, "1234"},
		{"five digits es-ES", es, 12345, "12.345"},
		{"four digits es-MX", mx, 1234, "1,234"},
		{"rate", mx, 85.714, "85.7"},
		{"rate es-ES", es, 85.714, "85,7"},
		{"small", mx, 0.857, "0.86"},
		{"negative", mx, -1234.5, "-1,234.5"},
		{"negative rounds to zero", chart.Format{Decimals: chart.Whole}, -0.2, "0"},
		{"zero value is automatic", chart.Format{}, 20.46, "20.5"},
		{"zero value format", chart.Format{}, 1234567, "1,234,567"},
		{"fixed decimals", chart.Format{Decimals: 2}, 3, "3.00"},
		{"mil", chart.Format{Scale: chart.ScaleAuto, Decimals: chart.Auto}, 1234, "1.2 mil"},
		{"millones", chart.Format{Scale: chart.ScaleAuto, Decimals: chart.Auto}, 3_400_000, "3.4 millones"},
		{"un millón", chart.Format{Scale: chart.ScaleAuto, Decimals: chart.Auto}, 1_000_000, "1 millón"},
		{"mil millones", chart.Format{Scale: chart.ScaleAuto, Decimals: chart.Auto}, 63_200_000_000, "63.2 mil millones"},
		{"whole after scaling", chart.Format{Scale: chart.ScaleAuto, Decimals: chart.Auto}, 5_000_000, "5 millones"},
		{"below a thousand", chart.Format{Scale: chart.ScaleAuto, Decimals: chart.Auto}, 999, "999"},
		{"mdp", chart.Format{Scale: chart.ScaleMillionsOfPesos, Decimals: chart.Auto}, 3_400_000_000, "3,400 mdp"},
		{"mdp small", chart.Format{Scale: chart.ScaleMillionsOfPesos, Decimals: chart.Auto}, 12_345_678, "12.3 mdp"},
		{"currency", chart.Format{Prefix: "$", Decimals: 2}, 1234.5, "$1,234.50"},
		{"negative currency", chart.Format{Prefix: "$", Decimals: chart.Whole}, -1500, "-$1,500"},
		{"percent", chart.Format{Percent: true, Decimals: chart.Auto}, 85.7, "85.7%"},
		{"percent es-ES", chart.Format{Locale: chart.EsES, Percent: true, Decimals: 1}, 85.7, "85,7\u00a0%"},
		{"currency millones", chart.Format{Prefix: "$", Scale: chart.ScaleAuto, Decimals: chart.Auto}, 3_400_000, "$3.4 millones"},
		{"NaN", mx, math.NaN(), "–"},
		{"Inf", mx, math.Inf(-1), "-∞"},
		{"en-US", chart.Format{Locale: chart.EnUS, Scale: chart.ScaleAuto, Decimals: chart.Auto}, 3_400_000, "3.4 M"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.Format(tc.v); got != tc.want {
				t.Errorf("Format(%v) = %q, want %q", tc.v, got, tc.want)
			}
		})
	}
}

func TestLocaleNamed(t *testing.T) {
	for _, tc := range []struct {
		tag       string
		ok        bool
		thousands string
	}{
		{"es-MX", true, ","}, {"es_mx", true, ","}, {"es-ES", true, "."}, {"es-AR", true, "."}, {"en-US", true, ","}, {"fr-FR", false, ""},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			l, ok := chart.LocaleNamed(tc.tag)
			if ok != tc.ok || l.Thousands != tc.thousands {
				t.Errorf("LocaleNamed(%q) = %q, %v", tc.tag, l.Thousands, ok)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		bad      bool
	}{
		{"2024", "2024-01-01", false},
		{"2024-10", "2024-10-01", false},
		{"2024-10-17", "2024-10-17", false},
		{" 2024-10-17T08:00:00Z", "2024-10-17", false},
		{"2024-10-17 08:00", "2024-10-17", false},
		{"2024-Q3", "2024-07-01", false},
		{"2024-02-30", "", true},
		{"2024-13", "", true},
		{"17/10/2024", "", true},
		{"octubre", "", true},
		{"", "", true},
		{"0999", "", true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			d, err := chart.ParseDate(tc.in)
			if tc.bad {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, want error", tc.in, d)
				}
				return
			}
			if err != nil || d.Format("2006-01-02") != tc.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %s", tc.in, d, err, tc.want)
			}
		})
	}
}
