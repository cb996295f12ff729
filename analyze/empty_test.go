package analyze

import (
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// TestEmptyAndZeroTables runs the entry points on tables with no rows and
// on gota's zero DataFrame: they must return errors or empty results, never
// panic.
func TestEmptyAndZeroTables(t *testing.T) {
	empty := mustFrame(t, frame.Strings("k", []string{}, nil), frame.Floats("v", []float64{}, nil), frame.Strings("d", []string{}, nil))
	var zero dataframe.DataFrame
	for name, df := range map[string]dataframe.DataFrame{"empty": empty, "zero": zero} {
		t.Run(name, func(t *testing.T) {
			out, err := GroupBy(df, "k").Agg(Sum("v"), Median("v"), Count())
			if name == "empty" && (err != nil || out.Nrow() != 0) {
				t.Errorf("GroupBy: %v %v", err, out)
			}
			if name == "zero" && err == nil {
				t.Errorf("GroupBy on zero frame: no error")
			}
			all, err := GroupBy(df).Agg(Count())
			if name == "empty" && (err != nil || all.Nrow() != 1) {
				t.Errorf("GroupBy(): %v %v", err, all)
			}
			_ = Profile(df).String()
			_, _ = Rate(df, "v", "v", 1000, "r")
			_, _ = Share(df, "v", "s")
			_, _, _ = Change(df, "v", "d", "k")
			_, _, _ = YoY(df, "v", "d")
			_, _ = Rank(df, "v")
			_, _ = TopN(df, "k", "v", 3)
			_, _ = Rolling(df, "v", "d", 3)
			_, _ = CumSum(df, "v", "d")
			_, _ = Crosstab(df, "k", "d")
			_, _, _ = Outliers(df, "v", MAD)
			_, _, _ = Pearson(df, "v", "v")
			_, _ = Trend(df, "d", "v")
			_, _, _ = Deflate(df, "v", "d", INPC(), "2020")
			_, _, _ = Convert(df, "v", "d", FIX(), "x")
			p, _ := NewPartial([]string{"k"}, Sum("v"))
			_ = p.Add(df)
			_, _ = p.Result()
		})
	}
}
