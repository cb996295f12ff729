// Package textdist measures how far apart two strings are: the edit
// distance in runes (with a bound for early exit and a fast path for
// ASCII) and a similarity score for names that knows Spanish stop words
// and codes. clean (Levenshtein, Similarity, clustering, join suggestions,
// MatchNames) and clean/mx (suggested names) all measure with it.
//
// Files:
//   - textdist.go: Distance, Bounded and Similarity.
package textdist
