// Package totals finds the totals and subtotals rows of a table by their
// numbers: a row equal to the sum of the rows it heads (comes just before)
// or closes (comes just after), at any level — a national row above state
// rows, state rows above their municipalities, a closing "Total" row.
// Words such as "Total" or "Nacional" are extra evidence, never enough on
// their own. clean.DropTotals and analyze.Profile share this detector.
//
// The rules:
//
//   - A row is a total of a block of at least two items (rows, or lower
//     totals with the rows they sum) when, on every value column where the
//     row and all the items have a value, it equals their sum; at least one
//     column must be compared, the row must be nonzero there, and at least
//     two items must be nonzero (a row equal to its only nonzero neighbour
//     is a duplicate, not a total).
//   - Integer columns compare exactly; other columns with a relative
//     tolerance of RelTol (plus the rounding of the running sums).
//   - Levels are found bottom up: the lowest subtotals first; each group
//     found is then one item, so a national row is the sum of the state
//     rows above their municipalities.
//   - Coincidences are refused: in each pass the candidate groups count
//     only if they are tiled (two or more groups side by side covering at
//     least half of the items), or one group spans every item of the pass
//     (a grand total), or the row carries a totals word.
//   - When no row heads or closes a block, a total may sit among its
//     parts (CONAPO sorts each year's states by name, so "Nacional" falls
//     between Morelos and Nayarit): blocks are sought one after another,
//     each ending where the running sum reaches twice its largest item,
//     and count under the same tiling rule (or with a totals word). Then
//     one row equal to the sum of all the others is a grand total if two
//     columns agree, five or more rows are summed, or it carries a word.
//   - A total that stands for a block of rows (Hombres, Mujeres, Total)
//     brings the rows aligned with it: the national Hombres row is a total
//     when it equals the sum of the states' Hombres rows.
//
// # Files
//
//   - doc.go: this overview.
//   - totals.go: Find, FindAuto, Group, Column, Word (the detector, its
//     levels, and the fallback for columns chosen automatically).
//   - columns.go: Summable (which numeric columns add up).
//   - frame.go: FindFrame and Table (value and label columns of a gota
//     DataFrame), Group.Reason and Label for reports.
package totals
