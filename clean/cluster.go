package clean

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Method is a way of grouping variant spellings, after OpenRefine's
// clustering methods.
type Method int

const (
	// Fingerprint groups values with the same fingerprint key (see
	// FingerprintKey): same words in any order, ignoring case, accents,
	// punctuation, spacing and company legal forms.
	Fingerprint Method = iota
	// NGram groups values with the same character bigram fingerprint (see
	// NGramKey), which also ignores spaces: "COMERCIALIZADORA DEL
	// NORTE" = "COMERCIALIZADORADEL NORTE".
	NGram
	// Nearest groups values whose normalised forms (as Fingerprint, but
	// keeping word order) are within a small edit distance: 1 for up to
	// 10 characters, 2 up to 20, 3 beyond; forms shorter than 5 characters
	// are not compared; two names whose distinctive words differ a lot
	// ("REPRESENTACIONES MD" and "REPRESENTACIONES WL") are kept apart
	// even when the whole names are close. It catches typos
	// ("SEVICIOS", "DESAROLLOS"). Blocking by sorted neighbourhood: the
	// forms are sorted three ways (as written, reversed, words sorted)
	// and each is compared with its 16 next neighbours in each order, so
	// 50,000 distinct names take about a second; a pair whose neighbours
	// in every order are all closer spellings of other names can be
	// missed. Groups are connected components: A~B and B~C put A, B and C
	// together.
	Nearest
)

