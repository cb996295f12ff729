package clean

import (
	"sort"
	"strconv"
	"strings"
)

// MatchKind says how two names were judged to be the same.
type MatchKind int

const (
	// MatchExact: the same text once surrounding spaces are trimmed.
	MatchExact MatchKind = iota
	// MatchFolded: the same FoldString key (case, accents, punctuation and
	// spacing ignored).
	MatchFolded
	// MatchFingerprint: the same FingerprintKey (also word order and
	// company legal forms ignored: "FRISA INGENIERIA, S.A. DE C.V." =
	// "FRISA INGENIERIA").
	MatchFingerprint
	// MatchFuzzy: fingerprint keys a few edits apart (a typo), with the
	// words found on one side only close too. Always check these by hand.
	MatchFuzzy
)

// String names the kind: "exact", "folded", "fingerprint" or "fuzzy".
func (k MatchKind) String() string {
	switch k {
	case MatchExact:
		return "exact"
	case MatchFolded:
		return "folded"
	case MatchFingerprint:
		return "fingerprint"
	case MatchFuzzy:
		return "fuzzy"
	}
	return "unknown"
}

// NameMatch is a left name and a right name judged to be the same, and how.
type NameMatch struct {
	Left, Right string
	How         MatchKind
	// Distance is the edit distance (Levenshtein, in runes) between the
	// two fingerprint keys; 0 unless How is MatchFuzzy (or for a near
	// miss).
	Distance int
}

// String writes the match as one line: `"A" ~ "B" (fuzzy, distance 2)`.
func (m NameMatch) String() string {
	var b strings.Builder
	b.WriteString(strconv.Quote(m.Left))
	b.WriteString(" ~ ")
	b.WriteString(strconv.Quote(m.Right))
	b.WriteString(" (")
	b.WriteString(m.How.String())
	if m.How == MatchFuzzy || m.Distance > 0 {
		b.WriteString(", distance ")
		b.WriteString(strconv.Itoa(m.Distance))
	}
	b.WriteString(")")
	return b.String()
}

// MatchNames pairs names that are the same name written differently, such
// as the suppliers of a procurement file and a list of sanctioned companies,
// and says how each pair was made, so that a reporter can weigh it: a name
// match is a lead, never proof that two records are the same company.
//
// For each distinct left name the levels are tried in order and the first
// that finds right names gives the matches (every right name at that
// level): MatchExact, MatchFolded, MatchFingerprint, then, when maxDist > 0,
// MatchFuzzy: fingerprint keys of at least 5 characters within a few edits
// of each other (the closest right keys only), provided the words present
// on one side only are close too, as clean.Nearest requires (so "TENEK
// CONSTRUCCIONES" does not match "TENAM CONSTRUCCIONES"). The edits allowed
// grow with the key as for Nearest (1 up to 10 characters, 2 up to 20,
// 3 beyond) and never exceed maxDist; maxDist 0 turns fuzzy matching off.
//
// nearMisses lists, for left names with no match, the closest right names
// within the edits allowed that the word check rejected: worth a look, not a
// match. Empty and whitespace-only names are ignored. Both results are
// sorted by left name, then right name. Fuzzy matching compares every pair
// of distinct keys whose lengths differ by at most maxDist, which suits lists
// of a few thousand names on each side (5,000 × 2,000 names take about a second).
func MatchNames(left, right []string, maxDist int) (matches, nearMisses []NameMatch) {
	type side struct {
		exact, folded, finger map[string][]string
	}
	index := side{map[string][]string{}, map[string][]string{}, map[string][]string{}}
	var keys []string // distinct right fingerprint keys
	seenRight := map[string]bool{}
	for _, r := range right {
		t := strings.TrimSpace(r)
		if t == "" || seenRight[r] {
			continue
		}
		seenRight[r] = true
		index.exact[t] = append(index.exact[t], r)
		index.folded[FoldString(r)] = append(index.folded[FoldString(r)], r)
		k := FingerprintKey(r)
		if _, ok := index.finger[k]; !ok && k != "" {
			keys = append(keys, k)
		}
		index.finger[k] = append(index.finger[k], r)
	}
	seenLeft := map[string]bool{}
	for _, l := range left {
		t := strings.TrimSpace(l)
		if t == "" || seenLeft[l] {
			continue
		}
		seenLeft[l] = true
		add := func(rs []string, how MatchKind, d int) bool {
			for _, r := range rs {
				matches = append(matches, NameMatch{Left: l, Right: r, How: how, Distance: d})
			}
			return len(rs) > 0
		}
		if add(index.exact[t], MatchExact, 0) {
			continue
		}
		if f := FoldString(l); f != "" && add(index.folded[f], MatchFolded, 0) {
			continue
		}
		k := FingerprintKey(l)
		if k == "" {
			continue
		}
		if add(index.finger[k], MatchFingerprint, 0) {
			continue
		}
		limit := min(maxDist, fuzzyLimit(len([]rune(k))))
		if limit <= 0 || len([]rune(k)) < 5 {
			continue
		}
		best, bestMiss := limit+1, limit+1
		var found, missed []string
		for _, rk := range keys {
			if abs(len(rk)-len(k)) > limit || len([]rune(rk)) < 5 {
				continue
			}
			d := levenshteinBounded(k, rk, limit)
			if d > limit {
				continue
			}
			if wordsAgree(k, rk) {
				if d < best {
					best, found = d, nil
				}
				if d == best {
					found = append(found, rk)
				}
			} else {
				if d < bestMiss {
					bestMiss, missed = d, nil
				}
				if d == bestMiss {
					missed = append(missed, rk)
				}
			}
		}
		for _, rk := range found {
			add(index.finger[rk], MatchFuzzy, best)
		}
		if len(found) == 0 {
			for _, rk := range missed {
				for _, r := range index.finger[rk] {
					nearMisses = append(nearMisses, NameMatch{Left: l, Right: r, How: MatchFuzzy, Distance: bestMiss})
				}
			}
		}
	}
	sortMatches(matches)
	sortMatches(nearMisses)
	return matches, nearMisses
}

// fuzzyLimit is the most edits a fingerprint key of n runes may be from
// another to be a typo of it, as for the Nearest method: 1 up to 10
// characters, 2 up to 20, 3 beyond.
func fuzzyLimit(n int) int {
	switch {
	case n <= 10:
		return 1
	case n <= 20:
		return 2
	}
	return 3
}

func sortMatches(m []NameMatch) {
	sort.Slice(m, func(i, j int) bool {
		if m[i].Left != m[j].Left {
			return m[i].Left < m[j].Left
		}
		return m[i].Right < m[j].Right
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
