package analyze

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

// INPC by hand, from data/inegi_inpc_mensual_1969_2024.csv:
//
//	2023-01 127.336  2023-02 128.046  2023-03 128.389   → 2023-Q1 127.923667
//	2023-10 130.609  2023-11 131.445  2023-12 132.373   → 2023-Q4 131.475667
//	2024-01 133.555  2024-02 133.681  2024-03 134.065   → 2024-Q1 133.767
//
// The embedded series ends in March 2024, so 2024-Q2 is not in it.
const (
	inpc2023Q1 = (127.336 + 128.046 + 128.389) / 3
	inpc2023Q4 = (130.609 + 131.445 + 132.373) / 3
	inpc2024Q1 = (133.555 + 133.681 + 134.065) / 3
)

func TestIndexQuarterValue(t *testing.T) {
	inpc := INPC()
	tests := []struct {
		period string
		want   float64
		ok     bool
	}{
		{"2023-Q1", inpc2023Q1, true},
		{"2023-Q4", inpc2023Q4, true},
		{"2024-Q1", inpc2024Q1, true},
		{"2024-q1", inpc2024Q1, true},
		{"2023-02", 128.046, true},
		{"2023-02-15", 128.046, true},
		{"2024-Q2", 0, false}, // INPC ends 2024-03
		{"2024", 0, false},    // only 3 of 12 months
		{"1969-Q1", (0.011595 + 0.011636 + 0.011648) / 3, true},
	}
	for _, tc := range tests {
		t.Run(tc.period, func(t *testing.T) {
			got, ok := inpc.Value(tc.period)
			if ok != tc.ok || (ok && !near(got, tc.want, 1e-9)) {
				t.Errorf("INPC.Value(%q) = %v, %v; want %v, %v", tc.period, got, ok, tc.want, tc.ok)
			}
		})
	}
	if inpc.Quarterly() {
		t.Error("INPC is monthly, Quarterly() = true")
	}
}

func TestIndexQuarterNeedsThreeMonths(t *testing.T) {
	// 2023 without August: Q3 and the year are not in the index, Q2 is.
	var months []string
	var values []float64
	for m, v := range []float64{100, 101, 102, 103, 104, 105, 106, 0, 108, 109, 110, 111} {
		if m == 7 {
			continue
		}
		months = append(months, "2023-"+[]string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"}[m])
		values = append(values, v)
	}
	ix, err := NewPriceIndex("gap", months, values)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		period string
		want   float64
		ok     bool
	}{
		{"2023-Q2", 104, true},
		{"2023-Q3", 0, false},
		{"2023-Q4", 110, true},
		{"2023", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.period, func(t *testing.T) {
			got, ok := ix.Value(tc.period)
			if ok != tc.ok || (ok && !near(got, tc.want, 1e-12)) {
				t.Errorf("Value(%q) = %v, %v; want %v, %v", tc.period, got, ok, tc.want, tc.ok)
			}
		})
	}
	df := mustFrame(t,
		frame.Strings("fecha", []string{"2023-Q2", "2023-Q3", "2023-07"}, nil),
		frame.Floats("importe", []float64{1000, 1000, 1000}, nil),
	)
	out, rep, err := Deflate(df, "importe", "fecha", ix, "2023-Q4")
	if err != nil {
		t.Fatal(err)
	}
	got := floatsOf(t, out, "importe_real")
	want := []float64{1000 * 110.0 / 104, math.NaN(), 1000 * 110.0 / 106}
	for i := range want {
		if !near(got[i], want[i], 1e-9) {
			t.Fatalf("importe_real = %v, want %v", got, want)
		}
	}
	if rep.NotInIndex != 1 || !reflect.DeepEqual(rep.Periods, []string{"2023-Q3"}) || rep.Deflated != 2 {
		t.Errorf("report = %+v, want 2 deflated and 2023-Q3 not in the index", rep)
	}
	if _, _, err := Deflate(df, "importe", "fecha", ix, "2023-Q3"); !errors.Is(err, ErrNoBase) {
		t.Errorf("base 2023-Q3 with August missing: err = %v, want ErrNoBase", err)
	}
}

