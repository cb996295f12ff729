package fetch

import (
	"testing"

	"github.com/go-gota/gota/series"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want valueKind
	}{
		{"42", kindInt}, {"-42", kindInt}, {"+7", kindInt}, {"0", kindInt},
		{"1,425,607", kindInt}, {"-1,234", kindInt}, {"1,234.5", kindFloat},
		{"3.14", kindFloat}, {".5", kindFloat}, {"1e-3", kindFloat}, {"31417.00", kindFloat}, {"0.5", kindFloat},
		{"01", kindLeadingZero}, {"007", kindLeadingZero}, {"09002", kindLeadingZero}, {"01.01", kindLeadingZero}, {"09-002", kindLeadingZero},
		{"1234567890123456", kindLongDigits}, {"123456789012345", kindInt},
		{"true", kindBool}, {"FALSE", kindBool},
		{"1,5", kindText}, {"1,23,4", kindText}, {"12,34", kindText}, {"1.234.567", kindText}, {"$1,234", kindText},
		{"02/01/2018", kindText}, {"Inf", kindText}, {"NaN", kindText}, {"0x1p4", kindText}, {"1_000", kindText},
		{"1e", kindText}, {"-", kindText}, {".", kindText}, {"si", kindText},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := classify(tt.in); got != tt.want {
				t.Errorf("classify(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestInferenceDecide(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   series.Type
	}{
		{"poblacion", []string{"1", "2,345", "6"}, series.Int},
		{"importe", []string{"1", "2.5"}, series.Float},
		{"codigo", []string{"1", "2"}, series.String},
		{"cve_ent", []string{"1", "2"}, series.String},
		{"municipio_id", []string{"1", "2"}, series.String},
		{"entidad", []string{"01", "2"}, series.String},
		{"x", []string{"1", "dos"}, series.String},
		{"flag", []string{"true", "False"}, series.Bool},
		{"meses", nil, series.Float},
		{"mixed", []string{"true", "1"}, series.String},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in inference
			for _, v := range tt.values {
				in.add(v)
			}
			if got, why := in.decide(tt.name, false, false); got != tt.want {
				t.Errorf("decide = %s (%s), want %s", got, why, tt.want)
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	for in, want := range map[string]int{"1,425,607": 1425607, "-1,000": -1000, "42": 42, "+5": 5} {
		if got, ok := parseIntValue(in); !ok || got != want {
			t.Errorf("parseIntValue(%q) = %d, %v", in, got, ok)
		}
	}
	for in, want := range map[string]float64{"1,234.5": 1234.5, "-2.5": -2.5, "1e3": 1000, "-1,000.25": -1000.25} {
		if got, ok := parseFloatValue(in); !ok || got != want {
			t.Errorf("parseFloatValue(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"1,5", "abc", "", "1.2.3"} {
		if _, ok := parseFloatValue(in); ok {
			t.Errorf("parseFloatValue(%q) accepted", in)
		}
	}
}

func TestUniqueNames(t *testing.T) {
	got := uniqueNames([]string{" a ", "a", "", "a_2", "\ufeffb", "b"})
	want := []string{"a", "a_3", "col_3", "a_2", "b", "b_2"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("uniqueNames = %q, want %q", got, want)
		}
	}
}
