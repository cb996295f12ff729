package mx

import (
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
)

// similarity scores two folded keys from 0 to 1, aware of tokens: a name
// whose words all appear in the other ("veracruz" in "veracruz de ignacio
// de la llave") scores high, as does a small edit distance.
func similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	best := 1 - float64(levenshtein(a, b))/float64(max(len(a), len(b)))
	ta, tb := contentTokens(a), contentTokens(b)
	if len(ta) > 0 && len(tb) > 0 {
		short, long := ta, tb
		if len(short) > len(long) {
			short, long = long, short
		}
		in := 0
		for _, t := range short {
			for _, u := range long {
				if t == u {
					in++
					break
				}
			}
		}
		if in == len(short) {
			best = max(best, 0.75+0.2*float64(len(short))/float64(len(long)))
		} else if in > 0 {
			best = max(best, 0.6*float64(in)/float64(len(long)))
		}
	}
	return best
}

var stopwords = map[string]bool{"de": true, "del": true, "la": true, "las": true, "los": true, "el": true, "y": true}

func contentTokens(s string) []string {
	f := strings.Fields(s)
	out := f[:0:0]
	for _, t := range f {
		if !stopwords[t] {
			out = append(out, t)
		}
	}
	return out
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 {
		return len(rb)
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

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