func TestDeflateQuarters(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("fecha", []string{"2023-Q1", "2024-Q1", "2024-Q2", "2023-03", "2023-q4", "2023-Q1"}, nil),
		frame.Floats("importe", []float64{1000, 1000, 1000, 1000, 2500, 500}, nil),
	)
	out, rep, err := Deflate(df, "importe", "fecha", INPC(), "2023-Q4")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{
		1000 * inpc2023Q4 / inpc2023Q1, // 1027.766559
		1000 * inpc2023Q4 / inpc2024Q1, // 982.870713
		math.NaN(),                     // 2024-Q2: INPC ends 2024-03
		1000 * inpc2023Q4 / 128.389,    // a month still uses its month
		2500,                           // the base quarter itself
		500 * inpc2023Q4 / inpc2023Q1,
	}
	got := floatsOf(t, out, "importe_real")
	for i, w := range want {
		t.Run(stringsOf(t, df, "fecha")[i], func(t *testing.T) {
			if !near(got[i], w, 1e-9) {
				t.Errorf("importe_real = %.9f, want %.9f", got[i], w)
			}
		})
	}
	if !near(got[0], 1027.766558703, 1e-6) || !near(got[1], 982.870713006, 1e-6) {
		t.Errorf("1000 pesos of 2023-Q1 and of 2024-Q1 in pesos of 2023-Q4 = %v, %v; want 1027.766559, 982.870713", got[0], got[1])
	}
	if !near(rep.BaseValue, 131.475666667, 1e-6) || rep.Deflated != 5 || rep.NotInIndex != 1 ||
		!reflect.DeepEqual(rep.Periods, []string{"2024-Q2"}) {
		t.Errorf("report = %+v", rep)
	}
	if _, _, err := Deflate(df, "importe", "fecha", INPC(), "2024-Q2"); !errors.Is(err, ErrNoBase) {
		t.Errorf("base 2024-Q2: err = %v, want ErrNoBase", err)
	}
}

func TestQuarterlyIndex(t *testing.T) {
	ix, err := NewPriceIndex("deflactor", []string{"2024-Q1", "2023-Q2", "2023-q1", "2023-Q3", "2023-Q4"}, []float64{105, 101, 100, 102, 103})
	if err != nil {
		t.Fatal(err)
	}
	if !ix.Quarterly() || ix.Len() != 5 {
		t.Fatalf("Quarterly() = %v, Len() = %d", ix.Quarterly(), ix.Len())
	}
	if first, last := ix.Range(); first != "2023-Q1" || last != "2024-Q1" {
		t.Errorf("Range() = %s, %s", first, last)
	}
	tests := []struct {
		period string
		want   float64
		ok     bool
	}{
		{"2023-Q2", 101, true},
		{"2024-q1", 105, true},
		{"2023", 101.5, true},
		{"2024", 0, false},       // one quarter of four
		{"2023-05", 0, false},    // no months in a quarterly index
		{"2023-05-10", 0, false}, // nor days
	}
	for _, tc := range tests {
		t.Run(tc.period, func(t *testing.T) {
			got, ok := ix.Value(tc.period)
			if ok != tc.ok || (ok && !near(got, tc.want, 1e-12)) {
				t.Errorf("Value(%q) = %v, %v; want %v, %v", tc.period, got, ok, tc.want, tc.ok)
			}
		})
	}
	df := mustFrame(t,
		frame.Strings("periodo", []string{"2023-Q1", "2024-Q1", "2023-05"}, nil),
		frame.Floats("pib", []float64{2000, 2100, 700}, nil),
	)
	out, rep, err := Deflate(df, "pib", "periodo", ix, "2023")
	if err != nil {
		t.Fatal(err)
	}
	got := floatsOf(t, out, "pib_real")
	want := []float64{2000 * 101.5 / 100, 2100 * 101.5 / 105, math.NaN()}
	for i := range want {
		if !near(got[i], want[i], 1e-9) {
			t.Errorf("pib_real = %v, want %v", got, want)
			break
		}
	}
	if rep.NotInIndex != 1 || !reflect.DeepEqual(rep.Periods, []string{"2023-05"}) {
		t.Errorf("report = %+v", rep)
	}

	bad := []struct {
		name   string
		months []string
		want   error
	}{
		{"month then quarter", []string{"2024-01", "2024-Q1"}, ErrBadDate},
		{"quarter then day", []string{"2024-Q1", "2024-04-01"}, ErrBadDate},
		{"year", []string{"2024"}, ErrBadDate},
		{"quarter twice", []string{"2024-Q1", "2024-q1"}, ErrArgument},
	}
	for _, tc := range bad {
		t.Run("bad/"+tc.name, func(t *testing.T) {
			vals := make([]float64, len(tc.months))
			for i := range vals {
				vals[i] = 100
			}
			if _, err := NewPriceIndex("x", tc.months, vals); !errors.Is(err, tc.want) {
				t.Errorf("NewPriceIndex(%q) err = %v, want %v", tc.months, err, tc.want)
			}
		})
	}
	// PriceIndexFromFrame takes a quarter column too.
	qf := mustFrame(t,
		frame.Strings("trimestre", []string{"2023-Q1", "2023-Q2"}, nil),
		frame.Floats("indice", []float64{100, 102}, nil),
	)
	if ix2, err := PriceIndexFromFrame(qf, "trimestre", "indice"); err != nil || !ix2.Quarterly() {
		t.Errorf("PriceIndexFromFrame on quarters: %v, quarterly %v", err, ix2.Quarterly())
	}
}

