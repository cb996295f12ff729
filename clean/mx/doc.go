// Package mx holds Mexico's geography catalogues: the 32 states and the
// municipalities with their INEGI codes, names and common variants.
package mx
