package clean

import (
	"sort"
	"strings"
)

// nearestMinLen is the shortest normalised form Nearest compares.
const nearestMinLen = 5

// nearestWindow is how many neighbours in each sort order a form is
// compared with.
const nearestWindow = 16

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// nearestK is the edit distance allowed between two forms whose longer one
// has n bytes.
func nearestK(n int) int {
	switch {
	case n <= 10:
		return 1
	case n <= 20:
		return 2
	}
	return 3
}

// nearestGroups clusters values whose normalised forms are within
// nearestK edits. Values sharing a normalised form are linked at distance
// 0. It returns the groups of two or more values and the largest link
// distance of each.
func nearestGroups(values []string) ([][]string, []int) {
	// Distinct normalised forms and the values behind each.
	formID := make(map[string]int)
	var forms []string
	valForm := make([]int, len(values))
	for i, v := range values {
		f := strings.Join(normalForm(v), " ")
		id, ok := formID[f]
		if !ok {
			id = len(forms)
			forms = append(forms, f)
			formID[f] = id
		}
		valForm[i] = id
	}
	uf := newUnionFind(len(forms))
	linkDist := make([]int, len(forms)) // largest link distance per root

	// Blocking by sorted neighbourhood: sort the forms three ways (as
	// written, reversed, and with their words sorted) and compare each
	// with the next nearestWindow forms of each order. A typo near the end
	// keeps the forms together in the first order, one near the start in
	// the second, a word swap in the third.
	link := func(i, j int) {
		li, lj := len(forms[i]), len(forms[j])
		if li < nearestMinLen || lj < nearestMinLen {
			return
		}
		k := nearestK(max(li, lj))
		if li-lj > k || lj-li > k {
			return
		}
		ri, rj := uf.find(i), uf.find(j)
		if ri == rj {
			return
		}
		if d := levenshteinBounded(forms[i], forms[j], k); d <= k && wordsAgree(forms[i], forms[j]) {
			m := max(d, linkDist[ri], linkDist[rj])
			uf.union(ri, rj)
			linkDist[uf.find(i)] = m
		}
	}
	keyed := make([]string, len(forms))
	order := make([]int, len(forms))
	for pass := 0; pass < 3; pass++ {
		for i, f := range forms {
			order[i] = i
			switch pass {
			case 0:
				keyed[i] = f
			case 1:
				keyed[i] = reverse(f)
			case 2:
				w := strings.Fields(f)
				sort.Strings(w)
				keyed[i] = strings.Join(w, " ")
			}
		}
		sort.Slice(order, func(a, b int) bool {
			if keyed[order[a]] != keyed[order[b]] {
				return keyed[order[a]] < keyed[order[b]]
			}
			return order[a] < order[b]
		})
		for x := range order {
			for y := x + 1; y < len(order) && y <= x+nearestWindow; y++ {
				link(order[x], order[y])
			}
		}
	}
	// Collect values per component, in first-seen order.
	byRoot := make(map[int][]string)
	var roots []int
	for i, v := range values {
		r := uf.find(valForm[i])
		if byRoot[r] == nil {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], v)
	}
	var groups [][]string
	var dist []int
	for _, r := range roots {
		if len(byRoot[r]) > 1 {
			groups = append(groups, byRoot[r])
			dist = append(dist, linkDist[r])
		}
	}
	return groups, dist
}

// nearStop are words whose presence or absence never tells names apart.
var nearStop = map[string]bool{"de": true, "del": true, "la": true, "las": true, "los": true, "el": true, "y": true, "e": true, "en": true}

// wordsAgree rejects pairs that are close only because their distinctive
// words are short ("REPRESENTACIONES MD" and "REPRESENTACIONES WL"): the
// words found on one side only (stop words aside) must be close too,
// within a third of their length (at least 1 edit), or one must be a
// prefix of the other ("MEX" for "MEXICO").
func wordsAgree(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	only := func(x, y []string) string {
		var s strings.Builder
		for _, w := range x {
			if nearStop[w] {
				continue
			}
			found := false
			for _, v := range y {
				if v == w {
					found = true
					break
				}
			}
			if !found {
				s.WriteString(w)
			}
		}
		return s.String()
	}
	da, db := only(wa, wb), only(wb, wa)
	if da == "" || db == "" {
		return true
	}
	if strings.HasPrefix(da, db) || strings.HasPrefix(db, da) {
		return true
	}
	allowed := max(1, min(len(da), len(db))/3)
	return levenshteinBounded(da, db, allowed) <= allowed
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a != b {
		if b < a {
			a, b = b, a
		}
		u.parent[b] = a
	}
}
