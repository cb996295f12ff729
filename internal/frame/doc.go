// Package frame builds gota series and data frames from typed column slices
// and reads typed slices back out of them.
//
// It is the one place where cifra hands data to gota and takes it back, so
// that every package builds each series once, from a typed slice, with
// missing values marked explicitly.
//
// frame.go holds the plain builders and readers; view.go the fast paths
// (View and Views read columns without gota's copy, StringsDict and Codes
// build columns of few distinct values without boxing every value).
//
// gota quirk kept in mind: a String element whose text is exactly "NaN" is
// always missing in gota; nothing here can change that.
//
// Files:
//   - frame.go: the plain builders and readers.
//   - view.go: the fast paths (View, Views, StringsDict, Codes).
//   - build.go: number series built without boxing every value.
package frame
