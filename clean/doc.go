// Package clean turns messy government tables into tidy ones and reports
// exactly what it changed.
package clean
