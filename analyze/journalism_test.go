package analyze

import (
	"errors"
	"math"
	"math/rand"
	"sort"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

func TestRateEdgeCases(t *testing.T) {
	df := mustFrame(t,
		frame.Floats("n", []float64{5, 50, 3, math.NaN(), 12}, nil),
		frame.Floats("pob", []float64{1000, 0, -5, 100, math.NaN()}, nil),
	)
	out, rep, err := RateOptions{}.RateWithReport(df, "n", "pob", 1000, "tasa")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{5, math.NaN(), math.NaN(), math.NaN(), math.NaN()}
	got := floatsOf(t, out, "tasa")
	for i := range want {
		if !near(got[i], want[i], 1e-12) || math.IsInf(got[i], 0) {
			t.Fatalf("tasa = %v, want %v", got, want)
		}
	}
	if flags := out.Col("tasa_small").Records(); flags[0] != "true" || flags[1] != "false" || flags[3] != "NaN" {
		t.Errorf("flags = %v", flags)
	}
	if rep.Computed != 1 || rep.NonPositiveDen != 2 || rep.MissingNum != 1 || rep.MissingDen != 1 {
		t.Errorf("report %+v", rep)
	}
	out, err = RateOptions{SmallCount: 3, FlagName: "pequena"}.Rate(df, "n", "pob", 1000, "tasa")
	if err != nil || out.Col("pequena").Records()[0] != "false" {
		t.Errorf("custom threshold: %v %v", err, out)
	}
	for _, bad := range []struct {
		num, den, as string
		per          float64
		want         error
	}{
		{"n", "pob", "", 1000, ErrArgument},
		{"n", "pob", "t", 0, ErrArgument},
		{"x", "pob", "t", 1000, ErrNoColumn},
	} {
		if _, err := Rate(df, bad.num, bad.den, bad.per, bad.as); !errors.Is(err, bad.want) {
			t.Errorf("Rate(%v): err = %v, want %v", bad, err, bad.want)
		}
	}
}

func TestChangeYoYIndex(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("ent", []string{"A", "A", "A", "B", "B", "B"}, nil),
		frame.Strings("mes", []string{"2024-01", "2023-01", "2023-02", "2023-01", "2024-01", "2023-02"}, nil),
		frame.Floats("v", []float64{120, 100, 0, 0, 5, math.NaN()}, nil),
	)
	out, rep, err := Change(df, "v", "mes", "ent")
	if err != nil {
		t.Fatal(err)
	}
	// A: 2023-01 100, 2023-02 0, 2024-01 120; B: 2023-01 0, 2023-02 NaN, 2024-01 5.
	wantAbs := []float64{120, math.NaN(), -100, math.NaN(), math.NaN(), math.NaN()}
	wantPct := []float64{math.NaN(), math.NaN(), -100, math.NaN(), math.NaN(), math.NaN()}
	wantNote := []string{NoteFromZero, NoteFirst, "", NoteFirst, NoteMissing, NoteMissing}
	abs, pct, note := floatsOf(t, out, "v_change"), floatsOf(t, out, "v_pct_change"), stringsOf(t, out, "v_note")
	for i := range wantAbs {
		if !near(abs[i], wantAbs[i], 1e-12) || !near(pct[i], wantPct[i], 1e-12) || note[i] != wantNote[i] {
			t.Fatalf("row %d: %v %v %q, want %v %v %q", i+1, abs[i], pct[i], note[i], wantAbs[i], wantPct[i], wantNote[i])
		}
	}
	if rep.FromZero != 1 || rep.First != 2 || rep.Missing != 2 || rep.Computed != 1 {
		t.Errorf("report %+v", rep)
	}
	yoy, rep, err := YoY(df, "v", "mes", "ent")
	if err != nil {
		t.Fatal(err)
	}
	p := floatsOf(t, yoy, "v_yoy_pct_change")
	if !near(p[0], 20, 1e-12) || !math.IsNaN(p[4]) || stringsOf(t, yoy, "v_yoy_note")[4] != NoteFromZero {
		t.Errorf("yoy = %v\n%v", p, yoy)
	}
	if rep.First != 4 {
		t.Errorf("yoy report %+v", rep)
	}
	ix, rep, err := IndexTo(df, "v", "mes", "2023-01", "ent")
	if err != nil {
		t.Fatal(err)
	}
	if got := floatsOf(t, ix, "v_index"); got[0] != 120 || got[1] != 100 || !math.IsNaN(got[4]) {
		t.Errorf("index = %v", got)
	}
	if rep.NoBase != 3 {
		t.Errorf("index report %+v", rep)
	}
	if _, _, err := IndexTo(df, "v", "mes", "1999", "ent"); !errors.Is(err, ErrNoBase) {
		t.Errorf("missing base: %v", err)
	}
	if _, _, err := Change(df, "v", "mes"); !errors.Is(err, ErrArgument) {
		t.Errorf("repeated period without keys: %v", err)
	}
	if _, _, err := YoY(df, "v", "ent"); !errors.Is(err, ErrBadDate) {
		t.Errorf("bad date: %v", err)
	}
}

