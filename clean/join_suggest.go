package clean

import (
	"sort"
	"strings"
)

// Limits that keep suggestions cheap on big joins.
const (
	// suggestFor is how many unmatched keys per side get suggestions
	// (the ones with most rows).
	suggestFor = 100
	// scanAll is the largest number of candidate keys compared one by
	// one; above it only candidates sharing a word are compared.
	scanAll = 5000
	// minSimilarity is the lowest score worth suggesting.
	minSimilarity = 0.5
	// maxCandidates bounds the keys searched: beyond it (a side with more
	// than 200,000 distinct keys) no suggestions are made.
	maxCandidates = 200_000
)

// suggest fills Closest for the first suggestFor unmatched keys with the
// n candidates most similar to each (Similarity ≥ 0.5).
func suggest(unmatched []UnmatchedKey, candidates []string, n int) {
	if len(unmatched) == 0 || len(candidates) == 0 || len(candidates) > maxCandidates {
		return
	}
	keys := make([]string, len(candidates))
	parts := make([][]string, len(candidates)) // composite keys, part by part
	var words map[string][]int32
	for i, c := range candidates {
		keys[i] = foldCode(c)
		if strings.Contains(c, keySep) {
			parts[i] = foldParts(c)
		}
	}
	if len(candidates) > scanAll {
		words = make(map[string][]int32)
		for i, k := range keys {
			for _, w := range strings.Fields(k) {
				if !spanishStop[w] {
					words[w] = append(words[w], int32(i))
				}
			}
		}
	}
	type hit struct {
		i     int
		score float64
	}
	for u := range unmatched {
		if u == suggestFor {
			break
		}
		k := foldCode(unmatched[u].Key)
		var kp []string
		if strings.Contains(unmatched[u].Key, keySep) {
			kp = foldParts(unmatched[u].Key)
		}
		var hits []hit
		try := func(i int) {
			var s float64
			if kp != nil && len(parts[i]) == len(kp) {
				// Every part must be close: the weakest part scores.
				s = 1
				for j := range kp {
					s = min(s, similarityKeys(kp[j], parts[i][j]))
				}
			} else {
				s = similarityKeys(k, keys[i])
			}
			if s >= minSimilarity {
				hits = append(hits, hit{i, s})
			}
		}
		if words == nil {
			for i := range keys {
				try(i)
			}
		} else {
			seen := map[int32]bool{}
			for _, w := range strings.Fields(k) {
				ids := words[w]
				if len(ids) > scanAll {
					continue // too common to narrow anything down
				}
				for _, i := range ids {
					if !seen[i] {
						seen[i] = true
						try(int(i))
					}
				}
			}
		}
		sort.Slice(hits, func(a, b int) bool {
			if hits[a].score != hits[b].score {
				return hits[a].score > hits[b].score
			}
			return hits[a].i < hits[b].i
		})
		for j := 0; j < len(hits) && j < n; j++ {
			unmatched[u].Closest = append(unmatched[u].Closest, candidates[hits[j].i])
		}
	}
}

// keySep joins the parts of a composite key in reports.
const keySep = " | "

func foldParts(s string) []string {
	p := strings.Split(s, keySep)
	for i := range p {
		p[i] = foldCode(p[i])
	}
	return p
}
