// Package num parses numbers as Mexican, Spanish and most government data
// write them: "$1,234,567.89", "1 234", "(1,234)", "12.5%", "MXN 1,234",
// "1,234.5 pesos", "−3" (Unicode minus) and, with a comma decimal mark,
// "1.234.567,89". It is shared by fetch (type inference) and clean
// (Numbers) and uses no regular expressions.
//
// The rules, for a decimal mark d and its opposite mark g:
//   - surrounding whitespace (also non-breaking and thin spaces) is ignored;
//   - a currency symbol or code before or after the number ("$", "MX$",
//     "US$", "MXN", "USD", "EUR", "€", "pesos", "M.N.", "dólares"…) is
//     removed and named in Result.Currency;
//   - a trailing footnote mark ("*", "p/", "e/") is removed and sets
//     Result.Footnote;
//   - a trailing "%" is removed and sets Result.Percent (the value stays as
//     written: "12.5%" is 12.5);
//   - "(1,234)", a leading "-", "+", "−" (U+2212) or "–" and a trailing "-"
//     give the sign;
//   - g and spaces group thousands: the first group has 1–3 digits, every
//     later group exactly 3 ("1,234,567" and "1 234"); groups come before d;
//   - one g followed by other than 3 digits ("1,5" when d is '.') could be
//     either mark, so it is ErrAmbiguous, never 15;
//   - a second d, mixed group marks, or anything else left over is
//     ErrSyntax; an exponent ("1.5E+06") is accepted.
//
// Files:
//   - num.go: Parse, its options and its errors.
package num
