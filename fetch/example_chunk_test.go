package fetch_test

import (
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/go-gota/gota/dataframe"
)

// EachChunkParallel aggregates a file on several goroutines: each worker
// keeps its own totals, merged once every chunk is in.
func ExampleEachChunkParallel() {
	in := "entidad,delitos\nColima,10\nSonora,5\nColima,7\nSonora,1\nYucatán,N/D\nColima,3\n"
	const workers = 2
	var parts [workers]map[string]float64
	err := fetch.EachChunkParallel(strings.NewReader(in), 2, func(w int, df dataframe.DataFrame) error {
		if parts[w] == nil {
			parts[w] = map[string]float64{}
		}
		ent := df.Col("entidad").Records()
		n := df.Col("delitos").Float()
		miss := df.Col("delitos").IsNaN()
		for i := range ent {
			if !miss[i] {
				parts[w][ent[i]] += n[i]
			}
		}
		return nil
	}, fetch.Workers(workers))
	if err != nil {
		fmt.Println(err)
		return
	}
	totals := map[string]float64{}
	for _, p := range parts {
		for k, v := range p {
			totals[k] += v
		}
	}
	fmt.Println(totals["Colima"], totals["Sonora"], totals["Yucatán"])
	// Output: 20 6 0
}
