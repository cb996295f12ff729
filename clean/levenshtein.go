package clean

import "github.com/datacon-mx/cifra/internal/textdist"

// Levenshtein returns the edit distance between a and b counted in runes:
// the fewest insertions, deletions and substitutions that turn one into
// the other.
func Levenshtein(a, b string) int { return textdist.Distance(a, b) }

// levenshteinBounded returns the edit distance of a and b, or max+1 as
// soon as it is certain to exceed max (max < 0: no bound).
func levenshteinBounded(a, b string, max int) int { return textdist.Bounded(a, b, max) }

// Similarity scores how alike two names are, from 0 (nothing in common)
// to 1 (the same after folding case, accents and punctuation). It takes
// the best of three views, so that the names a reporter would pair score
// high:
//
//   - edit distance: 1 − Levenshtein/longer length ("Verakruz" ~
//     "Veracruz" 0.88);
//   - word containment: every content word of the shorter name appears in
//     the longer one ("Veracruz" in "Veracruz de Ignacio de la Llave",
//     "Coahuila" in "Coahuila de Zaragoza"): 0.75 to 0.95, higher when
//     the longer name adds fewer words; Spanish stop words (de, la, del,
//     los, las, y, el) do not count;
//   - codes: digit strings equal once leading zeros are dropped ("1" ~
//     "01") score 0.95; different digit strings score 0 ("24" is not
//     like "20").
func Similarity(a, b string) float64 {
	return textdist.Similarity(FoldString(a), FoldString(b))
}

// spanishStop are the words that do not count as content words.
var spanishStop = textdist.StopWords

// similarityKeys is Similarity on already folded keys.
func similarityKeys(a, b string) float64 { return textdist.Similarity(a, b) }
