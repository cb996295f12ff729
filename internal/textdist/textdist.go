package textdist

import (
	"strings"
	"unicode/utf8"
)

// Distance returns the edit distance between a and b counted in runes:
// the fewest insertions, deletions and substitutions that turn one into
// the other.
func Distance(a, b string) int {
	return Bounded(a, b, -1)
}

// Bounded returns the edit distance of a and b, or max+1 as
// soon as it is certain to exceed max (max < 0: no bound).
func Bounded(a, b string, max int) int {
	if a == b {
		return 0
	}
	var ra, rb []rune
	if isASCII(a) && isASCII(b) {
		return levenshteinBytes(a, b, max)
	}
	ra, rb = []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if max >= 0 && len(ra)-len(rb) > max {
		return max + 1
	}
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		diag := row[0]
		row[0] = i
		best := row[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(row[j]+1, row[j-1]+1, diag+cost)
			diag = row[j]
			row[j] = v
			best = min(best, v)
		}
		if max >= 0 && best > max {
			return max + 1
		}
	}
	return row[len(rb)]
}

func levenshteinBytes(a, b string, max int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	if max >= 0 && len(a)-len(b) > max {
		return max + 1
	}
	if max >= 0 && max < 8 {
		return levenshteinBand(a, b, max)
	}
	var buf [64]int
	var row []int
	if len(b)+1 <= len(buf) {
		row = buf[:len(b)+1]
	} else {
		row = make([]int, len(b)+1)
	}
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		best := row[0]
		ca := a[i-1]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if ca == b[j-1] {
				cost = 0
			}
			v := row[j] + 1
			if w := row[j-1] + 1; w < v {
				v = w
			}
			if w := diag + cost; w < v {
				v = w
			}
			diag = row[j]
			row[j] = v
			if v < best {
				best = v
			}
		}
		if max >= 0 && best > max {
			return max + 1
		}
	}
	return row[len(b)]
}

// levenshteinBand computes the distance of a and b (len(a) ≥ len(b))
// only on the diagonal band |i−j| ≤ k, in O(len·k); it returns k+1 when
// the distance exceeds k.
func levenshteinBand(a, b string, k int) int {
	const inf = 1 << 30
	n, m := len(a), len(b)
	var prevBuf, curBuf [128]int
	var prev, cur []int
	if m+1 <= len(prevBuf) {
		prev, cur = prevBuf[:m+1], curBuf[:m+1]
	} else {
		prev, cur = make([]int, m+1), make([]int, m+1)
	}
	for j := 0; j <= m; j++ {
		if j <= k {
			prev[j] = j
		} else {
			prev[j] = inf
		}
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		if lo > 1 {
			cur[lo-1] = inf
		}
		if i <= k {
			cur[0] = i
		} else {
			cur[0] = inf
		}
		best := cur[0]
		if lo > 1 {
			best = inf
		}
		ca := a[i-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ca == b[j-1] {
				cost = 0
			}
			v := prev[j-1] + cost
			if w := prev[j] + 1; w < v {
				v = w
			}
			if w := cur[j-1] + 1; w < v {
				v = w
			}
			cur[j] = v
			if v < best {
				best = v
			}
		}
		if hi < m {
			cur[hi+1] = inf
		}
		if best > k {
			return k + 1
		}
		prev, cur = cur, prev
	}
	if prev[m] > k {
		return k + 1
	}
	return prev[m]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Similarity scores how alike two folded keys are, from 0 to 1: the best
// of the edit distance (1 − Distance/longer length), word containment
// (every content word of the shorter key in the longer one: 0.75 to 0.95;
// Spanish stop words do not count) and codes (digit strings equal once
// leading zeros are dropped: 0.95; other digit strings: 0).
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	if isDigits(a) && isDigits(b) {
		if strings.TrimLeft(a, "0") == strings.TrimLeft(b, "0") {
			return 0.95
		}
		return 0 // different codes are different things
	}
	long := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	best := 1 - float64(Distance(a, b))/float64(long)
	ta, tb := contentWords(a), contentWords(b)
	if len(ta) > 0 && len(tb) > 0 {
		short, lng := ta, tb
		if len(short) > len(lng) {
			short, lng = lng, short
		}
		in := 0
		for _, t := range short {
			for _, u := range lng {
				if t == u {
					in++
					break
				}
			}
		}
		switch {
		case in == len(short):
			best = max(best, 0.75+0.2*float64(len(short))/float64(len(lng)))
		case in > 0:
			best = max(best, 0.7*float64(in)/float64(len(lng)+len(short)-in))
		}
	}
	return best
}

// StopWords are the Spanish words that do not count as content words of
// a name.
var StopWords = map[string]bool{"de": true, "del": true, "la": true, "las": true, "los": true, "el": true, "y": true}

func contentWords(s string) []string {
	f := strings.Fields(s)
	out := make([]string, 0, len(f))
	for _, t := range f {
		if !StopWords[t] {
			out = append(out, t)
		}
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