// FIX by hand, from data/banxico_fix_diario_2018_2025.csv: 2024-Q2 has 64
// quotes, from 16.6578 (2024-04-01) to 18.2478 (2024-06-28), averaging
// 17.2443046875; 2023-Q1 has 63 averaging 18.655874603; the 251 quotes of
// 2024 average 18.326315538. The series ends 2025-08-01, so 2025-Q3 has no
// average.
func TestConvertQuarters(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("fecha", []string{"2024-Q2", "2024", "2024-04-01", "2025-Q3", "2023-q1"}, nil),
		frame.Floats("usd", []float64{1, 1, 1, 1, 100}, nil),
	)
	out, rep, err := Convert(df, "usd", "fecha", FIX(), "mxn")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{17.2443046875, 18.326315537848608, 16.6578, math.NaN(), 1865.5874603174603}
	got := floatsOf(t, out, "mxn")
	for i, w := range want {
		t.Run(stringsOf(t, df, "fecha")[i], func(t *testing.T) {
			if !near(got[i], w, 1e-9) {
				t.Errorf("mxn = %.10f, want %.10f", got[i], w)
			}
		})
	}
	if rep.Averaged != 3 || rep.Converted != 4 || rep.NoRate != 1 || !reflect.DeepEqual(rep.NoRateDates, []string{"2025-Q3"}) {
		t.Errorf("report = %+v", rep)
	}
}

func TestTrendQuarters(t *testing.T) {
	tests := []struct {
		name  string
		dates []string
		y     []float64
		slope float64
		err   error
	}{
		{"steady", []string{"2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"}, []float64{10, 12, 14, 16, 18}, 2, nil},
		{"gap counts", []string{"2023-Q1", "2023-Q3", "2024-Q1"}, []float64{10, 14, 18}, 2, nil},
		{"mixed", []string{"2023-Q1", "2023-04"}, []float64{1, 2}, 0, ErrBadDate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			df := mustFrame(t, frame.Strings("t", tc.dates, nil), frame.Floats("y", tc.y, nil))
			res, err := Trend(df, "t", "y")
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Errorf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Unit != "quarter" || !near(res.Slope, tc.slope, 1e-9) {
				t.Errorf("Trend = %v, want slope %v per quarter", res, tc.slope)
			}
		})
	}
}

