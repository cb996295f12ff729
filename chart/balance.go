package chart

import (
	"strings"

	"gonum.org/v1/plot/vg"
)

// wrapBalanced wraps s into as many lines as wrap does at width w, but
// with lines of even length: the narrowest width that needs no more lines
// is used, so a title breaks as "Colima, la entidad con más carpetas /
// por homicidio doloso por habitante" and never leaves one word alone on
// its last line. Words are never cut narrower than they are.
func (r *renderer) wrapBalanced(s string, size vg.Length, bold bool, w vg.Length) []string {
	lines := r.wrap(s, size, bold, w)
	if len(lines) < 2 || strings.Contains(s, "\n") {
		return lines
	}
	var widest vg.Length
	for _, word := range strings.Fields(safeText(s)) {
		if ww := r.width(word, size, bold); ww > widest {
			widest = ww
		}
	}
	lo, hi := widest, w
	if lo > hi {
		return lines
	}
	best := lines
	for i := 0; i < 14 && hi-lo > 0.5; i++ {
		mid := (lo + hi) / 2
		if try := r.wrap(s, size, bold, mid); len(try) <= len(lines) {
			best, hi = try, mid
		} else {
			lo = mid
		}
	}
	return best
}

// nameLines sets a name in at most two lines no wider than w where it can:
// one line when it fits, else the two lines of most even width (broken at
// a space). A name is never cut: a single word wider than w, or a name
// whose halves are still wider than w, is drawn wider than w.
func (r *renderer) nameLines(s string, size vg.Length, bold bool, w vg.Length) []string {
	s = strings.Join(strings.Fields(safeText(s)), " ")
	if r.width(s, size, bold) <= w {
		return []string{s}
	}
	best, bestW := []string{s}, r.width(s, size, bold)
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		a, b := s[:i], s[i+1:]
		ww := max(r.width(a, size, bold), r.width(b, size, bold))
		if ww < bestW {
			best, bestW = []string{a, b}, ww
		}
	}
	return best
}

// linesWidth is the width of the widest line.
func (r *renderer) linesWidth(lines []string, size vg.Length, bold bool) vg.Length {
	var w vg.Length
	for _, l := range lines {
		w = max(w, r.width(l, size, bold))
	}
	return w
}
