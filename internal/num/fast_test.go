package num

import (
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// The fast paths (Decimal, the "$" amounts of Parse and the exact division
// in parseBody) must give bit for bit what strconv.ParseFloat gives.

func sameFloat(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

func TestDecimalMatchesStrconv(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"0", true}, {"-0", true}, {"-0.0", true}, {"+7", true}, {"123.45", true},
		{"0.1", true}, {"999999999999999", true}, {"99999999999999.9", true},
		{"0.00000000000001", true}, {"0.000000000000001", false}, {"1234567890123456", false}, {"1.", false},
		{".5", false}, {"1e5", false}, {"1,234", false}, {"", false}, {"-", false},
		{"12a", false}, {"--1", false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := Decimal(tc.in)
			if ok != tc.ok {
				t.Fatalf("Decimal(%q) ok = %v, want %v", tc.in, ok, tc.ok)
			}
			if !ok {
				return
			}
			want, err := strconv.ParseFloat(tc.in, 64)
			if err != nil || !sameFloat(got, want) {
				t.Errorf("Decimal(%q) = %v, strconv %v (%v)", tc.in, got, want, err)
			}
		})
	}
	r := rand.New(rand.NewSource(1))
	for k := 0; k < 200_000; k++ {
		intLen, fracLen := 1+r.Intn(10), r.Intn(8)
		var b strings.Builder
		if r.Intn(4) == 0 {
			b.WriteByte('-')
		}
		for i := 0; i < intLen; i++ {
			b.WriteByte(byte('0' + r.Intn(10)))
		}
		if fracLen > 0 {
			b.WriteByte('.')
			for i := 0; i < fracLen; i++ {
				b.WriteByte(byte('0' + r.Intn(10)))
			}
		}
		s := b.String()
		got, ok := Decimal(s)
		want, err := strconv.ParseFloat(s, 64)
		if ok && (err != nil || !sameFloat(got, want)) {
			t.Fatalf("Decimal(%q) = %v, strconv %v", s, got, want)
		}
		if !ok && intLen+fracLen <= 15 {
			t.Fatalf("Decimal(%q) refused a short decimal", s)
		}
	}
}

// TestParseAmountsMatchStrconv checks the "$1,234.56" path and parseBody's
// exact division against strconv on the text without its marks.
func TestParseAmountsMatchStrconv(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for k := 0; k < 100_000; k++ {
		cents := r.Int63n(1_000_000_000_000)
		plain := strconv.FormatInt(cents/100, 10) + "." + strconv.FormatInt(100+cents%100, 10)[1:]
		grouped := group(strconv.FormatInt(cents/100, 10)) + plain[strings.IndexByte(plain, '.'):]
		want, _ := strconv.ParseFloat(plain, 64)
		for _, in := range []string{"$" + grouped, grouped, "$ " + grouped, "MXN " + grouped} {
			res, err := Parse(in, '.')
			if err != nil {
				t.Fatalf("Parse(%q): %v", in, err)
			}
			if !sameFloat(res.Value, want) {
				t.Fatalf("Parse(%q) = %v, want %v", in, res.Value, want)
			}
			if strings.HasPrefix(in, "$") && res.Currency != "$" {
				t.Fatalf("Parse(%q) currency %q", in, res.Currency)
			}
			if res.Grouped != strings.Contains(grouped, ",") {
				t.Fatalf("Parse(%q) grouped %v", in, res.Grouped)
			}
		}
	}
}

func group(d string) string {
	var b strings.Builder
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func FuzzDecimal(f *testing.F) {
	for _, s := range []string{"0", "-0.0", "123.45", "999999999999999", "1.", "+3.25", "0.000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Decimal(s)
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || !sameFloat(got, want) {
			t.Fatalf("Decimal(%q) = %v, strconv %v (%v)", s, got, want, err)
		}
	})
}

func BenchmarkParseAmount(b *testing.B) {
	in := []string{"$1,234.56", "$987,654,321.09", "12345.67", "N/D"}
	for i := 0; i < b.N; i++ {
		Parse(in[i%len(in)], '.')
	}
}

func BenchmarkDecimal(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Decimal("123456.78")
	}
}

func BenchmarkStrconvParseFloat(b *testing.B) {
	for i := 0; i < b.N; i++ {
		strconv.ParseFloat("123456.78", 64)
	}
}