// TestSharesSumTo100 is a property test: shares within each group add to
// 100 for random data.
func TestSharesSumTo100(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for trial := 0; trial < 50; trial++ {
		n := 1 + r.Intn(200)
		keys := make([]string, n)
		vals := make([]float64, n)
		for i := range vals {
			keys[i] = string(rune('a' + r.Intn(5)))
			vals[i] = r.Float64() * 1000
			if r.Intn(10) == 0 {
				vals[i] = math.NaN()
			}
		}
		df := mustFrame(t, frame.Strings("k", keys, nil), frame.Floats("v", vals, nil))
		out, err := Share(df, "v", "pct", "k")
		if err != nil {
			t.Fatal(err)
		}
		sums := map[string]float64{}
		any := map[string]bool{}
		for i, s := range floatsOf(t, out, "pct") {
			if !math.IsNaN(s) {
				sums[keys[i]] += s
				any[keys[i]] = true
			}
		}
		for k, s := range sums {
			if any[k] && !near(s, 100, 1e-9) {
				t.Fatalf("trial %d group %s: shares add to %v", trial, k, s)
			}
		}
	}
}

// TestRankIsPermutation is a property test: without ties, min ranks are a
// permutation of 1..n; with ties, dense ranks have no gaps.
func TestRankIsPermutation(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for trial := 0; trial < 50; trial++ {
		n := 1 + r.Intn(100)
		vals := r.Perm(n)
		f := make([]float64, n)
		for i, v := range vals {
			f[i] = float64(v)
		}
		df := mustFrame(t, frame.Floats("v", f, nil))
		for _, asc := range []bool{false, true} {
			out, err := RankOptions{Ascending: asc}.Rank(df, "v")
			if err != nil {
				t.Fatal(err)
			}
			ranks := floatsOf(t, out, "v_rank")
			seen := make([]bool, n+1)
			for i, rk := range ranks {
				k := int(rk)
				if k < 1 || k > n || seen[k] {
					t.Fatalf("trial %d: ranks %v not a permutation", trial, ranks)
				}
				seen[k] = true
				want := n - vals[i]
				if asc {
					want = vals[i] + 1
				}
				if k != want {
					t.Fatalf("value %v rank %d, want %d", f[i], k, want)
				}
			}
		}
	}
	df := mustFrame(t, frame.Floats("v", []float64{10, 20, 20, 5, math.NaN()}, nil))
	for _, tc := range []struct {
		ties Ties
		want []float64
	}{
		{TiesMin, []float64{3, 1, 1, 4, math.NaN()}},
		{TiesDense, []float64{2, 1, 1, 3, math.NaN()}},
		{TiesAverage, []float64{3, 1.5, 1.5, 4, math.NaN()}},
	} {
		out, err := RankOptions{Ties: tc.ties}.Rank(df, "v")
		if err != nil {
			t.Fatal(err)
		}
		got := floatsOf(t, out, "v_rank")
		for i := range got {
			if !near(got[i], tc.want[i], 0) {
				t.Errorf("ties %d: %v, want %v", tc.ties, got, tc.want)
				break
			}
		}
	}
}

