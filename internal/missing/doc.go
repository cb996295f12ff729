// Package missing holds the markers that Mexican (and most) open data use
// for a value that is not there. Readers and cleaners share this one list.
//
// Files:
//   - missing.go: the markers and Set.
//   - dates.go: the date placeholders ("9999-99-99", "-001-11-30"…).
package missing
