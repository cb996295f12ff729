// Package isodate reads the ISO-8601 dates that cifra passes between its
// stages: "2024" (a year), "2024-Q3" (a quarter, as clean.Dates writes
// quarters; "2024-q3" is read too), "2024-10" (a month) and "2024-10-17" (a
// day; a time after the day, "2024-10-17 08:00" or "2024-10-17T08:00", is
// ignored). analyze and chart both read dates with Parse, so a value that
// one accepts the other accepts too.
//
// Years run from 1000 to 9999, as clean.Dates writes them: "0999" or
// "+202" is an error, not the year 999 or 202.
//
// Files:
//   - isodate.go: Date, Precision and Parse.
package isodate
