package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/engine"
	"github.com/datacon-mx/cifra/engine/enginetest"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
)

// EngineData reads the columns the engine tasks use from the clean
// contracts file, and the population table.
func EngineData(path string) (contracts, population dataframe.DataFrame, err error) {
	contracts, err = fetch.ReadCSVFile(path, fetch.Columns("cve_ent", "tipo_procedimiento", "importe"))
	if err != nil {
		return contracts, population, err
	}
	population, err = Population()
	return contracts, population, err
}

// EngineGroupBy is T2 recorded for engine on the table "contratos": count,
// sum and mean of the amount by state and procedure type.
func EngineGroupBy(e *engine.Engine) *engine.Query {
	return e.Table("contratos").GroupBy("cve_ent", "tipo_procedimiento").
		Agg(analyze.Count(), analyze.Sum("importe"), analyze.Mean("importe"))
}

// MemoryGroupBy is EngineGroupBy in memory.
func MemoryGroupBy(contracts dataframe.DataFrame) (dataframe.DataFrame, error) {
	return analyze.GroupBy(contracts, "cve_ent", "tipo_procedimiento").
		Agg(analyze.Count(), analyze.Sum("importe"), analyze.Mean("importe"))
}

// EngineJoin joins every contract to its state's population (a left join
// with its report), then totals the amount per person by state.
func EngineJoin(e *engine.Engine) *engine.Query {
	return e.Table("contratos").Join(e.Table("poblacion"), clean.Left, "cve_ent").
		GroupBy("cve_ent").Agg(analyze.Count(), analyze.Sum("importe"), analyze.Max("poblacion")).
		Rate("importe_sum", "poblacion_max", 1, "importe_por_persona")
}

// MemoryJoin is EngineJoin in memory.
func MemoryJoin(contracts, population dataframe.DataFrame) (dataframe.DataFrame, clean.JoinReport, error) {
	j, rep, err := clean.Join(contracts, population, clean.Left, "cve_ent")
	if err != nil {
		return j, rep, err
	}
	g, err := analyze.GroupBy(j, "cve_ent").Agg(analyze.Count(), analyze.Sum("importe"), analyze.Max("poblacion"))
	if err != nil {
		return g, rep, err
	}
	out, err := analyze.Rate(g, "importe_sum", "poblacion_max", 1, "importe_por_persona")
	return out, rep, err
}

// BenchEngine loads the two tables into e (timed once, logged), checks that
// both engine tasks give the in-memory answers and reports, and then times
// them as sub-benchmarks "groupby" and "join". Allocations per operation
// are those of the Go process only: they stay flat as the table grows,
// since only the result comes back.
func BenchEngine(b *testing.B, e *engine.Engine, contracts, population dataframe.DataFrame) {
	ctx := context.Background()
	start := time.Now()
	if err := e.Load(ctx, "contratos", contracts); err != nil {
		b.Fatal(err)
	}
	if err := e.Load(ctx, "poblacion", population); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: Load of %d rows took %v", e.Dialect(), contracts.Nrow(), time.Since(start).Round(time.Millisecond))
	wantG, err := MemoryGroupBy(contracts)
	if err != nil {
		b.Fatal(err)
	}
	wantJ, wantRep, err := MemoryJoin(contracts, population)
	if err != nil {
		b.Fatal(err)
	}
	gotG, _, err := EngineGroupBy(e).Collect(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if d := enginetest.Equal(wantG, gotG); d != "" {
		b.Fatalf("%s group-by differs from memory: %s", e.Dialect(), d)
	}
	gotJ, rep, err := EngineJoin(e).Collect(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if d := enginetest.Equal(wantJ, gotJ); d != "" {
		b.Fatalf("%s join differs from memory: %s", e.Dialect(), d)
	}
	if len(rep.Joins) != 1 {
		b.Fatalf("%s: %d join reports", e.Dialect(), len(rep.Joins))
	}
	if d := enginetest.EqualReports(wantRep, rep.Joins[0]); d != "" {
		b.Fatalf("%s: %s", e.Dialect(), d)
	}
	for _, t := range []struct {
		name string
		q    *engine.Query
	}{{"groupby", EngineGroupBy(e)}, {"join", EngineJoin(e)}} {
		b.Run(t.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, _, err := t.q.Collect(ctx); err != nil {
					b.Fatal(fmt.Errorf("%s %s: %w", e.Dialect(), t.name, err))
				}
			}
		})
	}
}