func TestPeriodStepsQuarters(t *testing.T) {
	// Unsorted, one lower-case quarter (byte order would put "2023-q2"
	// after "2023-Q3") and 2023-Q4 missing.
	df := mustFrame(t,
		frame.Strings("periodo", []string{"2023-Q3", "2023-q2", "2023-Q1", "2024-Q1"}, nil),
		frame.Floats("v", []float64{30, 20, 10, 40}, nil),
	)
	check := func(t *testing.T, name string, got, want []float64) {
		t.Helper()
		for i := range want {
			if !near(got[i], want[i], 1e-9) {
				t.Errorf("%s = %v, want %v", name, got, want)
				return
			}
		}
	}
	t.Run("Change", func(t *testing.T) {
		out, rep, err := Change(df, "v", "periodo")
		if err != nil {
			t.Fatal(err)
		}
		// 2024-Q1 compares with 2023-Q3, the latest present (documented).
		check(t, "v_change", floatsOf(t, out, "v_change"), []float64{10, 10, math.NaN(), 10})
		if rep.First != 1 || rep.Computed != 3 {
			t.Errorf("report = %+v", rep)
		}
	})
	t.Run("CumSum", func(t *testing.T) {
		out, err := CumSum(df, "v", "periodo")
		if err != nil {
			t.Fatal(err)
		}
		check(t, "v_cumsum", floatsOf(t, out, "v_cumsum"), []float64{60, 30, 10, 100})
	})
	t.Run("Rolling", func(t *testing.T) {
		out, err := Rolling(df, "v", "periodo", 2)
		if err != nil {
			t.Fatal(err)
		}
		check(t, "v_roll2_mean", floatsOf(t, out, "v_roll2_mean"), []float64{25, 15, math.NaN(), 35})
	})
	t.Run("IndexTo", func(t *testing.T) {
		out, _, err := IndexTo(df, "v", "periodo", "2023-Q2")
		if err != nil {
			t.Fatal(err)
		}
		check(t, "v_index", floatsOf(t, out, "v_index"), []float64{150, 100, 50, 200})
	})
	t.Run("ChangeBetween", func(t *testing.T) {
		out, _, err := ChangeBetween(df, "v", "periodo", "2023-q1", "2024-Q1")
		if err != nil {
			t.Fatal(err)
		}
		check(t, "v_2023-Q1", floatsOf(t, out, "v_2023-Q1"), []float64{10})
		check(t, "pct_change", floatsOf(t, out, "pct_change"), []float64{300})
		if _, _, err := ChangeBetween(df, "v", "periodo", "2023-Q1", " 2023-q1"); !errors.Is(err, ErrArgument) {
			t.Errorf("2023-Q1 to 2023-q1: err = %v, want ErrArgument (the same quarter)", err)
		}
	})
	errs := []struct {
		name    string
		periods []string
		want    error
	}{
		{"same quarter twice", []string{"2023-Q1", "2023-q1"}, ErrArgument},
		{"quarters and months", []string{"2023-Q1", "2023-04"}, ErrBadDate},
	}
	for _, tc := range errs {
		t.Run("bad/"+tc.name, func(t *testing.T) {
			bad := mustFrame(t, frame.Strings("periodo", tc.periods, nil), frame.Floats("v", []float64{1, 2}, nil))
			if _, _, err := Change(bad, "v", "periodo"); !errors.Is(err, tc.want) {
				t.Errorf("Change err = %v, want %v", err, tc.want)
			}
			if _, err := CumSum(bad, "v", "periodo"); !errors.Is(err, tc.want) {
				t.Errorf("CumSum err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestYoYQuarterGaps(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("ent", []string{"a", "a", "a", "a", "a", "a", "b", "b"}, nil),
		frame.Strings("periodo", []string{"2023-Q1", "2023-Q2", "2023-Q4", "2024-Q1", "2024-Q3", "2024-q4", "2023-Q3", "2024-Q3"}, nil),
		frame.Floats("v", []float64{100, 110, 130, 120, 150, 140, 50, 60}, nil),
	)
	out, _, err := YoY(df, "v", "periodo", "ent")
	if err != nil {
		t.Fatal(err)
	}
	pct := floatsOf(t, out, "v_yoy_pct_change")
	note := stringsOf(t, out, "v_yoy_note")
	want := []float64{math.NaN(), math.NaN(), math.NaN(), 20, math.NaN(), 100 * (140.0/130 - 1), math.NaN(), 20}
	for i, w := range want {
		if !near(pct[i], w, 1e-9) {
			t.Errorf("row %d: pct = %v, want %v", i+1, pct[i], w)
		}
	}
	// a's 2024-Q3 has no 2023-Q3 in its group: b's 2023-Q3 and a's
	// neighbouring quarters are not used.
	if note[4] != NoteNoComparison {
		t.Errorf("2024-Q3 note = %q, want %q", note[4], NoteNoComparison)
	}
}
