// Package fold turns text into matching keys: accents and case removed,
// punctuation turned into spaces, whitespace collapsed. "  Michoacán de
// Ocampo " and "MICHOACAN DE OCAMPO" fold to the same key.
//
// Files:
//   - fold.go: Key and the folding tables.
package fold
