package analyze

import (
	"math"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

// FuzzParseISO checks that any string either fails with ErrBadDate or parses
// to a date that writes back and parses again to itself.
func FuzzParseISO(f *testing.F) {
	for _, s := range []string{"2024-10-17", "2024-10", "2024", "2024-02-30", "2024-10-17 00:00:00 GMT", "17/10/2024", "-001-11-30", "9999-99-99", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseISO(s)
		if err != nil {
			return
		}
		back, err := parseISO(d.String())
		if err != nil || back != d {
			t.Fatalf("%q → %v → %q → %v, %v", s, d, d.String(), back, err)
		}
		// A year back from 1000 leaves the years ISO dates are read in
		// (1000–9999): YoY then finds no earlier period, as it should.
		prev := d.minusYears(1)
		if _, err := parseISO(prev.String()); err != nil && prev.y >= 1000 {
			t.Fatalf("%q one year back %q does not parse: %v", s, prev.String(), err)
		}
	})
}

// FuzzProfile checks that Profile never panics and counts every value, on
// any text column and the numbers parsed from it.
func FuzzProfile(f *testing.F) {
	f.Add("Nacional,01,2,,99,2014-11-24,2014-11-12 19:21")
	f.Add("1,2,3,-1,-1,0")
	f.Add("97,97,98,1,NaN,Inf")
	f.Fuzz(func(t *testing.T, s string) {
		parts := strings.Split(s, ",")
		na := make([]bool, len(parts))
		nums := make([]float64, len(parts))
		for i, p := range parts {
			na[i] = p == ""
			nums[i] = math.NaN()
			if x, err := parseNumber(p); err == nil {
				nums[i] = x
			}
		}
		df, err := frame.New(frame.Strings("cve_ent", parts, na), frame.Floats("x", nums, nil))
		if err != nil {
			t.Skip()
		}
		p := Profile(df)
		for _, c := range p.Columns {
			if c.Count+c.Missing != len(parts) {
				t.Fatalf("%s: %d + %d != %d", c.Name, c.Count, c.Missing, len(parts))
			}
		}
		_ = p.String()
		if _, err := p.DataFrame(); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzGroupBySum checks GroupBy sums against a plain map over the same
// rows, with two key columns whose joined text could collide.
func FuzzGroupBySum(f *testing.F) {
	f.Add("a_b,c,1;a,b_c,2;a_b,c,3;,x,4")
	f.Add(";;")
	f.Fuzz(func(t *testing.T, s string) {
		var k1, k2 []string
		var v []float64
		var na1 []bool
		for _, row := range strings.Split(s, ";") {
			f := strings.SplitN(row, ",", 3)
			for len(f) < 3 {
				f = append(f, "")
			}
			x, err := parseNumber(f[2])
			if err != nil || math.IsInf(x, 0) || math.Abs(x) > 1e12 {
				x = math.NaN()
			}
			k1 = append(k1, f[0])
			na1 = append(na1, f[0] == "" || f[0] == "NaN")
			k2 = append(k2, f[1])
			v = append(v, x)
		}
		for i := range k2 {
			if k2[i] == "NaN" {
				k2[i] = "nan" // gota turns the text "NaN" into a missing value
			}
		}
		df, err := frame.New(frame.Strings("a", k1, na1), frame.Strings("b", k2, nil), frame.Floats("v", v, nil))
		if err != nil {
			t.Skip()
		}
		out, err := GroupBy(df, "a", "b").Agg(Sum("v"), Count())
		if err != nil {
			t.Fatal(err)
		}
		type key struct {
			a, b string
			na   bool
		}
		want := map[key]float64{}
		cnt := map[key]int{}
		for i := range v {
			k := key{k1[i], k2[i], na1[i]}
			if na1[i] {
				k.a = ""
			}
			cnt[k]++
			if !math.IsNaN(v[i]) {
				want[k] += v[i]
			}
		}
		if out.Nrow() != len(cnt) {
			t.Fatalf("%d groups, want %d", out.Nrow(), len(cnt))
		}
		a, ana := frame.StringsOf(out.Col("a"))
		b, _ := frame.StringsOf(out.Col("b"))
		sums := floatsOf(t, out, "v_sum")
		counts := floatsOf(t, out, "count")
		for i := range a {
			k := key{a[i], b[i], ana[i]}
			if int(counts[i]) != cnt[k] {
				t.Fatalf("group %v: count %v, want %d", k, counts[i], cnt[k])
			}
			if w, ok := want[k]; ok && !near(sums[i], w, 1e-6*math.Max(1, math.Abs(w))) {
				t.Fatalf("group %v: sum %v, want %v", k, sums[i], w)
			}
		}
	})
}

// FuzzParseNumber checks that numbers stored as text parse to finite values
// that print back to the same number.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12", " 3.5 ", "1e3", "Inf", "NaN", "1,234", "$5", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := parseNumber(s)
		if err != nil {
			return
		}
		if math.IsInf(x, 0) {
			t.Fatalf("%q parsed to %v", s, x)
		}
		if math.IsNaN(x) {
			return
		}
		y, err := parseNumber(formatNum(x))
		if err != nil || y != x {
			t.Fatalf("%q → %v → %q → %v, %v", s, x, formatNum(x), y, err)
		}
	})
}