func TestTopN(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("proveedor", []string{"A", "B", "C", "A", "D", "E"}, nil),
		frame.Floats("importe", []float64{10, 30, 5, 25, 1, math.NaN()}, nil),
	)
	out, err := TopN(df, "proveedor", "importe", 2)
	if err != nil {
		t.Fatal(err)
	}
	labels, vals := stringsOf(t, out, "proveedor"), floatsOf(t, out, "importe")
	if len(labels) != 3 || labels[0] != "A" || vals[0] != 35 || labels[1] != "B" || labels[2] != "Otros" || vals[2] != 6 {
		t.Errorf("TopN:\n%v", out)
	}
	total := 0.0
	for _, v := range vals {
		total += v
	}
	if total != 71 {
		t.Errorf("TopN loses money: total %v, want 71", total)
	}
	if _, err := TopN(df, "proveedor", "importe", 0); !errors.Is(err, ErrArgument) {
		t.Errorf("n=0: %v", err)
	}
}

func TestRollingCumSum(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("k", []string{"a", "a", "a", "a", "b", "b"}, nil),
		frame.Strings("mes", []string{"2024-03", "2024-01", "2024-02", "2024-04", "2024-01", "2024-02"}, nil),
		frame.Floats("v", []float64{3, 1, 2, math.NaN(), 10, 20}, nil),
	)
	out, err := Rolling(df, "v", "mes", 2, "k")
	if err != nil {
		t.Fatal(err)
	}
	wantMean := []float64{2.5, math.NaN(), 1.5, math.NaN(), math.NaN(), 15}
	got := floatsOf(t, out, "v_roll2_mean")
	for i := range wantMean {
		if !near(got[i], wantMean[i], 1e-12) {
			t.Fatalf("rolling mean = %v, want %v", got, wantMean)
		}
	}
	cs, err := CumSum(df, "v", "mes", "k")
	if err != nil {
		t.Fatal(err)
	}
	wantCS := []float64{6, 1, 3, math.NaN(), 10, 30}
	got = floatsOf(t, cs, "v_cumsum")
	for i := range wantCS {
		if !near(got[i], wantCS[i], 1e-12) {
			t.Fatalf("cumsum = %v, want %v", got, wantCS)
		}
	}
}

func TestCrosstab(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("sexo", []string{"H", "M", "H", "M", "H"}, nil),
		frame.Strings("proc", []string{"AD", "AD", "LP", "", "AD"}, []bool{false, false, false, true, false}),
		frame.Floats("importe", []float64{1, 2, 3, 4, 5}, nil),
	)
	out, err := Crosstab(df, "sexo", "proc")
	if err != nil {
		t.Fatal(err)
	}
	wantNames := []string{"sexo", "AD", "LP", "NA", "Total"}
	for i, n := range out.Names() {
		if n != wantNames[i] {
			t.Fatalf("names %v", out.Names())
		}
	}
	if got := floatsOf(t, out, "AD"); got[0] != 2 || got[1] != 1 || got[2] != 3 {
		t.Errorf("AD = %v", got)
	}
	if got := floatsOf(t, out, "Total"); got[2] != 5 {
		t.Errorf("grand total = %v", got)
	}
	pct, err := CrosstabOptions{Percent: RowPercent, Value: "importe"}.Crosstab(df, "sexo", "proc")
	if err != nil {
		t.Fatal(err)
	}
	if got := floatsOf(t, pct, "AD"); !near(got[0], 100*6.0/9, 1e-9) || !near(got[2], 100*8.0/15, 1e-9) {
		t.Errorf("row percent AD = %v", got)
	}
	if got := floatsOf(t, pct, "Total"); got[0] != 100 || got[1] != 100 {
		t.Errorf("row percent totals = %v", got)
	}
	mean, err := CrosstabOptions{Agg: Mean("importe")}.Crosstab(df, "sexo", "proc")
	if err != nil {
		t.Fatal(err)
	}
	// H: AD 1,5 → 3; LP 3; total (1+3+5)/3 = 3. M: AD 2; NA 4; total 3.
	// Column AD over all rows: (1+2+5)/3; grand mean 3.
	if got := floatsOf(t, mean, "AD"); got[0] != 3 || got[1] != 2 || !near(got[2], 8.0/3, 1e-12) {
		t.Errorf("mean AD = %v", got)
	}
	if got := floatsOf(t, mean, "LP"); got[0] != 3 || !math.IsNaN(got[1]) {
		t.Errorf("mean LP = %v (an empty cell of a mean is missing)", got)
	}
	if _, err := (CrosstabOptions{Agg: Mean("importe"), Percent: ColPercent}).Crosstab(df, "sexo", "proc"); !errors.Is(err, ErrArgument) {
		t.Errorf("percent of means: %v", err)
	}
}

