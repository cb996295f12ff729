package bench

import (
	"fmt"
	"os"
	"runtime"

	"github.com/datacon-mx/cifra/analyze"
	"github.com/datacon-mx/cifra/clean"
	"github.com/datacon-mx/cifra/clean/mx"
	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// T1 loads every column of the clean file with inferred types and returns
// the total amount.
func T1(path string) (float64, error) {
	df, err := fetch.ReadCSVFile(path)
	if err != nil {
		return 0, err
	}
	out, err := analyze.GroupBy(df).Agg(analyze.Sum("importe"))
	if err != nil {
		return 0, err
	}
	return out.Col("importe_sum").Elem(0).Float(), nil
}

// T2 groups the clean file by state and procedure type and returns the
// count, sum and mean of the amount per group.
func T2(path string) (dataframe.DataFrame, error) {
	df, err := fetch.ReadCSVFile(path, fetch.Columns("cve_ent", "tipo_procedimiento", "importe"))
	if err != nil {
		return df, err
	}
	return analyze.GroupBy(df, "cve_ent", "tipo_procedimiento").
		Agg(analyze.Count(), analyze.Sum("importe"), analyze.Mean("importe"))
}

// T3 totals the amount by state, joins the 32 state populations and
// computes the amount per person.
func T3(path string, population dataframe.DataFrame) (dataframe.DataFrame, error) {
	df, err := fetch.ReadCSVFile(path, fetch.Columns("cve_ent", "importe"))
	if err != nil {
		return df, err
	}
	totals, err := analyze.GroupBy(df, "cve_ent").Agg(analyze.Sum("importe"))
	if err != nil {
		return totals, err
	}
	joined, rep, err := clean.Join(totals, population, clean.Left, "cve_ent")
	if err != nil {
		return joined, err
	}
	if len(rep.UnmatchedLeft) > 0 {
		return joined, fmt.Errorf("bench: T3: states without population: %v", rep.UnmatchedLeft)
	}
	return analyze.Rate(joined, "importe_sum", "poblacion", 1, "importe_por_persona")
}

// T4 reads the messy Windows-1252 twin, parses "$1,234.56" and "N/D"
// amounts, maps state-name variants to INEGI codes and sums by state.
func T4(path string) (dataframe.DataFrame, error) {
	df, err := fetch.ReadCSVFile(path, fetch.Columns("estado", "importe"))
	if err != nil {
		return df, err
	}
	df, _, err = clean.Numbers(df, "importe")
	if err != nil {
		return df, err
	}
	df, rep, err := mx.AddStateCode(df, "estado", "cve_ent")
	if err != nil {
		return df, err
	}
	if len(rep.Unplaced) > 0 {
		return df, fmt.Errorf("bench: T4: state names not placed: %v", rep.Unplaced)
	}
	return analyze.GroupBy(df, "cve_ent").Agg(analyze.Sum("importe"))
}

// Stream is the streaming task: it reads the clean file chunk by chunk
// (100,000 rows at a time, two columns), keeps the amounts in pesos above
// 1,000 and sums them by state with a chunk-mergeable analyze.Partial, so
// memory stays flat whatever the file size. It returns the per-state
// totals.
func Stream(path string) (dataframe.DataFrame, error) {
	p, err := analyze.NewPartial([]string{"cve_ent"}, analyze.Count(), analyze.Sum("importe"))
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	defer f.Close()
	err = fetch.EachChunk(f, 100_000, func(df dataframe.DataFrame) error {
		big := df.Filter(dataframe.F{Colname: "importe", Comparator: series.Greater, Comparando: 1000.0})
		if big.Err != nil {
			return big.Err
		}
		return p.Add(big)
	}, fetch.Columns("cve_ent", "importe"))
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	return p.Result()
}

// StreamParallel is Stream with the chunks filtered and aggregated on
// every core: fetch.EachChunkParallel hands each chunk to one of n
// goroutines, each keeps its own analyze.Partial, and the partials are
// merged at the end. The totals are Stream's (sums up to floating-point
// summation order); the states come sorted by code.
func StreamParallel(path string) (dataframe.DataFrame, error) {
	workers := runtime.GOMAXPROCS(0)
	parts := make([]*analyze.Partial, workers)
	for i := range parts {
		p, err := analyze.NewPartial([]string{"cve_ent"}, analyze.Count(), analyze.Sum("importe"))
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		parts[i] = p
	}
	f, err := os.Open(path)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	defer f.Close()
	err = fetch.EachChunkParallel(f, 100_000, func(w int, df dataframe.DataFrame) error {
		big := df.Filter(dataframe.F{Colname: "importe", Comparator: series.Greater, Comparando: 1000.0})
		if big.Err != nil {
			return big.Err
		}
		return parts[w].Add(big)
	}, fetch.Columns("cve_ent", "importe"), fetch.Workers(workers))
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	for _, p := range parts[1:] {
		if err := parts[0].Merge(p); err != nil {
			return dataframe.DataFrame{}, err
		}
	}
	out, err := parts[0].Result()
	if err != nil {
		return out, err
	}
	out = out.Arrange(dataframe.Sort("cve_ent"))
	return out, out.Err
}

// Population returns a 32-row table of state codes (cve_ent) and made-up
// but fixed populations (poblacion) for T3.
func Population() (dataframe.DataFrame, error) {
	codes := make([]string, 32)
	pop := make([]int, 32)
	for i := range codes {
		codes[i] = fmt.Sprintf("%02d", i+1)
		pop[i] = 1_000_000 + 100_000*i
	}
	df := dataframe.New(series.New(codes, series.String, "cve_ent"), series.New(pop, series.Int, "poblacion"))
	return df, df.Err
}
