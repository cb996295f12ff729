// Package analyze finds the story in a tidy table: profiles, group
// summaries, rates, changes, shares, ranks and constant pesos.
package analyze