func TestOutliersCorrelationTrend(t *testing.T) {
	v := []float64{10, 11, 9, 10, 12, 10, 11, 9, 10, 100, math.NaN()}
	df := mustFrame(t, frame.Floats("v", v, nil))
	for _, m := range []OutlierMethod{IQR, ZScore, MAD} {
		out, rep, err := Outliers(df, "v", m)
		if err != nil {
			t.Fatal(err)
		}
		flags := out.Col("v_outlier").Records()
		if m == ZScore {
			// With 10 points one outlier cannot exceed z=3 (max |z| ≈ 2.85).
			if rep.Flagged != 0 {
				t.Errorf("z-score flagged %d", rep.Flagged)
			}
			continue
		}
		if flags[9] != "true" || rep.Flagged != 1 || rep.Missing != 1 || rep.Rows[0] != 10 {
			t.Errorf("%v: flags %v report %v", m, flags, rep)
		}
	}
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{2, 4, 6, 8, 100}
	cdf := mustFrame(t, frame.Floats("x", x, nil), frame.Floats("y", y, nil))
	r, n, err := Pearson(cdf, "x", "y")
	if err != nil || n != 5 || r >= 0.99 || r < 0.5 {
		t.Errorf("pearson %v %d %v", r, n, err)
	}
	rho, _, _ := Spearman(cdf, "x", "y")
	if rho != 1 {
		t.Errorf("spearman = %v, want 1", rho)
	}
	tdf := mustFrame(t, frame.Strings("anio", []string{"2020", "2021", "2022", "2023"}, nil), frame.Floats("y", []float64{10, 12, 14, 16}, nil))
	tr, err := Trend(tdf, "anio", "y")
	if err != nil || tr.Slope != 2 || tr.R2 != 1 || tr.Unit != "year" || tr.N != 4 {
		t.Errorf("trend %+v %v", tr, err)
	}
	mdf := mustFrame(t, frame.Strings("mes", []string{"2023-11", "2023-12", "2024-01"}, nil), frame.Floats("y", []float64{1, 2, 3}, nil))
	if tr, _ := Trend(mdf, "mes", "y"); tr.Slope != 1 || tr.Unit != "month" {
		t.Errorf("monthly trend across a year boundary: %+v", tr)
	}
}

func TestQuantileMatchesSort(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for trial := 0; trial < 200; trial++ {
		n := 1 + r.Intn(300)
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(r.Intn(50))
		}
		q := r.Float64()
		s := append([]float64(nil), x...)
		sort.Float64s(s)
		if got, want := quantileSelect(append([]float64(nil), x...), q), quantileSorted(s, q); !near(got, want, 1e-9) {
			t.Fatalf("n=%d q=%v: select %v, sort %v", n, q, got, want)
		}
	}
}

func TestChangeBetween(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("ent", []string{"A", "A", "B", "B", "C", "A"}, nil),
		frame.Ints("anio", []int{2019, 2024, 2019, 2024, 2024, 2020}, nil),
		frame.Floats("v", []float64{80, 100, 0, 7, 3, 1}, nil),
	)
	out, rep, err := ChangeBetween(df, "v", "anio", "2019", "2024", "ent")
	if err != nil {
		t.Fatal(err)
	}
	if names := out.Names(); len(names) != 6 || names[1] != "v_2019" || names[2] != "v_2024" {
		t.Fatalf("names %v", names)
	}
	pct, abs, note := floatsOf(t, out, "pct_change"), floatsOf(t, out, "change"), stringsOf(t, out, "note")
	if pct[0] != 25 || abs[0] != 20 || !math.IsNaN(pct[1]) || abs[1] != 7 || note[1] != NoteFromZero || note[2] != NoteMissing {
		t.Errorf("ChangeBetween:\n%v", out)
	}
	if rep.Computed != 1 || rep.FromZero != 1 || rep.Missing != 1 {
		t.Errorf("report %+v", rep)
	}
	if _, _, err := ChangeBetween(df, "v", "anio", "1990", "1991", "ent"); !errors.Is(err, ErrNoBase) {
		t.Errorf("absent periods: %v", err)
	}
	if _, _, err := ChangeBetween(df, "v", "anio", "2019", "2024"); !errors.Is(err, ErrArgument) {
		t.Errorf("repeated period: %v", err)
	}
}