// String names the method: "fingerprint", "n-gram fingerprint"…
func (m Method) String() string {
	switch m {
	case Fingerprint:
		return "fingerprint"
	case NGram:
		return "n-gram fingerprint"
	case Nearest:
		return "nearest neighbour (Levenshtein)"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// ValueCount is one spelling and how many times it occurs.
type ValueCount struct {
	Value string
	Count int
}

// Cluster is a group of two or more distinct spellings that probably mean
// the same thing.
type Cluster struct {
	// Values are the spellings with their counts, most frequent first
	// (ties in byte order).
	Values []ValueCount
	// Canonical is the suggested spelling: the most frequent; on a tie the
	// one with more accented letters, then one without stray spaces, then
	// the longest, then the first in byte order.
	Canonical string
	// Key is what the values share: the fingerprint or n-gram key, or for
	// Nearest the normalised form of the canonical value.
	Key string
	// Rows is the total count of all values.
	Rows int
	// Distance is, for Nearest, the largest edit distance of the links
	// that formed the cluster; 0 for the key methods.
	Distance int
}

// Clusters groups variant spellings of values (typically every cell of a
// column, repeats included, so counts are right) by method. Empty and
// whitespace-only values are ignored. Only groups of two or more distinct
// spellings are returned, largest first: most distinct spellings, then
// most rows, then by key. Nil values or an unknown method give nil.
func Clusters(values []string, method Method) []Cluster {
	counts := make(map[string]int)
	var order []string
	for _, v := range values {
		if strings.TrimSpace(v) == "" {
			continue
		}
		if counts[v] == 0 {
			order = append(order, v)
		}
		counts[v]++
	}
	var groups [][]string
	var keys []string
	var dist []int
	switch method {
	case Fingerprint, NGram:
		byKey := make(map[string][]string)
		var keyOrder []string
		for _, v := range order {
			var k string
			if method == Fingerprint {
				k = FingerprintKey(v)
			} else {
				k = NGramKey(v, 2)
			}
			if k == "" {
				continue
			}
			if byKey[k] == nil {
				keyOrder = append(keyOrder, k)
			}
			byKey[k] = append(byKey[k], v)
		}
		for _, k := range keyOrder {
			if len(byKey[k]) > 1 {
				groups = append(groups, byKey[k])
				keys = append(keys, k)
				dist = append(dist, 0)
			}
		}
	case Nearest:
		groups, dist = nearestGroups(order)
		keys = make([]string, len(groups))
	default:
		return nil
	}
	out := make([]Cluster, 0, len(groups))
	for i, g := range groups {
		c := Cluster{Key: keys[i], Distance: dist[i]}
		for _, v := range g {
			c.Values = append(c.Values, ValueCount{v, counts[v]})
			c.Rows += counts[v]
		}
		sort.Slice(c.Values, func(a, b int) bool {
			if c.Values[a].Count != c.Values[b].Count {
				return c.Values[a].Count > c.Values[b].Count
			}
			return c.Values[a].Value < c.Values[b].Value
		})
		c.Canonical = canonical(c.Values)
		if c.Key == "" {
			c.Key = strings.Join(normalForm(c.Canonical), " ")
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if len(out[a].Values) != len(out[b].Values) {
			return len(out[a].Values) > len(out[b].Values)
		}
		if out[a].Rows != out[b].Rows {
			return out[a].Rows > out[b].Rows
		}
		return out[a].Key < out[b].Key
	})
	return out
}

// canonical picks the most frequent value; ties go to more accented
// letters, then tidy spacing, then the longest, then the first in byte
// order.
func canonical(vs []ValueCount) string {
	best := vs[0]
	for _, v := range vs[1:] {
		if v.Count != best.Count {
			if v.Count > best.Count {
				best = v
			}
			continue
		}
		av, ab := accented(v.Value), accented(best.Value)
		switch {
		case av != ab:
			if av > ab {
				best = v
			}
		case tidy(v.Value) != tidy(best.Value):
			if tidy(v.Value) {
				best = v
			}
		case utf8.RuneCountInString(v.Value) != utf8.RuneCountInString(best.Value):
			if utf8.RuneCountInString(v.Value) > utf8.RuneCountInString(best.Value) {
				best = v
			}
		case v.Value < best.Value:
			best = v
		}
	}
	return best.Value
}

// tidy reports whether s has no surrounding or repeated spaces.
func tidy(s string) bool { return s == strings.Join(strings.Fields(s), " ") }

func accented(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x80 && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// normalForm is a name's words after normalising and removing legal
// forms, in their original order.
func normalForm(s string) []string {
	w, _ := stripLegal(nameWords(s))
	return w
}

// FingerprintKey is the key the Fingerprint method groups by: the words of
// s folded (lower case, accents and punctuation removed, runs of single
// letters joined so "S. A." = "SA"), common abbreviations expanded ("Cía."
// = "Compañía"), trailing company legal forms removed ("S.A. de C.V.",
// "SA DE CV", "S. de R.L. de C.V.", "S.C.", "S.A.P.I. de C.V.", "A.C."…),
// then deduplicated and sorted. "Constructora Pérez, S.A. de C.V." and
// "PEREZ CONSTRUCTORA SA DE CV" both give "constructora perez".
func FingerprintKey(s string) string {
	w := normalForm(s)
	if len(w) == 0 {
		return ""
	}
	sort.Strings(w)
	u := w[:1]
	for _, x := range w[1:] {
		if x != u[len(u)-1] {
			u = append(u, x)
		}
	}
	return strings.Join(u, " ")
}

// NGramKey is the key the NGram method groups by: the normalised words of
// s (as FingerprintKey, in their order) joined without spaces, cut into
// its distinct character n-grams (n < 1 means 2), sorted and joined.
// Strings shorter than n give themselves.
func NGramKey(s string, n int) string {
	if n < 1 {
		n = 2
	}
	r := []rune(strings.Join(normalForm(s), ""))
	if len(r) == 0 {
		return ""
	}
	if len(r) <= n {
		return string(r)
	}
	grams := make([]string, 0, len(r)-n+1)
	for i := 0; i+n <= len(r); i++ {
		grams = append(grams, string(r[i:i+n]))
	}
	sort.Strings(grams)
	var b strings.Builder
	for i, g := range grams {
		if i > 0 && g == grams[i-1] {
			continue
		}
		b.WriteString(g)
	}
	return b.String()
}
