// Package analyze finds the story in a tidy table: profiles, group
// summaries, crosstabs, rates per capita, shares, changes, ranks, rolling
// windows, constant pesos, currency conversion, outliers, correlation and
// trends. Every function takes a gota dataframe.DataFrame and returns a new
// one (the input is never changed), plus a report where a step can leave
// values missing.
//
// # Entry points
//
//	p := analyze.Profile(df)                                  // fmt.Print(p); p.DataFrame()
//	out, err := analyze.GroupBy(df, "cve_ent").Agg(analyze.Sum("importe"), analyze.Count())
//	out, err := analyze.Rate(df, "homicidios", "poblacion", 100_000, "tasa")
//	out, rep, err := analyze.Deflate(df, "importe", "fecha", analyze.INPC(), "2024-03")
//
// # Files
//
//   - profile.go, profile_checks.go: Profile, ProfileReport and its warnings;
//     profile_table.go: the table-level checks (exact duplicate rows, and
//     totals rows found by their numbers with internal/totals, the
//     detector of clean.DropTotals).
//   - grouped.go, agg.go, group.go, kernels.go: GroupBy, Agg constructors
//     (Count, Sum, Mean, Median, Quantile, Min, Max, Std, CountDistinct,
//     Missing, WeightedSum, WeightedMean, WeightedQuantile), typed hash
//     grouping and the per-group kernels. prefetch.go: reading the key and
//     value columns of one Agg at once across cores (large tables).
//     agg_spec.go: Agg.Spec and AggSpec, the description of an aggregate
//     that the engine package compiles to SQL.
//   - partial.go, partial_state.go, tdigest.go: Partial, aggregates that
//     combine across chunks (fetch.EachChunk) with a t-digest for quantiles.
//   - crosstab.go: Crosstab with counts or sums, percentages and totals.
//   - rate.go: Rate with the small-number flag. rate_total.go: the total
//     row of RateOptions.Total (sum of numerators over sum of denominators).
//   - change.go: Share, Change, YoY, IndexTo. share.go: ShareWithReport
//     and ShareReport. between.go: ChangeBetween;
//     between_keep.go: the group-constant columns it keeps.
//     rank.go: Rank, TopN.
//     window.go: Rolling, CumSum. window_int.go: their exact sums of Int
//     columns (a 128-bit sliding sum).
//   - index.go, deflate.go: PriceIndex (monthly or quarterly), INPC (embedded),
//     Deflate.
//     currency.go: ExchangeRates, FIX (embedded), Convert. currency_mixed.go:
//     Currencies, converting a column of mixed currencies.
//     period_const.go: a period given for every row instead of a date
//     column (Deflate, Convert).
//   - embedded.go: the loader of the series shipped in data/ (INPC, FIX).
//   - deprecated.go: former names (Index, Rates, NewIndex, NewRates…)
//     kept as aliases of their replacements.
//   - stats.go: Outliers, Pearson, Spearman, Trend.
//   - columns.go, dates.go, errors.go: reading columns (in place, without
//     gota's copy), ISO dates, errors.
//
// # Input rules
//
// Missing values are gota's missing elements (IsNaN), including NaN floats.
// Numeric calculations accept Int, Float and Bool columns, and String
// columns whose every non-missing value is a plain number ("12.5"); any other
// text is an error wrapping ErrNotNumeric that names the column, row and
// value (parse such columns with clean first). A missing column is an error
// wrapping ErrNoColumn, never an empty result. Dates are ISO strings
// ("2024-10-17", "2024-10", "2024-Q3" or "2024"; a time after the day is
// ignored); anything else is an error wrapping ErrBadDate.
//
// Rows: every row number in a message or report is a 1-based row of the
// table the call received (row 1 is the first data row), the numbering of
// every cifra package, so a bad cell is the same row here as in clean and
// chart. Messages start with "analyze:" once; ErrNoColumn, ErrArgument,
// ErrFrame and the other shared sentinels are the same values as
// clean.ErrNoColumn, chart.ErrNoColumn….
//
// Quarters are written "2024-Q3" ("2024-q3" is read too), as clean.Dates
// writes quarterly series (INEGI's quarterly GDP or ENOE, Banxico's
// remittances by state). A quarter is a period of its own, never its first
// month: Deflate uses the average of the index over the quarter's three
// months (missing unless all three are published; a quarterly PriceIndex, built
// from "2024-Q1" periods, is looked up by quarter), Convert the average
// quote over the quarter, Trend gives the slope per quarter and YoY
// compares with the same quarter a year earlier. Change, Rolling and
// CumSum sort quarters by year and quarter; a period column mixing
// quarters with months, days or years is an error wrapping ErrBadDate.
//
// Missing values are skipped by sums, means, quantiles and the rest, and
// counted by Count and Missing; an aggregate over a group with no values is
// missing, not 0. A missing key value forms its own group. Divisions never
// give ±Inf: a zero or negative denominator, a change from zero or a base of
// zero gives a missing value plus a flag or note column and a count in the
// report. Reports print as short blocks (String) for the methodology note.
//
// # Output order and names
//
// GroupBy output has the keys first (with their types) then one column per
// aggregate named "count", "<col>_sum", "<col>_mean", "<col>_median",
// "<col>_min", "<col>_max", "<col>_std", "<col>_n_distinct",
// "<col>_q<percent>" (q=0.9 → "_q90", q=0.025 → "_q2.5"), "<col>_missing",
// "<col>_wsum", "<col>_wmean", "<col>_wq<percent>", or the name given with
// Agg.As. Groups come in order of first appearance; Grouped.Sorted orders
// them by key. Functions that add columns keep the row order of the input.
//
// All errors wrap one of the package sentinels (ErrNoColumn, ErrNotNumeric,
// ErrArgument, ErrBadDate, ErrFrame, ErrNoBase); messages start with
// "analyze:".
package analyze
