package num

import (
	"errors"
	"strconv"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		name string
		in   string
		dec  byte
		want float64
		pct  bool
		cur  string
		err  error
	}{
		{"plain", "1234", '.', 1234, false, "", nil},
		{"decimal", "3914141621.0", '.', 3914141621, false, "", nil},
		{"noise", "8259533.132000001", '.', 8259533.132000001, false, "", nil},
		{"pesos sign", "$1,234,567.89", '.', 1234567.89, false, "$", nil},
		{"space groups", "1 234", '.', 1234, false, "", nil},
		{"nbsp groups", "1\u00a0234\u00a0567", '.', 1234567, false, "", nil},
		{"parens negative", "(1,234)", '.', -1234, false, "", nil},
		{"percent", "12.5%", '.', 12.5, true, "", nil},
		{"percent spaced", "12.5 %", '.', 12.5, true, "", nil},
		{"code prefix", "MXN 1,234", '.', 1234, false, "MXN", nil},
		{"pesos word", "1,234.5 pesos", '.', 1234.5, false, "MXN", nil},
		{"usd", "USD 12", '.', 12, false, "USD", nil},
		{"us dollar sign", "US$ 1,000.50", '.', 1000.5, false, "USD", nil},
		{"mn", "$ 2,500.00 M.N.", '.', 2500, false, "MXN", nil},
		{"unicode minus", "\u22123.5", '.', -3.5, false, "", nil},
		{"minus before sign", "-$1,234", '.', -1234, false, "$", nil},
		{"minus after sign", "$-1,234", '.', -1234, false, "$", nil},
		{"trailing minus", "1,234-", '.', -1234, false, "", nil},
		{"plus", "+7", '.', 7, false, "", nil},
		{"spaces", "  42  ", '.', 42, false, "", nil},
		{"leading point", ".5", '.', 0.5, false, "", nil},
		{"exponent", "1.5E+06", '.', 1.5e6, false, "", nil},
		{"lone comma group", "1,234", '.', 1234, false, "", nil},
		{"es full", "1.234.567,89", ',', 1234567.89, false, "", nil},
		{"es euro", "1.234,5 €", ',', 1234.5, false, "EUR", nil},
		{"es plain decimal", "0,25", ',', 0.25, false, "", nil},
		{"es space groups", "1 234 567,5", ',', 1234567.5, false, "", nil},
		{"footnote star", "1,234*", '.', 1234, false, "", nil},
		{"footnote preliminary", "1,234 p/", '.', 1234, false, "", nil},
		{"footnote glued", "12.5e/", '.', 12.5, false, "", nil},
		{"slash alone", "1/2", '.', 0, false, "", ErrSyntax},
		{"ambiguous comma", "1,5", '.', 0, false, "", ErrAmbiguous},
		{"ambiguous comma 2", "12,50", '.', 0, false, "", ErrAmbiguous},
		{"ambiguous point es", "1.5", ',', 0, false, "", ErrAmbiguous},
		{"bad groups", "12,3,4", '.', 0, false, "", ErrSyntax},
		{"two points", "1.234.567", '.', 0, false, "", ErrSyntax},
		{"es under mx", "1.234,56", '.', 0, false, "", ErrSyntax},
		{"words", "mil", '.', 0, false, "", ErrSyntax},
		{"dash only", "-", '.', 0, false, "", ErrEmpty},
		{"sign only", "$", '.', 0, false, "", ErrEmpty},
		{"empty", "", '.', 0, false, "", ErrEmpty},
		{"letters after", "12abc", '.', 0, false, "", ErrSyntax},
		{"word boundary", "USDX 12", '.', 0, false, "", ErrSyntax},
		{"huge", "1e999", '.', 0, false, "", ErrSyntax},
		{"group after decimal", "1.234,5", '.', 0, false, "", ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse(c.in, c.dec)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("Parse(%q) error = %v, want %v", c.in, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", c.in, err)
			}
			if r.Value != c.want || r.Percent != c.pct || r.Currency != c.cur {
				t.Errorf("Parse(%q) = %+v, want %v pct=%v cur=%q", c.in, r, c.want, c.pct, c.cur)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"$1,234,567.89", "(1,234)", "12.5%", "1.234.567,89", "1,5", "MXN 1,234", "-", "1e5", "\u22123", "1 234"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, point bool) {
		dec := byte('.')
		if !point {
			dec = ','
		}
		r, err := Parse(s, dec)
		if err != nil {
			return
		}
		// A plain number printed back in Go syntax parses to the same value.
		txt := strconv.FormatFloat(r.Value, 'f', -1, 64)
		if dec == ',' {
			return
		}
		r2, err := Parse(txt, dec)
		if err != nil || r2.Value != r.Value {
			t.Errorf("round trip of %q: %q gives %v, %v", s, txt, r2.Value, err)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	inputs := []string{"1234", "$1,234,567.89", "3914141621.0", "(1,234)", "12.5%"}
	for i := 0; i < b.N; i++ {
		for _, s := range inputs {
			if _, err := Parse(s, '.'); err != nil {
				b.Fatal(err)
			}
		}
	}
}
