// Package mxstates is the one catalogue of Mexico's 32 states: INEGI codes,
// official and short names, abbreviations, ISO 3166-2 and CURP codes and
// the variants real files use, with the matching rules that read them.
// clean/mx (State, AddStateCode) and chart (Choropleth) both look states up
// here, so a name one accepts the other accepts too ("Coah", "Edomex",
// "Q. Roo").
//
// Files:
//   - data.go: All, Variants and NationalNames.
//   - lookup.go: State, Lookup, IsNational and the code and wildcard
//     rules.
package mxstates
