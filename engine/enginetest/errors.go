package enginetest

import (
	"context"
	"errors"
	"testing"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/engine"
)

// runErrors checks that what the engine cannot do exactly is an error
// naming the step, and that the table survives a value meant to inject.
func runErrors(t *testing.T, e *engine.Engine, d engine.Dialect) {
	ctx := context.Background()
	cases := []struct {
		name string
		q    *engine.Query
		want error
	}{
		{"no column", e.Table("raro").Filter(engine.Eq("nada", 1)), engine.ErrNoColumn},
		{"no table", e.Table("no_existe"), nil},
		{"code as number", e.Table("raro").Filter(engine.Eq("cve", 9)), engine.ErrType},
		{"sum of text", e.Table("raro").GroupBy("cve").Agg(analyze.Sum("nota")), engine.ErrType},
		{"int sum overflow", e.Table("raro").GroupBy().Agg(analyze.Sum("grande")), engine.ErrTooLarge},
		{"weighted quantile", e.Table("raro").GroupBy("cve").Agg(analyze.WeightedQuantile("select", "año", 0.5)), engine.ErrUnsupported},
		{"bad quantile", e.Table("raro").GroupBy("cve").Agg(analyze.Quantile("select", 2)), engine.ErrArgument},
		{"twice", e.Table("raro").GroupBy("cve").Agg(analyze.Count(), analyze.Count()), engine.ErrArgument},
		{"rate exists", e.Table("raro").Rate("select", "año", 1, "nota"), engine.ErrArgument},
		{"rate per", e.Table("raro").Rate("select", "año", 0, "t"), engine.ErrArgument},
		{"join kind", e.Table("raro").Join(e.Table("raro_der"), clean.How(42), "cve"), engine.ErrArgument},
	}
	for _, c := range cases {
		_, _, err := c.q.Collect(ctx)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want an error wrapping %v", c.name, err, c.want)
		}
		if _, serr := c.q.SQL(); serr == nil && c.name != "int sum overflow" {
			t.Errorf("%s: SQL gave no error", c.name)
		}
	}
	// A key of text against a key of numbers.
	mixed := e.Table("censo").Join(e.Table("homicidios").GroupBy("state_code").Agg().Rate("count", "count", 1, "cve_geo"), clean.Inner, "cve_geo")
	if _, _, err := mixed.Collect(ctx); !errors.Is(err, engine.ErrType) {
		t.Errorf("mixed key types: %v, want ErrType", err)
	}
	// The value meant to inject was a value: the table is still there.
	df, _, err := e.Table("raro").Collect(ctx)
	if err != nil || df.Nrow() != 12 {
		t.Errorf("raro after the quoted values: %d rows, %v", df.Nrow(), err)
	}
}
