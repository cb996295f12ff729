// Package mojibake undoes the most common damage in Mexican open data:
// UTF-8 text decoded as Windows-1252 or Latin-1 ("MÃ©xico"), once or
// twice, and stray Windows-1252 bytes in UTF-8 text. clean.FixMojibake and
// clean/mx's lookups repair text with it.
//
// Files:
//   - mojibake.go: Fix and the Windows-1252 byte rules it undoes.
package mojibake
