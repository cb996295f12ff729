// Package sniff recognises what the first bytes of a body are, so every
// package that must tell an HTML page from data asks the same question the
// same way.
//
// Files:
//   - html.go: HTML, the test for an HTML page (after a BOM, UTF-16,
//     whitespace of any length, comments and an XML declaration).
package sniff
