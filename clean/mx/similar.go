package mx

import (
	"sort"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/textdist"
)

// similarity scores two folded keys from 0 to 1 with the measure
// clean.Similarity uses (internal/textdist): a name whose words all appear
// in the other ("veracruz" in "veracruz de ignacio de la llave") scores
// high, as does a small edit distance.
func similarity(a, b string) float64 { return textdist.Similarity(a, b) }

type scored struct {
	name  string
	score float64
}

// closest returns up to n names among candidates (name → folded keys)
// most similar to s (best score over a name's keys), with a score of at
// least 0.5, best first.
func closest(s string, candidates map[string][]string, n int) []string {
	k := fold.Key(repairMojibake(s))
	if k == "" {
		return nil
	}
	var got []scored
	for name, keys := range candidates {
		best := 0.0
		for _, ck := range keys {
			best = max(best, similarity(k, ck))
		}
		if best >= 0.5 {
			got = append(got, scored{name, best})
		}
	}
	sort.Slice(got, func(i, j int) bool {
		if got[i].score != got[j].score {
			return got[i].score > got[j].score
		}
		return got[i].name < got[j].name
	})
	out := []string{}
	for i := 0; i < len(got) && i < n; i++ {
		out = append(out, got[i].name)
	}
	return out
}

// stateCandidates maps each state's official name to the folded keys of
// its official name, short name and longer variants.
func stateCandidates() map[string][]string {
	m := make(map[string][]string, len(states))
	for _, s := range states {
		keys := []string{fold.Key(s.Name), fold.Key(s.Short)}
		for _, v := range variants[s.Code] {
			if len(v) > 5 {
				keys = append(keys, fold.Key(v))
			}
		}
		m[s.Name] = keys
	}
	return m
}

func foldKey(s string) string { return fold.Key(s) }
